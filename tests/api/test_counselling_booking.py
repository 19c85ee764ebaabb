"""Students book the counselling room: free slots, exactly one booking per slot under
concurrency, limits, cancelling, and counsellors' hours."""

from __future__ import annotations

import asyncio
from datetime import datetime, timedelta, timezone

import pytest

from shouhu import clock
from shouhu.accounts.models import Account
from shouhu.counselling.models import Booking, Room, SlotClaim
from shouhu.schools.models import School, Student
from tests.support import error_codes, signed_in_as

pytestmark = pytest.mark.usefixtures("demo")

SLOTS = "{ counsellingSlots { key startsAt endsAt counsellor { displayName } } }"
BOOK = """mutation($k: String!, $t: String, $s: ID) { bookSlot(slotKey: $k, topic: $t, studentId: $s) { __typename
  ... on Booking { id startsAt topic status student { name } }
  ... on SlotTaken { message freeSlots { key } }
  ... on ValidationError { field code message } } }"""
CANCEL = """mutation($id: ID!, $r: String) { cancelBooking(id: $id, reason: $r) { __typename
  ... on Booking { status cancelReason cancelledByCounsellor } ... on ValidationError { field code message } } }"""
MINE = "{ myBookings { id startsAt topic status cancelReason cancelledByCounsellor } }"
SET_HOURS = """mutation($room: ID!, $t: [OpeningTemplateInput!]!) { setOpeningTemplates(roomId: $room, templates: $t) {
  __typename ... on OpeningHours { openMinutes meetsMinimum } ... on ValidationError { field code message } } }"""
# Monday to Friday 12:00–13:00 and 15:40–17:10, 50-minute sessions with 10-minute buffers.
WEEK = [{"weekday": d, "startMinute": s, "endMinute": e, "slotMinutes": 50, "bufferMinutes": 10}
        for d in range(1, 6) for s, e in ((720, 780), (940, 1030))]


@pytest.fixture
async def room(new_client):
    """The demo school's room, opened by the counsellor; the clock on a Monday morning in Shanghai."""
    clock.travel_to(datetime(2026, 11, 23, 0, 30, tzinfo=timezone.utc))  # 08:30 school time, Monday
    school = await School.first()
    room = await Room.create(school_id=school.id, name="心语小屋", place="行政楼二楼 203 室")
    counsellor = new_client()
    await counsellor.sign_in("demo-counsellor")
    hours = (await counsellor.data(SET_HOURS, {"room": str(room.id), "t": WEEK}))["setOpeningTemplates"]
    assert hours == {"__typename": "OpeningHours", "openMinutes": 500, "meetsMinimum": True}
    return room



async def test_a_student_sees_free_slots_books_one_and_cancels_it(room, new_client):
    student = await signed_in_as(new_client, "demo-student1")
    slots = (await student.data(SLOTS))["counsellingSlots"]
    # Two a day on the ten school days of the next 14 days, from Monday 12:00 (notice 1 h).
    assert slots[0]["startsAt"].startswith("2026-11-23T04:00") and len(slots) == 2 * 10
    assert slots[0]["counsellor"]["displayName"] == "陈思雨"
    booked = (await student.data(BOOK, {"k": slots[0]["key"], "t": "最近睡不好"}))["bookSlot"]
    assert booked["__typename"] == "Booking" and booked["student"]["name"] == "周子涵"
    assert slots[0]["key"] not in {s["key"] for s in (await student.data(SLOTS))["counsellingSlots"]}
    assert [(b["topic"], b["status"]) for b in (await student.data(MINE))["myBookings"]] == [("最近睡不好", "BOOKED")]
    second = (await student.data(BOOK, {"k": slots[1]["key"]}))["bookSlot"]
    assert second["code"] == "BOOKING_LIMIT"
    cancelled = (await student.data(CANCEL, {"id": booked["id"]}))["cancelBooking"]
    assert cancelled["status"] == "CANCELLED" and cancelled["cancelledByCounsellor"] is False
    assert slots[0]["key"] in {s["key"] for s in (await student.data(SLOTS))["counsellingSlots"]}


async def test_fifty_students_race_for_one_slot_and_exactly_one_wins(room, new_client, app):
    school = await School.first()
    await School.filter(id=school.id).update(max_upcoming_bookings=1)
    students = await Student.filter(school_id=school.id).order_by("student_number").limit(50)
    from shouhu.auth.passwords import hash_password

    password = await hash_password("shouhu-demo")
    logins = []
    for index, student in enumerate(students):
        if student.account_id is None:
            account = await Account.create(school_id=school.id, login=f"race-{index}", display_name=student.name,
                                           password_hash=password)
            await Student.filter(id=student.id).update(account_id=account.id)
            logins.append(account.login)
        else:
            logins.append((await Account.get(id=student.account_id)).login)
    clients = [await signed_in_as(new_client, login) for login in logins]
    key = (await clients[0].data(SLOTS))["counsellingSlots"][0]["key"]
    answers = await asyncio.gather(*(c.data(BOOK, {"k": key}) for c in clients))
    kinds = [a["bookSlot"]["__typename"] for a in answers]
    assert kinds.count("Booking") == 1 and kinds.count("SlotTaken") == len(clients) - 1
    taken = next(a["bookSlot"] for a in answers if a["bookSlot"]["__typename"] == "SlotTaken")
    assert "刚刚被别人约走" in taken["message"] and key not in {s["key"] for s in taken["freeSlots"]}
    assert await Booking.filter(slot_key=key).count() == 1 and await SlotClaim.filter(slot_key=key).count() == 1


@pytest.mark.parametrize(
    "case, code",
    [("past", "SLOT_UNKNOWN"), ("unknown", "SLOT_UNKNOWN"), ("too_soon", "SLOT_UNKNOWN"), ("weekend", "SLOT_UNKNOWN"),
     ("long_topic", "FIELD_TOO_LONG")],
)
async def test_bad_bookings_are_refused_and_nothing_is_booked(room, new_client, case, code):
    student = await signed_in_as(new_client, "demo-student1")
    first = (await student.data(SLOTS))["counsellingSlots"][0]["key"]
    keys = {
        "past": f"{room.id}:20261116T0400Z",
        "unknown": "no-such-slot",
        "too_soon": f"{room.id}:20261123T0040Z",
        "weekend": f"{room.id}:20261128T0400Z",
        "long_topic": first,
    }
    topic = "长" * 501 if case == "long_topic" else None
    result = (await student.data(BOOK, {"k": keys[case], "t": topic}))["bookSlot"]
    assert result["code"] == code and result["message"]
    assert await Booking.all().count() == 0


async def test_cancelling_late_or_someone_elses_booking_is_refused(room, new_client):
    student = await signed_in_as(new_client, "demo-student1")
    key = (await student.data(SLOTS))["counsellingSlots"][0]["key"]  # Monday 12:00
    booked = (await student.data(BOOK, {"k": key}))["bookSlot"]
    clock.travel(timedelta(hours=2, minutes=30))  # 11:00: less than two hours before
    late = (await student.data(CANCEL, {"id": booked["id"]}))["cancelBooking"]
    assert late["code"] == "BOOKING_CANCEL_TOO_LATE"
    for login in ("demo-parent1", "demo-teacher", "demo-admin", "demo-mentor1", "demo-district"):
        other = await signed_in_as(new_client, login)
        assert (await other.data(CANCEL, {"id": booked["id"]}))["cancelBooking"]["code"] == "BOOKING_UNKNOWN"
        assert (await other.data(MINE))["myBookings"] == []
    counsellor = await signed_in_as(new_client, "demo-counsellor")
    no_reason = (await counsellor.data(CANCEL, {"id": booked["id"]}))["cancelBooking"]
    assert no_reason["field"] == "reason"
    done = (await counsellor.data(CANCEL, {"id": booked["id"], "r": "老师临时外出培训，请改约"}))["cancelBooking"]
    assert done["cancelledByCounsellor"] is True
    mine = (await student.data(MINE))["myBookings"]
    assert mine[0]["cancelReason"] == "老师临时外出培训，请改约" and mine[0]["status"] == "CANCELLED"


async def test_overlapping_or_impossible_hours_are_refused(room, new_client):
    counsellor = await signed_in_as(new_client, "demo-counsellor")
    for templates, code in (
        ([{"weekday": 1, "startMinute": 720, "endMinute": 780, "slotMinutes": 0}], "ROOM_SLOT_LENGTH"),
        ([{"weekday": 1, "startMinute": 720, "endMinute": 780, "slotMinutes": 1440}], "ROOM_SLOT_LENGTH"),
        ([{"weekday": 1, "startMinute": 780, "endMinute": 720, "slotMinutes": 30}], "ROOM_BAD_WINDOW"),
        ([{"weekday": 1, "startMinute": 720, "endMinute": 780, "slotMinutes": 30},
          {"weekday": 1, "startMinute": 750, "endMinute": 800, "slotMinutes": 30}], "ROOM_TEMPLATES_OVERLAP"),
    ):
        result = (await counsellor.data(SET_HOURS, {"room": str(room.id), "t": templates}))["setOpeningTemplates"]
        assert result["code"] == code and result["message"], templates
    student = await signed_in_as(new_client, "demo-student1")
    assert len((await student.data(SLOTS))["counsellingSlots"]) == 20  # the hours are unchanged


async def test_the_demo_room_is_open_over_five_hours_and_demo_student1_can_book(demo_care, new_client):
    counsellor = await signed_in_as(new_client, "demo-counsellor")
    hours = (await counsellor.data("{ openingHours { openMinutes meetsMinimum } }"))["openingHours"]
    assert hours["openMinutes"] >= 300 and hours["meetsMinimum"] is True
    schedule = (await counsellor.data("{ counsellorSchedule(days: 14) { status student { name } } }"))["counsellorSchedule"]
    assert any(b["status"] == "BOOKED" for b in schedule)
    student = await signed_in_as(new_client, "demo-student1")
    slots = (await student.data(SLOTS))["counsellingSlots"]
    assert slots
    assert (await student.data(BOOK, {"k": slots[-1]["key"]}))["bookSlot"]["__typename"] == "Booking"


RECORD = """mutation($b: ID!, $n: String!, $c: String, $s: Boolean) { writeSessionRecord(bookingId: $b, notes: $n, conclusion: $c, shareConclusion: $s) {
  __typename ... on SessionRecord { notes conclusion conclusionSharedAt } ... on ValidationError { field code message } } }"""
ATTEND = """mutation($b: ID!, $a: Boolean!) { markAttendance(bookingId: $b, attended: $a) { __typename
  ... on Booking { status } ... on ValidationError { code } } }"""
SCHEDULE = "{ counsellorSchedule(days: 14) { id status topic student { name } hasRecord } }"
RECORD_READ = "query($b: ID!) { sessionRecord(bookingId: $b) { notes conclusion } }"
TIMELINE = """query($s: ID!) { timeline(studentId: $s) { nodes { kind item { __typename
  ... on CounsellingConclusion { conclusion } } } } }"""


async def test_a_sealed_record_is_for_counsellors_only_and_only_the_conclusion_reaches_the_team(room, new_client):
    student = await signed_in_as(new_client, "demo-student1")
    key = (await student.data(SLOTS))["counsellingSlots"][0]["key"]  # Monday 12:00
    booking = (await student.data(BOOK, {"k": key, "t": "和妈妈吵架了"}))["bookSlot"]
    counsellor = await signed_in_as(new_client, "demo-counsellor")
    early = (await counsellor.data(ATTEND, {"b": booking["id"], "a": True}))["markAttendance"]
    assert early["code"] == "BOOKING_NOT_STARTED"
    clock.travel(timedelta(hours=4))  # 12:30, the session is on
    assert (await counsellor.data(ATTEND, {"b": booking["id"], "a": True}))["markAttendance"]["status"] == "ATTENDED"
    # 周子涵 has a care case: the shared conclusion goes on her timeline, nothing else does.
    opened = await counsellor.data("""mutation($s: ID!) { openCareCase(input: {studentId: $s, level: WATCH, reasons: [FAMILY_PROBLEMS]}) { __typename } }""",
                                   {"s": str((await Student.get(name="周子涵")).id)})
    assert opened["openCareCase"]["__typename"] == "CareCase"
    written = (await counsellor.data(RECORD, {"b": booking["id"], "n": "母女冲突，自述夜间难以入睡（保密）",
                                              "c": "建议家长每晚倾听十五分钟，两周后复谈", "s": True}))["writeSessionRecord"]
    assert written["conclusionSharedAt"] is not None
    schedule = (await counsellor.data(SCHEDULE))["counsellorSchedule"]
    assert schedule[0]["hasRecord"] is True
    assert (await counsellor.data(RECORD_READ, {"b": booking["id"]}))["sessionRecord"]["notes"].startswith("母女冲突")
    from shouhu.access.models import AuditEvent

    assert await AuditEvent.filter(action="read", subject_type="session_record").count() == 1

    zihan = str((await Student.get(name="周子涵")).id)
    for login in ("demo-admin", "demo-teacher", "demo-parent1", "demo-mentor1", "demo-district", "demo-student1"):
        other = await signed_in_as(new_client, login)
        body = await other(SCHEDULE)
        assert "母女冲突" not in str(body) and "和妈妈吵架了" not in str(body) or login == "demo-student1", login
        assert (await other.data(RECORD_READ, {"b": booking["id"]}))["sessionRecord"] is None, login
        timeline = await other(TIMELINE, {"s": zihan})
        conclusions = [n["item"].get("conclusion") for n in ((timeline.get("data") or {}).get("timeline") or {}).get("nodes", [])
                       if n["kind"] == "COUNSELLING"]
        assert conclusions == (["建议家长每晚倾听十五分钟，两周后复谈"] if login in ("demo-admin", "demo-teacher") else []), login
        assert "母女冲突" not in str(timeline)
    mine = await student(MINE)
    assert "母女冲突" not in str(mine)
    bad = (await counsellor.data(RECORD, {"b": booking["id"], "n": "", "c": None, "s": False}))["writeSessionRecord"]
    assert bad["field"] == "notes"


async def test_a_counsellor_moves_a_booking_and_the_student_sees_why(room, new_client):
    student = await signed_in_as(new_client, "demo-student1")
    slots = (await student.data(SLOTS))["counsellingSlots"]
    booking = (await student.data(BOOK, {"k": slots[0]["key"]}))["bookSlot"]
    counsellor = await signed_in_as(new_client, "demo-counsellor")
    move = """mutation($id: ID!, $k: String!, $r: String!) { moveBooking(id: $id, slotKey: $k, reason: $r) { __typename
      ... on Booking { startsAt } ... on SlotTaken { message } ... on ValidationError { field code } } }"""
    moved = (await counsellor.data(move, {"id": booking["id"], "k": slots[3]["key"], "r": "周一下午开会，改到周二"}))["moveBooking"]
    assert moved["startsAt"] == slots[3]["startsAt"]
    mine = (await student.data(MINE))["myBookings"]
    assert [(b["status"], b["cancelReason"]) for b in mine][:2] == [("BOOKED", ""), ("CANCELLED", "周一下午开会，改到周二")]
    assert slots[0]["key"] in {s["key"] for s in (await student.data(SLOTS))["counsellingSlots"]}


async def test_the_booking_as_a_calendar_file_for_the_student_and_no_one_else(room, new_client, client):
    student = await signed_in_as(new_client, "demo-student1")
    key = (await student.data(SLOTS))["counsellingSlots"][0]["key"]
    booking = (await student.data(BOOK, {"k": key, "t": "私密话题"}))["bookSlot"]
    response = await student.http.get(f"/bookings/{booking['id']}.ics")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/calendar")
    body = response.text
    assert "DTSTART:20261123T040000Z" in body and "行政楼二楼 203 室" in body and "私密话题" not in body
    assert response.headers["cache-control"] == "no-store"
    for login in ("demo-parent1", "demo-teacher", "demo-admin"):
        other = await signed_in_as(new_client, login)
        assert (await other.http.get(f"/bookings/{booking['id']}.ics")).status_code == 404
    assert (await client.http.get(f"/bookings/{booking['id']}.ics")).status_code == 401


async def test_the_daily_report_counts_without_names_for_the_district_and_as_csv(demo_care, new_client):
    district = await signed_in_as(new_client, "demo-district")
    schools = (await district.data("{ reportingSchools { id name } }"))["reportingSchools"]
    assert [s["name"] for s in schools] == ["宝山区启航实验中学"]
    query = """query($s: ID!, $d: Date) { dailyReport(schoolId: $s, since: $d, days: 14) { date sessionsHeld noShows newBookings caseStudentsSeen } }"""
    from shouhu.schools.calendar import today

    since = (today("Asia/Shanghai") - timedelta(days=13)).isoformat()
    rows = (await district.data(query, {"s": schools[0]["id"], "d": since}))["dailyReport"]
    assert len(rows) == 14
    assert sum(r["sessionsHeld"] for r in rows) == 2 and sum(r["noShows"] for r in rows) == 1
    csv_response = await district.http.get(f"/reports/daily.csv?school={schools[0]['id']}&since={since}&days=14")
    assert csv_response.status_code == 200
    lines = csv_response.text.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("学校,日期,已完成辅导") and len(lines) == 15
    students = {s.name for s in await Student.all()}
    assert not any(name in csv_response.text for name in students)
    for login in ("demo-teacher", "demo-parent1", "demo-student1"):
        other = await signed_in_as(new_client, login)
        assert (await other.data(query, {"s": schools[0]["id"], "d": since}))["dailyReport"] == []
        assert (await other.http.get(f"/reports/daily.csv?school={schools[0]['id']}")).status_code == 404


ADD_EXCEPTION = """mutation($r: ID!, $i: OpeningExceptionInput!) { addOpeningException(roomId: $r, input: $i) { __typename
  ... on OpeningException { id day kind wholeRoom } ... on ValidationError { field code message } } }"""


async def test_closed_days_extra_hours_and_holidays_change_the_free_slots(room, new_client):
    counsellor = await signed_in_as(new_client, "demo-counsellor")
    student = await signed_in_as(new_client, "demo-student1")

    async def days() -> list[str]:
        return sorted({s["startsAt"][:10] for s in (await student.data(SLOTS))["counsellingSlots"]})

    assert "2026-11-24" in await days()
    closed = (await counsellor.data(ADD_EXCEPTION, {"r": str(room.id), "i": {"day": "2026-11-24", "kind": "CLOSED", "wholeRoom": True}}))
    assert closed["addOpeningException"]["wholeRoom"] is True
    assert "2026-11-24" not in await days()
    extra = {"day": "2026-11-28", "kind": "EXTRA", "startMinute": 540, "endMinute": 600, "slotMinutes": 50}
    assert (await counsellor.data(ADD_EXCEPTION, {"r": str(room.id), "i": extra}))["addOpeningException"]["kind"] == "EXTRA"
    assert "2026-11-28" in await days()  # a Saturday, opened on purpose

    admin = await signed_in_as(new_client, "demo-admin")
    holiday = """mutation($d: Date!) { setNonSchoolDay(day: $d, closed: true, name: "运动会") { __typename
      ... on SchoolCalendar { nonSchoolDays { day name } } } }"""
    calendar = (await admin.data(holiday, {"d": "2026-11-25"}))["setNonSchoolDay"]
    assert calendar["nonSchoolDays"] == [{"day": "2026-11-25", "name": "运动会"}]
    assert "2026-11-25" not in await days()
    assert error_codes(await counsellor(holiday, {"d": "2026-11-26"})) == ["FORBIDDEN"]

    for bad, field in (({"day": "2026-11-20", "kind": "CLOSED"}, "day"),
                       ({"day": "2026-11-30", "kind": "EXTRA"}, "startMinute"),
                       ({"day": "2026-11-30", "kind": "EXTRA", "startMinute": 600, "endMinute": 540}, "endMinute")):
        refused = (await counsellor.data(ADD_EXCEPTION, {"r": str(room.id), "i": bad}))["addOpeningException"]
        assert refused["field"] == field and refused["message"], bad
    teacher = await signed_in_as(new_client, "demo-teacher")
    assert (await teacher.data(ADD_EXCEPTION, {"r": str(room.id), "i": {"day": "2026-11-30", "kind": "CLOSED"}}))[
        "addOpeningException"]["code"] == "ROOM_UNKNOWN"
    listed = (await counsellor.data("{ openingExceptions { day kind } }"))["openingExceptions"]
    assert [(e["day"], e["kind"]) for e in listed] == [("2026-11-24", "CLOSED"), ("2026-11-28", "EXTRA")]


async def test_admins_and_counsellors_name_rooms_and_nobody_else_can(room, new_client):
    save = """mutation($n: String!, $p: String!, $id: ID) { saveCounsellingRoom(name: $n, place: $p, id: $id) { __typename
      ... on Room { id name place } ... on ValidationError { field code message } } }"""
    admin = await signed_in_as(new_client, "demo-admin")
    added = (await admin.data(save, {"n": "沙盘室", "p": "实验楼一楼 105 室"}))["saveCounsellingRoom"]
    assert added["__typename"] == "Room"
    same = (await admin.data(save, {"n": "心语小屋", "p": "别处"}))["saveCounsellingRoom"]
    assert (same["field"], same["code"]) == ("name", "ROOM_DUPLICATE")
    counsellor = await signed_in_as(new_client, "demo-counsellor")
    moved = (await counsellor.data(save, {"id": added["id"], "n": "沙盘室", "p": "实验楼二楼 201 室"}))["saveCounsellingRoom"]
    assert moved["place"] == "实验楼二楼 201 室"
    for login in ("demo-teacher", "demo-student1", "demo-parent1", "demo-district"):
        other = await signed_in_as(new_client, login)
        assert (await other.data(save, {"n": "X", "p": "Y"}))["saveCounsellingRoom"]["code"] == "ROOM_UNKNOWN"
    assert await Room.all().count() == 2
    rooms = (await (await signed_in_as(new_client, "demo-student1")).data("{ counsellingRooms { name place } }"))
    assert {r["name"] for r in rooms["counsellingRooms"]} == {"心语小屋", "沙盘室"}
