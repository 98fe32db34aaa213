// name: document_count
// description: How many documents match the document_list filter (its total)
// params: jurisdiction (string, default "", e.g. 聊城市)
MATCH (d:Document)
WHERE $jurisdiction = '' OR d.jurisdiction = $jurisdiction
   OR EXISTS { MATCH (d)-[:ISSUED_IN]->(:Jurisdiction)-[:PART_OF*1..2]->(up:Jurisdiction) WHERE up.name = $jurisdiction }
RETURN count(d) AS total
