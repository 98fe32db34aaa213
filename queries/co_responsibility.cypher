// name: co_responsibility
// description: Pairs of units that share tasks (any role), with the number of shared tasks
// params: unit (string, default "", e.g. 聊城市发展和改革委员会), min_shared (int, default 1)
// unit: only pairs including this unit (fully qualified name); empty for all pairs.
MATCH (a:Unit)-[:LEADS|COOPERATES|RESPONSIBLE_FOR]->(t:Task)<-[:LEADS|COOPERATES|RESPONSIBLE_FOR]-(b:Unit)
WHERE a.name = $unit AND b.name <> $unit  // from the unit (an index seek), one row per partner
WITH b.name AS other, count(DISTINCT t) AS shared
WHERE shared >= $min_shared
RETURN CASE WHEN $unit < other THEN $unit ELSE other END AS unit_a,
       CASE WHEN $unit < other THEN other ELSE $unit END AS unit_b, shared
ORDER BY shared DESC, unit_a, unit_b
UNION ALL
// All pairs: each task's distinct unit names once, so counting rows counts shared tasks
// (cheaper than a distinct count per pair).
MATCH (t:Task)<-[:LEADS|COOPERATES|RESPONSIBLE_FOR]-(u:Unit)
WHERE $unit = ''
WITH t, collect(DISTINCT u.name) AS names
UNWIND names AS unit_a
UNWIND names AS unit_b
WITH unit_a, unit_b
WHERE unit_a < unit_b
WITH unit_a, unit_b, count(*) AS shared
WHERE shared >= $min_shared
RETURN unit_a, unit_b, shared
ORDER BY shared DESC, unit_a, unit_b
