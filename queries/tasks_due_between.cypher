// name: tasks_due_between
// description: Tasks whose primary dated deadline (or a window's last day) falls between two dates (inclusive), with the units that lead them
// params: due_from (string, e.g. 2021-06-01), due_to (string, e.g. 2021-06-30), jurisdiction (string, default ""), or_jurisdiction (string, default ""), topic (topic, default ""), mention (string, default ""), units (list, default "")
// or_jurisdiction: a second place, asked about beside jurisdiction (两地未来两周到期的任务).
// topic: tasks tagged with it, and every task of a document whose title names it as the whole plan's (Document.topics).
// mention, when set, keeps the tasks whose title or text, or whose document's title, holds those words (a question narrower than its topic,
// or words it asks about); units, the tasks any of these units is assigned, in any role.
// status: a progress report's word for the task's state, else "".
// unit / basis: stated leads, else the first-listed 责任单位 (not a stated lead), else "no lead named".
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE t.due_kind IN ['by', 'period'] AND t.due_date > '' AND t.due_date >= $due_from AND t.due_date <= $due_to
  AND ($jurisdiction = '' OR $jurisdiction IN d.places OR $or_jurisdiction IN d.places)
  AND ($topic = '' OR $topic IN t.topics OR $topic IN d.topics)
  AND ($mention = '' OR t.title CONTAINS $mention OR coalesce(t.text, '') CONTAINS $mention OR d.title CONTAINS $mention)
  AND (size($units) = 0 OR EXISTS { MATCH (x:Unit)-[:LEADS|COOPERATES|RESPONSIBLE_FOR]->(t) WHERE x.name IN $units OR x.id IN $units })
WITH d, t, t.first_leads AS listed
OPTIONAL MATCH (u:Unit)-[r:LEADS|RESPONSIBLE_FOR]->(t)
WHERE r.role = 'lead' OR (r.rank = 1 AND listed)
RETURN t.due_date AS due_date, t.due_text AS deadline, coalesce(d.jurisdiction, '') AS jurisdiction,
       t.title AS task, coalesce(t.status_text, '') AS status, d.title AS document, coalesce(u.name, '') AS unit,
       CASE WHEN r IS NULL THEN 'no lead named' WHEN r.role = 'lead' THEN 'stated lead'
            ELSE 'first-listed responsible unit' END AS basis
ORDER BY due_date, jurisdiction, document, task, status, deadline, basis, unit
