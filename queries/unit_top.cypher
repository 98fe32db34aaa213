// name: unit_top
// description: Units ranked over every document by the tasks they lead (stated 牵头, or first-listed where no lead is stated) or carry in any role, from the counts each unit keeps
// params: role (string, default any, e.g. lead), top (int, default 20)
// The rows of unit_ranking with no place and no topic, read from the workload counts a unit keeps
// (refreshed after every load and delete) instead of aggregating every unit-task edge of the graph.
MATCH (u:Unit)
WITH u, u.task_count AS tasks, u.lead_count AS leads, u.first_listed_count AS first_listed,
     u.cooperate_count AS cooperates
WITH u, tasks, leads, first_listed, cooperates,
     // tasks + 0: with the role written in as a literal LadybugDB folds the CASE, and a score that
     // is the very variable tasks would come back as one column under both names
     CASE WHEN $role = 'lead' THEN leads + first_listed ELSE tasks + 0 END AS score
WHERE score > 0
RETURN u.name AS unit, coalesce(u.jurisdiction, '') AS jurisdiction, score, tasks, leads, first_listed, cooperates
ORDER BY score DESC, tasks DESC, unit, jurisdiction, leads, first_listed, cooperates
LIMIT $top
