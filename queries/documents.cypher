// name: documents
// description: Loaded documents with jurisdiction, date and task / target counts
// params:
MATCH (d:Document)
RETURN coalesce(d.jurisdiction, '') AS jurisdiction, coalesce(d.date, '') AS date, d.title AS title, d.id AS id,
       COUNT { MATCH (d)-[:HAS_TASK]->(:Task) } AS tasks, COUNT { MATCH (d)-[:SETS]->(:Target) } AS targets
ORDER BY jurisdiction, date, title, id, tasks, targets
