// name: tasks_without_lead
// description: Tasks that state no lead (牵头) and give the task to no one unit: with the first unit of their 责任单位 list when they have one (read as the lead by convention, not stated), else whatever units they name
// params: jurisdiction (string, default ""), or_jurisdiction (string, default ""), topic (topic, default ""), mention (string, default "")
// or_jurisdiction: a second place, asked about beside jurisdiction (两地各有哪项任务没有牵头单位).
// topic: tasks tagged with it, and every task of a document whose title names it as the whole plan's (Document.topics).
// mention, when set, keeps the tasks whose title or text, or whose document's title, holds those words.
// basis: "first-listed responsible unit" = the task lists 责任单位 and states no lead (unit is the
// first of them); "cooperating units only" = it names only units that cooperate; "no unit named"
// = it names no unit at all. units: how many units the task names in any role.
// A task given to one responsible unit alone (由A负责, A负责，B配合: Task.one_body) is not listed: that
// unit carries it; so does a class of bodies given it alone (各乡镇人民政府负责: each township its part).
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE t.leads = 0 AND NOT t.one_body
  AND ($jurisdiction = '' OR $jurisdiction IN d.places OR $or_jurisdiction IN d.places)
  AND ($topic = '' OR $topic IN t.topics OR $topic IN d.topics)
  AND ($mention = '' OR t.title CONTAINS $mention OR coalesce(t.text, '') CONTAINS $mention OR d.title CONTAINS $mention)
OPTIONAL MATCH (u:Unit)-[r:RESPONSIBLE_FOR]->(t)
WHERE r.rank = 1
WITH d, t, u, r, t.units AS units
RETURN coalesce(d.jurisdiction, '') AS jurisdiction, d.title AS document, t.title AS task,
       CASE WHEN r IS NOT NULL THEN 'first-listed responsible unit'
            WHEN units > 0 THEN 'cooperating units only'
            ELSE 'no unit named' END AS basis,
       coalesce(u.name, '') AS unit, units + 0 AS units,
       CASE WHEN r IS NULL THEN coalesce(t.text, '') ELSE coalesce(r.evidence, '') END AS evidence
ORDER BY jurisdiction, document, CASE basis WHEN 'no unit named' THEN 0 WHEN 'cooperating units only' THEN 1 ELSE 2 END,
         basis, task, unit, units, evidence
