"""The dispatcher against a loopback push service that checks VAPID and decrypts like a phone,
and a loopback chat robot: what arrives, what is retried, what is given up, and what is never lost."""

from __future__ import annotations

import dataclasses
import json
from datetime import timedelta

import pytest

from shouhu import clock
from shouhu.notify.dispatcher import MAX_ATTEMPTS, Outcome
from shouhu.notify.models import Delivery, DeliveryStatus, Notification, PushSubscription
from shouhu.notify.texts import MAX_PAYLOAD
from tests.notify_support import (
    INBOX, SAVE_WEBHOOK, SEND_TEST, RobotReceiver, drain, open_case_with_mentor, raise_crisis, register, worker,
)
from tests.support import signed_in_as

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
async def teacher_phone(new_client, push):
    """demo-teacher signed in, with one phone registered for push."""
    phone = push.new_device("teacher")
    teacher = await signed_in_as(new_client, "demo-teacher")
    await register(teacher, phone)
    return teacher, phone


async def test_a_crisis_alert_reaches_every_device_of_the_lead_and_counsellor_at_once_and_says_nothing_private(
    new_client, settings, push
):
    student = await open_case_with_mentor(new_client)
    devices = {}
    for login in ("demo-teacher", "demo-counsellor"):
        client = await signed_in_as(new_client, login)
        for n in (1, 2):
            devices[f"{login}-{n}"] = push.new_device(f"{login}-{n}")
            await register(client, devices[f"{login}-{n}"])

    await raise_crisis(new_client, student, note="说不想活了，已陪同到心理室")
    async with worker(settings) as one:
        assert await drain(one) == 4
    received = push.wait_for(4)
    assert sorted(m.device_name for m in received) == sorted(devices) and push.rejections == []
    for message in received:
        shown = message.json()
        assert shown["title"] == "守护 · 紧急" and shown["body"] == "1 个新的危机预警 — 请立即打开守护"
        assert shown["urgent"] is True and shown["url"].startswith("/notifications/")
        assert message.headers["Urgency"] == "high" and "Topic" not in message.headers
        assert 23 * 3600 < message.ttl <= 24 * 3600
        text = message.payload.decode("utf-8")
        for secret in ("周子涵", "不想活", "SELF_HARM", "self_harm", str(student.id)):
            assert secret not in text
        assert len(message.payload) <= MAX_PAYLOAD and message.body_size <= 4096
        assert message.jwt_claims["aud"] == push.origin and message.jwt_claims["sub"].startswith("mailto:")


async def test_a_push_opens_the_inbox_entry_of_its_own_recipient(new_client, settings, push):
    student = await open_case_with_mentor(new_client)
    phone = push.new_device("teacher")
    teacher = await signed_in_as(new_client, "demo-teacher")
    await register(teacher, phone)
    await raise_crisis(new_client, student)
    async with worker(settings) as one:
        await drain(one)
    [message] = push.wait_for(1)
    item = (await teacher.data(INBOX))["inbox"]["items"][0]
    assert message.json()["url"] == f"/notifications/{item['id']}" and message.json()["tag"] == item["id"]


async def test_a_gone_subscription_is_removed_and_the_inbox_keeps_the_notification(teacher_phone, settings, push):
    teacher, phone = teacher_phone
    push.respond(phone, 410)
    await teacher.data(SEND_TEST)
    async with worker(settings) as one:
        await drain(one)
    assert push.received == [] and await PushSubscription.all().count() == 0
    assert [d.status for d in await Delivery.all()] == [DeliveryStatus.GONE]
    assert (await teacher.data(INBOX))["inbox"]["unreadCount"] == 1


async def test_429_waits_as_long_as_the_push_service_asks_then_delivers(teacher_phone, settings, push):
    teacher, phone = teacher_phone
    push.respond(phone, 429, retry_after=600)
    await teacher.data(SEND_TEST)
    async with worker(settings) as one:
        await drain(one)
        delivery = await Delivery.get()
        assert delivery.status == DeliveryStatus.PENDING and delivery.attempts == 1 and delivery.last_error == "http 429"
        assert delivery.due_at >= clock.utcnow() + timedelta(seconds=590)
        assert await drain(one) == 0  # not before its time
        clock.travel(timedelta(seconds=601))
        assert await drain(one) == 1
    assert len(push.wait_for(1)) == 1 and (await Delivery.get()).status == DeliveryStatus.SENT


async def test_server_errors_back_off_and_give_up_the_push_but_never_the_inbox(teacher_phone, settings, push):
    teacher, phone = teacher_phone
    push.respond(phone, *([500] * MAX_ATTEMPTS))
    await teacher.data(SEND_TEST)
    waits = []
    async with worker(settings) as one:
        for _ in range(MAX_ATTEMPTS):
            assert await drain(one) == 1
            delivery = await Delivery.get()
            if delivery.status == DeliveryStatus.PENDING:
                waits.append(delivery.due_at - clock.utcnow())
                clock.travel(delivery.due_at - clock.utcnow() + timedelta(seconds=1))
    delivery = await Delivery.get()
    assert delivery.status == DeliveryStatus.FAILED and delivery.attempts == MAX_ATTEMPTS
    assert push.attempts(phone) == MAX_ATTEMPTS and push.received == []
    assert all(later > earlier for earlier, later in zip(waits, waits[1:]))  # exponential backoff
    assert (await teacher.data(INBOX))["inbox"]["unreadCount"] == 1


async def test_a_push_service_that_hangs_times_out_and_is_retried(teacher_phone, settings, push):
    quick = dataclasses.replace(settings, push_timeout_seconds=0.3)
    teacher, phone = teacher_phone
    push.hang(phone, 5)
    await teacher.data(SEND_TEST)
    async with worker(quick) as one:
        assert await drain(one) == 1
        delivery = await Delivery.get()
        assert delivery.status == DeliveryStatus.PENDING and delivery.last_error == "TimeoutError"
        clock.travel(delivery.due_at - clock.utcnow() + timedelta(seconds=1))
        assert await drain(one) == 1
    assert len(push.wait_for(1)) == 1 and (await Delivery.get()).status == DeliveryStatus.SENT


async def test_a_worker_that_dies_after_claiming_loses_nothing(teacher_phone, settings, push):
    teacher, phone = teacher_phone
    for _ in range(3):
        await teacher.data(SEND_TEST)
    async with worker(settings) as dead, worker(settings) as alive:
        token, claimed = await dead.claim()  # then it "dies": no send, no outcome
        assert len(claimed) == 3
        assert await drain(alive) == 0  # held by the dead worker's lease
        clock.travel(timedelta(seconds=settings.dispatch_lease_seconds + 1))
        assert await drain(alive) == 3
        # Were the dead worker to come back, its stale claim records nothing.
        await dead._record(token, claimed[0], Outcome(DeliveryStatus.FAILED, "late"))
    assert len(push.wait_for(3)) == 3
    assert {d.status for d in await Delivery.all()} == {DeliveryStatus.SENT}


async def test_a_claim_made_while_the_clock_ran_ahead_does_not_strand_the_delivery(teacher_phone, settings, push):
    teacher, phone = teacher_phone
    await teacher.data(SEND_TEST)
    async with worker(settings) as dead, worker(settings) as alive:
        clock.travel(timedelta(hours=6))  # the clock runs six hours fast …
        _, claimed = await dead.claim()
        assert len(claimed) == 1
        clock.travel(timedelta(hours=-6))  # … and is corrected while the claim is held
        # Its lease now ends six hours ahead, further than any lease can: it counts as expired.
        assert await drain(alive) == 1
    assert len(push.wait_for(1)) == 1


async def test_a_claim_taken_a_moment_after_ours_is_not_mistaken_for_a_clock_jump(teacher_phone, settings):
    teacher, phone = teacher_phone
    for _ in range(3):
        await teacher.data(SEND_TEST)
    async with worker(settings) as first, worker(settings) as second:
        clock.travel(timedelta(seconds=2))  # the first worker reads the clock a little later …
        _, claimed = await first.claim()
        clock.travel(timedelta(seconds=-2))  # … than the second, whose claim comes after it
        _, again = await second.claim()
    assert len(claimed) == 3 and again == []


async def test_an_expired_reminder_is_not_pushed_but_stays_in_the_inbox(teacher_phone, settings, push):
    teacher, phone = teacher_phone
    await teacher.data(SEND_TEST)
    clock.travel(timedelta(days=2))
    async with worker(settings) as one:
        await drain(one)
    assert push.attempts(phone) == 0
    assert (await Delivery.get()).status == DeliveryStatus.FAILED and (await Delivery.get()).last_error == "expired"
    assert await Notification.all().count() == 1


async def test_a_school_robot_hears_of_a_crisis_alert_in_content_free_words_and_errors_are_retried(
    new_client, settings
):
    student = await open_case_with_mentor(new_client)
    async with RobotReceiver() as robot:
        admin = await signed_in_as(new_client, "demo-admin")
        saved = (await admin.data(SAVE_WEBHOOK, {"input": {
            "name": "领导小组群", "url": robot.url, "kinds": ["CRISIS_ALERT", "ALERT_UNACKNOWLEDGED"]}}))
        assert saved["saveSchoolWebhook"]["__typename"] == "SchoolWebhook"
        robot.answers = [(500, {}), (200, {"errcode": 45009, "errmsg": "api freq out of limit"})]
        await raise_crisis(new_client, student)
        async with worker(settings) as one:
            for _ in range(3):
                await drain(one)
                delivery = await Delivery.get(channel="webhook")
                if delivery.status == DeliveryStatus.PENDING:
                    assert delivery.last_error in ("http 500", "errcode 45009")
                    clock.travel(delivery.due_at - clock.utcnow() + timedelta(seconds=1))
        assert robot.messages == [{"msgtype": "text", "text": {"content": "1 个新的危机预警 — 请立即打开守护（守护）"}}]
        assert (await Delivery.get(channel="webhook")).attempts == 3
        assert "周子涵" not in json.dumps(robot.messages, ensure_ascii=False)


@pytest.mark.parametrize("env", ["prod", "dev"])
async def test_an_address_that_now_resolves_into_a_private_network_is_not_called(env, 
    teacher_phone, settings, push, monkeypatch
):
    from shouhu.notify import addresses

    async def lookup(host: str) -> list[str]:
        return {"push.example.com": ["10.0.0.5"]}.get(host, [])

    monkeypatch.setattr(addresses, "lookup", lookup)
    teacher, phone = teacher_phone
    await teacher.data(SEND_TEST)
    await PushSubscription.all().update(endpoint="https://push.example.com/send/abc")
    # Checked again before the call in every environment, the tests' loopback setting included.
    checked = dataclasses.replace(settings, env=env, push_allow_loopback=env == "dev")
    async with worker(checked) as one:
        assert await drain(one) == 1
    delivery = await Delivery.get()
    assert delivery.status == DeliveryStatus.PENDING and delivery.last_error == "address refused"
    assert push.attempts() == 0


async def test_finished_deliveries_and_old_read_entries_are_forgotten_unread_ones_stay(teacher_phone, settings, new_client):
    from shouhu.notify.scheduler import prune
    from tests.notify_support import MARK_READ

    teacher, _ = teacher_phone
    await teacher.data(SEND_TEST)
    await teacher.data(SEND_TEST)
    async with worker(settings) as one:
        assert await drain(one) == 2
    first = (await teacher.data(INBOX))["inbox"]["items"][0]["id"]
    await teacher.data(MARK_READ, {"ids": [first]})

    clock.travel(timedelta(days=29))
    assert await prune(clock.utcnow()) == (0, 0)
    clock.travel(timedelta(days=2))
    assert await prune(clock.utcnow()) == (2, 0)  # the sent deliveries, after 30 days
    clock.travel(timedelta(days=150))
    assert await prune(clock.utcnow()) == (0, 1)  # the read entry, after 180 days
    teacher = await signed_in_as(new_client, "demo-teacher")  # half a year on: a new session
    inbox = (await teacher.data(INBOX))["inbox"]
    assert [i["id"] for i in inbox["items"]] != [first] and inbox["unreadCount"] == 1


async def test_pushes_are_written_in_the_language_the_person_last_used_the_app_in(teacher_phone, settings, push):
    teacher, phone = teacher_phone
    teacher.locale = "en"  # the person switches the app to English
    await teacher.data(SEND_TEST)
    async with worker(settings) as one:
        await drain(one)
    [message] = push.wait_for(1)
    assert message.json()["title"] == "Shouhu"
    assert message.json()["body"] == "This is a test notification: notifications are on"
    assert (await teacher.data(INBOX))["inbox"]["items"][0]["text"] == message.json()["body"]
