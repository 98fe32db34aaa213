// name: targets_by_metric
// description: Quantified targets whose metric contains a word, across jurisdictions
// params: metric (string, default "", e.g. 5G)
MATCH (d:Document)-[:SETS]->(x:Target)
WHERE $metric = '' OR x.metric CONTAINS $metric
RETURN coalesce(x.metric, '') AS metric, coalesce(d.jurisdiction, '') AS jurisdiction, x.value AS value,
       coalesce(x.unit, '') AS unit, coalesce(x.due, '') AS due, coalesce(x.status, '') AS status, d.title AS document
ORDER BY metric, jurisdiction, due, value, unit, status, document
