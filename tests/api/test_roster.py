"""School admins keep the roster: classes, students, guardians and staff, with validation."""

from __future__ import annotations

import pytest

from shouhu.access.models import AuditEvent
from shouhu.accounts.models import Account, StaffRole
from shouhu.schools.models import Guardianship, SchoolClass, Student

pytestmark = pytest.mark.usefixtures("demo")

CLASSES = "query($after: String) { classes(first: 2, after: $after) { nodes { id grade name studentCount classTeacher { displayName } } pageInfo { hasNextPage endCursor } } }"
STUDENTS = """query($first: Int!, $after: String, $classId: ID, $search: String) {
  students(first: $first, after: $after, classId: $classId, search: $search) {
    nodes { id name studentNumber schoolClass { grade name } account { login activated } guardians { relation guardian { displayName login } } }
    pageInfo { hasNextPage endCursor } } }"""
CREATE_CLASS = """mutation($input: ClassInput!) { createClass(input: $input) {
  __typename ... on SchoolClass { id grade name classTeacher { login } } ... on ValidationError { field code message } } }"""
CREATE_STUDENT = """mutation($input: StudentInput!) { createStudent(input: $input) {
  __typename ... on Student { id name account { login activated } schoolClass { name } } ... on ValidationError { field code message } } }"""
CREATE_GUARDIAN = """mutation($input: GuardianInput!) { createGuardian(input: $input) {
  __typename ... on Guardian { id login children { studentName relation } } ... on ValidationError { field code message } } }"""
CREATE_STAFF = """mutation($input: StaffInput!) { createStaff(input: $input) {
  __typename ... on StaffMember { id login isAdmin isCounsellor activated } ... on ValidationError { field code message } } }"""
SET_ACTIVE = """mutation($id: ID!, $active: Boolean!) { setAccountActive(accountId: $id, active: $active) {
  __typename ... on AccountStatus { active } ... on ValidationError { code } } }"""


@pytest.fixture
async def admin(client):
    await client.sign_in("demo-admin")
    return client


async def _class_id(grade: int = 7, name: str = "(1)班") -> str:
    return str((await SchoolClass.get(grade=grade, name=name)).id)


async def test_classes_page_with_counts_and_teachers(admin):
    first = (await admin.data(CLASSES))["classes"]
    assert [(c["grade"], c["name"]) for c in first["nodes"]] == [(7, "(1)班"), (7, "(2)班")]
    assert first["nodes"][0]["studentCount"] == 14
    assert first["nodes"][0]["classTeacher"]["displayName"] == "李雪梅"
    second = (await admin.data(CLASSES, {"after": first["pageInfo"]["endCursor"]}))["classes"]
    assert [(c["grade"], c["name"]) for c in second["nodes"]] == [(8, "(1)班")]
    assert second["pageInfo"]["hasNextPage"] is False


async def test_students_page_through_all_forty_without_repeats(admin):
    seen, after, pages = [], None, 0
    while True:
        page = (await admin.data(STUDENTS, {"first": 15, "after": after}))["students"]
        seen += [s["studentNumber"] for s in page["nodes"]]
        pages += 1
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert pages == 3 and len(seen) == 40 and len(set(seen)) == 40 and seen == sorted(seen)


async def test_students_filter_by_class_and_search(admin):
    by_class = (await admin.data(STUDENTS, {"first": 50, "classId": await _class_id(8)}))["students"]["nodes"]
    assert len(by_class) == 12 and {s["schoolClass"]["grade"] for s in by_class} == {8}
    found = (await admin.data(STUDENTS, {"first": 50, "search": "周子涵"}))["students"]["nodes"]
    assert [s["name"] for s in found] == ["周子涵"]
    assert found[0]["account"] == {"login": "demo-student1", "activated": True}
    assert found[0]["guardians"][0]["guardian"]["login"] == "demo-parent1"


async def test_reading_the_roster_is_audited(admin):
    await admin.data(STUDENTS, {"first": 5})
    events = await AuditEvent.filter(what="roster.students", action="read")
    assert len(events) == 5 and all(e.subject_type == "student" for e in events)
    assert {e.actor_id for e in events} == {(await Account.get(login="demo-admin")).id}


async def test_bad_cursor_and_page_size_are_translated_errors(admin):
    body = await admin(STUDENTS, {"first": 10, "after": "not-a-cursor"})
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert "分页" in body["errors"][0]["message"]
    body = await admin(STUDENTS, {"first": 0})
    assert body["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


async def test_create_class_student_guardian_and_staff(admin):
    teacher = await Account.get(login="demo-mentor1")
    created = (await admin.data(CREATE_CLASS, {"input": {"grade": 9, "name": "(3)班", "classTeacherId": str(teacher.id)}}))
    school_class = created["createClass"]
    assert school_class["classTeacher"]["login"] == "demo-mentor1"
    student = (await admin.data(CREATE_STUDENT, {"input": {
        "name": "林小雨", "studentNumber": "S-9-3-01", "classId": school_class["id"], "birthDate": "2012-05-03",
        "login": "Lin.XiaoYu"}}))["createStudent"]
    assert student["__typename"] == "Student"
    assert student["account"] == {"login": "lin.xiaoyu", "activated": False}
    guardian = (await admin.data(CREATE_GUARDIAN, {"input": {
        "studentId": student["id"], "displayName": "林海", "relation": "father", "login": "lin-hai", "phone": "139-1234-5678"}}))
    assert guardian["createGuardian"]["children"] == [{"studentName": "林小雨", "relation": "father"}]
    staff = (await admin.data(CREATE_STAFF, {"input": {"displayName": "黄老师", "login": "huang-t", "isCounsellor": True}}))
    assert staff["createStaff"] | {"id": None} == {"__typename": "StaffMember", "id": None, "login": "huang-t",
                                                   "isAdmin": False, "isCounsellor": True, "activated": False}


@pytest.mark.parametrize(
    ("mutation", "variables", "field", "code"),
    [
        (CREATE_CLASS, {"grade": 13, "name": "(1)班"}, "grade", "FIELD_OUT_OF_RANGE"),
        (CREATE_CLASS, {"grade": 7, "name": "   "}, "name", "FIELD_REQUIRED"),
        (CREATE_CLASS, {"grade": 7, "name": "(1)班"}, "name", "CLASS_DUPLICATE"),
        (CREATE_CLASS, {"grade": 7, "name": "(9)班", "classTeacherId": "nope"}, "classTeacherId", "CLASS_TEACHER_NOT_STAFF"),
        (CREATE_STAFF, {"displayName": "X", "login": "demo-admin"}, "login", "LOGIN_TAKEN"),
        (CREATE_STAFF, {"displayName": "X", "login": "a b"}, "login", "FIELD_INVALID_LOGIN"),
        (CREATE_STAFF, {"displayName": "X", "login": "new-one", "phone": "call me"}, "phone", "FIELD_INVALID_PHONE"),
        (CREATE_STAFF, {"displayName": "X" * 51, "login": "new-one"}, "displayName", "FIELD_TOO_LONG"),
    ],
)
async def test_invalid_roster_input_is_refused_and_changes_nothing(admin, mutation, variables, field, code):
    counts = (await Account.all().count(), await SchoolClass.all().count(), await StaffRole.all().count())
    result = next(iter((await admin.data(mutation, {"input": variables})).values()))
    assert result["__typename"] == "ValidationError"
    assert (result["field"], result["code"]) == (field, code)
    assert result["message"]
    assert (await Account.all().count(), await SchoolClass.all().count(), await StaffRole.all().count()) == counts


async def test_invalid_student_and_guardian_input(admin):
    class_id = await _class_id()
    cases = [
        ({"name": "甲", "studentNumber": "202507101", "classId": class_id}, "studentNumber", "STUDENT_DUPLICATE_NUMBER"),
        ({"name": "甲", "studentNumber": "N1", "classId": "00000000-0000-0000-0000-000000000000"}, "classId", "CLASS_UNKNOWN"),
        ({"name": "甲", "studentNumber": "N1", "classId": class_id, "birthDate": "2999-01-01"}, "birthDate", "FIELD_INVALID_DATE"),
        ({"name": "甲", "studentNumber": "N1", "classId": class_id, "login": "demo-parent1"}, "login", "LOGIN_TAKEN"),
    ]
    before = await Student.all().count()
    for data, field, code in cases:
        result = (await admin.data(CREATE_STUDENT, {"input": data}))["createStudent"]
        assert (result["field"], result["code"]) == (field, code), result
    assert await Student.all().count() == before
    student = await Student.get(name="周子涵")
    bad_relation = {"studentId": str(student.id), "displayName": "某", "relation": "uncle", "login": "x-uncle"}
    result = (await admin.data(CREATE_GUARDIAN, {"input": bad_relation}))["createGuardian"]
    assert result["code"] == "FIELD_INVALID_RELATION"
    assert await Guardianship.filter(student_id=student.id).count() == 1


async def test_deactivating_an_account_signs_it_out(admin, new_client):
    parent = new_client()
    await parent.sign_in("demo-parent1")
    account = await Account.get(login="demo-parent1")
    result = (await admin.data(SET_ACTIVE, {"id": str(account.id), "active": False}))["setAccountActive"]
    assert result == {"__typename": "AccountStatus", "active": False}
    assert (await parent.data("{ me { account { id } } }"))["me"] is None
    assert (await new_client().login("demo-parent1"))["__typename"] == "LoginError"
    assert (await admin.data(SET_ACTIVE, {"id": str(account.id), "active": True}))["setAccountActive"]["active"] is True
    assert (await new_client().login("demo-parent1"))["__typename"] == "LoginSuccess"


async def test_admin_cannot_deactivate_themselves(admin):
    me = await Account.get(login="demo-admin")
    result = (await admin.data(SET_ACTIVE, {"id": str(me.id), "active": False}))["setAccountActive"]
    assert result["code"] == "ACCOUNT_CANNOT_DEACTIVATE_SELF"
