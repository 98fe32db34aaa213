// name: document_match
// description: The stored documents with this id or this content hash (what an upload is checked against)
// params: id (string, e.g. f75527e703e4726a), sha256 (string, default "", e.g. 0000000000000000000000000000000000000000000000000000000000000000)
MATCH (d:Document)
WHERE d.id = $id OR d.sha256 = $sha256
RETURN d.id AS id, d.sha256 AS sha256
ORDER BY id
