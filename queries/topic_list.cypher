// name: topic_list
// description: Topics in the graph with their English names and how many tasks and jurisdictions are about each
// params:
MATCH (tp:Topic)
OPTIONAL MATCH (tp)<-[:ABOUT]-(t:Task)<-[:HAS_TASK]-(d:Document)
RETURN tp.name AS name, coalesce(tp.en, '') AS en, count(DISTINCT t) AS tasks,
       count(DISTINCT d.jurisdiction) AS jurisdictions
ORDER BY name, en, tasks, jurisdictions
