"""Small, shared input checks. Each raises Invalid with the field it concerns."""

from __future__ import annotations

import re
from datetime import date

from shouhu.errors import Invalid

LOGIN_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{2,63}$")
PHONE_RE = re.compile(r"^\+?[0-9][0-9 -]{4,18}[0-9]$")


def text(value: str | None, field: str, max_length: int, required: bool = True) -> str | None:
    cleaned = (value or "").strip()
    if not cleaned:
        if required:
            raise Invalid("field.required", field=field)
        return None
    if len(cleaned) > max_length:
        raise Invalid("field.too_long", field=field, max=max_length)
    return cleaned


def login(value: str | None, field: str = "login") -> str:
    cleaned = (value or "").strip().lower()
    if not LOGIN_RE.match(cleaned):
        raise Invalid("field.invalid_login", field=field)
    return cleaned


def phone(value: str | None, field: str = "phone") -> str | None:
    cleaned = (value or "").strip()
    if not cleaned:
        return None
    if not PHONE_RE.match(cleaned):
        raise Invalid("field.invalid_phone", field=field)
    return cleaned


def int_range(value: int, field: str, low: int, high: int) -> int:
    if not low <= value <= high:
        raise Invalid("field.out_of_range", field=field, min=low, max=high)
    return value


def past_date(value: date | None, field: str, today: date) -> date | None:
    if value is not None and (value > today or value.year < 1900):
        raise Invalid("field.invalid_date", field=field)
    return value
