from tortoise import migrations
from tortoise.migrations import operations as ops
from shouhu.counselling.models import BookingStatus
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('shouhu', '0002_care')]

    initial = False

    operations = [
        ops.CreateModel(
            name='NonSchoolDay',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('school', fields.ForeignKeyField('shouhu.School', source_field='school_id', db_constraint=True, to_field='id', related_name='non_school_days', on_delete=OnDelete.RESTRICT)),
                ('day', fields.DateField()),
                ('name', fields.CharField(default='', max_length=50)),
            ],
            options={'table': 'non_school_day', 'app': 'shouhu', 'unique_together': (('school', 'day'),), 'pk_attr': 'id', 'table_description': 'A date of the school calendar without school (holiday, exam break): the room is closed.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Room',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('school', fields.ForeignKeyField('shouhu.School', source_field='school_id', db_constraint=True, to_field='id', related_name='rooms', on_delete=OnDelete.RESTRICT)),
                ('name', fields.CharField(max_length=50)),
                ('place', fields.CharField(max_length=200)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'counselling_room', 'app': 'shouhu', 'unique_together': (('school', 'name'),), 'pk_attr': 'id', 'table_description': 'A counselling room with its fixed place (固定场所).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Booking',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('school', fields.ForeignKeyField('shouhu.School', source_field='school_id', db_constraint=True, to_field='id', related_name='bookings', on_delete=OnDelete.RESTRICT)),
                ('room', fields.ForeignKeyField('shouhu.Room', source_field='room_id', db_constraint=True, to_field='id', related_name='bookings', on_delete=OnDelete.RESTRICT)),
                ('counsellor', fields.ForeignKeyField('shouhu.Account', source_field='counsellor_id', db_constraint=True, to_field='id', related_name='counselling_bookings', on_delete=OnDelete.RESTRICT)),
                ('student', fields.ForeignKeyField('shouhu.Student', source_field='student_id', db_constraint=True, to_field='id', related_name='bookings', on_delete=OnDelete.RESTRICT)),
                ('slot_key', fields.CharField(max_length=80)),
                ('starts_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('ends_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('topic', fields.TextField(default='', unique=False)),
                ('status', fields.CharEnumField(default=BookingStatus.BOOKED, description='BOOKED: booked\nCANCELLED: cancelled\nATTENDED: attended\nNO_SHOW: no_show', enum_type=BookingStatus, max_length=12)),
                ('booked_by', fields.ForeignKeyField('shouhu.Account', source_field='booked_by_id', null=True, db_constraint=True, to_field='id', related_name='bookings_made', on_delete=OnDelete.SET_NULL)),
                ('booked_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('cancelled_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('cancelled_by', fields.ForeignKeyField('shouhu.Account', source_field='cancelled_by_id', null=True, db_constraint=True, to_field='id', related_name='bookings_cancelled', on_delete=OnDelete.SET_NULL)),
                ('cancel_reason', fields.TextField(default='', unique=False)),
            ],
            options={'table': 'booking', 'app': 'shouhu', 'indexes': [Index(fields=['student_id', 'starts_at'], name='booking_student'), Index(fields=['school_id', 'starts_at'], name='booking_school_time')], 'pk_attr': 'id', 'table_description': "A student's booking of one slot. The topic is private to the student and the counsellors."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='OpeningException',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('school', fields.ForeignKeyField('shouhu.School', source_field='school_id', db_constraint=True, to_field='id', related_name='opening_exceptions', on_delete=OnDelete.RESTRICT)),
                ('room', fields.ForeignKeyField('shouhu.Room', source_field='room_id', db_constraint=True, to_field='id', related_name='exceptions', on_delete=OnDelete.CASCADE)),
                ('counsellor', fields.ForeignKeyField('shouhu.Account', source_field='counsellor_id', null=True, db_constraint=True, to_field='id', related_name='opening_exceptions', on_delete=OnDelete.CASCADE)),
                ('day', fields.DateField()),
                ('kind', fields.CharField(max_length=8)),
                ('start_minute', fields.SmallIntField(null=True)),
                ('end_minute', fields.SmallIntField(null=True)),
                ('slot_minutes', fields.SmallIntField(null=True)),
                ('buffer_minutes', fields.SmallIntField(default=0)),
            ],
            options={'table': 'opening_exception', 'app': 'shouhu', 'indexes': [Index(fields=['room_id', 'day'], name='opening_exception_room_day')], 'pk_attr': 'id', 'table_description': 'A date on which a room (or one counsellor) is closed, or opens extra hours.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='OpeningTemplate',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('school', fields.ForeignKeyField('shouhu.School', source_field='school_id', db_constraint=True, to_field='id', related_name='opening_templates', on_delete=OnDelete.RESTRICT)),
                ('room', fields.ForeignKeyField('shouhu.Room', source_field='room_id', db_constraint=True, to_field='id', related_name='templates', on_delete=OnDelete.CASCADE)),
                ('counsellor', fields.ForeignKeyField('shouhu.Account', source_field='counsellor_id', db_constraint=True, to_field='id', related_name='opening_templates', on_delete=OnDelete.CASCADE)),
                ('weekday', fields.SmallIntField()),
                ('start_minute', fields.SmallIntField()),
                ('end_minute', fields.SmallIntField()),
                ('slot_minutes', fields.SmallIntField()),
                ('buffer_minutes', fields.SmallIntField(default=0)),
            ],
            options={'table': 'opening_template', 'app': 'shouhu', 'indexes': [Index(fields=['room_id', 'weekday'], name='opening_template_room_day')], 'pk_attr': 'id', 'table_description': "A counsellor's weekly opening hours in one room, cut into slots, in school time."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='SessionRecord',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('school', fields.ForeignKeyField('shouhu.School', source_field='school_id', db_constraint=True, to_field='id', related_name='session_records', on_delete=OnDelete.RESTRICT)),
                ('booking', fields.OneToOneField('shouhu.Booking', source_field='booking_id', db_constraint=True, to_field='id', related_name='record', on_delete=OnDelete.RESTRICT)),
                ('notes', fields.TextField(default='', unique=False)),
                ('conclusion', fields.TextField(default='', unique=False)),
                ('conclusion_shared_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('written_by', fields.ForeignKeyField('shouhu.Account', source_field='written_by_id', null=True, db_constraint=True, to_field='id', related_name='session_records', on_delete=OnDelete.SET_NULL)),
                ('written_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('updated_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'session_record', 'app': 'shouhu', 'pk_attr': 'id', 'table_description': "The counsellor's sealed record of a session (个案保密): readable by the school's counsellors"},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='SlotClaim',
            fields=[
                ('slot_key', fields.CharField(primary_key=True, unique=True, db_index=True, max_length=80)),
                ('booking', fields.OneToOneField('shouhu.Booking', source_field='booking_id', db_constraint=True, to_field='id', related_name='claim', on_delete=OnDelete.CASCADE)),
            ],
            options={'table': 'slot_claim', 'app': 'shouhu', 'pk_attr': 'slot_key', 'table_description': 'Exactly one live booking per slot, enforced by the primary key in every database.'},
            bases=['Model'],
        ),
        ops.AddField(
            model_name='School',
            name='booking_horizon_days',
            field=fields.SmallIntField(default=14, db_default=14),
        ),
        ops.AddField(
            model_name='School',
            name='booking_notice_minutes',
            field=fields.SmallIntField(default=60, db_default=60),
        ),
        ops.AddField(
            model_name='School',
            name='cancel_notice_minutes',
            field=fields.SmallIntField(default=120, db_default=120),
        ),
        ops.AddField(
            model_name='School',
            name='max_upcoming_bookings',
            field=fields.SmallIntField(default=1, db_default=1),
        ),
    ]
