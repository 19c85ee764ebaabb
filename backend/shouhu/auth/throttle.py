"""Login throttling with growing lockouts, persisted so that every app process agrees.

Keys are "login:<login>" (per account name, existing or not) and "addr:<client address>".
After `free` failures a key is locked for one minute, doubling with each further failure
up to an hour. A success clears the login key only: an address that guesses across many
accounts stays throttled.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F

from shouhu.accounts.models import LoginThrottle

LOGIN_FREE_FAILURES = 5
ADDRESS_FREE_FAILURES = 20
FIRST_LOCK = timedelta(minutes=1)
LONGEST_LOCK = timedelta(hours=1)


def login_key(login: str) -> str:
    return f"login:{login.strip().lower()[:150]}"


def address_key(address: str) -> str:
    return f"addr:{address[:150]}"


def lock_duration(failures: int, free: int) -> timedelta | None:
    if failures < free:
        return None
    return min(FIRST_LOCK * (2 ** (failures - free)), LONGEST_LOCK)


async def locked(keys: list[str], now: datetime) -> bool:
    return await LoginThrottle.filter(key__in=keys, locked_until__gt=now).exists()


async def record_failure(key: str, free: int, now: datetime) -> None:
    updated = await LoginThrottle.filter(key=key).update(failures=F("failures") + 1, updated_at=now)
    if not updated:
        try:
            await LoginThrottle.create(key=key, failures=1, updated_at=now)
        except IntegrityError:  # another process created it first
            await LoginThrottle.filter(key=key).update(failures=F("failures") + 1, updated_at=now)
    failures = await LoginThrottle.filter(key=key).values_list("failures", flat=True)
    duration = lock_duration(failures[0], free) if failures else None
    if duration is not None:
        await LoginThrottle.filter(key=key).update(locked_until=now + duration)


async def clear(key: str) -> None:
    await LoginThrottle.filter(key=key).delete()
