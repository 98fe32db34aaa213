// name: unit_assignments
// description: One unit's assignments across documents by role, with each task's deadline, document and sentence, one page at a time
// params: unit (string, e.g. 聊城市工业和信息化局), role (string, default ""), skip (int, default 0), limit (int, default 50)
// unit matches the fully qualified name or the unit id; role: lead / cooperate / responsible, or empty
// for all (stated leads first); unit_assignment_count counts the same rows.
// basis says how the document assigns the task (a first-listed 责任单位 is not a stated lead);
// due_date / deadline are the task's primary deadline ('' when it has none).
MATCH (u:Unit)-[r:LEADS|COOPERATES|RESPONSIBLE_FOR]->(t:Task)<-[:HAS_TASK]-(d:Document)
WHERE (u.name = $unit OR u.id = $unit) AND ($role = '' OR r.role = $role)
WITH r, t, d, t.first_leads AS listed
OPTIONAL MATCH (t)-[due:DUE]->(dl:Deadline)
WHERE due.is_primary = true
RETURN CASE WHEN r.role = 'lead' THEN 1 WHEN r.role = 'responsible' THEN 2 ELSE 3 END AS role_order, r.role AS role, r.rank AS rank,
       CASE WHEN r.role = 'lead' THEN 'stated lead'
            WHEN r.role = 'cooperate' THEN 'cooperating unit'
            WHEN r.rank = 1 AND listed THEN 'first-listed responsible unit'
            ELSE 'listed responsible unit' END AS basis,
       coalesce(dl.date, '') AS due_date, coalesce(dl.kind, '') AS deadline_kind, coalesce(dl.text, '') AS deadline,
       t.id AS task_id, t.title AS task, d.id AS document_id, d.title AS document, coalesce(d.date, '') AS document_date,
       coalesce(d.jurisdiction, '') AS jurisdiction, coalesce(r.evidence, '') AS evidence
ORDER BY role_order, role, rank, due_date, deadline_kind, deadline, task_id, task, document_id, document, document_date, jurisdiction, evidence, basis
SKIP $skip LIMIT $limit
