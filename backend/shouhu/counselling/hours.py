"""The counselling room's hours: rooms, counsellors' weekly templates, date exceptions, the
school calendar, and how the week measures up to the 5-hour minimum and the share of school time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from uuid import UUID

from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from shouhu import validation
from shouhu.access import audit, scopes
from shouhu.access.policies import require_school_admin
from shouhu.access.principal import Principal
from shouhu.counselling import slots as slot_rules
from shouhu.counselling.models import NonSchoolDay, OpeningException, OpeningTemplate, Room
from shouhu.errors import Invalid
from shouhu.schools import calendar
from shouhu.schools.models import School


@dataclass(frozen=True)
class TemplateData:
    weekday: int
    start_minute: int
    end_minute: int
    slot_minutes: int
    buffer_minutes: int = 0

async def school_of(principal: Principal) -> School:
    school = await School.get_or_none(id=principal.school_id) if principal.school_id else None
    if school is None:
        raise Invalid("room.no_school")
    return school

def rule_of(t: OpeningTemplate) -> slot_rules.Template:
    return slot_rules.Template(id=t.id, room_id=t.room_id, counsellor_id=t.counsellor_id, weekday=t.weekday,
                               start_minute=t.start_minute, end_minute=t.end_minute, slot_minutes=t.slot_minutes,
                               buffer_minutes=t.buffer_minutes)

async def set_templates(principal: Principal, room_id: UUID, templates: list[TemplateData]) -> list[OpeningTemplate]:
    """A counsellor replaces their own weekly hours in one room."""
    room = await scopes.managed_rooms(principal).get_or_none(id=room_id)
    if room is None:
        raise Invalid("room.unknown", field="roomId")
    if len(templates) > 50:
        raise Invalid("room.too_many_templates", field="templates", max=50)
    mine = [
        slot_rules.Template(id=UUID(int=index), room_id=room.id, counsellor_id=principal.account_id, weekday=t.weekday,
                            start_minute=t.start_minute, end_minute=t.end_minute, slot_minutes=t.slot_minutes,
                            buffer_minutes=t.buffer_minutes)
        for index, t in enumerate(templates)
    ]
    for index, template in enumerate(mine):
        slot_rules.check_template(template, field_prefix=f"templates.{index}.")
    others = [
        rule_of(t) for t in await OpeningTemplate.filter(room_id=room.id).exclude(counsellor_id=principal.account_id)
    ]
    slot_rules.check_no_overlap([*others, *mine])
    async with in_transaction() as connection:
        await OpeningTemplate.filter(room_id=room.id, counsellor_id=principal.account_id).using_db(connection).delete()
        await OpeningTemplate.bulk_create(
            [OpeningTemplate(school_id=room.school_id, room_id=room.id, counsellor_id=principal.account_id,
                             weekday=t.weekday, start_minute=t.start_minute, end_minute=t.end_minute,
                             slot_minutes=t.slot_minutes, buffer_minutes=t.buffer_minutes) for t in templates],
            using_db=connection,
        )
    await audit.record(principal, "write", "room", room.id, "templates", school_id=room.school_id)
    return await OpeningTemplate.filter(room_id=room.id).order_by("weekday", "start_minute")

@dataclass(frozen=True)
class OpeningHours:
    templates: list[OpeningTemplate]
    check: slot_rules.HoursCheck


async def opening_hours(principal: Principal) -> OpeningHours | None:
    """The school's weekly hours and how they measure up: for counsellors and leadership."""
    if principal.school_id not in principal.school_wide_of:
        return None
    school = await school_of(principal)
    rows = await scopes.visible_templates(principal).filter(school_id=school.id).order_by("weekday", "start_minute")
    periods = await scopes.visible_periods(principal).filter(school_id=school.id).values_list("start_minute", "end_minute")
    school_days = [day for day in school.school_days if 1 <= day <= 7]
    school_minutes = sum(end - start for start, end in periods) * len(school_days)
    templates = [
        rule_of(t) for t in rows
    ]
    check = slot_rules.hours_check(templates, school_days=school_days, school_minutes_per_week=school_minutes)
    return OpeningHours(templates=rows, check=check)

# Date exceptions and the school calendar


@dataclass(frozen=True)
class ExceptionData:
    day: date
    kind: str
    start_minute: int | None = None
    end_minute: int | None = None
    slot_minutes: int | None = None
    buffer_minutes: int = 0
    whole_room: bool = False


async def add_exception(principal: Principal, room_id: UUID, data: ExceptionData) -> OpeningException:
    """A counsellor closes a day (or part of it) or opens extra hours. Bookings already made on a
    closed day stay: the counsellor cancels or moves them with a reason."""
    room = await scopes.managed_rooms(principal).select_related("school").get_or_none(id=room_id)
    if room is None:
        raise Invalid("room.unknown", field="roomId")
    try:
        kind = slot_rules.ExceptionKind(data.kind)
    except ValueError as exc:
        raise Invalid("field.invalid_choice", field="kind") from exc
    if data.day < calendar.today(room.school.time_zone):
        raise Invalid("room.exception_in_past", field="day")
    timed = data.start_minute is not None or data.end_minute is not None
    if kind is slot_rules.ExceptionKind.EXTRA or timed:
        if data.start_minute is None or data.end_minute is None:
            raise Invalid("field.required", field="startMinute" if data.start_minute is None else "endMinute")
        slot_rules.check_template(slot_rules.Template(
            id=UUID(int=0), room_id=room.id, counsellor_id=principal.account_id, weekday=data.day.isoweekday(),
            start_minute=data.start_minute, end_minute=data.end_minute,
            slot_minutes=data.slot_minutes or slot_rules.EXTRA_SLOT_MINUTES, buffer_minutes=data.buffer_minutes,
        ))
    created = await OpeningException.create(
        school_id=room.school_id, room_id=room.id,
        counsellor_id=None if data.whole_room and kind is slot_rules.ExceptionKind.CLOSED else principal.account_id,
        day=data.day, kind=kind.value, start_minute=data.start_minute, end_minute=data.end_minute,
        slot_minutes=(data.slot_minutes or slot_rules.EXTRA_SLOT_MINUTES) if kind is slot_rules.ExceptionKind.EXTRA else None,
        buffer_minutes=data.buffer_minutes,
    )
    await audit.record(principal, "write", "room", room.id, "exception", school_id=room.school_id)
    return created


async def remove_exception(principal: Principal, exception_id: UUID) -> None:
    row = await OpeningException.filter(id=exception_id, school_id__in=list(principal.counsellor_of)).first()
    if row is None:
        raise Invalid("room.unknown_exception", field="id")
    await row.delete()
    await audit.record(principal, "write", "room", row.room_id, "exception_removed", school_id=row.school_id)


async def set_non_school_day(principal: Principal, day: date, name: str | None, closed: bool) -> None:
    """Admins keep the school calendar: a holiday closes the counselling room that day."""
    school_id = require_school_admin(principal)
    label = validation.text(name, "name", 50, required=False) or ""
    if closed:
        if not await NonSchoolDay.filter(school_id=school_id, day=day).exists():
            try:
                await NonSchoolDay.create(school_id=school_id, day=day, name=label)
            except IntegrityError:
                pass  # set at the same moment by another admin: the same outcome
    else:
        await NonSchoolDay.filter(school_id=school_id, day=day).delete()
    await audit.record(principal, "write", "school", school_id, "calendar")

# Rooms


async def save_room(principal: Principal, room_id: UUID | None, name: str | None, place: str | None) -> Room:
    """Admins and counsellors name a room and its fixed place (固定场所)."""
    if principal.school_id is None or principal.school_id not in principal.school_wide_of:
        raise Invalid("room.unknown", field="id")
    school_id = principal.school_id
    clean_name = validation.text(name, "name", 50)
    clean_place = validation.text(place, "place", 200)
    duplicate = Room.filter(school_id=school_id, name=clean_name)
    if room_id is not None:
        duplicate = duplicate.exclude(id=room_id)
    if await duplicate.exists():
        raise Invalid("room.duplicate", field="name")
    try:
        if room_id is None:
            room = await Room.create(school_id=school_id, name=clean_name, place=clean_place)
        else:
            room = await Room.get_or_none(id=room_id, school_id=school_id)
            if room is None:
                raise Invalid("room.unknown", field="id")
            room.name, room.place = clean_name, clean_place
            await room.save()
    except IntegrityError:
        raise Invalid("room.duplicate", field="name") from None
    await audit.record(principal, "write", "room", room.id, "save", school_id=school_id)
    return room
