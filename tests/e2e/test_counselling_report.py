"""The counselling room's daily report (一日一报), closed days and booking for a student, in real
Chromium on a phone: the district centre reads the demo school's counts and downloads the CSV; a
counsellor closes a school day (the student then sees no slot that day) and books for 吴昊然; axe."""

from __future__ import annotations

import re
import uuid
from datetime import date, datetime, timedelta

from playwright.sync_api import Page, expect

from tests.e2e.pages import serious_violations, signed_in
from tests.e2e.test_counselling import SCHOOL_ZONE, Api, _monday, _school_time

CSV_HEADER = "学校,日期,已完成辅导,未到,新增预约,其中在档学生"


def _today() -> date:
    return datetime.now(SCHOOL_ZONE).date()


def _numbers(row) -> list[int]:
    return [int(cell) for cell in row.locator("td").all_inner_texts()]


def test_the_district_centre_reads_the_daily_report_and_downloads_the_csv(page: Page):
    signed_in(page, "demo-district")
    card = page.locator('section.card[data-role="DISTRICT_STAFF"]')
    card.get_by_role("link", name="心理辅导一日一报").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("心理辅导一日一报")
    # The default: the last 7 days, today included.
    table = page.locator("table.report-table")
    expect(table.locator("tbody tr")).to_have_count(7)
    expect(page.get_by_label("学校")).to_contain_text("宝山区启航实验中学")
    assert serious_violations(page) == []

    # The last 14 days hold the demo's past sessions (2 attended, 1 no-show; another test may mark
    # the no-show attended): 3 sessions in all.
    since = _today() - timedelta(days=13)
    page.get_by_label("开始日期").fill(since.isoformat())
    page.get_by_role("button", name="查看").click()
    expect(page.get_by_role("status").filter(has_text="14 天")).to_be_focused()
    expect(table.locator("tbody tr")).to_have_count(14)
    expect(table.locator("thead")).to_contain_text("已完成辅导")
    expect(table.locator("thead")).to_contain_text("其中在档学生")
    rows = [_numbers(row) for row in table.locator("tbody tr").all()]
    totals = _numbers(table.locator("tfoot tr"))
    assert totals == [sum(column) for column in zip(*rows)], (rows, totals)
    assert totals[0] + totals[1] >= 3, totals
    assert totals[1] <= 1 and totals[3] <= totals[0], totals
    # Counts only: no student's name on the page.
    for name in ("周子涵", "吴昊然"):
        assert name not in page.locator("main").inner_text()

    csv_link = page.get_by_role("link", name="下载 CSV")
    href = csv_link.get_attribute("href")
    assert href and re.fullmatch(rf"/reports/daily\.csv\?school=[0-9a-f-]{{36}}&since={since.isoformat()}&days=14", href), href
    answer = page.request.get(href)
    assert answer.ok and "text/csv" in answer.headers["content-type"], answer.status
    lines = answer.text().lstrip("\ufeff").splitlines()
    assert lines[0] == CSV_HEADER, lines[0]
    assert len(lines) == 15
    csv_totals = [sum(int(line.split(",")[column]) for line in lines[1:]) for column in range(2, 6)]
    assert csv_totals == totals


def _remove_closures(api: Api, day: str) -> None:
    for item in api.run("{ openingExceptions { id day kind } }")["openingExceptions"]:
        if item["day"] == day and item["kind"] == "CLOSED":
            api.run("mutation($id: ID!) { removeOpeningException(id: $id) { __typename } }", id=item["id"])


def test_a_closed_school_day_leaves_the_student_no_slot_that_day(page: Page, server: str):
    student = Api(server, "demo-student1")
    slots = student.run("{ counsellingSlots { startsAt } }")["counsellingSlots"]
    student.close()
    today = _today()
    day = next(d for d in (_school_time(slot["startsAt"]).date() for slot in slots) if d > today)
    heading = re.compile(f"^{day.month}月{day.day}日")

    signed_in(page, "demo-student1")
    page.goto("/counselling/book")
    expect(page.locator("section.slot-day").filter(has=page.get_by_role("heading", name=heading))).to_have_count(1)

    counsellor = Api(server, "demo-counsellor")
    try:
        page.context.clear_cookies()
        signed_in(page, "demo-counsellor")
        page.locator('section.card[data-role="COUNSELLOR"]').get_by_role("link", name="设置开放时间").click()
        section = page.locator("section.exceptions")
        expect(section.get_by_role("heading", name="停开和加开")).to_be_visible()
        form = section.get_by_role("form", name="添加停开或加开")
        # Extra hours ask for the session length; closing does not.
        form.get_by_role("radio", name="加开").check()
        expect(form.get_by_label("每次时长（分钟）")).to_be_visible()
        assert serious_violations(page) == []
        form.get_by_role("radio", name="停开").check()
        form.get_by_role("radio", name="一段时间").check()
        expect(form.get_by_label("每次时长（分钟）")).to_have_count(0)
        expect(form.get_by_label("开始")).to_be_visible()
        assert serious_violations(page) == []

        # A window that ends before it starts: the server's translated error beside the field.
        form.get_by_label("日期").fill(day.isoformat())
        form.get_by_label("开始").fill("13:00")
        form.get_by_label("结束").fill("12:00")
        form.get_by_role("button", name="添加").click()
        expect(form.locator(".field-error")).to_be_visible()
        expect(form.get_by_label("结束")).to_have_attribute("aria-invalid", "true")

        # The whole day, for the whole room.
        form.get_by_role("radio", name="整天").check()
        form.get_by_role("radio", name="整个辅导室（所有心理老师）").check()
        form.get_by_role("button", name="添加").click()
        added = section.get_by_role("status").filter(has_text="已添加")
        expect(added).to_be_focused()
        expect(added).to_contain_text("整天停开（全室）")
        item = section.locator("li.exception-item").filter(has_text=heading)
        expect(item).to_contain_text("整天停开（全室）")
        for box in (item.get_by_role("button").bounding_box(),):
            assert box and box["height"] >= 44, box

        page.context.clear_cookies()
        signed_in(page, "demo-student1")
        page.goto("/counselling/book")
        expect(page.locator("button.slot-button").first).to_be_visible()
        expect(page.locator("section.slot-day").filter(has=page.get_by_role("heading", name=heading))).to_have_count(0)

        # Removing it opens the day again.
        page.context.clear_cookies()
        signed_in(page, "demo-counsellor")
        page.goto("/counselling/hours")
        item = page.locator("section.exceptions li.exception-item").filter(has_text=heading)
        item.get_by_role("button", name=re.compile("^删除")).click()
        expect(page.get_by_role("status").filter(has_text="已删除")).to_be_focused()
        expect(item).to_have_count(0)
    finally:
        _remove_closures(counsellor, day.isoformat())
        counsellor.close()


def test_an_admin_marks_a_day_without_school_and_undoes_it(page: Page, server: str):
    day = _today() + timedelta(days=40)
    signed_in(page, "demo-admin")
    page.goto("/counselling/hours")
    section = page.locator("section.school-calendar")
    expect(section.get_by_role("heading", name="学校校历：非上课日")).to_be_visible()
    expect(page.locator("section.exceptions")).to_have_count(0)  # not a counsellor
    try:
        section.get_by_label("日期").fill(day.isoformat())
        section.get_by_label("名称").fill("运动会")
        section.get_by_role("button", name="设为非上课日").click()
        expect(section.get_by_role("status").filter(has_text="已设为非上课日")).to_be_focused()
        item = section.locator("li.exception-item").filter(has_text="运动会")
        expect(item).to_contain_text(f"{day.month}月{day.day}日")
        assert serious_violations(page) == []
        item.get_by_role("button", name=re.compile("恢复为上课日")).click()
        expect(section.get_by_role("status").filter(has_text="已恢复为上课日")).to_be_focused()
        expect(item).to_have_count(0)
    finally:
        admin = Api(server, "demo-admin")
        admin.run("mutation($d: Date!) { setNonSchoolDay(day: $d, closed: false) { __typename } }", d=day.isoformat())
        admin.close()


def test_the_counsellor_books_for_a_student_and_sees_it_in_the_schedule(page: Page, server: str):
    marker = f"班主任转介-{uuid.uuid4().hex[:8]}"
    signed_in(page, "demo-counsellor")
    page.goto("/counselling/schedule")
    expect(page.get_by_role("heading", level=1)).to_have_text("心理辅导预约安排")
    page.locator("summary", has_text="代学生预约").click()
    form = page.get_by_role("form", name="代学生预约")
    # Without a student: said beside the choice.
    form.get_by_role("button", name="预约", exact=True).click()
    expect(form.get_by_role("alert").filter(has_text="请先查找并选择学生")).to_be_visible()

    form.get_by_label("学生姓名").fill("吴昊然")
    form.get_by_role("button", name="搜索").click()
    expect(form.get_by_role("status")).to_contain_text("找到 1 名学生")
    expect(form.get_by_role("radio", name=re.compile("^吴昊然"))).to_be_checked()
    slot = form.get_by_label("时间", exact=True)
    expect(slot.locator("option")).not_to_have_count(1)
    slot.select_option(index=1)
    form.get_by_label("话题").fill(marker)
    assert serious_violations(page) == []
    form.get_by_role("button", name="预约", exact=True).click()
    done = page.get_by_role("status").filter(has_text="已为 吴昊然 预约")
    expect(done).to_be_focused()

    counsellor = Api(server, "demo-counsellor")
    try:
        schedule = counsellor.run(
            "query($s: Date!) { counsellorSchedule(since: $s, days: 21) { id startsAt topic status } }", s=_today().isoformat()
        )["counsellorSchedule"]
        booked = next(b for b in schedule if b["topic"] == marker)
        starts = _school_time(booked["startsAt"])
        if _monday(starts.date()) != _monday(_today()):
            page.get_by_role("link", name="查看那一周").click()
            expect(page.locator(".week-range")).to_contain_text(f"{_monday(starts.date()).day}日")
        booking = page.locator("li.booking").filter(has_text=marker)
        expect(booking).to_contain_text("吴昊然")
        expect(booking).to_contain_text(starts.strftime("%H:%M"))
        expect(booking.locator(".status-badge")).to_have_text("已预约")
    finally:
        for b in counsellor.run(
            "query($s: Date!) { counsellorSchedule(since: $s, days: 21) { id topic status } }", s=_today().isoformat()
        )["counsellorSchedule"]:
            if b["topic"] == marker and b["status"] == "BOOKED":
                counsellor.run("mutation($id: ID!, $r: String) { cancelBooking(id: $id, reason: $r) { __typename } }", id=b["id"], r="测试结束")
        counsellor.close()
