"""The reminder rules, run by the dispatcher every half minute for every school.

The scheduler acts for the system, not for a signed-in person: it reads only ids, dates and counts
(who is assigned to whom, whether an entry exists today) to decide who gets which reminder, and
the reminders it writes carry counts, never a name or a detail. Daily rules run once per school
and local date (a `RuleRun` row, unique, written in the same transaction as the reminders);
event-like rules (a booking in the next hour, an alert left unacknowledged) are made unique by the
notification's key.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Awaitable, Callable
from datetime import date, datetime, timedelta
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from shouhu.accounts.models import StaffRole, StaffRoleKind
from shouhu.alerts.models import Alert
from shouhu.auth import throttle
from shouhu.care.models import CareCase, CaseStatus, RotaAssignment, SchoolPeriod, TeamMember, TeamRole
from shouhu.counselling.models import Booking, BookingStatus
from shouhu.entries.models import CheckIn, HomeLog
from shouhu.notify import rules
from shouhu.notify.models import Delivery, DeliveryStatus, Notification, RuleRun
from shouhu.notify.rules import Kind, SchoolClock
from shouhu.notify.services import notify, notify_webhooks, school_clocks
from shouhu.schools import calendar
from shouhu.schools.models import Guardianship, School

logger = logging.getLogger("shouhu.reminders")

INTERVAL_SECONDS = 30
PRUNE_SECONDS = 3600
DELIVERY_KEPT = timedelta(days=30)  # finished deliveries: long enough to answer "did it go out?"
READ_KEPT = timedelta(days=180)  # read inbox entries
HOME = "/"
BOARD = "/board"
BOOKINGS = "/counselling/book"

Rule = Callable[[School, SchoolClock, date, datetime, BaseDBAsyncClient], Awaitable[int]]


def student_page(student_id: UUID) -> str:
    return f"/students/{student_id}"


async def _active_cases(school: School, connection: BaseDBAsyncClient) -> list[tuple[UUID, UUID, UUID | None]]:
    """(case, student, lead) of the school's active cases."""
    return await CareCase.filter(school_id=school.id, status=CaseStatus.ACTIVE).using_db(connection).values_list(
        "id", "student_id", "lead_id"
    )


async def _send(school: School, clock: SchoolClock, digests: list[rules.Digest], day: date, now: datetime,
                connection) -> int:
    """Each digest as one notification to its person, once for the day."""
    sent = 0
    for digest in digests:
        sent += len(await notify(school_id=school.id, recipients=[digest.recipient_id], kind=digest.kind,
                                 event=day.isoformat(), count=digest.count, target=HOME, at=now, clock=clock,
                                 connection=connection))
    return sent


async def mentor_check_ins(school: School, clock: SchoolClock, day: date, now: datetime, connection) -> int:
    """15:30: each mentor hears how many of their students still need today's check-in."""
    cases = {case: student for case, student, _ in await _active_cases(school, connection)}
    members = await TeamMember.filter(case_id__in=list(cases), role=TeamRole.MENTOR).using_db(connection).values_list(
        "account_id", "case_id"
    )
    assignments: dict[UUID, set[UUID]] = defaultdict(set)
    for account, case in members:
        assignments[account].add(cases[case])
    done = await CheckIn.filter(school_id=school.id, school_date=day).using_db(connection).values_list(
        "author_id", "student_id"
    )
    return await _send(school, clock, rules.check_ins_digests(assignments, done, clock=clock, now=now), day, now, connection)


async def guardian_home_logs(school: School, clock: SchoolClock, day: date, now: datetime, connection) -> int:
    """20:30: each guardian hears whether tonight's home log is still missing. Tonight is the evening
    a log written now is for (the same as the parent's form), whatever time the school sets."""
    evening = calendar.log_evening(now, clock.time_zone)
    students = {student for _, student, _ in await _active_cases(school, connection)}
    pairs = await Guardianship.filter(student_id__in=list(students)).using_db(connection).values_list(
        "guardian_id", "student_id"
    )
    guardians: dict[UUID, set[UUID]] = defaultdict(set)
    for guardian, student in pairs:
        guardians[guardian].add(student)
    logged = set(
        await HomeLog.filter(school_id=school.id, log_date=evening).using_db(connection).values_list("student_id", flat=True)
    )
    # A log by either parent counts for both.
    done = [(guardian, student) for guardian, student in pairs if student in logged]
    return await _send(school, clock, rules.home_log_reminders(guardians, done, clock=clock, now=now), day, now, connection)


async def lead_digest(school: School, clock: SchoolClock, day: date, now: datetime, connection) -> int:
    """17:00: each lead hears how many of their students had no check-in today, and how many rota
    periods are uncovered tomorrow; the school's robots hear the totals."""
    cases = await _active_cases(school, connection)
    checked = set(
        await CheckIn.filter(school_id=school.id, school_date=day).using_db(connection).values_list("student_id", flat=True)
    )
    missing: dict[UUID, int] = defaultdict(int)
    for _, student, lead in cases:
        if lead and student not in checked:
            missing[lead] += 1
    gaps: dict[UUID, int] = defaultdict(int)
    tomorrow = day + timedelta(days=1)
    if rules.is_school_day(clock, tomorrow):
        periods = await SchoolPeriod.filter(school_id=school.id).using_db(connection).values_list("id", flat=True)
        covered = set(
            await RotaAssignment.filter(school_id=school.id, weekday=tomorrow.isoweekday())
            .using_db(connection)
            .values_list("case_id", "period_id")
        )
        for case, _, lead in cases:
            if lead:
                gaps[lead] += sum(1 for period in periods if (case, period) not in covered)
    sent = 0
    for kind, counts in ((Kind.MISSING_CHECK_INS, missing), (Kind.ROTA_GAPS, gaps)):
        digests = [rules.Digest(lead, kind, count, "") for lead, count in counts.items() if count]
        sent += await _send(school, clock, digests, day, now, connection)
        await notify_webhooks(school_id=school.id, kind=kind, event=day.isoformat(), count=sum(counts.values()),
                              at=now, clock=clock, connection=connection)
    return sent


DAILY: tuple[tuple[Kind, str, Rule], ...] = (
    (Kind.CHECK_INS_DUE, "mentor_reminder", mentor_check_ins),
    (Kind.HOME_LOG_DUE, "guardian_reminder", guardian_home_logs),
    (Kind.MISSING_CHECK_INS, "lead_digest", lead_digest),
)


async def bookings_soon(now: datetime, clocks: dict[UUID, SchoolClock]) -> int:
    """A student hears of a booking starting within the hour, once."""
    soon = await Booking.filter(
        status=BookingStatus.BOOKED, starts_at__gt=now, starts_at__lte=now + timedelta(minutes=60),
        student__account_id__not_isnull=True,
    ).values_list("id", "school_id", "starts_at", "student__account_id")
    due = set(rules.booking_soon([(b, s) for b, _, s, _ in soon], now=now, window=timedelta(minutes=60)))
    sent = 0
    for booking, school, _, account in soon:
        if booking in due:
            try:
                sent += len(await notify(school_id=school, recipients=[account], kind=Kind.BOOKING_SOON,
                                         event=str(booking), target=BOOKINGS, at=now, clock=clocks.get(school)))
            except IntegrityError:
                continue  # another worker reminded this booking a moment ago
    return sent


async def escalate_alerts(now: datetime, schools: list[School], clocks: dict[UUID, SchoolClock]) -> int:
    """An alert unacknowledged past the school's limit is repeated to the lead and escalated to
    the school's leadership (and its robots), once."""
    limits = {school.id: school.escalate_after_minutes for school in schools}
    shortest = min(limits.values(), default=30)
    open_alerts = await Alert.filter(
        acknowledged_at=None, raised_at__lte=now - timedelta(minutes=shortest), raised_at__gte=now - timedelta(days=1)
    ).values_list("id", "school_id", "student_id", "raised_at", "case__lead_id")
    if not open_alerts:
        return 0
    leaders: dict[UUID, list[UUID]] = defaultdict(list)
    for account, school in await StaffRole.filter(
        school_id__in=list({a[1] for a in open_alerts}), kind=StaffRoleKind.ADMIN
    ).values_list("account_id", "school_id"):
        leaders[school].append(account)
    sent = 0
    for alert, school, student, raised_at, lead in open_alerts:
        after = timedelta(minutes=limits.get(school, 30))
        if not rules.escalations([(alert, raised_at, None)], now=now, after=after):
            continue
        try:
            async with in_transaction() as connection:
                recipients = ([lead] if lead else []) + leaders[school]
                sent += len(await notify(school_id=school, recipients=recipients, kind=Kind.ALERT_UNACKNOWLEDGED,
                                         event=str(alert), target=student_page(student), at=now,
                                         clock=clocks.get(school), connection=connection))
                await notify_webhooks(school_id=school, kind=Kind.ALERT_UNACKNOWLEDGED, event=str(alert), at=now,
                                      clock=clocks.get(school), connection=connection)
        except IntegrityError:
            continue  # another worker escalated this alert a moment ago
    return sent


async def _daily(school: School, clock: SchoolClock, now: datetime, ran: set[tuple[UUID, str, date]]) -> int:
    day = now.astimezone(clock.tz).date()
    sent = 0
    for kind, at_field, rule in DAILY:
        if (school.id, kind.value, day) in ran or not rules.due_today(clock, getattr(clock, at_field), now):
            continue
        try:
            async with in_transaction() as connection:
                await RuleRun.create(school_id=school.id, rule=kind.value, day=day, ran_at=now, using_db=connection)
                sent += await rule(school, clock, day, now, connection)
        except IntegrityError:
            continue  # another worker ran this rule for this school and day
    return sent


async def tick(now: datetime) -> int:
    """Run every rule that is due; the number of notifications created. Schools, their holidays
    and the day's rule runs are read once per tick, whatever the number of schools."""
    schools = await School.all()
    clocks = await school_clocks(schools)
    days = {now.astimezone(clock.tz).date() for clock in clocks.values()}
    ran = set(await RuleRun.filter(school_id__in=[s.id for s in schools], day__in=days).values_list(
        "school_id", "rule", "day"
    ))
    sent = 0
    for school in schools:
        try:
            sent += await _daily(school, clocks[school.id], now, ran)
        except Exception:  # noqa: BLE001 — one school's failure must not stop the others
            logger.exception("daily reminders failed for a school")
    sent += await bookings_soon(now, clocks)
    sent += await escalate_alerts(now, schools, clocks)
    return sent


async def prune(now: datetime) -> tuple[int, int]:
    """Forget finished deliveries after 30 days and read notifications after 180 (unread ones stay):
    an inbox is for what is current, and less kept is less to leak. Rule runs go after a week (only
    today's are looked at), sign-in throttle records once nothing in them counts any more.
    Returns (deliveries, notifications)."""
    await RuleRun.filter(ran_at__lt=now - timedelta(days=7)).delete()
    await throttle.prune(now)
    deliveries = await Delivery.filter(
        status__in=[DeliveryStatus.SENT, DeliveryStatus.FAILED, DeliveryStatus.GONE], due_at__lt=now - DELIVERY_KEPT
    ).delete()
    notifications = await Notification.filter(read_at__lt=now - READ_KEPT).delete()
    return deliveries, notifications

