// name: term_counts
// description: How many tasks hold each of some words of the term index (words no task holds are left out)
// params: terms (list, e.g. 转供电|直供电)
MATCH (x:Term)
WHERE x.name IN $terms
RETURN x.name AS term, COUNT { MATCH (x)<-[:HAS_TERM]-(:Task) } AS tasks
ORDER BY tasks DESC, term
