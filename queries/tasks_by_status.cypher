// name: tasks_by_status
// description: Tasks a progress report gives a state (done / in progress / behind / not started), with the report's word, the deadline and the units that lead them
// params: status (string, e.g. in progress), word (string, default ""), jurisdiction (string, default ""), topic (topic, default ""), mention (string, default ""), units (list, default ""), role (string, default any), due_after (string, default ""), due_before (string, default "")
// topic: tasks tagged with it, and every task of a document whose title names it as the whole plan's (Document.topics).
// word, when set, keeps the tasks the report calls by a word holding it (基本完成 among in progress; 阶段性: 已完成阶段性任务).
// mention, when set, keeps the tasks whose title or text, or whose document's title, holds those words (a question narrower than its topic).
// due_after / due_before (ISO dates), when set, keep the tasks due within them (哪些正在推进的任务要在三季度完成).
// units, the tasks any of these units is assigned in the role asked: any, lead (stated, or the first-listed
// 责任单位 where the task reads so: Task.first_leads) or cooperate.
// status: done / in progress / behind / not started (ingest/data/status.yaml: the words of each);
// a plan gives its tasks no state, so only progress reports answer. unit / basis as in tasks_overdue.
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE t.status = $status
  AND ($word = '' OR t.status_text CONTAINS $word)
  AND ($jurisdiction = '' OR $jurisdiction IN d.places)
  AND ($topic = '' OR $topic IN t.topics OR $topic IN d.topics)
  AND ($mention = '' OR t.title CONTAINS $mention OR coalesce(t.text, '') CONTAINS $mention OR d.title CONTAINS $mention)
  AND ($due_after = '' OR t.due_date >= $due_after)
  AND ($due_before = '' OR t.due_date <= $due_before)
  AND (size($units) = 0 OR EXISTS {
        MATCH (x:Unit)-[a:LEADS|COOPERATES|RESPONSIBLE_FOR]->(t)
        WHERE (x.name IN $units OR x.id IN $units)
          AND ($role = 'any' OR ($role = 'lead' AND (a.role = 'lead' OR (a.role = 'responsible' AND a.rank = 1 AND t.first_leads)))
               OR ($role = 'cooperate' AND a.role = 'cooperate')) })
WITH d, t, t.first_leads AS listed
OPTIONAL MATCH (u:Unit)-[r:LEADS|RESPONSIBLE_FOR]->(t)
WHERE r.role = 'lead' OR (r.rank = 1 AND listed)
RETURN coalesce(d.jurisdiction, '') AS jurisdiction, coalesce(t.status_text, '') AS status, t.title AS task,
       t.due_date AS due_date, t.due_text AS deadline, d.title AS document,
       coalesce(u.name, '') AS unit,
       CASE WHEN r IS NULL THEN 'no lead named' WHEN r.role = 'lead' THEN 'stated lead'
            ELSE 'first-listed responsible unit' END AS basis
ORDER BY jurisdiction, document, due_date, task, status, deadline, basis, unit
