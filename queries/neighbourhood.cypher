// name: neighbourhood
// description: The nodes one step from a focused node (unit, task, document, topic, place, unit type, deadline), at most limit per kind of link
// params: kind (string, e.g. Unit), key (string, e.g. 聊城市工业和信息化局), limit (int, default 25)
// kind is the focused node's label; key its key (Unit: id or name; Task: id; Document: id or title;
// Topic, Jurisdiction, UnitType: name; Deadline: key). One row per link: rel is the relationship type,
// outgoing whether it points away from the focus; label / key / caption describe the node at the
// other end. Each kind of link returns at most limit rows (a page of a focused graph, never all of it).
MATCH (n:Unit)-[r:LEADS|COOPERATES|RESPONSIBLE_FOR]->(m:Task)
WHERE $kind = 'Unit' AND (n.id = $key OR n.name = $key)
RETURN CASE WHEN r.role = 'lead' THEN 'LEADS' WHEN r.role = 'cooperate' THEN 'COOPERATES' ELSE 'RESPONSIBLE_FOR' END AS rel, true AS outgoing, 'Task' AS label, m.id AS key, coalesce(m.title, '') AS caption
ORDER BY rel, outgoing, label, caption, key
LIMIT $limit
UNION ALL
MATCH (n:Unit)-[:`IN`]->(m:Jurisdiction)
WHERE $kind = 'Unit' AND (n.id = $key OR n.name = $key)
RETURN 'IN' AS rel, true AS outgoing, 'Jurisdiction' AS label, m.name AS key, coalesce(m.name, '') AS caption
ORDER BY rel, outgoing, label, caption, key
LIMIT $limit
UNION ALL
MATCH (n:Unit)-[:OF_TYPE]->(m:UnitType)
WHERE $kind = 'Unit' AND (n.id = $key OR n.name = $key)
RETURN 'OF_TYPE' AS rel, true AS outgoing, 'UnitType' AS label, m.name AS key, coalesce(m.name, '') AS caption
ORDER BY rel, outgoing, label, caption, key
LIMIT $limit
UNION ALL
MATCH (n:Task)<-[r:LEADS|COOPERATES|RESPONSIBLE_FOR]-(m:Unit)
WHERE $kind = 'Task' AND n.id = $key
RETURN CASE WHEN r.role = 'lead' THEN 'LEADS' WHEN r.role = 'cooperate' THEN 'COOPERATES' ELSE 'RESPONSIBLE_FOR' END AS rel, false AS outgoing, 'Unit' AS label, m.id AS key, coalesce(m.name, '') AS caption
ORDER BY rel, outgoing, label, caption, key
LIMIT $limit
UNION ALL
MATCH (n:Task)<-[:HAS_TASK]-(m:Document)
WHERE $kind = 'Task' AND n.id = $key
RETURN 'HAS_TASK' AS rel, false AS outgoing, 'Document' AS label, m.id AS key, coalesce(m.title, '') AS caption
ORDER BY rel, outgoing, label, caption, key
LIMIT $limit
UNION ALL
MATCH (n:Task)-[:ABOUT]->(m:Topic)
WHERE $kind = 'Task' AND n.id = $key
RETURN 'ABOUT' AS rel, true AS outgoing, 'Topic' AS label, m.name AS key, coalesce(m.name, '') AS caption
ORDER BY rel, outgoing, label, caption, key
LIMIT $limit
UNION ALL
MATCH (n:Task)-[:DUE]->(m:Deadline)
WHERE $kind = 'Task' AND n.id = $key
RETURN 'DUE' AS rel, true AS outgoing, 'Deadline' AS label, m.key AS key, coalesce(coalesce(m.text, m.key), '') AS caption
ORDER BY rel, outgoing, label, caption, key
LIMIT $limit
UNION ALL
MATCH (n:Topic)<-[:ABOUT]-(m:Task)
WHERE $kind = 'Topic' AND n.name = $key
RETURN 'ABOUT' AS rel, false AS outgoing, 'Task' AS label, m.id AS key, coalesce(m.title, '') AS caption
ORDER BY rel, outgoing, label, caption, key
LIMIT $limit
UNION ALL
MATCH (n:Document)-[:HAS_TASK]->(m:Task)
WHERE $kind = 'Document' AND (n.id = $key OR n.title = $key)
RETURN 'HAS_TASK' AS rel, true AS outgoing, 'Task' AS label, m.id AS key, coalesce(m.title, '') AS caption
ORDER BY rel, outgoing, label, caption, key
LIMIT $limit
UNION ALL
MATCH (n:Document)-[:ISSUED_IN]->(m:Jurisdiction)
WHERE $kind = 'Document' AND (n.id = $key OR n.title = $key)
RETURN 'ISSUED_IN' AS rel, true AS outgoing, 'Jurisdiction' AS label, m.name AS key, coalesce(m.name, '') AS caption
ORDER BY rel, outgoing, label, caption, key
LIMIT $limit
UNION ALL
MATCH (n:Jurisdiction)<-[:`IN`]-(m:Unit)
WHERE $kind = 'Jurisdiction' AND n.name = $key
RETURN 'IN' AS rel, false AS outgoing, 'Unit' AS label, m.id AS key, coalesce(m.name, '') AS caption
ORDER BY rel, outgoing, label, caption, key
LIMIT $limit
UNION ALL
MATCH (n:Jurisdiction)<-[:ISSUED_IN]-(m:Document)
WHERE $kind = 'Jurisdiction' AND n.name = $key
RETURN 'ISSUED_IN' AS rel, false AS outgoing, 'Document' AS label, m.id AS key, coalesce(m.title, '') AS caption
ORDER BY rel, outgoing, label, caption, key
LIMIT $limit
UNION ALL
MATCH (n:Jurisdiction)-[:PART_OF]->(m:Jurisdiction)
WHERE $kind = 'Jurisdiction' AND n.name = $key
RETURN 'PART_OF' AS rel, true AS outgoing, 'Jurisdiction' AS label, m.name AS key, coalesce(m.name, '') AS caption
ORDER BY rel, outgoing, label, caption, key
LIMIT $limit
UNION ALL
MATCH (n:Jurisdiction)<-[:PART_OF]-(m:Jurisdiction)
WHERE $kind = 'Jurisdiction' AND n.name = $key
RETURN 'PART_OF' AS rel, false AS outgoing, 'Jurisdiction' AS label, m.name AS key, coalesce(m.name, '') AS caption
ORDER BY rel, outgoing, label, caption, key
LIMIT $limit
UNION ALL
MATCH (n:UnitType)<-[:OF_TYPE]-(m:Unit)
WHERE $kind = 'UnitType' AND n.name = $key
RETURN 'OF_TYPE' AS rel, false AS outgoing, 'Unit' AS label, m.id AS key, coalesce(m.name, '') AS caption
ORDER BY rel, outgoing, label, caption, key
LIMIT $limit
UNION ALL
MATCH (n:Deadline)<-[:DUE]-(m:Task)
WHERE $kind = 'Deadline' AND n.key = $key
RETURN 'DUE' AS rel, false AS outgoing, 'Task' AS label, m.id AS key, coalesce(m.title, '') AS caption
ORDER BY rel, outgoing, label, caption, key
LIMIT $limit
