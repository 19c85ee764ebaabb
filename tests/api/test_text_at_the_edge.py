"""A NUL byte or a lone surrogate anywhere a client can put text is refused with INVALID_TEXT
and stores nothing, on SQLite and PostgreSQL alike. The places come from the schema itself, so
an argument added later is covered without touching this file."""

from __future__ import annotations

import json
from typing import Any

import pytest
from tortoise import Tortoise

from shouhu.accounts.models import LoginThrottle
from shouhu.api import http as http_module
from shouhu.api.schema import PUBLIC_FIELDS, schema
from shouhu.entries.models import Observation
from shouhu.schools.models import Student
from tests.care_support import OBSERVE, new_id
from tests.graphql_inputs import TextPlace, request, text_places
from tests.support import LOGIN, QueryCounter, error_codes, signed_in_as

pytestmark = pytest.mark.usefixtures("demo")

NUL = "\x00"
LONE_SURROGATE = "\ud800"
GRAPHQL = schema._schema
PLACES = text_places(GRAPHQL)


async def _snapshot() -> dict[str, list[Any]]:
    """Every row of every table. A session's last_seen_at may move on its own (once a minute)."""
    rows = {}
    for app in Tortoise.apps.values():
        for model in app.values():
            values = await model.all().values()
            if model._meta.db_table == "session":
                values = [{k: v for k, v in row.items() if k != "last_seen_at"} for row in values]
            rows[model._meta.db_table] = sorted(values, key=repr)
    return rows


async def _post_raw(client, body: dict[str, Any]):
    # json.dumps escapes as JSON does on the wire: "\u0000", and "\ud800" for a lone surrogate.
    return await client.http.post(
        "/graphql", content=json.dumps(body), headers={"content-type": "application/json", "accept-language": client.locale}
    )


def test_the_schema_has_text_places_to_walk():
    names = {p.name for p in PLACES}
    # A sample of what a careless change would lose: notes, names, logins, searches, nested inputs.
    assert {"login.login", "recordCheckIn.input.note", "reportObservation.input.note", "students.search",
            "createStaff.input.displayName", "setRota.slots.0.periodId", "recordHomeLog.input.note"} <= names
    assert len(PLACES) > 100


def _sender(place: TextPlace, admin, anonymous):
    return anonymous if place.field in PUBLIC_FIELDS else admin


@pytest.mark.parametrize("bad", [NUL, LONE_SURROGATE], ids=["nul", "lone-surrogate"])
async def test_every_text_variable_refuses_the_character_and_stores_nothing(new_client, bad):
    admin = await signed_in_as(new_client, "demo-admin")
    anonymous = new_client()
    before = await _snapshot()
    wrong = []
    for place in PLACES:
        query, variables = request(GRAPHQL, place, f"正常文字{bad}")
        response = await _post_raw(_sender(place, admin, anonymous), {"query": query, "variables": variables})
        expected_field = ".".join(str(p) for p in ("variables", place.argument, *place.path))
        body = response.json()
        if response.status_code != 400 or error_codes(body) != ["INVALID_TEXT"] or body["errors"][0]["extensions"]["field"] != expected_field:
            wrong.append((place.name, response.status_code, body))
    assert wrong == []
    assert await _snapshot() == before


async def test_escapes_in_string_literals_are_refused_too(new_client):
    """`"\\u0000"` in the document is a NUL once parsed; `"\\ud800"` alone is not GraphQL at all."""
    admin = await signed_in_as(new_client, "demo-admin")
    anonymous = new_client()
    before = await _snapshot()
    wrong = []
    for place in PLACES:
        client = _sender(place, admin, anonymous)
        nul_query, _ = request(GRAPHQL, place, f"正常{NUL}", as_literal=True)
        response = await _post_raw(client, {"query": nul_query})
        field = ".".join(str(p) for p in (place.argument, *place.path) if isinstance(p, str))
        body = response.json()
        if response.status_code != 400 or error_codes(body) != ["INVALID_TEXT"] or body["errors"][0]["extensions"]["field"] != field:
            wrong.append((place.name, "nul", response.status_code, body))
        surrogate_query, _ = request(GRAPHQL, place, f"正常{LONE_SURROGATE}", as_literal=True)
        assert "\\ud800" in surrogate_query
        response = await _post_raw(client, {"query": surrogate_query})
        if response.status_code != 400 or error_codes(response.json()) != ["GRAPHQL_PARSE_FAILED"]:
            wrong.append((place.name, "surrogate", response.status_code, response.json()))
    assert wrong == []
    assert await _snapshot() == before


async def test_without_the_edge_check_the_same_note_would_be_stored_or_fail(new_client, monkeypatch, settings):
    """Proves the tests above can fail: with the check switched off, SQLite stores the NUL and
    PostgreSQL answers a server error."""
    monkeypatch.setattr(http_module, "unclean_path", lambda value: None)
    teacher = await signed_in_as(new_client, "demo-teacher")
    student = await Student.first()
    response = await _post_raw(teacher, {"query": OBSERVE, "variables": {
        "id": new_id(), "input": {"studentId": str(student.id), "note": f"课间{NUL}独自哭"}}})
    if settings.database_url.startswith("sqlite"):
        assert response.json()["data"]["reportObservation"]["__typename"] == "ObservationReceipt"
        assert NUL in (await Observation.get()).note
    else:
        assert error_codes(response.json()) == ["INTERNAL_SERVER_ERROR"]


async def test_clean_text_arrives_intact(new_client):
    teacher = await signed_in_as(new_client, "demo-teacher")
    student = await Student.first()
    note = "课间独自在走廊哭 😢\n第二节课后好转\t已谈心"
    response = await _post_raw(teacher, {"query": OBSERVE, "variables": {  # the emoji travels as a surrogate pair
        "id": new_id(), "input": {"studentId": str(student.id), "note": note}}})
    assert "\\ud83d\\ude22" in json.dumps(note)
    assert response.json()["data"]["reportObservation"]["__typename"] == "ObservationReceipt"
    assert (await Observation.get()).note == note


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"query": "{ __typename } # \x00"}, "query"),
        ({"query": "{ __typename } # \ud800"}, "query"),
        ({"query": "query Me { __typename }", "operationName": "Me\x00"}, "operationName"),
        ({"query": "query($s: String) { students(search: $s) { __typename } }", "variables": {"s\x00": "x"}}, "variables.s\x00"),
        ({"query": "{ __typename }", "extensions": {"persistedQuery": {"sha256Hash": "\ufffe"}}}, "extensions.persistedQuery.sha256Hash"),
    ],
    ids=["document", "document-surrogate", "operation-name", "variable-key", "extensions"],
)
async def test_everything_in_the_body_is_checked(client, body, field):
    client.locale = "en"
    response = await _post_raw(client, body)
    assert response.status_code == 400
    assert error_codes(response.json()) == ["INVALID_TEXT"]
    error = response.json()["errors"][0]
    assert error["extensions"]["field"] == field
    assert error["message"].startswith("The text contains characters that are not allowed")


async def test_the_message_is_chinese_first(client):
    response = await _post_raw(client, {"query": "{ __typename }", "operationName": "\x00"})
    assert response.json()["errors"][0]["message"].startswith("内容中含有不允许的字符")


async def test_a_login_name_with_nul_is_never_written_to_the_throttle(client):
    for _ in range(6):
        response = await _post_raw(client, {"query": LOGIN, "variables": {"login": "demo-teacher\x00", "password": "wrong"}})
        assert error_codes(response.json()) == ["INVALID_TEXT"]
    assert await LoginThrottle.all().count() == 0
    # The same attempts with a plain name are counted: the assertion above could fail.
    await client.login("demo-teacher", "wrong-password")
    assert await LoginThrottle.filter(key="login:demo-teacher").exists()


@pytest.mark.parametrize("cookie", ["abc\x00def", "\x00", "a" * 200, 'a"b', "a\x7fb"])
async def test_a_malformed_session_cookie_is_no_session_and_never_looked_up(client, settings, cookie):
    client.http.cookies.set(settings.session_cookie, cookie)
    with QueryCounter() as queries:
        response = await client.post("{ me { account { id } } }")
    assert response.status_code == 200 and response.json()["data"]["me"] is None
    assert queries.statements == []


async def test_a_well_formed_unknown_cookie_is_looked_up(client, settings):
    """The contrast to the test above: it would see a lookup."""
    client.http.cookies.set(settings.session_cookie, "A" * 43)
    with QueryCounter() as queries:
        response = await client.post("{ me { account { id } } }")
    assert response.json()["data"]["me"] is None
    assert queries.count >= 1


@pytest.mark.parametrize(
    "path",
    [
        "/reports/daily.csv?school=%00",
        "/reports/daily.csv?school=00000000-0000-4000-8000-000000000001&since=2025-01-01%00",
        "/reports/daily.csv?%00=1",
        "/reports/daily.csv?days=%EF%BF%BE",  # U+FFFE, percent-encoded as UTF-8
        "/bookings/%00.ics",
        "/bookings/00000000-0000-4000-8000-000000000001%01.ics",
        "/%00",
        "/assets/%00.js",
    ],
)
async def test_file_routes_refuse_refused_characters_in_the_address(new_client, path):
    admin = await signed_in_as(new_client, "demo-admin")
    admin.http.headers["accept-language"] = "en"
    response = await admin.http.get(path)
    assert response.status_code == 400
    assert response.headers["x-shouhu-code"] == "INVALID_TEXT"
    assert response.text == "The request address contains characters that are not allowed."
    assert response.headers["cache-control"] == "no-store"


async def test_file_routes_still_answer_clean_addresses(new_client):
    admin = await signed_in_as(new_client, "demo-admin")
    assert (await admin.http.get("/reports/daily.csv?school=00000000-0000-4000-8000-000000000001")).status_code == 404
    assert (await admin.http.get("/bookings/00000000-0000-4000-8000-000000000001.ics")).status_code == 404
    assert (await admin.http.get("/reports/daily.csv?school=x&days=七")).status_code == 400  # a clean but wrong number
