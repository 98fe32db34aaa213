// name: person_names
// description: Every person a document names in charge of a task (责任人, 包村领导): the names a question may ask about
// params:
MATCH (p:Person)-[:IN_CHARGE_OF]->(:Task)
RETURN DISTINCT p.name AS name
ORDER BY name
