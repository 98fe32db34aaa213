# One command for the whole check (`make test`, which .ci/run calls) and one for the main job
# (`make demo`). Everything is installed into .venv by the project's own files.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint install system-deps clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

# The main job on the embedded store: no server needed.
demo: $(STAMP)
	$(BIN)/fengong ingest samples/
	$(BIN)/fengong ask "哪些部门在哪些城市牵头转供电改直供电"

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy fengong ingest graph queries api bench

system-deps:
	scripts/system-deps

# Lint, then the whole suite against the embedded store and a real local Neo4j.
test: lint system-deps
	bash docker/run-with-neo4j $(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
