"""Expected refusals. Each carries a catalogue key and a stable code for clients."""

from __future__ import annotations


class AccessError(Exception):
    code = "FORBIDDEN"
    message_key = "auth.forbidden"


class Unauthenticated(AccessError):
    code = "UNAUTHENTICATED"
    message_key = "auth.unauthenticated"


class Forbidden(AccessError):
    code = "FORBIDDEN"
    message_key = "auth.forbidden"


class NotFound(AccessError):
    """Also used where the row exists but is outside the reader's relations: no existence oracle."""

    code = "NOT_FOUND"
    message_key = "auth.not_found"
