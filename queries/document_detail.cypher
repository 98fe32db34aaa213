// name: document_detail
// description: One document's metadata with its task and target counts
// params: document (string, e.g. 聊城市降低企业用电成本工作方案)
// document matches the document id, its source file name or its title.
MATCH (d:Document)
WHERE d.id = $document OR d.source = $document OR d.title = $document
RETURN d.id AS id, d.title AS title, coalesce(d.jurisdiction, '') AS jurisdiction, coalesce(d.date, '') AS date,
       coalesce(d.doc_number, '') AS doc_number, coalesce(d.issuer, '') AS issuer, coalesce(d.source, '') AS source,
       coalesce(d.sha256, '') AS sha256,
       COUNT { MATCH (d)-[:HAS_TASK]->(:Task) } AS tasks, COUNT { MATCH (d)-[:SETS]->(:Target) } AS targets
ORDER BY id, title, jurisdiction, date, doc_number, issuer, source, sha256, tasks, targets
