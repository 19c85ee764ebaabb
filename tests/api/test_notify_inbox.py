"""The in-app inbox, devices and kinds through the API, as the people receiving them see them."""

from __future__ import annotations

import asyncio
import dataclasses
import json

import pytest

from shouhu.accounts.models import Account
from shouhu.notify.models import Delivery, DeliveryStatus, Notification, NotificationPreference, PushSubscription
from tests.notify_support import (
    INBOX, MARK_READ, OPEN, REGISTER, REMOVE, SEND_TEST, SET_KINDS, SETTINGS, UNREAD, drain, open_case_with_mentor,
    raise_crisis, register, subscription_input, worker,
)
from tests.support import signed_in_as

pytestmark = pytest.mark.usefixtures("demo")


async def test_a_crisis_alert_lands_in_the_inbox_of_the_lead_and_the_counsellor_without_details(new_client):
    student = await open_case_with_mentor(new_client)
    await raise_crisis(new_client, student)

    for login in ("demo-teacher", "demo-counsellor"):
        reader = await signed_in_as(new_client, login)
        inbox = (await reader.data(INBOX))["inbox"]
        assert inbox["unreadCount"] == 1
        [item] = inbox["items"]
        assert item["kind"] == "CRISIS_ALERT" and item["urgent"] is True and item["readAt"] is None
        assert item["text"] == "1 个新的危机预警 — 请立即打开守护"
        assert item["target"] == f"/students/{student.id}"
        assert "周子涵" not in json.dumps(item, ensure_ascii=False) and "不想活" not in item["text"]

    # The mentor who wrote the check-in is not on the alert's list; neither is a parent.
    for login in ("demo-mentor1", "demo-parent1"):
        other = await signed_in_as(new_client, login)
        assert (await other.data(INBOX))["inbox"] == {"items": [], "pageInfo": {"hasNextPage": False, "endCursor": None},
                                                      "unreadCount": 0}


async def test_opening_an_entry_marks_it_read_and_mark_all_clears_the_badge(new_client):
    student = await open_case_with_mentor(new_client)
    await raise_crisis(new_client, student)
    await raise_crisis(new_client, student, note="第二次")
    teacher = await signed_in_as(new_client, "demo-teacher")
    items = (await teacher.data(INBOX))["inbox"]["items"]
    assert len(items) == 2 and (await teacher.data(UNREAD))["unreadNotifications"] == 2

    opened = (await teacher.data(OPEN, {"id": items[0]["id"]}))["notification"]
    assert opened["target"] == f"/students/{student.id}" and opened["readAt"] is not None
    assert (await teacher.data(UNREAD))["unreadNotifications"] == 1
    assert [i["id"] for i in (await teacher.data(INBOX, {"unreadOnly": True}))["inbox"]["items"]] == [items[1]["id"]]

    cleared = (await teacher.data(MARK_READ, {"all": True}))["markInboxRead"]
    assert cleared == {"__typename": "Unread", "unreadCount": 0}


async def test_nobody_opens_or_marks_another_persons_notification(new_client):
    student = await open_case_with_mentor(new_client)
    await raise_crisis(new_client, student)
    teacher = await signed_in_as(new_client, "demo-teacher")
    item_id = (await teacher.data(INBOX))["inbox"]["items"][0]["id"]

    counsellor = await signed_in_as(new_client, "demo-counsellor")
    assert (await counsellor.data(OPEN, {"id": item_id}))["notification"] is None
    assert (await counsellor.data(MARK_READ, {"ids": [item_id]}))["markInboxRead"]["unreadCount"] == 1
    assert (await teacher.data(UNREAD))["unreadNotifications"] == 1
    bad = (await teacher.data(MARK_READ, {"ids": ["not-an-id"]}))["markInboxRead"]
    assert bad["__typename"] == "ValidationError" and bad["message"] == "未找到该通知。"
    assert (await teacher.data(UNREAD))["unreadNotifications"] == 1


async def test_the_inbox_pages_newest_first(new_client):
    teacher = await signed_in_as(new_client, "demo-teacher")
    for _ in range(5):
        await teacher.data(SEND_TEST)
    first = (await teacher.data(INBOX, {"first": 3}))["inbox"]
    assert len(first["items"]) == 3 and first["pageInfo"]["hasNextPage"] is True
    rest = (await teacher.data(INBOX, {"first": 3, "after": first["pageInfo"]["endCursor"]}))["inbox"]
    assert len(rest["items"]) == 2 and rest["pageInfo"]["hasNextPage"] is False
    times = [i["createdAt"] for i in first["items"] + rest["items"]]
    assert times == sorted(times, reverse=True)
    assert len({i["id"] for i in first["items"] + rest["items"]}) == 5


async def test_kinds_can_be_turned_off_but_crisis_alerts_stay_on(new_client):
    await open_case_with_mentor(new_client)
    teacher = await signed_in_as(new_client, "demo-teacher")
    kinds = {k["kind"]: k for k in (await teacher.data(SETTINGS))["notificationSettings"]["kinds"]}
    assert kinds["CRISIS_ALERT"] == {"kind": "CRISIS_ALERT", "enabled": True, "mutable": False}
    assert kinds["MISSING_CHECK_INS"]["enabled"] is True and kinds["MISSING_CHECK_INS"]["mutable"] is True

    result = (await teacher.data(SET_KINDS, {"enabled": ["ROTA_GAPS"]}))["setNotificationKinds"]
    after = {k["kind"]: k["enabled"] for k in result["kinds"]}
    assert after["CRISIS_ALERT"] is True and after["ALERT_UNACKNOWLEDGED"] is True
    assert after["ROTA_GAPS"] is True and after["MISSING_CHECK_INS"] is False
    account = await Account.get(login="demo-teacher")
    assert "crisis_alert" not in (await NotificationPreference.get(account_id=account.id)).muted_kinds

    parent = await signed_in_as(new_client, "demo-parent1")
    assert [k["kind"] for k in (await parent.data(SETTINGS))["notificationSettings"]["kinds"]] == ["HOME_LOG_DUE"]


async def test_a_device_registers_receives_a_test_notification_and_is_removed(new_client, settings, push):
    phone = push.new_device("teacher-phone")
    teacher = await signed_in_as(new_client, "demo-teacher")
    device = await register(teacher, phone)
    assert device["label"] == "Android · Chrome" and device["endpointHost"] == push.origin.split("//")[1]
    state = (await teacher.data(SETTINGS))["notificationSettings"]
    assert [d["id"] for d in state["devices"]] == [device["id"]] and len(state["vapidPublicKey"]) == 87

    assert (await teacher.data(SEND_TEST))["sendTestNotification"] == {"devices": 1}
    async with worker(settings) as one:
        assert await drain(one) == 1
    [message] = push.wait_for(1)
    item = (await teacher.data(INBOX))["inbox"]["items"][0]
    assert message.json() == {
        "title": "守护", "body": "这是一条测试通知：通知已开启", "tag": item["id"], "url": f"/notifications/{item['id']}",
        "urgent": False, "kind": "test",
    }
    assert message.headers["Urgency"] == "normal" and message.ttl > 0 and push.rejections == []
    assert (await teacher.data(SETTINGS))["notificationSettings"]["devices"][0]["lastSuccessAt"] is not None

    removed = (await teacher.data(REMOVE, {"endpoint": phone.endpoint}))["removePushSubscription"]
    assert removed == {"__typename": "Done", "ok": True}
    assert (await teacher.data(SETTINGS))["notificationSettings"]["devices"] == []
    assert (await teacher.data(SEND_TEST))["sendTestNotification"] == {"devices": 0}
    assert (await teacher.data(UNREAD))["unreadNotifications"] == 2  # the inbox keeps both tests


@pytest.mark.parametrize("change, field, message", [
    ({"p256dh": "bm90LWEta2V5"}, "keys", "推送密钥无效，请在浏览器中重新开启通知。"),
    ({"auth": "c2hvcnQ"}, "keys", "推送密钥无效，请在浏览器中重新开启通知。"),
    ({"p256dh": "BA" + "A" * 85}, "keys", "推送密钥无效，请在浏览器中重新开启通知。"),  # not a point on P-256
    ({"endpoint": "ftp://push.example.org/x"}, "endpoint", "推送地址无效：必须是推送服务的 https 地址。"),
    ({"endpoint": "https://user:pw@push.example.org/x"}, "endpoint", "推送地址无效：必须是推送服务的 https 地址。"),
    ({"endpoint": "https://push.example.org/" + "x" * 1100}, "endpoint", "推送地址无效：必须是推送服务的 https 地址。"),
])
async def test_a_malformed_subscription_is_refused_and_nothing_is_stored(new_client, push, change, field, message):
    teacher = await signed_in_as(new_client, "demo-teacher")
    result = (await teacher.data(REGISTER, {"input": {**subscription_input(push.new_device()), **change}}))
    assert result["registerPushSubscription"] == {"__typename": "ValidationError", "field": field,
                                                  "code": result["registerPushSubscription"]["code"], "message": message}
    assert await PushSubscription.all().count() == 0


async def test_plain_http_endpoints_are_refused_outside_test_settings(app, new_client, settings, push):
    app.state.settings = dataclasses.replace(settings, push_allow_loopback=False)
    teacher = await signed_in_as(new_client, "demo-teacher")
    result = (await teacher.data(REGISTER, {"input": subscription_input(push.new_device())}))["registerPushSubscription"]
    assert result["code"] == "PUSH_BAD_ENDPOINT" and await PushSubscription.all().count() == 0


async def test_a_device_signed_in_by_someone_else_stops_receiving_the_first_persons_reminders(new_client, settings, push):
    phone = push.new_device("shared-phone")
    teacher = await signed_in_as(new_client, "demo-teacher")
    await register(teacher, phone)
    await teacher.data(SEND_TEST)  # queued for the teacher, not sent yet

    counsellor = await signed_in_as(new_client, "demo-counsellor")
    await register(counsellor, phone)
    assert (await teacher.data(SETTINGS))["notificationSettings"]["devices"] == []
    assert [d.status for d in await Delivery.all()] == [DeliveryStatus.GONE]
    async with worker(settings) as one:
        assert await drain(one) == 0
    assert push.received == []
    assert await Notification.filter(recipient__login="demo-teacher").count() == 1  # still in the teacher's inbox


async def test_one_browser_registering_twice_at_once_is_one_device(new_client, push):
    phone = push.new_device()
    teacher = await signed_in_as(new_client, "demo-teacher")
    results = await asyncio.gather(*(teacher.data(REGISTER, {"input": subscription_input(phone)}) for _ in range(5)))
    assert {r["registerPushSubscription"]["__typename"] for r in results} == {"PushDevice"}
    assert await PushSubscription.all().count() == 1
    saved = await asyncio.gather(*(teacher.data(SET_KINDS, {"enabled": []}) for _ in range(5)))
    assert {s["setNotificationKinds"]["__typename"] for s in saved} == {"NotificationSettings"}
    assert await NotificationPreference.all().count() == 1
