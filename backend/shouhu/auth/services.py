"""Use cases of signing in: login, logout, activation by invitation code, password change."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import timedelta

from tortoise.transactions import in_transaction

from shouhu.accounts.models import Account, Invitation
from shouhu.auth import devices, throttle
from shouhu.auth.passwords import hash_password, password_problem, verify_password
from shouhu.auth.sessions import end_other_sessions
from shouhu.clock import utcnow
from shouhu.errors import Invalid
from shouhu.settings import get_settings

# No 0/O, 1/I/L: codes are read aloud and typed on phones.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 12


def _normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def code_hash(code: str) -> str:
    # Keyed, so a copy of the database alone cannot be used to brute-force open codes.
    key = get_settings().secret_key.encode()
    return hmac.new(key, _normalise_code(code).encode(), hashlib.sha256).hexdigest()


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


async def authenticate(login: str, password: str, address: str, device_token: str | None = None) -> Account | None:
    """The account, or None for every kind of failure (one generic message for all).

    A browser holding a device cookie for this very account is checked against that device's
    own record only; any other attempt against the account name and the network address."""
    now = utcnow()
    account = await Account.get_or_none(login=login.strip().lower()[:64])
    device = devices.trusted_for(device_token, account.id if account else None)
    if device is not None:
        checks = [throttle.device_check(device.id)]
    else:
        checks = [throttle.account_check(login), throttle.address_check(address)]
    if not await throttle.attempt(checks, now):
        await verify_password(None, password)  # same cost as a real attempt
        return None
    usable = account is not None and account.is_active
    ok, needs_rehash = await verify_password(account.password_hash if usable else None, password)
    if not ok or account is None:
        return None  # the failure was counted by `attempt`
    await throttle.succeeded(checks, utcnow())
    if needs_rehash:
        account.password_hash = await hash_password(password)
        await Account.filter(id=account.id).update(password_hash=account.password_hash)
    return account


async def issue_invitation(account: Account, issued_by: Account | None) -> tuple[str, Invitation]:
    """A fresh code for the account; earlier open codes of the account stop working."""
    if not account.is_active:
        raise Invalid("invitation.account_inactive", field="accountId")
    now = utcnow()
    code = new_code()
    async with in_transaction():
        await Invitation.filter(account_id=account.id, used_at=None).update(used_at=now)
        invitation = await Invitation.create(
            school_id=account.school_id,
            account=account,
            code_hash=code_hash(code),
            created_by=issued_by,
            created_at=now,
            expires_at=now + timedelta(days=get_settings().invitation_days),
        )
    return code, invitation


async def activate(code: str, password: str, address: str) -> Account:
    """Set the person's own password with a one-time code. A weak password does not use up the code."""
    now = utcnow()
    checks = [throttle.activation_check(address)]
    if not await throttle.attempt(checks, now):
        raise Invalid("invitation.throttled", field="code")
    invitation = await Invitation.get_or_none(code_hash=code_hash(code[:64])).select_related("account")
    if (
        invitation is None
        or invitation.used_at is not None
        or invitation.expires_at <= now
        or not invitation.account.is_active
    ):
        raise Invalid("invitation.invalid", field="code")  # the failure was counted by `attempt`
    await throttle.succeeded(checks, utcnow())  # only wrong codes count; a weak password is no guess
    account = invitation.account
    problem = password_problem(password, account.login)
    if problem:
        raise Invalid(problem[0], field="password", **problem[1])
    password_hash = await hash_password(password)
    async with in_transaction():
        claimed = await Invitation.filter(id=invitation.id, used_at=None).update(used_at=now)
        if not claimed:  # the same code, used a moment ago by another request
            raise Invalid("invitation.invalid", field="code")
        await Account.filter(id=account.id).update(password_hash=password_hash, password_changed_at=now)
    await end_other_sessions(account.id, keep=None)
    account.password_hash = password_hash
    return account


async def change_password(account: Account, current: str, new: str, keep_session) -> None:
    ok, _ = await verify_password(account.password_hash, current)
    if not ok:
        raise Invalid("auth.wrong_current_password", field="currentPassword")
    problem = password_problem(new, account.login)
    if problem:
        raise Invalid(problem[0], field="newPassword", **problem[1])
    password_hash = await hash_password(new)
    await Account.filter(id=account.id).update(password_hash=password_hash, password_changed_at=utcnow())
    await end_other_sessions(account.id, keep=keep_session)


async def remember_locale(account: Account, locale: str) -> None:
    """The app's language is the person's language: reminders pushed later are written in it."""
    if account.locale != locale:
        await Account.filter(id=account.id).update(locale=locale)
        account.locale = locale
