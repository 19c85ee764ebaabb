"""Reading care: cases, teams, the timeline, boards, a guardian's figures. Every read starts
from a scope in shouhu.access; a student outside the reader's relations is simply not found."""

from __future__ import annotations

from collections import defaultdict
from uuid import UUID

import strawberry

from shouhu.access import scopes
from shouhu.access.errors import NotFound
from shouhu.api.care.types import (
    Alert,
    AlertConnection,
    BoardConnection,
    BoardRow,
    CareCase,
    CareTeam,
    CaseChange,
    ChartDay,
    CheckIn,
    CounsellingConclusion,
    HomeLog,
    HomeLogStats,
    Adherence,
    MyStudents,
    Observation,
    Person,
    Rota,
    RotaAssignment,
    RotaGap,
    RotaItem,
    SchoolPeriod,
    StudentCare,
    StudentSummary,
    TimelineConnection,
    TimelineEntry,
    TimelineFilter,
    TimelineKind,
    care_team,
    class_label as _class_label,
    student_summary,
)
from shouhu.api.context import Info
from shouhu.api.errors import BadInput, query_input
from shouhu.api.ids import query_id
from shouhu.api.pagination import PageInfo, decode_cursor, encode_cursor, paginate
from shouhu.api.permissions import IsAuthenticated
from shouhu.care import boards
from shouhu.entries import stats
from shouhu.schools import calendar
from shouhu.timeline.models import EventKind

signed_in = [IsAuthenticated]


async def _student(info: Info, student_id: strawberry.ID) -> StudentSummary:
    found = await student_summary(info, query_id(student_id))  # through visible_students
    if found is None:
        raise NotFound()
    return found


def _audit(info: Info, school_id: UUID, student_id: UUID, what: str) -> None:
    info.context.audit.read("student", [(school_id, student_id)], what)


async def _items(info: Info, events: list) -> dict[UUID, object]:
    """The entries behind a page of events: one scoped query per kind on the page."""
    p = info.context.principal
    wanted: dict[EventKind, list[UUID]] = defaultdict(list)
    for event in events:
        wanted[EventKind(event.kind)].append(event.entry_id)
    found: dict[UUID, object] = {}
    sources = {
        EventKind.CHECK_IN: (scopes.visible_check_ins, CheckIn.of),
        EventKind.HOME_LOG: (scopes.visible_home_logs, HomeLog.of),
        EventKind.OBSERVATION: (scopes.visible_observations, Observation.of),
        EventKind.CASE_CHANGE: (scopes.visible_case_changes, CaseChange.of),
        EventKind.ALERT: (scopes.visible_timeline_alerts, Alert.of),
        EventKind.COUNSELLING: (scopes.visible_conclusions, CounsellingConclusion.of),
    }
    for kind, ids in wanted.items():
        scope, wrap = sources[kind]
        for row in await scope(p).filter(id__in=ids):
            found[row.id] = wrap(row)
    return found


def _board_page(info: Info, rows: list, first: int, after: str | None) -> BoardConnection:
    """Boards are sorted by need, computed per request: the cursor is a position."""
    if first < 1:
        raise BadInput("pagination.bad_first", max=100)
    start = 0
    if after:
        values = decode_cursor(after, 2)
        if not isinstance(values[0], int) or values[0] < 0:
            raise BadInput("pagination.bad_cursor")
        start = values[0]
    page = rows[start : start + min(first, 100)]
    end = start + len(page)
    return BoardConnection(
        nodes=[BoardRow.of(info, row) for row in page],
        page_info=PageInfo(has_next_page=end < len(rows),
                           end_cursor=encode_cursor([end, UUID(int=0)]) if page else None),
        total=len(rows),
    )


@strawberry.type
class CareQueries:
    @strawberry.field(permission_classes=signed_in, description="A student's care case; null when the reader may not see it.")
    async def care_case(self, info: Info, student_id: strawberry.ID) -> CareCase | None:
        row = await scopes.visible_cases(info.context.principal).get_or_none(student_id=query_id(student_id))
        if row is None:
            return None
        _audit(info, row.school_id, row.student_id, "care_case")
        return CareCase.of(row)

    @strawberry.field(permission_classes=signed_in, description="A student's care team: for the team and the guardians.")
    async def care_team(self, info: Info, student_id: strawberry.ID) -> CareTeam | None:
        p = info.context.principal
        wanted = query_id(student_id)
        row = await scopes.visible_cases(p).get_or_none(student_id=wanted) or await scopes.family_cases(
            p
        ).get_or_none(student_id=wanted)
        if row is None:
            return None
        _audit(info, row.school_id, row.student_id, "care_team")
        student = await student_summary(info, row.student_id)
        return await care_team(info, row, student) if student else None

    @strawberry.field(permission_classes=signed_in)
    async def student_care(self, info: Info, student_id: strawberry.ID) -> StudentCare:
        """The student page: raises NOT_FOUND outside the reader's relations (and for the student)."""
        p = info.context.principal
        wanted = query_id(student_id)
        if wanted == p.student_id:
            raise NotFound()
        student = await _student(info, student_id)
        case = await scopes.visible_cases(p).get_or_none(student_id=wanted)
        family = None if case else await scopes.family_cases(p).get_or_none(student_id=wanted)
        shown = case or family
        days = await stats.chart(p, wanted)
        school_id = (case or family).school_id if shown else p.school_id
        if school_id:
            _audit(info, school_id, wanted, "student_care")
        led = bool(case) and await scopes.led_cases(p).filter(id=case.id).exists()
        return StudentCare(
            student=student,
            case=CareCase.of(case) if case else None,
            team=await care_team(info, shown, student) if shown else None,
            chart=[ChartDay(date=d.date, mentor_mood=d.mentor_mood, home_mood=d.home_mood,
                            listening_met=d.listening_met, exercise_met=d.exercise_met) for d in days],
            can_check_in=bool(case) and case.status in boards.OPEN_STATUSES,
            can_lead=led,
        )

    @strawberry.field(permission_classes=signed_in, description="One check-in, for its author to amend or a reader to open; null where the reader may not see it.")
    async def check_in(self, info: Info, id: strawberry.ID) -> CheckIn | None:
        row = await scopes.visible_check_ins(info.context.principal).get_or_none(id=query_id(id))
        if row is None:
            return None
        _audit(info, row.school_id, row.student_id, "check_in")
        return CheckIn.of(row)

    @strawberry.field(permission_classes=signed_in, description="One student's entries and changes, newest first.")
    async def timeline(
        self,
        info: Info,
        student_id: strawberry.ID,
        first: int = 20,
        after: str | None = None,
        filter: TimelineFilter | None = None,
    ) -> TimelineConnection:
        p = info.context.principal
        wanted = query_id(student_id)
        student = await scopes.visible_students(p).get_or_none(id=wanted)
        if student is None or wanted == p.student_id:
            raise NotFound()
        query = scopes.visible_timeline(p).filter(student_id=wanted)
        if filter:
            if filter.kinds:
                query = query.filter(kind__in=[k.value for k in filter.kinds])
            if filter.author_id:
                query = query.filter(author_id=query_id(filter.author_id))
            if filter.since or filter.until:
                zone = await calendar.school_zone_name(student.school_id)
                with query_input():  # from the first instant of `since` to the last of `until`, school time
                    if filter.since:
                        query = query.filter(occurred_at__gte=calendar.asked_window(filter.since, 1, zone, 1)[0])
                    if filter.until:
                        query = query.filter(occurred_at__lt=calendar.asked_window(filter.until, 1, zone, 1)[1])
            if filter.signals_only:
                query = query.filter(has_signal=True)
        events, page = await paginate(query, ("-occurred_at", "-id"), first, after)
        items = await _items(info, events)
        _audit(info, student.school_id, student.id, "timeline")
        nodes = [
            TimelineEntry(id=strawberry.ID(str(e.id)), kind=TimelineKind(str(e.kind)), occurred_at=e.occurred_at,
                          has_signal=e.has_signal, item=items[e.entry_id])
            for e in events
            if e.entry_id in items
        ]
        return TimelineConnection(nodes=nodes, page_info=page)

    @strawberry.field(permission_classes=signed_in, description="Open cases of one class, most in need first.")
    async def class_board(self, info: Info, class_id: strawberry.ID) -> list[BoardRow]:
        rows = await boards.class_board(info.context.principal, query_id(class_id))
        if rows is None:
            raise NotFound()
        info.context.audit.read("student", [(r.case.school_id, r.case.student_id) for r in rows], "class_board")
        return [BoardRow.of(info, row) for row in rows]

    @strawberry.field(permission_classes=signed_in, description="Open cases of the school (counsellors, leadership).")
    async def school_board(self, info: Info, first: int = 50, after: str | None = None) -> BoardConnection:
        rows = await boards.school_board(info.context.principal)
        result = _board_page(info, rows, first, after)
        shown = rows[: len(result.nodes)] if not after else []
        info.context.audit.read("student", [(r.case.school_id, r.case.student_id) for r in shown], "school_board")
        return result

    @strawberry.field(permission_classes=signed_in, description="A mentor's students today, today's rota and its gaps.")
    async def my_students(self, info: Info) -> MyStudents:
        day = await boards.my_day(info.context.principal)
        info.context.audit.read("student", [(r.case.school_id, r.case.student_id) for r in day.students], "my_students")
        return MyStudents(
            date=day.date,
            students=[BoardRow.of(info, row) for row in day.students],
            rota=[RotaItem(period_name=r.period_name, start_minute=r.start_minute, end_minute=r.end_minute,
                           student=StudentSummary(id=strawberry.ID(str(r.student_id)), name=r.student_name,
                                                  class_name=None))
                  for r in day.rota],
            gaps=[RotaGap(period_name=g.period_name, start_minute=g.start_minute, student_name=g.student_name,
                          case_id=strawberry.ID(str(g.case_id))) for g in day.gaps],
        )

    @strawberry.field(permission_classes=signed_in, description="Crisis alerts the reader handles, newest first.")
    async def alerts(
        self, info: Info, open_only: bool = True, first: int = 20, after: str | None = None
    ) -> AlertConnection:
        query = scopes.visible_alerts(info.context.principal)
        if open_only:
            query = query.filter(acknowledged_at__isnull=True)
        rows, page = await paginate(query, ("-raised_at", "-id"), first, after)
        info.context.audit.read("student", [(r.school_id, r.student_id) for r in rows], "alerts")
        return AlertConnection(nodes=[Alert.of(r) for r in rows], page_info=page)

    @strawberry.field(permission_classes=signed_in, description="A guardian's streak and 15/60 targets for one child.")
    async def home_log_stats(self, info: Info, student_id: strawberry.ID) -> HomeLogStats | None:
        figures = await stats.home_log_stats(info.context.principal, query_id(student_id))
        if figures is None:
            return None

        def adherence(a: stats.Adherence) -> Adherence:
            return Adherence(days=a.days, logged=a.logged, listening_met=a.listening_met, exercise_met=a.exercise_met)

        return HomeLogStats(today=figures.today, logged_today=figures.logged_today, streak=figures.streak,
                            last7=adherence(figures.last_7), last30=adherence(figures.last_30))

    @strawberry.field(permission_classes=signed_in, description="The periods of the school day.")
    async def school_periods(self, info: Info) -> list[SchoolPeriod]:
        p = info.context.principal
        rows = await scopes.visible_periods(p).filter(school_id=p.school_id).order_by("position")
        return [SchoolPeriod.of(row) for row in rows]

    @strawberry.field(permission_classes=signed_in, description="A case's week rota (the team and its lead).")
    async def rota(self, info: Info, case_id: strawberry.ID) -> Rota | None:
        p = info.context.principal
        case = await scopes.visible_cases(p).select_related("school").get_or_none(id=query_id(case_id))
        if case is None:
            return None
        periods = await scopes.visible_periods(p).filter(school_id=case.school_id).order_by("position")
        rows = await scopes.visible_rota(p).filter(case_id=case.id).select_related("account").order_by("weekday")
        return Rota(
            case_id=strawberry.ID(str(case.id)),
            periods=[SchoolPeriod.of(row) for row in periods],
            school_days=list(case.school.school_days),
            assignments=[RotaAssignment(weekday=r.weekday, period_id=strawberry.ID(str(r.period_id)),
                                        person=Person(id=strawberry.ID(str(r.account_id)),
                                                      display_name=r.account.display_name, phone=r.account.phone))
                         for r in rows],
        )

    @strawberry.field(permission_classes=signed_in, description="Students the reader may report an observation about or open a case for, by name: any student of the school for staff, their children for guardians.")
    async def observable_students(self, info: Info, search: str | None = None, first: int = 20) -> list[StudentSummary]:
        query = scopes.observable_students(info.context.principal).select_related("school_class")
        if term := (search or "").strip()[:50]:
            query = query.filter(name__icontains=term)
        rows = await query.order_by("name", "id").limit(min(max(first, 1), 50))
        info.context.audit.read("student", [(r.school_id, r.id) for r in rows], "observable_students")
        return [StudentSummary(id=strawberry.ID(str(r.id)), name=r.name, class_name=_class_label(info, r)) for r in rows]

    @strawberry.field(permission_classes=signed_in, description="Staff a team manager may add to a team.")
    async def team_candidates(self, info: Info, search: str | None = None, first: int = 20) -> list[Person]:
        p = info.context.principal
        if not (p.school_wide_of or p.class_teacher_of or p.lead_of):
            return []
        query = scopes.team_candidates(p)
        if term := (search or "").strip()[:50]:
            query = query.filter(display_name__icontains=term)
        rows = await query.order_by("display_name", "id").limit(min(max(first, 1), 100))
        return [Person(id=strawberry.ID(str(r.id)), display_name=r.display_name, phone=r.phone) for r in rows]
