"""The class teacher's and the counsellor's boards in real Chromium on a phone: the class board
from the home screen, the timeline's "signals only" filter, acknowledging a crisis alert, axe."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.pages import serious_violations, signed_in


def test_class_teacher_opens_the_board_and_filters_a_timeline_to_signals(page: Page):
    signed_in(page, "demo-teacher")
    card = page.locator('section.card[data-role="CLASS_TEACHER"]')
    expect(card).to_contain_text(re.compile(r"本班待确认的危机预警：\d+ 条|本班目前没有待确认的预警"))
    card.get_by_role("link", name=re.compile(r"^查看班级关爱看板：.*\(1\)班$")).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^班级关爱看板：.*\(1\)班$"))
    rows = page.locator("ul.board-rows > li")
    expect(rows).to_have_count(4)
    # The one needing most attention first: the severe case (高危), ahead of 重点关注 and 一般关注.
    expect(rows.first).to_contain_text("高危")
    expect(rows.last).to_contain_text("一般关注")
    expect(page.get_by_text("在档关注学生 4 名")).to_be_visible()
    zihan = rows.filter(has=page.get_by_role("link", name="周子涵", exact=True))
    expect(zihan).to_contain_text("重点关注")
    expect(zihan).to_contain_text("未签到：")
    zihan.get_by_role("link", name="周子涵", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("周子涵")
    expect(page.get_by_role("heading", name="关爱档案（一生一档）")).to_be_visible()
    count = page.locator(".timeline-count")
    expect(count).to_have_text("显示 20 条记录，还有更多")
    entries = page.locator("ol.timeline > li")
    expect(entries).to_have_count(20)
    unfiltered = entries.all_inner_texts()
    assert any("含信号" not in text for text in unfiltered), "the unfiltered timeline should hold calm entries too"

    page.get_by_label("只看信号", exact=True).check()
    page.get_by_role("button", name="应用筛选").click()
    expect(count).to_contain_text("符合筛选条件的记录")
    expect(entries.first).to_be_visible()
    shown = entries.count()
    assert shown > 0
    for index in range(shown):
        entry = entries.nth(index)
        expect(entry).to_contain_text("含信号")
        expect(entry.locator(".sig-list > li").first).to_be_visible()

    # A date range with no entries: the status says so instead of showing a list.
    page.get_by_label("起始日期", exact=True).fill("2099-01-01")
    page.get_by_role("button", name="应用筛选").click()
    expect(count).to_have_text("没有符合筛选条件的记录。")
    expect(entries).to_have_count(0)

    page.get_by_role("button", name="清除筛选").click()
    expect(count).to_have_text("显示 20 条记录，还有更多")
    page.get_by_role("button", name="加载更早的记录").click()
    expect(entries.nth(20)).to_be_focused()


def test_class_teacher_cannot_open_another_class_board(page: Page):
    signed_in(page, "demo-teacher")
    from shouhu.demo.seed import demo_id

    page.goto(f"/classes/{demo_id('class-2')}/board")
    expect(page.get_by_role("heading", level=1)).to_have_text("找不到此页面")
    expect(page.locator("ul.board-rows")).to_have_count(0)


def test_counsellor_acknowledges_the_open_alert_from_the_home_screen(page: Page):
    signed_in(page, "demo-counsellor")
    card = page.locator('section.card[data-role="COUNSELLOR"]')
    items = card.locator(".alert-item")
    # The demo's open alert: a guardian saw fresh cuts last night (自伤自残). Other tests may raise more.
    alert = items.filter(has_text="自伤自残").first
    expect(alert).to_be_visible()
    before = items.count()
    expect(card.get_by_role("heading", name=f"待确认的危机预警（{before}）")).to_be_visible()
    button = alert.get_by_role("button", name=re.compile(r"^确认已知悉："))
    name = button.inner_text().split("：", 1)[1]
    expect(alert.get_by_role("link", name=name)).to_be_visible()
    button.click()

    expect(items).to_have_count(before - 1)
    expect(card.get_by_role("heading", name=f"待确认的危机预警（{before - 1}）")).to_be_visible()
    expect(card.get_by_role("status").first).to_contain_text(f"已确认知悉：{name}")
    if before == 1:
        expect(card.get_by_text("目前没有待确认的预警。")).to_be_visible()
    page.reload()
    card = page.locator('section.card[data-role="COUNSELLOR"]')
    expect(card.get_by_role("heading", name=f"待确认的危机预警（{before - 1}）")).to_be_visible()

    card.get_by_role("link", name="全校关爱看板").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("全校关爱看板")
    rows = page.locator("ul.board-rows > li")
    expect(rows.first).to_be_visible()
    expect(page.get_by_text(f"在档关注学生 {rows.count()} 名")).to_be_visible()
    expect(rows.filter(has=page.get_by_role("link", name=name, exact=True))).to_contain_text("高危")


def test_home_card_and_school_board_have_no_serious_accessibility_violations(page: Page):
    signed_in(page, "demo-admin")
    card = page.locator('section.card[data-role="SCHOOL_ADMIN"]')
    expect(card.get_by_role("link", name="进入管理")).to_be_visible()
    expect(card.get_by_role("heading", name=re.compile("^待确认的危机预警"))).to_be_visible()
    assert serious_violations(page) == []
    card.get_by_role("link", name="全校关爱看板").click()
    expect(page.locator("ul.board-rows > li").first).to_be_visible()
    assert serious_violations(page) == []


def test_class_board_has_no_serious_accessibility_violations(page: Page):
    signed_in(page, "demo-teacher")
    page.get_by_role("link", name=re.compile(r"^查看班级关爱看板：")).click()
    expect(page.locator("ul.board-rows > li")).to_have_count(4)
    assert serious_violations(page) == []
