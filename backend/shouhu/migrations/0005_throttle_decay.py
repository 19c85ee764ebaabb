from tortoise import migrations
from tortoise.migrations import operations as ops
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('shouhu', '0004_notify')]

    initial = False

    operations = [
        # Counts kept under the old rule (failures that never fade) mean nothing under the new one,
        # and a throttle row is short-lived anyway: start afresh, which also lets the new
        # required column be added without a default.
        ops.RunSQL("DELETE FROM login_throttle", reverse_sql="DELETE FROM login_throttle"),
        ops.AlterModelOptions(
            name='LoginThrottle',
            options={'table': 'login_throttle', 'app': 'shouhu', 'indexes': [Index(fields=['forget_at'], name='login_throttle_forget')], 'pk_attr': 'key', 'table_description': 'Recent failed sign-in and activation attempts per key, shared by every app process.'},
        ),
        ops.AddField(
            model_name='LoginThrottle',
            name='forget_at',
            field=fields.DatetimeField(auto_now=False, auto_now_add=False),
        ),
        ops.AddField(
            model_name='LoginThrottle',
            name='level',
            field=fields.FloatField(default=0),
        ),
        ops.RemoveField(model_name='LoginThrottle', name='failures'),
        ops.AddIndex(
            model_name='LoginThrottle',
            index=Index(fields=['forget_at'], name='login_throttle_forget'),
        ),
    ]
