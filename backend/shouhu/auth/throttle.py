"""Throttling of sign-in and activation attempts, persisted so that every app process agrees.

Each attempt names the keys it is checked against: the account name and the network address for
a browser the server does not know, the device for one that signed in to that account before
(`shouhu.auth.devices`), the address for an activation code. The numbers, and why:

- An account (and a device): 5 free failures, then a lock of 1 minute doubling up to an hour;
  failures fade at one an hour. A person's typos are forgotten by the next day; someone guessing
  one account gets about 24 tries a day, as before.
- A network address: a budget of 100 failures, refilled at 100 per 15 minutes; in any stretch of
  time it lets through 100 failures plus one per 9 s (200 in 15 minutes, 500 in an hour). A
  school's staff share one NAT address: 200 people mistyping now and then bring a few dozen
  failures a day, nowhere near it, and most sign-ins come from known devices, which do not touch
  it at all. A script trying hundreds of passwords in minutes runs out within a minute or two and
  stays locked while it keeps trying; the lock lifts 15 minutes after it stops. A school whose
  address is locked keeps working on its staff's known phones and computers.
- Activation codes (12 characters of 31, ~59 bits) cannot be guessed at any rate a budget
  allows; the address budget only stops a flood, and a hall of staff activating at once fits it.

The failure is counted *before* the password is checked, in one short transaction with the rows
locked (`SELECT … FOR UPDATE` on PostgreSQL, one writer at a time on SQLite): a burst of
concurrent attempts therefore cannot all pass the check before any of them is counted, and no
update is lost. A success then undoes the advance count.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass
from datetime import datetime, timedelta

from tortoise.transactions import in_transaction

from shouhu.accounts.models import LoginThrottle
from shouhu.auth import decay
from shouhu.auth.decay import Rule, State

ACCOUNT = Rule(free=5, fade=timedelta(hours=1), first_lock=timedelta(minutes=1), longest_lock=timedelta(hours=1))
DEVICE = ACCOUNT
ADDRESS = Rule(free=100, fade=timedelta(minutes=15) / 100)
ACTIVATION = ADDRESS


@dataclass(frozen=True)
class Check:
    key: str
    rule: Rule


def account_check(login: str) -> Check:
    return Check(f"login:{login.strip().lower()[:150]}", ACCOUNT)


def network_of(address: str) -> str:
    """The address an attempt is counted against. An IPv6 subscriber usually holds a whole /64
    and could step through it: the /64 counts as one address."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return address[:150]
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.ip_network(f"{ip}/64", strict=False))
    return str(ip)


def address_check(address: str) -> Check:
    return Check(f"addr:{network_of(address)}", ADDRESS)


def device_check(device_id: str) -> Check:
    return Check(f"device:{device_id[:150]}", DEVICE)


def activation_check(address: str) -> Check:
    return Check(f"activate:{network_of(address)}", ACTIVATION)


def _state(row: LoginThrottle) -> State:
    return State(row.level, row.updated_at, row.locked_until)


async def _write(row: LoginThrottle, state: State, rule: Rule, connection) -> None:
    await LoginThrottle.filter(key=row.key).using_db(connection).update(
        level=state.level, updated_at=state.at, locked_until=state.locked_until,
        forget_at=decay.forget_at(state, rule),
    )


async def _locked_rows(checks: list[Check], now: datetime, connection, create: bool) -> dict[str, LoginThrottle]:
    """The rows of the keys (created if missing, when asked), locked until the transaction ends.
    Every process takes the locks in key order, so two attempts never wait for each other in a
    circle."""
    keys = sorted({check.key for check in checks})
    if create:
        await LoginThrottle.bulk_create(
            [LoginThrottle(key=key, level=0, updated_at=now, forget_at=now) for key in keys],
            ignore_conflicts=True, using_db=connection,
        )
    rows = await LoginThrottle.filter(key__in=keys).select_for_update().order_by("key").using_db(connection)
    return {row.key: row for row in rows}


async def attempt(checks: list[Check], now: datetime) -> bool:
    """True if the attempt may go ahead: then one failure is counted on every key in advance.
    False if a key is locked: then nothing is checked, and only a budget counts the refusal."""
    async with in_transaction() as connection:
        rows = await _locked_rows(checks, now, connection, create=True)
        locked = [check for check in checks if _state(rows[check.key]).is_locked(now)]
        for check in locked or checks:
            row = rows[check.key]
            after = decay.refuse(_state(row), check.rule, now) if locked else decay.fail(_state(row), check.rule, now)
            await _write(row, after, check.rule, connection)
    return not locked


async def succeeded(checks: list[Check], now: datetime) -> None:
    """The attempt was right: a personal key (account, device) is cleared; a shared budget
    (address) only gets back the failure counted in advance, since a success proves nothing
    about the others behind the same address."""
    async with in_transaction() as connection:
        rows = await _locked_rows(checks, now, connection, create=False)
        for check in checks:
            row = rows.get(check.key)
            if row is None:  # cleared a moment ago by another right answer (a double submit)
                continue
            if check.rule.is_budget:
                await _write(row, decay.give_back(_state(row), check.rule, now), check.rule, connection)
            else:
                await LoginThrottle.filter(key=row.key).using_db(connection).delete()


async def prune(now: datetime) -> int:
    """Forget the keys with nothing left to remember. Returns how many rows went."""
    return await LoginThrottle.filter(forget_at__lt=now).delete()
