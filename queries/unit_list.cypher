// name: unit_list
// description: Units filtered by jurisdiction, unit type and kind, one page at a time
// params: jurisdiction (string, default "", e.g. 聊城市), unit_type (string, default ""), kind (string, default ""), skip (int, default 0), limit (int, default 50)
// kind: government / party / company / collective / other. unit_count counts the same filter.
MATCH (u:Unit)
WHERE ($jurisdiction = '' OR u.jurisdiction = $jurisdiction)
  AND ($unit_type = '' OR u.unit_type = $unit_type)
  AND ($kind = '' OR u.kind = $kind)
RETURN u.id AS id, u.name AS name, coalesce(u.unit_type, '') AS unit_type, coalesce(u.kind, '') AS kind,
       coalesce(u.jurisdiction, '') AS jurisdiction
ORDER BY jurisdiction, name, id, unit_type, kind
SKIP $skip LIMIT $limit
