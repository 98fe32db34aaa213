// name: task_progress
// description: What progress reports say of their tasks: the 落实情况 / 进展情况 paragraph and the state a report gives, with the deadline and the units that lead them
// params: jurisdiction (string, default ""), topic (topic, default ""), units (list, default ""), unit_type (string, default ""), role (string, default any), mention (string, default "")
// topic: tasks tagged with it, and every task of a document whose title names it as the whole plan's (Document.topics).
// units / unit_type, when set, keep the tasks those units (or units of that function) are assigned in any role,
// or lead when role is lead (a stated lead, or the first-listed 责任单位 read as the lead).
// mention, when set, keeps the tasks whose title or text holds those words (the task asked about).
// status: the report's word for the task's state (已完成, 滞后), else ""; progress: its paragraph, else "".
// A plan says nothing of progress: only reports answer. unit / basis as in tasks_overdue.
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE (coalesce(t.progress, '') <> '' OR coalesce(t.status_text, '') <> '')
  AND ($jurisdiction = '' OR $jurisdiction IN d.places)
  AND ($topic = '' OR $topic IN t.topics OR $topic IN d.topics)
  AND ($mention = '' OR t.title CONTAINS $mention OR coalesce(t.text, '') CONTAINS $mention)
  AND ((size($units) = 0 AND $unit_type = '')
       OR EXISTS { MATCH (x:Unit)-[a:LEADS|COOPERATES|RESPONSIBLE_FOR]->(t)
                   WHERE (size($units) = 0 OR x.name IN $units) AND ($unit_type = '' OR x.unit_type = $unit_type)
                     AND ($role <> 'lead' OR a.role = 'lead' OR (a.rank = 1 AND t.first_leads)) })
WITH d, t, t.first_leads AS listed
OPTIONAL MATCH (u:Unit)-[r:LEADS|RESPONSIBLE_FOR]->(t)
WHERE r.role = 'lead' OR (r.rank = 1 AND listed)
RETURN coalesce(d.jurisdiction, '') AS jurisdiction, d.title AS document, t.title AS task,
       coalesce(t.status_text, '') AS status, coalesce(t.progress, '') AS progress,
       t.due_date AS due_date, t.due_text AS deadline, coalesce(u.name, '') AS unit,
       CASE WHEN r IS NULL THEN 'no lead named' WHEN r.role = 'lead' THEN 'stated lead'
            ELSE 'first-listed responsible unit' END AS basis
ORDER BY jurisdiction, document, due_date, task, status, progress, deadline, basis, unit
