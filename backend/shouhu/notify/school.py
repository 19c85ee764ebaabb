"""A school's reminder rules (times, quiet hours, escalation) and its chat robots: admins only."""

from __future__ import annotations

import re
from uuid import UUID

from shouhu import validation
from shouhu.access import audit, scopes
from shouhu.access.policies import require_school_admin
from shouhu.access.principal import Principal
from shouhu.clock import utcnow
from shouhu.errors import Invalid
from shouhu.notify.addresses import check_url
from shouhu.notify.models import SchoolWebhook
from shouhu.notify.rules import Kind
from shouhu.notify.services import WEBHOOK_KINDS
from shouhu.schools.models import School
from shouhu.settings import Settings

TIME = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")
TIME_FIELDS = {
    "quietStart": "quiet_start_minute",
    "quietEnd": "quiet_end_minute",
    "mentorReminder": "mentor_reminder_minute",
    "guardianReminder": "guardian_reminder_minute",
    "leadDigest": "lead_digest_minute",
}
ESCALATE_RANGE = (5, 240)
MAX_WEBHOOKS = 10
NAME_MAX = 50


def clock_text(minute: int) -> str:
    return f"{minute // 60:02d}:{minute % 60:02d}"


def parse_time(value: str | None, field: str) -> int:
    match = TIME.match((value or "").strip())
    if not match:
        raise Invalid("notify.bad_time", field=field)
    return int(match.group(1)) * 60 + int(match.group(2))


async def school_rules(principal: Principal) -> School:
    school_id = require_school_admin(principal)
    return await scopes.visible_schools(principal).get(id=school_id)


async def set_school_rules(principal: Principal, times: dict[str, str], escalate_after_minutes: int) -> School:
    """Every value is checked before anything is saved."""
    school = await school_rules(principal)
    values = {column: parse_time(times.get(field), field) for field, column in TIME_FIELDS.items()}
    low, high = ESCALATE_RANGE
    if not low <= escalate_after_minutes <= high:
        raise Invalid("notify.bad_escalation", field="escalateAfterMinutes", low=low, high=high)
    values["escalate_after_minutes"] = escalate_after_minutes
    await School.filter(id=school.id).update(**values)
    await audit.record(principal, "write", "school", school.id, "notification_rules", school_id=school.id)
    return await School.get(id=school.id)


async def webhooks(principal: Principal) -> list[SchoolWebhook]:
    require_school_admin(principal)
    return await scopes.managed_webhooks(principal).order_by("created_at", "id")


def _kinds(values: list[str]) -> list[str]:
    allowed = {k.value for k in WEBHOOK_KINDS}
    kinds = sorted(set(values or []))
    if any(k not in allowed for k in kinds):
        raise Invalid("notify.unknown_kind", field="kinds")
    if not kinds:
        raise Invalid("webhook.no_kinds", field="kinds")
    return kinds


async def save_webhook(
    principal: Principal, settings: Settings, webhook_id: UUID | None, name: str | None, url: str | None,
    kinds: list[str], active: bool,
) -> SchoolWebhook:
    school_id = require_school_admin(principal)
    """A new robot needs its URL; an edit without a URL keeps the one saved (it holds the robot's
    secret key, so the app never shows it again in full)."""
    clean_name = validation.text(name, "name", NAME_MAX)
    keep_url = webhook_id is not None and not (url or "").strip()
    clean_url = "" if keep_url else await check_url(url, settings, "webhook.bad_url", "url")
    clean_kinds = _kinds(kinds)
    if webhook_id is None:
        if await scopes.managed_webhooks(principal).filter(school_id=school_id).count() >= MAX_WEBHOOKS:
            raise Invalid("webhook.too_many", field="url", max=MAX_WEBHOOKS)
        hook = await SchoolWebhook.create(school_id=school_id, name=clean_name, url=clean_url, kinds=clean_kinds,
                                          is_active=active, created_at=utcnow())
    else:
        hook = await scopes.managed_webhooks(principal).get_or_none(id=webhook_id)
        if hook is None:
            raise Invalid("webhook.unknown", field="id")
        hook.name, hook.kinds, hook.is_active = clean_name, clean_kinds, active
        hook.url = hook.url if keep_url else clean_url
        await hook.save(update_fields=["name", "url", "kinds", "is_active"])
    await audit.record(principal, "write", "school_webhook", hook.id, "save", school_id=hook.school_id)
    return hook


async def remove_webhook(principal: Principal, webhook_id: UUID) -> bool:
    require_school_admin(principal)
    hook = await scopes.managed_webhooks(principal).get_or_none(id=webhook_id)
    if hook is None:
        raise Invalid("webhook.unknown", field="id")
    await SchoolWebhook.filter(id=hook.id).delete()
    await audit.record(principal, "write", "school_webhook", hook.id, "remove", school_id=hook.school_id)
    return True


def webhook_kinds() -> list[Kind]:
    return list(WEBHOOK_KINDS)


def url_hint(url: str) -> str:
    """Enough of a robot's URL to recognise it, without its secret: host and the last 4 characters."""
    host = url.split("://", 1)[-1].split("/", 1)[0]
    return f"{host}/…{url[-4:]}" if len(url) > len(host) + 12 else host
