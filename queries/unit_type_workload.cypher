// name: unit_type_workload
// description: The busiest bodies of one type across places: how many tasks each leads, cooperates on and is listed for
// params: unit_type (string, e.g. 工业和信息化局), limit (int, default 20)
// unit_type is the function across places (工业和信息化局, whatever a document's abbreviation);
// the limit units with the most assignments come first (a unit's page sets its workload beside them).
MATCH (u:Unit)-[:OF_TYPE]->(ut:UnitType)
WHERE ut.name = $unit_type
WITH u, COUNT { MATCH (u)-[:LEADS]->(:Task) } AS leads,
     COUNT { MATCH (u)-[:COOPERATES]->(:Task) } AS cooperates,
     COUNT { MATCH (u)-[:RESPONSIBLE_FOR]->(:Task) } AS responsible
RETURN leads + cooperates + responsible AS total, leads, cooperates, responsible, u.name AS unit, u.id AS id,
       coalesce(u.jurisdiction, '') AS jurisdiction
ORDER BY total DESC, leads DESC, cooperates DESC, responsible DESC, unit, id, jurisdiction
LIMIT $limit
