// name: document_titles
// description: The title of every loaded document (what a question naming a plan by its words is matched against), with the places it is of
// params:
MATCH (d:Document)
RETURN d.title AS title, d.id AS id, coalesce(d.places, []) AS places
ORDER BY title, id
