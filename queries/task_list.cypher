// name: task_list
// description: Tasks filtered by topic, jurisdiction, unit role, primary deadline and text, one page at a time
// params: topic (topic, default "", e.g. 转供电改直供电), jurisdiction (string, default ""), or_jurisdiction (string, default ""), role (string, default ""), unit (string, default ""), units (list, default ""), due_after (string, default ""), due_before (string, default ""), text (string, default ""), every (string, default ""), skip (int, default 0), limit (int, default 50)
// topic: tasks tagged with it, and every task of a document whose title names it as the whole plan's (Document.topics).
// every: only tasks whose primary deadline recurs and says so with these words (季 for 按季度 / 每季度);
// * for every task whose deadline recurs or runs on (每年, 长期坚持).
// jurisdiction also matches the city / province a document's county or city belongs to; or_jurisdiction is
// a second place asked about beside it (两地各有哪些任务6月到期).
// role: only tasks with a unit in that role (lead / cooperate / responsible), that unit when unit is set.
// due_after / due_before: ISO dates bounding the primary dated deadline, or a window's last day (inclusive).
// units: only tasks any of these units (names or ids) is assigned, in any role.
// text: a case-insensitive substring of the title or the text, or of the document's title (a task is
// about what its document is about). task_count counts the same filter.
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE ($jurisdiction = '' OR $jurisdiction IN d.places OR $or_jurisdiction IN d.places)
  AND ($topic = '' OR $topic IN t.topics OR $topic IN d.topics)
  AND (($role = '' AND $unit = '') OR EXISTS { MATCH (u:Unit)-[r:LEADS|COOPERATES|RESPONSIBLE_FOR]->(t)
                                             WHERE ($role = '' OR r.role = $role)
                                               AND ($unit = '' OR u.name = $unit OR u.id = $unit) })
  AND (size($units) = 0 OR EXISTS { MATCH (x:Unit)-[:LEADS|COOPERATES|RESPONSIBLE_FOR]->(t) WHERE x.name IN $units OR x.id IN $units })
  // Lower-casing every text costs five times the search; a needle without letters of two cases
  // (Chinese) is found as it is.
  AND ($text = '' OR CASE WHEN toLower($text) = toUpper($text)
                         THEN t.title CONTAINS $text OR coalesce(t.text, '') CONTAINS $text OR d.title CONTAINS $text
                         ELSE toLower(t.title) CONTAINS toLower($text) OR toLower(coalesce(t.text, '')) CONTAINS toLower($text)
                              OR toLower(d.title) CONTAINS toLower($text) END)
OPTIONAL MATCH (t)-[due:DUE]->(dl:Deadline)
WHERE due.is_primary = true
WITH d, t, dl, coalesce(dl.date, CASE WHEN t.due_date > '' THEN t.due_date END) AS due_on
WHERE ($due_after = '' OR due_on >= $due_after) AND ($due_before = '' OR due_on <= $due_before)
  AND ($every = '' OR ($every = '*' AND dl.kind IN ['recurring', 'ongoing'])
       OR (dl.kind = 'recurring' AND dl.text CONTAINS $every))
RETURN t.id AS id, t.title AS title, coalesce(d.jurisdiction, '') AS jurisdiction, d.title AS document,
       d.id AS document_id, coalesce(dl.text, '') AS deadline, coalesce(dl.kind, '') AS deadline_kind,
       coalesce(dl.date, t.due_date, '') AS due_date, t.start AS position
ORDER BY jurisdiction, document, position, id, title, document_id, deadline, deadline_kind, due_date
SKIP $skip LIMIT $limit
