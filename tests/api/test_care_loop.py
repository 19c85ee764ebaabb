"""The daily care loop through the API: a case, its team, check-ins, home logs, observations,
alerts and the timeline, as the people on the team see them."""

from __future__ import annotations

import pytest

from shouhu.accounts.models import Account
from shouhu.alerts.models import Alert
from shouhu.care.models import CareCase, CaseChange
from shouhu.entries.models import CheckIn, CheckInRevision, HomeLog
from shouhu.schools.calendar import today
from shouhu.timeline.models import TimelineEvent
from tests.care_support import (
    ACK, ADD_MEMBER, ALERTS, AMEND, CARE_CASE, CARE_TEAM, CHECK_IN, CLASS_BOARD, HOME_LOG, MY_STUDENTS, OBSERVE,
    OPEN_CASE, STATS, TIMELINE, check_in_input, home_log_input, new_id, student_named,
)
from tests.support import signed_in_as

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
async def zihan(new_client):
    """周子涵's case opened by the counsellor, with demo-mentor1 on the team."""
    student = await student_named("周子涵")
    counsellor = new_client()
    await counsellor.sign_in("demo-counsellor")
    opened = (await counsellor.data(OPEN_CASE, {"input": {
        "studentId": str(student.id), "level": "FOCUS", "reasons": ["ACADEMIC_PRESSURE", "PEER_DIFFICULTIES"],
        "summary": "期中后情绪低落"}}))["openCareCase"]
    assert opened["__typename"] == "CareCase" and opened["lead"]["displayName"] == "李雪梅"
    mentor = await Account.get(login="demo-mentor1")
    team = (await counsellor.data(ADD_MEMBER, {"caseId": opened["id"], "accountId": str(mentor.id), "role": "MENTOR"}))
    assert [m["person"]["displayName"] for m in team["addTeamMember"]["members"] if m["role"] == "MENTOR"] == ["张志强"]
    return student



async def test_a_mentor_checks_in_and_the_lead_sees_it_on_the_timeline_and_board(zihan, new_client):
    mentor = await signed_in_as(new_client, "demo-mentor1")
    mine = (await mentor.data(MY_STUDENTS))["myStudents"]
    assert [(s["student"]["name"], s["myCheckInsToday"]) for s in mine["students"]] == [("周子涵", 0)]

    result = (await mentor.data(CHECK_IN, {"id": new_id(), "input": check_in_input(
        zihan.id, mood=2, status="LATE", signals=["LOW_MOOD"], note="早读迟到，情绪低", talked=True, talkMinutes=10)}))
    assert result["recordCheckIn"]["__typename"] == "CheckIn"
    assert result["recordCheckIn"]["author"]["displayName"] == "张志强"
    mine = (await mentor.data(MY_STUDENTS))["myStudents"]
    assert mine["students"][0]["myCheckInsToday"] == 1

    teacher = await signed_in_as(new_client, "demo-teacher")
    timeline = (await teacher.data(TIMELINE, {"studentId": str(zihan.id)}))["timeline"]["nodes"]
    assert [n["kind"] for n in timeline][:1] == ["CHECK_IN"]
    assert timeline[0]["item"]["note"] == "早读迟到，情绪低" and timeline[0]["hasSignal"] is True
    assert {n["item"].get("kind") for n in timeline if n["kind"] == "CASE_CHANGE"} >= {"OPENED", "MEMBER_ADDED"}

    board = (await teacher.data(CLASS_BOARD, {"classId": str(zihan.school_class_id)}))["classBoard"]
    row = next(r for r in board if r["student"]["name"] == "周子涵")
    assert row["checkInsToday"] == 1 and row["latestMood"] == 2 and row["level"] == "FOCUS"
    assert [p["displayName"] for p in row["checkedIn"]] == ["张志强"]
    assert [p["displayName"] for p in row["notCheckedIn"]] == ["李雪梅"]


async def test_a_crisis_signal_raises_an_alert_for_the_lead_and_counsellors_only(zihan, new_client):
    mentor = await signed_in_as(new_client, "demo-mentor1")
    await mentor.data(CHECK_IN, {"id": new_id(), "input": check_in_input(zihan.id, mood=1, signals=["SELF_HARM"])})
    teacher = await signed_in_as(new_client, "demo-teacher")
    alerts = (await teacher.data(ALERTS))["alerts"]["nodes"]
    assert [(a["student"]["name"], a["signals"]) for a in alerts] == [("周子涵", ["SELF_HARM"])]
    counsellor = await signed_in_as(new_client, "demo-counsellor")
    assert len((await counsellor.data(ALERTS))["alerts"]["nodes"]) == 1
    assert (await mentor.data(ALERTS))["alerts"]["nodes"] == []
    parent = await signed_in_as(new_client, "demo-parent1")
    assert (await parent.data(ALERTS))["alerts"]["nodes"] == []

    acked = (await teacher.data(ACK, {"id": alerts[0]["id"]}))["acknowledgeAlert"]
    assert acked["acknowledgedBy"]["displayName"] == "李雪梅"
    assert (await counsellor.data(ALERTS))["alerts"]["nodes"] == []
    assert (await mentor.data(ACK, {"id": alerts[0]["id"]}))["acknowledgeAlert"]["code"] == "ALERT_UNKNOWN"


async def test_resending_an_entry_stores_it_once_and_another_payload_is_refused(zihan, new_client):
    mentor = await signed_in_as(new_client, "demo-mentor1")
    entry_id = new_id()
    variables = {"id": entry_id, "input": check_in_input(zihan.id, note="第一次")}
    first = (await mentor.data(CHECK_IN, variables))["recordCheckIn"]
    again = (await mentor.data(CHECK_IN, variables))["recordCheckIn"]
    assert first == again and await CheckIn.filter(id=entry_id).count() == 1
    assert await TimelineEvent.filter(entry_id=entry_id).count() == 1
    other = (await mentor.data(CHECK_IN, {"id": entry_id, "input": check_in_input(zihan.id, note="另一条")}))
    assert other["recordCheckIn"]["code"] == "ENTRY_ID_CONFLICT"
    assert (await CheckIn.get(id=entry_id)).note == "第一次"


async def test_an_amendment_keeps_the_earlier_version(zihan, new_client):
    mentor = await signed_in_as(new_client, "demo-mentor1")
    entry_id = new_id()
    await mentor.data(CHECK_IN, {"id": entry_id, "input": check_in_input(zihan.id, mood=4, note="状态不错")})
    amended = (await mentor.data(AMEND, {"id": entry_id, "input": check_in_input(zihan.id, mood=2, note="午后哭了")}))
    body = amended["amendCheckIn"]
    assert body["version"] == 2 and body["mood"] == 2
    assert body["revisions"] == [{"version": 1, "mood": 4, "note": "状态不错"}]
    teacher = await signed_in_as(new_client, "demo-teacher")
    refused = (await teacher.data(AMEND, {"id": entry_id, "input": check_in_input(zihan.id, mood=5)}))
    assert refused["amendCheckIn"]["code"] == "CHECK_IN_UNKNOWN"
    assert await CheckInRevision.filter(check_in_id=entry_id).count() == 1


async def test_the_family_sees_family_entries_and_the_team_but_never_the_level(zihan, new_client):
    mentor = await signed_in_as(new_client, "demo-mentor1")
    await mentor.data(CHECK_IN, {"id": new_id(), "input": check_in_input(zihan.id, note="给家长：今天很棒", visibility="FAMILY")})
    await mentor.data(CHECK_IN, {"id": new_id(), "input": check_in_input(zihan.id, note="仅团队：和同桌有矛盾")})
    parent = await signed_in_as(new_client, "demo-parent1")
    notes = [n["item"].get("note") for n in (await parent.data(TIMELINE, {"studentId": str(zihan.id)}))["timeline"]["nodes"]]
    assert "给家长：今天很棒" in notes and "仅团队：和同桌有矛盾" not in notes
    assert all(n is not None for n in notes)
    assert (await parent.data(CARE_CASE, {"studentId": str(zihan.id)}))["careCase"] is None
    team = (await parent.data(CARE_TEAM, {"studentId": str(zihan.id)}))["careTeam"]
    assert {(m["role"], m["person"]["displayName"]) for m in team["members"]} >= {("LEAD", "李雪梅"), ("MENTOR", "张志强")}

    student = await signed_in_as(new_client, "demo-student1")
    assert (await student.data(CARE_CASE, {"studentId": str(zihan.id)}))["careCase"] is None
    denied = await student(TIMELINE, {"studentId": str(zihan.id)})
    assert denied["data"] is None or denied["data"]["timeline"] is None


async def test_a_parent_records_the_evening_and_sees_the_streak(zihan, new_client):
    parent = await signed_in_as(new_client, "demo-parent1")
    day = today("Asia/Shanghai")
    from datetime import timedelta
    for back in (2, 1, 0):
        date = (day - timedelta(days=back)).isoformat()
        result = (await parent.data(HOME_LOG, {"id": new_id(), "input": home_log_input(
            zihan.id, date, listeningMinutes=15 if back else 10, exerciseMinutes=70)}))
        assert result["recordHomeLog"]["__typename"] == "HomeLog"
    stats = (await parent.data(STATS, {"studentId": str(zihan.id)}))["homeLogStats"]
    assert stats == {"loggedToday": True, "streak": 3, "last7": {"logged": 3, "listeningMet": 2, "exerciseMet": 3},
                     "last30": {"logged": 3}}
    twice = (await parent.data(HOME_LOG, {"id": new_id(), "input": home_log_input(zihan.id, day.isoformat())}))
    assert twice["recordHomeLog"]["code"] == "HOME_LOG_ALREADY_RECORDED"
    future = (await parent.data(HOME_LOG, {"id": new_id(), "input": home_log_input(zihan.id, (day + timedelta(days=1)).isoformat())}))
    assert future["recordHomeLog"]["field"] == "logDate"
    assert await HomeLog.filter(student_id=zihan.id).count() == 3


async def test_any_teacher_reports_an_observation_but_cannot_read_it_back(zihan, new_client):
    outsider = await signed_in_as(new_client, "demo-mentor2")
    receipt = (await outsider.data(OBSERVE, {"id": new_id(), "input": {
        "studentId": str(zihan.id), "note": "课间独自在走廊哭", "signals": ["EMOTIONAL_OUTBURST"]}}))
    assert receipt["reportObservation"]["__typename"] == "ObservationReceipt"
    denied = await outsider(TIMELINE, {"studentId": str(zihan.id)})
    assert denied["data"] is None or denied["data"]["timeline"] is None
    teacher = await signed_in_as(new_client, "demo-teacher")
    nodes = (await teacher.data(TIMELINE, {"studentId": str(zihan.id), "filter": {"signalsOnly": True}}))["timeline"]["nodes"]
    assert [n["kind"] for n in nodes] == ["ALERT", "OBSERVATION"] or [n["kind"] for n in nodes] == ["OBSERVATION", "ALERT"]
    assert await Alert.filter(student_id=zihan.id).count() == 1


@pytest.mark.parametrize(
    "overrides, field, code",
    [
        ({"mood": 6}, "mood", "FIELD_OUT_OF_RANGE"),
        ({"mood": 0}, "mood", "FIELD_OUT_OF_RANGE"),
        ({"talked": True, "talkMinutes": -5}, "talkMinutes", "FIELD_OUT_OF_RANGE"),
        ({"note": "长" * 501}, "note", "FIELD_TOO_LONG"),
        ({"occurredAt": "2099-01-01T08:00:00+08:00"}, "occurredAt", "ENTRY_TIME_OUT_OF_RANGE"),
    ],
)
async def test_bad_check_ins_are_refused_with_a_translated_message_and_nothing_stored(zihan, new_client, overrides, field, code):
    mentor = await signed_in_as(new_client, "demo-mentor1")
    result = (await mentor.data(CHECK_IN, {"id": new_id(), "input": check_in_input(zihan.id, **overrides)}))["recordCheckIn"]
    assert (result["field"], result["code"]) == (field, code) and result["message"]
    assert await CheckIn.all().count() == 0 and await TimelineEvent.filter(kind="check_in").count() == 0


async def test_check_ins_for_students_outside_ones_teams_are_refused(zihan, new_client):
    other = await signed_in_as(new_client, "demo-mentor2")
    result = (await other.data(CHECK_IN, {"id": new_id(), "input": check_in_input(zihan.id)}))["recordCheckIn"]
    assert result["code"] == "STUDENT_UNKNOWN"
    stranger = await student_named("吴昊然")
    mentor = await signed_in_as(new_client, "demo-mentor1")
    result = (await mentor.data(CHECK_IN, {"id": new_id(), "input": check_in_input(stranger.id)}))["recordCheckIn"]
    assert result["code"] == "STUDENT_UNKNOWN"
    assert await CheckIn.all().count() == 0


async def test_level_changes_keep_their_history(zihan, new_client):
    counsellor = await signed_in_as(new_client, "demo-counsellor")
    case = await CareCase.get(student_id=zihan.id)
    change = """mutation($caseId: ID!, $level: WarningLevel!, $reason: String!) { changeCareLevel(caseId: $caseId, level: $level, reason: $reason) {
      __typename ... on CareCase { level } ... on ValidationError { field code } } }"""
    assert (await counsellor.data(change, {"caseId": str(case.id), "level": "SEVERE", "reason": "出现自伤言语"}))["changeCareLevel"] == {"__typename": "CareCase", "level": "SEVERE"}
    missing = (await counsellor.data(change, {"caseId": str(case.id), "level": "WATCH", "reason": " "}))["changeCareLevel"]
    assert missing["field"] == "reason"
    teacher = await signed_in_as(new_client, "demo-teacher")
    refused = (await teacher.data(change, {"caseId": str(case.id), "level": "WATCH", "reason": "好转"}))["changeCareLevel"]
    assert refused["code"] == "CASE_UNKNOWN"
    history = await CaseChange.filter(case_id=case.id, kind="level").values_list("from_value", "to_value", "reason")
    assert history == [("focus", "severe", "出现自伤言语")]
    assert (await teacher.data(CARE_CASE, {"studentId": str(zihan.id)}))["careCase"]["level"] == "SEVERE"


async def test_the_same_entry_sent_ten_times_at_once_is_stored_once(zihan, new_client):
    import asyncio

    mentor = await signed_in_as(new_client, "demo-mentor1")
    entry_id = new_id()
    variables = {"id": entry_id, "input": check_in_input(zihan.id, note="网络不稳，重复发送", signals=["TRUANCY"])}
    answers = await asyncio.gather(*(mentor.data(CHECK_IN, variables) for _ in range(10)))
    assert {a["recordCheckIn"]["__typename"] for a in answers} == {"CheckIn"}
    assert {a["recordCheckIn"]["id"] for a in answers} == {entry_id}
    assert await CheckIn.filter(id=entry_id).count() == 1
    assert await TimelineEvent.filter(entry_id=entry_id).count() == 1
    assert await Alert.filter(source_id=entry_id).count() == 1


async def test_a_new_lead_keeps_the_former_lead_on_the_team_as_a_mentor(zihan, new_client):
    counsellor = await signed_in_as(new_client, "demo-counsellor")
    case = await CareCase.get(student_id=zihan.id)
    mentor2 = await Account.get(login="demo-mentor2")
    set_lead = """mutation($c: ID!, $a: ID!) { setTeamLead(caseId: $c, accountId: $a) { __typename
      ... on CareTeam { members { role person { displayName } } } ... on ValidationError { code } } }"""
    team = (await counsellor.data(set_lead, {"c": str(case.id), "a": str(mentor2.id)}))["setTeamLead"]
    roles = {(m["role"], m["person"]["displayName"]) for m in team["members"]}
    assert ("LEAD", "刘芳") in roles and ("MENTOR", "李雪梅") in roles and ("MENTOR", "张志强") in roles
    assert ("MENTOR", "刘芳") not in roles


@pytest.mark.parametrize(
    "overrides, field, code",
    [
        ({"listeningMinutes": -1}, "listeningMinutes", "FIELD_OUT_OF_RANGE"),
        ({"exerciseMinutes": 601}, "exerciseMinutes", "FIELD_OUT_OF_RANGE"),
        ({"sleepHours": 25.0}, "sleepHours", "FIELD_OUT_OF_RANGE"),
        ({"mood": 9}, "mood", "FIELD_OUT_OF_RANGE"),
        ({"screenMinutes": -30}, "screenMinutes", "FIELD_OUT_OF_RANGE"),
        ({"note": "长" * 1001}, "note", "FIELD_TOO_LONG"),
        ({"studentId": "not-an-id"}, "studentId", "STUDENT_UNKNOWN"),
        ({"studentId": "00000000-0000-4000-8000-000000000000"}, "studentId", "STUDENT_UNKNOWN"),
    ],
)
async def test_bad_home_logs_are_refused_and_nothing_is_stored(zihan, new_client, overrides, field, code):
    parent = await signed_in_as(new_client, "demo-parent1")
    variables = {"id": new_id(), "input": home_log_input(zihan.id, today("Asia/Shanghai").isoformat(), **overrides)}
    result = (await parent.data(HOME_LOG, variables))["recordHomeLog"]
    assert (result["field"], result["code"]) == (field, code) and result["message"]
    assert await HomeLog.all().count() == 0 and await TimelineEvent.filter(kind="home_log").count() == 0


async def test_malformed_entry_ids_and_unknown_students_are_refused_in_english_too(zihan, new_client):
    mentor = await signed_in_as(new_client, "demo-mentor1")
    mentor.locale = "en"
    bad_id = (await mentor.data(CHECK_IN, {"id": "offline-1", "input": check_in_input(zihan.id)}))["recordCheckIn"]
    assert (bad_id["field"], bad_id["code"]) == ("id", "ENTRY_BAD_ID") and "nothing was saved" in bad_id["message"]
    nobody = (await mentor.data(OBSERVE, {"id": new_id(), "input": {"studentId": "00000000-0000-4000-8000-000000000000", "note": "x"}}))
    assert nobody["reportObservation"]["message"] == "Student not found."
    assert await CheckIn.all().count() == 0


async def test_reads_of_care_data_are_audited_with_who_what_and_which_student(zihan, new_client):
    from shouhu.access.models import AuditEvent

    teacher = await signed_in_as(new_client, "demo-teacher")
    account = await Account.get(login="demo-teacher")
    for query in (TIMELINE, CARE_CASE, CARE_TEAM):
        await teacher.data(query, {"studentId": str(zihan.id)})
    await teacher.data(CLASS_BOARD, {"classId": str(zihan.school_class_id)})
    reads = await AuditEvent.filter(actor_id=account.id, action="read", subject_id=zihan.id).values_list("what", flat=True)
    assert {"timeline", "care_case", "care_team", "class_board"} <= set(reads)
