"""Parsing client-sent ids. A malformed id is the same as an unknown one."""

from __future__ import annotations

from uuid import UUID

from shouhu.api.errors import BadInput
from shouhu.errors import Invalid


def parse_id(value: str | None, field: str, unknown_key: str) -> UUID | None:
    """For mutation input: a bad id is a ValidationError on its field."""
    if value is None:
        return None
    try:
        return UUID(str(value))
    except ValueError as exc:
        raise Invalid(unknown_key, field=field) from exc


def query_id(value: str | None) -> UUID | None:
    """For query arguments: a bad id is a translated request error."""
    if value is None:
        return None
    try:
        return UUID(str(value))
    except ValueError as exc:
        raise BadInput("field.invalid_id") from exc


def required_id(value: str | None, field: str, unknown_key: str) -> UUID:
    """For a mutation's required id: missing or malformed is a ValidationError on its field."""
    parsed = parse_id(value, field, unknown_key)
    if parsed is None:
        raise Invalid(unknown_key, field=field)
    return parsed
