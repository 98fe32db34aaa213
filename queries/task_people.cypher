// name: task_people
// description: The people documents name in charge of tasks (责任人, 包村领导, 牵头省领导), with the label each document gives the part and each task's lead or responsible units: by the people's names, or by the tasks whose titles a text holds
// params: names (list, default ""), text (string, default ""), jurisdiction (string, default ""), status (string, default "")
// names: the people asked about (any of them). text: a question's words (spaces removed), keeping the
// tasks whose titles it holds. Both empty: every person named in charge of a task. status: only the
// tasks a report gives that state (done / in progress / behind / not started); the row's status is
// the report's own word.
// unit: a unit leading the task or listed as responsible for it; '' where it names none.
MATCH (p:Person)-[r:IN_CHARGE_OF]->(t:Task)<-[:HAS_TASK]-(d:Document)
WHERE (size($names) = 0 OR p.name IN $names)
  AND ($text = '' OR (t.title <> '' AND $text CONTAINS t.title))
  AND ($jurisdiction = '' OR $jurisdiction IN d.places)
  AND ($status = '' OR t.status = $status)
OPTIONAL MATCH (u:Unit)-[:LEADS|RESPONSIBLE_FOR]->(t)
RETURN coalesce(d.jurisdiction, '') AS jurisdiction, d.title AS document, t.title AS task,
       p.name AS person, r.label AS label, coalesce(u.name, '') AS unit, coalesce(t.status_text, '') AS status,
       coalesce(t.text, '') AS evidence
ORDER BY jurisdiction, document, task, person, label, unit, status
