// name: unit_tasks
// description: Everything one unit leads, cooperates on or is responsible for, across documents
// params: unit (string, e.g. 聊城市工业和信息化局)
// unit matches the fully qualified name or the unit id.
MATCH (u:Unit)-[r:LEADS|COOPERATES|RESPONSIBLE_FOR]->(t:Task)<-[:HAS_TASK]-(d:Document)
WHERE u.name = $unit OR u.id = $unit
RETURN coalesce(d.jurisdiction, '') AS jurisdiction, d.title AS document, t.title AS task,
       r.role AS role, r.rank AS rank, coalesce(r.evidence, '') AS evidence
ORDER BY jurisdiction, document, task, role, rank, evidence
