"""The one Tortoise configuration, shared by the app, the migrations and the tests."""

from __future__ import annotations

from typing import Any

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
