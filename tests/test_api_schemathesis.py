"""Property-based API tests: schemathesis generates requests from the app's OpenAPI schema
(in-process ASGI) over the samples; no request may produce a server error (5xx)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from fengong.api.app import create_app
from fengong.graph.store import GraphStore
from tests.test_api_support import api_settings, loaded_store


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[GraphStore]:
    graph = loaded_store("embedded", tmp_path_factory.mktemp("schemathesis"))
    yield graph
    graph.close()


@pytest.fixture(scope="module")
def api_schema(store: GraphStore) -> schemathesis.BaseSchema:
    # Uploads are left out: every generated body would be extracted, which tests the extractor, not the API.
    app = create_app(api_settings(store), store)
    return schemathesis.openapi.from_asgi("/openapi.json", app).exclude(method="POST", path="/documents")


def test_no_server_errors(api_schema: schemathesis.BaseSchema) -> None:
    """Every operation, examples and generated cases: no 5xx, and responses match the schema.

    (Driven by Hypothesis directly: schemathesis' pytest plugin fails on pytest 9's nodes.)
    """
    operations = [result.ok() for result in api_schema.get_all_operations()]  # type: ignore[union-attr]
    assert len(operations) >= 14
    for operation in operations:

        @settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        @given(case=operation.as_strategy())
        def check(case: schemathesis.Case) -> None:
            case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])

        check()
