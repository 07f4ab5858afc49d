"""Schemathesis against the server's own OpenAPI document: bounded examples per operation, real server."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable

from tests.serve.conftest import TOKEN, Live

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed (pip install -e '.[test]')")
EXAMPLES = 8


def check_operation(operation: Any, mode: Any, headers: dict[str, str] | None = None) -> None:
    """Generate bounded cases for one operation; each must pass schemathesis's checks."""

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))  # fmt: skip
    def run(case: Any) -> None:
        case.call_and_validate(timeout=60, headers=headers)

    run()


def test_api_conforms_to_its_schema(server: Live) -> None:
    """No 5xx, documented status codes and content types, bodies matching their schemas, for every operation."""
    schema = schemathesis.openapi.from_url(server.url + "/openapi.json")
    failures: list[str] = []
    checked = []
    for result in schema.get_all_operations():
        operation = result.ok()
        checked.append(operation.label)
        for mode in (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE):
            try:
                check_operation(operation, mode)
            except Unsatisfiable:  # no parameter to get wrong (GET /api/meta): nothing negative to send
                continue
            except Exception as exc:  # collect every operation's failure, then fail once
                failures.append(f"{operation.label} ({mode.value}): {exc}")
    assert len(checked) >= 9
    assert not failures, "\n\n".join(failures)


def test_ingest_with_token_conforms(write_server: Live) -> None:
    """POST /api/documents with the token: random records are stored or rejected with a reason, never a 5xx."""
    schema = schemathesis.openapi.from_url(write_server.url + "/openapi.json")
    post = next(r.ok() for r in schema.get_all_operations() if r.ok().label == "POST /api/documents")
    for mode in (schemathesis.GenerationMode.POSITIVE, schemathesis.GenerationMode.NEGATIVE):
        check_operation(post, mode, {"Authorization": f"Bearer {TOKEN}"})
