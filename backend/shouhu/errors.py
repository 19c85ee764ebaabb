"""Invalid input, raised by services and returned by the API as a typed, translated ValidationError."""

from __future__ import annotations


class Invalid(Exception):
    def __init__(self, key: str, field: str | None = None, code: str | None = None, **params: object):
        super().__init__(key)
        self.key = key
        self.field = field
        self.code = code or key.upper().replace(".", "_")
        self.params = params
