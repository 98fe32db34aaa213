// name: unit_count
// description: How many units match a jurisdiction / unit type / kind filter (the total of unit_list)
// params: jurisdiction (string, default "", e.g. 聊城市), unit_type (string, default ""), kind (string, default "")
MATCH (u:Unit)
WHERE ($jurisdiction = '' OR u.jurisdiction = $jurisdiction)
  AND ($unit_type = '' OR u.unit_type = $unit_type)
  AND ($kind = '' OR u.kind = $kind)
RETURN count(u) AS total
