"""Notifications: the inbox copy for each person, and the deliveries that carry them out.

A `Notification` is what a person sees in the in-app inbox; it is never lost, whatever happens to
a channel. A `Delivery` is one attempt-with-retries to carry a notification (or a school event) to
one channel: a push subscription of the recipient, or a school's webhook. Dispatcher workers claim
due deliveries with a lease (`claimed_until`); a worker that dies leaves its claims to expire and
another worker retries them.
"""

from __future__ import annotations

import uuid
from enum import StrEnum

from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model


class Channel(StrEnum):
    PUSH = "push"
    WEBHOOK = "webhook"


class DeliveryStatus(StrEnum):
    PENDING = "pending"  # waiting for its due time, or claimed by a worker
    SENT = "sent"  # the push service or webhook accepted it
    FAILED = "failed"  # given up after repeated failures or expiry (the inbox copy stays)
    GONE = "gone"  # the subscription or webhook no longer exists


class PushSubscription(Model):
    """A device on which a person turned notifications on (one person may have several)."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    account = fields.ForeignKeyField("shouhu.Account", related_name="push_subscriptions", on_delete=fields.CASCADE)
    endpoint = fields.CharField(max_length=1024, unique=True)
    p256dh = fields.CharField(max_length=100)
    auth = fields.CharField(max_length=40)
    label = fields.CharField(max_length=100, default="")
    created_at = fields.DatetimeField()
    last_success_at = fields.DatetimeField(null=True)

    class Meta:
        table = "push_subscription"
        indexes = (Index(fields=("account_id",), name="push_subscription_account"),)


class NotificationPreference(Model):
    """The kinds a person turned off. Crisis alerts cannot be turned off."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    account = fields.OneToOneField("shouhu.Account", related_name="notification_preference", on_delete=fields.CASCADE)
    muted_kinds = fields.JSONField(default=list)
    updated_at = fields.DatetimeField()

    class Meta:
        table = "notification_preference"


class SchoolWebhook(Model):
    """A chat-group robot of a staff group (企业微信/钉钉群机器人) that receives content-free texts."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    school = fields.ForeignKeyField("shouhu.School", related_name="webhooks", on_delete=fields.CASCADE)
    name = fields.CharField(max_length=50)
    url = fields.CharField(max_length=500)
    kinds = fields.JSONField(default=list)
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "school_webhook"
        indexes = (Index(fields=("school_id",), name="school_webhook_school"),)


class Notification(Model):
    """One inbox entry for one person: a kind, a count, and the page it opens. No names, no details."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    school = fields.ForeignKeyField("shouhu.School", related_name="notifications", null=True, on_delete=fields.CASCADE)
    recipient = fields.ForeignKeyField("shouhu.Account", related_name="notifications", on_delete=fields.CASCADE)
    kind = fields.CharField(max_length=32)
    count = fields.IntField(default=1)
    # The in-app page it opens (e.g. /students/<id>); the page loads details through normal sign-in.
    target = fields.CharField(max_length=120, default="/")
    # Makes each reminder happen once: e.g. "check_ins_due:<person>:<date>", "crisis_alert:<alert>:<person>".
    key = fields.CharField(max_length=160, unique=True)
    urgent = fields.BooleanField(default=False)
    created_at = fields.DatetimeField()
    read_at = fields.DatetimeField(null=True)

    class Meta:
        table = "notification"
        indexes = (
            Index(fields=("recipient_id", "created_at"), name="notification_recipient"),
            Index(fields=("recipient_id", "read_at"), name="notification_unread"),
        )


class Delivery(Model):
    """Carrying one notification to one push subscription, or one school event to one webhook."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    channel = fields.CharEnumField(Channel, max_length=16)
    notification = fields.ForeignKeyField(
        "shouhu.Notification", related_name="deliveries", null=True, on_delete=fields.CASCADE
    )
    subscription = fields.ForeignKeyField(
        "shouhu.PushSubscription", related_name="deliveries", null=True, on_delete=fields.SET_NULL
    )
    webhook = fields.ForeignKeyField("shouhu.SchoolWebhook", related_name="deliveries", null=True, on_delete=fields.SET_NULL)
    # What to say, so a worker renders the text without reading anything else.
    kind = fields.CharField(max_length=32)
    count = fields.IntField(default=1)
    locale = fields.CharField(max_length=8, default="zh-CN")
    urgent = fields.BooleanField(default=False)
    topic = fields.CharField(max_length=32, default="")
    key = fields.CharField(max_length=200, unique=True)
    due_at = fields.DatetimeField()
    expires_at = fields.DatetimeField()
    status = fields.CharEnumField(DeliveryStatus, max_length=16, default=DeliveryStatus.PENDING)
    attempts = fields.SmallIntField(default=0)
    claimed_until = fields.DatetimeField(null=True)
    claim = fields.UUIDField(null=True)
    last_error = fields.CharField(max_length=64, default="")
    sent_at = fields.DatetimeField(null=True)
    created_at = fields.DatetimeField()

    class Meta:
        table = "delivery"
        indexes = (
            Index(fields=("status", "due_at"), name="delivery_due"),
            Index(fields=("notification_id",), name="delivery_notification"),
            Index(fields=("subscription_id",), name="delivery_subscription"),
        )


class RuleRun(Model):
    """A daily reminder rule that ran for a school on a local date: each runs once a day,
    however many dispatcher workers look."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    school = fields.ForeignKeyField("shouhu.School", related_name="rule_runs", on_delete=fields.CASCADE)
    rule = fields.CharField(max_length=32)
    day = fields.DateField()
    ran_at = fields.DatetimeField()

    class Meta:
        table = "rule_run"
        unique_together = (("school", "rule", "day"),)
