"""The care reads send as many SQL statements for a small case as for a big one: 5 or 200
entries, 1 or 40 team members."""

from __future__ import annotations

import pytest

from shouhu.accounts.models import Account
from shouhu.schools.models import Student
from tests.care_data import care_case, staff
from tests.support import QueryCounter

pytestmark = pytest.mark.usefixtures("demo")

TIMELINE = """query($s: ID!) { timeline(studentId: $s, first: 50) { nodes { kind occurredAt hasSignal item { __typename
  ... on CheckIn { mood note author { displayName phone } revisions { version } student { name className } }
  ... on HomeLog { listeningMinutes author { displayName } }
  ... on Observation { note author { displayName } }
  ... on CaseChange { kind changedBy { displayName } subject { displayName } }
  ... on Alert { signals student { name } raisedBy { displayName } acknowledgedBy { displayName } } } }
  pageInfo { endCursor } } }"""
CLASS_BOARD = """query($c: ID!) { classBoard(classId: $c) { student { name className } level checkInsToday
  checkedIn { displayName } notCheckedIn { displayName } latestMood lastHomeLogDate openAlerts } }"""
MY_STUDENTS = """{ myStudents { students { student { name } myCheckInsToday notCheckedIn { displayName } }
  rota { periodName } gaps { periodName } } }"""
SCHOOL_BOARD = "{ schoolBoard(first: 50) { nodes { student { name } checkedIn { displayName } notCheckedIn { displayName } openAlerts } total } }"
STUDENT_CARE = """query($s: ID!) { studentCare(studentId: $s) { case { level lead { displayName } team { members { role person { displayName } } } }
  team { members { role person { displayName phone } } } chart { date mentorMood homeMood } } }"""


async def _counts(client, query, variables) -> int:
    with QueryCounter() as counter:
        body = await client(query, variables)
    assert "errors" not in body, body
    return counter.count


QUERIES = {"timeline": TIMELINE, "classBoard": CLASS_BOARD, "myStudents": MY_STUDENTS, "schoolBoard": SCHOOL_BOARD,
           "studentCare": STUDENT_CARE}


@pytest.mark.parametrize("query", sorted(QUERIES))
async def test_care_reads_do_not_grow_with_entries_or_team(new_client, query):
    teacher = await Account.get(login="demo-teacher")
    students = await Student.filter(school_class__class_teacher_id=teacher.id).order_by("student_number").limit(2)
    client = new_client()
    await client.sign_in("demo-counsellor" if query == "schoolBoard" else "demo-teacher")

    async def count(student) -> int:
        variables = {"s": str(student.id), "c": str(student.school_class_id)}
        wanted = {k: v for k, v in variables.items() if f"${k}" in QUERIES[query]}
        with QueryCounter() as counter:
            body = await client(QUERIES[query], wanted)
        assert "errors" not in body, body
        counted.append(body["data"])
        return counter.count

    counted: list[dict] = []
    # One case with 5 entries and 1 mentor; then another with 200 entries and 40 mentors.
    await care_case(students[0], teacher.id, await staff(teacher.school_id, 1, "small"), entries=5)
    small = await count(students[0])
    await care_case(students[1], teacher.id, await staff(teacher.school_id, 40, "big"), entries=200)
    big = await count(students[1])
    assert small == big, (small, big)
    assert small <= 20
    # What was counted is the real thing: the big case's page is full, its team is whole.
    if query == "timeline":
        assert [len(c["timeline"]["nodes"]) for c in counted] == [5, 50]
    elif query == "studentCare":
        assert len(counted[1]["studentCare"]["case"]["team"]["members"]) >= 41
    elif query == "myStudents":
        assert len(counted[1]["myStudents"]["students"]) == 2
    else:
        rows = counted[1][query] if query == "classBoard" else counted[1][query]["nodes"]
        assert len(rows) == 2 and max(len(r["notCheckedIn"]) + len(r.get("checkedIn", [])) for r in rows) >= 41
