"""The slots a student is offered in the counselling room, from weekly templates and date exceptions.

All dates are passed explicitly: 2025-03-03 is a Monday."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

import pytest

from shouhu.counselling.slots import (
    DateException,
    ExceptionKind,
    Slot,
    Template,
    check_no_overlap,
    check_template,
    derive_slots,
    hours_check,
    weekly_open_minutes,
)
from shouhu.errors import Invalid

SHANGHAI = ZoneInfo("Asia/Shanghai")
MONDAY = date(2025, 3, 3)
WEEKDAYS = (1, 2, 3, 4, 5)
ROOM = UUID(int=100)
OTHER_ROOM = UUID(int=200)
WANG = UUID(int=1)  # counsellor 王老师
LI = UUID(int=2)  # counsellor 李老师


def hm(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def template(start: str, end: str, slot: int = 50, buffer: int = 0, *, weekday: int = 1,
             room: UUID = ROOM, counsellor: UUID = WANG) -> Template:
    return Template(id=UUID(int=weekday * 10_000 + hm(start)), room_id=room, counsellor_id=counsellor,
                    weekday=weekday, start_minute=hm(start), end_minute=hm(end), slot_minutes=slot,
                    buffer_minutes=buffer)


def every_day(start: str, end: str, slot: int = 50, buffer: int = 0, days=WEEKDAYS, **kw) -> list[Template]:
    return [template(start, end, slot, buffer, weekday=d, **kw) for d in days]


def closed(day: date, start: str | None = None, end: str | None = None, *, counsellor: UUID | None = None,
           room: UUID = ROOM) -> DateException:
    return DateException(id=UUID(int=9), room_id=room, counsellor_id=counsellor, day=day, kind=ExceptionKind.CLOSED,
                         start_minute=None if start is None else hm(start), end_minute=None if end is None else hm(end))


def extra(day: date, start: str, end: str, slot: int | None = None, buffer: int = 0, *,
          counsellor: UUID = WANG) -> DateException:
    return DateException(id=UUID(int=8), room_id=ROOM, counsellor_id=counsellor, day=day, kind=ExceptionKind.EXTRA,
                         start_minute=hm(start), end_minute=hm(end), slot_minutes=slot, buffer_minutes=buffer)


def derive(templates, exceptions=(), *, start: date = MONDAY, days: int = 7, time_zone: str = "Asia/Shanghai",
           school_days=WEEKDAYS, **kw) -> list[Slot]:
    return derive_slots(templates, exceptions, start=start, days=days, time_zone=time_zone,
                        school_days=school_days, **kw)


def offered(slots: list[Slot], tz: ZoneInfo = SHANGHAI) -> list[str]:
    """What the student sees: local date and time, start–end."""
    return [f"{s.starts_at.astimezone(tz):%m-%d %H:%M}-{s.ends_at.astimezone(tz):%H:%M}" for s in slots]


# Cutting templates into slots


def test_sessions_are_cut_with_a_buffer_after_each_and_only_whole_sessions_are_offered():
    # 12:00–13:00, 25-minute sessions, 5-minute buffer: 12:00, 12:30; 13:00 would end after the window.
    assert offered(derive([template("12:00", "13:00", 25, 5)])) == ["03-03 12:00-12:25", "03-03 12:30-12:55"]


def test_a_session_that_does_not_fit_before_the_end_is_dropped():
    # 15:40–17:10 with 50 + 10: 15:40 fits, 16:40 would end at 17:30.
    assert offered(derive([template("15:40", "17:10", 50, 10)])) == ["03-03 15:40-16:30"]
    # Exactly filling the window is fine.
    assert offered(derive([template("08:00", "09:40", 50, 0)])) == ["03-03 08:00-08:50", "03-03 08:50-09:40"]


def test_school_time_is_converted_to_utc():
    [slot] = derive([template("12:00", "13:00", 50)])
    assert slot.starts_at == datetime(2025, 3, 3, 4, 0, tzinfo=UTC)  # 12:00 in Shanghai is 04:00 UTC
    assert slot.ends_at == datetime(2025, 3, 3, 4, 50, tzinfo=UTC)
    assert slot.starts_at.utcoffset() == timedelta(0)
    assert (slot.room_id, slot.counsellor_id) == (ROOM, WANG)


def test_weekends_and_the_school_calendars_closed_days_have_no_slots():
    templates = every_day("12:00", "13:00", days=range(1, 8))
    wednesday = MONDAY + timedelta(days=2)
    assert offered(derive(templates, non_school_dates={wednesday})) == [
        "03-03 12:00-12:50", "03-04 12:00-12:50", "03-06 12:00-12:50", "03-07 12:00-12:50",
    ]


def test_only_the_requested_dates_are_derived():
    templates = every_day("12:00", "13:00")
    assert offered(derive(templates, start=MONDAY + timedelta(days=1), days=2)) == [
        "03-04 12:00-12:50", "03-05 12:00-12:50",
    ]
    assert derive(templates, days=0) == []


def test_slots_are_sorted_by_time_then_room():
    templates = [
        template("14:00", "15:00", room=ROOM, weekday=1),
        template("12:00", "13:00", room=OTHER_ROOM, counsellor=LI, weekday=1),
        template("12:00", "13:00", room=ROOM, weekday=1),
    ]
    slots = derive(templates)
    assert [(s.starts_at.astimezone(SHANGHAI).strftime("%H:%M"), s.room_id) for s in slots] == [
        ("12:00", ROOM), ("12:00", OTHER_ROOM), ("14:00", ROOM),
    ]


# Exceptions


def test_a_room_closed_all_day_offers_nothing_that_day_from_any_counsellor():
    templates = [
        *every_day("09:00", "10:00", counsellor=WANG, days=(1, 2)),
        *every_day("14:00", "15:00", counsellor=LI, days=(1, 2)),
    ]
    assert offered(derive(templates, [closed(MONDAY)])) == ["03-04 09:00-09:50", "03-04 14:00-14:50"]


def test_a_closed_window_removes_only_the_sessions_it_touches():
    slots = derive([template("09:00", "12:00", 50, 10)], [closed(MONDAY, "10:00", "11:00")])
    # 10:00 falls inside; 09:00–09:50 and 11:00–11:50 only touch the closed hour.
    assert offered(slots) == ["03-03 09:00-09:50", "03-03 11:00-11:50"]
    slots = derive([template("09:00", "12:00", 50, 10)], [closed(MONDAY, "09:30", "10:10")])
    assert offered(slots) == ["03-03 11:00-11:50"]


def test_a_counsellors_closure_leaves_colleagues_sessions_open():
    templates = [template("09:00", "10:00", counsellor=WANG), template("14:00", "15:00", counsellor=LI)]
    assert offered(derive(templates, [closed(MONDAY, counsellor=WANG)])) == ["03-03 14:00-14:50"]


def test_a_closure_of_another_room_changes_nothing():
    assert offered(derive([template("09:00", "10:00")], [closed(MONDAY, room=OTHER_ROOM)])) == ["03-03 09:00-09:50"]


def test_extra_hours_open_a_saturday_and_a_non_school_date():
    saturday = MONDAY + timedelta(days=5)
    tuesday = MONDAY + timedelta(days=1)
    templates = every_day("12:00", "13:00")
    exceptions = [extra(saturday, "09:00", "11:00"), extra(tuesday, "15:00", "16:00", 25, 5)]
    assert offered(derive(templates, exceptions, non_school_dates={tuesday})) == [
        "03-03 12:00-12:50",
        "03-04 15:00-15:25", "03-04 15:30-15:55",  # the holiday: only the extra hours, not the template
        "03-05 12:00-12:50", "03-06 12:00-12:50", "03-07 12:00-12:50",
        "03-08 09:00-09:50", "03-08 09:50-10:40",  # Saturday, default 50-minute sessions; 10:40 would end at 11:30
    ]


def test_extra_hours_add_to_a_school_day_and_a_closure_still_wins():
    slots = derive([template("12:00", "13:00")], [extra(MONDAY, "16:00", "17:00"), closed(MONDAY, "16:00", "16:30")])
    assert offered(slots) == ["03-03 12:00-12:50"]
    assert offered(derive([template("12:00", "13:00")], [extra(MONDAY, "16:00", "17:00")])) == [
        "03-03 12:00-12:50", "03-03 16:00-16:50",
    ]


# One room, one place


def test_overlapping_templates_of_two_counsellors_offer_the_room_once():
    templates = [
        template("12:00", "13:00", 50, 10, counsellor=LI),  # 12:00–12:50
        template("12:30", "14:00", 30, 0, counsellor=WANG),  # 12:30 overlaps, 13:00 and 13:30 are free
    ]
    slots = derive(templates)
    assert offered(slots) == ["03-03 12:00-12:50", "03-03 13:00-13:30", "03-03 13:30-14:00"]
    assert [s.counsellor_id for s in slots] == [LI, WANG, WANG]


def test_same_start_in_one_room_goes_to_the_lower_counsellor_id_every_time():
    templates = [template("12:00", "13:00", counsellor=LI), template("12:00", "13:00", counsellor=WANG)]
    for order in (templates, templates[::-1]):
        [slot] = derive(order)
        assert slot.counsellor_id == WANG  # UUID(int=1) < UUID(int=2)


def test_two_rooms_at_the_same_time_are_both_offered():
    templates = [template("12:00", "13:00", room=ROOM), template("12:00", "13:00", room=OTHER_ROOM, counsellor=LI)]
    assert len(derive(templates)) == 2


# Minimum notice


def test_slots_starting_before_not_before_are_not_offered():
    templates = [template("12:00", "13:00", 25, 5)]
    half_past_twelve = datetime(2025, 3, 3, 4, 30, tzinfo=UTC)  # 12:30 in Shanghai
    assert offered(derive(templates, not_before=half_past_twelve)) == ["03-03 12:30-12:55"]
    assert offered(derive(templates, not_before=half_past_twelve + timedelta(minutes=1))) == []


def test_a_running_session_still_holds_the_room_after_the_notice_cut():
    templates = [template("12:00", "13:00", 50, 10, counsellor=WANG), template("12:30", "13:00", 30, counsellor=LI)]
    # At 12:10 Wang's 12:00 session is running; Li's overlapping 12:30 must not appear.
    assert derive(templates, not_before=datetime(2025, 3, 3, 4, 10, tzinfo=UTC)) == []


# Keys


def test_the_slot_key_names_room_and_utc_start_and_does_not_move():
    templates = every_day("12:00", "13:00")
    [monday, *_] = derive(templates)
    assert monday.key == f"{ROOM}:20250303T0400Z"
    later_view = derive(templates, start=MONDAY, days=2, not_before=datetime(2025, 3, 3, 1, 0, tzinfo=UTC))
    assert later_view[0].key == monday.key
    assert len({s.key for s in derive(templates)}) == 5


# Time zones with clock changes


def test_berlin_spring_forward_skips_the_missing_hour():
    berlin = ZoneInfo("Europe/Berlin")
    sunday = date(2025, 3, 30)  # last Sunday of March: 02:00 jumps to 03:00
    slots = derive([template("01:00", "04:00", 60, weekday=7)], start=sunday, days=1, time_zone="Europe/Berlin",
                   school_days=(7,))
    assert offered(slots, berlin) == ["03-30 01:00-03:00", "03-30 03:00-04:00"]  # 02:00 does not exist
    assert [s.starts_at for s in slots] == [datetime(2025, 3, 30, 0, 0, tzinfo=UTC),
                                            datetime(2025, 3, 30, 1, 0, tzinfo=UTC)]
    assert all(s.ends_at - s.starts_at == timedelta(hours=1) for s in slots)  # a session lasts an hour of real time


def test_berlin_fall_back_uses_the_first_of_the_repeated_hour():
    berlin = ZoneInfo("Europe/Berlin")
    sunday = date(2025, 10, 26)  # 03:00 goes back to 02:00
    slots = derive([template("02:00", "03:00", 30, weekday=7)], start=sunday, days=1, time_zone="Europe/Berlin",
                   school_days=(7,))
    assert [s.starts_at for s in slots] == [datetime(2025, 10, 26, 0, 0, tzinfo=UTC),
                                            datetime(2025, 10, 26, 0, 30, tzinfo=UTC)]
    assert offered(slots, berlin) == ["10-26 02:00-02:30", "10-26 02:30-02:00"]  # the second ends in the repeat


def test_berlin_wall_time_on_an_ordinary_day():
    [slot] = derive([template("12:00", "13:00")], time_zone="Europe/Berlin")
    assert slot.starts_at == datetime(2025, 3, 3, 11, 0, tzinfo=UTC)


# Opening hours against policy


def test_five_hour_minimum_with_lunch_and_after_school_hours():
    # Each school day: 12:00–12:50 and 15:40–16:30 (16:40 would end after 17:10): 2 × 50 = 100 minutes;
    # Monday–Friday: 500 minutes (buffers not counted), 8 h 20 min ≥ 5 h.
    templates = [*every_day("12:00", "13:00", 50, 10), *every_day("15:40", "17:10", 50, 10)]
    assert weekly_open_minutes(templates, school_days=WEEKDAYS) == 500
    check = hours_check(templates, school_days=WEEKDAYS, school_minutes_per_week=8 * 45 * 5)
    assert (check.open_minutes, check.minimum_minutes, check.meets_minimum) == (500, 300, True)


def test_lunch_hours_alone_miss_the_five_hour_minimum():
    check = hours_check(every_day("12:00", "13:00", 50, 10), school_days=WEEKDAYS, school_minutes_per_week=1800)
    assert (check.open_minutes, check.meets_minimum) == (250, False)


def test_weekend_templates_and_overlaps_do_not_inflate_the_hours():
    templates = [
        template("12:00", "13:00", weekday=1, counsellor=WANG),
        template("12:00", "13:00", weekday=1, counsellor=LI),  # same room, same time: counted once
        template("12:00", "13:00", weekday=6),  # Saturday is not a school day
        template("12:00", "13:00", weekday=1, room=OTHER_ROOM),  # another room counts
    ]
    assert weekly_open_minutes(templates, school_days=WEEKDAYS) == 100


def test_share_of_school_time():
    templates = [*every_day("12:00", "13:00", 50, 10), *every_day("15:40", "17:10", 50, 10)]  # 500 minutes
    short = hours_check(templates, school_days=WEEKDAYS, school_minutes_per_week=8 * 45 * 5)  # 1800
    assert short.school_minutes == 1800
    assert short.share == pytest.approx(500 / 1800) and not short.meets_share
    half = hours_check(templates, school_days=WEEKDAYS, school_minutes_per_week=1000)
    assert half.share == pytest.approx(0.5) and half.meets_share
    unset = hours_check(templates, school_days=WEEKDAYS, school_minutes_per_week=0)
    assert unset.share == 0.0 and not unset.meets_share and unset.meets_minimum


def test_no_templates_meet_nothing():
    check = hours_check([], school_days=WEEKDAYS, school_minutes_per_week=1800)
    assert (check.open_minutes, check.meets_minimum, check.share, check.meets_share) == (0, False, 0.0, False)


# Validation


def test_a_sensible_template_passes():
    check_template(template("12:00", "13:00", 50, 10))
    check_template(template("00:00", "24:00", 1439, 240, weekday=7))


@pytest.mark.parametrize(("changes", "key", "field", "params"), [
    ({"slot_minutes": 0}, "room.slot_length", "slotMinutes", {"max": 1440}),
    ({"slot_minutes": 1440, "start_minute": 0, "end_minute": 1440}, "room.slot_length", "slotMinutes", {"max": 1440}),
    ({"slot_minutes": 2000}, "room.slot_length", "slotMinutes", {"max": 1440}),
    ({"start_minute": 780, "end_minute": 720}, "room.bad_window", "endMinute", {}),
    ({"start_minute": 720, "end_minute": 720}, "room.bad_window", "endMinute", {}),
    ({"start_minute": -10}, "room.bad_window", "endMinute", {}),
    ({"end_minute": 1441}, "room.bad_window", "endMinute", {}),
    ({"buffer_minutes": -1}, "field.out_of_range", "bufferMinutes", {"min": 0, "max": 240}),
    ({"buffer_minutes": 241}, "field.out_of_range", "bufferMinutes", {"min": 0, "max": 240}),
    ({"weekday": 0}, "field.out_of_range", "weekday", {"min": 1, "max": 7}),
    ({"weekday": 8}, "field.out_of_range", "weekday", {"min": 1, "max": 7}),
    ({"slot_minutes": 61}, "room.window_too_short", "endMinute", {}),
])
def test_template_errors(changes, key, field, params):
    good = template("12:00", "13:00", 50, 10)
    bad = Template(**{**good.__dict__, **changes})
    with pytest.raises(Invalid) as caught:
        check_template(bad)
    assert (caught.value.key, caught.value.field, caught.value.params) == (key, field, params)
    with pytest.raises(Invalid) as caught:
        check_template(bad, field_prefix="templates.3.")
    assert caught.value.field == f"templates.3.{field}"


def test_overlapping_templates_in_one_room_are_refused():
    with pytest.raises(Invalid) as caught:
        check_no_overlap([template("12:00", "13:00", weekday=2, counsellor=WANG),
                          template("12:50", "14:00", weekday=2, counsellor=LI)])
    assert (caught.value.key, caught.value.field) == ("room.templates_overlap", "templates")
    assert caught.value.params == {"weekday": 2, "day": "weekday.2"}
    from shouhu.i18n import translate

    assert translate(caught.value.key, "zh-CN", **caught.value.params) == "星期二的开放时间与已有时间重叠。"
    assert translate(caught.value.key, "en", **caught.value.params) == "The opening hours on Tuesday overlap existing ones."
    with pytest.raises(Invalid, match="room.templates_overlap"):  # one window inside another, same counsellor
        check_no_overlap([template("09:00", "17:00", weekday=3), template("13:00", "14:00", weekday=3),
                          template("15:00", "16:00", weekday=3)])


def test_touching_windows_other_days_and_other_rooms_may_coexist():
    check_no_overlap([
        template("12:00", "13:00", weekday=1), template("13:00", "14:00", weekday=1, counsellor=LI),
        template("12:00", "13:00", weekday=2), template("12:00", "13:00", weekday=1, room=OTHER_ROOM),
    ])
    check_no_overlap([])
