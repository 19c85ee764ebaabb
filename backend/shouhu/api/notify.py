"""Notifications in the API: one's inbox, devices and kinds; a school's reminder rules and robots."""

from __future__ import annotations

import datetime
from typing import Annotated

import strawberry

from shouhu.api.context import Info
from shouhu.api.errors import ValidationError, attempt
from shouhu.api.ids import parse_id, query_id, required_id
from shouhu.api.pagination import PageInfo, paginate
from shouhu.api.permissions import IsAuthenticated, IsSchoolAdmin
from shouhu.access import scopes
from shouhu.notify import models, people, school, texts
from shouhu.notify.rules import Kind
from shouhu.notify.vapid import application_server_key
from shouhu.settings import Settings

signed_in = [IsAuthenticated]
admins = [IsSchoolAdmin]

NotificationKind = strawberry.enum(Kind, name="NotificationKind", description="What a notification is about.")


def _id(value: object) -> strawberry.ID:
    return strawberry.ID(str(value))


def _settings(info: Info) -> Settings:
    return info.context.request.app.state.settings


@strawberry.type(description="An inbox entry: a count-only text and the in-app page it opens.")
class InboxItem:
    id: strawberry.ID
    kind: NotificationKind
    count: int
    text: str
    urgent: bool
    target: str = strawberry.field(description="The in-app path to open, e.g. /students/<id>.")
    created_at: datetime.datetime
    read_at: datetime.datetime | None

    @classmethod
    def of(cls, row: models.Notification, locale: str) -> InboxItem:
        return cls(id=_id(row.id), kind=Kind(row.kind), count=row.count, text=texts.message(row.kind, row.count, locale),
                   urgent=row.urgent, target=row.target, created_at=row.created_at, read_at=row.read_at)


@strawberry.type
class InboxPage:
    items: list[InboxItem]
    page_info: PageInfo
    unread_count: int


@strawberry.type(description="A device on which this person turned notifications on.")
class PushDevice:
    id: strawberry.ID
    label: str
    endpoint: str = strawberry.field(description="The device's push address: lets a browser recognise its own entry.")
    endpoint_host: str
    created_at: datetime.datetime
    last_success_at: datetime.datetime | None

    @classmethod
    def of(cls, row: models.PushSubscription) -> PushDevice:
        host = row.endpoint.split("://", 1)[-1].split("/", 1)[0]
        return cls(id=_id(row.id), label=row.label, endpoint=row.endpoint, endpoint_host=host, created_at=row.created_at,
                   last_success_at=row.last_success_at)


@strawberry.type
class NotificationKindSetting:
    kind: NotificationKind
    enabled: bool
    mutable: bool = strawberry.field(description="False for crisis alerts, which cannot be turned off.")


@strawberry.type(description="Quiet hours and reminder times of the school (local times, HH:MM).")
class ReminderTimes:
    quiet_start: str
    quiet_end: str
    mentor_reminder: str
    guardian_reminder: str
    lead_digest: str
    escalate_after_minutes: int
    time_zone: str

    @classmethod
    def of(cls, row) -> ReminderTimes:
        c = school.clock_text
        return cls(quiet_start=c(row.quiet_start_minute), quiet_end=c(row.quiet_end_minute),
                   mentor_reminder=c(row.mentor_reminder_minute), guardian_reminder=c(row.guardian_reminder_minute),
                   lead_digest=c(row.lead_digest_minute), escalate_after_minutes=row.escalate_after_minutes,
                   time_zone=row.time_zone)


@strawberry.type
class NotificationSettings:
    vapid_public_key: str = strawberry.field(description="The applicationServerKey for pushManager.subscribe.")
    kinds: list[NotificationKindSetting]
    devices: list[PushDevice]
    times: ReminderTimes | None = strawberry.field(description="The school's quiet hours and reminder times.")


@strawberry.type(description="A chat-group robot of a staff group; its URL holds a secret and is shown only in part.")
class SchoolWebhook:
    id: strawberry.ID
    name: str
    url_hint: str
    kinds: list[NotificationKind]
    active: bool
    created_at: datetime.datetime

    @classmethod
    def of(cls, row: models.SchoolWebhook) -> SchoolWebhook:
        return cls(id=_id(row.id), name=row.name, url_hint=school.url_hint(row.url),
                   kinds=[Kind(k) for k in row.kinds], active=row.is_active, created_at=row.created_at)


@strawberry.type
class Unread:
    unread_count: int


@strawberry.type
class TestSent:
    devices: int = strawberry.field(description="How many devices the test was queued for (0: none registered).")


@strawberry.type
class Done:
    ok: bool


@strawberry.input
class PushSubscriptionInput:
    endpoint: str
    p256dh: str
    auth: str
    label: str | None = None


@strawberry.input
class ReminderTimesInput:
    quiet_start: str
    quiet_end: str
    mentor_reminder: str
    guardian_reminder: str
    lead_digest: str
    escalate_after_minutes: int


@strawberry.input
class SchoolWebhookInput:
    id: strawberry.ID | None = None
    name: str
    url: str | None = strawberry.field(default=None, description="Required for a new robot; omit to keep the saved one.")
    kinds: list[NotificationKind]
    active: bool = True


PushDeviceResult = Annotated[PushDevice | ValidationError, strawberry.union("PushDeviceResult")]
DoneResult = Annotated[Done | ValidationError, strawberry.union("DoneResult")]
UnreadResult = Annotated[Unread | ValidationError, strawberry.union("UnreadResult")]
KindSettingsResult = Annotated[NotificationSettings | ValidationError, strawberry.union("NotificationSettingsResult")]
ReminderTimesResult = Annotated[ReminderTimes | ValidationError, strawberry.union("ReminderTimesResult")]
SchoolWebhookResult = Annotated[SchoolWebhook | ValidationError, strawberry.union("SchoolWebhookResult")]


async def _notification_settings(info: Info) -> NotificationSettings:
    principal = info.context.principal
    kinds = await people.kind_settings(principal)
    rows = await scopes.visible_schools(principal).filter(id=principal.school_id) if principal.school_id else []
    return NotificationSettings(
        vapid_public_key=application_server_key(_settings(info)),
        kinds=[NotificationKindSetting(kind=k.kind, enabled=k.enabled, mutable=k.mutable) for k in kinds],
        devices=[PushDevice.of(d) for d in await people.devices(principal)],
        times=ReminderTimes.of(rows[0]) if rows else None,
    )


@strawberry.type
class NotifyQueries:
    @strawberry.field(permission_classes=signed_in, description="One's notifications, newest first.")
    async def inbox(
        self, info: Info, first: int = 20, after: str | None = None, unread_only: bool = False
    ) -> InboxPage:
        principal = info.context.principal
        rows = scopes.own_notifications(principal)
        if unread_only:
            rows = rows.filter(read_at=None)
        page, page_info = await paginate(rows, ("-created_at", "-id"), first, after)
        return InboxPage(items=[InboxItem.of(r, info.context.locale) for r in page], page_info=page_info,
                         unread_count=await people.unread_count(principal))

    @strawberry.field(permission_classes=signed_in, description="How many of one's notifications are unread (the home screen's badge).")
    async def unread_notifications(self, info: Info) -> int:
        return await people.unread_count(info.context.principal)

    @strawberry.field(permission_classes=signed_in, description="One inbox entry, marked read: where a push or an inbox tap leads.")
    async def notification(self, info: Info, id: strawberry.ID) -> InboxItem | None:
        row = await people.open_notification(info.context.principal, query_id(id))  # type: ignore[arg-type]
        return InboxItem.of(row, info.context.locale) if row else None

    @strawberry.field(permission_classes=signed_in, description="The push key, one's devices, the kinds one receives and the school's quiet hours.")
    async def notification_settings(self, info: Info) -> NotificationSettings:
        return await _notification_settings(info)

    @strawberry.field(permission_classes=admins, description="The school's reminder times and quiet hours (admins).")
    async def school_reminder_times(self, info: Info) -> ReminderTimes:
        return ReminderTimes.of(await school.school_rules(info.context.principal))

    @strawberry.field(permission_classes=admins, description="The school's chat-group robots (admins).")
    async def school_webhooks(self, info: Info) -> list[SchoolWebhook]:
        return [SchoolWebhook.of(h) for h in await school.webhooks(info.context.principal)]


@strawberry.type
class NotifyMutations:
    @strawberry.mutation(permission_classes=signed_in, description="Remember this device's push subscription (from pushManager.subscribe).")
    async def register_push_subscription(self, info: Info, input: PushSubscriptionInput) -> PushDeviceResult:
        async def run() -> PushDevice:
            device = await people.register_device(info.context.principal, _settings(info), input.endpoint,
                                                  input.p256dh, input.auth, input.label)
            return PushDevice.of(device)

        return await attempt(info.context.locale, run)

    @strawberry.mutation(permission_classes=signed_in, description="Forget one of one's devices, by its endpoint or its id.")
    async def remove_push_subscription(
        self, info: Info, endpoint: str | None = None, id: strawberry.ID | None = None
    ) -> DoneResult:
        async def run() -> Done:
            device_id = parse_id(id, "id", "push.unknown_subscription")
            return Done(ok=await people.remove_device(info.context.principal, endpoint, device_id))

        return await attempt(info.context.locale, run)

    @strawberry.mutation(permission_classes=signed_in, description="Mark notifications read (all of them with all: true); the unread count after.")
    async def mark_inbox_read(
        self, info: Info, ids: list[strawberry.ID] | None = None, all: bool = False
    ) -> UnreadResult:
        async def run() -> Unread:
            parsed = [required_id(i, "ids", "notify.unknown") for i in ids or []]
            return Unread(unread_count=await people.mark_read(info.context.principal, parsed, all))

        return await attempt(info.context.locale, run)

    @strawberry.mutation(permission_classes=signed_in, description="Choose the kinds one receives; crisis alerts stay on.")
    async def set_notification_kinds(self, info: Info, enabled: list[NotificationKind]) -> KindSettingsResult:
        async def run() -> NotificationSettings:
            await people.set_enabled_kinds(info.context.principal, [k.value for k in enabled])
            return await _notification_settings(info)

        return await attempt(info.context.locale, run)

    @strawberry.mutation(permission_classes=signed_in, description="Send a test notification to all of one's devices now.")
    async def send_test_notification(self, info: Info) -> TestSent:
        return TestSent(devices=await people.send_test(info.context.principal))

    @strawberry.mutation(permission_classes=admins, description="Set the school's reminder times, quiet hours and escalation (admins).")
    async def set_school_reminder_times(self, info: Info, input: ReminderTimesInput) -> ReminderTimesResult:
        async def run() -> ReminderTimes:
            times = {"quietStart": input.quiet_start, "quietEnd": input.quiet_end,
                     "mentorReminder": input.mentor_reminder, "guardianReminder": input.guardian_reminder,
                     "leadDigest": input.lead_digest}
            row = await school.set_school_rules(info.context.principal, times, input.escalate_after_minutes)
            return ReminderTimes.of(row)

        return await attempt(info.context.locale, run)

    @strawberry.mutation(permission_classes=admins, description="Add or change a chat-group robot (admins).")
    async def save_school_webhook(self, info: Info, input: SchoolWebhookInput) -> SchoolWebhookResult:
        async def run() -> SchoolWebhook:
            hook_id = parse_id(input.id, "id", "webhook.unknown")
            row = await school.save_webhook(info.context.principal, _settings(info), hook_id, input.name, input.url,
                                            [k.value for k in input.kinds], input.active)
            return SchoolWebhook.of(row)

        return await attempt(info.context.locale, run)

    @strawberry.mutation(permission_classes=admins, description="Remove a chat-group robot (admins).")
    async def remove_school_webhook(self, info: Info, id: strawberry.ID) -> DoneResult:
        async def run() -> Done:
            return Done(ok=await school.remove_webhook(info.context.principal, required_id(id, "id", "webhook.unknown")))

        return await attempt(info.context.locale, run)
