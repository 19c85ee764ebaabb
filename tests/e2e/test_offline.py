"""Check-ins made with no network: kept on the phone through a reload, sent when the network is
back, stored exactly once; one the server refuses is shown with its reason, never dropped.

Uses demo-mentor1's third student (the offline check-ins) and 吴昊然 (the refused one, which stores
nothing), so test_mentor.py's check-in on 周子涵 is unaffected."""

from __future__ import annotations

import re
import uuid

from playwright.sync_api import Browser, Page, Route, expect

from tests.e2e.pages import signed_in, student_row, wait_for_service_worker

TIMELINE = """query($studentId: ID!) { timeline(studentId: $studentId, first: 100) {
  nodes { kind item { __typename ... on CheckIn { id note author { displayName } } } } } }"""


def third_student(page: Page) -> str:
    """demo-mentor1's student other than 周子涵 and 吴昊然 (its name comes from the demo's generator)."""
    expect(page.locator("li.student-row").first).to_be_visible()
    names = page.locator("li.student-row a.student-name").all_inner_texts()
    return next(n for n in names if n not in ("周子涵", "吴昊然"))


def graphql(page: Page, query: str, variables: dict) -> dict:
    """Asks the API as the signed-in person, from inside the page (same origin, same cookie)."""
    return page.evaluate(
        """async ([query, variables]) => {
            const response = await fetch('/graphql', {
              method: 'POST', credentials: 'same-origin',
              headers: {'Content-Type': 'application/json'},
              body: JSON.stringify({query, variables}),
            });
            return response.json();
        }""",
        [query, variables],
    )


def check_in_notes(page: Page, student_id: str, marker: str) -> list[str]:
    nodes = graphql(page, TIMELINE, {"studentId": student_id})["data"]["timeline"]["nodes"]
    return [n["item"]["note"] for n in nodes if n["kind"] == "CHECK_IN" and marker in n["item"]["note"]]


def check_in(page: Page, name: str, mood: str, note: str) -> None:
    student_row(page, name).get_by_role("link", name=f"签到：{name}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"签到：{name}")
    page.get_by_role("radio", name=mood).check()
    page.get_by_label("简短记录", exact=True).fill(note)
    page.get_by_role("button", name="提交签到").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("主页")


def test_three_offline_check_ins_survive_a_reload_and_are_stored_once(page: Page):
    signed_in(page, "demo-mentor1")
    wait_for_service_worker(page)
    name = third_student(page)
    link = student_row(page, name).get_by_role("link", name=name, exact=True)
    student_id = link.get_attribute("href").rsplit("/", 1)[1]
    marker = uuid.uuid4().hex[:8]

    page.context.set_offline(True)
    for n, mood in enumerate(["一般", "较差", "较好"], start=1):
        check_in(page, name, mood, f"离线记录 {marker} 第{n}条")
        saved = page.get_by_role("status").filter(has_text=f"{name}的签到已保存在本机，联网后自动发送")
        expect(saved).to_be_focused()
    expect(page.get_by_text("等待发送（3）")).to_be_visible()
    expect(student_row(page, name)).to_contain_text("已保存在本机，等待发送")

    # The service worker serves the app with no network; the entries are still on the phone.
    page.reload()
    expect(page.get_by_text("现在无法连接服务器")).to_be_visible()

    page.context.set_offline(False)
    # Back online, the app signs itself back in and sends what was waiting, without a tap.
    expect(student_row(page, name)).to_contain_text("✓ 我今天已签到", timeout=20_000)
    expect(page.get_by_text(re.compile(r"等待发送（\d+）"))).to_have_count(0)
    notes = check_in_notes(page, student_id, marker)
    assert sorted(notes) == sorted(f"离线记录 {marker} 第{n}条" for n in (1, 2, 3))


def test_a_check_in_whose_answer_was_lost_is_sent_again_and_stored_once(
    browser: Browser, browser_context_args: dict
):
    # No service worker here, so the page's own requests can be intercepted.
    context = browser.new_context(**browser_context_args, service_workers="block")
    page = context.new_page()
    signed_in(page, "demo-mentor1")
    name = third_student(page)
    student_id = student_row(page, name).get_by_role("link", name=name, exact=True).get_attribute("href").rsplit("/", 1)[1]
    marker = uuid.uuid4().hex[:8]
    lost: list[str] = []

    def lose_first_answer(route: Route) -> None:
        if "RecordCheckIn" in (route.request.post_data or "") and not lost:
            route.fetch()  # the server stores it...
            lost.append(route.request.url)
            route.abort("connectionreset")  # ...but the phone never hears back
        else:
            route.continue_()

    page.route("**/graphql", lose_first_answer)
    check_in(page, name, "一般", f"回复丢失 {marker}")
    expect(page.get_by_role("status").filter(has_text=f"{name}的签到已保存在本机")).to_be_focused()
    expect(page.get_by_text("等待发送（1）")).to_be_visible()
    assert lost and len(check_in_notes(page, student_id, marker)) == 1

    page.get_by_role("button", name="立即发送").click()
    expect(page.get_by_text(re.compile(r"等待发送（\d+）"))).to_have_count(0)
    expect(page.get_by_text("未被系统接受")).to_have_count(0)
    assert check_in_notes(page, student_id, marker) == [f"回复丢失 {marker}"]
    context.close()


def test_an_offline_check_in_the_server_refuses_is_shown_with_its_reason(page: Page):
    signed_in(page, "demo-mentor1")
    link = student_row(page, "吴昊然").get_by_role("link", name="吴昊然", exact=True)
    student_id = link.get_attribute("href").rsplit("/", 1)[1]
    marker = uuid.uuid4().hex[:8]
    too_long = f"{marker} " + "今天早读时一直趴在桌上，" * 50  # far over the 500-character limit

    page.context.set_offline(True)
    check_in(page, "吴昊然", "较差", too_long)
    expect(page.get_by_text("等待发送（1）")).to_be_visible()

    page.context.set_offline(False)
    refused = page.get_by_role("alert").filter(has_text="未被系统接受")
    expect(refused).to_contain_text("吴昊然 · 签到", timeout=20_000)
    expect(refused).to_contain_text("原因：不能超过 500 个字符")
    expect(page.get_by_text(re.compile(r"等待发送（\d+）"))).to_have_count(0)
    assert check_in_notes(page, student_id, marker) == []

    # It stays until its author discards it, even across a reload.
    page.reload()
    expect(page.get_by_role("alert").filter(has_text="未被系统接受")).to_contain_text("原因：不能超过 500 个字符")
    page.get_by_role("button", name="删除此条：吴昊然").click()
    expect(page.get_by_text("未被系统接受")).to_have_count(0)
