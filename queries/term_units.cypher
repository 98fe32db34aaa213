// name: term_units
// description: Tasks whose title or text, or their document's title, holds every search term (the term index), ranked by match quality, with their units, role and the sentence
// params: terms (list, e.g. 转供电), anchor (string, e.g. 转供电), phrase (string, default ""), role (string, default any, e.g. lead), jurisdiction (string, default "")
// order: stated leads first, then first-listed and listed 责任单位, then cooperating units (a reader's weight, not the alphabet).
// terms: words of the term index (ingest/terms.py), every one required; anchor: one of them, where
// the search starts (a key seek; the rarest is fastest, any gives the same rows); phrase: the words as asked.
// quality: 1 = the phrase is in the title, 2 = in the text, 3 = in the title of the task's document (a
// task is about what its document is about; the index holds the document title's words for each
// task), 4 = every term but not the phrase.
// role: lead (stated leads, else the first-listed 责任单位 of a task naming no lead) / cooperate /
// responsible (牵头 or 责任单位) / any. basis as in topic_units; "no unit named" for a task without one.
MATCH (:Term {name: $anchor})<-[:HAS_TERM]-(t:Task)
MATCH (t)-[:HAS_TERM]->(x:Term)  // a clause of its own: Neo4j would not walk the anchor's edge twice
WHERE x.name IN $terms
MATCH (d:Document)-[:HAS_TASK]->(t)
WHERE ($jurisdiction = '' OR $jurisdiction IN d.places)
WITH d, t, count(DISTINCT x) AS hits
WHERE hits = size($terms)
WITH d, t, t.leads AS stated
OPTIONAL MATCH (u:Unit)-[r:LEADS|COOPERATES|RESPONSIBLE_FOR]->(t)
WHERE $role = 'any' OR r.role = $role OR ($role = 'responsible' AND r.role = 'lead')
   OR ($role = 'lead' AND r.role = 'responsible' AND r.rank = 1 AND stated = 0)
RETURN CASE WHEN $phrase <> '' AND toLower(t.title) CONTAINS toLower($phrase) THEN 1
            WHEN $phrase <> '' AND toLower(coalesce(t.text, '')) CONTAINS toLower($phrase) THEN 2
            WHEN $phrase <> '' AND toLower(d.title) CONTAINS toLower($phrase) THEN 3
            ELSE 4 END AS quality,
       coalesce(d.city, '') AS city, coalesce(d.jurisdiction, '') AS jurisdiction,
       CASE WHEN r IS NULL THEN 'no unit named'
            WHEN r.role = 'lead' THEN 'stated lead'
            WHEN r.role = 'cooperate' THEN 'cooperating unit'
            WHEN r.rank = 1 AND stated = 0 THEN 'first-listed responsible unit'
            ELSE 'listed responsible unit' END AS basis,
       coalesce(r.role, '') AS role, coalesce(r.rank, 0) AS rank, coalesce(u.name, '') AS unit,
       t.title AS task, d.title AS document,
       CASE WHEN r IS NULL THEN coalesce(t.text, '') ELSE coalesce(r.evidence, '') END AS evidence
ORDER BY quality, city, jurisdiction, CASE basis WHEN 'stated lead' THEN 0 WHEN 'first-listed responsible unit' THEN 1
              WHEN 'listed responsible unit' THEN 2 WHEN 'cooperating unit' THEN 3 ELSE 4 END, basis, document, task, role, rank, unit, evidence
