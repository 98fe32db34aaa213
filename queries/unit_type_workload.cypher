// name: unit_type_workload
// description: The busiest bodies of one type across places: how many tasks each leads, cooperates on and is listed for
// params: unit_type (string, e.g. 工业和信息化局), limit (int, default 20)
// unit_type is the function across places (工业和信息化局, whatever a document's abbreviation);
// the limit units with the most assignments come first (a unit's page sets its workload beside them).
MATCH (u:Unit)-[:OF_TYPE]->(ut:UnitType)
WHERE ut.name = $unit_type
// One OPTIONAL MATCH counted by role, not COUNT { } subqueries (LadybugDB scans every edge for each).
OPTIONAL MATCH (u)-[r:LEADS|COOPERATES|RESPONSIBLE_FOR]->(:Task)
WITH u, sum(CASE WHEN r.role = 'lead' THEN 1 ELSE 0 END) AS leads,
     sum(CASE WHEN r.role = 'cooperate' THEN 1 ELSE 0 END) AS cooperates,
     sum(CASE WHEN r.role = 'responsible' THEN 1 ELSE 0 END) AS responsible
RETURN leads + cooperates + responsible AS total, leads, cooperates, responsible, u.name AS unit, u.id AS id,
       coalesce(u.jurisdiction, '') AS jurisdiction
ORDER BY total DESC, leads DESC, cooperates DESC, responsible DESC, unit, id, jurisdiction
LIMIT $limit
