"""The app with no network, or with a server that does not answer: the last-known home of the person
last signed in on the phone, entries kept on the phone (recognisable, correctable, discardable) and
sent by themselves once the server answers — under their author's session only, stored exactly once;
signing out asks first and forgets what was kept; an empty sign-in form never leaves the phone.

Uses demo-mentor1's third student (the offline check-ins) and 吴昊然 (the refused one, which stores
nothing), so test_mentor.py's check-in on 周子涵 is unaffected; demo-parent2 for the offline home log
(test_family.py records demo-parent1's tonight)."""

from __future__ import annotations

import re
import time
import uuid

from playwright.sync_api import Browser, BrowserContext, Page, Route, expect

from tests.e2e.pages import Api, axe_violations, sign_in, sign_out, signed_in, student_row, wait_for_service_worker

TIMELINE = """query($studentId: ID!) { timeline(studentId: $studentId, first: 100) {
  nodes { kind item { __typename ... on CheckIn { id note mood author { displayName } } } } } }"""
HOME_LOGS = """query($studentId: ID!) { timeline(studentId: $studentId, first: 100) {
  nodes { kind item { __typename ... on HomeLog { id note } } } } }"""
WAITING = "等待发送的记录"
OFFLINE_MARK = re.compile(r"离线 · 更新于 (今天 )?\d")


def third_student(page: Page) -> str:
    """demo-mentor1's student other than 周子涵 and 吴昊然 (its name comes from the demo's generator)."""
    expect(page.locator("li.student-row").first).to_be_visible()
    names = page.locator("li.student-row a.student-name").all_inner_texts()
    return next(n for n in names if n not in ("周子涵", "吴昊然"))


def student_id_of(page: Page, name: str) -> str:
    return student_row(page, name).get_by_role("link", name=name, exact=True).get_attribute("href").rsplit("/", 1)[1]


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


def api_check_in_notes(server: str, login: str, student_id: str, marker: str) -> list[str]:
    """The same, through a session of its own (the browser's may be someone else's or none)."""
    api = Api(server, login)
    try:
        nodes = api.run(TIMELINE, studentId=student_id)["timeline"]["nodes"]
    finally:
        api.close()
    return [n["item"]["note"] for n in nodes if n["kind"] == "CHECK_IN" and marker in n["item"]["note"]]


def check_in(page: Page, name: str, mood: str, note: str) -> None:
    student_row(page, name).get_by_role("link", name=f"签到：{name}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"签到：{name}")
    page.get_by_role("radio", name=mood).check()
    page.get_by_label("简短记录", exact=True).fill(note)
    page.get_by_role("button", name="提交签到").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("主页")


def waiting_entry(page: Page, text: str):
    return page.get_by_role("list", name=WAITING).get_by_role("listitem").filter(has_text=text)


def reopened(context: BrowserContext, page: Page) -> Page:
    """The app closed and opened again from the home screen."""
    page.close()
    fresh = context.new_page()
    fresh.goto("/")
    return fresh


def snapshot_records(page: Page) -> list[str]:
    """What the last-known home keeps in IndexedDB (keys only)."""
    return page.evaluate(
        """() => new Promise((resolve, reject) => {
            const open = indexedDB.open('shouhu');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              if (!db.objectStoreNames.contains('snapshot')) { db.close(); resolve([]); return; }
              const read = db.transaction('snapshot').objectStore('snapshot').getAllKeys();
              read.onsuccess = () => { db.close(); resolve(read.result.map(String)); };
              read.onerror = () => reject(read.error);
            };
        })"""
    )


# ---- Opened with no network ----


def test_opened_offline_a_mentor_sees_the_last_known_home_and_a_check_in_goes_out_once(
    page: Page, context: BrowserContext
):
    signed_in(page, "demo-mentor1")
    wait_for_service_worker(page)
    name = third_student(page)
    student_id = student_id_of(page, name)
    marker = uuid.uuid4().hex[:6]

    # A dead zone, and the app opened afresh: the students from the last visit, marked as such.
    context.set_offline(True)
    page = reopened(context, page)
    expect(page.get_by_role("status").filter(has_text=OFFLINE_MARK)).to_be_visible()
    expect(student_row(page, "周子涵")).to_be_visible()
    expect(student_row(page, name)).to_be_visible()
    expect(page.get_by_text("网络连接失败")).to_have_count(0)

    check_in(page, name, "较差", f"课间一个人坐着 {marker}")
    expect(page.get_by_role("status").filter(has_text=f"{name}的签到已保存在本机，联网后自动发送")).to_be_focused()
    expect(page.get_by_text("等待发送（1）")).to_be_visible()
    # Recognisable: who, what, when, the mood and the note's first words.
    entry = waiting_entry(page, "课间一个人坐着")
    expect(entry).to_contain_text(re.compile(rf"^{name} · 签到 · 今天 \d\d:\d\d · 心情 2 · “课间一个人坐着 {marker[:2]}…”"))

    # A page that needs the server says so calmly, with the home one tap away.
    page.get_by_role("link", name="我的账户").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("需要联网")
    page.get_by_role("link", name="返回主页（离线）").click()
    expect(student_row(page, name)).to_contain_text("已保存在本机，等待发送")

    context.set_offline(False)
    expect(page.get_by_role("status").filter(has_text="已发送 1 条")).to_be_visible(timeout=20_000)
    expect(page.get_by_text(re.compile(r"等待发送（\d+）"))).to_have_count(0)
    expect(page.get_by_text(OFFLINE_MARK)).to_have_count(0)
    expect(student_row(page, name)).to_contain_text("✓ 我今天已签到")
    assert check_in_notes(page, student_id, marker) == [f"课间一个人坐着 {marker}"]


def test_a_server_silent_for_40_seconds_gets_the_entry_by_itself_once_it_answers(page: Page, context: BrowserContext):
    """Lie-fi: the phone says it is online, the server does not answer. Nobody touches the page."""
    signed_in(page, "demo-mentor1")
    wait_for_service_worker(page)
    name = third_student(page)
    student_id = student_id_of(page, name)
    marker = uuid.uuid4().hex[:6]

    silent_since = time.monotonic()
    # context.route also sees requests a service worker would make, so nothing reaches the server.
    context.route("**/graphql", lambda route: route.abort("connectionrefused"))
    page = reopened(context, page)
    expect(page.get_by_role("status").filter(has_text=OFFLINE_MARK)).to_be_visible()
    check_in(page, name, "一般", f"服务器没有回应 {marker}")
    expect(page.get_by_text("等待发送（1）")).to_be_visible()

    page.wait_for_timeout(max(0, 40 - (time.monotonic() - silent_since)) * 1000)
    expect(page.get_by_text("等待发送（1）")).to_be_visible()
    context.unroute("**/graphql")

    # Within one 30-second period (plus the request), with no tap.
    expect(page.get_by_role("status").filter(has_text="已发送 1 条")).to_be_visible(timeout=35_000)
    expect(page.get_by_text(OFFLINE_MARK)).to_have_count(0)
    assert check_in_notes(page, student_id, marker) == [f"服务器没有回应 {marker}"]


def test_opened_offline_a_parent_sees_the_child_and_records_tonight(page: Page, context: BrowserContext):
    signed_in(page, "demo-parent2")
    wait_for_service_worker(page)
    card = page.locator('section.card[data-role="GUARDIAN"]')
    expect(card.locator(".streak")).to_be_visible()
    streak = card.locator(".streak").inner_text()
    student_id = card.get_by_role("link", name="记录今晚：吴昊然").get_attribute("href").rsplit("/", 1)[1]
    marker = uuid.uuid4().hex[:6]

    context.set_offline(True)
    page = reopened(context, page)
    card = page.locator('section.card[data-role="GUARDIAN"]')
    expect(page.get_by_role("status").filter(has_text=OFFLINE_MARK)).to_be_visible()
    expect(card.locator(".streak")).to_have_text(streak)
    expect(card.get_by_role("table")).to_contain_text("倾听 15 分钟")
    expect(card.locator(".contact-list")).to_be_visible()
    card.get_by_role("link", name="记录今晚：吴昊然").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("家庭陪护记录：吴昊然")
    page.get_by_role("group", name=re.compile("^倾听孩子说话.*快速选择$")).get_by_role("button", name="15 分钟").click()
    page.get_by_role("group", name=re.compile("^运动.*快速选择$")).get_by_role("button", name="60 分钟").click()
    page.get_by_role("radio", name="全程陪护").check()
    page.get_by_label("其他情况").fill(f"一起下了盘棋 {marker}")
    page.get_by_role("button", name="提交今晚的记录").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("主页")
    card = page.locator('section.card[data-role="GUARDIAN"]')
    expect(card).to_contain_text("今晚的记录已保存在本机，等待发送")
    expect(waiting_entry(page, "一起下了盘棋")).to_contain_text("吴昊然 · 家庭陪护记录 · 今天")

    context.set_offline(False)
    expect(page.get_by_role("status").filter(has_text="已发送 1 条")).to_be_visible(timeout=20_000)
    expect(card).to_contain_text("✓ 今晚已记录")
    nodes = graphql(page, HOME_LOGS, {"studentId": student_id})["data"]["timeline"]["nodes"]
    assert [n["item"]["note"] for n in nodes if n["kind"] == "HOME_LOG" and marker in (n["item"]["note"] or "")] == [
        f"一起下了盘棋 {marker}"
    ]


def test_three_offline_check_ins_survive_the_app_being_closed_and_are_stored_once(page: Page, context: BrowserContext):
    signed_in(page, "demo-mentor1")
    wait_for_service_worker(page)
    name = third_student(page)
    student_id = student_id_of(page, name)
    marker = uuid.uuid4().hex[:8]

    context.set_offline(True)
    for n, mood in enumerate(["一般", "较差", "较好"], start=1):
        check_in(page, name, mood, f"离线记录 {marker} 第{n}条")
        saved = page.get_by_role("status").filter(has_text=f"{name}的签到已保存在本机，联网后自动发送")
        expect(saved).to_be_focused()
    expect(page.get_by_text("等待发送（3）")).to_be_visible()

    # The service worker serves the app with no network; the home and the entries are still there.
    page = reopened(context, page)
    expect(page.get_by_role("status").filter(has_text=OFFLINE_MARK)).to_be_visible()
    expect(page.get_by_text("等待发送（3）")).to_be_visible()
    # Told apart by their moods (一般 3, 较差 2, 较好 4), oldest first.
    lines = page.get_by_role("list", name=WAITING).get_by_role("listitem")
    expect(lines).to_have_count(3)
    for index, mood in enumerate((3, 2, 4)):
        expect(lines.nth(index)).to_contain_text(f"心情 {mood} · “离线记录 {marker[:5]}…”")

    context.set_offline(False)
    # Back online, the app signs itself back in and sends what was waiting, without a tap.
    expect(page.get_by_role("status").filter(has_text="已发送 3 条")).to_be_visible(timeout=20_000)
    expect(student_row(page, name)).to_contain_text("✓ 我今天已签到")
    expect(page.get_by_text(re.compile(r"等待发送（\d+）"))).to_have_count(0)
    notes = check_in_notes(page, student_id, marker)
    assert sorted(notes) == sorted(f"离线记录 {marker} 第{n}条" for n in (1, 2, 3))


# ---- Sessions: expired, another person, signing out ----


def test_after_the_session_ends_only_its_author_signing_in_again_sends_the_entries(
    page: Page, context: BrowserContext, server: str
):
    signed_in(page, "demo-mentor1")
    name = third_student(page)
    student_id = student_id_of(page, name)
    marker = uuid.uuid4().hex[:6]
    context.set_offline(True)
    check_in(page, name, "一般", f"会话过期前 {marker}")
    expect(page.get_by_text("等待发送（1）")).to_be_visible()

    # The session ends on the server's side (expired, or ended elsewhere): no cookie any more.
    context.clear_cookies()
    context.set_offline(False)
    expect(page).to_have_url(re.compile(r"/login"), timeout=20_000)
    expect(page.get_by_role("status").filter(has_text="请重新登录以发送 1 条记录")).to_be_visible()

    # Someone else on this phone: the entry is neither shown nor sent under their session.
    signed_in(page, "demo-mentor2")
    expect(page.get_by_text(marker)).to_have_count(0)
    expect(page.get_by_text(re.compile(r"等待发送（\d+）"))).to_have_count(0)
    page.wait_for_timeout(1500)
    assert api_check_in_notes(server, "demo-mentor1", student_id, marker) == []
    sign_out(page)
    expect(page.get_by_text("请重新登录以发送")).to_have_count(0)

    # Its author again: sent at once, stored once.
    sign_in(page, "demo-mentor1")
    expect(page.get_by_role("status").filter(has_text="已发送 1 条")).to_be_visible(timeout=20_000)
    assert check_in_notes(page, student_id, marker) == [f"会话过期前 {marker}"]


def test_signing_out_asks_in_place_and_forgets_the_last_known_home(page: Page, context: BrowserContext):
    signed_in(page, "demo-mentor1")
    wait_for_service_worker(page)
    expect(student_row(page, "周子涵")).to_be_visible()
    for _ in range(50):
        if len(snapshot_records(page)) > 1:
            break
        page.wait_for_timeout(100)
    assert len(snapshot_records(page)) > 1  # the home was kept: what follows can fail

    banner = page.get_by_role("banner")
    banner.get_by_role("button", name="退出登录").click()
    question = banner.get_by_role("group", name="确定要退出登录吗？")
    expect(question).to_be_visible()
    expect(question.get_by_role("button", name="确认退出")).to_be_focused()
    question.get_by_role("button", name="取消").click()
    expect(question).to_have_count(0)
    expect(banner.get_by_role("button", name="退出登录")).to_be_focused()
    expect(page.get_by_role("heading", level=1)).to_have_text("主页")

    # The account page asks the same, once.
    page.get_by_role("link", name="我的账户").click()
    page.get_by_role("main").get_by_role("button", name="退出登录").click()
    page.get_by_role("main").get_by_role("button", name="确认退出").click()
    expect(page).to_have_url(re.compile(r"/login$"))
    assert snapshot_records(page) == []

    context.set_offline(True)
    page = reopened(context, page)
    expect(page.get_by_text("现在无法连接服务器")).to_be_visible()
    body = page.locator("body").inner_text()
    assert "周子涵" not in body and "张志强" not in body
    assert snapshot_records(page) == []


def test_signing_out_with_entries_waiting_warns_and_keeps_them_for_their_author(
    page: Page, context: BrowserContext, server: str
):
    signed_in(page, "demo-mentor1")
    wait_for_service_worker(page)
    name = third_student(page)
    student_id = student_id_of(page, name)
    marker = uuid.uuid4().hex[:6]
    context.set_offline(True)
    check_in(page, name, "较好", f"退出前的记录 {marker}")

    banner = page.get_by_role("banner")
    banner.get_by_role("button", name="退出登录").click()
    warning = banner.get_by_role("group", name=re.compile("还有 1 条记录未发送"))
    expect(warning).to_contain_text("退出后它们会保留在本机，直到你再次登录")
    warning.get_by_role("button", name="确认退出").click()
    # Signed out here at once, with no network; the server hears of it at the next sign-in.
    expect(page).to_have_url(re.compile(r"/login$"))
    expect(page.get_by_role("status").filter(has_text="请重新登录以发送 1 条记录")).to_be_visible()

    context.set_offline(False)
    page.wait_for_timeout(1500)
    assert api_check_in_notes(server, "demo-mentor1", student_id, marker) == []
    sign_in(page, "demo-mentor1")
    expect(page.get_by_role("status").filter(has_text="已发送 1 条")).to_be_visible(timeout=20_000)
    assert check_in_notes(page, student_id, marker) == [f"退出前的记录 {marker}"]


# ---- The waiting list ----


def test_a_waiting_check_in_can_be_corrected_or_discarded_before_it_is_sent(page: Page, context: BrowserContext):
    signed_in(page, "demo-mentor1")
    name = third_student(page)
    student_id = student_id_of(page, name)
    marker = uuid.uuid4().hex[:6]
    context.set_offline(True)
    check_in(page, name, "一般", f"原来写的 {marker}")
    check_in(page, name, "很差", f"写错了要删 {marker}")
    expect(page.get_by_text("等待发送（2）")).to_be_visible()

    # Opened from the list: the form holds the waiting values; saving replaces that entry.
    waiting_entry(page, "原来写的").get_by_role("link", name=re.compile("^修改此条")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"修改签到：{name}")
    expect(page.get_by_role("radio", name="一般")).to_be_checked()
    expect(page.get_by_label("简短记录", exact=True)).to_have_value(f"原来写的 {marker}")
    page.get_by_role("radio", name="较好").check()
    page.get_by_label("简短记录", exact=True).fill(f"改过了 {marker}")
    page.get_by_role("button", name="保存修改").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("主页")
    expect(page.get_by_text("等待发送（2）")).to_be_visible()
    expect(waiting_entry(page, "改过了")).to_contain_text("心情 4")
    expect(waiting_entry(page, "原来写的")).to_have_count(0)

    # Discarding asks first.
    doomed = waiting_entry(page, "写错了要删")
    doomed.get_by_role("button", name=re.compile("^删除此条")).click()
    question = doomed.get_by_role("group", name=re.compile("这条记录还没有发送，删除后无法恢复"))
    question.get_by_role("button", name="确认删除").click()
    expect(page.get_by_text("等待发送（1）")).to_be_visible()
    expect(waiting_entry(page, "写错了要删")).to_have_count(0)

    context.set_offline(False)
    expect(page.get_by_role("status").filter(has_text="已发送 1 条")).to_be_visible(timeout=20_000)
    nodes = graphql(page, TIMELINE, {"studentId": student_id})["data"]["timeline"]["nodes"]
    mine = [n["item"] for n in nodes if n["kind"] == "CHECK_IN" and marker in n["item"]["note"]]
    assert [(item["note"], item["mood"]) for item in mine] == [(f"改过了 {marker}", 4)]


def test_the_offline_home_its_waiting_list_and_the_questions_pass_axe(page: Page, context: BrowserContext):
    signed_in(page, "demo-mentor1")
    wait_for_service_worker(page)
    name = third_student(page)
    context.set_offline(True)
    page = reopened(context, page)
    check_in(page, name, "一般", "无障碍检查用的记录")
    expect(page.get_by_role("status").filter(has_text=OFFLINE_MARK)).to_be_visible()
    waiting_entry(page, "无障碍检查").get_by_role("button", name=re.compile("^删除此条")).click()
    page.get_by_role("banner").get_by_role("button", name="退出登录").click()
    expect(page.get_by_role("banner").get_by_role("button", name="确认退出")).to_be_visible()
    assert axe_violations(page) == []
    waiting_entry(page, "无障碍检查").get_by_role("button", name="确认删除").click()
    page.get_by_role("banner").get_by_role("button", name="取消").click()
    expect(page.get_by_text(re.compile(r"等待发送（\d+）"))).to_have_count(0)


# ---- Sending, refusals, lost answers ----


def test_a_check_in_whose_answer_was_lost_is_sent_again_and_stored_once(
    browser: Browser, browser_context_args: dict
):
    # No service worker here, so the page's own requests can be intercepted.
    context = browser.new_context(**browser_context_args, service_workers="block")
    page = context.new_page()
    signed_in(page, "demo-mentor1")
    name = third_student(page)
    student_id = student_id_of(page, name)
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
    student_id = student_id_of(page, "吴昊然")
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

    # It stays until its author discards it (asked first), even across a reload.
    page.reload()
    refused = page.get_by_role("alert").filter(has_text="未被系统接受")
    expect(refused).to_contain_text("原因：不能超过 500 个字符")
    refused.get_by_role("button", name=re.compile("^删除此条：吴昊然")).click()
    refused.get_by_role("button", name="确认删除").click()
    expect(page.get_by_text("未被系统接受")).to_have_count(0)


# ---- Sign-in checked on the phone ----


def test_an_empty_sign_in_form_is_checked_on_the_phone_and_never_sent(page: Page):
    page.goto("/login")
    expect(page.get_by_role("heading", level=1)).to_have_text("登录")
    page.wait_for_load_state("networkidle")
    sent: list[str] = []
    page.on("request", lambda request: sent.append(request.url) if "/graphql" in request.url else None)

    page.get_by_role("button", name="登录").click()
    expect(page.get_by_text("请输入账号。")).to_be_visible()
    expect(page.get_by_text("请输入密码。")).to_be_visible()
    expect(page.get_by_label("账号", exact=True)).to_be_focused()
    expect(page.get_by_label("账号", exact=True)).to_have_attribute("aria-invalid", "true")

    page.get_by_label("账号", exact=True).fill("demo-mentor1")
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_text("请输入账号。")).to_have_count(0)
    expect(page.get_by_label("密码", exact=True)).to_be_focused()

    page.wait_for_timeout(300)
    assert sent == []

    page.get_by_role("button", name="English").click()
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_text("Please enter your login.")).to_be_visible()
    expect(page.get_by_text("Please enter your password.")).to_be_visible()

    page.goto("/activate")
    page.wait_for_load_state("networkidle")
    sent.clear()
    page.get_by_role("button", name="Activate and sign in").click()
    expect(page.get_by_text("Please enter the invitation code.")).to_be_visible()
    expect(page.get_by_label("Invitation code", exact=True)).to_be_focused()
    page.wait_for_timeout(300)
    assert sent == []
