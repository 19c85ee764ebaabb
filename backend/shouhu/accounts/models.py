"""Accounts, their school roles, sessions, invitation codes and login throttles."""

from __future__ import annotations

import uuid
from enum import StrEnum

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model


class StaffRoleKind(StrEnum):
    ADMIN = "admin"  # 领导小组 / 管理员
    COUNSELLOR = "counsellor"  # 心理教师
    TEACHER = "teacher"  # any member of staff (教职工)


class Account(Model):
    """A person who signs in. Roles are relations (StaffRole, SchoolClass.class_teacher,
    Guardianship, Student.account, DistrictStaff), never a label on the account."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    school = fields.ForeignKeyField("shouhu.School", related_name="accounts", null=True, on_delete=fields.RESTRICT)
    login = fields.CharField(max_length=64, unique=True)
    display_name = fields.CharField(max_length=50)
    phone = fields.CharField(max_length=20, null=True)
    # Null until the person activates the account with an invitation code.
    password_hash = fields.CharField(max_length=255, null=True)
    locale = fields.CharField(max_length=8, default="zh-CN")
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    password_changed_at = fields.DatetimeField(null=True)

    class Meta:
        table = "account"
        indexes = (Index(fields=("school_id", "display_name"), name="account_school_name"),)


class StaffRole(Model):
    """The role of a staff account at a school."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    school = fields.ForeignKeyField("shouhu.School", related_name="staff_roles", on_delete=fields.RESTRICT)
    account = fields.ForeignKeyField("shouhu.Account", related_name="staff_roles", on_delete=fields.CASCADE)
    kind = fields.CharEnumField(StaffRoleKind, max_length=16)

    class Meta:
        table = "staff_role"
        indexes = (Index(fields=("account_id",), name="staff_role_account"),)
        unique_together = (("school", "account", "kind"),)


class DistrictStaff(Model):
    """Staff of a district psychological centre (区心理中心)."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    district = fields.ForeignKeyField("shouhu.District", related_name="staff", on_delete=fields.RESTRICT)
    account = fields.ForeignKeyField("shouhu.Account", related_name="district_roles", on_delete=fields.CASCADE)

    class Meta:
        table = "district_staff"
        unique_together = (("district", "account"),)


class Session(Model):
    """A server-side session. Only the SHA-256 of the cookie token is stored."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    token_hash = fields.CharField(max_length=64, unique=True)
    account = fields.ForeignKeyField("shouhu.Account", related_name="sessions", on_delete=fields.CASCADE)
    created_at = fields.DatetimeField()
    last_seen_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()

    class Meta:
        table = "session"
        indexes = (Index(fields=("account_id",), name="session_account"),)


class Invitation(Model):
    """A one-time code with which a person sets their own password (activation)."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    school = fields.ForeignKeyField("shouhu.School", related_name="invitations", on_delete=fields.RESTRICT)
    account = fields.ForeignKeyField("shouhu.Account", related_name="invitations", on_delete=fields.CASCADE)
    code_hash = fields.CharField(max_length=64, unique=True)
    created_by = fields.ForeignKeyField(
        "shouhu.Account", related_name="invitations_issued", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()
    used_at = fields.DatetimeField(null=True)

    class Meta:
        table = "invitation"
        indexes = (Index(fields=("account_id",), name="invitation_account"),)


class LoginThrottle(Model):
    """Recent failed sign-in and activation attempts per key, shared by every app process.

    Keys: "login:<name>", "addr:<ip>", "device:<id>", "activate:<ip>". `level` is how many failures
    still count; it fades at the key's rate (`shouhu.auth.decay`), so old mistakes stop counting.
    One row per key, changed only under a row lock."""

    key = fields.CharField(max_length=200, primary_key=True)
    level = fields.FloatField(default=0)
    updated_at = fields.DatetimeField()  # when `level` was computed
    locked_until = fields.DatetimeField(null=True)
    # Nothing is left to remember after this moment: the row may be pruned.
    forget_at = fields.DatetimeField()

    class Meta:
        table = "login_throttle"
        indexes = (Index(fields=("forget_at",), name="login_throttle_forget"),)
