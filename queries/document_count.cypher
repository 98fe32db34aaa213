// name: document_count
// description: How many documents match the document_list filter (its total)
// params: jurisdiction (string, default "", e.g. 聊城市), issuer (string, default "")
MATCH (d:Document)
WHERE ($jurisdiction = '' OR $jurisdiction IN d.places)
  AND ($issuer = '' OR coalesce(d.issuer, '') CONTAINS $issuer)  // issuer: a body or unit by name
RETURN count(d) AS total
