"""Shared fixtures: a fresh database per test (SQLite always, PostgreSQL when its URL is set),
the ASGI app over HTTP, and GraphQL helpers."""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

# Before shouhu reads its settings: cheap hashes keep a test run fast.
os.environ.setdefault("SHOUHU_PASSWORD_PROFILE", "cheapest")
os.environ.setdefault("SHOUHU_SECRET_KEY", "test-secret-key-of-more-than-32-characters")

import asyncpg
import httpx
import pytest
from tortoise import Tortoise
from tortoise.backends.base.executor import EXECUTOR_CACHE

from shouhu import clock
from shouhu.app import create_app
from shouhu.migrate import apply_migrations
from shouhu.settings import Settings
from tests.push_service import PushService
from tests.support import GraphQLClient

POSTGRES_URL = os.environ.get("SHOUHU_TEST_POSTGRES_URL", "")
REQUIRE_POSTGRES = os.environ.get("SHOUHU_REQUIRE_POSTGRES") == "1"


def pytest_report_header(config: pytest.Config) -> str:
    if POSTGRES_URL:
        return f"PostgreSQL tests: on ({POSTGRES_URL})"
    return "PostgreSQL tests: SKIPPED — set SHOUHU_TEST_POSTGRES_URL=postgres://user@host:5432/postgres to run them"


def _pg_url(database: str) -> str:
    base, _, _ = POSTGRES_URL.rpartition("/")
    return f"{base}/{database}"


async def _pg_admin(sql: str) -> None:
    connection = await asyncpg.connect(POSTGRES_URL.replace("postgres://", "postgresql://", 1))
    try:
        await connection.execute(sql)
    finally:
        await connection.close()


def _fresh_postgres_database() -> Iterator[str]:
    if not POSTGRES_URL:
        if REQUIRE_POSTGRES:
            pytest.fail("SHOUHU_REQUIRE_POSTGRES=1 but SHOUHU_TEST_POSTGRES_URL is not set")
        pytest.skip("PostgreSQL not configured (SHOUHU_TEST_POSTGRES_URL)")
    name = f"shouhu_test_{uuid.uuid4().hex[:10]}"
    try:
        asyncio.run(_pg_admin(f'CREATE DATABASE "{name}"'))
    except (OSError, asyncpg.PostgresError) as error:
        pytest.fail(f"PostgreSQL at {POSTGRES_URL} is unreachable: {error}")
    yield name
    asyncio.run(_pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def postgres_database() -> Iterator[str]:
    """A PostgreSQL database for this run's API tests, dropped at the end."""
    yield from _fresh_postgres_database()


@pytest.fixture
def empty_postgres_database() -> Iterator[str]:
    """A database of its own, untouched by any other test."""
    yield from _fresh_postgres_database()


@pytest.fixture(scope="session")
def migrated_postgres(postgres_database: str) -> str:
    url = _pg_url(postgres_database)
    asyncio.run(apply_migrations(url, quiet=True))
    return url


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "shouhu.sqlite3"
    asyncio.run(apply_migrations(f"sqlite://{path}", quiet=True))
    return path


def _tables() -> list[str]:
    return [model._meta.db_table for app in Tortoise.apps.values() for model in app.values()]


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def database_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> str:
    """A migrated, empty database: a copy of the SQLite template, or the shared PostgreSQL
    database (emptied by the app fixture before each test)."""
    if request.param == "sqlite":
        path = tmp_path / "shouhu.sqlite3"
        shutil.copy(sqlite_template, path)
        return f"sqlite://{path}"
    return request.getfixturevalue("migrated_postgres")


@pytest.fixture
def settings(database_url: str, tmp_path: Path) -> Settings:
    dist = tmp_path / "dist"
    (dist / "assets").mkdir(parents=True)
    (dist / "index.html").write_text("<!doctype html><title>守护</title>", encoding="utf-8")
    (dist / "sw.js").write_text("// service worker", encoding="utf-8")
    (dist / "assets" / "index-abc123.js").write_text("console.log(1)", encoding="utf-8")
    # Pushes and robots go to loopback servers in the tests (push_allow_loopback).
    return Settings(database_url=database_url, pwa_dist=dist, secret_key=os.environ["SHOUHU_SECRET_KEY"],
                    password_profile="cheapest", vapid_private_key=str(tmp_path / "vapid_private.pem"),
                    push_allow_loopback=True, push_timeout_seconds=2.0)


@pytest.fixture
async def app(settings: Settings) -> AsyncIterator:
    # Tortoise caches insert statements per connection name, not per dialect: this process
    # alternates between SQLite and PostgreSQL under the same name.
    EXECUTOR_CACHE.clear()
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        if settings.database_url.startswith("postgres"):
            await Tortoise.get_connection("default").execute_script(
                "TRUNCATE TABLE " + ", ".join(f'"{t}"' for t in _tables()) + " CASCADE"
            )
        yield application
    clock.reset()


@pytest.fixture
def push() -> Iterator[PushService]:
    """A loopback push service: verifies VAPID, decrypts as a phone does (tests/push_service.py)."""
    with PushService() as service:
        yield service


@pytest.fixture
async def client(app) -> AsyncIterator[GraphQLClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1:8000") as http:
        yield GraphQLClient(http)


@pytest.fixture
async def demo(app) -> None:
    """The demo school's people and roster, without care data: tests make their own entries."""
    from shouhu.demo.seed import seed_demo

    await seed_demo(care=False)


@pytest.fixture
async def demo_care(app) -> None:
    """The whole demo school, with its care cases and 30 days of entries."""
    from shouhu.demo.seed import seed_demo

    await seed_demo()


@pytest.fixture
async def new_client(app) -> AsyncIterator:
    """Open another browser: its own cookie jar."""
    opened: list[httpx.AsyncClient] = []

    def make() -> GraphQLClient:
        http = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://127.0.0.1:8000")
        opened.append(http)
        return GraphQLClient(http)

    yield make
    for http in opened:
        await http.aclose()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # Sync Playwright keeps an event loop running until the session ends: browser tests go last,
    # so no asyncio test or asyncio.run() comes after them.
    items.sort(key=lambda item: "/e2e/" in str(item.path))
