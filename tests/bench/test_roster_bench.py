"""Benchmark: one page of the admin's student list through the whole stack (HTTP, session,
principal, GraphQL, loaders, audit) against a baseline of the same rows by raw SQL + JSON in
the same run. Reported, never a pass/fail timing; only the SQL statement count is asserted."""

from __future__ import annotations

import json

import pytest
from tortoise import Tortoise

from shouhu.schools.models import School, SchoolClass, Student
from tests.support import QueryCounter, median_seconds

pytestmark = pytest.mark.usefixtures("demo")

PAGE = 100
EXTRA_STUDENTS = 2000
QUERY = """query($first: Int!, $after: String) { students(first: $first, after: $after) { nodes {
  id name studentNumber schoolClass { name } account { login } guardians { relation guardian { displayName } } }
  pageInfo { endCursor } } }"""
BASELINE = """SELECT s.id, s.name, s.student_number, c.name, g.relation, a.display_name
FROM student s JOIN school_class c ON c.id = s.school_class_id
LEFT JOIN guardianship g ON g.student_id = s.id LEFT JOIN account a ON a.id = g.guardian_id
WHERE s.school_id = '{school}' AND s.is_active ORDER BY s.student_number, s.id LIMIT {limit}"""


async def _grow(school: School) -> None:
    school_class = await SchoolClass.filter(school_id=school.id).first()
    await Student.bulk_create(
        [Student(school_id=school.id, school_class_id=school_class.id, name=f"学生{n:04d}", student_number=f"B{n:05d}")
         for n in range(EXTRA_STUDENTS)],
        batch_size=500,
    )




async def test_student_list_page_against_raw_sql(client, settings, capsys):
    school = await School.first()
    await _grow(school)
    await client.sign_in("demo-admin")
    connection = Tortoise.get_connection("default")
    sql = BASELINE.format(school=school.id, limit=PAGE)

    async def baseline():
        rows = await connection.execute_query_dict(sql)
        return json.dumps(rows, default=str, ensure_ascii=False)

    async def api():
        return await client.data(QUERY, {"first": PAGE})

    with QueryCounter() as small:
        await client.data(QUERY, {"first": 5})
    with QueryCounter() as large:
        page = await api()
    assert len(page["students"]["nodes"]) == PAGE
    assert small.count == large.count

    base, full = await median_seconds(baseline), await median_seconds(api)
    backend = "postgres" if settings.database_url.startswith("postgres") else "sqlite"
    with capsys.disabled():
        print(f"\n[bench {backend}] students page of {PAGE} among {EXTRA_STUDENTS + 40}: "
              f"api {full * 1000:.1f} ms, raw SQL+JSON {base * 1000:.2f} ms, ratio {full / base:.1f}x, "
              f"{large.count} SQL statements per request (same for 5 rows)")
