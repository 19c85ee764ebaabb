"""What each role sees first: a mentor's students today, the class board, the school board.

A fixed number of queries whatever the number of cases, team members or entries.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from uuid import UUID

from shouhu.access import scopes
from shouhu.access.principal import Principal
from shouhu.care.models import CareCase, CaseStatus, WarningLevel
from shouhu.schools import calendar
from shouhu.schools.models import School

OPEN_STATUSES = [CaseStatus.ACTIVE, CaseStatus.ON_LEAVE]
LEVEL_WEIGHT = {WarningLevel.SEVERE: 3, WarningLevel.FOCUS: 2, WarningLevel.WATCH: 1}
MOOD_WINDOW = timedelta(days=7)


@dataclass
class Person:
    id: UUID
    name: str


@dataclass
class BoardRow:
    case: CareCase
    check_ins_today: int = 0
    checked_in: list[Person] = field(default_factory=list)
    not_checked_in: list[Person] = field(default_factory=list)
    my_check_ins_today: int = 0
    latest_mood: int | None = None
    latest_mood_at: datetime | None = None
    last_home_log_date: date | None = None
    last_home_mood: int | None = None
    last_listening_minutes: int | None = None
    last_exercise_minutes: int | None = None
    open_alerts: int = 0

    @property
    def attention(self) -> tuple:
        """Most in need first: open alerts, level, no check-in today, low mood, then by name."""
        return (
            -self.open_alerts,
            -LEVEL_WEIGHT.get(self.case.level, 0),
            self.check_ins_today > 0,
            self.latest_mood if self.latest_mood is not None else 3,
            self.case.student.name,
        )


@dataclass
class RotaItem:
    period_id: UUID
    period_name: str
    start_minute: int
    end_minute: int
    student_id: UUID
    student_name: str
    case_id: UUID


@dataclass
class RotaGap:
    period_name: str
    start_minute: int
    student_name: str
    case_id: UUID


@dataclass
class MyDay:
    date: date
    students: list[BoardRow]
    rota: list[RotaItem]
    gaps: list[RotaGap]


async def _rows(principal: Principal, cases: list[CareCase], today: date) -> list[BoardRow]:
    """Fill the board rows of `cases`: five queries, whatever their number."""
    if not cases:
        return []
    rows = {case.id: BoardRow(case=case) for case in cases}
    by_student = {case.student_id: rows[case.id] for case in cases}
    ids = list(rows)

    members: dict[UUID, set[UUID]] = defaultdict(set)
    for case in cases:
        if case.lead_id:
            members[case.id].add(case.lead_id)
    team = await scopes.visible_team_members(principal).filter(case_id__in=ids).values_list("case_id", "account_id")
    for case_id, account_id in team:
        members[case_id].add(account_id)

    recent = await (
        scopes.visible_check_ins(principal)
        .filter(case_id__in=ids, school_date__gte=today - MOOD_WINDOW)
        .order_by("occurred_at")
        .values_list("case_id", "author_id", "mood", "occurred_at", "school_date")
    )
    authors_today: dict[UUID, set[UUID]] = defaultdict(set)
    for case_id, author_id, mood, occurred_at, school_date in recent:
        row = rows[case_id]
        row.latest_mood, row.latest_mood_at = mood, occurred_at
        if school_date == today:
            row.check_ins_today += 1
            authors_today[case_id].add(author_id)
            if author_id == principal.account_id:
                row.my_check_ins_today += 1

    logs = await (
        scopes.visible_home_logs(principal)
        .filter(student_id__in=list(by_student), log_date__gte=today - timedelta(days=30))
        .order_by("log_date", "created_at")
        .values_list("student_id", "log_date", "mood", "listening_minutes", "exercise_minutes")
    )
    for student_id, log_date, mood, listening, exercise in logs:
        row = by_student[student_id]
        row.last_home_log_date, row.last_home_mood = log_date, mood
        row.last_listening_minutes, row.last_exercise_minutes = listening, exercise

    alerts = await (
        scopes.visible_alerts(principal)
        .filter(student_id__in=list(by_student), acknowledged_at__isnull=True)
        .values_list("student_id", flat=True)
    )
    for student_id in alerts:
        by_student[student_id].open_alerts += 1

    people = set().union(*members.values(), *authors_today.values()) if members or authors_today else set()
    names = dict(await scopes.team_candidates(principal).filter(id__in=list(people)).values_list("id", "display_name"))
    for case_id, row in rows.items():
        done = authors_today.get(case_id, set())
        row.checked_in = sorted((Person(a, names.get(a, "")) for a in done), key=lambda p: p.name)
        row.not_checked_in = sorted(
            (Person(a, names.get(a, "")) for a in members.get(case_id, set()) - done), key=lambda p: p.name
        )
    return sorted(rows.values(), key=lambda row: row.attention)


def _open_cases(principal: Principal):
    return (
        scopes.visible_cases(principal)
        .filter(status__in=OPEN_STATUSES)
        .select_related("student", "student__school_class")
    )


async def class_board(principal: Principal, class_id: UUID) -> list[BoardRow] | None:
    """Every open case of one class, most in need first. None when the class is not the principal's."""
    school_class = await scopes.visible_classes(principal).get_or_none(id=class_id)
    if school_class is None:
        return None
    today = await calendar.school_today(school_class.school_id)
    cases = await _open_cases(principal).filter(student__school_class_id=class_id)
    return await _rows(principal, cases, today)


async def school_board(principal: Principal) -> list[BoardRow]:
    """Every open case of the principal's school, for counsellors and leadership."""
    if principal.school_id not in principal.school_wide_of:
        return []
    today = await calendar.school_today(principal.school_id)
    cases = await _open_cases(principal).filter(school_id=principal.school_id)
    return await _rows(principal, cases, today)


async def my_day(principal: Principal) -> MyDay:
    """A mentor's students (cases they lead or are a member of), today's rota and its gaps."""
    today = await calendar.school_today(principal.school_id)
    case_ids = list(principal.lead_of | set(principal.member_of))
    cases = await _open_cases(principal).filter(id__in=case_ids) if case_ids else []
    rows = await _rows(principal, cases, today)
    weekday = today.isoweekday()
    open_ids = [case.id for case in cases]
    rota: list[RotaItem] = []
    gaps: list[RotaGap] = []
    if open_ids:
        assigned = await (
            scopes.visible_rota(principal)
            .filter(case_id__in=open_ids, weekday=weekday)
            .select_related("period", "case__student")
        )
        for item in assigned:
            if item.account_id == principal.account_id:
                rota.append(RotaItem(item.period_id, item.period.name, item.period.start_minute,
                                     item.period.end_minute, item.case.student_id, item.case.student.name, item.case_id))
        school_days = await School.filter(id=principal.school_id).values_list("school_days", flat=True)
        if school_days and weekday in (school_days[0] or []):
            periods = await scopes.visible_periods(principal).filter(school_id=principal.school_id).order_by("position")
            covered = {(item.case_id, item.period_id) for item in assigned}
            for case in cases:
                if case.id in principal.lead_of:
                    gaps.extend(RotaGap(p.name, p.start_minute, case.student.name, case.id)
                                for p in periods if (case.id, p.id) not in covered)
    rota.sort(key=lambda item: (item.start_minute, item.student_name))
    return MyDay(date=today, students=rows, rota=rota, gaps=gaps)
