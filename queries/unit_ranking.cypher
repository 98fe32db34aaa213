// name: unit_ranking
// description: Units ranked by the tasks they lead (stated 牵头, or first-listed where no lead is stated) or carry in any role, optionally in one place and on one topic
// params: role (string, default any, e.g. lead), jurisdiction (string, default ""), topic (topic, default ""), document (string, default ""), top (int, default 20)
// topic: tasks tagged with it, and every task of a document whose title names it as the whole plan's (Document.topics).
// role: lead ranks by leads + first_listed; any ranks by every task in any role. jurisdiction keeps
// documents of that place or of places under it; topic keeps tasks about it (name or English name);
// document keeps the documents whose title holds those words (户外运动方案里: 户外运动).
MATCH (u:Unit)-[r:LEADS|COOPERATES|RESPONSIBLE_FOR]->(t:Task)<-[:HAS_TASK]-(d:Document)
WHERE ($jurisdiction = '' OR $jurisdiction IN d.places)
  AND ($topic = '' OR $topic IN t.topics OR $topic IN d.topics)
  AND ($document = '' OR d.title CONTAINS $document)
WITH u, t, r, t.first_leads AS listed
WITH u, t,
     max(CASE WHEN r.role = 'lead' THEN 1 ELSE 0 END) AS is_lead,
     max(CASE WHEN r.role = 'responsible' AND r.rank = 1 AND listed THEN 1 ELSE 0 END) AS is_first,
     max(CASE WHEN r.role = 'cooperate' THEN 1 ELSE 0 END) AS is_coop
WITH u, count(t) AS tasks, count(CASE WHEN is_lead = 1 THEN t END) AS leads,
     count(CASE WHEN is_first = 1 THEN t END) AS first_listed, count(CASE WHEN is_coop = 1 THEN t END) AS cooperates
WITH u, tasks, leads, first_listed, cooperates,
     // tasks + 0: with the role written in as a literal LadybugDB folds the CASE, and a score that
     // is the very variable tasks would come back as one column under both names
     CASE WHEN $role = 'lead' THEN leads + first_listed ELSE tasks + 0 END AS score
WHERE score > 0
RETURN u.name AS unit, coalesce(u.jurisdiction, '') AS jurisdiction, score, tasks, leads, first_listed, cooperates
ORDER BY score DESC, tasks DESC, unit, jurisdiction, leads, first_listed, cooperates
LIMIT $top
