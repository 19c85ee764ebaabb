from tortoise import migrations
from tortoise.migrations import operations as ops
import functools
from json import dumps, loads
from shouhu.accounts.models import StaffRoleKind
from shouhu.schools.models import monday_to_friday
from tortoise.fields.base import OnDelete
from uuid import uuid4
from tortoise import fields
from tortoise.indexes import Index

class Migration(migrations.Migration):
    initial = True

    operations = [
        ops.CreateModel(
            name='District',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('name', fields.CharField(unique=True, max_length=100)),
                ('centre_name', fields.CharField(max_length=100)),
                ('hotline', fields.CharField(max_length=32)),
            ],
            options={'table': 'district', 'app': 'shouhu', 'pk_attr': 'id', 'table_description': 'A district education bureau and its psychological centre (区心理中心).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='LoginThrottle',
            fields=[
                ('key', fields.CharField(primary_key=True, unique=True, db_index=True, max_length=200)),
                ('failures', fields.IntField(default=0)),
                ('locked_until', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
                ('updated_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'login_throttle', 'app': 'shouhu', 'pk_attr': 'key', 'table_description': 'Failed sign-in attempts per key ("login:<name>" or "addr:<ip>"), shared by all app processes.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='School',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('district', fields.ForeignKeyField('shouhu.District', source_field='district_id', db_constraint=True, to_field='id', related_name='schools', on_delete=OnDelete.RESTRICT)),
                ('name', fields.CharField(max_length=100)),
                ('time_zone', fields.CharField(default='Asia/Shanghai', max_length=64)),
                ('school_days', fields.JSONField(default=monday_to_friday, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('hotlines', fields.JSONField(default=list, encoder=functools.partial(dumps, separators=(',', ':')), decoder=loads)),
                ('room_place', fields.CharField(default='', max_length=200)),
                ('room_hours', fields.TextField(default='', unique=False)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'school', 'app': 'shouhu', 'pk_attr': 'id', 'table_description': 'A school using Shouhu. `school_days` are ISO weekdays (1 = Monday).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Account',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('school', fields.ForeignKeyField('shouhu.School', source_field='school_id', null=True, db_constraint=True, to_field='id', related_name='accounts', on_delete=OnDelete.RESTRICT)),
                ('login', fields.CharField(unique=True, max_length=64)),
                ('display_name', fields.CharField(max_length=50)),
                ('phone', fields.CharField(null=True, max_length=20)),
                ('password_hash', fields.CharField(null=True, max_length=255)),
                ('locale', fields.CharField(default='zh-CN', max_length=8)),
                ('is_active', fields.BooleanField(default=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
                ('password_changed_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'account', 'app': 'shouhu', 'indexes': [Index(fields=['school_id', 'display_name'], name='account_school_name')], 'pk_attr': 'id', 'table_description': 'A person who signs in. Roles are relations (StaffRole, SchoolClass.class_teacher,'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='AuditEvent',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('school', fields.ForeignKeyField('shouhu.School', source_field='school_id', null=True, db_constraint=True, to_field='id', related_name='audit_events', on_delete=OnDelete.RESTRICT)),
                ('actor', fields.ForeignKeyField('shouhu.Account', source_field='actor_id', null=True, db_constraint=True, to_field='id', related_name='audit_events', on_delete=OnDelete.SET_NULL)),
                ('action', fields.CharField(max_length=16)),
                ('subject_type', fields.CharField(max_length=32)),
                ('subject_id', fields.UUIDField(null=True)),
                ('what', fields.CharField(max_length=100)),
                ('reason', fields.CharField(null=True, max_length=500)),
                ('at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'audit_event', 'app': 'shouhu', 'indexes': [Index(fields=['school_id', 'at'], name='audit_school_at'), Index(fields=['subject_id', 'at'], name='audit_subject_at')], 'pk_attr': 'id'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='DistrictStaff',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('district', fields.ForeignKeyField('shouhu.District', source_field='district_id', db_constraint=True, to_field='id', related_name='staff', on_delete=OnDelete.RESTRICT)),
                ('account', fields.ForeignKeyField('shouhu.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='district_roles', on_delete=OnDelete.CASCADE)),
            ],
            options={'table': 'district_staff', 'app': 'shouhu', 'unique_together': (('district', 'account'),), 'pk_attr': 'id', 'table_description': 'Staff of a district psychological centre (区心理中心).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Invitation',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('school', fields.ForeignKeyField('shouhu.School', source_field='school_id', db_constraint=True, to_field='id', related_name='invitations', on_delete=OnDelete.RESTRICT)),
                ('account', fields.ForeignKeyField('shouhu.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='invitations', on_delete=OnDelete.CASCADE)),
                ('code_hash', fields.CharField(unique=True, max_length=64)),
                ('created_by', fields.ForeignKeyField('shouhu.Account', source_field='created_by_id', null=True, db_constraint=True, to_field='id', related_name='invitations_issued', on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('used_at', fields.DatetimeField(null=True, auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'invitation', 'app': 'shouhu', 'indexes': [Index(fields=['account_id'], name='invitation_account')], 'pk_attr': 'id', 'table_description': 'A one-time code with which a person sets their own password (activation).'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='SchoolClass',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('school', fields.ForeignKeyField('shouhu.School', source_field='school_id', db_constraint=True, to_field='id', related_name='classes', on_delete=OnDelete.RESTRICT)),
                ('grade', fields.SmallIntField()),
                ('name', fields.CharField(max_length=50)),
                ('class_teacher', fields.ForeignKeyField('shouhu.Account', source_field='class_teacher_id', null=True, db_constraint=True, to_field='id', related_name='classes_taught', on_delete=OnDelete.SET_NULL)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'school_class', 'app': 'shouhu', 'unique_together': (('school', 'grade', 'name'),), 'indexes': [Index(fields=['class_teacher_id'], name='school_class_teacher')], 'pk_attr': 'id', 'table_description': 'A class (班级) of a grade. Its class teacher (班主任) leads the care teams of its students.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Session',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('token_hash', fields.CharField(unique=True, max_length=64)),
                ('account', fields.ForeignKeyField('shouhu.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='sessions', on_delete=OnDelete.CASCADE)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('last_seen_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
                ('expires_at', fields.DatetimeField(auto_now=False, auto_now_add=False)),
            ],
            options={'table': 'session', 'app': 'shouhu', 'indexes': [Index(fields=['account_id'], name='session_account')], 'pk_attr': 'id', 'table_description': 'A server-side session. Only the SHA-256 of the cookie token is stored.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='StaffRole',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('school', fields.ForeignKeyField('shouhu.School', source_field='school_id', db_constraint=True, to_field='id', related_name='staff_roles', on_delete=OnDelete.RESTRICT)),
                ('account', fields.ForeignKeyField('shouhu.Account', source_field='account_id', db_constraint=True, to_field='id', related_name='staff_roles', on_delete=OnDelete.CASCADE)),
                ('kind', fields.CharEnumField(description='ADMIN: admin\nCOUNSELLOR: counsellor\nTEACHER: teacher', enum_type=StaffRoleKind, max_length=16)),
            ],
            options={'table': 'staff_role', 'app': 'shouhu', 'unique_together': (('school', 'account', 'kind'),), 'indexes': [Index(fields=['account_id'], name='staff_role_account')], 'pk_attr': 'id', 'table_description': 'The role of a staff account at a school.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Student',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('school', fields.ForeignKeyField('shouhu.School', source_field='school_id', db_constraint=True, to_field='id', related_name='students', on_delete=OnDelete.RESTRICT)),
                ('school_class', fields.ForeignKeyField('shouhu.SchoolClass', source_field='school_class_id', db_constraint=True, to_field='id', related_name='students', on_delete=OnDelete.RESTRICT)),
                ('name', fields.CharField(max_length=50)),
                ('student_number', fields.CharField(max_length=32)),
                ('birth_date', fields.DateField(null=True)),
                ('account', fields.OneToOneField('shouhu.Account', source_field='account_id', null=True, db_constraint=True, to_field='id', related_name='student', on_delete=OnDelete.SET_NULL)),
                ('is_active', fields.BooleanField(default=True)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'student', 'app': 'shouhu', 'unique_together': (('school', 'student_number'),), 'indexes': [Index(fields=['school_class_id', 'is_active'], name='student_class')], 'pk_attr': 'id', 'table_description': 'A pupil of the school. The optional account lets the student book the counselling room.'},
            bases=['Model'],
        ),
        ops.CreateModel(
            name='Guardianship',
            fields=[
                ('id', fields.UUIDField(primary_key=True, default=uuid4, unique=True, db_index=True)),
                ('school', fields.ForeignKeyField('shouhu.School', source_field='school_id', db_constraint=True, to_field='id', related_name='guardianships', on_delete=OnDelete.RESTRICT)),
                ('guardian', fields.ForeignKeyField('shouhu.Account', source_field='guardian_id', db_constraint=True, to_field='id', related_name='guardianships', on_delete=OnDelete.CASCADE)),
                ('student', fields.ForeignKeyField('shouhu.Student', source_field='student_id', db_constraint=True, to_field='id', related_name='guardianships', on_delete=OnDelete.CASCADE)),
                ('relation', fields.CharField(max_length=16)),
                ('created_at', fields.DatetimeField(auto_now=False, auto_now_add=True)),
            ],
            options={'table': 'guardianship', 'app': 'shouhu', 'unique_together': (('guardian', 'student'),), 'indexes': [Index(fields=['student_id'], name='guardianship_student')], 'pk_attr': 'id', 'table_description': 'The relation of a guardian (家长 / 监护人) account to one student.'},
            bases=['Model'],
        ),
    ]
