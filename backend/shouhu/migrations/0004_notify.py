from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from shouhu.notify.models import Channel, DeliveryStatus
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('shouhu', '0003_counselling')]

    initial = False

    operations = [
        ops.CreateModel(
            name='Notification',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('school', fields.ForeignKeyField('shouhu.School', source_field='school_id', null=True, db_constraint=True, to_field='id', related_name='notifications', on_delete=OnDelete.CASCADE)),
                ('recipient', fields.ForeignKeyField('shouhu.Account', source_field='recipient_id', db_constraint=True, to_field='id', related_name='notifications', on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharField(max_length=32)),
                ('count', fields.IntField(default=1)),
                ('target', fields.CharField(default='/', max_length=120)),
                ('key', fields.CharField(unique=True, max_length=160)),
                ('urgent', fields.BooleanField(default=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('read_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'notification', 'app': 'shouhu', 'indexes': [Index(fields=['recipient_id', 'created_at'], name='notification_recipient'), Index(fields=['recipient_id', 'read_at'], name='notification_unread')], 'pk_attr': 'id', 'table_description': 'One inbox entry for one person: a kind, a count, and the page it opens. No names, no details.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='NotificationPreference',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('account', fields.OneToOneField('shouhu.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='notification_preference', on_delete=OnDelete.CASCADE)),
                ('muted_kinds', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('updated_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'notification_preference', 'app': 'shouhu', 'pk_attr': 'id', 'table_description': 'The kinds a person turned off. Crisis alerts cannot be turned off.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='PushSubscription',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('account', fields.ForeignKeyField('shouhu.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='push_subscriptions', on_delete=OnDelete.CASCADE)),
                ('endpoint', fields.CharField(unique=True, max_length=1024)),
                ('p256dh', fields.CharField(max_length=100)),
                ('auth', fields.CharField(max_length=40)),
                ('label', fields.CharField(default='', max_length=100)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('last_success_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'push_subscription', 'app': 'shouhu', 'indexes': [Index(fields=['account_id'], name='push_subscription_account')], 'pk_attr': 'id', 'table_description': 'A device on which a person turned notifications on (one person may have several).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='RuleRun',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('school', fields.ForeignKeyField('shouhu.School', source_field='school_id', db_constraint=True, to_field='id', related_name='rule_runs', on_delete=OnDelete.CASCADE)),
                ('rule', fields.CharField(max_length=32)),
                ('day', fields.DateField()),
                ('ran_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'rule_run', 'app': 'shouhu', 'unique_together': (('school', 'rule', 'day'),), 'pk_attr': 'id', 'table_description': 'A daily reminder rule that ran for a school on a local date: each runs once a day,'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='SchoolWebhook',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('school', fields.ForeignKeyField('shouhu.School', source_field='school_id', db_constraint=True, to_field='id', related_name='webhooks', on_delete=OnDelete.CASCADE)),
                ('name', fields.CharField(max_length=50)),
                ('url', fields.CharField(max_length=500)),
                ('kinds', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('is_active', fields.BooleanField(default=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'school_webhook', 'app': 'shouhu', 'indexes': [Index(fields=['school_id'], name='school_webhook_school')], 'pk_attr': 'id', 'table_description': 'A chat-group robot of a staff group (企业微信/钉钉群机器人) that receives content-free texts.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Delivery',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('channel', fields.CharEnumField(description='PUSH: push\nWEBHOOK: webhook', enum_type=Channel, max_length=16)),
                ('notification', fields.ForeignKeyField('shouhu.Notification', source_field='notification_id', null=True, db_constraint=True, to_field='id', related_name='deliveries', on_delete=OnDelete.CASCADE)),
                ('subscription', fields.ForeignKeyField('shouhu.PushSubscription', source_field='subscription_id', null=True, db_constraint=True, to_field='id', related_name='deliveries', on_delete=OnDelete.SET_NULL)),
                ('webhook', fields.ForeignKeyField('shouhu.SchoolWebhook', source_field='webhook_id', null=True, db_constraint=True, to_field='id', related_name='deliveries', on_delete=OnDelete.SET_NULL)),
                ('kind', fields.CharField(max_length=32)),
                ('count', fields.IntField(default=1)),
                ('locale', fields.CharField(default='zh-CN', max_length=8)),
                ('urgent', fields.BooleanField(default=False)),
                ('topic', fields.CharField(default='', max_length=32)),
                ('key', fields.CharField(unique=True, max_length=200)),
                ('due_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('status', fields.CharEnumField(default=DeliveryStatus.PENDING, description='PENDING: pending\nSENT: sent\nFAILED: failed\nGONE: gone', enum_type=DeliveryStatus, max_length=16)),
                ('attempts', fields.SmallIntField(default=0)),
                ('claimed_until', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('claim', fields.UUIDField(null=True)),
                ('last_error', fields.CharField(default='', max_length=64)),
                ('sent_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'delivery', 'app': 'shouhu', 'indexes': [Index(fields=['status', 'due_at'], name='delivery_due'), Index(fields=['notification_id'], name='delivery_notification'), Index(fields=['subscription_id'], name='delivery_subscription')], 'pk_attr': 'id', 'table_description': 'Carrying one notification to one push subscription, or one school event to one webhook.'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='School',
            name='escalate_after_minutes',
            field=fields.SmallIntField(default=30, db_default=30),
        ),
        ops.AddField(
            model_name='School',
            name='guardian_reminder_minute',
            field=fields.SmallIntField(default=1230, db_default=1230),
        ),
        ops.AddField(
            model_name='School',
            name='lead_digest_minute',
            field=fields.SmallIntField(default=1020, db_default=1020),
        ),
        ops.AddField(
            model_name='School',
            name='mentor_reminder_minute',
            field=fields.SmallIntField(default=930, db_default=930),
        ),
        ops.AddField(
            model_name='School',
            name='quiet_end_minute',
            field=fields.SmallIntField(default=420, db_default=420),
        ),
        ops.AddField(
            model_name='School',
            name='quiet_start_minute',
            field=fields.SmallIntField(default=1320, db_default=1320),
        ),
    ]
