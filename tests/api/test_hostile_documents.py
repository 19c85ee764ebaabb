"""Documents built to make validation slow: fragments that fan out, long chains, wide
selections, cycles, 64 KB of each. Every one is refused in milliseconds, the server keeps
answering while they arrive, and every document the PWA sends still passes."""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from graphql import ExecutionResult, OperationDefinitionNode, get_introspection_query, parse
from strawberry.extensions import SchemaExtension

from shouhu.api import schema as schema_module
from shouhu.api.refusal import Refusal
from shouhu.settings import ROOT
from tests.graphql_inputs import variables_for
from tests.serve import free_port, running_server
from tests.support import error_codes

BODY_LIMIT = 64 * 1024
# Generous: the point is milliseconds against the 21 seconds (22 fragments) and the hours
# (30 fragments) these documents cost before; a loaded test machine must not make it flaky.
BOUND_SECONDS = 1.0


def fan_out(n: int, leaf: str = "me { __typename }") -> str:
    """The attack as found: each fragment spreads the next one twice (2**n paths)."""
    fragments = " ".join(f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(n))
    return f"query {{ ...F0 }} {fragments} fragment F{n} on Query {{ {leaf} }}"


def chain(n: int) -> str:
    fragments = " ".join(f"fragment F{i} on Query {{ ...F{i + 1} }}" for i in range(n))
    return f"query {{ ...F0 }} {fragments} fragment F{n} on Query {{ __typename }}"


def wide(n: int) -> str:
    return "query { ...W ...W } fragment W on Query { " + "me { __typename } " * n + "}"


def wide_aliases(n: int) -> str:
    return "query { ...W } fragment W on Query { " + " ".join(f"a{i}: __typename" for i in range(n)) + " }"


def cycle(n: int) -> str:
    fragments = " ".join(f"fragment F{i} on Query {{ me {{ ...F{(i + 1) % n} }} }}" for i in range(n))
    return f"query {{ ...F0 }} {fragments}"


def padded(document: str) -> str:
    """The same document, blown up with white space to just under the body limit."""
    return document + " " * (BODY_LIMIT - 1024 - len(document))


def filled(build: Callable[[int], str], start: int) -> str:
    """The largest document of the family that still fits in a request."""
    fits = lambda n: len(build(n).encode()) < BODY_LIMIT - 1024  # noqa: E731
    low, high = start, start * 2
    while fits(high):
        low, high = high, high * 2
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if fits(middle) else (low, middle)
    return build(low)


HOSTILE = {
    "fan-out-22": (fan_out(22), "QUERY_TOO_COMPLEX"),
    "fan-out-30": (fan_out(30), "QUERY_TOO_COMPLEX"),
    "fan-out-30-empty-leaf": (fan_out(30, leaf=""), "QUERY_TOO_COMPLEX"),
    "fan-out-filled": (filled(fan_out, 30), "QUERY_TOO_COMPLEX"),
    "chain-60": (chain(60), "QUERY_TOO_COMPLEX"),
    "chain-500": (chain(500), "QUERY_TOO_COMPLEX"),
    "chain-filled": (filled(chain, 500), "QUERY_TOO_COMPLEX"),
    "wide-490": (wide(490), "QUERY_TOO_COMPLEX"),
    "wide-typename-1990": ("{ " + "__typename " * 1990 + "}", "QUERY_TOO_COMPLEX"),
    "wide-aliases-1900": (wide_aliases(1900), "QUERY_TOO_COMPLEX"),
    "wide-filled": (filled(wide, 490), "QUERY_TOO_COMPLEX"),
    "nested-300": ("{" + " me {" * 300 + " __typename" + " }" * 300 + " }", "QUERY_TOO_COMPLEX"),
    "comments-64k": ("{ __typename }\n" + "#\n" * ((BODY_LIMIT - 2048) // 2), "QUERY_TOO_COMPLEX"),
    "only-comments-64k": ("#\n" * ((BODY_LIMIT - 2048) // 2), "QUERY_TOO_COMPLEX"),
    "unused-wide-fragment": ("{ __typename } fragment W on Query { " + "me { __typename } " * 480 + "}", "QUERY_TOO_COMPLEX"),
    "big-input-literal": ("mutation { createClass(input: {" + " ".join(f"a{i}: 1" for i in range(600)) + "}) { __typename } }",
                          "GRAPHQL_VALIDATION_FAILED"),
    "cycle-2": (cycle(2), "GRAPHQL_VALIDATION_FAILED"),
    "cycle-self": ("query { ...A } fragment A on Query { me { ...A } }", "GRAPHQL_VALIDATION_FAILED"),
    "cycle-150": (cycle(150), "GRAPHQL_VALIDATION_FAILED"),
    "cycle-behind-fan-out": (fan_out(20).replace("me { __typename }", "...F0"), "GRAPHQL_VALIDATION_FAILED"),
}
PADDED = {f"{name}-padded": (padded(doc), code) for name, (doc, code) in HOSTILE.items() if len(doc) < BODY_LIMIT - 2048}


def test_the_documents_are_what_they_claim():
    assert len(HOSTILE["fan-out-22"][0]) == 911  # the size of the request as it was reported
    for name, (document, _) in {**HOSTILE, **PADDED}.items():
        assert len(document.encode()) < BODY_LIMIT, name
    assert len(HOSTILE["fan-out-filled"][0]) > 60_000 and len(HOSTILE["chain-filled"][0]) > 60_000


def _refusal(schema, document: str) -> tuple[list[str], float]:
    """The schema's own parse and validation steps, timed: a refused document never runs."""
    import asyncio

    started = time.perf_counter()
    result = asyncio.run(schema.execute(document))
    elapsed = time.perf_counter() - started
    assert result.data is None and result.errors and all(isinstance(e, Refusal) for e in result.errors)
    return [e.code for e in result.errors], elapsed  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def fresh_schema():
    return schema_module.make_schema()


@pytest.mark.parametrize(("document", "code"), [*HOSTILE.values(), *PADDED.values()], ids=[*HOSTILE, *PADDED])
def test_hostile_documents_are_refused_in_milliseconds(fresh_schema, document, code):
    codes, elapsed = _refusal(fresh_schema, document)
    assert codes[0] == code
    assert elapsed < BOUND_SECONDS, f"{elapsed:.3f} s"


def test_a_fragment_cycle_is_named_as_such(fresh_schema):
    import asyncio

    result = asyncio.run(fresh_schema.execute(cycle(3)))
    refusal = result.errors[0]
    assert refusal.key == "graphql.fragment_cycle"  # type: ignore[union-attr]


def test_legitimate_fragments_still_work(fresh_schema):
    import asyncio

    # Below every limit: a chain of 40, a fan-out of 4 (16 copies of one field, merged), and the
    # introspection query of the development IDE, whose fragments nest ten levels deep.
    for document in (chain(40), fan_out(4, leaf="__typename")):
        result = asyncio.run(fresh_schema.execute(document))
        assert result.errors is None and result.data == {"__typename": "Query"}
    introspection = asyncio.run(fresh_schema.execute(get_introspection_query(descriptions=True)))
    assert introspection.errors is None and introspection.data["__schema"]["queryType"]["name"] == "Query"


@pytest.mark.usefixtures("demo")
async def test_over_http_the_reported_documents_get_a_translated_400(client):
    client.locale = "en"
    for document in (HOSTILE["fan-out-22"][0], HOSTILE["fan-out-30"][0]):
        started = time.perf_counter()
        response = await client.post(document)
        assert time.perf_counter() - started < BOUND_SECONDS
        assert response.status_code == 400
        assert error_codes(response.json()) == ["QUERY_TOO_COMPLEX"]
        assert response.json()["errors"][0]["message"].startswith("The query is too complex")


# --- a real server keeps answering --------------------------------------------------------


@pytest.fixture
def server(tmp_path: Path, sqlite_template: Path) -> Iterator[str]:
    """`shouhu serve` in its own process, one worker: what a slow validation would block."""
    database = tmp_path / "shouhu.sqlite3"
    database.write_bytes(sqlite_template.read_bytes())
    port = free_port()
    env = {**os.environ, "SHOUHU_DATABASE_URL": f"sqlite://{database}", "SHOUHU_PWA_DIST": str(tmp_path / "dist"),
           "SHOUHU_VAPID_PRIVATE_KEY": str(tmp_path / "vapid.pem"), "SHOUHU_PUBLIC_ORIGIN": f"http://127.0.0.1:{port}"}
    with running_server(env, port, tmp_path / "server.log") as url:
        yield url


def test_healthz_answers_while_hostile_documents_arrive(server):
    def attack(document: str) -> tuple[int, str]:
        response = httpx.post(f"{server}/graphql", json={"query": document}, timeout=30)
        return response.status_code, error_codes(response.json())[0]

    def health() -> float:
        started = time.perf_counter()
        assert httpx.get(f"{server}/healthz", timeout=30).json() == {"status": "ok"}
        return time.perf_counter() - started

    documents = [HOSTILE[name][0] for name in ("fan-out-30", "fan-out-filled", "chain-filled", "wide-filled")] * 3
    with ThreadPoolExecutor(max_workers=len(documents) + 1) as pool:
        attacks = [pool.submit(attack, d) for d in documents]
        time.sleep(0.05)  # let the attacks reach the server first
        waited = pool.submit(health).result(timeout=30)
        answers = [a.result(timeout=30) for a in attacks]
    assert answers == [(400, "QUERY_TOO_COMPLEX")] * len(documents)
    assert waited < 2.0, f"/healthz waited {waited:.2f} s"


# --- the app's own documents -------------------------------------------------------------

PWA_API = ROOT / "pwa" / "src" / "api"


def pwa_documents() -> dict[str, str]:
    """Every /* GraphQL */ string of the PWA, by operation name: what the app sends."""
    documents = {}
    for path in [PWA_API / "operations.ts", *sorted((PWA_API / "operations").glob("*.ts"))]:
        for text in re.findall(r"/\* GraphQL \*/\s*`([^`]*)`", path.read_text(encoding="utf-8")):
            operation = next(d for d in parse(text).definitions if isinstance(d, OperationDefinitionNode))
            documents[operation.name.value] = text  # type: ignore[union-attr]
    return documents


class DryRun(SchemaExtension):
    """Stops after the guard: the documents are checked as sent, the resolvers never run."""

    def on_execute(self):  # type: ignore[override]
        self.execution_context.result = ExecutionResult(data={}, errors=None)  # type: ignore[assignment]
        yield


def _dry_schema(monkeypatch, fraction: float):
    for name in ("MAX_TOKENS", "MAX_DEPTH", "MAX_FIELDS", "MAX_ALIASES", "MAX_SPREADS", "MAX_OVERLAPS"):
        monkeypatch.setattr(schema_module, name, max(1, int(getattr(schema_module, name) * fraction)))
    schema = schema_module.make_schema()
    schema.extensions = [*schema.extensions, DryRun]
    return schema


@pytest.mark.parametrize("fraction", [1.0, 0.5], ids=["limits", "half-the-limits"])
def test_every_document_the_pwa_sends_passes(monkeypatch, fraction):
    """With half of every limit too: the limits do not sit just above what the app needs."""
    import asyncio

    schema = _dry_schema(monkeypatch, fraction)
    documents = pwa_documents()
    assert len(documents) > 60 and {"Me", "Login", "RecordCheckIn", "StudentTimeline"} <= set(documents)
    refused = {}
    for name, text in documents.items():
        operation = next(d for d in parse(text).definitions if isinstance(d, OperationDefinitionNode))
        variables = variables_for(schema_module.schema._schema, operation)
        result = asyncio.run(schema.execute(text, variable_values=variables))
        if result.errors:
            refused[name] = [(getattr(e, "code", None), e.message) for e in result.errors]
    assert refused == {}


def test_the_dry_run_can_refuse(monkeypatch):
    """The test above would notice a refusal: with limits far too low, the app's documents fail."""
    import asyncio

    schema = _dry_schema(monkeypatch, 0.01)
    result = asyncio.run(schema.execute(pwa_documents()["StudentTimeline"]))
    assert result.errors and result.errors[0].code == "QUERY_TOO_COMPLEX"  # type: ignore[attr-defined]
