"""How SQLite receives a time: every aware datetime as UTC text in the format of the stored rows,
so that comparing the text (all SQLite can do) compares the instants."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from shouhu.db import sqlite_time_text

SHANGHAI = ZoneInfo("Asia/Shanghai")


def test_sqlite_receives_every_aware_time_as_utc_in_the_stored_format():
    moment = datetime(2026, 11, 23, 0, 30, tzinfo=SHANGHAI)
    assert sqlite_time_text(moment) == "2026-11-22 16:30:00+00:00"
    assert sqlite_time_text(moment.astimezone(UTC)) == "2026-11-22 16:30:00+00:00"
    assert sqlite_time_text(datetime(2026, 11, 22, 16, 30, 0, 500, tzinfo=UTC)) == "2026-11-22 16:30:00.000500+00:00"
    assert sqlite_time_text(datetime(2026, 11, 22, 16, 30)) == "2026-11-22 16:30:00"  # naive: left alone


def test_ordering_the_text_orders_the_instants():
    rng = random.Random(9)
    offsets = [timezone(timedelta(hours=h, minutes=m)) for h, m in ((8, 0), (0, 0), (-5, 0), (5, 30), (-9, -30))]
    base = datetime(2026, 3, 29, 0, 0, tzinfo=UTC)
    moments = []
    for _ in range(2000):
        moment = base + timedelta(seconds=rng.randint(-200_000, 200_000))
        if rng.random() < 0.5:  # half without a fraction: those are written without one
            moment += timedelta(microseconds=rng.randint(1, 999_999))
        moments.append(moment.astimezone(rng.choice(offsets)))
    moments += [base, base + timedelta(microseconds=1), base - timedelta(microseconds=1)]
    by_text = sorted(moments, key=sqlite_time_text)
    assert by_text == sorted(moments)
    assert [sqlite_time_text(m) for m in by_text] == sorted(sqlite_time_text(m) for m in moments)
