"""What a person does with notifications: the inbox, their devices, the kinds they want, a test.

Every read goes through `shouhu.access.scopes`: a person reads and changes only their own inbox
and devices.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from uuid import UUID, uuid4

from cryptography.hazmat.primitives.asymmetric import ec
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from shouhu.access import audit, scopes
from shouhu.access.policies import require_authenticated
from shouhu.access.principal import Principal
from shouhu.care.models import TeamRole
from shouhu.clock import utcnow
from shouhu.errors import Invalid
from shouhu.notify.addresses import check_url
from shouhu.notify.models import Delivery, DeliveryStatus, Notification, NotificationPreference, PushSubscription
from shouhu.notify.rules import URGENT, Kind
from shouhu.notify.services import MUTABLE, notify
from shouhu.settings import Settings

MAX_DEVICES = 10
LABEL_MAX = 100


def relevant_kinds(principal: Principal) -> list[Kind]:
    """The kinds this person can receive, in the order the settings screen lists them."""
    kinds: list[Kind] = []
    if principal.lead_of or principal.counsellor_of or principal.admin_of:
        kinds += [Kind.CRISIS_ALERT, Kind.ALERT_UNACKNOWLEDGED]
    if TeamRole.MENTOR in principal.member_of.values():  # social workers and doctors get no check-in reminder
        kinds.append(Kind.CHECK_INS_DUE)
    if principal.lead_of:
        kinds += [Kind.MISSING_CHECK_INS, Kind.ROTA_GAPS]
    if principal.guardian_of:
        kinds.append(Kind.HOME_LOG_DUE)
    if principal.student_id:
        kinds += [Kind.BOOKING_SOON, Kind.BOOKING_CHANGED]
    return kinds


@dataclass(frozen=True)
class KindSetting:
    kind: Kind
    enabled: bool
    mutable: bool


async def kind_settings(principal: Principal) -> list[KindSetting]:
    require_authenticated(principal)
    rows = await NotificationPreference.filter(account_id=principal.account_id).values_list("muted_kinds", flat=True)
    muted = set(rows[0] or []) if rows else set()
    return [KindSetting(k, k.value not in muted or k in URGENT, k in MUTABLE) for k in relevant_kinds(principal)]


def _kind(value: str) -> Kind:
    try:
        return Kind(value)
    except ValueError:
        raise Invalid("notify.unknown_kind", field="enabledKinds") from None


async def set_enabled_kinds(principal: Principal, enabled: list[str]) -> list[KindSetting]:
    """Turn kinds on and off; crisis alerts stay on whatever is asked."""
    require_authenticated(principal)
    wanted = {_kind(value) for value in enabled}
    muted = sorted(k.value for k in relevant_kinds(principal) if k in MUTABLE and k not in wanted)
    now = utcnow()
    mine = NotificationPreference.filter(account_id=principal.account_id)
    if not await mine.update(muted_kinds=muted, updated_at=now):
        try:
            await NotificationPreference.create(account_id=principal.account_id, muted_kinds=muted, updated_at=now)
        except IntegrityError:  # the same person saved from another device at the same moment
            await mine.update(muted_kinds=muted, updated_at=now)
    return await kind_settings(principal)


# The inbox


async def unread_count(principal: Principal) -> int:
    return await scopes.own_notifications(principal).filter(read_at=None).count()


async def open_notification(principal: Principal, notification_id: UUID) -> Notification | None:
    """One's own notification, marked read: the page a push or an inbox tap opens."""
    item = await scopes.own_notifications(principal).get_or_none(id=notification_id)
    if item is not None and item.read_at is None:
        item.read_at = utcnow()
        await scopes.own_notifications(principal).filter(id=item.id, read_at=None).update(read_at=item.read_at)
    return item


async def mark_read(principal: Principal, ids: list[UUID] | None, everything: bool) -> int:
    """Mark some (or all) of one's notifications read; the unread count after."""
    require_authenticated(principal)
    unread = scopes.own_notifications(principal).filter(read_at=None)
    if not everything:
        unread = unread.filter(id__in=ids or [])
    await unread.update(read_at=utcnow())
    return await unread_count(principal)


async def send_test(principal: Principal) -> int:
    """A test notification to all of one's devices now, ignoring quiet hours; the number of devices."""
    require_authenticated(principal)
    created = await notify(school_id=principal.school_id, recipients=[principal.account_id], kind=Kind.TEST,
                           event=uuid4().hex, target="/settings/notifications")
    if not created:
        return 0
    return await Delivery.filter(notification_id=created[0].id).count()


# Devices


def _key_bytes(value: str | None, size: int) -> bytes:
    try:
        raw = base64.urlsafe_b64decode((value or "").strip() + "=" * (-len((value or "").strip()) % 4))
    except (binascii.Error, ValueError):
        raise Invalid("push.bad_keys", field="keys") from None
    if len(raw) != size:
        raise Invalid("push.bad_keys", field="keys")
    return raw


def _check_keys(p256dh: str | None, auth: str | None) -> tuple[str, str]:
    point = _key_bytes(p256dh, 65)
    try:
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), point)
    except ValueError:
        raise Invalid("push.bad_keys", field="keys") from None
    _key_bytes(auth, 16)
    return (p256dh or "").strip(), (auth or "").strip()


async def register_device(
    principal: Principal, settings: Settings, endpoint: str | None, p256dh: str | None, auth: str | None,
    label: str | None,
) -> PushSubscription:
    """Remember a device's push subscription. A browser re-subscribing updates its keys; a device
    that another person used before becomes this person's, and what was queued for them is dropped."""
    require_authenticated(principal)
    url = await check_url(endpoint, settings, "push.bad_endpoint", "endpoint")
    key, secret = _check_keys(p256dh, auth)
    name = (label or "").strip()[:LABEL_MAX]
    try:
        device = await _save_device(principal, url, key, secret, name)
    except IntegrityError:  # the same browser registering twice at once: the second finds the first
        device = await _save_device(principal, url, key, secret, name)
    await audit.record(principal, "write", "push_subscription", device.id, "register")
    return device


async def _save_device(principal: Principal, url: str, key: str, secret: str, name: str) -> PushSubscription:
    now = utcnow()
    async with in_transaction() as connection:
        existing = await PushSubscription.filter(endpoint=url).using_db(connection).select_for_update().first()
        if existing is None:
            mine = await scopes.own_push_subscriptions(principal).using_db(connection).count()
            if mine >= MAX_DEVICES:
                raise Invalid("push.too_many", field="endpoint", max=MAX_DEVICES)
            device = await PushSubscription.create(
                account_id=principal.account_id, endpoint=url, p256dh=key, auth=secret, label=name, created_at=now,
                using_db=connection,
            )
        else:
            if existing.account_id != principal.account_id:
                await Delivery.filter(subscription_id=existing.id, status=DeliveryStatus.PENDING).using_db(
                    connection
                ).update(status=DeliveryStatus.GONE, last_error="device changed hands", claim=None, claimed_until=None)
            existing.account_id = principal.account_id
            existing.p256dh, existing.auth, existing.label = key, secret, name or existing.label
            await existing.save(using_db=connection, update_fields=["account_id", "p256dh", "auth", "label"])
            device = existing
    return device


async def remove_device(principal: Principal, endpoint: str | None, device_id: UUID | None) -> bool:
    """Forget one of one's own devices (by its endpoint, or its id from the settings list)."""
    require_authenticated(principal)
    mine = scopes.own_push_subscriptions(principal)
    if device_id is not None:
        mine = mine.filter(id=device_id)
    elif endpoint:
        mine = mine.filter(endpoint=endpoint.strip())
    else:
        raise Invalid("push.unknown_subscription", field="endpoint")
    device = await mine.first()
    if device is None:
        raise Invalid("push.unknown_subscription", field="endpoint")
    await PushSubscription.filter(id=device.id).delete()
    await audit.record(principal, "write", "push_subscription", device.id, "remove")
    return True


async def devices(principal: Principal) -> list[PushSubscription]:
    return await scopes.own_push_subscriptions(principal).order_by("-created_at", "id")
