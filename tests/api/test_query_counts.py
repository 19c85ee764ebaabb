"""SQL statements per request do not grow with the length of a list."""

from __future__ import annotations

import pytest

from tests.support import QueryCounter

pytestmark = pytest.mark.usefixtures("demo")

STUDENTS = """query($first: Int!) { students(first: $first) { nodes {
  name schoolClass { name classTeacher { displayName } studentCount }
  account { login activated }
  guardians { relation guardian { displayName children { studentName } } } } } }"""
GUARDIANS = "query($first: Int!) { guardians(first: $first) { nodes { displayName children { studentName relation } } } }"
STAFF = "query($first: Int!) { staff(first: $first) { nodes { displayName isAdmin isCounsellor } } }"
CLASSES = "query($first: Int!) { classes(first: $first) { nodes { name studentCount classTeacher { displayName } } } }"


@pytest.mark.parametrize("query", [STUDENTS, GUARDIANS, STAFF, CLASSES], ids=["students", "guardians", "staff", "classes"])
async def test_statements_per_request_do_not_grow_with_the_page(client, query):
    await client.sign_in("demo-admin")
    counts = []
    for first in (2, 40):
        with QueryCounter() as counter:
            data = await client.data(query, {"first": first})
        rows = next(iter(data.values()))["nodes"]
        assert len(rows) == min(first, len(rows)) and rows
        counts.append(counter.count)
    assert counts[0] == counts[1], counts
    assert counts[0] >= 5  # the session, the principal and the page itself at least
    assert counts[1] <= 16
