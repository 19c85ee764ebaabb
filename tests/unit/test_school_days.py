"""School-time days as windows of instants, and the evening a home log is for: in the school's zone
and across clock changes, never assuming UTC+8."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from shouhu.errors import Invalid
from shouhu.schools.calendar import OutOfRange, asked_window, day_window, local_date, log_evening

SHANGHAI = ZoneInfo("Asia/Shanghai")
LONDON = ZoneInfo("Europe/London")


def test_a_shanghai_day_starts_at_16_00_utc_the_day_before():
    start, end = day_window(date(2026, 11, 23), 1, "Asia/Shanghai")
    assert start == datetime(2026, 11, 22, 16, 0, tzinfo=UTC) and start.tzinfo is UTC
    assert end == datetime(2026, 11, 23, 16, 0, tzinfo=UTC)
    assert day_window(date(2026, 11, 23), 7, "Asia/Shanghai")[1] == datetime(2026, 11, 29, 16, 0, tzinfo=UTC)  # 30th, 00:00


@pytest.mark.parametrize(
    "day, hours",
    [(date(2026, 3, 28), 24), (date(2026, 3, 29), 23), (date(2026, 10, 25), 25), (date(2026, 10, 26), 24)],
)
def test_a_london_day_is_23_or_25_hours_when_the_clocks_change(day, hours):
    start, end = day_window(day, 1, "Europe/London")
    assert end - start == timedelta(hours=hours)
    assert start.astimezone(LONDON).replace(tzinfo=None) == datetime.combine(day, datetime.min.time())


@pytest.mark.parametrize("zone", ["Asia/Shanghai", "Europe/London", "America/Santiago", "Asia/Beirut", "Pacific/Apia"])
def test_day_windows_tile_the_year_and_each_holds_exactly_its_local_day(zone):
    # Santiago and Beirut have changed their clocks at midnight; Apia skipped a whole day in 2011.
    for year in (2011, 2026):
        day = date(year, 1, 1)
        previous_end = None
        while day.year == year:
            start, end = day_window(day, 1, zone)
            if previous_end is not None:
                assert start == previous_end, day
            if start < end:
                assert local_date(start, zone) == day and local_date(end - timedelta(microseconds=1), zone) == day
            assert local_date(start - timedelta(microseconds=1), zone) < day
            previous_end = end
            day += timedelta(days=1)


def test_many_days_are_the_one_day_windows_end_to_end():
    first = date(2026, 3, 27)
    start, end = day_window(first, 5, "Europe/London")
    ones = [day_window(first + timedelta(days=n), 1, "Europe/London") for n in range(5)]
    assert (start, end) == (ones[0][0], ones[-1][1])
    assert all(a[1] == b[0] for a, b in zip(ones, ones[1:]))


def test_no_window_of_no_day_nor_beyond_the_calendar():
    with pytest.raises(OutOfRange):
        day_window(date(2026, 1, 1), 0, "Asia/Shanghai")
    with pytest.raises(OutOfRange):
        day_window(date(1, 1, 1), 1, "Asia/Shanghai")  # its midnight is in year 0, UTC
    with pytest.raises(OutOfRange):
        day_window(date(9999, 12, 31), 1, "Europe/London")


@pytest.mark.parametrize(
    "first, days, key",
    [(date(2026, 1, 1), 0, "dates.bad_days"), (date(2026, 1, 1), 32, "dates.bad_days"),
     (date(2026, 1, 1), -3, "dates.bad_days"), (date(1, 1, 1), 1, "dates.out_of_range")],
)
def test_a_window_someone_asked_for_out_of_range_is_their_translated_mistake(first, days, key):
    with pytest.raises(Invalid) as refused:
        asked_window(first, days, "Asia/Shanghai", 31)
    assert refused.value.key == key
    assert asked_window(date(2026, 1, 1), 31, "Asia/Shanghai", 31)[0] == datetime(2025, 12, 31, 16, tzinfo=UTC)


@pytest.mark.parametrize(
    "local, evening",
    [((2026, 11, 26, 0, 0), (2026, 11, 25)), ((2026, 11, 26, 0, 30), (2026, 11, 25)),
     ((2026, 11, 26, 4, 59), (2026, 11, 25)), ((2026, 11, 26, 5, 0), (2026, 11, 26)),
     ((2026, 11, 26, 7, 59), (2026, 11, 26)), ((2026, 11, 26, 20, 30), (2026, 11, 26)),
     ((2026, 11, 26, 23, 59), (2026, 11, 26))],
)
def test_after_midnight_and_until_05_00_the_home_log_is_for_the_evening_before(local, evening):
    moment = datetime(*local, tzinfo=SHANGHAI)
    assert log_evening(moment, "Asia/Shanghai") == date(*evening)
    assert log_evening(moment.astimezone(UTC), "Asia/Shanghai") == date(*evening)  # whatever zone the moment is in


def test_the_evening_follows_the_schools_zone_not_utc():
    # 00:30 in London on the night the clocks go forward is 00:30 UTC; 01:30 local does not exist, 02:30 BST is 01:30 UTC.
    assert log_evening(datetime(2026, 3, 29, 0, 30, tzinfo=UTC), "Europe/London") == date(2026, 3, 28)
    assert log_evening(datetime(2026, 3, 29, 4, 30, tzinfo=UTC), "Europe/London") == date(2026, 3, 29)  # 05:30 BST
    assert log_evening(datetime(2026, 3, 29, 3, 30, tzinfo=UTC), "Europe/London") == date(2026, 3, 28)  # 04:30 BST
    # The same instant is already the next morning in Shanghai.
    assert log_evening(datetime(2026, 3, 29, 0, 30, tzinfo=UTC), "Asia/Shanghai") == date(2026, 3, 29)
