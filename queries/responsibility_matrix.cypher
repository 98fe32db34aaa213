// name: responsibility_matrix
// description: One document's responsibility matrix: every task with its units, role and rank (tasks without units too)
// params: document (string, e.g. 聊城市降低企业用电成本工作方案)
// document matches the document id, its source file name or its title.
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE d.id = $document OR d.source = $document OR d.title = $document
OPTIONAL MATCH (u:Unit)-[r:LEADS|COOPERATES|RESPONSIBLE_FOR]->(t)
RETURN t.start AS position, t.title AS task, coalesce(u.name, '') AS unit,
       coalesce(r.role, '') AS role, coalesce(r.rank, 0) AS rank
ORDER BY position, task, role, rank, unit
