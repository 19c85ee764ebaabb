"""The demo school's counselling room: one room, the counsellor's weekly hours (12:00–13:00 and
15:40–17:10 on school days, 10.8 bookable hours a week) and a few bookings by other students,
so that demo-student1 can book and the counsellor's week is not empty."""

from __future__ import annotations

import uuid
from datetime import timedelta

from tortoise.transactions import in_transaction

from shouhu.clock import utcnow
from shouhu.counselling import slots as slot_rules
from shouhu.counselling.models import Booking, BookingStatus, OpeningTemplate, Room, SlotClaim
from shouhu.demo.seed import demo_id
from shouhu.schools import calendar
from shouhu.schools.models import School, Student

# (weekday, start, end, slot minutes, buffer minutes)
HOURS = [(day, 12 * 60, 13 * 60, 25, 5) for day in range(1, 6)] + [(day, 15 * 60 + 40, 17 * 60 + 10, 40, 5) for day in range(1, 6)]
TOPICS = ["和同学相处有点困难，想找老师聊聊", "考试前总是睡不着", "", "想说说家里的事"]


async def seed_counselling(school_id: uuid.UUID) -> bool:
    room_id = demo_id("counselling-room")
    if await Room.filter(id=room_id).exists():
        return False
    school = await School.get(id=school_id)
    counsellor_id = demo_id("demo-counsellor")
    templates = [
        OpeningTemplate(id=demo_id(f"opening-{day}-{start}"), school_id=school_id, room_id=room_id,
                        counsellor_id=counsellor_id, weekday=day, start_minute=start, end_minute=end,
                        slot_minutes=length, buffer_minutes=buffer)
        for day, start, end, length, buffer in HOURS
    ]
    rules = [slot_rules.Template(id=t.id, room_id=room_id, counsellor_id=counsellor_id, weekday=t.weekday,
                                 start_minute=t.start_minute, end_minute=t.end_minute, slot_minutes=t.slot_minutes,
                                 buffer_minutes=t.buffer_minutes) for t in templates]
    now = utcnow()
    today = calendar.today(school.time_zone)
    derived = slot_rules.derive_slots(rules, [], start=today - timedelta(days=14), days=28, time_zone=school.time_zone,
                                      school_days=school.school_days)
    past = [s for s in derived if s.ends_at < now - timedelta(days=1)][-3:]
    upcoming = [s for s in derived if s.starts_at > now + timedelta(days=1)][1:4:2]
    # Students of class 2 and 3, never demo-student1 (周子涵), who should be free to book.
    everyone = await Student.filter(school_id=school_id).order_by("-student_number")
    students = [s for s in everyone if s.account_id != demo_id("demo-student1")][: len(past) + len(upcoming)]
    bookings, claims = [], []
    outcomes = [BookingStatus.ATTENDED, BookingStatus.NO_SHOW, BookingStatus.ATTENDED]
    for index, (slot, student) in enumerate(zip([*past, *upcoming], students)):
        status = outcomes[index] if index < len(past) else BookingStatus.BOOKED
        booking_id = demo_id(f"booking-{index}")
        bookings.append(Booking(
            id=booking_id, school_id=school_id, room_id=room_id, counsellor_id=counsellor_id, student_id=student.id,
            slot_key=slot.key, starts_at=slot.starts_at, ends_at=slot.ends_at, topic=TOPICS[index % len(TOPICS)],
            status=status, booked_by_id=student.account_id, booked_at=slot.starts_at - timedelta(days=2),
        ))
        claims.append(SlotClaim(slot_key=slot.key, booking_id=booking_id))
    async with in_transaction():
        await Room.create(id=room_id, school_id=school_id, name="心语小屋", place="行政楼二楼 203 室")
        await OpeningTemplate.bulk_create(templates)
        await Booking.bulk_create(bookings)
        await SlotClaim.bulk_create(claims)
    return True
