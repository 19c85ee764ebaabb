"""Reminder timing with a fixed clock: school days, quiet hours, time zone, digests, escalation.

All times are written as the school (Asia/Shanghai, UTC+8) sees them; 2025-03-03 is a Monday."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

import pytest

from shouhu.notify.rules import (
    Digest,
    Kind,
    SchoolClock,
    booking_soon,
    check_ins_digests,
    deliver_at,
    due_today,
    escalations,
    home_log_reminders,
    in_quiet_hours,
    is_school_day,
    next_daily,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")
MONDAY = date(2025, 3, 3)
FRIDAY = date(2025, 3, 7)
SATURDAY = date(2025, 3, 8)
HOLIDAY = date(2025, 3, 5)  # a Wednesday the school closes
CLOCK = SchoolClock(
    time_zone="Asia/Shanghai",
    school_days=frozenset({1, 2, 3, 4, 5}),
    non_school_dates=frozenset({HOLIDAY}),
)

MENTOR, OTHER_MENTOR, GUARDIAN = UUID(int=1), UUID(int=2), UUID(int=3)
S1, S2, S3, S4 = (UUID(int=10 + i) for i in range(4))


def local(day: date, hour: int, minute: int = 0) -> datetime:
    """A moment on the school's wall clock, as aware UTC (what the caller passes as `now`)."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=SHANGHAI).astimezone(UTC)


def wall(moment: datetime) -> datetime:
    """What a person at the school sees on the clock."""
    assert moment.tzinfo is not None and moment.utcoffset() == timedelta(0)
    return moment.astimezone(SHANGHAI).replace(tzinfo=None)


# school days


def test_weekdays_are_school_days_weekends_and_closures_are_not():
    assert is_school_day(CLOCK, MONDAY)
    assert is_school_day(CLOCK, FRIDAY)
    assert not is_school_day(CLOCK, SATURDAY)
    assert not is_school_day(CLOCK, SATURDAY + timedelta(days=1))
    assert not is_school_day(CLOCK, HOLIDAY)


def test_six_day_week():
    clock = SchoolClock(time_zone="Asia/Shanghai", school_days=frozenset(range(1, 7)))
    assert is_school_day(clock, SATURDAY)


# quiet hours


@pytest.mark.parametrize(
    ("hour", "minute", "quiet"),
    [
        (21, 59, False),
        (22, 0, True),
        (23, 30, True),
        (0, 0, True),
        (6, 59, True),
        (7, 0, False),
        (12, 0, False),
    ],
)
def test_quiet_hours_wrap_midnight_in_school_time(hour, minute, quiet):
    assert in_quiet_hours(CLOCK, local(MONDAY, hour, minute)) is quiet


def test_quiet_hours_follow_the_school_zone_not_utc():
    # 23:30 UTC is 07:30 in Shanghai: not quiet there
    assert not in_quiet_hours(CLOCK, datetime(2025, 3, 3, 23, 30, tzinfo=UTC))
    # 15:00 UTC is 23:00 in Shanghai: quiet
    assert in_quiet_hours(CLOCK, datetime(2025, 3, 3, 15, 0, tzinfo=UTC))


def test_quiet_hours_not_wrapping_and_none():
    lunch = SchoolClock("Asia/Shanghai", frozenset({1}), quiet_start=time(12), quiet_end=time(13))
    assert in_quiet_hours(lunch, local(MONDAY, 12, 30))
    assert not in_quiet_hours(lunch, local(MONDAY, 23, 30))
    never = SchoolClock("Asia/Shanghai", frozenset({1}), quiet_start=time(0), quiet_end=time(0))
    assert not in_quiet_hours(never, local(MONDAY, 0, 0))


def test_late_evening_reminder_waits_until_seven_next_morning():
    delivered = deliver_at(CLOCK, Kind.HOME_LOG_DUE, local(MONDAY, 23, 30))
    assert wall(delivered) == datetime(2025, 3, 4, 7, 0)
    assert delivered == datetime(2025, 3, 3, 23, 0, tzinfo=UTC)


def test_early_morning_reminder_waits_until_seven_same_morning():
    delivered = deliver_at(CLOCK, Kind.BOOKING_CHANGED, local(MONDAY, 5, 15))
    assert wall(delivered) == datetime(2025, 3, 3, 7, 0)


def test_outside_quiet_hours_delivered_as_wanted():
    wanted = local(MONDAY, 15, 30)
    assert deliver_at(CLOCK, Kind.CHECK_INS_DUE, wanted) == wanted


@pytest.mark.parametrize("kind", [Kind.CRISIS_ALERT, Kind.ALERT_UNACKNOWLEDGED])
def test_crisis_alerts_ignore_quiet_hours(kind):
    wanted = local(MONDAY, 2, 13)
    assert in_quiet_hours(CLOCK, wanted)
    assert deliver_at(CLOCK, kind, wanted) == wanted
    assert wall(deliver_at(CLOCK, kind, wanted)) == datetime(2025, 3, 3, 2, 13)


def test_naive_datetimes_are_refused():
    with pytest.raises(ValueError):
        deliver_at(CLOCK, Kind.CHECK_INS_DUE, datetime(2025, 3, 3, 23, 30))


# next_daily / due_today


def test_next_daily_today_if_not_passed_yet():
    assert wall(next_daily(CLOCK, time(15, 30), local(MONDAY, 9))) == datetime(2025, 3, 3, 15, 30)
    assert wall(next_daily(CLOCK, time(15, 30), local(MONDAY, 15, 30))) == datetime(2025, 3, 3, 15, 30)


def test_next_daily_tomorrow_once_passed():
    assert wall(next_daily(CLOCK, time(15, 30), local(MONDAY, 15, 31))) == datetime(2025, 3, 4, 15, 30)


def test_next_daily_skips_closures():
    tuesday_evening = local(date(2025, 3, 4), 18)
    assert wall(next_daily(CLOCK, time(15, 30), tuesday_evening)) == datetime(2025, 3, 6, 15, 30)


def test_next_daily_across_weekend():
    friday_evening = local(FRIDAY, 16)
    assert wall(next_daily(CLOCK, time(15, 30), friday_evening)) == datetime(2025, 3, 10, 15, 30)
    assert wall(next_daily(CLOCK, time(15, 30), local(SATURDAY, 9))) == datetime(2025, 3, 10, 15, 30)


def test_next_daily_local_date_differs_from_utc_date():
    # Monday 01:00 in Shanghai is still Sunday in UTC; the reminder is Monday's
    assert wall(next_daily(CLOCK, time(7, 45), local(MONDAY, 1))) == datetime(2025, 3, 3, 7, 45)


def test_next_daily_none_without_school_days():
    closed = SchoolClock("Asia/Shanghai", frozenset())
    assert next_daily(closed, time(15, 30), local(MONDAY, 9)) is None


def test_due_today():
    assert not due_today(CLOCK, time(15, 30), local(MONDAY, 15, 29))
    assert due_today(CLOCK, time(15, 30), local(MONDAY, 15, 30))
    assert due_today(CLOCK, time(15, 30), local(MONDAY, 23, 59))
    assert not due_today(CLOCK, time(15, 30), local(SATURDAY, 16))
    assert not due_today(CLOCK, time(15, 30), local(HOLIDAY, 16))


# mentor digests


ASSIGNED = {MENTOR: [S1, S2, S3], OTHER_MENTOR: [S4]}


def test_one_digest_per_mentor_counting_students_still_due():
    digests = check_ins_digests(ASSIGNED, [(MENTOR, S1)], clock=CLOCK, now=local(MONDAY, 15, 30))
    by_mentor = {d.recipient_id: d for d in digests}
    assert len(digests) == 2
    assert by_mentor[MENTOR].count == 2
    assert by_mentor[MENTOR].kind is Kind.CHECK_INS_DUE
    assert by_mentor[OTHER_MENTOR].count == 1


def test_all_done_no_digest():
    done = [(MENTOR, S1), (MENTOR, S2), (MENTOR, S3)]
    digests = check_ins_digests(ASSIGNED, done, clock=CLOCK, now=local(MONDAY, 16))
    assert [d.recipient_id for d in digests] == [OTHER_MENTOR]


def test_a_check_in_by_another_mentor_does_not_count():
    digests = check_ins_digests(ASSIGNED, [(OTHER_MENTOR, S1)], clock=CLOCK, now=local(MONDAY, 16))
    assert {d.recipient_id: d.count for d in digests}[MENTOR] == 3


def test_no_digest_before_1530_or_on_saturday_or_closure():
    assert check_ins_digests(ASSIGNED, [], clock=CLOCK, now=local(MONDAY, 15, 29)) == []
    assert check_ins_digests(ASSIGNED, [], clock=CLOCK, now=local(SATURDAY, 16)) == []
    assert check_ins_digests(ASSIGNED, [], clock=CLOCK, now=local(HOLIDAY, 16)) == []


def test_mentor_time_is_configurable():
    early = SchoolClock("Asia/Shanghai", frozenset({1}), mentor_reminder=time(12))
    assert check_ins_digests(ASSIGNED, [], clock=early, now=local(MONDAY, 12))


def test_topic_stable_within_a_day_and_new_the_next_day():
    def topic(now: datetime) -> str:
        (digest,) = check_ins_digests({MENTOR: [S1]}, [], clock=CLOCK, now=now)
        return digest.topic

    monday = topic(local(MONDAY, 15, 30))
    assert topic(local(MONDAY, 23, 59)) == monday
    assert topic(local(date(2025, 3, 4), 15, 30)) != monday
    assert len(monday) <= 32
    assert all(c.isalnum() or c in "-_" for c in monday)


def test_topic_differs_per_recipient_and_kind():
    now = local(MONDAY, 21)
    mentor = check_ins_digests({MENTOR: [S1], OTHER_MENTOR: [S1]}, [], clock=CLOCK, now=now)
    guardian = home_log_reminders({MENTOR: [S1]}, [], clock=CLOCK, now=now)
    topics = {d.topic for d in mentor} | {d.topic for d in guardian}
    assert len(topics) == 3


# guardian digests


def test_guardian_digest_counts_children_without_tonights_log():
    children = {GUARDIAN: [S1, S2]}
    digests = home_log_reminders(children, [(GUARDIAN, S2)], clock=CLOCK, now=local(MONDAY, 20, 30))
    assert digests == [Digest(GUARDIAN, Kind.HOME_LOG_DUE, 1, digests[0].topic)]
    all_logged = [(GUARDIAN, S1), (GUARDIAN, S2)]
    assert home_log_reminders(children, all_logged, clock=CLOCK, now=local(MONDAY, 21)) == []
    assert home_log_reminders(children, [], clock=CLOCK, now=local(MONDAY, 20, 29)) == []
    assert home_log_reminders(children, [], clock=CLOCK, now=local(SATURDAY, 20, 30)) == []


# escalation


A1, A2, A3 = UUID(int=101), UUID(int=102), UUID(int=103)


def test_escalation_after_30_minutes_once_only():
    raised = local(MONDAY, 2, 0)
    alerts = [
        (A1, raised, None),
        (A2, raised, raised + timedelta(minutes=5)),  # acknowledged: never escalated
        (A3, raised + timedelta(minutes=10), None),
    ]
    assert escalations(alerts, now=raised + timedelta(minutes=29, seconds=59)) == []
    assert escalations(alerts, now=raised + timedelta(minutes=30)) == [A1]
    assert escalations(alerts, now=raised + timedelta(minutes=30), already=[A1]) == []
    assert escalations(alerts, now=raised + timedelta(minutes=45), already={A1}) == [A3]
    assert escalations(alerts, now=raised + timedelta(hours=5), already={A1, A3}) == []


def test_escalation_delay_configurable():
    raised = local(MONDAY, 9)
    later = raised + timedelta(minutes=10)
    assert escalations([(A1, raised, None)], now=later, after=timedelta(minutes=10)) == [A1]


# booking reminders


B1, B2, B3, B4 = (UUID(int=200 + i) for i in range(4))


def test_booking_soon_window():
    now = local(MONDAY, 9, 0)
    bookings = [
        (B1, local(MONDAY, 10, 0)),  # exactly 60 minutes away: remind now
        (B2, local(MONDAY, 9, 56)),  # reminder moment 08:56, within the last 5 minutes
        (B3, local(MONDAY, 9, 55)),  # reminder moment 08:55: the previous run sent it
        (B4, local(MONDAY, 10, 1)),  # reminder moment 09:01: the next run sends it
    ]
    assert booking_soon(bookings, now=now) == [B1, B2]


def test_booking_soon_each_booking_once_across_runs():
    starts = local(MONDAY, 14, 23)
    runs = [local(MONDAY, 12, 0) + timedelta(minutes=5 * i) for i in range(40)]
    hits = [run for run in runs if booking_soon([(B1, starts)], now=run)]
    assert [wall(h) for h in hits] == [datetime(2025, 3, 3, 13, 25)]
