"""The counselling room as students and counsellors see it."""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Annotated

import strawberry

from shouhu.api.care.types import Person, StudentSummary, person, student_summary
from shouhu.api.context import Info
from shouhu.api.errors import ValidationError
from shouhu.counselling import models
from shouhu.counselling.slots import Slot as SlotData

BookingStatus = strawberry.enum(models.BookingStatus, name="BookingStatus")


@strawberry.type
class Room:
    id: strawberry.ID
    name: str
    place: str

    @classmethod
    def of(cls, row: models.Room) -> Room:
        return cls(id=strawberry.ID(str(row.id)), name=row.name, place=row.place)


@strawberry.type(description="A free slot of the counselling room; book it by its key.")
class Slot:
    key: str
    room_id: strawberry.ID
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    _counsellor_id: strawberry.Private[object]

    @classmethod
    def of(cls, slot: SlotData) -> Slot:
        return cls(key=slot.key, room_id=strawberry.ID(str(slot.room_id)), starts_at=slot.starts_at,
                   ends_at=slot.ends_at, _counsellor_id=slot.counsellor_id)

    @strawberry.field
    async def counsellor(self, info: Info) -> Person | None:
        return await person(info, self._counsellor_id)  # type: ignore[arg-type]


@strawberry.type(description="The sealed record of a session (个案保密): readable by the school's counsellors only.")
class SessionRecord:
    id: strawberry.ID
    notes: str
    conclusion: str
    conclusion_shared_at: datetime.datetime | None
    written_at: datetime.datetime
    updated_at: datetime.datetime
    _row: strawberry.Private[models.SessionRecord]

    @classmethod
    def of(cls, row: models.SessionRecord) -> SessionRecord:
        return cls(id=strawberry.ID(str(row.id)), notes=row.notes, conclusion=row.conclusion,
                   conclusion_shared_at=row.conclusion_shared_at, written_at=row.written_at,
                   updated_at=row.updated_at, _row=row)

    @strawberry.field
    async def written_by(self, info: Info) -> Person | None:
        return await person(info, self._row.written_by_id)


@strawberry.type(description="A booking of the counselling room: seen by the student and the counsellors only.")
class Booking:
    id: strawberry.ID
    room_id: strawberry.ID
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    topic: str
    status: BookingStatus
    cancelled_at: datetime.datetime | None
    cancel_reason: str
    _row: strawberry.Private[models.Booking]

    @classmethod
    def of(cls, row: models.Booking) -> Booking:
        return cls(id=strawberry.ID(str(row.id)), room_id=strawberry.ID(str(row.room_id)), starts_at=row.starts_at,
                   ends_at=row.ends_at, topic=row.topic, status=row.status, cancelled_at=row.cancelled_at,
                   cancel_reason=row.cancel_reason, _row=row)

    @strawberry.field(description="True when a counsellor (not the student) cancelled it.")
    def cancelled_by_counsellor(self) -> bool:
        return self._row.cancelled_by_id is not None and self._row.cancelled_by_id != self._row.booked_by_id and (
            self._row.status == models.BookingStatus.CANCELLED
        )

    @strawberry.field
    async def counsellor(self, info: Info) -> Person | None:
        return await person(info, self._row.counsellor_id)

    @strawberry.field
    async def student(self, info: Info) -> StudentSummary | None:
        return await student_summary(info, self._row.student_id)

    @strawberry.field(description="Whether a session record exists (counsellors only; false for anyone else). The record itself is read with sessionRecord, one at a time.")
    async def has_record(self, info: Info) -> bool:
        return await info.context.loaders.record_by_booking.load(self._row.id) is not None


@strawberry.type(description="Somebody booked this slot a moment earlier: here are the free slots now.")
class SlotTaken:
    message: str
    free_slots: list[Slot]


@strawberry.type
class OpeningTemplate:
    id: strawberry.ID
    room_id: strawberry.ID
    weekday: int
    start_minute: int
    end_minute: int
    slot_minutes: int
    buffer_minutes: int
    _counsellor_id: strawberry.Private[object]

    @classmethod
    def of(cls, row: models.OpeningTemplate) -> OpeningTemplate:
        return cls(id=strawberry.ID(str(row.id)), room_id=strawberry.ID(str(row.room_id)), weekday=row.weekday,
                   start_minute=row.start_minute, end_minute=row.end_minute, slot_minutes=row.slot_minutes,
                   buffer_minutes=row.buffer_minutes, _counsellor_id=row.counsellor_id)

    @strawberry.field
    async def counsellor(self, info: Info) -> Person | None:
        return await person(info, self._counsellor_id)  # type: ignore[arg-type]


@strawberry.type(description="The week's open hours against the 5-hour minimum (Baoshan) and the half-of-school-time target (Suzhou).")
class OpeningHours:
    templates: list[OpeningTemplate]
    open_minutes: int
    minimum_minutes: int
    meets_minimum: bool
    school_minutes: int
    share: float
    share_target: float
    meets_share: bool


@strawberry.type(description="One school day of the de-identified counselling report (一日一报): counts only.")
class DailyReport:
    school_id: strawberry.ID
    school_name: str
    date: datetime.date
    sessions_held: int
    no_shows: int
    new_bookings: int
    case_students_seen: int


@strawberry.type
class ReportingSchool:
    id: strawberry.ID
    name: str


@strawberry.enum
class OpeningExceptionKind(Enum):
    CLOSED = "closed"
    EXTRA = "extra"


@strawberry.type(description="A date on which a room (or one counsellor) is closed, or opens extra hours.")
class OpeningException:
    id: strawberry.ID
    room_id: strawberry.ID
    day: datetime.date
    kind: OpeningExceptionKind
    start_minute: int | None
    end_minute: int | None
    slot_minutes: int | None
    whole_room: bool

    @classmethod
    def of(cls, row: models.OpeningException) -> OpeningException:
        return cls(id=strawberry.ID(str(row.id)), room_id=strawberry.ID(str(row.room_id)), day=row.day,
                   kind=OpeningExceptionKind(row.kind), start_minute=row.start_minute, end_minute=row.end_minute,
                   slot_minutes=row.slot_minutes, whole_room=row.counsellor_id is None)


@strawberry.type(description="A date of the school calendar without school: the counselling room is closed.")
class NonSchoolDay:
    day: datetime.date
    name: str


@strawberry.type
class Removed:
    id: strawberry.ID


@strawberry.type
class SchoolCalendar:
    non_school_days: list[NonSchoolDay]


@strawberry.input
class OpeningExceptionInput:
    day: datetime.date
    kind: OpeningExceptionKind
    start_minute: int | None = None
    end_minute: int | None = None
    slot_minutes: int | None = None
    buffer_minutes: int = 0
    whole_room: bool = False


@strawberry.input
class OpeningTemplateInput:
    weekday: int
    start_minute: int
    end_minute: int
    slot_minutes: int
    buffer_minutes: int = 0


BookSlotResult = Annotated[Booking | SlotTaken | ValidationError, strawberry.union("BookSlotResult")]
BookingResult = Annotated[Booking | ValidationError, strawberry.union("BookingResult")]
OpeningExceptionResult = Annotated[OpeningException | ValidationError, strawberry.union("OpeningExceptionResult")]
RoomResult = Annotated[Room | ValidationError, strawberry.union("RoomResult")]
RemovedResult = Annotated[Removed | ValidationError, strawberry.union("RemovedResult")]
SchoolCalendarResult = Annotated[SchoolCalendar | ValidationError, strawberry.union("SchoolCalendarResult")]
SessionRecordResult = Annotated[SessionRecord | ValidationError, strawberry.union("SessionRecordResult")]
OpeningHoursResult = Annotated[OpeningHours | ValidationError, strawberry.union("OpeningHoursResult")]
