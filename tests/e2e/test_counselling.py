"""The counselling room (心理辅导室) in real Chromium on a phone: a student books in three taps and
cancels; the family, the mentor and the class teacher see no trace of it; the counsellor's week,
attendance and sealed record; the opening-hours editor; axe."""

from __future__ import annotations

import contextlib
import re
import sqlite3
import uuid
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from shouhu.db import sqlite_time_text
from shouhu.demo.seed import demo_id
from tests.e2e.pages import Api, serious_violations, signed_in

ZIHAN = str(demo_id("student-202507101"))  # 周子涵 = demo-student1; her mother demo-parent1, mentor demo-mentor1
YUYAN = str(demo_id("student-202507104"))  # another student of the school
SCHOOL_ZONE = ZoneInfo("Asia/Shanghai")
ROOM = "心语小屋（行政楼二楼 203 室）"


def _cancel_upcoming(server: str) -> None:
    api = Api(server, "demo-student1")
    for booking in api.run("{ myBookings { id status } }")["myBookings"]:
        if booking["status"] == "BOOKED":
            api.run("mutation($id: ID!) { cancelBooking(id: $id) { __typename } }", id=booking["id"])
    api.close()


@pytest.fixture
def no_bookings(server: str) -> Iterator[None]:
    """demo-student1 starts and ends without an upcoming booking (one is the limit), whatever happens."""
    _cancel_upcoming(server)
    yield
    _cancel_upcoming(server)


def _book_last_slot(server: str, topic: str) -> dict:
    """demo-student1 books the last free slot (two weeks ahead) through the API."""
    api = Api(server, "demo-student1")
    slot = api.run("{ counsellingSlots { key startsAt } }")["counsellingSlots"][-1]
    booked = api.run(
        "mutation($k: String!, $t: String) { bookSlot(slotKey: $k, topic: $t) { __typename ... on Booking { id startsAt } } }",
        k=slot["key"], t=topic,
    )["bookSlot"]
    api.close()
    assert booked["__typename"] == "Booking", booked
    return booked


def _school_time(iso: str) -> datetime:
    return datetime.fromisoformat(iso).astimezone(SCHOOL_ZONE)


def test_a_student_books_from_the_home_screen_in_three_taps_and_cancels(page: Page, no_bookings):
    signed_in(page, "demo-student1")
    card = page.locator('section.card[data-role="STUDENT"]')
    expect(card.get_by_text("目前没有预约")).to_be_visible()
    expect(card.get_by_role("link", name="需要帮助？查看心理援助热线")).to_be_visible()

    # Tap 1: the card's button; tap 2: a slot (the last one listed: days ahead, far outside the
    # notice periods); tap 3: confirm.
    card.get_by_role("link", name="预约心理辅导").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("预约心理辅导")
    slot = page.locator("button.slot-button").last
    slot_time = slot.locator(".slot-time").inner_text()
    slot.click()
    sheet = page.get_by_role("dialog", name="确认预约")
    expect(sheet).to_contain_text(ROOM)
    expect(sheet).to_contain_text("陈思雨")
    expect(sheet).to_contain_text(slot_time)
    expect(sheet.get_by_text("只有心理老师能看到")).to_be_visible()
    sheet.get_by_role("button", name="确认预约").click()

    expect(page).to_have_url(re.compile(r"/$"))
    done = page.get_by_role("status").filter(has_text="预约成功")
    expect(done).to_contain_text(slot_time)
    expect(done).to_be_focused()
    booking = card.locator("li.booking")
    expect(booking).to_have_count(1)
    expect(booking).to_contain_text(slot_time)
    expect(booking).to_contain_text(ROOM)
    expect(booking).to_contain_text("陈思雨")

    # The calendar file: the booking's time and place, not its topic.
    calendar = booking.get_by_role("link", name="添加到日历")
    href = calendar.get_attribute("href")
    assert href and re.fullmatch(r"/bookings/[0-9a-f-]{36}\.ics", href), href
    ics = page.request.get(href)
    assert ics.ok and "text/calendar" in ics.headers["content-type"]
    assert "BEGIN:VEVENT" in ics.text() and "行政楼二楼 203 室" in ics.text()

    # Cancelling asks first; "keep it" keeps it.
    booking.get_by_role("button", name="取消预约").click()
    expect(booking.get_by_role("button", name="确定取消")).to_be_focused()
    booking.get_by_role("button", name="不取消了").click()
    expect(booking.get_by_role("button", name="取消预约")).to_be_focused()
    booking.get_by_role("button", name="取消预约").click()
    booking.get_by_role("button", name="确定取消").click()
    cancelled = page.get_by_role("status").filter(has_text="已取消")
    expect(cancelled).to_contain_text(slot_time)
    expect(cancelled).to_be_focused()
    expect(card.locator("li.booking")).to_have_count(0)
    expect(card.get_by_text("目前没有预约")).to_be_visible()

    # The help page: the room's place and hours, and the way to book.
    card.get_by_role("link", name="需要帮助？查看心理援助热线").click()
    room = page.locator("section", has=page.get_by_role("heading", name="学校心理辅导室"))
    expect(room).to_contain_text("行政楼二楼 203 室")
    expect(room).to_contain_text("12:00–13:00")
    room.get_by_role("link", name="预约心理辅导").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("预约心理辅导")


def test_a_taken_slot_says_so_and_shows_the_free_slots_again(page: Page, server: str, no_bookings):
    signed_in(page, "demo-student1")
    page.goto("/counselling/book")
    last = page.locator("button.slot-button").last
    taken_time = last.inner_text()
    last.click()
    sheet = page.get_by_role("dialog", name="确认预约")
    expect(sheet).to_be_visible()

    # Somebody is quicker: the counsellor books that slot for another student.
    counsellor = Api(server, "demo-counsellor")
    key = counsellor.run("{ counsellingSlots { key } }")["counsellingSlots"][-1]["key"]
    other = counsellor.run(
        "mutation($k: String!, $s: ID) { bookSlot(slotKey: $k, studentId: $s) { __typename ... on Booking { id } } }",
        k=key, s=YUYAN,
    )["bookSlot"]
    assert other["__typename"] == "Booking", other
    try:
        sheet.get_by_role("button", name="确认预约").click()
        expect(sheet).to_have_count(0)
        taken = page.get_by_role("alert").filter(has_text="刚刚被别人约走了")
        expect(taken).to_be_focused()
        # The free slots again, without the one just taken.
        slots = page.locator("button.slot-button")
        expect(slots.first).to_be_visible()
        assert taken_time not in slots.all_inner_texts()
        expect(page.locator('section.card[data-role="STUDENT"]')).to_have_count(0)
    finally:
        counsellor.run(
            "mutation($id: ID!, $r: String) { cancelBooking(id: $id, reason: $r) { __typename } }",
            id=other["id"], r="测试结束",
        )
        counsellor.close()


def test_family_mentor_and_class_teacher_see_no_trace_of_a_booking(page: Page, server: str, no_bookings):
    marker = f"考试焦虑-{uuid.uuid4().hex[:8]}"
    booked = _book_last_slot(server, marker)
    times = _school_time(booked["startsAt"]).strftime("%H:%M")

    for login in ("demo-parent1", "demo-mentor1", "demo-teacher"):
        page.context.clear_cookies()
        signed_in(page, login)
        expect(page.locator("section.card").first).to_be_visible()
        page.wait_for_load_state("networkidle")
        home = page.locator("main").inner_text()
        for trace in (marker, "心理辅导预约", "预约心理辅导"):
            assert trace not in home, (login, trace)
        assert marker not in page.content(), login

        page.goto(f"/students/{ZIHAN}")
        expect(page.get_by_role("heading", level=1)).to_have_text("周子涵")
        expect(page.locator("ol.timeline > li").first).to_be_visible()
        page.wait_for_load_state("networkidle")
        text = page.locator("main").inner_text()
        for trace in (marker, "预约"):
            assert trace not in text, (login, trace)
        assert marker not in page.content(), login
        assert f"{times}–" not in text, login

        # Nor can they open the student's or the counsellor's screens.
        for path in ("/counselling/book", "/counselling/schedule", "/counselling/hours"):
            page.goto(path)
            expect(page.get_by_role("heading", level=1)).to_have_text("找不到此页面")
            assert marker not in page.content(), (login, path)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _go_week(page: Page, link: str, monday: date) -> None:
    """Clicks 上一周 / 下一周 / 本周 and waits for that week's page (whose first day is `monday`)."""
    page.get_by_role("link", name=link, exact=True).click()
    expect(page.locator(".week-range")).to_contain_text(f"{monday.month}月{monday.day}日")


def _session(page: Page, name: str, time: str):
    """A booking in the week by its student and time (stable while its status changes)."""
    return (
        page.locator("li.booking")
        .filter(has=page.locator(".booking-student", has_text=re.compile(f"^{name}$")))
        .filter(has=page.locator(".booking-time", has_text=re.compile(f"^{time}$")))
    )


def test_counsellor_sees_the_booking_marks_attendance_and_writes_a_sealed_record(page: Page, server: str, no_bookings):
    marker = f"想聊聊和同学的事-{uuid.uuid4().hex[:8]}"
    booked = _book_last_slot(server, marker)
    starts = _school_time(booked["startsAt"])
    this_monday = _monday(datetime.now(SCHOOL_ZONE).date())

    signed_in(page, "demo-counsellor")
    card = page.locator('section.card[data-role="COUNSELLOR"]')
    expect(card.get_by_role("heading", name=re.compile("^心理辅导室 · 今天的预约"))).to_be_visible()
    # The board's part of the card is still there.
    expect(card.get_by_role("link", name="全校关爱看板")).to_be_visible()
    card.get_by_role("link", name="本周预约安排").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("心理辅导预约安排")
    expect(page.locator(".week-range")).to_contain_text(f"{this_monday.month}月{this_monday.day}日")

    # The student's booking, in its week (school time), with her topic.
    monday = this_monday
    while monday < _monday(starts.date()):
        monday += timedelta(days=7)
        _go_week(page, "下一周", monday)
    day = page.locator("section.schedule-day", has=page.get_by_role("heading", name=re.compile(f"^{starts.month}月{starts.day}日")))
    booking = day.locator("li.booking").filter(has_text=marker)
    expect(booking).to_contain_text("周子涵")
    expect(booking).to_contain_text(starts.strftime("%H:%M"))
    expect(booking).to_contain_text(f"想聊的话题：{marker}")
    expect(booking.locator(".status-badge")).to_have_text("已预约")
    # Still to come: it can be moved or cancelled, not marked.
    expect(booking.get_by_text("改约到其他时间")).to_be_visible()
    expect(booking.get_by_role("button", name="已到")).to_have_count(0)

    # A past session the student missed (the demo's no-show), in this week or the weeks before.
    _go_week(page, "本周", this_monday)
    missed = page.locator("li.booking").filter(has=page.locator(".status-badge", has_text=re.compile("^未到$")))
    monday = this_monday
    for _ in range(3):
        if missed.count():
            break
        monday -= timedelta(days=7)
        _go_week(page, "上一周", monday)
    name = missed.first.locator(".booking-student").inner_text()
    time = missed.first.locator(".booking-time").inner_text()
    session = _session(page, name, time)
    expect(session).to_have_count(1)
    expect(session.get_by_role("button", name="未到")).to_have_attribute("aria-pressed", "true")
    session.get_by_role("button", name="已到").click()
    marked = session.get_by_role("status").filter(has_text=f"已记录：{name}")
    expect(marked).to_contain_text("已到")
    expect(marked).to_be_focused()
    expect(session.get_by_role("button", name="已到")).to_have_attribute("aria-pressed", "true")
    expect(session.locator(".status-badge")).to_have_text("已到")

    # The sealed record: marked confidential, with a conclusion that may be shared.
    notes = f"谈到和同桌的矛盾，情绪平稳 {uuid.uuid4().hex[:6]}"
    session.locator("summary", has_text="辅导记录（保密）").click()
    record = session.get_by_role("form", name=f"{name} 的辅导记录")
    expect(record.get_by_text("个案保密")).to_be_visible()
    record.get_by_label("辅导记录（保密）", exact=True).fill(notes)
    record.get_by_label("结论或建议", exact=True).fill("建议班主任多关注同伴关系")
    record.get_by_role("checkbox", name="与学生的工作专班共享结论或建议").check()
    record.get_by_role("button", name="保存辅导记录").click()
    saved = session.get_by_role("status").filter(has_text=f"已保存 {name} 的辅导记录")
    expect(saved).to_be_focused()
    assert serious_violations(page) == []

    page.reload()
    session = _session(page, name, time)
    expect(session.locator(".status-badge")).to_have_text("已到")
    summary = session.locator("summary", has_text="辅导记录（保密）")
    expect(summary).to_contain_text("已填写")
    summary.click()
    expect(session.get_by_label("辅导记录（保密）", exact=True)).to_have_value(notes)
    expect(session.get_by_label("结论或建议", exact=True)).to_have_value("建议班主任多关注同伴关系")


def test_hours_editor_shows_the_minimum_met_and_refuses_overlapping_hours(page: Page):
    signed_in(page, "demo-counsellor")
    page.locator('section.card[data-role="COUNSELLOR"]').get_by_role("link", name="设置开放时间").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("心理辅导室开放时间")
    summary = page.locator("section.hours-summary")
    expect(summary.locator(".check-met")).to_contain_text("达到每周至少 5 小时的要求")
    expect(summary).to_contain_text("每周可预约 10.8 小时（650 分钟）")
    # 10.8 of 41.3 school hours: a clear warning against the half-of-school-time target.
    expect(summary.locator(".check-below")).to_contain_text("低于一半的目标")

    form = page.get_by_role("form", name="心语小屋的开放时间")
    rows = form.locator("li.hours-row")
    expect(rows).to_have_count(10)
    expect(rows.first.get_by_label("星期")).to_have_value("1")
    expect(rows.first.get_by_label("开始")).to_have_value("12:00")
    expect(rows.first.get_by_label("每次时长（分钟）")).to_have_value("25")
    assert serious_violations(page) == []

    form.get_by_role("button", name="添加开放时段").click()
    expect(rows).to_have_count(11)
    extra = page.get_by_role("group", name="开放时段 11")
    extra.get_by_label("星期").select_option(label="周一")
    extra.get_by_label("开始").fill("12:30")
    extra.get_by_label("结束").fill("13:30")
    extra.get_by_label("每次时长（分钟）").fill("30")
    form.get_by_role("button", name="保存开放时间").click()
    refused = page.get_by_role("alert").filter(has_text="开放时间与已有时间重叠")
    expect(refused).to_be_focused()

    # Nothing was saved.
    page.reload()
    expect(page.get_by_role("form", name="心语小屋的开放时间").locator("li.hours-row")).to_have_count(10)
    expect(page.locator("section.hours-summary")).to_contain_text("650 分钟")


def test_booking_page_and_sheet_have_no_serious_accessibility_violations(page: Page, no_bookings):
    signed_in(page, "demo-student1")
    page.goto("/counselling/book")
    slots = page.locator("button.slot-button")
    expect(slots.first).to_be_visible()
    box = slots.first.bounding_box()
    assert box and box["height"] >= 44 and box["width"] >= 44, box
    assert serious_violations(page) == []
    slots.first.click()
    expect(page.get_by_role("dialog", name="确认预约")).to_be_visible()
    assert serious_violations(page) == []


def test_schedule_has_no_serious_accessibility_violations_with_its_forms_open(page: Page):
    signed_in(page, "demo-counsellor")
    page.goto("/counselling/schedule")
    this_monday = _monday(datetime.now(SCHOOL_ZONE).date())
    for link, monday in (("上一周", this_monday - timedelta(days=7)), ("本周", this_monday)):
        _go_week(page, link, monday)
        for summary in page.locator("li.booking details > summary").all():
            summary.click()
        assert serious_violations(page) == []


@pytest.fixture
def early_session(server, e2e_database) -> Iterator[tuple[str, str]]:
    """A session of YUYAN's at 06:40 school time today, before the room's hours: no screen can book
    the past, so it goes straight into the server's database, its times stored as the app stores them
    (UTC). Removed afterwards. Gives (the student's name, "06:40")."""
    today = datetime.now(SCHOOL_ZONE).date()
    starts = datetime.combine(today, time(6, 40), tzinfo=SCHOOL_ZONE)
    booking_id = str(uuid.uuid4())
    with contextlib.closing(sqlite3.connect(e2e_database, timeout=10)) as db, db:
        school, room, counsellor = db.execute(
            "SELECT school_id, id, (SELECT id FROM account WHERE login = 'demo-counsellor') FROM counselling_room"
        ).fetchone()
        name = db.execute("SELECT name FROM student WHERE id = ?", (YUYAN,)).fetchone()[0]
        db.execute(
            "INSERT INTO booking (id, school_id, room_id, counsellor_id, student_id, slot_key, starts_at, ends_at, topic,"
            " status, booked_at, cancel_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, '', 'booked', ?, '')",
            (booking_id, school, room, counsellor, YUYAN, f"{room}:early-{booking_id}", sqlite_time_text(starts),
             sqlite_time_text(starts + timedelta(minutes=20)), sqlite_time_text(starts - timedelta(days=1))),
        )
    yield name, "06:40"
    with contextlib.closing(sqlite3.connect(e2e_database, timeout=10)) as db, db:
        db.execute("DELETE FROM booking WHERE id = ?", (booking_id,))


def test_the_counsellors_home_shows_a_session_early_this_morning_as_the_week_does(page: Page, early_session):
    # 06:40 in Shanghai is 22:40 UTC the day before: the home card's one day must be the school's day.
    name, starts = early_session
    signed_in(page, "demo-counsellor")
    card = page.locator('section.card[data-role="COUNSELLOR"]')
    expect(card.get_by_role("heading", name=re.compile(r"^心理辅导室 · 今天的预约（\d+）"))).to_be_visible()
    item = card.locator("li.today-item").filter(has=page.locator(".today-time", has_text=re.compile(f"^{starts}")))
    expect(item).to_contain_text(name)
    expect(card.get_by_text("今天没有预约")).to_have_count(0)

    card.get_by_role("link", name="本周预约安排").click()
    today = datetime.now(SCHOOL_ZONE).date()
    day = page.locator("section.schedule-day", has=page.get_by_role("heading", name=re.compile(f"^{today.month}月{today.day}日")))
    session = (
        day.locator("li.booking")
        .filter(has=page.locator(".booking-student", has_text=name))
        .filter(has=page.locator(".booking-time", has_text=re.compile(f"^{starts}")))
    )
    expect(session).to_have_count(1)
