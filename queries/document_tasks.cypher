// name: document_tasks
// description: One document's tasks in document order with deadline and units (one row per task and unit; tasks without units too)
// params: document (string, e.g. 聊城市降低企业用电成本工作方案)
// document matches the document id, its source file name or its title.
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE d.id = $document OR d.source = $document OR d.title = $document
OPTIONAL MATCH (t)-[due:DUE]->(dl:Deadline)
WHERE due.is_primary = true
OPTIONAL MATCH (u:Unit)-[r:LEADS|COOPERATES|RESPONSIBLE_FOR]->(t)
RETURN t.start AS position, t.id AS task_id, t.title AS task, coalesce(t.category, '') AS category,
       coalesce(dl.text, '') AS deadline, coalesce(dl.date, '') AS due_date,
       coalesce(u.name, '') AS unit, coalesce(r.role, '') AS role, coalesce(r.rank, 0) AS rank
ORDER BY position, task_id, task, category, deadline, due_date, role, rank, unit
