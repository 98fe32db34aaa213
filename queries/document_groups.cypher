// name: document_groups
// description: The leading groups and task forces one document names, with members, roles, positions and office
// params: document (string, e.g. 聊城市降低企业用电成本工作方案)
// document matches the document id, its source file name or its title; members are those this
// document names (a group named by several documents keeps each document's members apart).
MATCH (d:Document)
WHERE d.id = $document OR d.source = $document OR d.title = $document
MATCH (p:Person)-[m:MEMBER_OF]->(g:`Group`)
WHERE m.document = d.id
OPTIONAL MATCH (g)-[o:OFFICE_AT]->(u:Unit)
WHERE o.document = d.id
RETURN g.name AS group_name, coalesce(u.name, '') AS office, coalesce(m.role, '') AS role, p.name AS person,
       coalesce(m.position, '') AS position
ORDER BY group_name, office, role, person, position
