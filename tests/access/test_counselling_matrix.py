"""Who may see and do what in the counselling room. A student's bookings are the student's
and the counsellors' alone (个案保密): not the guardians', the team's, leadership's or the
district's; sealed records are the counsellors' only."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from shouhu import clock
from shouhu.accounts.models import Account
from shouhu.auth.passwords import hash_password
from shouhu.counselling.models import Booking, OpeningTemplate, Room
from shouhu.demo.seed import DEMO_PASSWORD
from shouhu.schools.models import School, Student
from tests.support import error_codes
from tests.access.roles import another_school, signed_in_role

pytestmark = pytest.mark.usefixtures("demo")

ROLES = ["anonymous", "student", "other-student", "guardian", "mentor", "class-teacher", "counsellor", "admin",
         "district", "other-school-admin"]
LOGINS = {"student": "demo-student1", "other-student": "student-b", "guardian": "demo-parent1",
          "mentor": "demo-mentor1", "class-teacher": "demo-teacher", "counsellor": "demo-counsellor",
          "admin": "demo-admin", "district": "demo-district"}
TOPIC = "想聊聊和父母的矛盾"


@pytest.fixture
async def world(demo, new_client):
    clock.travel_to(datetime(2026, 11, 23, 0, 30, tzinfo=timezone.utc))  # Monday 08:30 in Shanghai
    await another_school()
    school = await School.first()
    other = await Student.filter(school_id=school.id, account_id=None).order_by("student_number").first()
    account = await Account.create(school_id=school.id, login="student-b", display_name=other.name,
                                   password_hash=await hash_password(DEMO_PASSWORD))
    await Student.filter(id=other.id).update(account_id=account.id)
    counsellor = await Account.get(login="demo-counsellor")
    room = await Room.create(school_id=school.id, name="心语小屋", place="203")
    await OpeningTemplate.bulk_create([OpeningTemplate(school_id=school.id, room_id=room.id, counsellor_id=counsellor.id,
                                                       weekday=d, start_minute=720, end_minute=780, slot_minutes=50,
                                                       buffer_minutes=10) for d in range(1, 6)])
    student = new_client()
    await student.sign_in("demo-student1")
    slots = (await student.data("{ counsellingSlots { key } }"))["counsellingSlots"]
    booked = await student.data("""mutation($k: String!, $t: String) { bookSlot(slotKey: $k, topic: $t) { ... on Booking { id } } }""",
                                {"k": slots[1]["key"], "t": TOPIC})
    from datetime import date

    from shouhu.counselling.models import NonSchoolDay, OpeningException

    exception = await OpeningException.create(school_id=school.id, room_id=room.id, day=date(2026, 11, 30), kind="closed")
    second = new_client()
    await second.sign_in("student-b")
    other_booking = await second.data("mutation($k: String!) { bookSlot(slotKey: $k) { ... on Booking { id } } }",
                                      {"k": slots[4]["key"]})
    await NonSchoolDay.create(school_id=school.id, day=date(2026, 12, 1), name="校运会")
    return {"exception": str(exception.id), "other_booking": other_booking["bookSlot"]["id"], "move_to": slots[8]["key"],
            "school": str(school.id), "room": str(room.id), "booking": booked["bookSlot"]["id"], "free": slots[2]["key"], "other_free": slots[3]["key"],
            "zihan": str((await Student.get(name="周子涵")).id)}


async def _as(new_client, role):
    return await signed_in_role(new_client, role, LOGINS)


@pytest.mark.parametrize("role", ROLES)
async def test_counselling_reads(world, new_client, role):
    client = await _as(new_client, role)
    reads = {
        "counsellingSlots": await client("{ counsellingSlots { key } }"),
        "myBookings": await client("{ myBookings { id topic } }"),
        "counsellorSchedule": await client("{ counsellorSchedule(days: 14) { id topic student { name } hasRecord } }"),
        "sessionRecord": await client("query($b: ID!) { sessionRecord(bookingId: $b) { notes } }", {"b": world["booking"]}),
        "openingHours": await client("{ openingHours { openMinutes } }"),
        "counsellingRooms": await client("{ counsellingRooms { name place } }"),
        "timeline": await client("query($s: ID!) { timeline(studentId: $s) { nodes { kind } } }", {"s": world["zihan"]}),
        "openingExceptions": await client("{ openingExceptions { day } }"),
        "nonSchoolDays": await client("{ nonSchoolDays { day } }"),
        "reportingSchools": await client("{ reportingSchools { name } }"),
        "dailyReport": await client("query($s: ID!) { dailyReport(schoolId: $s) { sessionsHeld } }", {"s": world["school"]}),
    }
    if role == "anonymous":
        assert all(error_codes(body) == ["UNAUTHENTICATED"] for body in reads.values())
        return
    assert all("errors" not in body for body in reads.values() if body is not reads["timeline"]), reads
    data = {name: (body.get("data") or {}).get(name) for name, body in reads.items()}
    assert bool(data["counsellingSlots"]) == (role in {"student", "other-student", "counsellor"})
    assert [b["topic"] for b in data["myBookings"]] == {"student": [TOPIC], "other-student": [""]}.get(role, [])
    schedule = data["counsellorSchedule"]
    assert [b["topic"] for b in schedule] == ([TOPIC, ""] if role == "counsellor" else [])
    if role == "other-school-admin":  # its own school's hours: none
        assert data["openingHours"] == {"openMinutes": 0}
    else:
        assert (data["openingHours"] is not None) == (role in {"counsellor", "admin"})
    assert bool(data["counsellingRooms"]) == (role not in {"district", "other-school-admin"})
    assert data["openingExceptions"] == ([{"day": "2026-11-30"}] if role in {"counsellor", "admin"} else [])
    assert data["nonSchoolDays"] == ([] if role in {"district", "other-school-admin"} else [{"day": "2026-12-01"}])
    reporting = role in {"counsellor", "admin", "district"}
    expected_schools = {"district": ["另一所中学", "宝山区启航实验中学"],  # every school of the district
                        "other-school-admin": ["另一所中学"]}.get(role, ["宝山区启航实验中学"] if reporting else [])
    assert [s["name"] for s in data["reportingSchools"]] == expected_schools
    assert len(data["dailyReport"]) == (1 if reporting else 0)
    # No trace of the booking anywhere else: not its topic, not on the student's timeline.
    if role not in {"student", "counsellor"}:
        assert TOPIC not in str(reads)


@pytest.mark.parametrize("role", ROLES)
async def test_counselling_writes(world, new_client, role):
    client = await _as(new_client, role)
    zihan = world["zihan"]
    calls = {  # in this order: moving needs the hours that setOpeningTemplates later replaces
        "moveBooking": ('mutation($id: ID!, $k: String!) { moveBooking(id: $id, slotKey: $k, reason: "改期") { __typename ... on ValidationError { code } } }',
                        {"id": world["other_booking"], "k": world["move_to"]}),
        "bookSlot": ("mutation($k: String!) { bookSlot(slotKey: $k) { __typename ... on ValidationError { code } } }",
                     {"k": world["free"]}),
        "bookForStudent": ("mutation($k: String!, $s: ID) { bookSlot(slotKey: $k, studentId: $s) { __typename ... on ValidationError { code } } }",
                           {"k": world["other_free"], "s": zihan}),
        "cancelBooking": ('mutation($id: ID!) { cancelBooking(id: $id, reason: "老师外出") { __typename ... on ValidationError { code } } }',
                          {"id": world["booking"]}),
        "setOpeningTemplates": ("mutation($r: ID!) { setOpeningTemplates(roomId: $r, templates: [{weekday: 6, startMinute: 540, endMinute: 600, slotMinutes: 50}]) { __typename ... on ValidationError { code } } }",
                                {"r": world["room"]}),
        "writeSessionRecord": ('mutation($b: ID!) { writeSessionRecord(bookingId: $b, notes: "x") { __typename ... on ValidationError { code } } }',
                               {"b": world["booking"]}),
        "markAttendance": ("mutation($b: ID!) { markAttendance(bookingId: $b, attended: true) { __typename ... on ValidationError { code } } }",
                           {"b": world["booking"]}),
        "addOpeningException": ('mutation($r: ID!) { addOpeningException(roomId: $r, input: {day: "2026-12-02", kind: CLOSED}) { __typename ... on ValidationError { code } } }',
                                {"r": world["room"]}),
        "saveCounsellingRoom": ('mutation { saveCounsellingRoom(name: "沙盘室", place: "105") { __typename ... on ValidationError { code } } }', {}),
        "removeOpeningException": ("mutation($id: ID!) { removeOpeningException(id: $id) { __typename ... on ValidationError { code } } }",
                                   {"id": world["exception"]}),
    }
    allowed = {
        "bookSlot": set(),  # both students already hold one: the limit refuses; no one else books for themselves
        "bookForStudent": {"counsellor"},
        "cancelBooking": {"student", "counsellor"},
        "setOpeningTemplates": {"counsellor"},
        "writeSessionRecord": set(),  # not attended yet: refused for everyone
        "markAttendance": set(),  # not started yet: refused for everyone
        "addOpeningException": {"counsellor"},
        "removeOpeningException": {"counsellor"},
        "saveCounsellingRoom": {"counsellor", "admin", "other-school-admin"},  # the last in its own school
        "moveBooking": {"counsellor"},
    }
    calendar = await client('mutation { setNonSchoolDay(day: "2026-12-03", closed: true) { __typename } }')
    if role in {"admin", "other-school-admin"}:
        assert calendar["data"]["setNonSchoolDay"]["__typename"] == "SchoolCalendar"
    else:
        assert error_codes(calendar) == ["UNAUTHENTICATED" if role == "anonymous" else "FORBIDDEN"]
    before = await Booking.all().count()
    for name, (query, variables) in calls.items():
        body = await client(query, variables)
        if role == "anonymous":
            assert error_codes(body) == ["UNAUTHENTICATED"], name
            continue
        field = "bookSlot" if name == "bookForStudent" else name
        outcome = body["data"][field]
        if role in allowed[name]:
            assert outcome["__typename"] != "ValidationError", (name, body)
        else:
            assert outcome["__typename"] == "ValidationError", (name, role, body)
    booked_now = await Booking.all().count() - before
    expected = {"counsellor": 2}.get(role, 0)  # the counsellor's move books a new slot too
    assert booked_now == expected
    cancelled = (await Booking.get(id=world["booking"])).status == "cancelled"
    assert cancelled == (role in {"student", "counsellor"})
