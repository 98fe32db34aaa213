// name: unit_work
// description: What units do: tasks they lead, cooperate on or are listed for, found by name, type and jurisdiction, with the sentence
// params: unit (string, default "", e.g. 聊城市工业和信息化局), units (list, default ""), unit_type (string, default ""), jurisdiction (string, default ""), role (string, default any), topic (topic, default ""), mention (string, default "")
// topic: tasks tagged with it, and every task of a document whose title names it as the whole plan's (Document.topics).
// order: stated leads first, then first-listed and listed 责任单位, then cooperating units (a reader's weight, not the alphabet).
// unit: fully qualified name or id; units: several such (any of them); unit_type: the function across places (工业和信息化局);
// jurisdiction: the unit's own jurisdiction; role: lead / cooperate / responsible / support / any (support:
// every role but the lead, for 不是牵头; responsible: 牵头 or 责任单位, for 牵头（负责）); "lead" also
// returns first-listed responsible units read as the lead (Task.first_leads: no stated lead, and one
// responsible body alone or a document that states no lead anywhere), labelled so in basis.
// basis says how the document assigns the task (a first-listed 责任单位 is not a stated lead).
MATCH (u:Unit)-[r:LEADS|COOPERATES|RESPONSIBLE_FOR]->(t:Task)<-[:HAS_TASK]-(d:Document)
WHERE ($unit = '' OR u.name = $unit OR u.id = $unit)
  AND (size($units) = 0 OR u.name IN $units OR u.id IN $units)
  AND ($unit_type = '' OR u.unit_type = $unit_type)
  AND ($jurisdiction = '' OR u.jurisdiction = $jurisdiction)
  // topic: only the unit's tasks on it, or mentioning the words that named it in their title or text
  // (tagged more closely: 推进农业社会化服务…保障粮食安全). Not the document's title: a plan on
  // 防汛抗旱和河湖治理 does not make each of its tasks a flood-control task.
  AND ($topic = '' OR $topic IN t.topics OR $topic IN d.topics
       OR ($mention <> '' AND (t.title CONTAINS $mention OR coalesce(t.text, '') CONTAINS $mention)))
WITH u, r, t, d, t.first_leads AS listed
WHERE $role = 'any' OR r.role = $role OR ($role = 'lead' AND r.rank = 1 AND r.role = 'responsible' AND listed)
   OR ($role = 'responsible' AND r.role = 'lead')
   OR ($role = 'support' AND (r.role = 'cooperate' OR (r.role = 'responsible' AND NOT (r.rank = 1 AND listed))))
RETURN coalesce(u.jurisdiction, '') AS jurisdiction, u.name AS unit,
       CASE WHEN r.role = 'lead' THEN 'stated lead'
            WHEN r.role = 'cooperate' THEN 'cooperating unit'
            WHEN r.rank = 1 AND listed THEN 'first-listed responsible unit'
            ELSE 'listed responsible unit' END AS basis,
       r.role AS role, r.rank AS rank, t.title AS task, d.title AS document, coalesce(r.evidence, '') AS evidence
ORDER BY jurisdiction, unit, CASE basis WHEN 'stated lead' THEN 0 WHEN 'first-listed responsible unit' THEN 1
              WHEN 'listed responsible unit' THEN 2 WHEN 'cooperating unit' THEN 3 ELSE 4 END, basis, role, rank, task, document, evidence
