"""Running the counselling room: free slots, booking, cancelling and moving, the counsellor's
day and the sealed session record.

Exactly one live booking per slot: the slot's key is the primary key of a SlotClaim written
in the booking's transaction, so of two simultaneous bookings the database lets one through,
on SQLite and PostgreSQL alike; the other gets "slot just taken".
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from uuid import UUID

from tortoise.backends.base.client import BaseDBAsyncClient
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from shouhu import validation
from shouhu.access import audit, scopes
from shouhu.access.principal import Principal
from shouhu.clock import utcnow
from shouhu.counselling import slots as slot_rules
from shouhu.counselling.hours import rule_of, school_of
from shouhu.care.models import CareCase
from shouhu.counselling.models import (
    Booking,
    BookingStatus,
    NonSchoolDay,
    OpeningException,
    OpeningTemplate,
    SessionRecord,
    SlotClaim,
)
from shouhu.entries.models import Visibility
from shouhu.errors import Invalid
from shouhu.notify.rules import Kind
from shouhu.notify.services import notify
from shouhu.schools import calendar
from shouhu.schools.models import School, Student
from shouhu.timeline.models import EventKind
from shouhu.timeline.services import add_event

TOPIC_MAX = 500
REASON_MAX = 200


class SlotTaken(Exception):
    """Somebody booked the slot first."""

async def _rules(school: School) -> tuple[list[slot_rules.Template], list[slot_rules.DateException], set[date]]:
    templates = [
        rule_of(t) for t in await OpeningTemplate.filter(school_id=school.id)
    ]
    today = calendar.today(school.time_zone)
    exceptions = [
        slot_rules.DateException(id=e.id, room_id=e.room_id, counsellor_id=e.counsellor_id, day=e.day,
                                 kind=slot_rules.ExceptionKind(e.kind), start_minute=e.start_minute,
                                 end_minute=e.end_minute, slot_minutes=e.slot_minutes, buffer_minutes=e.buffer_minutes)
        for e in await OpeningException.filter(school_id=school.id, day__gte=today - timedelta(days=1))
    ]
    closed = set(await NonSchoolDay.filter(school_id=school.id, day__gte=today - timedelta(days=1)).values_list("day", flat=True))
    return templates, exceptions, closed


async def _derive(school: School, *, days: int, not_before: datetime) -> list[slot_rules.Slot]:
    templates, exceptions, closed = await _rules(school)
    return slot_rules.derive_slots(
        templates, exceptions, start=calendar.local_date(not_before, school.time_zone), days=days,
        time_zone=school.time_zone, school_days=school.school_days, non_school_dates=closed, not_before=not_before,
    )


def _may_book_for_others(principal: Principal, school: School) -> bool:
    return school.id in principal.counsellor_of


async def free_slots(principal: Principal) -> list[slot_rules.Slot]:
    """Free slots of the principal's school from now (plus the notice) over the horizon: for its
    students and its counsellors."""
    if principal.school_id is None:  # district staff and the like: no room of their own
        return []
    school = await school_of(principal)
    if principal.student_id is None and not _may_book_for_others(principal, school):
        return []
    now = utcnow()
    notice = timedelta(minutes=0 if principal.student_id is None else school.booking_notice_minutes)
    derived = await _derive(school, days=school.booking_horizon_days + 1, not_before=now + notice)
    horizon_end = now + timedelta(days=school.booking_horizon_days)
    derived = [slot for slot in derived if slot.starts_at <= horizon_end]
    taken = set(await SlotClaim.filter(slot_key__in=[s.key for s in derived]).values_list("slot_key", flat=True))
    return [slot for slot in derived if slot.key not in taken]


async def book_slot(principal: Principal, slot_key: str, topic: str | None, student_id: UUID | None = None) -> Booking:
    """A student books a free slot for themselves; a counsellor may book for a student of the school."""
    school = await school_of(principal)
    on_behalf = student_id is not None and student_id != principal.student_id
    if on_behalf:
        if not _may_book_for_others(principal, school):
            raise Invalid("student.unknown", field="studentId")
        student = await Student.get_or_none(id=student_id, school_id=school.id, is_active=True)
        if student is None:
            raise Invalid("student.unknown", field="studentId")
    else:
        if principal.student_id is None:
            raise Invalid("booking.students_only", field="slotKey")
        student = await Student.get(id=principal.student_id)
    text = validation.text(topic, "topic", TOPIC_MAX, required=False) or ""
    now = utcnow()
    notice = timedelta(minutes=0 if on_behalf else school.booking_notice_minutes)
    wanted = next((s for s in await _derive(school, days=school.booking_horizon_days + 1, not_before=now + notice)
                   if s.key == slot_key), None)
    if wanted is None or wanted.starts_at > now + timedelta(days=school.booking_horizon_days):
        raise Invalid("slot.unknown", field="slotKey")
    try:
        async with in_transaction() as connection:
            # One student's bookings are counted under a lock on the student's row (PostgreSQL);
            # SQLite runs transactions one at a time anyway.
            await Student.filter(id=student.id).select_for_update().using_db(connection).first()
            upcoming = await Booking.filter(student_id=student.id, status=BookingStatus.BOOKED,
                                            starts_at__gt=now).using_db(connection).count()
            # The limit is the student's; a counsellor booking after a referral decides for themselves.
            if not on_behalf and upcoming >= school.max_upcoming_bookings:
                raise Invalid("booking.limit", field="slotKey", max=school.max_upcoming_bookings)
            booking = await Booking.create(
                school_id=school.id, room_id=wanted.room_id, counsellor_id=wanted.counsellor_id, student_id=student.id,
                slot_key=wanted.key, starts_at=wanted.starts_at, ends_at=wanted.ends_at, topic=text,
                booked_by_id=principal.account_id, booked_at=now, using_db=connection,
            )
            await SlotClaim.create(slot_key=wanted.key, booking_id=booking.id, using_db=connection)
    except IntegrityError:
        raise SlotTaken() from None
    await audit.record(principal, "write", "booking", booking.id, "book", school_id=school.id)
    return booking


async def _tell_student(booking: Booking, connection: BaseDBAsyncClient) -> None:
    """A booking moved or cancelled by a counsellor: the student hears that something changed."""
    accounts = await Student.filter(id=booking.student_id).using_db(connection).values_list("account_id", flat=True)
    recipients = [account for account in accounts if account]
    await notify(school_id=booking.school_id, recipients=recipients, kind=Kind.BOOKING_CHANGED, event=str(booking.id),
                 target="/counselling/book", connection=connection)


async def cancel_booking(principal: Principal, booking_id: UUID, reason: str | None) -> Booking:
    """The student cancels until the notice period; a counsellor cancels any time, with a reason
    the student sees."""
    booking = await scopes.visible_bookings(principal).select_related("school").get_or_none(id=booking_id)
    if booking is None or booking.status != BookingStatus.BOOKED:
        raise Invalid("booking.unknown", field="id")
    now = utcnow()
    as_counsellor = booking.school_id in principal.counsellor_of and booking.student_id != principal.student_id
    if as_counsellor:
        why = validation.text(reason, "reason", REASON_MAX)
    else:
        why = validation.text(reason, "reason", REASON_MAX, required=False) or ""
        if booking.starts_at - now < timedelta(minutes=booking.school.cancel_notice_minutes):
            raise Invalid("booking.cancel_too_late", field="id", minutes=booking.school.cancel_notice_minutes)
    async with in_transaction() as connection:
        updated = await Booking.filter(id=booking.id, status=BookingStatus.BOOKED).using_db(connection).update(
            status=BookingStatus.CANCELLED, cancelled_at=now, cancelled_by_id=principal.account_id, cancel_reason=why,
        )
        if not updated:
            raise Invalid("booking.unknown", field="id")
        await SlotClaim.filter(booking_id=booking.id).using_db(connection).delete()
        if as_counsellor:
            await _tell_student(booking, connection)
    await audit.record(principal, "write", "booking", booking.id, "cancel", school_id=booking.school_id)
    await booking.refresh_from_db()
    return booking

# The counsellor's day


async def _counsellors_booking(principal: Principal, booking_id: UUID) -> Booking:
    booking = await scopes.visible_bookings(principal).filter(school_id__in=list(principal.counsellor_of)).get_or_none(
        id=booking_id
    )
    if booking is None:
        raise Invalid("booking.unknown", field="bookingId")
    return booking


async def mark_attendance(principal: Principal, booking_id: UUID, attended: bool) -> Booking:
    """Attended or no-show, once the session has started; a mistake may be corrected."""
    booking = await _counsellors_booking(principal, booking_id)
    if booking.status == BookingStatus.CANCELLED:
        raise Invalid("booking.unknown", field="bookingId")
    if booking.starts_at > utcnow():
        raise Invalid("booking.not_started", field="bookingId")
    booking.status = BookingStatus.ATTENDED if attended else BookingStatus.NO_SHOW
    await booking.save(update_fields=["status"])
    await audit.record(principal, "write", "booking", booking.id, "attendance", school_id=booking.school_id)
    return booking


async def move_booking(principal: Principal, booking_id: UUID, slot_key: str, reason: str | None) -> Booking:
    """A counsellor moves a booking to another free slot; the student sees the reason."""
    booking = await _counsellors_booking(principal, booking_id)
    if booking.status != BookingStatus.BOOKED:
        raise Invalid("booking.unknown", field="bookingId")
    why = validation.text(reason, "reason", REASON_MAX)
    school = await School.get(id=booking.school_id)
    now = utcnow()
    wanted = next((s for s in await _derive(school, days=school.booking_horizon_days + 1, not_before=now)
                   if s.key == slot_key), None)
    if wanted is None:
        raise Invalid("slot.unknown", field="slotKey")
    try:
        async with in_transaction() as connection:
            moved = await Booking.create(
                school_id=school.id, room_id=wanted.room_id, counsellor_id=wanted.counsellor_id,
                student_id=booking.student_id, slot_key=wanted.key, starts_at=wanted.starts_at, ends_at=wanted.ends_at,
                topic=booking.topic, booked_by_id=principal.account_id, booked_at=now, using_db=connection,
            )
            await SlotClaim.create(slot_key=wanted.key, booking_id=moved.id, using_db=connection)
            await Booking.filter(id=booking.id).using_db(connection).update(
                status=BookingStatus.CANCELLED, cancelled_at=now, cancelled_by_id=principal.account_id, cancel_reason=why,
            )
            await SlotClaim.filter(booking_id=booking.id).using_db(connection).delete()
            await _tell_student(booking, connection)
    except IntegrityError:
        raise SlotTaken() from None
    await audit.record(principal, "write", "booking", booking.id, "move", school_id=school.id)
    return moved


RECORD_MAX = 5000
CONCLUSION_MAX = 1000


async def write_session_record(
    principal: Principal, booking_id: UUID, notes: str | None, conclusion: str | None, share: bool
) -> SessionRecord:
    """The sealed record of a session held; sharing puts the conclusion, and nothing else, on
    the care team's timeline when the student has a case."""
    booking = await _counsellors_booking(principal, booking_id)
    if booking.status != BookingStatus.ATTENDED:
        raise Invalid("record.not_attended", field="bookingId")
    text = validation.text(notes, "notes", RECORD_MAX) or ""
    summary = validation.text(conclusion, "conclusion", CONCLUSION_MAX, required=share) or ""
    now = utcnow()
    async with in_transaction() as connection:
        record = await SessionRecord.filter(booking_id=booking.id).using_db(connection).first()
        if record is None:
            record = await SessionRecord.create(
                school_id=booking.school_id, booking_id=booking.id, notes=text, conclusion=summary,
                written_by_id=principal.account_id, written_at=now, updated_at=now, using_db=connection,
            )
        else:
            record.notes, record.conclusion, record.updated_at = text, summary, now
            await record.save(using_db=connection)
        if share and record.conclusion_shared_at is None and await CareCase.filter(
            student_id=booking.student_id
        ).using_db(connection).exists():
            record.conclusion_shared_at = now
            await record.save(using_db=connection, update_fields=["conclusion_shared_at"])
            await add_event(
                school_id=booking.school_id, student_id=booking.student_id, kind=EventKind.COUNSELLING,
                entry_id=record.id, author_id=principal.account_id, occurred_at=now, visibility=Visibility.TEAM,
                connection=connection,
            )
    await audit.record(principal, "write", "session_record", record.id, "write", school_id=booking.school_id)
    return record

