"""Districts, schools, classes, students and the guardianships between accounts and students."""

from __future__ import annotations

import uuid

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model


def monday_to_friday() -> list[int]:
    return [1, 2, 3, 4, 5]


class District(Model):
    """A district education bureau and its psychological centre (区心理中心)."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    name = fields.CharField(max_length=100, unique=True)
    centre_name = fields.CharField(max_length=100)
    hotline = fields.CharField(max_length=32)

    class Meta:
        table = "district"


class School(Model):
    """A school using Shouhu. `school_days` are ISO weekdays (1 = Monday)."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    district = fields.ForeignKeyField("shouhu.District", related_name="schools", on_delete=fields.RESTRICT)
    name = fields.CharField(max_length=100)
    time_zone = fields.CharField(max_length=64, default="Asia/Shanghai")
    school_days = fields.JSONField(default=monday_to_friday)
    # [{"label": "...", "number": "..."}] — the help page shows them as tap-to-call links.
    hotlines = fields.JSONField(default=list)
    room_place = fields.CharField(max_length=200, default="")
    room_hours = fields.TextField(default="")
    # Counselling-room booking rules: how far ahead students see slots, the least notice for a
    # booking and for a cancellation, and how many upcoming bookings one student may hold.
    booking_horizon_days = fields.SmallIntField(default=14, db_default=14)
    booking_notice_minutes = fields.SmallIntField(default=60, db_default=60)
    cancel_notice_minutes = fields.SmallIntField(default=120, db_default=120)
    max_upcoming_bookings = fields.SmallIntField(default=1, db_default=1)
    # Reminders: local times as minutes after midnight. Quiet hours may wrap midnight and delay
    # every notification but crisis alerts; an alert unacknowledged this long is escalated.
    quiet_start_minute = fields.SmallIntField(default=22 * 60, db_default=22 * 60)
    quiet_end_minute = fields.SmallIntField(default=7 * 60, db_default=7 * 60)
    mentor_reminder_minute = fields.SmallIntField(default=15 * 60 + 30, db_default=15 * 60 + 30)
    guardian_reminder_minute = fields.SmallIntField(default=20 * 60 + 30, db_default=20 * 60 + 30)
    lead_digest_minute = fields.SmallIntField(default=17 * 60, db_default=17 * 60)
    escalate_after_minutes = fields.SmallIntField(default=30, db_default=30)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "school"


class SchoolClass(Model):
    """A class (班级) of a grade. Its class teacher (班主任) leads the care teams of its students."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    school = fields.ForeignKeyField("shouhu.School", related_name="classes", on_delete=fields.RESTRICT)
    grade = fields.SmallIntField()
    name = fields.CharField(max_length=50)
    class_teacher = fields.ForeignKeyField(
        "shouhu.Account", related_name="classes_taught", null=True, on_delete=fields.SET_NULL
    )
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "school_class"
        indexes = (Index(fields=("class_teacher_id",), name="school_class_teacher"),)
        unique_together = (("school", "grade", "name"),)


class Student(Model):
    """A pupil of the school. The optional account lets the student book the counselling room."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    school = fields.ForeignKeyField("shouhu.School", related_name="students", on_delete=fields.RESTRICT)
    school_class = fields.ForeignKeyField(
        "shouhu.SchoolClass", related_name="students", on_delete=fields.RESTRICT
    )
    name = fields.CharField(max_length=50)
    student_number = fields.CharField(max_length=32)
    birth_date = fields.DateField(null=True)
    account = fields.OneToOneField(
        "shouhu.Account", related_name="student", null=True, on_delete=fields.SET_NULL
    )
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "student"
        indexes = (Index(fields=("school_class_id", "is_active"), name="student_class"),)
        unique_together = (("school", "student_number"),)


class Guardianship(Model):
    """The relation of a guardian (家长 / 监护人) account to one student."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    school = fields.ForeignKeyField("shouhu.School", related_name="guardianships", on_delete=fields.RESTRICT)
    guardian = fields.ForeignKeyField("shouhu.Account", related_name="guardianships", on_delete=fields.CASCADE)
    student = fields.ForeignKeyField("shouhu.Student", related_name="guardianships", on_delete=fields.CASCADE)
    relation = fields.CharField(max_length=16)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "guardianship"
        indexes = (Index(fields=("student_id",), name="guardianship_student"),)
        unique_together = (("guardian", "student"),)
