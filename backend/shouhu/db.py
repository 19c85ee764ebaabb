"""The one Tortoise configuration, shared by the app, the migrations and the tests."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from typing import Any

# Tortoise's SQLite executor registers, when imported, an adapter that binds a datetime as
# `isoformat(" ")` text in the datetime's own offset. SQLite has no time type: stored times are
# text, and a bound "…+08:00" is compared character by character with rows stored "…+00:00", so
# a school-time day window loses the hours before 08:00. Import it first, so that the adapter
# below is registered after Tortoise's and replaces it for the whole process.
import tortoise.backends.sqlite.executor  # noqa: F401  (imported for its side effect)

from shouhu.settings import get_settings

APP_LABEL = "shouhu"
MODEL_MODULES = [
    "shouhu.schools.models",
    "shouhu.accounts.models",
    "shouhu.access.models",
    "shouhu.care.models",
    "shouhu.entries.models",
    "shouhu.alerts.models",
    "shouhu.timeline.models",
    "shouhu.counselling.models",
    "shouhu.notify.models",
]


def sqlite_time_text(value: datetime) -> str:
    """A datetime as SQLite receives it, for rows and for filters alike: an aware one as UTC, in the
    format Tortoise stores rows in (`isoformat(" ")`, microseconds only when not zero). All stored
    times then end in "+00:00", and comparing the text compares the instants: the fields have fixed
    widths up to the seconds, and at equal seconds "+" sorts before "." (no fraction before one)."""
    if value.utcoffset() is not None:
        value = value.astimezone(UTC)
    return value.isoformat(" ")


sqlite3.register_adapter(datetime, sqlite_time_text)


def tortoise_config(database_url: str | None = None) -> dict[str, Any]:
    url = database_url or get_settings().database_url
    return {
        "connections": {"default": url},
        "apps": {
            APP_LABEL: {
                "models": MODEL_MODULES,
                "default_connection": "default",
                "migrations": "shouhu.migrations",
            }
        },
        "use_tz": True,
        "timezone": "UTC",
    }


def sqlite_path(url: str) -> str | None:
    """The file behind a sqlite:// URL, so callers can create its folder first."""
    if url.startswith("sqlite://") and ":memory:" not in url:
        return url.removeprefix("sqlite://").split("?", 1)[0]
    return None


def __getattr__(name: str) -> Any:
    # `tortoise -c shouhu.db.TORTOISE_ORM makemigrations` reads the config lazily, so that
    # importing this module never reads the environment.
    if name == "TORTOISE_ORM":
        return tortoise_config()
    raise AttributeError(name)
