// name: document_titles
// description: The title of every loaded document (what a question naming a plan by its words is matched against), with the places it is of and its number (国办发〔2027〕14号)
// params:
MATCH (d:Document)
RETURN d.title AS title, d.id AS id, coalesce(d.places, []) AS places, d.doc_number AS number
ORDER BY title, id
