"""A home log is for an evening. After midnight and until 05:00 school time, "tonight" is still the
evening just past: the date the parent's form offers (homeLogStats.today), "tonight's log done",
the streak, the guardian's reminder and the demo data all agree on it."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from shouhu import clock
from shouhu.notify import scheduler
from shouhu.notify.models import Notification
from shouhu.schools.models import School, Student
from tests.care_support import HOME_LOG, home_log_input, new_id
from tests.notify_support import open_case_with_mentor
from tests.support import signed_in_as

SHANGHAI = ZoneInfo("Asia/Shanghai")
STATS = """query($s: ID!) { homeLogStats(studentId: $s) { today loggedToday streak last7 { logged } } }"""


def at(day: int, hour: int, minute: int = 0, zone: ZoneInfo = SHANGHAI) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=zone)  # 25 November 2026 is a Wednesday


async def _stats(parent, student) -> dict:
    return (await parent.data(STATS, {"s": str(student.id)}))["homeLogStats"]


@pytest.mark.usefixtures("demo")
async def test_at_00_30_the_log_is_for_the_evening_just_past_until_05_00(new_client):
    clock.travel_to(at(25, 8))
    zihan = await open_case_with_mentor(new_client, "周子涵")
    parent = await signed_in_as(new_client, "demo-parent1")

    clock.travel_to(at(26, 0, 30))  # Thursday, half past midnight
    assert await _stats(parent, zihan) == {"today": "2026-11-25", "loggedToday": False, "streak": 0, "last7": {"logged": 0}}
    logged = await parent.data(HOME_LOG, {"id": new_id(), "input": home_log_input(zihan.id, "2026-11-25")})
    assert logged["recordHomeLog"]["logDate"] == "2026-11-25"
    assert await _stats(parent, zihan) == {"today": "2026-11-25", "loggedToday": True, "streak": 1, "last7": {"logged": 1}}

    clock.travel_to(at(26, 4, 59))
    assert (await _stats(parent, zihan))["today"] == "2026-11-25"
    clock.travel_to(at(26, 5, 0))  # morning: tonight is Thursday's, still to log; yesterday's keeps the streak
    assert await _stats(parent, zihan) == {"today": "2026-11-26", "loggedToday": False, "streak": 1, "last7": {"logged": 1}}


@pytest.mark.usefixtures("demo")
async def test_the_evening_follows_the_schools_zone_not_utc(new_client):
    school = await School.first()
    await School.filter(id=school.id).update(time_zone="Europe/London")
    clock.travel_to(at(25, 12, zone=ZoneInfo("Europe/London")))
    zihan = await open_case_with_mentor(new_client, "周子涵")
    parent = await signed_in_as(new_client, "demo-parent1")
    clock.travel_to(at(26, 0, 30, zone=ZoneInfo("Europe/London")))  # 08:30 in Shanghai: a morning there
    assert (await _stats(parent, zihan))["today"] == "2026-11-25"
    clock.travel_to(at(26, 5, 30, zone=ZoneInfo("Europe/London")))
    assert (await _stats(parent, zihan))["today"] == "2026-11-26"


@pytest.mark.usefixtures("demo")
async def test_the_reminder_asks_for_the_evening_the_form_offers(new_client):
    """A school that reminds parents at 04:00 (its choice): the reminder is about last evening, the one
    the form offers then, so a parent who logged it at 00:30 hears nothing."""
    clock.travel_to(at(25, 8))
    zihan = await open_case_with_mentor(new_client, "周子涵")
    await open_case_with_mentor(new_client, "吴昊然")
    school = await School.first()
    await School.filter(id=school.id).update(guardian_reminder_minute=4 * 60)
    clock.travel_to(at(26, 0, 30))
    parent = await signed_in_as(new_client, "demo-parent1")  # 周子涵's mother; demo-parent2 is 吴昊然's father
    logged = await parent.data(HOME_LOG, {"id": new_id(), "input": home_log_input(zihan.id, "2026-11-25")})
    assert logged["recordHomeLog"]["__typename"] == "HomeLog"

    clock.travel_to(at(26, 4, 1))
    await scheduler.tick(clock.utcnow())
    reminded = await Notification.filter(kind="home_log_due").values_list("recipient__login", flat=True)
    assert reminded == ["demo-parent2"]


async def test_the_demo_seeded_after_midnight_leaves_the_evening_just_past_to_log(app, new_client):
    from shouhu.demo.seed import seed_demo

    clock.travel_to(at(26, 0, 30))
    await seed_demo()
    parent = await signed_in_as(new_client, "demo-parent1")
    stats = await _stats(parent, await Student.get(name="周子涵"))
    assert stats["today"] == "2026-11-25" and stats["loggedToday"] is False and stats["streak"] >= 5
