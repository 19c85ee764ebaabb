"""Expected failures as GraphQL types, and bad query arguments as translated errors."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import strawberry

from shouhu.errors import Invalid
from shouhu.i18n import translate


class BadInput(Exception):
    """A query argument that cannot be used (a malformed cursor, say)."""

    code = "BAD_USER_INPUT"

    def __init__(self, key: str, **params: object):
        super().__init__(key)
        self.key = key
        self.params = params


@strawberry.type(description="An expected failure: a translated message, the input field it concerns, and a stable code.")
class ValidationError:
    message: str
    field: str | None
    code: str

    @classmethod
    def of(cls, error: Invalid, locale: str) -> ValidationError:
        return cls(message=translate(error.key, locale, **error.params), field=error.field, code=error.code)


T = TypeVar("T")


async def attempt(locale: str, action: Callable[[], Awaitable[T]]) -> T | ValidationError:
    """Run a mutation's work; invalid input becomes a translated ValidationError."""
    try:
        return await action()
    except Invalid as error:
        return ValidationError.of(error, locale)


@contextmanager
def query_input() -> Iterator[None]:
    """In a query, invalid arguments fail the field (a query has no result union to carry them)."""
    try:
        yield
    except Invalid as error:
        raise BadInput(error.key, **error.params) from error
