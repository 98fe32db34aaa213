// name: unit_partners
// description: Who works with a unit: on the tasks it leads or is responsible for, every other unit named, with its role and the sentence
// params: units (list, e.g. 聊城市发展和改革委员会), role (string, default any, e.g. cooperate)
// order: stated leads first, then first-listed and listed 责任单位, then cooperating units (a reader's weight, not the alphabet).
// units: fully qualified names or ids (any of them), whose tasks are searched (those they lead or are
// listed responsible for, not those they only cooperate on); role: the partner's role (lead /
// cooperate / responsible / any). basis as in unit_work.
// One pattern from the unit to its partners: LadybugDB walks it from the unit's edges, where a
// second MATCH from the tasks joined every unit's edges (on 10,000 documents: 530 -> tens of ms);
// DISTINCT folds the rows of a unit that both leads and is listed on a task.
MATCH (a:Unit)-[:LEADS|RESPONSIBLE_FOR]->(t:Task)<-[r:LEADS|COOPERATES|RESPONSIBLE_FOR]-(b:Unit)
WHERE (a.name IN $units OR a.id IN $units) AND NOT (b.name IN $units OR b.id IN $units)
  AND ($role = 'any' OR r.role = $role OR ($role = 'responsible' AND r.role = 'lead'))
MATCH (d:Document)-[:HAS_TASK]->(t)
WITH b, r, t, d, t.first_leads AS listed
RETURN DISTINCT coalesce(b.jurisdiction, '') AS jurisdiction, b.name AS unit,
       CASE WHEN r.role = 'lead' THEN 'stated lead'
            WHEN r.role = 'cooperate' THEN 'cooperating unit'
            WHEN r.rank = 1 AND listed THEN 'first-listed responsible unit'
            ELSE 'listed responsible unit' END AS basis,
       r.role AS role, r.rank AS rank, t.title AS task, d.title AS document, coalesce(r.evidence, '') AS evidence
ORDER BY jurisdiction, unit, CASE basis WHEN 'stated lead' THEN 0 WHEN 'first-listed responsible unit' THEN 1
              WHEN 'listed responsible unit' THEN 2 WHEN 'cooperating unit' THEN 3 ELSE 4 END, basis, role, rank, task, document, evidence
