// name: unit_top_in_places
// description: For each of several places, the units ranked by the tasks they lead (stated 牵头, or first-listed where no lead is stated) or carry in any role there
// params: places (list, e.g. 开封市|聊城市), role (string, default any, e.g. lead), topic (topic, default "")
// places: each keeps the documents of that place or of places under it; a unit is counted per place.
// role: lead ranks by leads + first_listed; any ranks by every task in any role. topic as in unit_ranking.
// The rows come per place, best first: "which unit leads the most in each" keeps each place's first ones.
MATCH (u:Unit)-[r:LEADS|COOPERATES|RESPONSIBLE_FOR]->(t:Task)<-[:HAS_TASK]-(d:Document)
WHERE ($topic = '' OR $topic IN t.topics OR $topic IN d.topics)
UNWIND $places AS place
WITH place, u, t, r, d
WHERE place IN d.places
WITH place, u, t, r, t.first_leads AS listed
WITH place, u, t,
     max(CASE WHEN r.role = 'lead' THEN 1 ELSE 0 END) AS is_lead,
     max(CASE WHEN r.role = 'responsible' AND r.rank = 1 AND listed THEN 1 ELSE 0 END) AS is_first,
     max(CASE WHEN r.role = 'cooperate' THEN 1 ELSE 0 END) AS is_coop
WITH place, u, count(t) AS tasks, count(CASE WHEN is_lead = 1 THEN t END) AS leads,
     count(CASE WHEN is_first = 1 THEN t END) AS first_listed, count(CASE WHEN is_coop = 1 THEN t END) AS cooperates
WITH place, u, tasks, leads, first_listed, cooperates,
     CASE WHEN $role = 'lead' THEN leads + first_listed ELSE tasks + 0 END AS score
WHERE score > 0
RETURN place, u.name AS unit, score, tasks, leads, first_listed, cooperates
ORDER BY place, score DESC, tasks DESC, unit, leads, first_listed, cooperates
