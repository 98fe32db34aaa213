// name: topic_leads
// description: Who leads a topic, per city, with the sentence: stated leads (牵头), else the first-listed responsible unit, else "no lead named"
// params: topic (topic, e.g. 转供电改直供电), jurisdiction (string, default ""), or_jurisdiction (string, default "")
// or_jurisdiction: a second place, asked about beside jurisdiction (桂林和杭州…分别由谁牵头).
// topic: the name, or the English name in any case (fengong reads it as the name before the query; in
// Neo4j Browser give the name); jurisdiction, when
// set, keeps documents of that place or of places under it.
// city: the document's jurisdiction, or for a county / district the city it belongs to.
// basis: "stated lead" = LEADS edge; "first-listed responsible unit" = RESPONSIBLE_FOR rank 1 read as
// the lead (Task.first_leads: conventional, not stated); "no lead named" = a task on the topic with
// neither (evidence is then the task's text); "mentioned, not assigned" = the document names the
// topic only outside its tasks (evidence is the sentence that names it).
// A plan whose title makes the topic its theme (Document.topics: 洛阳市全面推行河湖长制…方案) has every
// task on it, tagged or not; such a plan is never "mentioned, not assigned".
MATCH (tp:Topic {name: $topic})<-[:ABOUT]-(t:Task)<-[:HAS_TASK]-(d:Document)
WHERE ($jurisdiction = '' OR $jurisdiction IN d.places OR $or_jurisdiction IN d.places)
WITH d, t, t.first_leads AS listed
// the filter on the optional match: a task whose 责任单位 lead by no convention stays, as "no lead named"
OPTIONAL MATCH (u:Unit)-[r:LEADS|RESPONSIBLE_FOR]->(t)
WHERE r.role = 'lead' OR (listed AND r.rank = 1)
RETURN coalesce(d.city, '') AS city, coalesce(d.jurisdiction, '') AS jurisdiction,
       CASE WHEN r IS NULL THEN 'no lead named'
            WHEN r.role = 'lead' THEN 'stated lead'
            ELSE 'first-listed responsible unit' END AS basis,
       coalesce(r.rank, 0) AS rank, coalesce(u.name, '') AS unit, t.title AS task, d.title AS document,
       CASE WHEN r IS NULL THEN coalesce(t.text, '') ELSE coalesce(r.evidence, '') END AS evidence
ORDER BY city, jurisdiction, basis, document, task, rank, unit, evidence
UNION ALL
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE $topic IN d.topics AND NOT $topic IN t.topics
  AND ($jurisdiction = '' OR $jurisdiction IN d.places OR $or_jurisdiction IN d.places)
WITH d, t, t.first_leads AS listed
// the filter on the optional match: a task whose 责任单位 lead by no convention stays, as "no lead named"
OPTIONAL MATCH (u:Unit)-[r:LEADS|RESPONSIBLE_FOR]->(t)
WHERE r.role = 'lead' OR (listed AND r.rank = 1)
RETURN coalesce(d.city, '') AS city, coalesce(d.jurisdiction, '') AS jurisdiction,
       CASE WHEN r IS NULL THEN 'no lead named'
            WHEN r.role = 'lead' THEN 'stated lead'
            ELSE 'first-listed responsible unit' END AS basis,
       coalesce(r.rank, 0) AS rank, coalesce(u.name, '') AS unit, t.title AS task, d.title AS document,
       CASE WHEN r IS NULL THEN coalesce(t.text, '') ELSE coalesce(r.evidence, '') END AS evidence
ORDER BY city, jurisdiction, basis, document, task, rank, unit, evidence
UNION ALL
// Documents that name the topic outside any task about it: mentioned, assigned to nobody.
// (counted from d over an OPTIONAL MATCH: a NOT EXISTS { } subquery joins every document's tasks in LadybugDB)
MATCH (d:Document)-[m:MENTIONS]->(tp:Topic {name: $topic})
WHERE ($jurisdiction = '' OR $jurisdiction IN d.places OR $or_jurisdiction IN d.places)
OPTIONAL MATCH (d)-[:HAS_TASK]->(other:Task)-[:ABOUT]->(tp)
WITH d, m, count(other) AS about
WHERE about = 0 AND NOT $topic IN d.topics
RETURN coalesce(d.city, '') AS city, coalesce(d.jurisdiction, '') AS jurisdiction,
       'mentioned, not assigned' AS basis, 0 AS rank, '' AS unit, '' AS task, d.title AS document,
       coalesce(m.evidence, '') AS evidence
ORDER BY city, jurisdiction, basis, document, task, rank, unit, evidence
