"""An admin sets the school's reminder times and its chat-group robots (管理 → 通知); a signed-out person
who taps a push signs in and lands on that notification, not on the home page."""

from __future__ import annotations

import re
import uuid

from playwright.sync_api import Page, expect

from tests.e2e.pages import PASSWORD, Api, serious_violations, signed_in

# The e2e server may call robots on loopback only (SHOUHU_PUSH_ALLOW_LOOPBACK=1, a test setting); every
# other address is checked as in production, and this machine resolves no public names.
ROBOT_URL = "http://localhost/cgi-bin/webhook/send?key=abcd-0001"
TIME_LABELS = {
    "quietStart": "免打扰开始",
    "quietEnd": "免打扰结束",
    "mentorReminder": "导师签到提醒",
    "guardianReminder": "家长家庭记录提醒",
    "leadDigest": "班主任每日汇总",
}
ESCALATE = "预警未确认升级提醒（分钟）"
SET_TIMES = """mutation($i: ReminderTimesInput!) { setSchoolReminderTimes(input: $i) { __typename } }"""


def open_admin_notifications(page: Page) -> None:
    signed_in(page, "demo-admin")
    page.get_by_role("link", name="进入管理").click()
    page.get_by_role("navigation", name="管理导航").get_by_role("link", name="通知", exact=True).click()
    expect(page).to_have_url(re.compile(r"/admin/notifications$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("通知设置（全校）")


def test_admin_changes_a_reminder_time_and_an_invalid_escalation_changes_nothing(page: Page, server: str):
    open_admin_notifications(page)
    times = page.get_by_role("form", name="提醒时间")
    mentor = times.get_by_label("导师签到提醒", exact=True)
    escalate = times.get_by_label(ESCALATE, exact=True)
    expect(mentor).to_have_value(re.compile(r"^\d\d:\d\d$"))
    expect(times).to_contain_text(re.compile(r"所有时间均为学校时间（.+）"))
    before = {field: times.get_by_label(label, exact=True).input_value() for field, label in TIME_LABELS.items()}
    before_escalate = escalate.input_value()
    assert before["mentorReminder"] != "14:00", before
    try:
        mentor.fill("14:00")
        times.get_by_role("button", name="保存提醒时间").click()
        expect(times.get_by_role("status")).to_have_text("已保存提醒时间。")
        page.reload()
        expect(mentor).to_have_value("14:00")

        escalate.fill("0")
        times.get_by_role("button", name="保存提醒时间").click()
        expect(times.get_by_role("alert")).to_have_text("升级提醒时间应在 5 到 240 分钟之间。")
        expect(escalate).to_have_attribute("aria-invalid", "true")
        expect(times.get_by_role("status")).to_have_text("")
        page.reload()
        expect(escalate).to_have_value(before_escalate)
        expect(mentor).to_have_value("14:00")

        # Back as it was, through the page.
        mentor.fill(before["mentorReminder"])
        times.get_by_role("button", name="保存提醒时间").click()
        expect(times.get_by_role("status")).to_have_text("已保存提醒时间。")
        page.reload()
        expect(mentor).to_have_value(before["mentorReminder"])
    finally:
        # The e2e tests share one demo database: whatever happened above, the times go back.
        api = Api(server, "demo-admin")
        try:
            api.run(SET_TIMES, i={**before, "escalateAfterMinutes": int(before_escalate)})
        finally:
            api.close()


def remove_all_robots(server: str) -> None:
    """The e2e tests share one demo database: a robot left by a failed test must not stay listed."""
    api = Api(server, "demo-admin")
    try:
        for hook in api.run("{ schoolWebhooks { id } }")["schoolWebhooks"]:
            api.run("mutation($id: ID!) { removeSchoolWebhook(id: $id) { __typename } }", id=hook["id"])
    finally:
        api.close()


def test_admin_adds_edits_and_removes_a_chat_group_robot(page: Page, server: str):
    try:
        adds_edits_and_removes_a_robot(page)
    finally:
        remove_all_robots(server)


def adds_edits_and_removes_a_robot(page: Page) -> None:
    open_admin_notifications(page)
    robots = page.get_by_role("region", name="群机器人")
    expect(robots).to_contain_text("1 个新的危机预警 — 请立即打开守护")
    add = page.get_by_role("form", name="添加群机器人")
    add.get_by_label("名称", exact=True).fill("领导小组群")
    add.get_by_label("Webhook 地址", exact=True).fill(ROBOT_URL)
    add.get_by_label("危机预警", exact=True).check()
    add.get_by_label("危机预警仍未确认", exact=True).check()
    add.get_by_role("button", name="添加群机器人").click()
    expect(robots.get_by_role("status")).to_have_text("已保存：领导小组群")

    listed = page.get_by_role("list", name="群机器人列表").get_by_role("listitem")
    expect(listed).to_have_count(1)
    robot = listed.first
    expect(robot.get_by_role("heading", name="领导小组群")).to_be_visible()
    expect(robot).to_contain_text("localhost/…0001")
    expect(robot).to_contain_text("危机预警、危机预警仍未确认")
    expect(robot).to_contain_text("启用中")
    # The robot's key is not on the page, not even in the emptied form.
    expect(add.get_by_label("Webhook 地址", exact=True)).to_have_value("")
    assert "abcd-0001" not in page.content()

    # A new name without typing the URL again: the saved one stays.
    robot.get_by_role("button", name="修改：领导小组群").click()
    edit = page.get_by_role("form", name="修改群机器人：领导小组群")
    expect(edit.get_by_label("Webhook 地址", exact=True)).to_have_value("")
    expect(edit).to_contain_text("localhost/…0001")
    edit.get_by_label("名称", exact=True).fill("危机干预领导小组群")
    edit.get_by_role("button", name="保存", exact=True).click()
    expect(robots.get_by_role("status")).to_have_text("已保存：危机干预领导小组群")
    page.reload()
    expect(listed).to_have_count(1)
    expect(robot.get_by_role("heading", name="危机干预领导小组群")).to_be_visible()
    expect(robot).to_contain_text("localhost/…0001")
    expect(robot).to_contain_text("危机预警、危机预警仍未确认")

    # Removing asks first.
    robot.get_by_role("button", name="删除：危机干预领导小组群").click()
    expect(robot).to_contain_text("确定删除群机器人“危机干预领导小组群”吗？")
    robot.get_by_role("button", name="取消").click()
    expect(listed).to_have_count(1)
    robot.get_by_role("button", name="删除：危机干预领导小组群").click()
    robot.get_by_role("button", name="确认删除：危机干预领导小组群").click()
    expect(robots.get_by_role("status")).to_have_text("已删除：危机干预领导小组群")
    expect(robots.get_by_text("还没有群机器人。")).to_be_visible()
    page.reload()
    expect(robots.get_by_text("还没有群机器人。")).to_be_visible()


def test_a_robot_url_the_server_refuses_is_shown_on_its_field_and_nothing_is_listed(page: Page):
    open_admin_notifications(page)
    add = page.get_by_role("form", name="添加群机器人")
    add.get_by_label("名称", exact=True).fill("领导小组群")
    url = add.get_by_label("Webhook 地址", exact=True)
    # ftp, and the cloud metadata address, are refused in every environment (this one is not production).
    for refused in ("ftp://example.com/hook", "https://169.254.169.254/latest/meta-data"):
        url.fill(refused)
        add.get_by_role("button", name="添加群机器人").click()
        expect(add.get_by_role("alert")).to_have_text("机器人地址无效：必须是 https 地址，且不能指向内网。")
        expect(url).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_role("list", name="群机器人列表")).to_have_count(0)
    page.reload()
    expect(page.get_by_text("还没有群机器人。")).to_be_visible()


def test_a_signed_out_tap_on_a_push_signs_in_and_opens_that_notification(page: Page):
    path = f"/notifications/{uuid.uuid4()}"
    page.goto(path)
    expect(page).to_have_url(re.compile(r"/login\?next=" + re.escape(path.replace("/", "%2F")) + "$"))
    page.get_by_label("账号", exact=True).fill("demo-teacher")
    page.get_by_label("密码", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="登录").click()
    # Not anyone's notification: the notify area's "not found", on that page — not the home page.
    expect(page).to_have_url(re.compile(re.escape(path) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("找不到这条通知")


def test_a_next_address_of_another_site_is_ignored(page: Page):
    for next_ in ("//example.com/x", "/\\example.com/x", "https://example.com/x", "/\t/example.com/x"):
        page.context.clear_cookies()
        page.goto("/login?next=" + next_.replace("\t", "%09").replace("\\", "%5C"))
        page.get_by_label("账号", exact=True).fill("demo-teacher")
        page.get_by_label("密码", exact=True).fill(PASSWORD)
        page.get_by_role("button", name="登录").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("主页")
        assert re.match(r"^http://127\.0\.0\.1:\d+/$", page.url), (next_, page.url)


def test_the_admin_notifications_page_passes_axe(page: Page):
    open_admin_notifications(page)
    expect(page.get_by_role("form", name="提醒时间").get_by_label("导师签到提醒", exact=True)).to_have_value(
        re.compile(r"^\d\d:\d\d$")
    )
    assert serious_violations(page) == []
    # With an error on a field, too.
    add = page.get_by_role("form", name="添加群机器人")
    add.get_by_role("button", name="添加群机器人").click()
    expect(add.get_by_role("alert")).to_be_visible()
    assert serious_violations(page) == []
