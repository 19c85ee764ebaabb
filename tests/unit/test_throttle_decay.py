"""The arithmetic of fading failures (shouhu.auth.decay), on fixed times: no database, no clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from shouhu.auth import decay
from shouhu.auth.decay import Rule, State
from shouhu.auth.throttle import ACCOUNT, ADDRESS, network_of

T0 = datetime(2025, 3, 3, 8, 0, tzinfo=UTC)
MINUTE = timedelta(minutes=1)


def failures(count: int, rule: Rule, start: datetime = T0, every: timedelta = timedelta(0), state: State | None = None):
    now = start
    for _ in range(count):
        state = decay.fail(state, rule, now)
        now += every
    return state


def remembered(state: State | None, rule: Rule, now: datetime) -> int:
    return decay.remembered(decay.level_at(state, rule, now))


# --- fading -------------------------------------------------------------------------------------

def test_a_failure_fades_out_at_the_rule_rate():
    state = decay.fail(None, ACCOUNT, T0)
    assert decay.level_at(state, ACCOUNT, T0 + timedelta(minutes=30)) == pytest.approx(0.5)
    assert remembered(state, ACCOUNT, T0 + timedelta(minutes=59)) == 1  # counts until wholly faded
    assert remembered(state, ACCOUNT, T0 + timedelta(hours=1)) == 0
    assert remembered(state, ACCOUNT, T0 + timedelta(days=30)) == 0  # never below zero


def test_failures_fade_one_at_a_time():
    state = failures(5, ACCOUNT)
    assert [remembered(state, ACCOUNT, T0 + timedelta(hours=h)) for h in range(6)] == [5, 4, 3, 2, 1, 0]


def test_a_clock_stepping_back_adds_nothing():
    state = failures(3, ACCOUNT)
    assert decay.level_at(state, ACCOUNT, T0 - MINUTE) == 3


def test_rounding_never_turns_five_failures_into_four():
    state = failures(5, ACCOUNT, every=timedelta(microseconds=1))
    assert state.level < 5 and decay.remembered(state.level) == 5
    assert state.is_locked(T0 + timedelta(seconds=1))


# --- growing lock (an account, a device) --------------------------------------------------------

@pytest.mark.parametrize(
    ("count", "lock"),
    [(1, None), (4, None), (5, MINUTE), (6, 2 * MINUTE), (7, 4 * MINUTE), (10, 32 * MINUTE),
     (11, timedelta(hours=1)), (500, timedelta(hours=1))],
)
def test_five_free_failures_then_a_lock_doubling_up_to_an_hour(count, lock):
    assert decay.growing_lock(count, ACCOUNT) == lock


def test_the_fifth_failure_locks_for_a_minute():
    assert not failures(4, ACCOUNT).is_locked(T0)
    state = failures(5, ACCOUNT)
    assert state.locked_until == T0 + MINUTE
    assert state.is_locked(T0 + 59 * timedelta(seconds=1)) and not state.is_locked(T0 + MINUTE)


def test_a_failure_soon_after_a_lock_locks_longer():
    state = failures(5, ACCOUNT)
    later = T0 + 61 * timedelta(seconds=1)
    assert decay.fail(state, ACCOUNT, later).locked_until == later + 2 * MINUTE


def test_after_a_quiet_while_the_same_mistake_locks_only_briefly_again():
    state = failures(5, ACCOUNT)
    next_day = T0 + timedelta(hours=24)
    assert not failures(4, ACCOUNT, start=next_day, state=state).is_locked(next_day)


def test_attempts_refused_while_locked_do_not_lengthen_a_growing_lock():
    state = failures(5, ACCOUNT)
    assert decay.refuse(state, ACCOUNT, T0 + timedelta(seconds=30)) == state


# --- budget (a network address) -----------------------------------------------------------------

def test_the_address_budget_is_100_per_15_minutes():
    assert ADDRESS.free == 100 and ADDRESS.fade * ADDRESS.free == timedelta(minutes=15)


def test_99_failures_at_once_leave_the_address_open_the_100th_locks_it():
    assert not failures(99, ADDRESS).is_locked(T0)
    state = failures(100, ADDRESS)
    assert state.is_locked(T0)
    # Locked until one failure has faded: then one more attempt is allowed.
    assert state.locked_until == T0 + ADDRESS.fade


def test_failures_at_the_refill_rate_never_lock_an_address():
    # One every 9 s around the clock: 400 an hour, 9 600 a day.
    state = failures(9600, ADDRESS, every=ADDRESS.fade)
    assert not state.is_locked(T0 + 9600 * ADDRESS.fade) and remembered(state, ADDRESS, T0 + 9600 * ADDRESS.fade) <= 1


def test_400_failures_spread_over_an_hour_leave_an_address_open():
    state = failures(400, ADDRESS, every=timedelta(hours=1) / 400)
    assert state.locked_until is None


def test_a_script_is_locked_within_two_minutes_of_starting():
    state, now = None, T0
    while not (state and state.is_locked(now)):
        state = decay.fail(state, ADDRESS, now)
        now += timedelta(milliseconds=500)  # two guesses a second
    assert now - T0 < timedelta(minutes=2)


def test_refusals_keep_a_script_locked_and_the_lock_lifts_15_minutes_after_it_stops():
    state, now = failures(100, ADDRESS), T0
    for _ in range(10_000):  # keeps trying twice a second for over an hour
        now += timedelta(milliseconds=500)
        assert state.is_locked(now)
        state = decay.refuse(state, ADDRESS, now)
    assert state.level == ADDRESS.ceiling
    assert state.locked_until == now + timedelta(minutes=15)


def test_giving_back_a_right_answer_reopens_an_address_it_had_just_locked():
    state = failures(100, ADDRESS)
    assert state.is_locked(T0)
    back = decay.give_back(state, ADDRESS, T0)
    assert back.level == 99 and not back.is_locked(T0)


def test_giving_back_never_goes_below_zero():
    assert decay.give_back(State(0.2, T0), ADDRESS, T0).level == 0


# --- forgetting ---------------------------------------------------------------------------------

def test_a_row_may_be_forgotten_once_drained_and_unlocked():
    assert decay.forget_at(failures(3, ACCOUNT), ACCOUNT) == T0 + timedelta(hours=3)
    long_lock = State(level=1, at=T0, locked_until=T0 + timedelta(hours=2))
    assert decay.forget_at(long_lock, ACCOUNT) == T0 + timedelta(hours=2)
    assert decay.forget_at(failures(100, ADDRESS), ADDRESS) == T0 + timedelta(minutes=15)


# --- which address counts -----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("address", "counted_as"),
    [("203.0.113.7", "203.0.113.7"), ("::ffff:203.0.113.7", "203.0.113.7"),
     ("2001:db8:1:2::1", "2001:db8:1:2::/64"), ("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"),
     ("unknown", "unknown")],
)
def test_an_ipv6_subscriber_counts_as_one_address_for_its_whole_64(address, counted_as):
    assert network_of(address) == counted_as
