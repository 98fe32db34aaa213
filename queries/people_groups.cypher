// name: people_groups
// description: Leading groups and task forces with their members, roles, positions and office unit
// params: group_name (string, default "", e.g. 工作专班), jurisdiction (string, default "")
// group_name: only groups whose name contains this text; empty for all. jurisdiction: only the
// groups of that place.
MATCH (g:`Group`)
WHERE ($group_name = '' OR g.name CONTAINS $group_name)
  AND ($jurisdiction = '' OR g.jurisdiction = $jurisdiction)
OPTIONAL MATCH (g)-[:OFFICE_AT]->(o:Unit)
// Each document that names a group adds its own member and office edges: take the distinct
// offices first, or members x office edges multiply.
WITH DISTINCT g, coalesce(o.name, '') AS office
MATCH (p:Person)-[m:MEMBER_OF]->(g)
RETURN DISTINCT coalesce(g.jurisdiction, '') AS jurisdiction, g.name AS group_name, office,
       coalesce(m.role, '') AS role, p.name AS person, coalesce(m.position, '') AS position
ORDER BY jurisdiction, group_name, office, role, person, position
