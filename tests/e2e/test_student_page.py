"""A student's page in real Chromium on a phone: who may open it, what a guardian sees, the lead
managing the care team and the rota, and axe."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from shouhu.demo.seed import demo_id
from tests.e2e.pages import axe_violations, signed_in

ZIHAN = demo_id("student-202507101")  # 周子涵, child of demo-parent1
YUYAN = demo_id("student-202507104")  # a 一般关注 case in 七年级(1)班, led by demo-teacher
LEVEL_WORDS = ("预警等级", "一般关注", "重点关注", "高危", "一生一档")


def test_another_parent_gets_not_found_and_no_trace_of_the_child(page: Page):
    signed_in(page, "demo-parent2")
    page.goto(f"/students/{ZIHAN}")
    expect(page.get_by_role("heading", level=1)).to_have_text("找不到此页面")
    text = page.locator("main").inner_text()
    for trace in ("周子涵", "周丽华", "期中考试", "工作专班", "关爱记录"):
        assert trace not in text
    assert "周子涵" not in page.title()


def test_the_student_cannot_open_their_own_page(page: Page):
    signed_in(page, "demo-student1")
    page.goto(f"/students/{ZIHAN}")
    expect(page.get_by_role("heading", level=1)).to_have_text("找不到此页面")
    for word in LEVEL_WORDS:
        assert word not in page.locator("main").inner_text()


def test_the_parent_sees_the_team_and_family_entries_but_no_warning_level(page: Page):
    signed_in(page, "demo-parent1")
    page.goto(f"/students/{ZIHAN}")
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
    signed_in(page, "demo-teacher")
    page.goto(f"/students/{YUYAN}")
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


def _serious(page: Page) -> list[dict]:
    return [v for v in axe_violations(page) if v["impact"] in {"serious", "critical"}]


def test_student_page_has_no_serious_accessibility_violations_for_the_lead(page: Page):
    signed_in(page, "demo-teacher")
    page.goto(f"/students/{ZIHAN}")
    expect(page.locator("ol.timeline > li").first).to_be_visible()
    page.get_by_text("管理工作专班成员").click()
    page.get_by_text("编辑陪伴安排").click()
    assert _serious(page) == []


def test_student_page_has_no_serious_accessibility_violations_for_a_parent(page: Page):
    signed_in(page, "demo-parent1")
    page.goto(f"/students/{ZIHAN}")
    expect(page.locator("ol.timeline > li").first).to_be_visible()
    assert _serious(page) == []
