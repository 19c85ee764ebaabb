from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from shouhu.care.models import CaseChangeKind, CaseStatus, TeamRole, WarningLevel
from shouhu.entries.models import Accompaniment, InSchoolStatus, Visibility
from shouhu.timeline.models import EventKind
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    dependencies = [('shouhu', '0001_initial')]

    initial = False

    operations = [
        ops.CreateModel(
            name='CareCase',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('school', fields.ForeignKeyField('shouhu.School', source_field='school_id', db_constraint=True, to_field='id', related_name='care_cases', on_delete=OnDelete.RESTRICT)),
                ('student', fields.OneToOneField('shouhu.Student', source_field='student_id', db_constraint=True, to_field='id', related_name='care_case', on_delete=OnDelete.RESTRICT)),
                ('level', fields.CharEnumField(description='WATCH: watch\nFOCUS: focus\nSEVERE: severe', enum_type=WarningLevel, max_length=16)),
                ('status', fields.CharEnumField(default=CaseStatus.ACTIVE, description='ACTIVE: active\nON_LEAVE: on_leave\nTRANSFERRED: transferred\nCLOSED: closed', enum_type=CaseStatus, max_length=16)),
                ('reasons', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('summary', fields.TextField(default='', unique=False)),
                ('lead', fields.ForeignKeyField('shouhu.Account', source_field='lead_id', null=True, db_constraint=True, to_field='id', related_name='cases_led', on_delete=OnDelete.SET_NULL)),
                ('opened_by', fields.ForeignKeyField('shouhu.Account', source_field='opened_by_id', null=True, db_constraint=True, to_field='id', related_name='cases_opened', on_delete=OnDelete.SET_NULL)),
                ('opened_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('updated_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'care_case', 'app': 'shouhu', 'indexes': [Index(fields=['school_id', 'status'], name='care_case_school_status'), Index(fields=['lead_id'], name='care_case_lead')], 'pk_attr': 'id', 'table_description': 'The file of one student under care (一生一档). One per student: a closed case is reopened.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Alert',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('school', fields.ForeignKeyField('shouhu.School', source_field='school_id', db_constraint=True, to_field='id', related_name='alerts', on_delete=OnDelete.RESTRICT)),
                ('student', fields.ForeignKeyField('shouhu.Student', source_field='student_id', db_constraint=True, to_field='id', related_name='alerts', on_delete=OnDelete.RESTRICT)),
                ('case', fields.ForeignKeyField('shouhu.CareCase', source_field='case_id', null=True, db_constraint=True, to_field='id', related_name='alerts', on_delete=OnDelete.SET_NULL)),
                ('source_kind', fields.CharField(max_length=16)),
                ('source_id', fields.UUIDField()),
                ('signals', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('raised_by', fields.ForeignKeyField('shouhu.Account', source_field='raised_by_id', null=True, db_constraint=True, to_field='id', related_name='alerts_raised', on_delete=OnDelete.SET_NULL)),
                ('raised_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('acknowledged_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('acknowledged_by', fields.ForeignKeyField('shouhu.Account', source_field='acknowledged_by_id', null=True, db_constraint=True, to_field='id', related_name='alerts_acknowledged', on_delete=OnDelete.SET_NULL)),
            ],
            options={'table': 'alert', 'app': 'shouhu', 'indexes': [Index(fields=['school_id', 'acknowledged_at'], name='alert_school_open'), Index(fields=['student_id', 'raised_at'], name='alert_student')], 'pk_attr': 'id', 'table_description': 'An alert (预警) for the team lead and the counsellors, open until acknowledged.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='CaseChange',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('school', fields.ForeignKeyField('shouhu.School', source_field='school_id', db_constraint=True, to_field='id', related_name='case_changes', on_delete=OnDelete.RESTRICT)),
                ('case', fields.ForeignKeyField('shouhu.CareCase', source_field='case_id', db_constraint=True, to_field='id', related_name='changes', on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharEnumField(description='OPENED: opened\nLEVEL: level\nSTATUS: status\nLEAD: lead\nMEMBER_ADDED: member_added\nMEMBER_REMOVED: member_removed', enum_type=CaseChangeKind, max_length=16)),
                ('from_value', fields.CharField(null=True, max_length=64)),
                ('to_value', fields.CharField(null=True, max_length=64)),
                ('subject', fields.ForeignKeyField('shouhu.Account', source_field='subject_id', null=True, db_constraint=True, to_field='id', related_name='case_changes_about', on_delete=OnDelete.SET_NULL)),
                ('reason', fields.TextField(default='', unique=False)),
                ('changed_by', fields.ForeignKeyField('shouhu.Account', source_field='changed_by_id', null=True, db_constraint=True, to_field='id', related_name='case_changes_made', on_delete=OnDelete.SET_NULL)),
                ('changed_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'case_change', 'app': 'shouhu', 'indexes': [Index(fields=['case_id', 'changed_at'], name='case_change_case')], 'pk_attr': 'id', 'table_description': 'One change of a case: opened, level, status, lead or team membership (who, when, why).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='CheckIn',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('school', fields.ForeignKeyField('shouhu.School', source_field='school_id', db_constraint=True, to_field='id', related_name='check_ins', on_delete=OnDelete.RESTRICT)),
                ('student', fields.ForeignKeyField('shouhu.Student', source_field='student_id', db_constraint=True, to_field='id', related_name='check_ins', on_delete=OnDelete.RESTRICT)),
                ('case', fields.ForeignKeyField('shouhu.CareCase', source_field='case_id', db_constraint=True, to_field='id', related_name='check_ins', on_delete=OnDelete.RESTRICT)),
                ('author', fields.ForeignKeyField('shouhu.Account', source_field='author_id', db_constraint=True, to_field='id', related_name='check_ins', on_delete=OnDelete.RESTRICT)),
                ('occurred_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('school_date', fields.DateField()),
                ('mood', fields.SmallIntField()),
                ('status', fields.CharEnumField(description='PRESENT: present\nLATE: late\nLEFT_EARLY: left_early\nABSENT_WITH_LEAVE: absent_with_leave\nABSENT_WITHOUT_REASON: absent_without_reason', enum_type=InSchoolStatus, max_length=24)),
                ('signals', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('talked', fields.BooleanField(default=False)),
                ('talk_minutes', fields.SmallIntField(null=True)),
                ('note', fields.TextField(default='', unique=False)),
                ('visibility', fields.CharEnumField(default=Visibility.TEAM, description='FAMILY: family\nTEAM: team\nSEALED: sealed', enum_type=Visibility, max_length=8)),
                ('version', fields.SmallIntField(default=1)),
                ('fingerprint', fields.CharField(max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('amended_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'check_in', 'app': 'shouhu', 'indexes': [Index(fields=['student_id', 'school_date'], name='check_in_student_day'), Index(fields=['author_id', 'school_date'], name='check_in_author_day')], 'pk_attr': 'id', 'table_description': "A mentor's record of one student at one moment of the school day."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='CheckInRevision',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('school', fields.ForeignKeyField('shouhu.School', source_field='school_id', db_constraint=True, to_field='id', related_name='check_in_revisions', on_delete=OnDelete.RESTRICT)),
                ('check_in', fields.ForeignKeyField('shouhu.CheckIn', source_field='check_in_id', db_constraint=True, to_field='id', related_name='revisions', on_delete=OnDelete.CASCADE)),
                ('version', fields.SmallIntField()),
                ('snapshot', fields.JSONField(encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('replaced_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'check_in_revision', 'app': 'shouhu', 'unique_together': (('check_in', 'version'),), 'pk_attr': 'id', 'table_description': 'An earlier version of an amended check-in: nothing is silently overwritten.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='HomeLog',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('school', fields.ForeignKeyField('shouhu.School', source_field='school_id', db_constraint=True, to_field='id', related_name='home_logs', on_delete=OnDelete.RESTRICT)),
                ('student', fields.ForeignKeyField('shouhu.Student', source_field='student_id', db_constraint=True, to_field='id', related_name='home_logs', on_delete=OnDelete.RESTRICT)),
                ('author', fields.ForeignKeyField('shouhu.Account', source_field='author_id', db_constraint=True, to_field='id', related_name='home_logs', on_delete=OnDelete.RESTRICT)),
                ('log_date', fields.DateField()),
                ('listening_minutes', fields.SmallIntField()),
                ('exercise_minutes', fields.SmallIntField()),
                ('accompaniment', fields.CharEnumField(description='WHOLE: whole\nPARTLY: partly\nNONE: none', enum_type=Accompaniment, max_length=8)),
                ('sleep_hours', fields.FloatField(null=True)),
                ('mood', fields.SmallIntField(null=True)),
                ('screen_minutes', fields.SmallIntField(null=True)),
                ('signals', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('note', fields.TextField(default='', unique=False)),
                ('fingerprint', fields.CharField(max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'home_log', 'app': 'shouhu', 'unique_together': (('student', 'author', 'log_date'),), 'indexes': [Index(fields=['student_id', 'log_date'], name='home_log_student_day')], 'pk_attr': 'id', 'table_description': "A guardian's record of one evening (家庭陪护记录): listening 15 minutes, exercise 60 minutes."},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Observation',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('school', fields.ForeignKeyField('shouhu.School', source_field='school_id', db_constraint=True, to_field='id', related_name='observations', on_delete=OnDelete.RESTRICT)),
                ('student', fields.ForeignKeyField('shouhu.Student', source_field='student_id', db_constraint=True, to_field='id', related_name='observations', on_delete=OnDelete.RESTRICT)),
                ('author', fields.ForeignKeyField('shouhu.Account', source_field='author_id', db_constraint=True, to_field='id', related_name='observations', on_delete=OnDelete.RESTRICT)),
                ('observed_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('signals', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('note', fields.TextField(unique=False)),
                ('fingerprint', fields.CharField(max_length=64)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'observation', 'app': 'shouhu', 'indexes': [Index(fields=['student_id', 'observed_at'], name='observation_student')], 'pk_attr': 'id', 'table_description': 'Something unusual any teacher noticed (观察日志), reported to the class teacher.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='SchoolPeriod',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('school', fields.ForeignKeyField('shouhu.School', source_field='school_id', db_constraint=True, to_field='id', related_name='periods', on_delete=OnDelete.RESTRICT)),
                ('position', fields.SmallIntField()),
                ('name', fields.CharField(max_length=30)),
                ('start_minute', fields.SmallIntField()),
                ('end_minute', fields.SmallIntField()),
            ],
            options={'table': 'school_period', 'app': 'shouhu', 'unique_together': (('school', 'position'),), 'pk_attr': 'id', 'table_description': 'A period of the school day (early reading, lesson 1, lunch break, after school),'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='RotaAssignment',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('school', fields.ForeignKeyField('shouhu.School', source_field='school_id', db_constraint=True, to_field='id', related_name='rota_assignments', on_delete=OnDelete.RESTRICT)),
                ('case', fields.ForeignKeyField('shouhu.CareCase', source_field='case_id', db_constraint=True, to_field='id', related_name='rota', on_delete=OnDelete.CASCADE)),
                ('period', fields.ForeignKeyField('shouhu.SchoolPeriod', source_field='period_id', db_constraint=True, to_field='id', related_name='assignments', on_delete=OnDelete.CASCADE)),
                ('weekday', fields.SmallIntField()),
                ('account', fields.ForeignKeyField('shouhu.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='rota_assignments', on_delete=OnDelete.CASCADE)),
            ],
            options={'table': 'rota_assignment', 'app': 'shouhu', 'unique_together': (('case', 'period', 'weekday', 'account'),), 'indexes': [Index(fields=['account_id', 'weekday'], name='rota_account_day')], 'pk_attr': 'id', 'table_description': 'Who accompanies the student in which period of which weekday (全程陪伴).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='TeamMember',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('school', fields.ForeignKeyField('shouhu.School', source_field='school_id', db_constraint=True, to_field='id', related_name='team_members', on_delete=OnDelete.RESTRICT)),
                ('case', fields.ForeignKeyField('shouhu.CareCase', source_field='case_id', db_constraint=True, to_field='id', related_name='members', on_delete=OnDelete.CASCADE)),
                ('account', fields.ForeignKeyField('shouhu.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='team_memberships', on_delete=OnDelete.CASCADE)),
                ('role', fields.CharEnumField(default=TeamRole.MENTOR, description='MENTOR: mentor\nSOCIAL_WORKER: social_worker\nDOCTOR: doctor\nOUTSIDE_COUNSELLOR: outside_counsellor', enum_type=TeamRole, max_length=24)),
                ('added_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'team_member', 'app': 'shouhu', 'unique_together': (('case', 'account'),), 'indexes': [Index(fields=['account_id'], name='team_member_account')], 'pk_attr': 'id', 'table_description': 'A member of a care team (工作专班 / 多对一导师团) other than its lead and the guardians.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='TimelineEvent',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('school', fields.ForeignKeyField('shouhu.School', source_field='school_id', db_constraint=True, to_field='id', related_name='timeline_events', on_delete=OnDelete.RESTRICT)),
                ('student', fields.ForeignKeyField('shouhu.Student', source_field='student_id', db_constraint=True, to_field='id', related_name='timeline_events', on_delete=OnDelete.RESTRICT)),
                ('kind', fields.CharEnumField(description='CHECK_IN: check_in\nHOME_LOG: home_log\nOBSERVATION: observation\nCASE_CHANGE: case_change\nALERT: alert\nCOUNSELLING: counselling', enum_type=EventKind, max_length=16)),
                ('entry_id', fields.UUIDField()),
                ('author', fields.ForeignKeyField('shouhu.Account', source_field='author_id', null=True, db_constraint=True, to_field='id', related_name='timeline_events', on_delete=OnDelete.SET_NULL)),
                ('occurred_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('visibility', fields.CharEnumField(description='FAMILY: family\nTEAM: team\nSEALED: sealed', enum_type=Visibility, max_length=8)),
                ('has_signal', fields.BooleanField(default=False)),
            ],
            options={'table': 'timeline_event', 'app': 'shouhu', 'indexes': [Index(fields=['student_id', 'occurred_at', 'id'], name='timeline_student_time'), Index(fields=['entry_id'], name='timeline_entry')], 'pk_attr': 'id', 'table_description': 'Points at the entry it stands for (`entry_id`) and carries what the filters need.'},
            bases=['Model'],
        ),
    ]
