"""Device cookies: a browser that has signed in to an account before is known to it.

After each successful sign-in the server sets a long-lived cookie naming an opaque device id and
the account it was issued for, signed with the secret key: `<device>.<account>.<signature>`. No
login name or other personal data is in it. A sign-in attempt that presents a valid cookie for the
account being tried is held to that device's own budget instead of the locks that other people's
failures put on the account and on the network address (OWASP's "device cookies" against
lockout). A stolen or leaked cookie is no free pass: its failures lock that device.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from uuid import UUID

from shouhu.settings import get_settings

DEVICE_DAYS = 365  # renewed on each sign-in: a phone used once a term stays known
MAX_LENGTH = 200


@dataclass(frozen=True)
class Device:
    id: str
    account_id: UUID


def _signature(payload: str) -> str:
    # A key of its own, derived from the secret key, so that no other keyed hash in the app
    # (invitation codes) can ever stand in for a device signature.
    key = hmac.new(get_settings().secret_key.encode(), b"shouhu device cookie", hashlib.sha256).digest()
    digest = hmac.new(key, payload.encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def _token(device_id: str, account_id: UUID) -> str:
    payload = f"{device_id}.{account_id.hex}"
    return f"{payload}.{_signature(payload)}"


def read(token: str | None) -> Device | None:
    """The device a cookie names, if the server signed it; None for anything else."""
    if not token or len(token) > MAX_LENGTH or token.count(".") != 2:
        return None
    device_id, account_hex, signature = token.split(".")
    if not hmac.compare_digest(signature, _signature(f"{device_id}.{account_hex}")):
        return None
    try:
        return Device(device_id, UUID(hex=account_hex))
    except ValueError:
        return None


def trusted_for(token: str | None, account_id: UUID | None) -> Device | None:
    """The device, if its cookie is valid and was issued for this account."""
    device = read(token)
    return device if device is not None and account_id is not None and device.account_id == account_id else None


def issue(account_id: UUID, previous: str | None) -> str:
    """The cookie to set after a sign-in: the same device id if this browser already had one
    for the account (its failures stay on record), a new one otherwise."""
    device = trusted_for(previous, account_id)
    return _token(device.id if device else secrets.token_urlsafe(16), account_id)
