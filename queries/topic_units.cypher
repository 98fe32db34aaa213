// name: topic_units
// description: Every unit on a topic's tasks with its role and rank, per city, with the sentence (tasks naming no such unit too)
// params: topic (topic, e.g. 转供电改直供电), role (string, default any, e.g. cooperate), jurisdiction (string, default ""), or_jurisdiction (string, default "")
// or_jurisdiction: a second place, asked about beside jurisdiction (桂林和杭州…分别由谁牵头).
// order: stated leads first, then first-listed and listed 责任单位, then cooperating units (a reader's weight, not the alphabet).
// jurisdiction, when set, keeps documents of that place or of places under it.
// role: lead / cooperate / responsible / any / support. "responsible" includes stated leads (a lead is
// responsible); "support" is every role but the lead's (stated, or first-listed where none is stated).
// basis: stated lead / cooperating unit / first-listed responsible unit (rank 1, no stated lead on the
// task) / listed responsible unit / no unit named (the task names no unit in that role).
MATCH (tp:Topic {name: $topic})<-[:ABOUT]-(t:Task)<-[:HAS_TASK]-(d:Document)
WHERE ($jurisdiction = '' OR $jurisdiction IN d.places OR $or_jurisdiction IN d.places)
OPTIONAL MATCH (u:Unit)-[r:LEADS|COOPERATES|RESPONSIBLE_FOR]->(t)
WHERE $role = 'any' OR r.role = $role OR ($role = 'responsible' AND r.role = 'lead')
   OR ($role = 'support' AND r.role <> 'lead' AND NOT (r.role = 'responsible' AND r.rank = 1 AND t.first_leads))
WITH d, t, u, r, t.first_leads AS listed
RETURN coalesce(d.city, '') AS city, coalesce(d.jurisdiction, '') AS jurisdiction,
       CASE WHEN r IS NULL THEN 'no unit named'
            WHEN r.role = 'lead' THEN 'stated lead'
            WHEN r.role = 'cooperate' THEN 'cooperating unit'
            WHEN r.rank = 1 AND listed THEN 'first-listed responsible unit'
            ELSE 'listed responsible unit' END AS basis,
       coalesce(r.role, '') AS role, coalesce(r.rank, 0) AS rank, coalesce(u.name, '') AS unit,
       t.title AS task, d.title AS document,
       CASE WHEN r IS NULL THEN coalesce(t.text, '') ELSE coalesce(r.evidence, '') END AS evidence
ORDER BY city, jurisdiction, CASE basis WHEN 'stated lead' THEN 0 WHEN 'first-listed responsible unit' THEN 1
              WHEN 'listed responsible unit' THEN 2 WHEN 'cooperating unit' THEN 3 ELSE 4 END, basis, document, task, role, rank, unit, evidence
