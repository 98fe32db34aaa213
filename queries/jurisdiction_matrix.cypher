// name: jurisdiction_matrix
// description: The responsibility matrix of a jurisdiction: every task of its documents (and of the places under it) with units, role and rank
// params: jurisdiction (string, e.g. 聊城市)
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE $jurisdiction IN d.places
OPTIONAL MATCH (u:Unit)-[r:LEADS|COOPERATES|RESPONSIBLE_FOR]->(t)
RETURN coalesce(d.jurisdiction, '') AS jurisdiction, d.title AS document, t.start AS position, t.title AS task,
       coalesce(u.name, '') AS unit, coalesce(r.role, '') AS role, coalesce(r.rank, 0) AS rank
ORDER BY jurisdiction, document, position, task, role, rank, unit
