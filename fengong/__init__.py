"""fengong: task-division documents into a responsibility-matrix knowledge graph.

The package maps the repository's data-flow folders into one namespace:
``fengong.ingest`` (documents -> canonical model), ``fengong.graph`` (model ->
stores, exports), ``fengong.queries`` (named Cypher) and ``fengong.api`` (CLI and HTTP).
"""

__version__ = "0.1.0"
