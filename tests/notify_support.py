"""Shared by the notification tests: the operations as the PWA sends them, a crisis alert raised
the way a mentor raises one, a device registered from a loopback push service, and one worker."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from typing import Any

import aiohttp

from shouhu.accounts.models import Account
from shouhu.notify.dispatcher import Worker
from shouhu.settings import Settings
from tests.care_support import ADD_MEMBER, CHECK_IN, OPEN_CASE, check_in_input, new_id, student_named
from tests.push_service import FakeDevice
from tests.support import GraphQLClient, signed_in_as

INBOX = """query($first: Int, $after: String, $unreadOnly: Boolean) {
  inbox(first: $first, after: $after, unreadOnly: $unreadOnly) {
    items { id kind count text urgent target createdAt readAt } pageInfo { hasNextPage endCursor } unreadCount } }"""
UNREAD = "query { unreadNotifications }"
OPEN = "query($id: ID!) { notification(id: $id) { id kind target readAt } }"
MARK_READ = """mutation($ids: [ID!], $all: Boolean) { markInboxRead(ids: $ids, all: $all) {
  __typename ... on Unread { unreadCount } ... on ValidationError { field code message } } }"""
SETTINGS = """query { notificationSettings { vapidPublicKey kinds { kind enabled mutable }
  devices { id label endpointHost lastSuccessAt } times { quietStart quietEnd mentorReminder } } }"""
SET_KINDS = """mutation($enabled: [NotificationKind!]!) { setNotificationKinds(enabled: $enabled) {
  __typename ... on NotificationSettings { kinds { kind enabled mutable } } ... on ValidationError { code } } }"""
REGISTER = """mutation($input: PushSubscriptionInput!) { registerPushSubscription(input: $input) {
  __typename ... on PushDevice { id label endpointHost } ... on ValidationError { field code message } } }"""
REMOVE = """mutation($endpoint: String, $id: ID) { removePushSubscription(endpoint: $endpoint, id: $id) {
  __typename ... on Done { ok } ... on ValidationError { field code message } } }"""
SEND_TEST = "mutation { sendTestNotification { devices } }"
TIMES = """query { schoolReminderTimes { quietStart quietEnd mentorReminder guardianReminder leadDigest
  escalateAfterMinutes timeZone } }"""
SET_TIMES = """mutation($input: ReminderTimesInput!) { setSchoolReminderTimes(input: $input) {
  __typename ... on ReminderTimes { quietStart quietEnd mentorReminder escalateAfterMinutes }
  ... on ValidationError { field code message } } }"""
WEBHOOKS = "query { schoolWebhooks { id name urlHint kinds active } }"
SAVE_WEBHOOK = """mutation($input: SchoolWebhookInput!) { saveSchoolWebhook(input: $input) {
  __typename ... on SchoolWebhook { id name urlHint kinds active } ... on ValidationError { field code message } } }"""
REMOVE_WEBHOOK = """mutation($id: ID!) { removeSchoolWebhook(id: $id) {
  __typename ... on Done { ok } ... on ValidationError { field code message } } }"""


def subscription_input(device: FakeDevice, label: str = "Android · Chrome") -> dict[str, Any]:
    return {"endpoint": device.endpoint, "p256dh": device.p256dh, "auth": device.auth, "label": label}


async def register(client: GraphQLClient, device: FakeDevice) -> dict[str, Any]:
    result = (await client.data(REGISTER, {"input": subscription_input(device)}))["registerPushSubscription"]
    assert result["__typename"] == "PushDevice", result
    return result


async def open_case_with_mentor(new_client, student_name: str = "周子涵", mentor: str = "demo-mentor1"):
    """The student's case opened by the counsellor (the class teacher leads), with a mentor."""
    student = await student_named(student_name)
    counsellor = await signed_in_as(new_client, "demo-counsellor")
    opened = (await counsellor.data(OPEN_CASE, {"input": {
        "studentId": str(student.id), "level": "FOCUS", "reasons": ["ACADEMIC_PRESSURE"], "summary": "情绪低落"}}))
    case_id = opened["openCareCase"]["id"]
    account = await Account.get(login=mentor)
    await counsellor.data(ADD_MEMBER, {"caseId": case_id, "accountId": str(account.id), "role": "MENTOR"})
    return student


async def raise_crisis(new_client, student, note: str = "说不想活了，已陪同到心理室") -> None:
    mentor = await signed_in_as(new_client, "demo-mentor1")
    result = await mentor.data(CHECK_IN, {"id": new_id(), "input": check_in_input(
        student.id, mood=1, signals=["SELF_HARM"], note=note)})
    assert result["recordCheckIn"]["__typename"] == "CheckIn", result


@contextlib.asynccontextmanager
async def worker(settings: Settings) -> AsyncIterator[Worker]:
    async with aiohttp.ClientSession() as session:
        yield Worker(settings, session, "test")


async def drain(one: Worker, rounds: int = 20) -> int:
    """Run the worker until nothing due is left to claim; how many deliveries it handled."""
    handled = 0
    for _ in range(rounds):
        done = await one.run_once()
        if not done:
            break
        handled += done
    return handled


class RobotReceiver:
    """A chat-group robot on 127.0.0.1: records each JSON message and answers as told
    (default: 200 with {"errcode": 0}, as 企业微信 and 钉钉 robots do)."""

    def __init__(self) -> None:
        self.messages: list[dict[str, Any]] = []
        self.answers: list[tuple[int, dict[str, Any]]] = []
        self.url = ""
        self._runner: Any = None

    async def _handle(self, request):
        from aiohttp import web

        body = await request.json()
        status, answer = self.answers.pop(0) if self.answers else (200, {"errcode": 0, "errmsg": "ok"})
        if status == 200 and answer.get("errcode", 0) == 0:
            self.messages.append(body)
        return web.json_response(answer, status=status)

    async def __aenter__(self) -> RobotReceiver:
        from aiohttp import web

        app = web.Application()
        app.router.add_post("/robot/send", self._handle)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{port}/robot/send?key=secret-robot-key-0001"
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self._runner.cleanup()
