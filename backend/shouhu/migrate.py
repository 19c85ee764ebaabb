"""Applying Tortoise's built-in migrations, and checking that none is missing."""

from __future__ import annotations

from pathlib import Path

from tortoise import Tortoise
from tortoise.context import TortoiseContext
from tortoise.migrations.api import migrate as tortoise_migrate
from tortoise.migrations.autodetector import MigrationAutodetector

from shouhu.db import APP_LABEL, sqlite_path, tortoise_config


async def apply_migrations(database_url: str, quiet: bool = False) -> list[str]:
    """Apply every pending migration; returns the names applied."""
    path = sqlite_path(database_url)
    if path:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    config = tortoise_config(database_url)
    applied: list[str] = []

    def progress(event: str, app_label: str, name: str) -> None:
        if event == "apply_done":
            applied.append(f"{app_label}.{name}")
            if not quiet:
                print(f"  applied {app_label}.{name}")

    async with TortoiseContext():
        await tortoise_migrate(config=config, progress=progress)
        await Tortoise.close_connections()
    return applied


async def pending_model_changes(database_url: str = "sqlite://:memory:") -> list[str]:
    """Names of the migrations `makemigrations` would write now: empty when the models and
    the migration files agree."""
    config = tortoise_config(database_url)
    async with TortoiseContext() as ctx:
        await ctx.init(config=config)
        detector = MigrationAutodetector(ctx.apps, {APP_LABEL: config["apps"][APP_LABEL]})
        writers = await detector.changes()
    return [writer.name for writer in writers]
