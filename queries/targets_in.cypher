// name: targets_in
// description: Quantified targets per city: which jurisdictions set which targets, optionally for one metric word or one jurisdiction
// params: metric (string, default "", e.g. 5G基站), jurisdiction (string, default "")
// metric: a substring of the target's metric; jurisdiction also matches the places under it.
MATCH (d:Document)-[:SETS]->(x:Target)
WHERE ($metric = '' OR x.metric CONTAINS $metric)
  AND ($jurisdiction = '' OR $jurisdiction IN d.places)
RETURN coalesce(d.city, '') AS city, coalesce(d.jurisdiction, '') AS jurisdiction,
       coalesce(x.metric, '') AS metric, x.value AS value, coalesce(x.unit, '') AS unit, coalesce(x.due, '') AS due,
       coalesce(x.status, '') AS status, d.title AS document, coalesce(x.text, '') AS evidence
ORDER BY city, jurisdiction, metric, due, value, unit, status, document, evidence
