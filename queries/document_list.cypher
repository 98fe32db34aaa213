// name: document_list
// description: Loaded documents (optionally of one jurisdiction or the places under it), one page at a time
// params: jurisdiction (string, default "", e.g. 聊城市), issuer (string, default ""), skip (int, default 0), limit (int, default 50)
// document_count counts the same filter.
MATCH (d:Document)
WHERE ($jurisdiction = '' OR $jurisdiction IN d.places)
  AND ($issuer = '' OR coalesce(d.issuer, '') CONTAINS $issuer)  // issuer: a body or unit by name
RETURN d.id AS id, d.title AS title, coalesce(d.jurisdiction, '') AS jurisdiction, coalesce(d.date, '') AS date,
       coalesce(d.doc_number, '') AS doc_number, coalesce(d.issuer, '') AS issuer, coalesce(d.source, '') AS source,
       COUNT { MATCH (d)-[:HAS_TASK]->(:Task) } AS tasks, COUNT { MATCH (d)-[:SETS]->(:Target) } AS targets
ORDER BY jurisdiction, date, title, id, doc_number, issuer, source, tasks, targets
SKIP $skip LIMIT $limit
