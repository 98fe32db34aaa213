// name: unit_type_lead_tasks
// description: The tasks units of one type lead (stated 牵头) or are first-listed on, per jurisdiction
// params: unit_type (string, e.g. 工业和信息化局)
MATCH (u:Unit)-[:OF_TYPE]->(ut:UnitType)
WHERE ut.name = $unit_type
MATCH (u)-[r:LEADS|RESPONSIBLE_FOR]->(t:Task)<-[:HAS_TASK]-(d:Document)
WHERE r.role = 'lead' OR (r.rank = 1 AND t.first_leads)
RETURN coalesce(u.jurisdiction, '') AS jurisdiction, u.name AS unit,
       CASE WHEN r.role = 'lead' THEN 'stated lead' ELSE 'first-listed responsible unit' END AS basis,
       t.title AS task, d.title AS document
ORDER BY jurisdiction, unit, basis, task, document
