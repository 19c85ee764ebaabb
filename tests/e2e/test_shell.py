"""The app shell in real Chromium on a phone: signing in as each role, errors people can read,
the help page offline, accessibility, installability and the strict CSP."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.pages import axe_violations, sign_in, sign_out, signed_in, wait_for_service_worker

# The cards each person's relations give them (the class teacher also leads care teams).
HOME_CARDS = {
    "demo-admin": (["SCHOOL_ADMIN"], "王建国"),
    "demo-counsellor": (["COUNSELLOR"], "陈思雨"),
    "demo-teacher": (["CLASS_TEACHER", "MENTOR"], "李雪梅"),
    "demo-mentor1": (["MENTOR"], "张志强"),
    "demo-mentor2": (["MENTOR"], "刘芳"),
    "demo-parent1": (["GUARDIAN"], "周丽华"),
    "demo-parent2": (["GUARDIAN"], "吴国栋"),
    "demo-student1": (["STUDENT"], "周子涵"),
    "demo-district": (["DISTRICT_STAFF"], "孙立新"),
}


@pytest.mark.parametrize("login", sorted(HOME_CARDS))
def test_each_demo_role_signs_in_and_sees_its_home(page: Page, login: str):
    kinds, name = HOME_CARDS[login]
    signed_in(page, login)
    expect(page.get_by_text(f"{name}，您好")).to_be_visible()
    cards = page.locator("section.card[data-role]")
    expect(cards).to_have_count(len(kinds))
    for index, kind in enumerate(kinds):
        expect(cards.nth(index)).to_have_attribute("data-role", kind)
    if login == "demo-parent1":
        expect(cards.first).to_contain_text("周子涵")
        expect(cards.first).not_to_contain_text("吴昊然")
    if login == "demo-teacher":
        expect(cards.first).to_contain_text("(1)班")


def test_a_slow_answer_asked_before_signing_in_does_not_sign_the_person_out_again(page: Page):
    """The app asks who is signed in as it opens; on a slow network that answer ("nobody") can arrive
    after the person has signed in. It is about the session that was, and must not undo the sign-in."""
    held = []

    def hold_the_first_question(route):
        if not held and "query Me" in (route.request.post_data or ""):
            held.append(route)  # answered below, once the person is in
        else:
            route.continue_()

    page.route("**/graphql", hold_the_first_question)
    page.goto("/login")
    expect(page.get_by_role("button", name="登录")).to_be_enabled()
    for _ in range(50):  # the question goes out as the app opens
        if held:
            break
        page.wait_for_timeout(100)
    assert len(held) == 1
    page.get_by_label("账号", exact=True).fill("demo-mentor1")
    page.get_by_label("密码", exact=True).fill("shouhu-demo")
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("主页")

    held[0].fulfill(status=200, content_type="application/json", body='{"data": {"me": null}}')
    page.wait_for_timeout(500)
    expect(page).to_have_url(re.compile(r"/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("主页")
    expect(page.get_by_text("张志强，您好")).to_be_visible()


def test_wrong_password_shows_the_translated_error_in_both_languages(page: Page):
    sign_in(page, "demo-teacher", "not-the-password")
    expect(page.get_by_role("alert")).to_contain_text("账号或密码不正确")
    expect(page).to_have_url(re.compile(r"/login$"))
    page.get_by_role("button", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_label("Login", exact=True).fill("demo-teacher")
    page.get_by_label("Password", exact=True).fill("still-wrong")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("Wrong login or password")


def test_signed_out_visitors_are_sent_to_login_and_logout_ends_the_session(page: Page):
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/login$"))
    signed_in(page, "demo-mentor1")
    sign_out(page)
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/login$"))


def test_a_parent_cannot_open_admin_pages_by_url(page: Page):
    signed_in(page, "demo-parent1")
    page.goto("/admin/students")
    expect(page.get_by_role("heading", level=1)).to_have_text("无权访问")
    expect(page.get_by_text("周子涵")).to_have_count(0)


def test_help_page_with_the_school_hotline_works_offline(page: Page):
    signed_in(page, "demo-parent1")
    page.get_by_role("link", name="求助", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("求助与心理援助")
    wait_for_service_worker(page)
    page.context.set_offline(True)
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("求助与心理援助")
    hotline = page.locator('a[href="tel:4008200535"]').first
    expect(hotline).to_be_visible()
    expect(hotline).to_contain_text("宝山区心理援助热线（24小时）")
    expect(page.get_by_text("心语小屋")).to_be_visible()


def test_help_is_reachable_signed_out_and_offline_with_built_in_hotlines(page: Page):
    page.goto("/login")
    page.get_by_role("link", name=re.compile("心理援助热线")).click()
    expect(page).to_have_url(re.compile(r"/help$"))
    wait_for_service_worker(page)
    page.context.set_offline(True)
    page.reload()
    expect(page.locator('a[href="tel:4008200535"]').first).to_be_visible()
    expect(page.locator('a[href="tel:12356"]').first).to_be_visible()


@pytest.mark.parametrize("where", ["login", "home", "help"])
def test_axe_finds_no_violations(page: Page, where: str):
    if where == "login":
        page.goto("/login")
        expect(page.get_by_role("heading", level=1)).to_be_visible()
    else:
        signed_in(page, "demo-parent1")
        if where == "help":
            page.get_by_role("link", name="求助", exact=True).click()
            expect(page.get_by_role("heading", level=1)).to_have_text("求助与心理援助")
    assert axe_violations(page) == []


def test_keyboard_user_can_skip_to_content_and_sign_in(page: Page):
    page.goto("/login")
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="跳到主要内容")).to_be_focused()
    page.get_by_label("账号", exact=True).focus()
    page.keyboard.type("demo-counsellor")
    page.keyboard.press("Tab")
    page.keyboard.type("shouhu-demo")
    page.keyboard.press("Enter")
    expect(page.locator('section.card[data-role="COUNSELLOR"]')).to_be_visible()


def test_pages_break_no_content_security_rule(page: Page):
    problems: list[str] = []
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    signed_in(page, "demo-admin")
    for path in ["/help", "/account", "/admin/classes", "/admin/students"]:
        page.goto(path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
    assert [p for p in problems if "Content Security Policy" in p or "Refused" in p] == []
    assert problems == []


def test_the_app_is_installable(playwright, server, tmp_path):
    from tests.e2e.conftest import CHROMIUM, CHROMIUM_ARGS

    phone = {k: v for k, v in playwright.devices["Pixel 7"].items() if k != "default_browser_type"}
    context = playwright.chromium.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=CHROMIUM, args=CHROMIUM_ARGS, **phone
    )
    try:
        page = context.pages[0]
        page.goto(f"{server}/login")
        wait_for_service_worker(page)
        cdp = context.new_cdp_session(page)
        assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
        manifest = cdp.send("Page.getAppManifest")
        assert manifest["errors"] == []
        assert '"name": "守护"' in manifest["data"] or '"name":"守护"' in manifest["data"]
    finally:
        context.close()


def test_the_axe_check_catches_a_planted_violation(page: Page):
    page.goto("/login")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.evaluate("document.querySelector('main').appendChild(document.createElement('input'))")
    assert "label" in {v["id"] for v in axe_violations(page)}
