"""Crisis alerts, raised by a crisis signal in any entry."""

from __future__ import annotations

import uuid

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model


class Alert(Model):
    """An alert (预警) for the team lead and the counsellors, open until acknowledged."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    school = fields.ForeignKeyField("shouhu.School", related_name="alerts", on_delete=fields.RESTRICT)
    student = fields.ForeignKeyField("shouhu.Student", related_name="alerts", on_delete=fields.RESTRICT)
    case = fields.ForeignKeyField("shouhu.CareCase", related_name="alerts", null=True, on_delete=fields.SET_NULL)
    source_kind = fields.CharField(max_length=16)  # check_in, home_log, observation
    source_id = fields.UUIDField()
    signals = fields.JSONField(default=list)
    raised_by = fields.ForeignKeyField("shouhu.Account", related_name="alerts_raised", null=True, on_delete=fields.SET_NULL)
    raised_at = fields.DatetimeField()
    acknowledged_at = fields.DatetimeField(null=True)
    acknowledged_by = fields.ForeignKeyField(
        "shouhu.Account", related_name="alerts_acknowledged", null=True, on_delete=fields.SET_NULL
    )

    class Meta:
        table = "alert"
        indexes = (
            Index(fields=("school_id", "acknowledged_at"), name="alert_school_open"),
            Index(fields=("student_id", "raised_at"), name="alert_student"),
        )
