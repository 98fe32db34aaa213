// name: tasks_due
// description: Tasks with deadlines: due on or before a date, or recurring / ongoing / period ones
// params: before (string, default 9999-12-31, e.g. 2021-06-30), kind (string, default "", e.g. by)
// kind: by / period / recurring / ongoing, or empty for all; before applies to dated (by) deadlines.
MATCH (d:Document)-[:HAS_TASK]->(t:Task)-[due:DUE]->(dl:Deadline)
WHERE ($kind = '' OR dl.kind = $kind) AND (dl.kind <> 'by' OR dl.date <= $before)
RETURN coalesce(dl.date, '') AS date, dl.kind AS kind, coalesce(dl.text, '') AS deadline,
       coalesce(d.jurisdiction, '') AS jurisdiction, t.title AS task, d.title AS document, due.is_primary AS primary_deadline
ORDER BY date, kind, deadline, jurisdiction, task, document, primary_deadline
