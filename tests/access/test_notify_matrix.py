"""Who may read and change notifications: one's inbox and devices are one's own alone (not even an
admin reads them); a school's reminder times and chat robots are its admins'."""

from __future__ import annotations

import pytest

from shouhu.accounts.models import Account
from shouhu.notify.models import Notification, PushSubscription, SchoolWebhook
from shouhu.schools.models import School
from tests.notify_support import (
    INBOX, OPEN, REGISTER, SAVE_WEBHOOK, SETTINGS, open_case_with_mentor, raise_crisis, register, subscription_input,
)
from tests.support import error_codes, signed_in_as
from tests.access.roles import another_school, signed_in_role

pytestmark = pytest.mark.usefixtures("demo")

ROLES = ["anonymous", "student", "guardian", "mentor", "class-teacher", "counsellor", "admin", "district",
         "other-school-admin"]
LOGINS = {"student": "demo-student1", "guardian": "demo-parent1", "mentor": "demo-mentor1",
          "class-teacher": "demo-teacher", "counsellor": "demo-counsellor", "admin": "demo-admin",
          "district": "demo-district"}
ROBOT_URL = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret-robot-key-0001"


@pytest.fixture
def public_robot_host(monkeypatch):
    """This machine resolves no public names: the robot's host resolves as a public resolver would answer."""
    from shouhu.notify import addresses

    async def lookup(host: str) -> list[str]:
        return {"qyapi.weixin.qq.com": ["101.91.40.121"]}.get(host, [])

    monkeypatch.setattr(addresses, "lookup", lookup)


@pytest.fixture
async def world(new_client, push, public_robot_host):
    await another_school()
    student = await open_case_with_mentor(new_client)
    await raise_crisis(new_client, student)  # the class teacher (lead) and the counsellor are told
    teacher = await signed_in_as(new_client, "demo-teacher")
    device = await register(teacher, push.new_device("teacher"))
    item = (await teacher.data(INBOX))["inbox"]["items"][0]
    admin = await signed_in_as(new_client, "demo-admin")
    robot = (await admin.data(SAVE_WEBHOOK, {"input": {"name": "领导小组群", "url": ROBOT_URL,
                                                       "kinds": ["CRISIS_ALERT"]}}))["saveSchoolWebhook"]
    return {"item": item["id"], "device": device["id"], "robot": robot["id"], "school": (await School.first()).id}


async def _as(new_client, role):
    return await signed_in_role(new_client, role, LOGINS)


@pytest.mark.parametrize("role", ROLES)
async def test_notification_reads(world, new_client, role):
    client = await _as(new_client, role)
    reads = {
        "inbox": await client(INBOX),
        "unreadNotifications": await client("{ unreadNotifications }"),
        "notification": await client(OPEN, {"id": world["item"]}),
        "notificationSettings": await client(SETTINGS),
        "schoolReminderTimes": await client("{ schoolReminderTimes { mentorReminder } }"),
        "schoolWebhooks": await client("{ schoolWebhooks { name urlHint } }"),
    }
    if role == "anonymous":
        assert all(error_codes(body) == ["UNAUTHENTICATED"] for body in reads.values())
        return
    admins = {"admin", "other-school-admin"}
    for name in ("schoolReminderTimes", "schoolWebhooks"):
        if role in admins:
            assert "errors" not in reads[name], reads[name]
        else:
            assert error_codes(reads[name]) == ["FORBIDDEN"], (name, reads[name])
    data = {name: (body.get("data") or {}).get(name) for name, body in reads.items()}
    told = {"class-teacher", "counsellor"}
    assert len(data["inbox"]["items"]) == (1 if role in told else 0)
    assert data["unreadNotifications"] == (1 if role in told else 0)
    assert (data["notification"] is not None) == (role == "class-teacher")  # the teacher's own entry
    assert len(data["notificationSettings"]["devices"]) == (1 if role == "class-teacher" else 0)
    if role == "admin":
        assert data["schoolWebhooks"] == [{"name": "领导小组群", "urlHint": "qyapi.weixin.qq.com/…0001"}]
        assert "secret-robot-key" not in str(reads)
    if role == "other-school-admin":
        assert data["schoolWebhooks"] == []


@pytest.mark.parametrize("role", ROLES)
async def test_notification_writes(world, new_client, push, role):
    client = await _as(new_client, role)
    times = {"quietStart": "21:00", "quietEnd": "07:00", "mentorReminder": "15:00", "guardianReminder": "20:30",
             "leadDigest": "17:00", "escalateAfterMinutes": 30}
    calls = {
        "markInboxRead": ("mutation($ids: [ID!]) { markInboxRead(ids: $ids) { __typename } }", {"ids": [world["item"]]}),
        "removePushSubscription": ("mutation($id: ID) { removePushSubscription(id: $id) { __typename } }",
                                   {"id": world["device"]}),
        "registerPushSubscription": (REGISTER, {"input": subscription_input(push.new_device(role))}),
        "setNotificationKinds": ("mutation { setNotificationKinds(enabled: []) { __typename } }", {}),
        "sendTestNotification": ("mutation { sendTestNotification { devices } }", {}),
        "setSchoolReminderTimes": ("mutation($input: ReminderTimesInput!) { setSchoolReminderTimes(input: $input) { __typename } }",
                                   {"input": times}),
        "saveSchoolWebhook": ("mutation($input: SchoolWebhookInput!) { saveSchoolWebhook(input: $input) { __typename } }",
                              {"input": {"id": world["robot"], "name": "改名", "kinds": ["CRISIS_ALERT"]}}),
        "removeSchoolWebhook": ("mutation($id: ID!) { removeSchoolWebhook(id: $id) { __typename } }", {"id": world["robot"]}),
    }
    signed_in = set(ROLES) - {"anonymous"}
    allowed = {
        "markInboxRead": signed_in,  # allowed, but only one's own entries change (checked below)
        "removePushSubscription": {"class-teacher"},
        "registerPushSubscription": signed_in,
        "setNotificationKinds": signed_in,
        "sendTestNotification": signed_in,
        "setSchoolReminderTimes": {"admin", "other-school-admin"},  # each for their own school
        "saveSchoolWebhook": {"admin"},
        "removeSchoolWebhook": {"admin"},
    }
    admin_only = {"setSchoolReminderTimes", "saveSchoolWebhook", "removeSchoolWebhook"}
    for name, (query, variables) in calls.items():
        body = await client(query, variables)
        if role == "anonymous":
            assert error_codes(body) == ["UNAUTHENTICATED"], name
            continue
        if name in admin_only and role not in {"admin", "other-school-admin"}:
            assert error_codes(body) == ["FORBIDDEN"], (name, body)
            continue
        outcome = body["data"][name]
        if role in allowed[name]:
            assert outcome.get("__typename") != "ValidationError", (name, body)
        else:
            assert outcome["__typename"] == "ValidationError", (name, role, body)

    teacher = await Account.get(login="demo-teacher")
    teacher_unread = await Notification.filter(recipient_id=teacher.id, read_at=None, kind="crisis_alert").count()
    assert teacher_unread == (0 if role == "class-teacher" else 1)
    assert await PushSubscription.filter(id=world["device"]).exists() == (role != "class-teacher")
    school = await School.get(id=world["school"])
    assert (school.mentor_reminder_minute == 15 * 60) == (role == "admin")
    assert await SchoolWebhook.filter(id=world["robot"]).exists() == (role != "admin")
