"""The reminder rules on a fixed clock in the demo school (Asia/Shanghai, Monday to Friday):
who hears what, when, once, and what quiet hours, school days and muting change."""

from __future__ import annotations

import asyncio
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from shouhu import clock
from shouhu.accounts.models import Account
from shouhu.care.models import SchoolPeriod
from shouhu.counselling.models import Booking, Room
from shouhu.notify import scheduler
from shouhu.notify.models import Delivery, Notification
from shouhu.notify.rules import Kind, topic
from shouhu.notify.services import notify
from shouhu.schools.models import School
from tests.care_support import ACK, ALERTS, CHECK_IN, HOME_LOG, check_in_input, home_log_input, new_id
from tests.notify_support import (
    INBOX, SAVE_WEBHOOK, SET_KINDS, SET_TIMES, TIMES, open_case_with_mentor, raise_crisis, register,
)
from tests.push_service import PushService
from tests.support import signed_in_as

pytestmark = pytest.mark.usefixtures("demo")

SHANGHAI = ZoneInfo("Asia/Shanghai")
WEDNESDAY = (2026, 11, 25)
FRIDAY = (2026, 11, 27)
SATURDAY = (2026, 11, 28)


def at(day: tuple[int, int, int], hour: int, minute: int = 0, zone: ZoneInfo = SHANGHAI) -> datetime:
    return datetime(*day, hour, minute, tzinfo=zone)


async def tick_at(moment: datetime) -> int:
    clock.travel_to(moment)
    return await scheduler.tick(clock.utcnow())


async def inbox_of(login: str) -> list[tuple[str, int]]:
    rows = await Notification.filter(recipient__login=login).order_by("created_at").values_list("kind", "count")
    return [(kind, count) for kind, count in rows]


@pytest.fixture
async def two_cases(new_client):
    """周子涵 and 吴昊然 in class 1 (led by demo-teacher), both with demo-mentor1 as mentor."""
    clock.travel_to(at(WEDNESDAY, 8))
    first = await open_case_with_mentor(new_client, "周子涵")
    second = await open_case_with_mentor(new_client, "吴昊然")
    return first, second


async def test_each_mentor_gets_one_count_of_check_ins_still_due_at_15_30_once(new_client, two_cases):
    zihan, _ = two_cases
    clock.travel_to(at(WEDNESDAY, 9))
    mentor = await signed_in_as(new_client, "demo-mentor1")
    await mentor.data(CHECK_IN, {"id": new_id(), "input": check_in_input(zihan.id)})

    assert await tick_at(at(WEDNESDAY, 15, 29)) == 0
    assert await tick_at(at(WEDNESDAY, 15, 31)) == 1
    assert await inbox_of("demo-mentor1") == [("check_ins_due", 1)]  # one message, not one per student
    assert await tick_at(at(WEDNESDAY, 15, 45)) == 0
    assert await tick_at(at(WEDNESDAY, 16, 30)) == 0
    assert await inbox_of("demo-mentor1") == [("check_ins_due", 1)]
    assert await inbox_of("demo-teacher") == []  # the lead is not a mentor of these cases

    clock.travel_to(at((2026, 11, 26), 15, 31))
    assert await scheduler.tick(clock.utcnow()) == 1  # a new day, a new reminder: both are due
    assert await inbox_of("demo-mentor1") == [("check_ins_due", 1), ("check_ins_due", 2)]


async def test_no_routine_reminders_on_a_weekend_or_a_school_holiday(new_client, two_cases):
    assert await tick_at(at(SATURDAY, 15, 31)) == 0
    assert await tick_at(at(SATURDAY, 20, 31)) == 0
    school = await School.get(name__not="")
    from shouhu.counselling.models import NonSchoolDay

    await NonSchoolDay.create(school_id=school.id, day=datetime(*FRIDAY).date(), name="运动会")
    assert await tick_at(at(FRIDAY, 15, 31)) == 0
    assert await Notification.all().count() == 0


async def test_the_guardian_hears_at_20_30_unless_either_parent_logged_tonight(new_client, two_cases):
    zihan, haoran = two_cases
    clock.travel_to(at(WEDNESDAY, 19))
    parent = await signed_in_as(new_client, "demo-parent2")  # 吴昊然's guardian
    result = await parent.data(HOME_LOG, {"id": new_id(), "input": home_log_input(haoran.id, "2026-11-25")})
    assert result["recordHomeLog"]["__typename"] == "HomeLog"
    await tick_at(at(WEDNESDAY, 20, 29))
    assert await inbox_of("demo-parent1") == []
    await tick_at(at(WEDNESDAY, 20, 31))
    assert await inbox_of("demo-parent1") == [("home_log_due", 1)]
    assert await inbox_of("demo-parent2") == []


async def test_the_lead_hears_of_missing_check_ins_and_tomorrows_uncovered_periods_at_17_00(new_client, two_cases):
    zihan, _ = two_cases
    school = await School.get(name__not="")
    for position, (start, end) in enumerate([(480, 525), (535, 580), (840, 885)]):
        await SchoolPeriod.create(school_id=school.id, position=position, name=f"第{position + 1}节",
                                  start_minute=start, end_minute=end)
    clock.travel_to(at(WEDNESDAY, 9))
    mentor = await signed_in_as(new_client, "demo-mentor1")
    await mentor.data(CHECK_IN, {"id": new_id(), "input": check_in_input(zihan.id)})

    await tick_at(at(WEDNESDAY, 16, 59))
    assert await inbox_of("demo-teacher") == []
    await tick_at(at(WEDNESDAY, 17, 1))
    # One of two students without a check-in; 3 periods x 2 cases uncovered on Thursday.
    assert sorted(await inbox_of("demo-teacher")) == [("missing_check_ins", 1), ("rota_gaps", 6)]
    await tick_at(at(FRIDAY, 17, 1))  # Saturday has no school: no rota reminder
    assert sorted(await inbox_of("demo-teacher")) == [
        ("missing_check_ins", 1), ("missing_check_ins", 2), ("rota_gaps", 6)]


async def test_a_muted_kind_is_not_sent_but_crisis_alerts_cannot_be_muted(new_client, two_cases):
    zihan, _ = two_cases
    clock.travel_to(at(WEDNESDAY, 9))
    for login in ("demo-mentor1", "demo-teacher"):
        person = await signed_in_as(new_client, login)
        await person.data(SET_KINDS, {"enabled": []})
    await tick_at(at(WEDNESDAY, 17, 1))
    assert await inbox_of("demo-mentor1") == [] and await inbox_of("demo-teacher") == []
    clock.travel_to(at(WEDNESDAY, 17, 10))
    await raise_crisis(new_client, zihan)
    assert await inbox_of("demo-teacher") == [("crisis_alert", 1)]


async def test_quiet_hours_delay_routine_pushes_but_not_crisis_alerts(new_client, two_cases):
    zihan, _ = two_cases
    with PushService() as push:
        for login in ("demo-teacher", "demo-student1"):
            await register(await signed_in_as(new_client, login), push.new_device(login))
        student_account = await Account.get(login="demo-student1")
        clock.travel_to(at(WEDNESDAY, 23, 15))
        await notify(school_id=zihan.school_id, recipients=[student_account.id], kind=Kind.BOOKING_CHANGED,
                     event="moved-booking", target="/counselling/book")
        await raise_crisis(new_client, zihan)
    routine = await Delivery.get(kind="booking_changed")
    assert routine.due_at == at((2026, 11, 26), 7)  # held until quiet hours end
    urgent = await Delivery.get(kind="crisis_alert")
    assert urgent.due_at <= clock.utcnow() and urgent.urgent is True
    # Both are in the inbox at once.
    assert await inbox_of("demo-student1") == [("booking_changed", 1)]


async def test_a_late_daily_reminder_is_not_pushed_the_next_morning(new_client, two_cases):
    """The server was down at 15:30; at 22:30 (quiet hours) the day's check-in reminder still goes
    to the inbox, but a push tomorrow morning would be stale, so none is queued."""
    with PushService() as push:
        await register(await signed_in_as(new_client, "demo-mentor1"), push.new_device())
        await tick_at(at(WEDNESDAY, 22, 30))
    assert await inbox_of("demo-mentor1") == [("check_ins_due", 2)]
    assert await Delivery.all().count() == 0


async def test_a_digest_push_carries_a_topic_so_a_newer_one_replaces_it(new_client, two_cases):
    with PushService() as push:
        await register(await signed_in_as(new_client, "demo-mentor1"), push.new_device())
        await tick_at(at(WEDNESDAY, 15, 31))
    mentor = await Account.get(login="demo-mentor1")
    delivery = await Delivery.get(kind="check_ins_due")
    assert delivery.topic == topic(Kind.CHECK_INS_DUE, mentor.id, datetime(*WEDNESDAY).date())
    assert len(delivery.topic) == 32


async def test_an_unacknowledged_alert_is_repeated_to_the_lead_and_escalated_to_leadership_once(new_client, two_cases):
    zihan, haoran = two_cases
    clock.travel_to(at(WEDNESDAY, 10))
    await raise_crisis(new_client, zihan)
    await raise_crisis(new_client, haoran)
    teacher = await signed_in_as(new_client, "demo-teacher")
    haoran_alert = next(a for a in (await teacher.data(ALERTS))["alerts"]["nodes"] if a["student"]["name"] == "吴昊然")
    await teacher.data(ACK, {"id": haoran_alert["id"]})

    assert await tick_at(at(WEDNESDAY, 10, 29)) == 0
    assert await tick_at(at(WEDNESDAY, 10, 31)) == 2  # the lead again, and the admin
    assert await tick_at(at(WEDNESDAY, 11, 30)) == 0  # once
    assert await inbox_of("demo-teacher") == [("crisis_alert", 1), ("crisis_alert", 1), ("alert_unacknowledged", 1)]
    assert await inbox_of("demo-admin") == [("alert_unacknowledged", 1)]
    admin_item = (await (await signed_in_as(new_client, "demo-admin")).data(INBOX))["inbox"]["items"][0]
    assert admin_item["target"] == f"/students/{zihan.id}" and admin_item["urgent"] is True


async def test_an_admin_changes_the_schools_reminder_times(new_client, two_cases):
    admin = await signed_in_as(new_client, "demo-admin")
    assert (await admin.data(TIMES))["schoolReminderTimes"] == {
        "quietStart": "22:00", "quietEnd": "07:00", "mentorReminder": "15:30", "guardianReminder": "20:30",
        "leadDigest": "17:00", "escalateAfterMinutes": 30, "timeZone": "Asia/Shanghai"}
    changed = {"quietStart": "21:30", "quietEnd": "06:30", "mentorReminder": "14:00", "guardianReminder": "19:45",
               "leadDigest": "16:30", "escalateAfterMinutes": 15}
    assert (await admin.data(SET_TIMES, {"input": changed}))["setSchoolReminderTimes"]["mentorReminder"] == "14:00"
    assert await tick_at(at(WEDNESDAY, 14, 1)) == 1
    assert await inbox_of("demo-mentor1") == [("check_ins_due", 2)]

    for bad, field in (({"mentorReminder": "25:00"}, "mentorReminder"), ({"quietEnd": "7点"}, "quietEnd"),
                       ({"escalateAfterMinutes": 0}, "escalateAfterMinutes")):
        result = (await admin.data(SET_TIMES, {"input": {**changed, **bad}}))["setSchoolReminderTimes"]
        assert result["__typename"] == "ValidationError" and result["field"] == field
    assert (await admin.data(TIMES))["schoolReminderTimes"]["mentorReminder"] == "14:00"  # nothing changed


async def test_reminder_times_follow_the_schools_time_zone(new_client, two_cases):
    berlin = ZoneInfo("Europe/Berlin")
    await School.filter(name__not="").update(time_zone="Europe/Berlin")
    assert await tick_at(at(WEDNESDAY, 15, 31)) == 0  # 15:31 in Shanghai is 08:31 in Berlin
    assert await tick_at(at(WEDNESDAY, 15, 31, berlin)) == 1


async def test_a_booking_within_the_hour_and_a_counsellor_cancelling_reach_the_student(new_client, two_cases):
    zihan, _ = two_cases
    school = await School.get(name__not="")
    counsellor = await Account.get(login="demo-counsellor")
    room = await Room.create(school_id=school.id, name="心理辅导室", place="行政楼 2 楼")
    clock.travel_to(at(WEDNESDAY, 9))
    booking = await Booking.create(
        school_id=school.id, room_id=room.id, counsellor_id=counsellor.id, student_id=zihan.id, slot_key="k1",
        starts_at=at(WEDNESDAY, 12), ends_at=at(WEDNESDAY, 12, 45), topic="不想说", booked_at=clock.utcnow())
    assert await tick_at(at(WEDNESDAY, 10, 50)) == 0
    assert await tick_at(at(WEDNESDAY, 11, 1)) == 1
    assert await tick_at(at(WEDNESDAY, 11, 30)) == 0
    assert await inbox_of("demo-student1") == [("booking_soon", 1)]

    staff = await signed_in_as(new_client, "demo-counsellor")
    cancelled = await staff.data("""mutation($id: ID!, $reason: String) { cancelBooking(id: $id, reason: $reason) {
      __typename } }""", {"id": str(booking.id), "reason": "老师临时外出"})
    assert cancelled["cancelBooking"]["__typename"] == "Booking"
    assert await inbox_of("demo-student1") == [("booking_soon", 1), ("booking_changed", 1)]
    student = await signed_in_as(new_client, "demo-student1")
    item = (await student.data(INBOX))["inbox"]["items"][0]
    assert item["text"] == "你的心理辅导预约有变动，请打开守护查看" and "外出" not in item["text"]


async def test_two_workers_running_the_rules_at_once_send_each_reminder_once(new_client, two_cases):
    clock.travel_to(at(WEDNESDAY, 17, 1))
    now = clock.utcnow()
    await asyncio.gather(scheduler.tick(now), scheduler.tick(now))
    assert sorted(await inbox_of("demo-mentor1")) == [("check_ins_due", 2)]
    assert sorted(await inbox_of("demo-teacher")) == [("missing_check_ins", 2)]


async def test_a_school_robot_gets_the_escalation_with_counts_only(new_client, two_cases):
    zihan, _ = two_cases
    from tests.notify_support import RobotReceiver

    async with RobotReceiver() as robot:
        admin = await signed_in_as(new_client, "demo-admin")
        await admin.data(SAVE_WEBHOOK, {"input": {"name": "领导小组群", "url": robot.url,
                                                  "kinds": ["ALERT_UNACKNOWLEDGED", "MISSING_CHECK_INS"]}})
        clock.travel_to(at(WEDNESDAY, 10))
        await raise_crisis(new_client, zihan)
        await tick_at(at(WEDNESDAY, 10, 31))
        await tick_at(at(WEDNESDAY, 17, 1))
        kinds = sorted(await Delivery.filter(channel="webhook").values_list("kind", "count"))
    # Not the crisis alert itself (not chosen); 吴昊然 is the one student without a check-in today.
    assert kinds == [("alert_unacknowledged", 1), ("missing_check_ins", 1)]
