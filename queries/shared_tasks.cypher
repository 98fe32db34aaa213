// name: shared_tasks
// description: The tasks two units (or two bodies' units) are both assigned, each with its role and the sentence
// params: units_a (list, e.g. 开封市工业和信息化局), units_b (list, e.g. 国网开封供电公司)
// units_a / units_b: fully qualified names or ids (a body's units where it has several).
// role_a / role_b: lead / responsible / cooperate, as the document assigns each.
MATCH (a:Unit)-[ra:LEADS|COOPERATES|RESPONSIBLE_FOR]->(t:Task)
WHERE a.name IN $units_a OR a.id IN $units_a
MATCH (b:Unit)-[rb:LEADS|COOPERATES|RESPONSIBLE_FOR]->(t)
WHERE (b.name IN $units_b OR b.id IN $units_b) AND b.name <> a.name
MATCH (d:Document)-[:HAS_TASK]->(t)
RETURN coalesce(d.jurisdiction, '') AS jurisdiction, d.title AS document, t.title AS task,
       a.name AS unit_a, ra.role AS role_a, b.name AS unit_b, rb.role AS role_b,
       coalesce(ra.evidence, '') AS evidence
ORDER BY jurisdiction, document, task, unit_a, role_a, unit_b, role_b, evidence
