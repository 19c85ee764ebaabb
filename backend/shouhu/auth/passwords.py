"""argon2id password hashing off the event loop, and the password rules."""

from __future__ import annotations

import asyncio
from functools import cache
from importlib.resources import files

from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerificationError

from shouhu.settings import get_settings

MIN_LENGTH = 8
MAX_LENGTH = 128

_semaphores: dict[asyncio.AbstractEventLoop, asyncio.Semaphore] = {}


@cache
def _hasher(profile: str) -> PasswordHasher:
    parameters = {
        "rfc9106_low_memory": profiles.RFC_9106_LOW_MEMORY,
        "rfc9106_high_memory": profiles.RFC_9106_HIGH_MEMORY,
        "cheapest": profiles.CHEAPEST,
    }[profile]
    return PasswordHasher.from_parameters(parameters)


def hasher() -> PasswordHasher:
    return _hasher(get_settings().password_profile)


@cache
def _dummy_hash(profile: str) -> str:
    return _hasher(profile).hash("shouhu-dummy-password-for-unknown-logins")


def _slot() -> asyncio.Semaphore:
    # Each hash holds 64 MiB and a core for ~0.1 s: bound how many run at once per process.
    loop = asyncio.get_running_loop()
    semaphore = _semaphores.get(loop)
    if semaphore is None:
        _semaphores.clear()  # a new loop (tests) makes the old semaphores useless
        semaphore = _semaphores[loop] = asyncio.Semaphore(get_settings().hash_concurrency)
    return semaphore


async def hash_password(password: str) -> str:
    async with _slot():
        return await asyncio.to_thread(hasher().hash, password)


async def verify_password(stored_hash: str | None, password: str) -> tuple[bool, bool]:
    """(matches, needs_rehash). Without a stored hash, a dummy hash is verified so that
    unknown logins take as long as known ones."""
    target = stored_hash or _dummy_hash(get_settings().password_profile)
    password = password[:MAX_LENGTH]

    def check() -> tuple[bool, bool]:
        try:
            hasher().verify(target, password)
        except (VerificationError, InvalidHashError):
            return False, False
        return stored_hash is not None, hasher().check_needs_rehash(target)

    async with _slot():
        return await asyncio.to_thread(check)


@cache
def common_passwords() -> frozenset[str]:
    text = files("shouhu.auth").joinpath("common_passwords.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines() if line.strip())


def password_problem(password: str, login: str) -> tuple[str, dict[str, int]] | None:
    """The catalogue key (and its parameters) of the first rule the password breaks."""
    if len(password) < MIN_LENGTH:
        return "password.too_short", {"min": MIN_LENGTH}
    if len(password) > MAX_LENGTH:
        return "password.too_long", {"max": MAX_LENGTH}
    lowered = password.lower()
    if login and login.lower() in lowered:
        return "password.same_as_login", {}
    if lowered in common_passwords() or len(set(lowered)) <= 2:
        return "password.too_common", {}
    return None
