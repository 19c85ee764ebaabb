"""Raising crisis alerts from entries, and acknowledging them."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient

from shouhu.access import audit, scopes
from shouhu.access.principal import Principal
from shouhu.accounts.models import StaffRole, StaffRoleKind
from shouhu.alerts.models import Alert
from shouhu.care.models import CareCase
from shouhu.clock import utcnow
from shouhu.entries.models import Visibility
from shouhu.entries.signals import crisis_in
from shouhu.errors import Invalid
from shouhu.notify.rules import Kind
from shouhu.notify.services import notify, notify_webhooks
from shouhu.timeline.models import EventKind
from shouhu.timeline.services import add_event


async def raise_for_crisis(
    *,
    school_id: UUID,
    student_id: UUID,
    case_id: UUID | None,
    source_kind: str,
    source_id: UUID,
    signals: list[str],
    raised_by: UUID | None,
    at: datetime,
    connection: BaseDBAsyncClient | None = None,
) -> Alert | None:
    """An alert when the signals include a crisis signal; nothing otherwise."""
    crisis = crisis_in(signals)
    if not crisis:
        return None
    alert = await Alert.create(
        school_id=school_id,
        student_id=student_id,
        case_id=case_id,
        source_kind=source_kind,
        source_id=source_id,
        signals=crisis,
        raised_by_id=raised_by,
        raised_at=at,
        using_db=connection,
    )
    await _notify_alert(alert, case_id, connection)
    await add_event(
        school_id=school_id,
        student_id=student_id,
        kind=EventKind.ALERT,
        entry_id=alert.id,
        author_id=raised_by,
        occurred_at=at,
        visibility=Visibility.TEAM,
        has_signal=True,
        connection=connection,
    )
    return alert


async def _notify_alert(alert: Alert, case_id: UUID | None, connection: BaseDBAsyncClient | None) -> None:
    """At once, ignoring quiet hours: the lead and the school's counsellors, and the school's robots."""
    leads = await CareCase.filter(id=case_id).using_db(connection).values_list("lead_id", flat=True) if case_id else []
    counsellors = await StaffRole.filter(school_id=alert.school_id, kind=StaffRoleKind.COUNSELLOR).using_db(
        connection
    ).values_list("account_id", flat=True)
    recipients = [lead for lead in leads if lead] + list(counsellors)
    await notify(school_id=alert.school_id, recipients=recipients, kind=Kind.CRISIS_ALERT, event=str(alert.id),
                 target=f"/students/{alert.student_id}", at=alert.raised_at, connection=connection)
    await notify_webhooks(school_id=alert.school_id, kind=Kind.CRISIS_ALERT, event=str(alert.id),
                          at=alert.raised_at, connection=connection)


async def acknowledge(principal: Principal, alert_id: UUID) -> Alert:
    """Acknowledging twice keeps the first acknowledgement."""
    alert = await scopes.visible_alerts(principal).get_or_none(id=alert_id)
    if alert is None:
        raise Invalid("alert.unknown", field="id")
    if alert.acknowledged_at is None:
        updated = await Alert.filter(id=alert.id, acknowledged_at=None).update(
            acknowledged_at=utcnow(), acknowledged_by_id=principal.account_id
        )
        if updated:
            await audit.record(principal, "write", "alert", alert.id, "acknowledge", school_id=alert.school_id)
        await alert.refresh_from_db()
    return alert
