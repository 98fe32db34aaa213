// name: document_count
// description: How many documents match the document_list filter (its total)
// params: jurisdiction (string, default "", e.g. 聊城市)
MATCH (d:Document)
WHERE $jurisdiction = '' OR $jurisdiction IN d.places
RETURN count(d) AS total
