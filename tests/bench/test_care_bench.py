"""Benchmark: the combined timeline and the class board on a generated school year of care
data, through the whole stack, against raw SQL + JSON baselines in the same run. Reported,
never a pass/fail timing; only the SQL statement counts are asserted."""

from __future__ import annotations

import json

import pytest
from tortoise import Tortoise

from shouhu.accounts.models import Account
from shouhu.schools.models import Student
from tests.care_data import care_case, staff
from tests.support import QueryCounter, median_seconds

pytestmark = pytest.mark.usefixtures("demo")

ENTRIES_PER_CASE = 1500  # about a school year of check-ins, home logs and observations
TEAM = 6
TIMELINE = """query($s: ID!, $after: String) { timeline(studentId: $s, first: 50, after: $after) { nodes { kind occurredAt
  item { __typename ... on CheckIn { mood note author { displayName } } ... on HomeLog { listeningMinutes note }
  ... on Observation { note author { displayName } } ... on CaseChange { kind } ... on Alert { signals } } }
  pageInfo { endCursor } } }"""
BOARD = """query($c: ID!) { classBoard(classId: $c) { student { name } level checkInsToday checkedIn { displayName }
  notCheckedIn { displayName } latestMood lastHomeLogDate openAlerts } }"""
TIMELINE_SQL = """SELECT e.kind, e.occurred_at, c.mood, c.note, a.display_name, h.listening_minutes, h.note, o.note
FROM timeline_event e LEFT JOIN check_in c ON c.id = e.entry_id LEFT JOIN home_log h ON h.id = e.entry_id
LEFT JOIN observation o ON o.id = e.entry_id LEFT JOIN account a ON a.id = e.author_id
WHERE e.student_id = '{student}' ORDER BY e.occurred_at DESC, e.id DESC LIMIT 50"""
BOARD_SQL = """SELECT s.name, k.level,
  (SELECT count(*) FROM check_in c WHERE c.case_id = k.id AND c.school_date = '{today}') AS today,
  (SELECT max(h.log_date) FROM home_log h WHERE h.student_id = s.id) AS last_log,
  (SELECT count(*) FROM alert a WHERE a.student_id = s.id AND a.acknowledged_at IS NULL) AS open_alerts
FROM care_case k JOIN student s ON s.id = k.student_id WHERE s.school_class_id = '{klass}'"""




async def test_timeline_and_class_board_against_raw_sql(client, settings, capsys):
    teacher = await Account.get(login="demo-teacher")
    students = await Student.filter(school_class__class_teacher_id=teacher.id).order_by("student_number")
    for index, student in enumerate(students):
        team = await staff(teacher.school_id, TEAM, f"bench{index}")
        await care_case(student, teacher.id, team, entries=ENTRIES_PER_CASE)
    await client.sign_in("demo-teacher")
    connection = Tortoise.get_connection("default")
    from shouhu.schools.calendar import today

    target = students[0]
    report = []
    for name, query, variables, sql in (
        ("timeline page of 50", TIMELINE, {"s": str(target.id)}, TIMELINE_SQL.format(student=target.id)),
        (f"class board of {len(students)} cases", BOARD, {"c": str(target.school_class_id)},
         BOARD_SQL.format(klass=target.school_class_id, today=today("Asia/Shanghai").isoformat())),
    ):
        async def baseline(sql=sql):
            return json.dumps(await connection.execute_query_dict(sql), default=str, ensure_ascii=False)

        async def api(query=query, variables=variables):
            return await client.data(query, variables)

        with QueryCounter() as counter:
            data = await api()
        assert next(iter(data.values()))  # a full answer, not an empty one
        base, full = await median_seconds(baseline), await median_seconds(api)
        report.append(f"{name}: api {full * 1000:.1f} ms, raw SQL+JSON {base * 1000:.2f} ms, "
                      f"ratio {full / base:.1f}x, {counter.count} SQL statements")
    backend = "postgres" if settings.database_url.startswith("postgres") else "sqlite"
    with capsys.disabled():
        total = len(students) * ENTRIES_PER_CASE
        print(f"\n[bench {backend}] {len(students)} cases, {total} entries, teams of {TEAM + 1}:\n  " + "\n  ".join(report))
