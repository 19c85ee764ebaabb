"""The one source of "now", so tests can move time (session expiry, lockouts, invitations)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

_offset = timedelta(0)


def utcnow() -> datetime:
    return datetime.now(UTC) + _offset


def travel(by: timedelta) -> None:
    """Move the clock forward (tests only)."""
    global _offset
    _offset += by


def reset() -> None:
    global _offset
    _offset = timedelta(0)


def travel_to(moment: datetime) -> None:
    """Set the clock to about `moment` (tests only); it keeps running from there."""
    global _offset
    _offset = moment - datetime.now(UTC)
