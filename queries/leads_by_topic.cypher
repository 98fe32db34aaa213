// name: leads_by_topic
// description: Lead units for a topic, grouped by jurisdiction: stated leads (牵头), else the first-listed responsible unit, else "no lead named"
// params: topic (string, e.g. 转供电改直供电)
// basis: "stated lead" = a LEADS edge (牵头单位 / lead column); "first-listed responsible unit" =
// RESPONSIBLE_FOR rank 1 on a task with no stated lead (conventional, not stated); "no lead named" =
// the jurisdiction has tasks on the topic without either.
MATCH (tp:Topic)<-[:ABOUT]-(t:Task)<-[:HAS_TASK]-(d:Document)
WHERE tp.name = $topic OR toLower(coalesce(tp.en, '')) = toLower($topic)
OPTIONAL MATCH (lead:Unit)-[:LEADS]->(t)
OPTIONAL MATCH (first:Unit)-[rf:RESPONSIBLE_FOR]->(t)
WHERE rf.rank = 1
WITH coalesce(d.jurisdiction, '') AS jurisdiction, t,
     CASE WHEN lead IS NOT NULL THEN 'stated lead'
          WHEN first IS NOT NULL THEN 'first-listed responsible unit'
          ELSE 'no lead named' END AS basis,
     CASE WHEN lead IS NOT NULL THEN lead.name
          WHEN first IS NOT NULL THEN first.name
          ELSE '' END AS unit
RETURN jurisdiction, basis, unit, count(DISTINCT t) AS tasks
ORDER BY jurisdiction, basis, unit, tasks
