"""The audit trail. Reads are buffered during a request and written in one statement at its end."""

from __future__ import annotations

from dataclasses import dataclass, field
from uuid import UUID

from shouhu.access.models import AuditEvent
from shouhu.access.principal import Principal
from shouhu.clock import utcnow


@dataclass
class AuditTrail:
    principal: Principal
    pending: list[AuditEvent] = field(default_factory=list)

    def read(self, subject_type: str, subjects: list[tuple[UUID, UUID]], what: str) -> None:
        """Note reads of (school id, subject id) pairs: who, which record, what, when."""
        now = utcnow()
        for school_id, subject_id in subjects:
            self.pending.append(
                AuditEvent(
                    school_id=school_id,
                    actor_id=self.principal.account_id,
                    action="read",
                    subject_type=subject_type,
                    subject_id=subject_id,
                    what=what,
                    at=now,
                )
            )

    async def flush(self) -> None:
        if self.pending:
            events, self.pending = self.pending, []
            await AuditEvent.bulk_create(events)


async def record(
    principal: Principal,
    action: str,
    subject_type: str,
    subject_id: UUID | None,
    what: str,
    school_id: UUID | None = None,
    reason: str | None = None,
) -> None:
    """Write one event now (sign-ins, changes)."""
    await AuditEvent.create(
        school_id=school_id or principal.school_id,
        actor_id=principal.account_id,
        action=action,
        subject_type=subject_type,
        subject_id=subject_id,
        what=what,
        reason=reason,
        at=utcnow(),
    )
