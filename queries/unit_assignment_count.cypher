// name: unit_assignment_count
// description: How many assignments (tasks led, cooperated on or listed for) one unit holds across documents
// params: unit (string, e.g. 聊城市工业和信息化局), role (string, default "")
// unit matches the fully qualified name or the unit id; role: lead / cooperate / responsible or empty; the rows unit_assignments pages through.
MATCH (u:Unit)-[r:LEADS|COOPERATES|RESPONSIBLE_FOR]->(:Task)<-[:HAS_TASK]-(:Document)
WHERE (u.name = $unit OR u.id = $unit) AND ($role = '' OR r.role = $role)
RETURN count(r) AS total
