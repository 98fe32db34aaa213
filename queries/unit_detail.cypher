// name: unit_detail
// description: One unit's properties with how many tasks it leads, cooperates on and is listed for
// params: unit (string, e.g. 聊城市工业和信息化局)
// unit matches the fully qualified name or the unit id.
MATCH (u:Unit)
WHERE u.name = $unit OR u.id = $unit
RETURN u.id AS id, u.name AS name, coalesce(u.local_name, '') AS local_name, coalesce(u.unit_type, '') AS unit_type,
       coalesce(u.kind, '') AS kind, coalesce(u.collective, false) AS collective,
       coalesce(u.jurisdiction, '') AS jurisdiction,
       COUNT { MATCH (u)-[:LEADS]->(:Task) } AS leads,
       COUNT { MATCH (u)-[:COOPERATES]->(:Task) } AS cooperates,
       COUNT { MATCH (u)-[:RESPONSIBLE_FOR]->(:Task) } AS responsible
ORDER BY id, name, local_name, unit_type, kind, collective, jurisdiction, leads, cooperates, responsible
