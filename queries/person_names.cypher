// name: person_names
// description: Every person a document names in charge of a task (责任人, 包村领导), with each label a document gives the part: the names and labels a question may ask about
// params:
MATCH (p:Person)-[r:IN_CHARGE_OF]->(:Task)
RETURN DISTINCT p.name AS name, r.label AS label
ORDER BY name, label
