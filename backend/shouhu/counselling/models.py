"""The counselling room (心理辅导室): rooms, opening hours, bookings and sealed session records."""

from __future__ import annotations

import uuid
from enum import StrEnum

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model


class BookingStatus(StrEnum):
    BOOKED = "booked"
    CANCELLED = "cancelled"
    ATTENDED = "attended"
    NO_SHOW = "no_show"


class Room(Model):
    """A counselling room with its fixed place (固定场所)."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    school = fields.ForeignKeyField("shouhu.School", related_name="rooms", on_delete=fields.RESTRICT)
    name = fields.CharField(max_length=50)
    place = fields.CharField(max_length=200)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "counselling_room"
        unique_together = (("school", "name"),)


class OpeningTemplate(Model):
    """A counsellor's weekly opening hours in one room, cut into slots, in school time."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    school = fields.ForeignKeyField("shouhu.School", related_name="opening_templates", on_delete=fields.RESTRICT)
    room = fields.ForeignKeyField("shouhu.Room", related_name="templates", on_delete=fields.CASCADE)
    counsellor = fields.ForeignKeyField("shouhu.Account", related_name="opening_templates", on_delete=fields.CASCADE)
    weekday = fields.SmallIntField()
    start_minute = fields.SmallIntField()
    end_minute = fields.SmallIntField()
    slot_minutes = fields.SmallIntField()
    buffer_minutes = fields.SmallIntField(default=0)

    class Meta:
        table = "opening_template"
        indexes = (Index(fields=("room_id", "weekday"), name="opening_template_room_day"),)


class OpeningException(Model):
    """A date on which a room (or one counsellor) is closed, or opens extra hours."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    school = fields.ForeignKeyField("shouhu.School", related_name="opening_exceptions", on_delete=fields.RESTRICT)
    room = fields.ForeignKeyField("shouhu.Room", related_name="exceptions", on_delete=fields.CASCADE)
    counsellor = fields.ForeignKeyField(
        "shouhu.Account", related_name="opening_exceptions", null=True, on_delete=fields.CASCADE
    )
    day = fields.DateField()
    kind = fields.CharField(max_length=8)  # closed, extra
    start_minute = fields.SmallIntField(null=True)
    end_minute = fields.SmallIntField(null=True)
    slot_minutes = fields.SmallIntField(null=True)
    buffer_minutes = fields.SmallIntField(default=0)

    class Meta:
        table = "opening_exception"
        indexes = (Index(fields=("room_id", "day"), name="opening_exception_room_day"),)


class NonSchoolDay(Model):
    """A date of the school calendar without school (holiday, exam break): the room is closed."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    school = fields.ForeignKeyField("shouhu.School", related_name="non_school_days", on_delete=fields.RESTRICT)
    day = fields.DateField()
    name = fields.CharField(max_length=50, default="")

    class Meta:
        table = "non_school_day"
        unique_together = (("school", "day"),)


class Booking(Model):
    """A student's booking of one slot. The topic is private to the student and the counsellors."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    school = fields.ForeignKeyField("shouhu.School", related_name="bookings", on_delete=fields.RESTRICT)
    room = fields.ForeignKeyField("shouhu.Room", related_name="bookings", on_delete=fields.RESTRICT)
    counsellor = fields.ForeignKeyField("shouhu.Account", related_name="counselling_bookings", on_delete=fields.RESTRICT)
    student = fields.ForeignKeyField("shouhu.Student", related_name="bookings", on_delete=fields.RESTRICT)
    slot_key = fields.CharField(max_length=80)
    starts_at = fields.DatetimeField()
    ends_at = fields.DatetimeField()
    topic = fields.TextField(default="")
    status = fields.CharEnumField(BookingStatus, max_length=12, default=BookingStatus.BOOKED)
    booked_by = fields.ForeignKeyField("shouhu.Account", related_name="bookings_made", null=True, on_delete=fields.SET_NULL)
    booked_at = fields.DatetimeField()
    cancelled_at = fields.DatetimeField(null=True)
    cancelled_by = fields.ForeignKeyField(
        "shouhu.Account", related_name="bookings_cancelled", null=True, on_delete=fields.SET_NULL
    )
    cancel_reason = fields.TextField(default="")

    class Meta:
        table = "booking"
        indexes = (
            Index(fields=("student_id", "starts_at"), name="booking_student"),
            Index(fields=("school_id", "starts_at"), name="booking_school_time"),
        )


class SlotClaim(Model):
    """Exactly one live booking per slot, enforced by the primary key in every database.
    Cancelling a booking deletes its claim, which frees the slot."""

    slot_key = fields.CharField(max_length=80, primary_key=True)
    booking = fields.OneToOneField("shouhu.Booking", related_name="claim", on_delete=fields.CASCADE)

    class Meta:
        table = "slot_claim"


class SessionRecord(Model):
    """The counsellor's sealed record of a session (个案保密): readable by the school's counsellors
    only. The conclusion may be shared with the care team (结论建议互商互通)."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    school = fields.ForeignKeyField("shouhu.School", related_name="session_records", on_delete=fields.RESTRICT)
    booking = fields.OneToOneField("shouhu.Booking", related_name="record", on_delete=fields.RESTRICT)
    notes = fields.TextField(default="")
    conclusion = fields.TextField(default="")
    conclusion_shared_at = fields.DatetimeField(null=True)
    written_by = fields.ForeignKeyField("shouhu.Account", related_name="session_records", null=True, on_delete=fields.SET_NULL)
    written_at = fields.DatetimeField()
    updated_at = fields.DatetimeField()

    class Meta:
        table = "session_record"
