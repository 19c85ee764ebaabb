"""An admin hands a parent a one-time code; the parent activates the account on their phone."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Page, expect

from tests.e2e.pages import signed_in


def test_admin_issues_a_code_and_the_parent_activates_with_it(page: Page, browser: Browser, browser_context_args):
    signed_in(page, "demo-admin")
    page.get_by_role("link", name="进入管理").click()
    page.get_by_role("navigation").get_by_role("link", name="家长").click()
    page.get_by_role("searchbox").fill("parent-202507104")
    page.get_by_role("searchbox").press("Enter")
    # Wait for the search result: a button in the unfiltered list would vanish with its row.
    rows = page.locator("ul.rows > li")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("parent-202507104")
    rows.first.get_by_role("button", name=re.compile("^生成邀请码：")).click()
    code = page.locator(".invitation .code").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", code)

    phone = browser.new_context(**browser_context_args)
    parent = phone.new_page()
    parent.goto("/login")
    parent.get_by_role("link", name="首次使用？用邀请码激活账户").click()
    parent.get_by_label("邀请码", exact=True).fill(code)
    parent.get_by_label("新密码", exact=True).fill("12345678")
    parent.get_by_label("再次输入新密码", exact=True).fill("12345678")
    parent.get_by_role("button", name="激活并登录").click()
    expect(parent.get_by_role("alert")).to_contain_text("太常见")
    parent.get_by_label("新密码", exact=True).fill("晚风吹过稻田-7")
    parent.get_by_label("再次输入新密码", exact=True).fill("晚风吹过稻田-7")
    parent.get_by_role("button", name="激活并登录").click()
    expect(parent.get_by_role("heading", level=1)).to_have_text("主页")
    expect(parent.locator('section.card[data-role="GUARDIAN"]')).to_be_visible()
    phone.close()


def test_admin_adds_a_class_and_sees_the_error_beside_the_field(page: Page):
    signed_in(page, "demo-admin")
    page.goto("/admin/classes")
    form = page.get_by_role("form", name="新建班级")
    form.get_by_label("年级", exact=True).fill("7")
    form.get_by_label("班级名称", exact=True).fill("(1)班")
    form.get_by_role("button", name="新建班级").click()
    expect(form.get_by_role("alert")).to_contain_text("同年级同名")
    form.get_by_label("班级名称", exact=True).fill("(8)班")
    form.get_by_role("button", name="新建班级").click()
    expect(page.get_by_text("(8)班").first).to_be_visible()
