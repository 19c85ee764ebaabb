"""When reminders are due and when they may be delivered.

Pure rules: no database and no clock. The caller passes `now` (aware) and a `SchoolClock`, so
the same inputs always give the same answers. Times of day (reminder times, quiet hours) are
wall times in the school's time zone; every datetime returned is aware UTC.

Quiet hours (default 22:00-07:00, may wrap midnight) delay everything except crisis alerts and
their unacknowledged repeats. Routine reminders fire only on school days.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from uuid import UUID
from zoneinfo import ZoneInfo

from shouhu.schools.calendar import zone

LOOKAHEAD_DAYS = 14  # next_daily gives up when no school day falls within this many days
TOPIC_LENGTH = 32  # RFC 8030: a Topic is at most 32 characters of the URL-safe base64 alphabet


class Kind(StrEnum):
    CHECK_INS_DUE = "check_ins_due"
    HOME_LOG_DUE = "home_log_due"
    BOOKING_SOON = "booking_soon"
    BOOKING_CHANGED = "booking_changed"
    CRISIS_ALERT = "crisis_alert"
    ALERT_UNACKNOWLEDGED = "alert_unacknowledged"
    MISSING_CHECK_INS = "missing_check_ins"
    ROTA_GAPS = "rota_gaps"
    TEST = "test"  # asked for by the person on the settings screen


URGENT = frozenset({Kind.CRISIS_ALERT, Kind.ALERT_UNACKNOWLEDGED})  # high urgency, cannot be turned off
IMMEDIATE = URGENT | {Kind.TEST}  # ignore quiet hours


@dataclass(frozen=True)
class SchoolClock:
    """What the rules need to know of a school."""

    time_zone: str  # e.g. "Asia/Shanghai"; an unknown name falls back to Asia/Shanghai
    school_days: frozenset[int]  # ISO weekdays: 1 = Monday ... 7 = Sunday
    non_school_dates: frozenset[date] = frozenset()
    quiet_start: time = time(22, 0)  # quiet hours, local time; may wrap midnight; start == end: none
    quiet_end: time = time(7, 0)
    mentor_reminder: time = time(15, 30)
    guardian_reminder: time = time(20, 30)
    lead_digest: time = time(17, 0)

    @property
    def tz(self) -> ZoneInfo:
        return zone(self.time_zone)


@dataclass(frozen=True)
class Digest:
    """One notification for one person, counting what is due (never naming a student)."""

    recipient_id: UUID
    kind: Kind
    count: int
    topic: str  # stable per (kind, recipient, local date): a newer push replaces an older one


def _aware(moment: datetime) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError("datetime must be timezone-aware")
    return moment


def _local(clock: SchoolClock, moment: datetime) -> datetime:
    return _aware(moment).astimezone(clock.tz)


def _wall_to_utc(clock: SchoolClock, day: date, at: time) -> datetime:
    """The local wall time `at` on `day` as UTC (a time skipped by a DST jump lands just after it)."""
    return datetime.combine(day, at.replace(tzinfo=None), tzinfo=clock.tz).astimezone(UTC)


def is_school_day(clock: SchoolClock, day: date) -> bool:
    return day.isoweekday() in clock.school_days and day not in clock.non_school_dates


def in_quiet_hours(clock: SchoolClock, moment: datetime) -> bool:
    start, end = clock.quiet_start, clock.quiet_end
    if start == end:
        return False
    t = _local(clock, moment).time().replace(tzinfo=None)
    if start < end:
        return start <= t < end
    return t >= start or t < end  # wraps midnight


def deliver_at(clock: SchoolClock, kind: Kind, wanted: datetime) -> datetime:
    """When a notification wanted at `wanted` may be delivered (UTC)."""
    wanted = _aware(wanted)
    if kind in IMMEDIATE or not in_quiet_hours(clock, wanted):
        return wanted.astimezone(UTC)
    local = _local(clock, wanted)
    day = local.date()
    t = local.time().replace(tzinfo=None)
    if clock.quiet_start > clock.quiet_end and t >= clock.quiet_start:
        day += timedelta(days=1)  # late evening: quiet hours end tomorrow morning
    return _wall_to_utc(clock, day, clock.quiet_end)


def next_daily(clock: SchoolClock, at: time, now: datetime) -> datetime | None:
    """The next local `at` on a school day at or after `now` (UTC), or None within LOOKAHEAD_DAYS."""
    now = _aware(now)
    first = _local(clock, now).date()
    for offset in range(LOOKAHEAD_DAYS + 1):
        day = first + timedelta(days=offset)
        if not is_school_day(clock, day):
            continue
        moment = _wall_to_utc(clock, day, at)
        if moment >= now:
            return moment
    return None


def due_today(clock: SchoolClock, at: time, now: datetime) -> bool:
    """Today (local) is a school day and `now` is at or after today's local `at`."""
    day = _local(clock, now).date()
    return is_school_day(clock, day) and _aware(now) >= _wall_to_utc(clock, day, at)


def topic(kind: Kind, recipient_id: UUID, day: date) -> str:
    """A Web Push Topic: 32 URL-safe base64 characters, stable per (kind, recipient, local date)."""
    digest = hashlib.sha256(f"{kind.value}:{recipient_id}:{day.isoformat()}".encode()).digest()
    return base64.urlsafe_b64encode(digest).decode("ascii")[:TOPIC_LENGTH]


def _digests(
    kind: Kind,
    at: time,
    wanted: Mapping[UUID, Collection[UUID]],
    done: Collection[tuple[UUID, UUID]],
    clock: SchoolClock,
    now: datetime,
) -> list[Digest]:
    if not due_today(clock, at, now):
        return []
    day = _local(clock, now).date()
    done_pairs = set(done)
    out: list[Digest] = []
    for recipient, subjects in wanted.items():
        count = sum(1 for s in set(subjects) if (recipient, s) not in done_pairs)
        if count:
            out.append(Digest(recipient, kind, count, topic(kind, recipient, day)))
    return out


def check_ins_digests(
    assignments: Mapping[UUID, Collection[UUID]],
    done_today: Collection[tuple[UUID, UUID]],
    *,
    clock: SchoolClock,
    now: datetime,
) -> list[Digest]:
    """Mentor rule: one digest per mentor counting assigned students not yet checked in today,
    from `clock.mentor_reminder` on a school day. `done_today` holds (mentor, student) pairs."""
    return _digests(Kind.CHECK_INS_DUE, clock.mentor_reminder, assignments, done_today, clock, now)


def home_log_reminders(
    guardians: Mapping[UUID, Collection[UUID]],
    logged_tonight: Collection[tuple[UUID, UUID]],
    *,
    clock: SchoolClock,
    now: datetime,
) -> list[Digest]:
    """Guardian rule: one digest per guardian counting children with a care case and no home log
    tonight, from `clock.guardian_reminder` on a school day. `logged_tonight` holds (guardian, child)."""
    return _digests(Kind.HOME_LOG_DUE, clock.guardian_reminder, guardians, logged_tonight, clock, now)


def escalations(
    alerts: Sequence[tuple[UUID, datetime, datetime | None]],
    *,
    now: datetime,
    after: timedelta = timedelta(minutes=30),
    already: Collection[UUID] = (),
) -> list[UUID]:
    """Alerts (id, raised_at, acknowledged_at) unacknowledged for at least `after` and not yet
    escalated (`already`): each alert escalates once."""
    now = _aware(now)
    seen = set(already)
    return [
        alert_id
        for alert_id, raised_at, acknowledged_at in alerts
        if acknowledged_at is None and alert_id not in seen and now - _aware(raised_at) >= after
    ]


def booking_soon(
    bookings: Sequence[tuple[UUID, datetime]],
    *,
    now: datetime,
    lead: timedelta = timedelta(minutes=60),
    window: timedelta = timedelta(minutes=5),
) -> list[UUID]:
    """Bookings (id, starts_at) whose reminder moment `starts_at - lead` lies in (now - window, now]:
    run every `window` and each booking is reminded exactly once."""
    now = _aware(now)
    return [
        booking_id
        for booking_id, starts_at in bookings
        if now - window < _aware(starts_at) - lead <= now
    ]
