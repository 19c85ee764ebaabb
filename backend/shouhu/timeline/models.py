"""The combined timeline: one typed event row per entry or change, newest first per student."""

from __future__ import annotations

import uuid
from enum import StrEnum

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

from shouhu.entries.models import Visibility


class EventKind(StrEnum):
    CHECK_IN = "check_in"
    HOME_LOG = "home_log"
    OBSERVATION = "observation"
    CASE_CHANGE = "case_change"
    ALERT = "alert"
    COUNSELLING = "counselling"  # a counselling conclusion shared with the team, nothing else


class TimelineEvent(Model):
    """Points at the entry it stands for (`entry_id`) and carries what the filters need."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    school = fields.ForeignKeyField("shouhu.School", related_name="timeline_events", on_delete=fields.RESTRICT)
    student = fields.ForeignKeyField("shouhu.Student", related_name="timeline_events", on_delete=fields.RESTRICT)
    kind = fields.CharEnumField(EventKind, max_length=16)
    entry_id = fields.UUIDField()
    author = fields.ForeignKeyField("shouhu.Account", related_name="timeline_events", null=True, on_delete=fields.SET_NULL)
    occurred_at = fields.DatetimeField()
    visibility = fields.CharEnumField(Visibility, max_length=8)
    has_signal = fields.BooleanField(default=False)

    class Meta:
        table = "timeline_event"
        indexes = (
            Index(fields=("student_id", "occurred_at", "id"), name="timeline_student_time"),
            Index(fields=("entry_id",), name="timeline_entry"),
        )
