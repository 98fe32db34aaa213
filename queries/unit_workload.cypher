// name: unit_workload
// description: Units' workload by role: tasks each leads (stated), is first-listed on, cooperates on or is listed for, with how many have a dated deadline and how many of those are past a date
// params: units (list, e.g. 聊城市发展和改革委员会), as_of (string, default "", e.g. 2021-07-01)
// units: fully qualified names or ids. past_due counts primary dated deadlines before as_of (none when
// as_of is empty); the documents do not record completion, so past due is not proof of lateness.
MATCH (u:Unit)-[r:LEADS|COOPERATES|RESPONSIBLE_FOR]->(t:Task)
WHERE u.name IN $units OR u.id IN $units
WITH u, r, t, t.first_leads AS listed
OPTIONAL MATCH (t)-[due:DUE]->(dl:Deadline)
WHERE due.is_primary = true AND dl.kind = 'by'
WITH u, t, dl,
     CASE WHEN r.role = 'lead' THEN 'stated lead'
          WHEN r.role = 'cooperate' THEN 'cooperating unit'
          WHEN r.rank = 1 AND listed THEN 'first-listed responsible unit'
          ELSE 'listed responsible unit' END AS basis
RETURN u.name AS unit, coalesce(u.jurisdiction, '') AS jurisdiction, basis, count(t) AS tasks,
       count(dl) AS dated,
       count(CASE WHEN $as_of <> '' AND dl.date < $as_of THEN dl END) AS past_due
ORDER BY unit, jurisdiction, basis, tasks, dated, past_due
