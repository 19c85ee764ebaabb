"""The audit log: who read or changed which student's record, what, when and why."""

from __future__ import annotations

import uuid

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model


class AuditEvent(Model):
    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    school = fields.ForeignKeyField("shouhu.School", related_name="audit_events", null=True, on_delete=fields.RESTRICT)
    actor = fields.ForeignKeyField("shouhu.Account", related_name="audit_events", null=True, on_delete=fields.SET_NULL)
    action = fields.CharField(max_length=16)  # read | write | login | break_glass
    subject_type = fields.CharField(max_length=32)
    subject_id = fields.UUIDField(null=True)
    what = fields.CharField(max_length=100)
    reason = fields.CharField(max_length=500, null=True)
    at = fields.DatetimeField()

    class Meta:
        table = "audit_event"
        indexes = (
            Index(fields=("school_id", "at"), name="audit_school_at"),
            Index(fields=("subject_id", "at"), name="audit_subject_at"),
        )
