"""Booking and cancelling, and counsellors' opening hours."""

from __future__ import annotations

import datetime

import strawberry

from shouhu.api.context import Info
from shouhu.api.counselling.queries import CounsellingQueries
from shouhu.api.counselling.types import (
    Booking,
    BookingResult,
    BookSlotResult,
    OpeningHours,
    OpeningHoursResult,
    OpeningException,
    OpeningExceptionInput,
    OpeningExceptionResult,
    OpeningTemplateInput,
    Removed,
    RemovedResult,
    Room,
    RoomResult,
    SchoolCalendar,
    SchoolCalendarResult,
    SessionRecord,
    SessionRecordResult,
    Slot,
    SlotTaken,
)
from shouhu.api.errors import attempt
from shouhu.api.ids import parse_id, required_id
from shouhu.api.permissions import IsAuthenticated, IsSchoolAdmin
from shouhu.counselling import hours as opening
from shouhu.counselling import services

signed_in = [IsAuthenticated]


async def _taken(info: Info) -> SlotTaken:
    free = await services.free_slots(info.context.principal)
    return SlotTaken(message=info.context.t("slot.taken"), free_slots=[Slot.of(s) for s in free])


@strawberry.type
class CounsellingMutations:
    @strawberry.mutation(permission_classes=signed_in, description="Book a free slot: a student for themselves, a counsellor for a student of the school.")
    async def book_slot(
        self, info: Info, slot_key: str, topic: str | None = None, student_id: strawberry.ID | None = None
    ) -> BookSlotResult:
        async def run() -> Booking:
            target = parse_id(student_id, "studentId", "student.unknown")
            return Booking.of(await services.book_slot(info.context.principal, slot_key, topic, target))

        try:
            return await attempt(info.context.locale, run)
        except services.SlotTaken:
            return await _taken(info)

    @strawberry.mutation(permission_classes=signed_in, description="Cancel a booking: the student until the notice period, a counsellor with a reason.")
    async def cancel_booking(self, info: Info, id: strawberry.ID, reason: str | None = None) -> BookingResult:
        async def run() -> Booking:
            booking_id = required_id(id, "id", "booking.unknown")
            return Booking.of(await services.cancel_booking(info.context.principal, booking_id, reason))

        return await attempt(info.context.locale, run)

    @strawberry.mutation(permission_classes=signed_in, description="A counsellor marks a session attended or missed (no-show).")
    async def mark_attendance(self, info: Info, booking_id: strawberry.ID, attended: bool) -> BookingResult:
        async def run() -> Booking:
            target = required_id(booking_id, "bookingId", "booking.unknown")
            return Booking.of(await services.mark_attendance(info.context.principal, target, attended))

        return await attempt(info.context.locale, run)

    @strawberry.mutation(permission_classes=signed_in, description="A counsellor moves a booking to another free slot, with a reason the student sees.")
    async def move_booking(self, info: Info, id: strawberry.ID, slot_key: str, reason: str) -> BookSlotResult:
        async def run() -> Booking:
            target = required_id(id, "bookingId", "booking.unknown")
            return Booking.of(await services.move_booking(info.context.principal, target, slot_key, reason))

        try:
            return await attempt(info.context.locale, run)
        except services.SlotTaken:
            return await _taken(info)

    @strawberry.mutation(permission_classes=signed_in, description="The counsellor's sealed record of a session held; optionally share the conclusion with the care team.")
    async def write_session_record(
        self, info: Info, booking_id: strawberry.ID, notes: str, conclusion: str | None = None,
        share_conclusion: bool = False,
    ) -> SessionRecordResult:
        async def run() -> SessionRecord:
            target = required_id(booking_id, "bookingId", "booking.unknown")
            row = await services.write_session_record(info.context.principal, target, notes, conclusion, share_conclusion)
            return SessionRecord.of(row)

        return await attempt(info.context.locale, run)

    @strawberry.mutation(permission_classes=signed_in, description="A counsellor closes a date (or part of it) or opens extra hours in a room.")
    async def add_opening_exception(
        self, info: Info, room_id: strawberry.ID, input: OpeningExceptionInput
    ) -> OpeningExceptionResult:
        async def run() -> OpeningException:
            room = required_id(room_id, "roomId", "room.unknown")
            data = opening.ExceptionData(day=input.day, kind=input.kind.value, start_minute=input.start_minute,
                                          end_minute=input.end_minute, slot_minutes=input.slot_minutes,
                                          buffer_minutes=input.buffer_minutes, whole_room=input.whole_room)
            return OpeningException.of(await opening.add_exception(info.context.principal, room, data))

        return await attempt(info.context.locale, run)

    @strawberry.mutation(permission_classes=signed_in)
    async def remove_opening_exception(self, info: Info, id: strawberry.ID) -> RemovedResult:
        async def run() -> Removed:
            await opening.remove_exception(info.context.principal, required_id(id, "id", "room.unknown_exception"))
            return Removed(id=id)

        return await attempt(info.context.locale, run)

    @strawberry.mutation(permission_classes=[IsSchoolAdmin], description="Admins mark a date of the school calendar as without school (closed=true) or as a school day again.")
    async def set_non_school_day(
        self, info: Info, day: datetime.date, closed: bool, name: str | None = None
    ) -> SchoolCalendarResult:
        async def run() -> SchoolCalendar:
            await opening.set_non_school_day(info.context.principal, day, name, closed)
            days = await CounsellingQueries.non_school_days(CounsellingQueries(), info)  # type: ignore[misc]
            return SchoolCalendar(non_school_days=days)

        return await attempt(info.context.locale, run)

    @strawberry.mutation(permission_classes=signed_in, description="Admins and counsellors add a counselling room (id omitted) or rename it and its place.")
    async def save_counselling_room(
        self, info: Info, name: str, place: str, id: strawberry.ID | None = None
    ) -> RoomResult:
        async def run() -> Room:
            room_id = parse_id(id, "id", "room.unknown")
            return Room.of(await opening.save_room(info.context.principal, room_id, name, place))

        return await attempt(info.context.locale, run)

    @strawberry.mutation(permission_classes=signed_in, description="A counsellor replaces their weekly hours in one room.")
    async def set_opening_templates(
        self, info: Info, room_id: strawberry.ID, templates: list[OpeningTemplateInput]
    ) -> OpeningHoursResult:
        async def run() -> OpeningHours:
            room = required_id(room_id, "roomId", "room.unknown")
            data = [opening.TemplateData(t.weekday, t.start_minute, t.end_minute, t.slot_minutes, t.buffer_minutes)
                    for t in templates]
            await opening.set_templates(info.context.principal, room, data)
            hours = await CounsellingQueries.opening_hours(CounsellingQueries(), info)  # type: ignore[misc]
            assert hours is not None
            return hours

        return await attempt(info.context.locale, run)


