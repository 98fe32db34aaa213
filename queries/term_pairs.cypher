// name: term_pairs
// description: How many tasks hold each pair of some words of the term index together (pairs no task holds are left out)
// params: terms (list, e.g. 转供电|直供电)
// Reading an English question: of each English word's Chinese candidates, the ones the tasks hold together.
MATCH (a:Term)<-[:HAS_TERM]-(t:Task)-[:HAS_TERM]->(b:Term)
WHERE a.name IN $terms AND b.name IN $terms AND a.name < b.name
RETURN a.name AS a, b.name AS b, count(DISTINCT t) AS tasks
ORDER BY tasks DESC, a, b
