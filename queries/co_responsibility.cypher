// name: co_responsibility
// description: Pairs of units that share tasks (any role), with the number of shared tasks
// params: unit (string, default "", e.g. 聊城市发展和改革委员会), min_shared (int, default 1)
// unit: only pairs including this unit (fully qualified name); empty for all pairs.
MATCH (a:Unit)-[:LEADS|COOPERATES|RESPONSIBLE_FOR]->(t:Task)<-[:LEADS|COOPERATES|RESPONSIBLE_FOR]-(b:Unit)
WHERE a.name < b.name AND ($unit = '' OR a.name = $unit OR b.name = $unit)
WITH a.name AS unit_a, b.name AS unit_b, count(DISTINCT t) AS shared
WHERE shared >= $min_shared
RETURN unit_a, unit_b, shared
ORDER BY shared DESC, unit_a, unit_b
