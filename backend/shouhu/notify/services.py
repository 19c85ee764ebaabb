"""Creating notifications: the inbox copy for each recipient and a delivery per channel.

`notify()` is called in the same transaction as the event it reports (a crisis alert, a moved
booking) or by the scheduler. Each notification has a unique key, so an event or a daily
reminder reaches a person once however often it is reported. Quiet hours delay the push and
webhook deliveries, never the inbox copy.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, time, timedelta
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient

from shouhu.accounts.models import Account
from shouhu.clock import utcnow
from shouhu.counselling.models import NonSchoolDay
from shouhu.i18n import DEFAULT_LOCALE
from shouhu.notify.models import (
    Channel,
    Delivery,
    Notification,
    NotificationPreference,
    PushSubscription,
    SchoolWebhook,
)
from shouhu.notify.rules import IMMEDIATE, URGENT, Kind, SchoolClock, deliver_at, topic
from shouhu.schools import calendar
from shouhu.schools.models import School

# Kinds a person may turn off; crisis alerts and their escalation cannot be.
MUTABLE = frozenset(Kind) - URGENT - {Kind.TEST}
# Kinds a school's chat robots may receive (school-level events, counts only).
WEBHOOK_KINDS = (Kind.CRISIS_ALERT, Kind.ALERT_UNACKNOWLEDGED, Kind.MISSING_CHECK_INS, Kind.ROTA_GAPS)
MAX_TTL = timedelta(hours=24)


def _minutes(value: int) -> time:
    return time(value // 60 % 24, value % 60)


async def school_clocks(schools: Iterable[School], connection: BaseDBAsyncClient | None = None) -> dict[UUID, SchoolClock]:
    """Each school's clock (its time zone, days, holidays and reminder times), in one query."""
    schools = list(schools)
    closed: dict[UUID, set] = defaultdict(set)
    for school_id, day in await NonSchoolDay.filter(school_id__in=[s.id for s in schools]).using_db(
        connection
    ).values_list("school_id", "day"):
        closed[school_id].add(day)
    return {
        school.id: SchoolClock(
            time_zone=school.time_zone,
            school_days=frozenset(school.school_days or []),
            non_school_dates=frozenset(closed[school.id]),
            quiet_start=_minutes(school.quiet_start_minute),
            quiet_end=_minutes(school.quiet_end_minute),
            mentor_reminder=_minutes(school.mentor_reminder_minute),
            guardian_reminder=_minutes(school.guardian_reminder_minute),
            lead_digest=_minutes(school.lead_digest_minute),
        )
        for school in schools
    }


async def _clock_of(school_id: UUID | None, connection: BaseDBAsyncClient | None) -> SchoolClock:
    """The school's clock; without a school (district staff) every day counts and Shanghai time applies."""
    school = await School.get_or_none(id=school_id).using_db(connection) if school_id else None
    if school is None:
        return SchoolClock("Asia/Shanghai", frozenset(range(1, 8)))
    return (await school_clocks([school], connection))[school.id]


def expires_at(clock: SchoolClock, kind: Kind, at: datetime) -> datetime:
    """After this a push is pointless (the inbox copy stays): a day's reminder ends with the day."""
    today = at.astimezone(clock.tz).date()
    if kind in (Kind.CHECK_INS_DUE, Kind.HOME_LOG_DUE, Kind.MISSING_CHECK_INS):
        return calendar.day_window(today, 1, clock.time_zone)[1]
    if kind is Kind.ROTA_GAPS:  # tomorrow's gaps: until tomorrow ends (school time, 23 or 25 hours on a change)
        return calendar.day_window(today, 2, clock.time_zone)[1]
    if kind is Kind.BOOKING_SOON:
        return at + timedelta(hours=1)
    return at + MAX_TTL


async def _muted(recipients: list[UUID], connection: BaseDBAsyncClient | None) -> dict[UUID, set[str]]:
    rows = await NotificationPreference.filter(account_id__in=recipients).using_db(connection).values_list(
        "account_id", "muted_kinds"
    )
    return {account: set(kinds or []) for account, kinds in rows}


async def notify(
    *,
    school_id: UUID | None,
    recipients: Iterable[UUID],
    kind: Kind,
    event: str,
    count: int = 1,
    target: str = "/",
    at: datetime | None = None,
    clock: SchoolClock | None = None,
    connection: BaseDBAsyncClient | None = None,
) -> list[Notification]:
    """One inbox notification per recipient (unless they turned the kind off) and one push
    delivery per device. `event` names the occasion (an alert id, a local date): the same
    (kind, event, recipient) is notified once. A caller that has the school's `clock` passes it.
    Returns the notifications created now."""
    wanted = list(dict.fromkeys(recipients))
    if not wanted or count < 1:
        return []
    now = at or utcnow()
    if kind in MUTABLE:
        muted = await _muted(wanted, connection)
        wanted = [r for r in wanted if kind.value not in muted.get(r, set())]
    keys = {r: f"{kind.value}:{event}:{r}" for r in wanted}
    existing = set(
        await Notification.filter(key__in=list(keys.values())).using_db(connection).values_list("key", flat=True)
    )
    wanted = [r for r in wanted if keys[r] not in existing]
    if not wanted:
        return []
    clock = clock or await _clock_of(school_id, connection)
    due = deliver_at(clock, kind, now)
    expiry = expires_at(clock, kind, now)
    local_day = now.astimezone(clock.tz).date()
    notifications = [
        Notification(
            school_id=school_id, recipient_id=r, kind=kind.value, count=count, target=target, key=keys[r],
            urgent=kind in URGENT, created_at=now,
        )
        for r in wanted
    ]
    await Notification.bulk_create(notifications, using_db=connection)
    if due < expiry:
        devices = await PushSubscription.filter(account_id__in=wanted).using_db(connection).values_list(
            "id", "account_id"
        )
        locales = dict(await Account.filter(id__in=wanted).using_db(connection).values_list("id", "locale"))
        by_recipient = {n.recipient_id: n for n in notifications}
        deliveries = [
            Delivery(
                channel=Channel.PUSH, notification_id=by_recipient[account].id, subscription_id=device,
                kind=kind.value, count=count, locale=locales.get(account) or DEFAULT_LOCALE,
                urgent=kind in URGENT, topic=topic(kind, account, local_day) if kind not in IMMEDIATE else "",
                key=f"push:{by_recipient[account].id}:{device}", due_at=due, expires_at=expiry, created_at=now,
            )
            for device, account in devices
        ]
        if deliveries:
            await Delivery.bulk_create(deliveries, using_db=connection)
    return notifications


async def notify_webhooks(
    *,
    school_id: UUID,
    kind: Kind,
    event: str,
    count: int = 1,
    at: datetime | None = None,
    clock: SchoolClock | None = None,
    connection: BaseDBAsyncClient | None = None,
) -> int:
    """One delivery per active chat robot of the school that takes this kind, once per event."""
    if count < 1:
        return 0
    hooks = [
        hook_id
        for hook_id, kinds in await SchoolWebhook.filter(school_id=school_id, is_active=True)
        .using_db(connection)
        .values_list("id", "kinds")
        if kind.value in (kinds or [])
    ]
    if not hooks:
        return 0
    now = at or utcnow()
    keys = {hook: f"webhook:{hook}:{kind.value}:{event}" for hook in hooks}
    existing = set(await Delivery.filter(key__in=list(keys.values())).using_db(connection).values_list("key", flat=True))
    clock = clock or await _clock_of(school_id, connection)
    due, expiry = deliver_at(clock, kind, now), expires_at(clock, kind, now)
    if due >= expiry:
        return 0
    deliveries = [
        Delivery(
            channel=Channel.WEBHOOK, webhook_id=hook, kind=kind.value, count=count, locale=DEFAULT_LOCALE,
            urgent=kind in URGENT, key=keys[hook], due_at=due, expires_at=expiry, created_at=now,
        )
        for hook in hooks
        if keys[hook] not in existing
    ]
    if deliveries:
        await Delivery.bulk_create(deliveries, using_db=connection)
    return len(deliveries)
