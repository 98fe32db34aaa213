// name: document_hashes
// description: Every stored document's id and content hash (what an ingest run skips as already loaded)
// params:
MATCH (d:Document)
RETURN d.id AS id, d.sha256 AS sha256
ORDER BY id
