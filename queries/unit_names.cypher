// name: unit_names
// description: Every unit's full name, local name, type and jurisdiction (the names questions are read with), and how many tasks it holds
// params:
MATCH (u:Unit)
RETURN u.name AS name, coalesce(u.local_name, '') AS local_name, coalesce(u.unit_type, '') AS unit_type,
       coalesce(u.jurisdiction, '') AS jurisdiction, coalesce(u.task_count, 0) AS tasks
ORDER BY name, local_name, unit_type, jurisdiction
