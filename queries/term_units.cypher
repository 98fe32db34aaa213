// name: term_units
// description: Tasks whose title or text, or their document's title, holds every search term (the term index), ranked by match quality, with their units, role and the sentence
// params: terms (list, e.g. 转供电), phrase (string, default ""), role (string, default any, e.g. lead), jurisdiction (string, default ""), or_jurisdiction (string, default ""), missing (int, default 0)
// or_jurisdiction: a second place, asked about beside jurisdiction (桂林和杭州…分别由谁牵头).
// order: stated leads first, then first-listed and listed 责任单位, then cooperating units (a reader's weight, not the alphabet).
// terms: words of the term index (ingest/terms.py), every one required but `missing` of them (a question
// in other words than the task's: 对外开放 for 向社会开放); phrase: the words as asked.
// quality: 1 = the phrase is in the title, 2 = in the text or the category (a table's group cell:
// 基础设施 over the rows it groups), 3 = in the title of the task's document (a
// task is about what its document is about; the index holds the document title's words for each
// task), 4 = every term but not the phrase.
// role: lead (stated leads, else the first-listed 责任单位 of a task naming no lead, else every 责任单位 of
// a task that states no lead, reads none first-listed and whose title holds the phrase) / cooperate /
// responsible (牵头 or 责任单位) / any / support (every role but the lead's). basis as in topic_units; "no unit named" for a task without one.
// From the words' own tasks, counted: a task that holds every word. Walking each task's whole word
// list from one word instead filled LadybugDB's buffer pool for two words of 40,000 tasks.
MATCH (x:Term)<-[:HAS_TERM]-(t:Task)<-[:HAS_TASK]-(d:Document)
WHERE x.name IN $terms AND ($jurisdiction = '' OR $jurisdiction IN d.places OR $or_jurisdiction IN d.places)
WITH d, t, count(*) AS hits  // one HAS_TERM edge per task and word
WHERE hits >= size($terms) - $missing
// quality once per task, before its units multiply the rows; lower-casing every text costs five
// times the search, so a phrase without letters of two cases (Chinese) is found as it is
WITH d, t, t.first_leads AS listed,
     CASE WHEN $phrase = '' THEN 4
          WHEN toLower($phrase) = toUpper($phrase) THEN
               CASE WHEN t.title CONTAINS $phrase THEN 1
                    WHEN coalesce(t.text, '') CONTAINS $phrase OR coalesce(t.category, '') CONTAINS $phrase THEN 2
                    WHEN d.title CONTAINS $phrase THEN 3 ELSE 4 END
          WHEN toLower(t.title) CONTAINS toLower($phrase) THEN 1
          WHEN toLower(coalesce(t.text, '')) CONTAINS toLower($phrase)
               OR toLower(coalesce(t.category, '')) CONTAINS toLower($phrase) THEN 2
          WHEN toLower(d.title) CONTAINS toLower($phrase) THEN 3
          ELSE 4 END AS quality
// a task whose title holds the phrase and that states no lead answers who leads it with the units it
// lists as carrying it, each labelled a listed responsible unit (A、B按职责分工负责: they share it);
// a task the words only touch does not put its units among the leads
OPTIONAL MATCH (:Unit)-[stated:LEADS]->(t)
WITH d, t, listed, quality, count(stated) AS leads
OPTIONAL MATCH (u:Unit)-[r:LEADS|COOPERATES|RESPONSIBLE_FOR]->(t)
WHERE $role = 'any' OR r.role = $role OR ($role = 'responsible' AND r.role = 'lead')
   OR ($role = 'lead' AND r.role = 'responsible' AND ((r.rank = 1 AND listed) OR (leads = 0 AND NOT listed AND quality = 1)))
   OR ($role = 'support' AND r.role <> 'lead' AND NOT (r.role = 'responsible' AND r.rank = 1 AND listed))
RETURN quality,
       coalesce(d.city, '') AS city, coalesce(d.jurisdiction, '') AS jurisdiction,
       CASE WHEN r IS NULL THEN 'no unit named'
            WHEN r.role = 'lead' THEN 'stated lead'
            WHEN r.role = 'cooperate' THEN 'cooperating unit'
            WHEN r.rank = 1 AND listed THEN 'first-listed responsible unit'
            ELSE 'listed responsible unit' END AS basis,
       coalesce(r.role, '') AS role, coalesce(r.rank, 0) AS rank, coalesce(u.name, '') AS unit,
       t.title AS task, d.title AS document,
       CASE WHEN r IS NULL THEN coalesce(t.text, '') ELSE coalesce(r.evidence, '') END AS evidence
ORDER BY quality, city, jurisdiction, CASE basis WHEN 'stated lead' THEN 0 WHEN 'first-listed responsible unit' THEN 1
              WHEN 'listed responsible unit' THEN 2 WHEN 'cooperating unit' THEN 3 ELSE 4 END, basis, document, task, role, rank, unit, evidence
