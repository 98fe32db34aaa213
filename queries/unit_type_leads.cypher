// name: unit_type_leads
// description: Units of one type (e.g. 工业和信息化局) in every jurisdiction, with how many tasks each leads, is first-listed on, cooperates on
// params: unit_type (string, e.g. 工业和信息化局)
MATCH (u:Unit)-[:OF_TYPE]->(ut:UnitType)
WHERE ut.name = $unit_type
RETURN coalesce(u.jurisdiction, '') AS jurisdiction, u.name AS unit,
       COUNT { MATCH (u)-[:LEADS]->(:Task) } AS leads,
       COUNT { MATCH (u)-[r:RESPONSIBLE_FOR]->(:Task) WHERE r.rank = 1 } AS first_listed,
       COUNT { MATCH (u)-[:COOPERATES]->(:Task) } AS cooperates,
       COUNT { MATCH (u)-[:RESPONSIBLE_FOR]->(:Task) } AS responsible
ORDER BY jurisdiction, unit, leads, first_listed, cooperates, responsible
