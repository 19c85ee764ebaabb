"""An admin sets the school day's periods and names the counselling rooms."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.e2e.pages import serious_violations, signed_in


def test_admin_adds_a_counselling_room_and_renames_its_place(page: Page):
    signed_in(page, "demo-admin")
    page.get_by_role("link", name="进入管理").click()
    page.get_by_role("navigation").get_by_role("link", name="辅导室").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("心理辅导室")
    expect(page.get_by_role("form", name="修改辅导室：心语小屋")).to_be_visible()
    add = page.get_by_role("form", name="新建辅导室")
    add.get_by_label("名称", exact=True).fill("心语小屋")
    add.get_by_label("地点", exact=True).fill("别处")
    add.get_by_role("button", name="新建辅导室").click()
    expect(add.get_by_role("alert")).to_contain_text("已有同名的辅导室")
    add.get_by_label("名称", exact=True).fill("沙盘室")
    add.get_by_label("地点", exact=True).fill("实验楼一楼 105 室")
    add.get_by_role("button", name="新建辅导室").click()
    edit = page.get_by_role("form", name="修改辅导室：沙盘室")
    expect(edit.get_by_label("地点", exact=True)).to_have_value("实验楼一楼 105 室")
    page.reload()
    expect(page.get_by_role("form", name="修改辅导室：沙盘室")).to_be_visible()
    assert serious_violations(page) == []


def test_admin_sees_the_periods_of_the_school_day(page: Page):
    signed_in(page, "demo-admin")
    page.goto("/admin/periods")
    expect(page.get_by_role("heading", level=1)).to_have_text("作息时段")
    # The demo school's day: 早读 … 放学后, eleven periods.
    expect(page.locator("li.period-row")).to_have_count(11)
    first = page.locator("li.period-row").first
    expect(first.get_by_label("名称")).to_have_value("早读")
