"""Who may call what, and what they then see. One row per (field, relation)."""

from __future__ import annotations

import pytest

from shouhu.admin import create_admin
from shouhu.accounts.models import Account
from shouhu.schools.models import SchoolClass, Student
from tests.support import ME, error_codes

pytestmark = pytest.mark.usefixtures("demo")

ROLES = ["anonymous", "demo-admin", "demo-counsellor", "demo-teacher", "demo-mentor1", "demo-parent1",
         "demo-student1", "demo-district", "other-admin"]

ROSTER_READS = {
    "classes": "{ classes(first: 50) { nodes { id name } } }",
    "students": "{ students(first: 50) { nodes { id name } } }",
    "guardians": "{ guardians(first: 50) { nodes { id displayName children { studentName } } } }",
    "staff": "{ staff(first: 50) { nodes { id displayName } } }",
}


@pytest.fixture
async def other_school(demo):
    await create_admin("另一所中学", "other-admin", "外校管理员", "outer-school-pass-1")


async def _as(new_client, role: str):
    client = new_client()
    if role == "other-admin":
        await client.sign_in("other-admin", "outer-school-pass-1")
    elif role != "anonymous":
        await client.sign_in(role)
    return client


@pytest.mark.usefixtures("other_school")
@pytest.mark.parametrize("field", sorted(ROSTER_READS))
@pytest.mark.parametrize("role", ROLES)
async def test_roster_reads(new_client, role, field):
    client = await _as(new_client, role)
    body = await client(ROSTER_READS[field])
    if role == "anonymous":
        assert error_codes(body) == ["UNAUTHENTICATED"]
    elif role == "demo-admin":
        assert "errors" not in body and body["data"][field]["nodes"]
    elif role == "other-admin":
        # Allowed to ask, but sees only its own school: nothing of the demo school.
        nodes = body["data"][field]["nodes"]
        assert all(n.get("displayName") in (None, "外校管理员") for n in nodes)
        assert field == "staff" or nodes == []
    else:
        assert error_codes(body) == ["FORBIDDEN"]
        assert body["data"] is None


def _mutations(ids: dict[str, str]) -> dict[str, tuple[str, dict]]:
    return {
        "createClass": ("mutation($i: ClassInput!) { createClass(input: $i) { __typename } }",
                        {"i": {"grade": 9, "name": "(5)班"}}),
        "updateClass": ("mutation($id: ID!, $i: ClassInput!) { updateClass(id: $id, input: $i) { __typename } }",
                        {"id": ids["class"], "i": {"grade": 7, "name": "(1)班 改"}}),
        "createStudent": ("mutation($i: StudentInput!) { createStudent(input: $i) { __typename } }",
                          {"i": {"name": "新生", "studentNumber": "NEW-1", "classId": ids["class"]}}),
        "updateStudent": ("mutation($id: ID!, $i: StudentInput!) { updateStudent(id: $id, input: $i) { __typename } }",
                          {"id": ids["student"], "i": {"name": "改名", "studentNumber": "X-1", "classId": ids["class"]}}),
        "createGuardian": ("mutation($i: GuardianInput!) { createGuardian(input: $i) { __typename } }",
                           {"i": {"studentId": ids["student"], "displayName": "新家长", "relation": "mother", "login": "new-parent-x"}}),
        "createStaff": ("mutation($i: StaffInput!) { createStaff(input: $i) { __typename } }",
                        {"i": {"displayName": "新老师", "login": "new-teacher-x"}}),
        "setAccountActive": ("mutation($id: ID!) { setAccountActive(accountId: $id, active: false) { __typename } }",
                             {"id": ids["parent"]}),
        "issueInvitation": ("mutation($id: ID!) { issueInvitation(accountId: $id) { __typename } }",
                            {"id": ids["parent"]}),
    }


MUTATIONS = ["createClass", "updateClass", "createStudent", "updateStudent", "createGuardian", "createStaff",
             "setAccountActive", "issueInvitation"]


@pytest.mark.usefixtures("other_school")
@pytest.mark.parametrize("mutation", MUTATIONS)
@pytest.mark.parametrize("role", ROLES)
async def test_roster_writes(new_client, role, mutation):
    ids = {
        "class": str((await SchoolClass.get(grade=7, name="(1)班")).id),
        "student": str((await Student.get(name="周子涵")).id),
        "parent": str((await Account.get(login="parent-202507103")).id),
    }
    query, variables = _mutations(ids)[mutation]
    client = await _as(new_client, role)
    body = await client(query, variables)
    if role == "anonymous":
        assert error_codes(body) == ["UNAUTHENTICATED"]
    elif role == "demo-admin":
        assert "errors" not in body
        assert body["data"][mutation]["__typename"] != "ValidationError"
    elif role == "other-admin":
        if mutation in ("createClass", "createStaff"):  # in its own school: fine
            assert body["data"][mutation]["__typename"] != "ValidationError"
        else:  # anything naming the demo school's rows is "unknown", never done
            assert body["data"][mutation]["__typename"] == "ValidationError"
    else:
        assert error_codes(body) == ["FORBIDDEN"]
    # Whatever was refused left the demo school as it was.
    if role != "demo-admin":
        assert await Student.filter(name="周子涵").exists()
        assert await SchoolClass.filter(name="(1)班", grade=7).exists()
        assert await Account.get(login="parent-202507103").values_list("is_active", flat=True) is True


EXPECTED_ROLES = {
    "demo-admin": ["SCHOOL_ADMIN"],
    "demo-counsellor": ["COUNSELLOR"],
    "demo-teacher": ["CLASS_TEACHER"],
    "demo-mentor1": ["STAFF"],
    "demo-parent1": ["GUARDIAN"],
    "demo-student1": ["STUDENT"],
    "demo-district": ["DISTRICT_STAFF"],
}


@pytest.mark.parametrize("role", sorted(EXPECTED_ROLES))
async def test_me_shows_each_person_their_own_relations_only(new_client, role):
    client = await _as(new_client, role)
    me = (await client.data(ME))["me"]
    assert [r["kind"] for r in me["roles"]] == EXPECTED_ROLES[role]
    names = {r["studentName"] for r in me["roles"]} - {None}
    assert names == ({"周子涵"} if role in ("demo-parent1", "demo-student1") else set())
    if role == "demo-district":
        assert me["school"] is None and me["roles"][0]["districtName"] == "宝山区"
    else:
        assert me["school"]["hotlines"][0]["number"] == "4008200535"


async def test_anonymous_me_is_null(new_client):
    assert (await new_client().data(ME))["me"] == None  # noqa: E711


async def test_parent_of_another_child_sees_only_their_own(new_client):
    client = await _as(new_client, "demo-parent2")
    me = (await client.data(ME))["me"]
    assert [r["studentName"] for r in me["roles"]] == ["吴昊然"]
