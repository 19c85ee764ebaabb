"""Care cases, teams, entries, alerts and the timeline as the care team and the family see them."""

from __future__ import annotations

import datetime
from enum import Enum
from typing import Annotated
from uuid import UUID

import strawberry

from shouhu.alerts import models as alert_models
from shouhu.api.context import Info
from shouhu.api.errors import ValidationError
from shouhu.api.pagination import PageInfo
from shouhu.care import models as care_models
from shouhu.care.boards import BoardRow as BoardRowData
from shouhu.clock import utcnow
from shouhu.entries import models as entry_models
from shouhu.entries import signals as signal_rules
from shouhu.entries.services import AMEND_WINDOW


def _id(value: object) -> strawberry.ID:
    return strawberry.ID(str(value))


WarningLevel = strawberry.enum(care_models.WarningLevel, name="WarningLevel")
CaseStatus = strawberry.enum(care_models.CaseStatus, name="CaseStatus")
CaseReason = strawberry.enum(care_models.CaseReason, name="CaseReason")
CaseChangeKind = strawberry.enum(care_models.CaseChangeKind, name="CaseChangeKind")
InSchoolStatus = strawberry.enum(entry_models.InSchoolStatus, name="InSchoolStatus")
Accompaniment = strawberry.enum(entry_models.Accompaniment, name="Accompaniment")


Signal = strawberry.enum(signal_rules.Signal, name="Signal")


@strawberry.enum(description="Who may read an entry: FAMILY = the team and the guardians; TEAM = staff only.")
class EntryVisibility(Enum):
    FAMILY = "family"
    TEAM = "team"


@strawberry.enum
class TeamRole(Enum):
    LEAD = "lead"
    MENTOR = "mentor"
    SOCIAL_WORKER = "social_worker"
    DOCTOR = "doctor"
    OUTSIDE_COUNSELLOR = "outside_counsellor"
    GUARDIAN = "guardian"


@strawberry.enum
class TimelineKind(Enum):
    CHECK_IN = "check_in"
    HOME_LOG = "home_log"
    OBSERVATION = "observation"
    CASE_CHANGE = "case_change"
    ALERT = "alert"
    COUNSELLING = "counselling"


def signals_of(values: list[str]) -> list[signal_rules.Signal]:
    return [signal_rules.Signal(value) for value in values]


@strawberry.type
class Person:
    id: strawberry.ID
    display_name: str
    phone: str | None


async def person(info: Info, account_id: UUID | None) -> Person | None:
    if account_id is None:
        return None
    row = await info.context.loaders.person_by_id.load(account_id)
    return Person(id=_id(row.id), display_name=row.display_name, phone=row.phone) if row else None


@strawberry.type(description="A student as the care team and the family know them.")
class StudentSummary:
    id: strawberry.ID
    name: str
    class_name: str | None


async def student_summary(info: Info, student_id: UUID) -> StudentSummary | None:
    row = await info.context.loaders.student_by_id.load(student_id)
    if row is None:
        return None
    return StudentSummary(id=_id(row.id), name=row.name, class_name=class_label(info, row))


def class_label(info: Info, student: object) -> str | None:
    school_class = getattr(student, "school_class", None)
    if school_class is None:
        return None
    return info.context.t("class.display", grade=school_class.grade, name=school_class.name)


@strawberry.type
class TeamMember:
    person: Person
    role: TeamRole
    relation: str | None = None


@strawberry.type(description="The many-to-one team (多对一导师团) around one student.")
class CareTeam:
    case_id: strawberry.ID
    student: StudentSummary
    members: list[TeamMember]


async def care_team(info: Info, case: care_models.CareCase, student: StudentSummary) -> CareTeam:
    members: list[TeamMember] = []
    if lead := await person(info, case.lead_id):
        members.append(TeamMember(person=lead, role=TeamRole.LEAD))
    for row in await info.context.loaders.members_by_case.load(case.id):
        members.append(TeamMember(
            person=Person(id=_id(row.account_id), display_name=row.account.display_name, phone=row.account.phone),
            role=TeamRole(row.role.value if hasattr(row.role, "value") else row.role),
        ))
    for link in await info.context.loaders.family_by_student.load(case.student_id):
        members.append(TeamMember(
            person=Person(id=_id(link.guardian_id), display_name=link.guardian.display_name, phone=link.guardian.phone),
            role=TeamRole.GUARDIAN, relation=link.relation,
        ))
    return CareTeam(case_id=_id(case.id), student=student, members=members)


@strawberry.type
class CaseChange:
    id: strawberry.ID
    kind: CaseChangeKind
    from_value: str | None
    to_value: str | None
    reason: str
    changed_at: datetime.datetime
    _row: strawberry.Private[care_models.CaseChange]

    @classmethod
    def of(cls, row: care_models.CaseChange) -> CaseChange:
        return cls(id=_id(row.id), kind=row.kind, from_value=row.from_value, to_value=row.to_value,
                   reason=row.reason, changed_at=row.changed_at, _row=row)

    @strawberry.field
    async def changed_by(self, info: Info) -> Person | None:
        return await person(info, self._row.changed_by_id)

    @strawberry.field(description="The team member a team change concerns, or the new lead.")
    async def subject(self, info: Info) -> Person | None:
        return await person(info, self._row.subject_id)


@strawberry.type(description="一生一档: a student's care case. Never shown to the student or the guardians.")
class CareCase:
    id: strawberry.ID
    level: WarningLevel
    status: CaseStatus
    reasons: list[CaseReason]
    summary: str
    opened_at: datetime.datetime
    updated_at: datetime.datetime
    _row: strawberry.Private[care_models.CareCase]

    @classmethod
    def of(cls, row: care_models.CareCase) -> CareCase:
        return cls(id=_id(row.id), level=row.level, status=row.status,
                   reasons=[care_models.CaseReason(r) for r in row.reasons], summary=row.summary,
                   opened_at=row.opened_at, updated_at=row.updated_at, _row=row)

    @strawberry.field
    async def student(self, info: Info) -> StudentSummary | None:
        return await student_summary(info, self._row.student_id)

    @strawberry.field
    async def lead(self, info: Info) -> Person | None:
        return await person(info, self._row.lead_id)

    @strawberry.field
    async def team(self, info: Info) -> CareTeam | None:
        student = await student_summary(info, self._row.student_id)
        return await care_team(info, self._row, student) if student else None


@strawberry.type
class CheckInVersion:
    version: int
    mood: int
    status: InSchoolStatus
    signals: list[Signal]
    talked: bool
    talk_minutes: int | None
    note: str
    replaced_at: datetime.datetime


@strawberry.type(description="A mentor's check-in on a student.")
class CheckIn:
    id: strawberry.ID
    occurred_at: datetime.datetime
    school_date: datetime.date
    mood: int
    status: InSchoolStatus
    signals: list[Signal]
    talked: bool
    talk_minutes: int | None
    note: str
    visibility: EntryVisibility
    version: int
    amended_at: datetime.datetime | None
    _row: strawberry.Private[entry_models.CheckIn]

    @classmethod
    def of(cls, row: entry_models.CheckIn) -> CheckIn:
        return cls(id=_id(row.id), occurred_at=row.occurred_at, school_date=row.school_date, mood=row.mood,
                   status=row.status, signals=signals_of(row.signals), talked=row.talked,
                   talk_minutes=row.talk_minutes, note=row.note, visibility=EntryVisibility(str(row.visibility)),
                   version=row.version, amended_at=row.amended_at, _row=row)

    @strawberry.field
    async def author(self, info: Info) -> Person | None:
        return await person(info, self._row.author_id)

    @strawberry.field
    async def student(self, info: Info) -> StudentSummary | None:
        return await student_summary(info, self._row.student_id)

    @strawberry.field(description="Whether the reader may still amend it (its author, within 24 hours).")
    def can_amend(self, info: Info) -> bool:
        return self._row.author_id == info.context.principal.account_id and (
            utcnow() - self._row.created_at <= AMEND_WINDOW
        )

    @strawberry.field(description="Earlier versions, oldest first.")
    async def revisions(self, info: Info) -> list[CheckInVersion]:
        rows = await info.context.loaders.revisions_by_check_in.load(self._row.id)
        return [
            CheckInVersion(version=r.version, mood=r.snapshot["mood"], status=entry_models.InSchoolStatus(r.snapshot["status"]),
                           signals=signals_of(r.snapshot["signals"]), talked=r.snapshot["talked"],
                           talk_minutes=r.snapshot["talk_minutes"], note=r.snapshot["note"], replaced_at=r.replaced_at)
            for r in rows
        ]


@strawberry.type(description="A guardian's evening record (家庭陪护记录).")
class HomeLog:
    id: strawberry.ID
    log_date: datetime.date
    listening_minutes: int
    exercise_minutes: int
    accompaniment: Accompaniment
    sleep_hours: float | None
    mood: int | None
    screen_minutes: int | None
    signals: list[Signal]
    note: str
    created_at: datetime.datetime
    _row: strawberry.Private[entry_models.HomeLog]

    @classmethod
    def of(cls, row: entry_models.HomeLog) -> HomeLog:
        return cls(id=_id(row.id), log_date=row.log_date, listening_minutes=row.listening_minutes,
                   exercise_minutes=row.exercise_minutes, accompaniment=row.accompaniment, sleep_hours=row.sleep_hours,
                   mood=row.mood, screen_minutes=row.screen_minutes, signals=signals_of(row.signals), note=row.note,
                   created_at=row.created_at, _row=row)

    @strawberry.field
    async def author(self, info: Info) -> Person | None:
        return await person(info, self._row.author_id)


@strawberry.type(description="An observation (观察日志) reported to the class teacher.")
class Observation:
    id: strawberry.ID
    observed_at: datetime.datetime
    signals: list[Signal]
    note: str
    _row: strawberry.Private[entry_models.Observation]

    @classmethod
    def of(cls, row: entry_models.Observation) -> Observation:
        return cls(id=_id(row.id), observed_at=row.observed_at, signals=signals_of(row.signals), note=row.note, _row=row)

    @strawberry.field
    async def author(self, info: Info) -> Person | None:
        return await person(info, self._row.author_id)


@strawberry.type(description="Receipt for an observation: its author may not be on the team and cannot read it back.")
class ObservationReceipt:
    id: strawberry.ID
    observed_at: datetime.datetime


@strawberry.type(description="A crisis alert, open until acknowledged.")
class Alert:
    id: strawberry.ID
    signals: list[Signal]
    source_kind: TimelineKind
    raised_at: datetime.datetime
    acknowledged_at: datetime.datetime | None
    _row: strawberry.Private[alert_models.Alert]

    @classmethod
    def of(cls, row: alert_models.Alert) -> Alert:
        return cls(id=_id(row.id), signals=signals_of(row.signals), source_kind=TimelineKind(row.source_kind),
                   raised_at=row.raised_at, acknowledged_at=row.acknowledged_at, _row=row)

    @strawberry.field
    async def student(self, info: Info) -> StudentSummary | None:
        return await student_summary(info, self._row.student_id)

    @strawberry.field
    async def raised_by(self, info: Info) -> Person | None:
        return await person(info, self._row.raised_by_id)

    @strawberry.field
    async def acknowledged_by(self, info: Info) -> Person | None:
        return await person(info, self._row.acknowledged_by_id)


@strawberry.type(description="A counselling conclusion or suggestion shared with the care team (结论建议互商互通): no other session detail.")
class CounsellingConclusion:
    id: strawberry.ID
    conclusion: str
    shared_at: datetime.datetime

    @classmethod
    def of(cls, row: object) -> CounsellingConclusion:
        return cls(id=_id(row.id), conclusion=row.conclusion, shared_at=row.conclusion_shared_at)  # type: ignore[attr-defined]


TimelineItem = Annotated[
    CheckIn | HomeLog | Observation | CaseChange | Alert | CounsellingConclusion, strawberry.union("TimelineItem")
]


@strawberry.type
class TimelineEntry:
    id: strawberry.ID
    kind: TimelineKind
    occurred_at: datetime.datetime
    has_signal: bool
    item: TimelineItem


@strawberry.type
class TimelineConnection:
    nodes: list[TimelineEntry]
    page_info: PageInfo


@strawberry.type
class AlertConnection:
    nodes: list[Alert]
    page_info: PageInfo


@strawberry.type(description="One open case on a board, with today's care at a glance.")
class BoardRow:
    case_id: strawberry.ID
    student: StudentSummary
    level: WarningLevel
    status: CaseStatus
    check_ins_today: int
    my_check_ins_today: int
    checked_in: list[Person]
    not_checked_in: list[Person]
    latest_mood: int | None
    latest_mood_at: datetime.datetime | None
    last_home_log_date: datetime.date | None
    last_home_mood: int | None
    last_listening_minutes: int | None
    last_exercise_minutes: int | None
    open_alerts: int

    @classmethod
    def of(cls, info: Info, row: BoardRowData) -> BoardRow:
        case, student = row.case, row.case.student

        def people(items: list) -> list[Person]:
            return [Person(id=_id(p.id), display_name=p.name, phone=None) for p in items]

        return cls(
            case_id=_id(case.id),
            student=StudentSummary(id=_id(student.id), name=student.name, class_name=class_label(info, student)),
            level=case.level, status=case.status, check_ins_today=row.check_ins_today,
            my_check_ins_today=row.my_check_ins_today, checked_in=people(row.checked_in),
            not_checked_in=people(row.not_checked_in), latest_mood=row.latest_mood, latest_mood_at=row.latest_mood_at,
            last_home_log_date=row.last_home_log_date, last_home_mood=row.last_home_mood,
            last_listening_minutes=row.last_listening_minutes, last_exercise_minutes=row.last_exercise_minutes,
            open_alerts=row.open_alerts,
        )


@strawberry.type
class BoardConnection:
    nodes: list[BoardRow]
    page_info: PageInfo
    total: int


@strawberry.type
class RotaItem:
    period_name: str
    start_minute: int
    end_minute: int
    student: StudentSummary


@strawberry.type(description="A period of today nobody on the team covers (shown to the lead).")
class RotaGap:
    period_name: str
    start_minute: int
    student_name: str
    case_id: strawberry.ID


@strawberry.type
class MyStudents:
    date: datetime.date
    students: list[BoardRow]
    rota: list[RotaItem]
    gaps: list[RotaGap]


@strawberry.type
class SchoolPeriod:
    id: strawberry.ID
    position: int
    name: str
    start_minute: int
    end_minute: int

    @classmethod
    def of(cls, row: care_models.SchoolPeriod) -> SchoolPeriod:
        return cls(id=_id(row.id), position=row.position, name=row.name, start_minute=row.start_minute,
                   end_minute=row.end_minute)


@strawberry.type
class RotaAssignment:
    weekday: int
    period_id: strawberry.ID
    person: Person


@strawberry.type
class Rota:
    case_id: strawberry.ID
    periods: list[SchoolPeriod]
    school_days: list[int]
    assignments: list[RotaAssignment]


@strawberry.type
class Adherence:
    days: int
    logged: int
    listening_met: int
    exercise_met: int


@strawberry.type(description="A guardian's own record keeping for one child.")
class HomeLogStats:
    today: datetime.date = strawberry.field(description=(
        "The evening tonight's home log is for, in the school's time zone: today, or yesterday from midnight "
        "until 05:00. The figures count back from it."))
    logged_today: bool = strawberry.field(description="Whether the guardian has logged that evening.")
    streak: int
    last7: Adherence
    last30: Adherence


@strawberry.type
class ChartDay:
    date: datetime.date
    mentor_mood: float | None
    home_mood: float | None
    listening_met: bool | None
    exercise_met: bool | None


@strawberry.type(description="A student's page: who they are, and what the reader may know of their care.")
class StudentCare:
    student: StudentSummary
    case: CareCase | None
    team: CareTeam | None
    chart: list[ChartDay]
    can_check_in: bool
    can_lead: bool


# Inputs


@strawberry.input
class CheckInInput:
    student_id: strawberry.ID
    mood: int
    status: InSchoolStatus
    signals: list[Signal] = strawberry.field(default_factory=list)
    talked: bool = False
    talk_minutes: int | None = None
    note: str | None = None
    visibility: EntryVisibility = EntryVisibility.TEAM
    occurred_at: datetime.datetime | None = None


@strawberry.input
class HomeLogInput:
    student_id: strawberry.ID
    log_date: datetime.date
    listening_minutes: int
    exercise_minutes: int
    accompaniment: Accompaniment
    sleep_hours: float | None = None
    mood: int | None = None
    screen_minutes: int | None = None
    signals: list[Signal] = strawberry.field(default_factory=list)
    note: str | None = None


@strawberry.input
class ObservationInput:
    student_id: strawberry.ID
    note: str
    signals: list[Signal] = strawberry.field(default_factory=list)
    observed_at: datetime.datetime | None = None


@strawberry.input
class OpenCaseInput:
    student_id: strawberry.ID
    level: WarningLevel
    reasons: list[CaseReason]
    summary: str | None = None
    lead_id: strawberry.ID | None = None


@strawberry.input
class PeriodInput:
    name: str
    start_minute: int
    end_minute: int


@strawberry.input
class RotaSlotInput:
    weekday: int
    period_id: strawberry.ID
    account_id: strawberry.ID


@strawberry.input
class TimelineFilter:
    kinds: list[TimelineKind] | None = None
    author_id: strawberry.ID | None = None
    since: datetime.date | None = None
    until: datetime.date | None = None
    signals_only: bool = False


CheckInResult = Annotated[CheckIn | ValidationError, strawberry.union("CheckInResult")]
HomeLogResult = Annotated[HomeLog | ValidationError, strawberry.union("HomeLogResult")]
ObservationResult = Annotated[ObservationReceipt | ValidationError, strawberry.union("ObservationResult")]
CareCaseResult = Annotated[CareCase | ValidationError, strawberry.union("CareCaseResult")]
AlertResult = Annotated[Alert | ValidationError, strawberry.union("AlertResult")]


@strawberry.type
class SchoolDay:
    periods: list[SchoolPeriod]


PeriodsResult = Annotated[SchoolDay | ValidationError, strawberry.union("PeriodsResult")]
RotaResult = Annotated[Rota | ValidationError, strawberry.union("RotaResult")]
CareTeamResult = Annotated[CareTeam | ValidationError, strawberry.union("CareTeamResult")]
