// name: document_targets
// description: The quantified targets one document sets: metric, value, unit, due date and the sentence
// params: document (string, e.g. 聊城市降低企业用电成本工作方案)
// document matches the document id, its source file name or its title.
MATCH (d:Document)-[:SETS]->(x:Target)
WHERE d.id = $document OR d.source = $document OR d.title = $document
RETURN coalesce(x.metric, '') AS metric, x.value AS value, coalesce(x.unit, '') AS unit, coalesce(x.due, '') AS due,
       coalesce(x.text, '') AS text
ORDER BY metric, value, unit, due, text
