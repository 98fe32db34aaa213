// name: topic_places
// description: Which places assign a topic (tasks about it naming a unit) and which only mention it (tasks naming no unit, or the topic outside any task)
// params: topic (topic, e.g. 转供电改直供电)
// status: "assigns" = at least one task on the topic names a unit; "mentions in tasks, assigns no unit";
// "mentions outside its tasks" = the documents name the topic only outside tasks (MENTIONS).
MATCH (tp:Topic {name: $topic})<-[:ABOUT]-(t:Task)<-[:HAS_TASK]-(d:Document)
WITH coalesce(d.jurisdiction, '') AS jurisdiction, count(t) AS tasks, count(CASE WHEN t.units > 0 THEN t END) AS assigned
RETURN jurisdiction, CASE WHEN assigned > 0 THEN 'assigns' ELSE 'mentions in tasks, assigns no unit' END AS status,
       tasks, assigned
ORDER BY status, jurisdiction, tasks, assigned
UNION ALL
// A document none of whose tasks is about the topic: counted from d over an OPTIONAL MATCH, not a
// NOT EXISTS { } subquery (LadybugDB joins every document's tasks for one).
MATCH (d:Document)-[:MENTIONS]->(tp:Topic {name: $topic})
OPTIONAL MATCH (d)-[:HAS_TASK]->(other:Task)-[:ABOUT]->(tp)
WITH d, count(other) AS about
WHERE about = 0
RETURN DISTINCT coalesce(d.jurisdiction, '') AS jurisdiction, 'mentions outside its tasks' AS status, 0 AS tasks,
       0 AS assigned
ORDER BY status, jurisdiction, tasks, assigned
