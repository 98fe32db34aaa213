// name: task_count
// description: How many tasks match the task_list filter (its total)
// params: topic (topic, default "", e.g. 转供电改直供电), jurisdiction (string, default ""), or_jurisdiction (string, default ""), role (string, default ""), unit (string, default ""), units (list, default ""), due_after (string, default ""), due_before (string, default ""), text (string, default ""), every (string, default "")
// topic: tasks tagged with it, and every task of a document whose title names it as the whole plan's (Document.topics).
// every: only tasks whose primary deadline recurs and says so with these words (季 for 按季度 / 每季度).
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
WITH t, dl, coalesce(dl.date, CASE WHEN t.due_date > '' THEN t.due_date END) AS due_on
WHERE ($due_after = '' OR due_on >= $due_after) AND ($due_before = '' OR due_on <= $due_before)
  AND ($every = '' OR (dl.kind = 'recurring' AND dl.text CONTAINS $every))
RETURN count(t) AS total
