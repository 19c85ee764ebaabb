"""A student's page in real Chromium on a phone: who may open it, what a guardian sees, the lead
managing the care team and the rota, a mentor amending a check-in, school time, and axe."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

from playwright.sync_api import Browser, Page, expect

from shouhu.demo.seed import demo_id
from tests.e2e.pages import serious_violations, signed_in

ZIHAN = demo_id("student-202507101")  # 周子涵, child of demo-parent1
YUYAN = demo_id("student-202507104")  # a 一般关注 case in 七年级(1)班, led by demo-teacher
LEVEL_WORDS = ("预警等级", "一般关注", "重点关注", "高危", "一生一档")


def open_student(page: Page, login: str, student_id: str = ZIHAN) -> None:
    """Signs in as `login` and opens the student's page by its address."""
    signed_in(page, login)
    page.goto(f"/students/{student_id}")


def test_another_parent_gets_not_found_and_no_trace_of_the_child(page: Page):
    open_student(page, "demo-parent2")
    expect(page.get_by_role("heading", level=1)).to_have_text("找不到此页面")
    text = page.locator("main").inner_text()
    for trace in ("周子涵", "周丽华", "期中考试", "工作专班", "关爱记录"):
        assert trace not in text
    assert "周子涵" not in page.title()


def test_the_student_cannot_open_their_own_page(page: Page):
    open_student(page, "demo-student1")
    expect(page.get_by_role("heading", level=1)).to_have_text("找不到此页面")
    for word in LEVEL_WORDS:
        assert word not in page.locator("main").inner_text()


def test_the_parent_sees_the_team_and_family_entries_but_no_warning_level(page: Page):
    open_student(page, "demo-parent1")
    expect(page.get_by_role("heading", level=1)).to_have_text("周子涵")
    team = page.locator("section", has=page.get_by_role("heading", name="工作专班", exact=True))
    expect(team).to_contain_text("李雪梅")
    expect(team.get_by_role("link", name=re.compile(r"^拨打李雪梅的电话："))).to_have_attribute("href", re.compile(r"^tel:\d+$"))
    expect(page.get_by_role("link", name="签到", exact=True)).to_have_count(0)

    entries = page.locator("ol.timeline > li")
    expect(entries.first).to_be_visible()
    kinds = set(page.locator("ol.timeline > li .entry-title > span").all_inner_texts())
    assert "家庭陪护记录" in kinds
    assert kinds <= {"家庭陪护记录", "导师签到"}
    # Only family kinds can be filtered: no observations, case changes or alerts exist for a parent.
    expect(page.get_by_role("group", name="记录类型").get_by_role("checkbox")).to_have_count(2)

    text = page.locator("main").inner_text()
    for word in LEVEL_WORDS:
        assert word not in text, word
    expect(page.get_by_role("heading", name="全程陪伴安排")).to_have_count(0)


def test_lead_adds_a_mentor_and_assigns_them_in_the_rota(page: Page):
    open_student(page, "demo-teacher", YUYAN)
    expect(page.get_by_role("heading", level=1)).not_to_have_text("找不到此页面")
    team = page.locator("section", has=page.get_by_role("heading", name="工作专班", exact=True))
    expect(team).not_to_contain_text("刘芳")

    team.get_by_text("管理工作专班成员").click()
    add = page.get_by_role("form", name="添加成员")
    add.get_by_label("搜索教职工姓名").fill("刘芳")
    add.get_by_role("button", name="搜索").click()
    add.get_by_role("radio", name="刘芳").check()
    add.get_by_label("在工作专班中的角色").select_option(label="导师")
    add.get_by_role("button", name="添加到工作专班").click()
    expect(team.get_by_role("status").filter(has_text="已将")).to_have_text("已将 刘芳 加入工作专班（导师）。")
    mentors = team.locator(".team-group", has=page.get_by_role("heading", name="导师（暖心守护人）"))
    expect(mentors).to_contain_text("刘芳")

    rota = page.locator("section", has=page.get_by_role("heading", name="全程陪伴安排"))
    after_school = rota.locator("tbody tr", has=page.get_by_role("rowheader", name=re.compile("^放学后")))
    monday = after_school.locator("td").first
    expect(monday).to_contain_text("无人陪伴")
    rota.get_by_text("编辑陪伴安排").click()
    rota.get_by_role("radio", name="周一").check()
    slot = rota.get_by_role("group", name=re.compile(r"^周一 放学后"))
    slot.get_by_role("checkbox", name=re.compile("^刘芳")).check()
    expect(rota.get_by_role("status")).to_have_text("有未保存的修改。")
    rota.get_by_role("button", name="保存陪伴安排").click()
    expect(rota.get_by_role("status")).to_have_text("陪伴安排已保存。")

    page.reload()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    team = page.locator("section", has=page.get_by_role("heading", name="工作专班", exact=True))
    expect(team).to_contain_text("刘芳")
    monday = (
        page.locator("section", has=page.get_by_role("heading", name="全程陪伴安排"))
        .locator("tbody tr", has=page.get_by_role("rowheader", name=re.compile("^放学后")))
        .locator("td")
        .first
    )
    expect(monday).to_have_text("刘芳")
    expect(page.locator("ol.timeline")).to_contain_text("刘芳 加入工作专班（导师）")


def test_student_page_has_no_serious_accessibility_violations_for_the_lead(page: Page):
    open_student(page, "demo-teacher")
    expect(page.locator("ol.timeline > li").first).to_be_visible()
    page.get_by_text("管理工作专班成员").click()
    page.get_by_text("编辑陪伴安排").click()
    assert serious_violations(page) == []


def test_student_page_has_no_serious_accessibility_violations_for_a_parent(page: Page):
    open_student(page, "demo-parent1")
    expect(page.locator("ol.timeline > li").first).to_be_visible()
    assert serious_violations(page) == []


def test_the_author_amends_a_check_in_and_the_earlier_version_is_kept(page: Page):
    marker = uuid.uuid4().hex[:8]
    first_note, second_note = f"课间和同学有说有笑 {marker}", f"午饭后一个人坐在走廊里 {marker}"
    signed_in(page, "demo-mentor1")
    page.goto(f"/check-in/{ZIHAN}")
    expect(page.get_by_role("heading", level=1)).to_have_text("签到：周子涵")
    page.get_by_role("radio", name="较好").check()
    page.get_by_label("简短记录", exact=True).fill(first_note)
    page.get_by_role("button", name="提交签到").click()
    expect(page.get_by_role("status").filter(has_text="已提交：周子涵的签到")).to_be_visible()

    page.goto(f"/students/{ZIHAN}")
    entry = page.locator("ol.timeline > li").filter(has_text=marker)
    expect(entry).to_contain_text("心情 4/5")
    expect(entry).not_to_contain_text("已修改")
    entry.get_by_role("link", name="修改这条签到").click()

    # The same form, filled in with what the check-in says.
    expect(page.get_by_role("heading", level=1)).to_have_text("修改签到：周子涵")
    expect(page.get_by_text("修改需要联网")).to_be_visible()
    expect(page.get_by_role("radio", name="较好")).to_be_checked()
    note = page.get_by_label("简短记录", exact=True)
    expect(note).to_have_value(first_note)
    page.get_by_role("radio", name="较差").check()
    note.fill(second_note)

    # Offline, nothing is saved (not even on the phone), and the form says so.
    page.context.set_offline(True)
    expect(page.get_by_role("alert").filter(has_text="现在没有联网")).to_be_visible()
    page.get_by_role("button", name="保存修改").click()
    expect(page.get_by_role("alert").filter(has_text="修改没有保存，也没有保存在本机")).to_be_visible()
    page.context.set_offline(False)
    page.get_by_role("button", name="保存修改").click()

    expect(page).to_have_url(re.compile(f"/students/{ZIHAN}$"))
    expect(page.get_by_role("status").filter(has_text="已保存修改：周子涵的签到")).to_be_visible()
    entry = page.locator("ol.timeline > li").filter(has_text=marker)
    expect(entry).to_have_count(1)
    expect(entry).to_contain_text("心情 2/5")
    expect(entry).to_contain_text(second_note)
    expect(entry.locator(".badge-amended")).to_contain_text("已修改")
    earlier = entry.locator("li.revision")
    expect(earlier).not_to_be_visible()
    entry.get_by_text("修改前的版本（1）").click()
    expect(earlier).to_be_visible()
    expect(earlier).to_contain_text("心情 4/5")
    expect(earlier).to_contain_text(f"备注：{first_note}")
    assert serious_violations(page) == []

    # Another mentor of 周子涵's team reads the amended entry, and has no way to amend it.
    page.context.clear_cookies()
    open_student(page, "demo-mentor2")
    entry = page.locator("ol.timeline > li").filter(has_text=marker)
    expect(entry).to_contain_text("已修改")
    expect(entry).to_contain_text(second_note)
    expect(entry.get_by_role("link", name="修改这条签到")).to_have_count(0)


def test_times_are_in_the_school_time_zone_on_a_phone_set_to_another(browser: Browser, browser_context_args: dict):
    context = browser.new_context(**{**browser_context_args, "timezone_id": "America/Los_Angeles"})
    page = context.new_page()
    open_student(page, "demo-teacher")
    time = page.locator("ol.timeline > li time.entry-time").first
    expect(time).to_be_visible()
    moment = datetime.fromisoformat(time.get_attribute("datetime"))
    school, phone = moment.astimezone(ZoneInfo("Asia/Shanghai")), moment.astimezone(ZoneInfo("America/Los_Angeles"))
    text = time.inner_text()
    assert f"{school.month}月{school.day}日" in text and school.strftime("%H:%M") in text, text
    assert phone.strftime("%H:%M") not in text, text
    context.close()
