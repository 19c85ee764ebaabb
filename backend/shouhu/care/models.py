"""Care cases, their care teams, the school day's periods and the accompaniment rota."""

from __future__ import annotations

import uuid
from enum import StrEnum

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model


class WarningLevel(StrEnum):
    """分级预警: 一般关注, 重点关注, 高危."""

    WATCH = "watch"
    FOCUS = "focus"
    SEVERE = "severe"


class CaseStatus(StrEnum):
    ACTIVE = "active"
    ON_LEAVE = "on_leave"  # 休学
    TRANSFERRED = "transferred"
    CLOSED = "closed"


class CaseReason(StrEnum):
    ACADEMIC_PRESSURE = "academic_pressure"
    TEACHER_CONFLICT = "teacher_conflict"
    FAMILY_PROBLEMS = "family_problems"
    PEER_DIFFICULTIES = "peer_difficulties"
    DISCIPLINARY_SANCTION = "disciplinary_sanction"
    DIAGNOSED_CONDITION = "diagnosed_condition"
    OTHER = "other"


class TeamRole(StrEnum):
    MENTOR = "mentor"
    SOCIAL_WORKER = "social_worker"
    DOCTOR = "doctor"
    OUTSIDE_COUNSELLOR = "outside_counsellor"


class CaseChangeKind(StrEnum):
    OPENED = "opened"
    LEVEL = "level"
    STATUS = "status"
    LEAD = "lead"
    MEMBER_ADDED = "member_added"
    MEMBER_REMOVED = "member_removed"


class CareCase(Model):
    """The file of one student under care (一生一档). One per student: a closed case is reopened."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    school = fields.ForeignKeyField("shouhu.School", related_name="care_cases", on_delete=fields.RESTRICT)
    student = fields.OneToOneField("shouhu.Student", related_name="care_case", on_delete=fields.RESTRICT)
    level = fields.CharEnumField(WarningLevel, max_length=16)
    status = fields.CharEnumField(CaseStatus, max_length=16, default=CaseStatus.ACTIVE)
    reasons = fields.JSONField(default=list)
    summary = fields.TextField(default="")
    # The one person in overall charge (一人总负责), by default the class teacher.
    lead = fields.ForeignKeyField("shouhu.Account", related_name="cases_led", null=True, on_delete=fields.SET_NULL)
    opened_by = fields.ForeignKeyField(
        "shouhu.Account", related_name="cases_opened", null=True, on_delete=fields.SET_NULL
    )
    opened_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    class Meta:
        table = "care_case"
        indexes = (
            Index(fields=("school_id", "status"), name="care_case_school_status"),
            Index(fields=("lead_id",), name="care_case_lead"),
        )


class CaseChange(Model):
    """One change of a case: opened, level, status, lead or team membership (who, when, why)."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    school = fields.ForeignKeyField("shouhu.School", related_name="case_changes", on_delete=fields.RESTRICT)
    case = fields.ForeignKeyField("shouhu.CareCase", related_name="changes", on_delete=fields.CASCADE)
    kind = fields.CharEnumField(CaseChangeKind, max_length=16)
    from_value = fields.CharField(max_length=64, null=True)
    to_value = fields.CharField(max_length=64, null=True)
    # The account a team change concerns.
    subject = fields.ForeignKeyField(
        "shouhu.Account", related_name="case_changes_about", null=True, on_delete=fields.SET_NULL
    )
    reason = fields.TextField(default="")
    changed_by = fields.ForeignKeyField(
        "shouhu.Account", related_name="case_changes_made", null=True, on_delete=fields.SET_NULL
    )
    changed_at = fields.DatetimeField()

    class Meta:
        table = "case_change"
        indexes = (Index(fields=("case_id", "changed_at"), name="case_change_case"),)


class TeamMember(Model):
    """A member of a care team (工作专班 / 多对一导师团) other than its lead and the guardians."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    school = fields.ForeignKeyField("shouhu.School", related_name="team_members", on_delete=fields.RESTRICT)
    case = fields.ForeignKeyField("shouhu.CareCase", related_name="members", on_delete=fields.CASCADE)
    account = fields.ForeignKeyField("shouhu.Account", related_name="team_memberships", on_delete=fields.CASCADE)
    role = fields.CharEnumField(TeamRole, max_length=24, default=TeamRole.MENTOR)
    added_at = fields.DatetimeField()

    class Meta:
        table = "team_member"
        indexes = (Index(fields=("account_id",), name="team_member_account"),)
        unique_together = (("case", "account"),)


class SchoolPeriod(Model):
    """A period of the school day (early reading, lesson 1, lunch break, after school),
    in minutes after midnight, school time."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    school = fields.ForeignKeyField("shouhu.School", related_name="periods", on_delete=fields.RESTRICT)
    position = fields.SmallIntField()
    name = fields.CharField(max_length=30)
    start_minute = fields.SmallIntField()
    end_minute = fields.SmallIntField()

    class Meta:
        table = "school_period"
        unique_together = (("school", "position"),)


class RotaAssignment(Model):
    """Who accompanies the student in which period of which weekday (全程陪伴)."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    school = fields.ForeignKeyField("shouhu.School", related_name="rota_assignments", on_delete=fields.RESTRICT)
    case = fields.ForeignKeyField("shouhu.CareCase", related_name="rota", on_delete=fields.CASCADE)
    period = fields.ForeignKeyField("shouhu.SchoolPeriod", related_name="assignments", on_delete=fields.CASCADE)
    weekday = fields.SmallIntField()  # ISO: 1 = Monday
    account = fields.ForeignKeyField("shouhu.Account", related_name="rota_assignments", on_delete=fields.CASCADE)

    class Meta:
        table = "rota_assignment"
        indexes = (Index(fields=("account_id", "weekday"), name="rota_account_day"),)
        unique_together = (("case", "period", "weekday", "account"),)
