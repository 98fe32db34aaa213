// name: document_places
// description: Every key a question may keep documents to (Document.places): the places of the documents, and for national documents the central bodies that issue them
// params:
MATCH (d:Document)
UNWIND d.places AS place
RETURN DISTINCT place
ORDER BY place
