// name: compare_places
// description: Two places side by side on a topic or on words of the term index: per place, each unit on the matching tasks with its role and how many tasks
// params: place_a (string, e.g. 开封市), place_b (string, e.g. 聊城市), topic (topic, default ""), terms (list, default ""), unit_type (string, default "")
// A place keeps documents of that place or of places under it. topic: name or English name; terms:
// every word required (empty: no word filter); unit_type: only tasks with a unit of that type, and
// only those units. unit '' with basis "no unit named": tasks naming none.
MATCH (d:Document)-[:HAS_TASK]->(t:Task)
WHERE ($place_a IN d.places OR $place_b IN d.places)
  AND ($topic = '' OR $topic IN t.topics)
  AND (size($terms) = 0 OR COUNT { MATCH (t)-[:HAS_TERM]->(x:Term) WHERE x.name IN $terms } = size($terms))
  AND ($unit_type = '' OR EXISTS { MATCH (x:Unit)-[:LEADS|COOPERATES|RESPONSIBLE_FOR]->(t) WHERE x.unit_type = $unit_type })
WITH d, t, CASE WHEN $place_a IN d.places THEN $place_a ELSE $place_b END AS place
OPTIONAL MATCH (u:Unit)-[r:LEADS|COOPERATES|RESPONSIBLE_FOR]->(t)
WHERE $unit_type = '' OR u.unit_type = $unit_type
WITH place, t, u,
     CASE WHEN r IS NULL THEN 'no unit named'
          WHEN r.role = 'lead' THEN 'stated lead'
          WHEN r.role = 'cooperate' THEN 'cooperating unit'
          WHEN r.rank = 1 AND t.first_leads THEN 'first-listed responsible unit'
          ELSE 'listed responsible unit' END AS basis
RETURN place, basis, coalesce(u.name, '') AS unit, count(DISTINCT t) AS tasks
ORDER BY place, basis, tasks DESC, unit
