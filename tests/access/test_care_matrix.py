"""Who may read and write care data, relation by relation, on SQLite and PostgreSQL.

The world: 周子涵 (7(1)班, class teacher demo-teacher) has a case whose team is demo-mentor1 and
whose guardian is demo-parent1; a student of 7(2)班 has a case whose team is demo-mentor2 and
whose class teacher is teacher-1. 吴昊然 (demo-parent2's child) has no case.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from shouhu.accounts.models import Account
from shouhu.alerts.models import Alert
from shouhu.auth.passwords import hash_password
from shouhu.care.models import CareCase, SchoolPeriod, TeamMember
from shouhu.demo.seed import DEMO_PASSWORD
from shouhu.entries.models import CheckIn, HomeLog, Observation
from shouhu.schools.calendar import today
from shouhu.schools.models import SchoolClass, Student
from tests.care_support import (
    ADD_MEMBER, ALERTS, CARE_CASE, CARE_TEAM, CHECK_IN, HOME_LOG, MY_STUDENTS, OBSERVE, OPEN_CASE, STATS, TIMELINE,
    check_in_input, home_log_input, new_id,
)
from tests.support import error_codes
from tests.access.roles import another_school, signed_in_role

pytestmark = pytest.mark.usefixtures("demo")

ROLES = ["anonymous", "guardian", "other-guardian", "team-mentor", "other-team-mentor", "class-teacher",
         "other-class-teacher", "counsellor", "admin", "student", "district", "other-school-admin"]
LOGINS = {"guardian": "demo-parent1", "other-guardian": "demo-parent2", "team-mentor": "demo-mentor1",
          "other-team-mentor": "demo-mentor2", "class-teacher": "demo-teacher", "other-class-teacher": "teacher-1",
          "counsellor": "demo-counsellor", "admin": "demo-admin", "student": "demo-student1",
          "district": "demo-district"}
STAFF_READERS = {"team-mentor", "class-teacher", "counsellor", "admin"}
SCHOOL_STAFF = STAFF_READERS | {"other-team-mentor", "other-class-teacher"}


@pytest.fixture
async def world(demo, new_client):
    await another_school()
    await Account.filter(login="teacher-1").update(password_hash=await hash_password(DEMO_PASSWORD))
    counsellor = new_client()
    await counsellor.sign_in("demo-counsellor")
    zihan = await Student.get(name="周子涵")
    other_class = await SchoolClass.get(grade=7, name="(2)班")
    other = await Student.filter(school_class_id=other_class.id).order_by("student_number").first()
    ids = {}
    for student, mentor in ((zihan, "demo-mentor1"), (other, "demo-mentor2")):
        opened = (await counsellor.data(OPEN_CASE, {"input": {"studentId": str(student.id), "level": "FOCUS",
                                                                "reasons": ["OTHER"]}}))["openCareCase"]
        account = await Account.get(login=mentor)
        await counsellor.data(ADD_MEMBER, {"caseId": opened["id"], "accountId": str(account.id), "role": "MENTOR"})
        ids[student.name] = opened["id"]
    mentor = new_client()
    await mentor.sign_in("demo-mentor1")
    await mentor.data(CHECK_IN, {"id": new_id(), "input": check_in_input(zihan.id, note="团队可见的记录")})
    await mentor.data(CHECK_IN, {"id": new_id(), "input": check_in_input(zihan.id, note="家长也可见的记录", visibility="FAMILY")})
    await mentor.data(OBSERVE, {"id": new_id(), "input": {"studentId": str(zihan.id), "note": "观察：课间冲突",
                                                           "signals": ["ATTACKING_OTHERS"]}})
    parent = new_client()
    await parent.sign_in("demo-parent1")
    await parent.data(HOME_LOG, {"id": new_id(), "input": home_log_input(zihan.id, today("Asia/Shanghai").isoformat(), note="晚饭后散步")})
    assert await Alert.all().count() == 1
    return {"zihan": zihan, "case": ids["周子涵"], "class": str(zihan.school_class_id), "other_case": ids[other.name]}


async def _as(new_client, role):
    return await signed_in_role(new_client, role, LOGINS)


@pytest.mark.parametrize("role", ROLES)
async def test_care_reads(world, new_client, role):
    client = await _as(new_client, role)
    sid = str(world["zihan"].id)
    team_entry = await CheckIn.get(note="团队可见的记录")
    family_entry = await CheckIn.get(note="家长也可见的记录")
    one = "query($id: ID!) { checkIn(id: $id) { note author { displayName } } }"
    reads = {
        "teamCheckIn": await client(one, {"id": str(team_entry.id)}),
        "familyCheckIn": await client(one, {"id": str(family_entry.id)}),
        "careCase": await client(CARE_CASE, {"studentId": sid}),
        "careTeam": await client(CARE_TEAM, {"studentId": sid}),
        "timeline": await client(TIMELINE, {"studentId": sid}),
        "alerts": await client(ALERTS),
        "myStudents": await client(MY_STUDENTS),
        "homeLogStats": await client(STATS, {"studentId": sid}),
        "classBoard": await client("query($c: ID!) { classBoard(classId: $c) { student { name } } }", {"c": world["class"]}),
        "schoolBoard": await client("{ schoolBoard { nodes { student { name } } total } }"),
        "studentCare": await client("query($s: ID!) { studentCare(studentId: $s) { student { name } case { level } team { members { role } } } }", {"s": sid}),
        "rota": await client("query($c: ID!) { rota(caseId: $c) { caseId } }", {"c": world["case"]}),
        "observableStudents": await client('{ observableStudents(search: "周子涵") { name } }'),
        "teamCandidates": await client("{ teamCandidates { displayName } }"),
        "filteredTimeline": await client(TIMELINE, {"studentId": sid, "filter": {"kinds": ["OBSERVATION", "ALERT", "CASE_CHANGE"]}}),
    }
    if role == "anonymous":
        for name, body in reads.items():
            assert error_codes(body) == ["UNAUTHENTICATED"], name
        return
    data = {name: body.get("data") or {} for name, body in reads.items()}
    staff = role in STAFF_READERS

    assert (data["careCase"]["careCase"] is not None) == staff
    assert (data["teamCheckIn"]["checkIn"] is not None) == staff
    assert (data["familyCheckIn"]["checkIn"] is not None) == (staff or role == "guardian")
    assert (data["careTeam"]["careTeam"] is not None) == (staff or role == "guardian")
    assert (data["rota"]["rota"] is not None) == staff

    notes = [n["item"].get("note") for n in ((data["timeline"].get("timeline") or {}).get("nodes") or [])]
    if staff:
        assert {"团队可见的记录", "家长也可见的记录", "晚饭后散步", "观察：课间冲突"} <= set(notes)
    elif role == "guardian":
        assert set(notes) == {"家长也可见的记录", "晚饭后散步"}
        assert data["filteredTimeline"]["timeline"]["nodes"] == []  # filters cannot widen what is seen
        assert data["studentCare"]["studentCare"]["case"] is None
    else:
        assert error_codes(reads["timeline"]) == ["NOT_FOUND"] and notes == []
        assert error_codes(reads["studentCare"]) == ["NOT_FOUND"]

    handles_alerts = role in {"class-teacher", "counsellor", "admin"}
    assert len(data["alerts"]["alerts"]["nodes"]) == (1 if handles_alerts else 0)
    mine = {s["student"]["name"] for s in data["myStudents"]["myStudents"]["students"]}
    assert ("周子涵" in mine) == (role in {"team-mentor", "class-teacher"})
    if role == "other-team-mentor":
        assert len(mine) == 1 and "周子涵" not in mine
    assert (data["homeLogStats"]["homeLogStats"] is not None) == (role == "guardian")
    board = data["classBoard"].get("classBoard")
    if role in {"class-teacher", "counsellor", "admin"}:
        assert [r["student"]["name"] for r in board] == ["周子涵"]
    else:
        assert board is None and error_codes(reads["classBoard"]) == ["NOT_FOUND"]
    school = data["schoolBoard"]["schoolBoard"]
    assert school["total"] == (2 if role in {"counsellor", "admin"} else 0)
    found = [s["name"] for s in data["observableStudents"]["observableStudents"]]
    assert found == (["周子涵"] if role in SCHOOL_STAFF | {"guardian"} else [])
    candidates = data["teamCandidates"]["teamCandidates"]
    if role == "other-school-admin":  # its own school's staff, none of the demo school's
        assert {c["displayName"] for c in candidates} == {"外校管理员"}
    else:
        assert bool(candidates) == (role in {"class-teacher", "other-class-teacher", "counsellor", "admin"})


WRITES = {
    # mutation: roles allowed
    "recordCheckIn": STAFF_READERS,
    "recordHomeLog": {"guardian"},
    "reportObservation": SCHOOL_STAFF | {"guardian"},
    "openCareCase": {"counsellor", "admin"},
    "changeCareLevel": {"counsellor", "admin"},
    "addTeamMember": {"class-teacher", "counsellor", "admin"},
    "setRota": {"class-teacher", "counsellor", "admin"},
    "acknowledgeAlert": {"class-teacher", "counsellor", "admin"},
    "setSchoolPeriods": {"admin"},
}


@pytest.mark.parametrize("role", ROLES)
async def test_care_writes(world, new_client, role):
    client = await _as(new_client, role)
    zihan = world["zihan"]
    wu = await Student.get(name="吴昊然")
    mentor2 = await Account.get(login="demo-mentor2")
    alert = await Alert.first()
    before = {model.__name__: await model.all().count() for model in (CheckIn, HomeLog, Observation, CareCase, TeamMember)}
    calls = {
        "recordCheckIn": (CHECK_IN, {"id": new_id(), "input": check_in_input(zihan.id)}),
        "recordHomeLog": (HOME_LOG, {"id": new_id(), "input": home_log_input(zihan.id, (today("Asia/Shanghai") - timedelta(days=1)).isoformat())}),
        "reportObservation": (OBSERVE, {"id": new_id(), "input": {"studentId": str(zihan.id), "note": "又一条观察"}}),
        "openCareCase": (OPEN_CASE, {"input": {"studentId": str(wu.id), "level": "WATCH", "reasons": ["OTHER"]}}),
        "changeCareLevel": ("mutation($c: ID!) { changeCareLevel(caseId: $c, level: SEVERE, reason: \"评估后升级\") { __typename ... on ValidationError { code } } }", {"c": world["case"]}),
        "addTeamMember": (ADD_MEMBER, {"caseId": world["case"], "accountId": str(mentor2.id), "role": "MENTOR"}),
        "setRota": ("mutation($c: ID!) { setRota(caseId: $c, slots: []) { __typename ... on ValidationError { code } } }", {"c": world["case"]}),
        "acknowledgeAlert": ("mutation($a: ID!) { acknowledgeAlert(id: $a) { __typename ... on ValidationError { code } } }", {"a": str(alert.id)}),
        "setSchoolPeriods": ('mutation { setSchoolPeriods(periods: [{name: "第1节", startMinute: 480, endMinute: 525}]) { __typename ... on ValidationError { code } } }', {}),
    }
    changed = set()
    for name, (query, variables) in calls.items():
        body = await client(query, variables)
        if role == "anonymous":
            assert error_codes(body) == ["UNAUTHENTICATED"], name
            continue
        if name == "setSchoolPeriods" and role == "other-school-admin":  # its own school's day: fine
            assert body["data"][name]["__typename"] == "SchoolDay"
            assert not await SchoolPeriod.filter(school_id=zihan.school_id).exists()
        elif role in WRITES[name]:
            assert "errors" not in body and body["data"][name]["__typename"] != "ValidationError", (name, body)
            changed.add(name)
        elif name == "setSchoolPeriods":  # gated at the root: admins only
            assert error_codes(body) == ["FORBIDDEN"], body
        else:  # refused as if the student, case or alert did not exist
            assert "errors" not in body and body["data"][name]["__typename"] == "ValidationError", (name, body)
    after = {model.__name__: await model.all().count() for model in (CheckIn, HomeLog, Observation, CareCase, TeamMember)}
    expected = dict(before)
    expected["CheckIn"] += "recordCheckIn" in changed
    expected["HomeLog"] += "recordHomeLog" in changed
    expected["Observation"] += "reportObservation" in changed
    expected["CareCase"] += "openCareCase" in changed
    expected["TeamMember"] += "addTeamMember" in changed
    assert after == expected
    acknowledged = (await Alert.get(id=alert.id)).acknowledged_at is not None
    assert acknowledged == ("acknowledgeAlert" in changed)
