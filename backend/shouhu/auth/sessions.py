"""Server-side sessions: a random 256-bit token in an HttpOnly cookie, stored as its SHA-256."""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import datetime, timedelta
from uuid import UUID

from shouhu.accounts.models import Account, Session
from shouhu.clock import utcnow
from shouhu.settings import get_settings

# Writing last_seen_at on every request would turn each read into a write.
TOUCH_INTERVAL = timedelta(minutes=1)
# What token_urlsafe makes. A cookie of any other shape (a NUL, a lone surrogate, a quote) is no
# session: it is never hashed or looked up.
TOKEN_SHAPE = re.compile(r"[A-Za-z0-9_-]{1,128}")


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def start_session(account: Account) -> tuple[str, Session]:
    settings = get_settings()
    token = secrets.token_urlsafe(32)
    now = utcnow()
    session = await Session.create(
        token_hash=token_hash(token),
        account=account,
        created_at=now,
        last_seen_at=now,
        expires_at=now + timedelta(days=settings.session_absolute_days),
    )
    return token, session


def _expired(session: Session, now: datetime) -> bool:
    idle = timedelta(minutes=get_settings().session_idle_minutes)
    return session.expires_at <= now or session.last_seen_at + idle <= now


async def resolve_session(token: str | None) -> Session | None:
    """The live session behind a cookie token, with its account, or None."""
    if not token or not TOKEN_SHAPE.fullmatch(token):
        return None
    session = await Session.get_or_none(token_hash=token_hash(token)).select_related("account")
    if session is None:
        return None
    now = utcnow()
    account = session.account
    if _expired(session, now) or not account.is_active or not account.password_hash:
        await session.delete()
        return None
    if now - session.last_seen_at >= TOUCH_INTERVAL:
        session.last_seen_at = now
        await Session.filter(id=session.id).update(last_seen_at=now)
    return session


async def end_session(session_id: UUID) -> None:
    await Session.filter(id=session_id).delete()


async def end_other_sessions(account_id: UUID, keep: UUID | None) -> None:
    query = Session.filter(account_id=account_id)
    if keep is not None:
        query = query.exclude(id=keep)
    await query.delete()
