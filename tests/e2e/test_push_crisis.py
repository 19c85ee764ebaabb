"""A crisis alert, end to end on the lead's phone: a mentor's check-in with a crisis signal, the
server's high-urgency push (sent by its dispatcher to the loopback push service, which decrypts it
as the phone does), the notification the service worker shows, and the tap that opens the student's
page after sign-in. The alert is acknowledged at the end: the browser tests share one demo school."""

from __future__ import annotations

import re
import uuid

from playwright.sync_api import BrowserContext, Page, expect

from tests.e2e.pages import (
    Api, deliver_push, service_worker, shown_notifications, signed_in, tap_notification, wait_for_service_worker,
)
from tests.push_service import PushService

YUYAN = "202507104"  # class 1, led by demo-teacher, mentored by demo-mentor1


def test_a_crisis_push_reaches_the_leads_phone_and_a_tap_opens_the_students_page(
    page: Page, context: BrowserContext, push: PushService, server: str
):
    phone = push.new_device("lead's phone")
    admin, mentor, lead = Api(server, "demo-admin"), Api(server, "demo-mentor1"), Api(server, "demo-teacher")
    [student] = admin.run('{ students(search: "%s") { nodes { id name } } }' % YUYAN)["students"]["nodes"]
    try:
        lead.run("mutation($i: PushSubscriptionInput!) { registerPushSubscription(input: $i) { __typename } }",
                 i={"endpoint": phone.endpoint, **phone.subscription_info["keys"], "label": "iPhone · Safari"})
        mentor.run("mutation($id: ID!, $i: CheckInInput!) { recordCheckIn(id: $id, input: $i) { __typename } }",
                   id=str(uuid.uuid4()), i={"studentId": student["id"], "mood": 1, "status": "PRESENT",
                                             "signals": ["SUICIDE_TALK"], "note": "课间说不想活了"})
        [message] = push.wait_for(1, timeout=15, device=phone)
        payload = message.json()
        assert message.headers["Urgency"] == "high"
        assert payload["title"] == "守护 · 紧急" and payload["body"] == "1 个新的危机预警 — 请立即打开守护"
        assert student["name"] not in message.payload.decode() and "不想活" not in message.payload.decode()

        context.grant_permissions(["notifications"])
        signed_in(page, "demo-teacher")
        wait_for_service_worker(page)
        sw = service_worker(context)
        deliver_push(page, message.payload.decode())
        [shown] = shown_notifications(page)
        assert shown["title"] == "守护 · 紧急" and shown["requireInteraction"] is True

        tap_notification(sw)
        expect(page).to_have_url(re.compile(rf"/students/{student['id']}$"))
        expect(page.get_by_role("heading", level=1)).to_contain_text(student["name"])
    finally:
        alerts = lead.run("{ alerts { nodes { id student { id } } } }")["alerts"]["nodes"]
        for alert in alerts:
            if alert["student"]["id"] == student["id"]:
                lead.run("mutation($id: ID!) { acknowledgeAlert(id: $id) { __typename } }", id=alert["id"])
        lead.run("mutation($e: String) { removePushSubscription(endpoint: $e) { __typename } }", e=phone.endpoint)
        for api in (admin, mentor, lead):
            api.close()
