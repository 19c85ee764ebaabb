"""The school day's periods (admins) and a case's week rota (its lead): what a lead sees as
gaps and a mentor as today's accompaniment, and bad input refused with nothing changed."""

from __future__ import annotations

import pytest

from shouhu import clock
from shouhu.accounts.models import Account
from shouhu.care.models import RotaAssignment, SchoolPeriod
from tests.care_support import ADD_MEMBER, MY_STUDENTS, OPEN_CASE, student_named

pytestmark = pytest.mark.usefixtures("demo")

SET_PERIODS = """mutation($p: [PeriodInput!]!) { setSchoolPeriods(periods: $p) { __typename
  ... on SchoolDay { periods { id name startMinute } } ... on ValidationError { field code message } } }"""
SET_ROTA = """mutation($c: ID!, $s: [RotaSlotInput!]!) { setRota(caseId: $c, slots: $s) { __typename
  ... on Rota { assignments { weekday periodId person { displayName } } } ... on ValidationError { field code } } }"""
DAY = [{"name": "早读", "startMinute": 450, "endMinute": 475}, {"name": "第1节", "startMinute": 480, "endMinute": 525},
       {"name": "午休", "startMinute": 710, "endMinute": 770}]


@pytest.fixture
async def admin(new_client):
    client = new_client()
    await client.sign_in("demo-admin")
    return client


@pytest.mark.parametrize(
    "periods, code",
    [
        ([], "PERIOD_COUNT"),
        ([{"name": "第1节", "startMinute": 480, "endMinute": 470}], "PERIOD_ENDS_BEFORE_START"),
        ([{"name": "A", "startMinute": 480, "endMinute": 530}, {"name": "B", "startMinute": 520, "endMinute": 560}], "PERIOD_OVERLAP"),
        ([{"name": "A", "startMinute": 480, "endMinute": 500}, {"name": "A", "startMinute": 510, "endMinute": 530}], "PERIOD_DUPLICATE_NAME"),
        ([{"name": "  ", "startMinute": 480, "endMinute": 500}], "FIELD_REQUIRED"),
        ([{"name": "A", "startMinute": -5, "endMinute": 500}], "FIELD_OUT_OF_RANGE"),
    ],
)
async def test_bad_periods_are_refused_and_the_day_is_kept(admin, periods, code):
    assert (await admin.data(SET_PERIODS, {"p": DAY}))["setSchoolPeriods"]["__typename"] == "SchoolDay"
    result = (await admin.data(SET_PERIODS, {"p": periods}))["setSchoolPeriods"]
    assert result["code"] == code and result["message"]
    assert await SchoolPeriod.all().order_by("position").values_list("name", flat=True) == ["早读", "第1节", "午休"]


async def test_the_rota_shows_to_the_mentor_today_and_gaps_to_the_lead(admin, new_client):
    periods = (await admin.data(SET_PERIODS, {"p": DAY}))["setSchoolPeriods"]["periods"]
    counsellor = new_client()
    await counsellor.sign_in("demo-counsellor")
    student = await student_named("周子涵")
    case_id = (await counsellor.data(OPEN_CASE, {"input": {"studentId": str(student.id), "level": "WATCH",
                                                            "reasons": ["OTHER"]}}))["openCareCase"]["id"]
    mentor = await Account.get(login="demo-mentor1")
    await counsellor.data(ADD_MEMBER, {"caseId": case_id, "accountId": str(mentor.id), "role": "MENTOR"})
    # A Wednesday in school time: 10:00 in Shanghai.
    from datetime import datetime, timezone
    clock.travel_to(datetime(2026, 11, 25, 2, 0, tzinfo=timezone.utc))
    lead = new_client()
    await lead.sign_in("demo-teacher")
    slots = [{"weekday": 3, "periodId": periods[0]["id"], "accountId": str(mentor.id)},
             {"weekday": 3, "periodId": periods[2]["id"], "accountId": str(mentor.id)}]
    rota = (await lead.data(SET_ROTA, {"c": case_id, "s": slots}))["setRota"]
    assert len(rota["assignments"]) == 2

    mentor_client = new_client()
    await mentor_client.sign_in("demo-mentor1")
    mine = (await mentor_client.data(MY_STUDENTS))["myStudents"]
    assert [(r["periodName"], r["student"]["name"]) for r in mine["rota"]] == [("早读", "周子涵"), ("午休", "周子涵")]
    assert mine["gaps"] == []  # gaps are the lead's to fill
    lead_day = (await lead.data(MY_STUDENTS))["myStudents"]
    assert [(g["periodName"], g["studentName"]) for g in lead_day["gaps"]] == [("第1节", "周子涵")]

    # Renaming nothing and moving 早读 keeps its assignments.
    moved = [dict(DAY[0], startMinute=445), DAY[1], DAY[2]]
    await admin.data(SET_PERIODS, {"p": moved})
    assert await RotaAssignment.filter(case_id=case_id).count() == 2

    outsider = await Account.get(login="demo-mentor2")
    bad = (await lead.data(SET_ROTA, {"c": case_id, "s": [{"weekday": 3, "periodId": periods[1]["id"], "accountId": str(outsider.id)}]}))
    assert bad["setRota"] == {"__typename": "ValidationError", "field": "slots.0.accountId", "code": "TEAM_NOT_MEMBER"}
    bad = (await lead.data(SET_ROTA, {"c": case_id, "s": [{"weekday": 8, "periodId": periods[1]["id"], "accountId": str(mentor.id)}]}))
    assert bad["setRota"]["field"] == "slots.0.weekday"
    assert await RotaAssignment.filter(case_id=case_id).count() == 2
