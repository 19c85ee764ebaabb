"""The demo school's care data, as the people signing in to the demo see it: six students under
care, their teams and rota, 30 days of entries, one crisis alert still open — written once,
the same every run, and each entry on the timeline exactly once."""

from __future__ import annotations

import time
from collections import Counter
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from shouhu.alerts.models import Alert
from shouhu.care.models import CareCase, CaseChange, RotaAssignment, SchoolPeriod, TeamMember
from shouhu.clock import utcnow
from shouhu.demo.care import seed_care
from shouhu.demo.seed import demo_id, seed_demo
from shouhu.entries.models import CheckIn, HomeLog, Observation
from shouhu.entries.signals import crisis_in
from shouhu.schools.models import Student
from shouhu.timeline.models import TimelineEvent
from tests.care_support import ALERTS, CARE_TEAM, CLASS_BOARD, MY_STUDENTS, STATS, TIMELINE

SHANGHAI = ZoneInfo("Asia/Shanghai")
CARE_TABLES = [SchoolPeriod, CareCase, TeamMember, CaseChange, RotaAssignment, CheckIn, HomeLog, Observation, Alert,
               TimelineEvent]
ENTRY_KINDS = {CheckIn: "check_in", HomeLog: "home_log", Observation: "observation", CaseChange: "case_change",
               Alert: "alert"}
CLASS_1 = str(demo_id("class-1"))
SCHOOL_BOARD = "{ schoolBoard(first: 50) { nodes { caseId student { name className } level openAlerts } total } }"
ALL_ALERTS = """{ alerts(openOnly: false) { nodes { signals sourceKind student { name } acknowledgedAt
  raisedBy { displayName } acknowledgedBy { displayName } } } }"""
ROTA = """query($caseId: ID!) { rota(caseId: $caseId) { periods { id name startMinute endMinute } schoolDays
  assignments { weekday periodId person { displayName } } } }"""


async def _counts() -> dict[str, int]:
    return {model.__name__: await model.all().count() for model in CARE_TABLES}


async def _as(new_client, login: str):
    client = new_client()
    await client.sign_in(login)
    return client


def _today() -> date:
    return utcnow().astimezone(SHANGHAI).date()


# What is there


async def test_six_cases_across_three_levels_each_led_by_the_class_teacher(demo_care, new_client):
    counsellor = await _as(new_client, "demo-counsellor")
    board = (await counsellor.data(SCHOOL_BOARD))["schoolBoard"]
    assert board["total"] == 6
    assert Counter(row["level"] for row in board["nodes"]) == {"SEVERE": 1, "FOCUS": 2, "WATCH": 3}
    assert Counter(row["student"]["className"] for row in board["nodes"]).most_common(1)[0][1] == 4

    cases = await CareCase.all().select_related("student__school_class")
    assert {c.status for c in cases} == {"active"}
    assert all(c.lead_id == c.student.school_class.class_teacher_id for c in cases)
    assert all(c.reasons and c.summary for c in cases)
    today = _today()
    assert all(30 <= (today - c.opened_at.astimezone(SHANGHAI).date()).days <= 60 for c in cases)


async def test_the_teams_differ_and_mentor2_has_students_in_two_classes(demo_care, new_client):
    teacher = await _as(new_client, "demo-teacher")
    zihan, haoran = await Student.get(name="周子涵"), await Student.get(name="吴昊然")
    team = (await teacher.data(CARE_TEAM, {"studentId": str(zihan.id)}))["careTeam"]
    roles = {(m["role"], m["person"]["displayName"]) for m in team["members"]}
    assert {("LEAD", "李雪梅"), ("MENTOR", "张志强"), ("MENTOR", "刘芳"), ("GUARDIAN", "周丽华")} <= roles
    team = (await teacher.data(CARE_TEAM, {"studentId": str(haoran.id)}))["careTeam"]
    roles = {(m["role"], m["person"]["displayName"]) for m in team["members"]}
    assert {("LEAD", "李雪梅"), ("MENTOR", "张志强"), ("GUARDIAN", "吴国栋")} <= roles
    assert "SOCIAL_WORKER" in {role for role, _ in roles} and ("MENTOR", "刘芳") not in roles

    mentor2 = await _as(new_client, "demo-mentor2")
    mine = (await mentor2.data(MY_STUDENTS))["myStudents"]["students"]
    assert len(mine) == 3 and "周子涵" in {s["student"]["name"] for s in mine}
    names = [s["student"]["name"] for s in mine]
    classes = await Student.filter(name__in=names).values_list("school_class_id", flat=True)
    assert len(set(classes)) == 2


# The demo people's first screens


async def test_demo_mentor1_has_three_students_with_check_ins_still_to_do_today(demo_care, new_client):
    mentor = await _as(new_client, "demo-mentor1")
    mine = (await mentor.data(MY_STUDENTS))["myStudents"]
    names = {s["student"]["name"] for s in mine["students"]}
    assert len(names) == 3 and {"周子涵", "吴昊然"} <= names
    assert [(s["myCheckInsToday"], s["checkInsToday"]) for s in mine["students"]] == [(0, 0)] * 3
    # Their earlier check-ins are there: the last 30 days are not empty.
    check_ins = await CheckIn.filter(author_id=demo_id("demo-mentor1")).count()
    assert check_ins >= 15


async def test_the_class_board_shows_four_cases_the_severe_one_with_its_open_alert_first(demo_care, new_client):
    teacher = await _as(new_client, "demo-teacher")
    board = (await teacher.data(CLASS_BOARD, {"classId": CLASS_1}))["classBoard"]
    assert len(board) == 4
    assert board[0]["level"] == "SEVERE" and board[0]["openAlerts"] == 1
    assert [row["level"] for row in board] == ["SEVERE", "FOCUS", "FOCUS", "WATCH"]
    assert sum(row["openAlerts"] for row in board) == 1
    zihan = next(row for row in board if row["student"]["name"] == "周子涵")
    assert zihan["checkInsToday"] == 0
    assert {p["displayName"] for p in zihan["notCheckedIn"]} == {"李雪梅", "张志强", "刘芳"}
    assert all(row["latestMood"] is not None and row["lastHomeLogDate"] is not None for row in board)


async def test_the_rota_covers_most_of_the_week_and_leaves_gaps_for_the_lead(demo_care, new_client):
    teacher = await _as(new_client, "demo-teacher")
    rows = (await teacher.data(CLASS_BOARD.replace("student { name }", "caseId student { name }"),
                               {"classId": CLASS_1}))["classBoard"]
    week_slots, gaps = 0, 0
    for row in rows:
        rota = (await teacher.data(ROTA, {"caseId": row["caseId"]}))["rota"]
        assert len(rota["periods"]) == 11 and rota["schoolDays"] == [1, 2, 3, 4, 5]
        assert [p["name"] for p in rota["periods"]][:2] == ["早读", "第1节"] and rota["periods"][-1]["name"] == "放学后"
        covered = {(a["weekday"], a["periodId"]) for a in rota["assignments"]}
        week_slots += 5 * len(rota["periods"])
        gaps += 5 * len(rota["periods"]) - len(covered)
    assert 0 < gaps < week_slots / 5

    day = (await teacher.data(MY_STUDENTS))["myStudents"]
    if date.fromisoformat(day["date"]).isoweekday() <= 5:
        assert day["gaps"], "the lead sees today's uncovered periods"
        assert day["rota"], "the class teacher accompanies students today"
    else:
        assert day["gaps"] == [] and day["rota"] == []


async def test_demo_parent1_has_a_streak_and_tonight_still_to_log(demo_care, new_client):
    parent = await _as(new_client, "demo-parent1")
    zihan = await Student.get(name="周子涵")
    stats = (await parent.data(STATS, {"studentId": str(zihan.id)}))["homeLogStats"]
    assert stats["loggedToday"] is False
    assert stats["streak"] >= 5
    month = stats["last30"]
    assert 20 <= month["logged"] < 30
    week = stats["last7"]
    assert week["logged"] >= 6
    # 15/60 adherence is mixed: listening mostly met, exercise only sometimes.
    logs = await HomeLog.filter(student_id=zihan.id)
    assert 0 < sum(log.exercise_minutes >= 60 for log in logs) < len(logs)
    assert 0 < sum(log.listening_minutes >= 15 for log in logs) < len(logs)

    other = await _as(new_client, "demo-parent2")
    haoran = await Student.get(name="吴昊然")
    stats = (await other.data(STATS, {"studentId": str(haoran.id)}))["homeLogStats"]
    assert stats["loggedToday"] is False and stats["last30"]["logged"] < 25  # gaps


async def test_one_alert_is_open_for_the_counsellor_and_the_class_teacher(demo_care, new_client):
    counsellor = await _as(new_client, "demo-counsellor")
    open_alerts = (await counsellor.data(ALERTS))["alerts"]["nodes"]
    assert len(open_alerts) == 1
    assert open_alerts[0]["signals"] == ["SELF_HARM"] and open_alerts[0]["acknowledgedAt"] is None
    teacher = await _as(new_client, "demo-teacher")
    assert (await teacher.data(ALERTS))["alerts"]["nodes"] == open_alerts

    every = (await teacher.data(ALL_ALERTS))["alerts"]["nodes"]
    assert len(every) == 2
    done = next(a for a in every if a["acknowledgedAt"])
    assert done["student"]["name"] == "吴昊然" and done["signals"] == ["EMOTIONAL_OUTBURST"]
    assert done["sourceKind"] == "CHECK_IN" and done["acknowledgedBy"]["displayName"] == "李雪梅"
    alert = await Alert.get(acknowledged_at__isnull=False)
    assert timedelta(hours=1) <= alert.acknowledged_at - alert.raised_at <= timedelta(hours=6)
    recent = await Alert.get(acknowledged_at__isnull=True)
    assert utcnow() - recent.raised_at < timedelta(days=2)

    mentor = await _as(new_client, "demo-mentor1")
    assert (await mentor.data(ALERTS))["alerts"]["nodes"] == []


async def test_timelines_read_as_a_month_of_care(demo_care, new_client):
    teacher = await _as(new_client, "demo-teacher")
    haoran = await Student.get(name="吴昊然")
    signals = (await teacher.data(TIMELINE, {"studentId": str(haoran.id), "first": 50,
                                             "filter": {"signalsOnly": True}}))["timeline"]["nodes"]
    kinds = [n["kind"] for n in signals]
    assert "ALERT" in kinds and "CHECK_IN" in kinds
    assert all(n["hasSignal"] for n in signals)
    assert any("情绪失控" in (n["item"].get("note") or "") for n in signals)

    zihan = await Student.get(name="周子涵")
    whole = (await teacher.data(TIMELINE, {"studentId": str(zihan.id), "first": 100}))["timeline"]
    kinds = Counter(n["kind"] for n in whole["nodes"])
    assert kinds["CHECK_IN"] >= 15 and kinds["HOME_LOG"] >= 15 and kinds["OBSERVATION"] >= 1
    changes = [n["item"] for n in whole["nodes"] if n["kind"] == "CASE_CHANGE"]
    assert {c["kind"] for c in changes} == {"OPENED", "MEMBER_ADDED", "LEVEL"}
    assert next(c for c in changes if c["kind"] == "LEVEL")["toValue"] == "focus"
    notes = [n["item"]["note"] for n in whole["nodes"] if n["kind"] == "CHECK_IN"]
    assert len(set(notes)) >= 10  # varied, not one sentence repeated

    parent = await _as(new_client, "demo-parent1")
    shared = (await parent.data(TIMELINE, {"studentId": str(zihan.id), "first": 100}))["timeline"]["nodes"]
    assert {n["kind"] for n in shared} == {"CHECK_IN", "HOME_LOG"}
    assert all(n["item"]["visibility"] == "FAMILY" for n in shared if n["kind"] == "CHECK_IN")


# How it is stored


async def test_every_entry_change_and_alert_has_exactly_one_timeline_event(demo_care):
    events = await TimelineEvent.all()
    by_entry = Counter((e.kind, e.entry_id) for e in events)
    assert max(by_entry.values()) == 1
    event_of = {e.entry_id: e for e in events}
    total = 0
    for model, kind in ENTRY_KINDS.items():
        rows = await model.all()
        total += len(rows)
        assert {e.entry_id for e in events if e.kind == kind} == {r.id for r in rows}, kind
        for row in rows:
            event = event_of[row.id]
            if not isinstance(row, CaseChange):
                assert event.student_id == row.student_id
            if isinstance(row, CheckIn):
                assert (event.occurred_at, event.visibility) == (row.occurred_at, row.visibility)
                assert event.author_id == row.author_id
                assert event.has_signal == bool(row.signals)
            elif isinstance(row, HomeLog):
                assert (event.occurred_at, event.visibility) == (row.created_at, "family")
                assert event.has_signal == bool(row.signals)
            elif isinstance(row, Observation):
                assert (event.occurred_at, event.visibility) == (row.observed_at, "team")
                assert event.has_signal == bool(row.signals)
            elif isinstance(row, CaseChange):
                assert (event.occurred_at, event.visibility, event.has_signal) == (row.changed_at, "team", False)
            else:
                assert (event.occurred_at, event.visibility, event.has_signal) == (row.raised_at, "team", True)
    assert len(events) == total


async def test_entries_fall_on_school_days_and_evenings_and_crisis_signals_raise_alerts(demo_care):
    now, today = utcnow(), _today()
    check_ins = await CheckIn.all()
    assert 100 <= len(check_ins) <= 400
    for row in check_ins:
        local = row.occurred_at.astimezone(SHANGHAI)
        assert row.school_date == local.date() and local.isoweekday() <= 5
        assert 7 * 60 + 30 <= local.hour * 60 + local.minute <= 17 * 60 + 30
        assert row.occurred_at <= row.created_at <= now
        assert 1 <= row.mood <= 5 and len(row.fingerprint) == 64
        assert today - row.school_date < timedelta(days=30)
    statuses = Counter(row.status for row in check_ins)
    assert statuses["present"] > 0.8 * len(check_ins) and len(statuses) >= 3
    assert 0 < sum(row.visibility == "family" for row in check_ins) < len(check_ins) / 3
    assert all(row.talk_minutes for row in check_ins if row.talked)

    logs = await HomeLog.all()
    for log in logs:
        local = log.created_at.astimezone(SHANGHAI)
        assert local.date() == log.log_date < today and 20 <= local.hour <= 22
        assert 0 <= log.listening_minutes <= 60 and 0 <= log.exercise_minutes <= 120
    observations = await Observation.all()
    assert 5 <= len(observations) <= 8
    authors = {o.author_id for o in observations}
    members = set(await TeamMember.all().values_list("account_id", flat=True))
    assert authors - members, "teachers outside the teams report observations too"

    sources = (("check_in", check_ins), ("home_log", logs), ("observation", observations))
    crisis = [(kind, row.id) for kind, rows in sources for row in rows if crisis_in(row.signals)]
    alerts = await Alert.all()
    assert sorted(crisis) == sorted((a.source_kind, a.source_id) for a in alerts)
    assert len(alerts) == 2 and sum(a.acknowledged_at is None for a in alerts) == 1


# Written once, the same each time


async def test_seeding_again_changes_nothing(demo_care):
    before = await _counts()
    assert before["CareCase"] == 6 and before["SchoolPeriod"] == 11
    assert await seed_demo() is False
    assert await seed_care(demo_id("school")) is False
    assert await _counts() == before


async def test_the_roster_alone_then_the_care_data(demo):
    assert all(count == 0 for count in (await _counts()).values())
    started = time.perf_counter()
    assert await seed_demo() is True
    elapsed = time.perf_counter() - started
    counts = await _counts()
    assert counts["CareCase"] == 6 and counts["CheckIn"] > 100 and counts["HomeLog"] > 100
    assert await seed_demo() is False
    assert await _counts() == counts
    assert elapsed < 3, f"seeding the care data took {elapsed:.2f}s"


async def test_the_same_rows_every_run_on_the_same_day(demo_care):
    async def snapshot() -> dict[str, set]:
        today = _today()
        rows: dict[str, set] = {}
        for model in CARE_TABLES:
            values = await model.all().values()
            if model is CheckIn:  # later today than now is left out: the clock moved on meanwhile
                values = [v for v in values if v["school_date"] < today]
            if model is TimelineEvent:
                values = [v for v in values if v["occurred_at"].astimezone(SHANGHAI).date() < today]
            rows[model.__name__] = {tuple(sorted((k, repr(v)) for k, v in value.items())) for value in values}
        return rows

    first = await snapshot()
    for model in reversed(CARE_TABLES):
        await model.all().delete()
    assert await seed_demo() is True
    assert await snapshot() == first
