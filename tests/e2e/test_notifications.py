"""Notifications on a phone: turning push on (a stubbed PushManager whose subscription is a device of
the loopback push service, so the server's real encrypted push is checked), the notification the
service worker shows and where a tap on it leads, the header's unread count and the inbox, a browser
without push, and axe on the inbox and the settings screen.

Headless Chromium reaches no push service: the browser's subscription is a stub; what the server sends
is real (VAPID-signed, encrypted) and arrives at tests/push_service.py."""

from __future__ import annotations

import json
import re

from playwright.sync_api import BrowserContext, Page, expect

from tests.e2e.pages import (
    Api, deliver_push, serious_violations, service_worker, shown_notifications, sign_out, signed_in, tap_notification,
    wait_for_service_worker,
)
from tests.push_service import PushService

TEST_TEXT = "这是一条测试通知：通知已开启"
OPENS = re.compile(r"^/notifications/[0-9a-f-]{36}$")

# Replaces the browser's push subscription with one whose endpoint and keys are a loopback device's:
# subscribe() and getSubscription() answer it, and permission is granted without a prompt.
STUB_PUSH = """
(() => {
  const device = %s;
  const key = 'shouhu-test-push-subscribed';
  const subscription = {
    endpoint: device.endpoint,
    options: { userVisibleOnly: true, applicationServerKey: null },
    toJSON() { return { endpoint: device.endpoint, expirationTime: null, keys: device.keys }; },
    unsubscribe() { localStorage.removeItem(key); return Promise.resolve(true); },
  };
  PushManager.prototype.subscribe = function (options) {
    subscription.options = { userVisibleOnly: true, applicationServerKey: options.applicationServerKey };
    localStorage.setItem(key, '1');
    return Promise.resolve(subscription);
  };
  PushManager.prototype.getSubscription = function () {
    return Promise.resolve(localStorage.getItem(key) ? subscription : null);
  };
  Notification.requestPermission = () => Promise.resolve('granted');
})();
"""


def header_link(page: Page):
    return page.get_by_role("navigation", name="主导航").get_by_role("link", name=re.compile("^通知"))


def test_turning_notifications_on_registers_this_phone_and_the_test_push_arrives(
    page: Page, context: BrowserContext, push: PushService, server: str
):
    device = push.new_device("phone")
    context.grant_permissions(["notifications"])
    page.add_init_script(STUB_PUSH % json.dumps({"endpoint": device.endpoint, "keys": device.subscription_info["keys"]}))
    signed_in(page, "demo-teacher")
    wait_for_service_worker(page)

    page.get_by_role("link", name="我的账户").click()
    page.get_by_role("link", name=re.compile("^通知设置")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("通知设置")
    devices = page.locator(".device-list li")
    expect(page.get_by_text("还没有设备开启通知。")).to_be_visible()

    page.get_by_role("button", name="开启通知").click()
    expect(page.get_by_role("status").filter(has_text="已开启通知：Android · Chrome")).to_be_visible()
    expect(devices).to_have_count(1)
    expect(devices.first.get_by_role("heading")).to_have_text("Android · Chrome 本机")  # this phone is marked
    expect(page.get_by_role("button", name="关闭本机通知")).to_be_visible()

    page.get_by_role("button", name="发送测试通知").click()
    expect(page.get_by_role("status").filter(has_text="已发送到 1 台设备。")).to_be_visible()
    [message] = push.wait_for(1, timeout=10, device=device)
    payload = message.json()
    assert payload["body"] == TEST_TEXT
    assert OPENS.match(payload["url"]), payload

    page.get_by_role("button", name="移除：Android · Chrome").click()
    expect(page.get_by_role("status").filter(has_text="已移除：Android · Chrome")).to_be_visible()
    expect(devices).to_have_count(0)
    expect(page.get_by_text("还没有设备开启通知。")).to_be_visible()

    # Signing out turns this phone's push off, so the next person on it gets none of these reminders.
    page.get_by_role("button", name="关闭本机通知").click()
    page.get_by_role("button", name="开启通知").click()
    expect(devices).to_have_count(1)
    sign_out(page)
    assert page.evaluate("localStorage.getItem('shouhu-test-push-subscribed')") is None
    api = Api(server, "demo-teacher")
    try:
        assert api.run("{ notificationSettings { devices { id } } }")["notificationSettings"]["devices"] == []
    finally:
        api.close()


def test_a_push_shows_a_notification_and_a_tap_opens_its_page(
    page: Page, context: BrowserContext, push: PushService, server: str
):
    # The server's real push for a device of demo-counsellor's, as the phone decrypts it.
    device = push.new_device("counsellor's phone")
    api = Api(server, "demo-counsellor")
    try:
        api.run("mutation($i: PushSubscriptionInput!) { registerPushSubscription(input: $i) { __typename } }",
                i={"endpoint": device.endpoint, **device.subscription_info["keys"], "label": "test"})
        api.run("mutation { sendTestNotification { devices } }")
        [message] = push.wait_for(1, timeout=10, device=device)
        api.run("mutation($e: String) { removePushSubscription(endpoint: $e) { __typename } }", e=device.endpoint)
    finally:
        api.close()
    payload = message.json()

    context.grant_permissions(["notifications"])
    signed_in(page, "demo-counsellor")
    wait_for_service_worker(page)
    sw = service_worker(context)
    deliver_push(page, message.payload.decode())
    [shown] = shown_notifications(page)
    assert shown["title"] == payload["title"] == "守护"
    assert shown["body"] == TEST_TEXT
    assert shown["tag"] == payload["tag"]
    assert shown["data"] == {"url": payload["url"]}

    # The tap: the open app goes to the notification's page, which marks it read and opens its target.
    tap_notification(sw)
    expect(page).to_have_url(re.compile(r"/settings/notifications$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("通知设置")
    assert shown_notifications(page) == []

    # Malformed data still shows a notice, in the device's language, that opens the app.
    deliver_push(page, "not json")
    [generic] = shown_notifications(page)
    assert generic["title"] in ("守护", "Shouhu") and generic["data"] == {"url": "/"}


def test_the_header_counts_unread_notifications_until_they_are_read(page: Page):
    signed_in(page, "demo-mentor2")
    page.goto("/settings/notifications")
    page.get_by_role("button", name="发送测试通知").click()
    expect(page.get_by_role("status").filter(has_text="这台设备还没有开启通知；收件箱里可以看到这条测试通知")).to_be_visible()

    page.goto("/")
    link = header_link(page)
    expect(link).to_have_accessible_name(re.compile(r"^通知（\d+ 条未读）$"))
    link.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("通知")
    entry = page.get_by_role("list", name="通知列表").get_by_role("listitem").first
    expect(entry).to_contain_text(TEST_TEXT)
    expect(entry).to_contain_text("未读")

    page.get_by_role("button", name="全部标为已读").click()
    expect(page.get_by_role("status").filter(has_text="已全部标为已读。")).to_be_visible()
    expect(link).to_have_accessible_name("通知")
    expect(entry).not_to_contain_text("未读")

    # A tap on an entry opens its page (the test notification: the settings screen).
    entry.get_by_role("link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("通知设置")
    page.reload()
    expect(header_link(page)).to_have_accessible_name("通知")


def test_a_browser_without_push_says_why_and_the_inbox_still_works(page: Page):
    page.add_init_script("delete window.PushManager;")
    signed_in(page, "demo-parent1")
    page.goto("/settings/notifications")
    expect(page.get_by_text("这个浏览器不能接收推送通知。")).to_be_visible()
    expect(page.get_by_text(re.compile("添加到主屏幕"))).to_be_visible()
    expect(page.get_by_role("button", name="开启通知")).to_have_count(0)
    page.get_by_role("link", name="查看我的通知").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("通知")
    expect(page.get_by_role("button", name="加载更多").or_(page.get_by_role("list", name="通知列表"))
           .or_(page.get_by_text("还没有通知。", exact=False)).first).to_be_visible()

    # Someone else's (or no) notification, e.g. a push for the previous user of a shared phone.
    page.goto("/notifications/00000000-0000-4000-8000-000000000000")
    expect(page.get_by_role("heading", level=1)).to_have_text("找不到这条通知")
    expect(page.get_by_role("link", name="查看我的通知")).to_be_visible()


def test_the_inbox_and_the_settings_pass_axe(page: Page, context: BrowserContext):
    context.grant_permissions(["notifications"])
    signed_in(page, "demo-teacher")
    page.goto("/settings/notifications")
    expect(page.get_by_role("heading", name="接收哪些通知")).to_be_visible()
    crisis = page.get_by_role("checkbox", name="危机预警", exact=True)
    expect(crisis).to_be_checked()
    expect(crisis).to_be_disabled()
    expect(page.get_by_text(re.compile(r"免打扰时段 \d\d:\d\d–\d\d:\d\d，危机预警除外"))).to_be_visible()
    assert serious_violations(page) == []
    page.get_by_role("button", name="保存").click()
    expect(page.get_by_role("status").filter(has_text="已保存。")).to_be_visible()

    page.goto("/notifications")
    expect(page.get_by_role("heading", level=1)).to_have_text("通知")
    expect(page.get_by_role("status").filter(has_text=re.compile("已显示|^$")).first).to_be_attached()
    assert serious_violations(page) == []
