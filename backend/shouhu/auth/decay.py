"""The arithmetic of fading failures: pure functions of a key's state, its rule and the time.

A key (an account name, a network address, a device) remembers a *level*: how many recent
failures still count. The level leaks away at a steady rate, one failure per `rule.fade`, like
water from a bucket, so a mistake made yesterday no longer counts today, while a burst fills the
bucket faster than it drains. Two kinds of rule use the same bucket:

- a *growing lock* (per account, per device): `free` failures, then each further one locks the
  key for `first_lock`, doubling up to `longest_lock`. Attempts made while locked are refused
  without counting, so a person who retries too soon does not lengthen their own lock.
- a *budget* (per network address, where hundreds of people may share one address): the key is
  locked while `free` failures are remembered, until the level leaks below that again. Attempts
  made while locked count too (up to a ceiling), so a script that keeps trying stays locked, and
  the lock lifts at most `free × fade` after the attempts stop.

No database and no clock here: callers pass `now`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

# Floating-point leaks must not turn 5 remembered failures into 4.999999 and undo a lock.
EPSILON = 1e-9


@dataclass(frozen=True)
class Rule:
    free: int
    fade: timedelta  # how long it takes for one failure to stop counting
    first_lock: timedelta | None = None  # None: a budget rather than a growing lock
    longest_lock: timedelta | None = None

    @property
    def is_budget(self) -> bool:
        return self.first_lock is None

    @property
    def ceiling(self) -> float:
        """The highest level a budget key reaches: draining from it back under the budget takes
        exactly `free × fade`."""
        return 2 * self.free - 1


@dataclass(frozen=True)
class State:
    level: float
    at: datetime  # when `level` was computed
    locked_until: datetime | None = None

    def is_locked(self, now: datetime) -> bool:
        return self.locked_until is not None and self.locked_until > now


def level_at(state: State | None, rule: Rule, now: datetime) -> float:
    """The level left at `now` after leaking since the state was written."""
    if state is None:
        return 0.0
    elapsed = max((now - state.at) / rule.fade, 0.0)
    return max(state.level - elapsed, 0.0)


def remembered(level: float) -> int:
    """Whole failures still counting: a failure counts until it has faded out entirely."""
    return max(math.ceil(level - EPSILON), 0)


def growing_lock(count: int, rule: Rule) -> timedelta | None:
    """The lock a growing-lock rule sets when `count` failures are remembered."""
    assert rule.first_lock is not None and rule.longest_lock is not None
    if count < rule.free:
        return None
    doublings = min(count - rule.free, 30)  # 2**30 minutes is far past any longest lock
    return min(rule.first_lock * 2**doublings, rule.longest_lock)


def _budget_lock(level: float, rule: Rule, now: datetime) -> datetime | None:
    """A budget key is locked until its level leaks to `free - 1` (one more attempt allowed)."""
    excess = level - (rule.free - 1)
    if excess <= EPSILON:
        return None
    return now + rule.fade * excess


def fail(state: State | None, rule: Rule, now: datetime) -> State:
    """The state after one more counted failure."""
    level = level_at(state, rule, now) + 1
    if rule.is_budget:
        level = min(level, rule.ceiling)
        return State(level, now, _budget_lock(level, rule, now))
    lock = growing_lock(remembered(level), rule)
    return State(level, now, now + lock if lock else None)


def refuse(state: State, rule: Rule, now: datetime) -> State:
    """The state after an attempt refused because the key was locked: a budget counts it
    (a script that keeps trying stays locked); a growing lock does not."""
    if not rule.is_budget:
        return state
    return fail(state, rule, now)


def give_back(state: State, rule: Rule, now: datetime) -> State:
    """Undo the failure a budget counted in advance for an attempt that turned out right. (A
    success clears a personal key, an account's or a device's, altogether.)"""
    assert rule.is_budget
    level = max(level_at(state, rule, now) - 1, 0.0)
    return State(level, now, _budget_lock(level, rule, now))


def forget_at(state: State, rule: Rule) -> datetime:
    """When nothing of the state matters any more (level leaked to zero, lock over): the row
    may then be deleted."""
    drained = state.at + rule.fade * state.level
    return max(drained, state.locked_until) if state.locked_until else drained
