"""Signals observed in a student: crisis signals (危机信号) raise an alert, early signs do not."""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from shouhu.errors import Invalid


class Signal(StrEnum):
    # Crisis signals
    EMOTIONAL_OUTBURST = "emotional_outburst"  # 情绪失控
    TRUANCY = "truancy"  # 逃学旷课
    RUNNING_AWAY = "running_away"  # 离家出走
    SELF_HARM = "self_harm"  # 自伤自残
    ATTACKING_OTHERS = "attacking_others"  # 攻击他人
    SUICIDE_TALK = "suicide_talk"  # 自杀计划/言语
    # Early signs
    LOW_MOOD = "low_mood"
    WITHDRAWAL = "withdrawal"
    SLEEP_PROBLEMS = "sleep_problems"
    APPETITE_CHANGE = "appetite_change"
    GRADE_DROP = "grade_drop"
    PEER_CONFLICT = "peer_conflict"
    TEACHER_CONFLICT = "teacher_conflict"
    FAMILY_CONFLICT = "family_conflict"


CRISIS = frozenset(
    {
        Signal.EMOTIONAL_OUTBURST,
        Signal.TRUANCY,
        Signal.RUNNING_AWAY,
        Signal.SELF_HARM,
        Signal.ATTACKING_OTHERS,
        Signal.SUICIDE_TALK,
    }
)
ORDER = list(Signal)


def clean(values: Iterable[str] | None, field: str = "signals") -> list[str]:
    """Known signals, each once, in catalogue order."""
    chosen = set()
    for value in values or []:
        try:
            chosen.add(Signal(value))
        except ValueError as exc:
            raise Invalid("signal.unknown", field=field) from exc
    return [signal.value for signal in ORDER if signal in chosen]


def crisis_in(values: Iterable[str]) -> list[str]:
    return [value for value in values if value in CRISIS]
