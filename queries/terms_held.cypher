// name: terms_held
// description: Which of some words the term index holds (words of no task's title or text are left out)
// params: terms (list, e.g. 转供电|直供电)
UNWIND $terms AS word
MATCH (x:Term {name: word})
RETURN x.name AS term
ORDER BY term
