"""Figures over entries: a parent's streak and 15/60 targets, a student's 30-day chart."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from uuid import UUID

from shouhu.access import scopes
from shouhu.access.principal import Principal
from shouhu.schools import calendar
from shouhu.schools.models import School

LISTENING_TARGET = 15  # 倾听一刻钟
EXERCISE_TARGET = 60  # 运动一小时


@dataclass
class Adherence:
    days: int
    logged: int
    listening_met: int
    exercise_met: int


@dataclass
class HomeLogStats:
    today: date  # the evening tonight's log is for (calendar.this_evening), not the calendar's today
    logged_today: bool
    streak: int
    last_7: Adherence
    last_30: Adherence


@dataclass
class ChartDay:
    date: date
    mentor_mood: float | None
    home_mood: float | None
    listening_met: bool | None
    exercise_met: bool | None


async def _zone_of(student_id: UUID) -> str | None:
    zones = await School.filter(students__id=student_id).values_list("time_zone", flat=True)
    return zones[0] if zones else None


async def _today_for(student_id: UUID) -> date:
    return calendar.today(await _zone_of(student_id))


def _adherence(logs: dict[date, tuple[int, int]], today: date, days: int) -> Adherence:
    window = [today - timedelta(days=n) for n in range(days)]
    kept = [logs[d] for d in window if d in logs]
    return Adherence(
        days=days,
        logged=len(kept),
        listening_met=sum(1 for listening, _ in kept if listening >= LISTENING_TARGET),
        exercise_met=sum(1 for _, exercise in kept if exercise >= EXERCISE_TARGET),
    )


async def home_log_stats(principal: Principal, student_id: UUID) -> HomeLogStats | None:
    """The signed-in guardian's own logs for one child; None for anyone else. "Today" is the evening
    a log written now is for, in the school's zone: after midnight and until 05:00 that is still
    yesterday evening, so the form, "tonight's log done" and the 20:30 reminder agree."""
    if student_id not in principal.guardian_of:
        return None
    today = calendar.this_evening(await _zone_of(student_id))
    rows = await (
        scopes.visible_home_logs(principal)
        .filter(student_id=student_id, author_id=principal.account_id, log_date__gte=today - timedelta(days=400))
        .values_list("log_date", "listening_minutes", "exercise_minutes")
    )
    logs = {log_date: (listening, exercise) for log_date, listening, exercise in rows}
    # A streak still counts in the evening before tonight's log: it may start yesterday.
    day = today if today in logs else today - timedelta(days=1)
    streak = 0
    while day in logs:
        streak += 1
        day -= timedelta(days=1)
    return HomeLogStats(
        today=today,
        logged_today=today in logs,
        streak=streak,
        last_7=_adherence(logs, today, 7),
        last_30=_adherence(logs, today, 30),
    )


async def chart(principal: Principal, student_id: UUID, days: int = 30) -> list[ChartDay]:
    """Mood from mentors and from home, and the 15/60 targets, per day, oldest first; only
    from the entries the principal may read."""
    today = await _today_for(student_id)
    start = today - timedelta(days=days - 1)
    mentor: dict[date, list[int]] = defaultdict(list)
    for school_date, mood in await (
        scopes.visible_check_ins(principal)
        .filter(student_id=student_id, school_date__gte=start)
        .values_list("school_date", "mood")
    ):
        mentor[school_date].append(mood)
    home: dict[date, list[tuple[int | None, int, int]]] = defaultdict(list)
    for log_date, mood, listening, exercise in await (
        scopes.visible_home_logs(principal)
        .filter(student_id=student_id, log_date__gte=start)
        .values_list("log_date", "mood", "listening_minutes", "exercise_minutes")
    ):
        home[log_date].append((mood, listening, exercise))

    def mean(values: list[int]) -> float | None:
        return round(sum(values) / len(values), 2) if values else None

    result = []
    for n in range(days):
        day = start + timedelta(days=n)
        logs = home.get(day, [])
        result.append(
            ChartDay(
                date=day,
                mentor_mood=mean(mentor.get(day, [])),
                home_mood=mean([m for m, _, _ in logs if m is not None]),
                listening_met=any(listening >= LISTENING_TARGET for _, listening, _ in logs) if logs else None,
                exercise_met=any(exercise >= EXERCISE_TARGET for _, _, exercise in logs) if logs else None,
            )
        )
    return result
