// name: unit_names
// description: Every unit's qualified name, local name, type and jurisdiction (the names questions are read with), how many tasks it holds and its name with the function spelled out
// params:
MATCH (u:Unit)
RETURN u.name AS name, coalesce(u.local_name, '') AS local_name, coalesce(u.unit_type, '') AS unit_type,
       coalesce(u.jurisdiction, '') AS jurisdiction, coalesce(u.task_count, 0) AS tasks,
       coalesce(u.full_name, '') AS full_name
ORDER BY name, local_name, unit_type, jurisdiction
