"""Writing to the combined timeline. Called by the services that create entries and changes,
inside their transaction, so an entry and its event exist together or not at all."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient

from shouhu.entries.models import Visibility
from shouhu.timeline.models import EventKind, TimelineEvent


async def add_event(
    *,
    school_id: UUID,
    student_id: UUID,
    kind: EventKind,
    entry_id: UUID,
    author_id: UUID | None,
    occurred_at: datetime,
    visibility: Visibility,
    has_signal: bool = False,
    connection: BaseDBAsyncClient | None = None,
) -> TimelineEvent:
    return await TimelineEvent.create(
        school_id=school_id,
        student_id=student_id,
        kind=kind,
        entry_id=entry_id,
        author_id=author_id,
        occurred_at=occurred_at,
        visibility=visibility,
        has_signal=has_signal,
        using_db=connection,
    )
