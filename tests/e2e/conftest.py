"""Browser tests: the real built PWA, served by the real backend (uvicorn, a fresh SQLite
database with the demo school), driven in Debian's Chromium on a phone viewport."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from shouhu.settings import ROOT
from tests.serve import free_port, running_server

CHROMIUM = os.environ.get("SHOUHU_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
REQUIRED = os.environ.get("SHOUHU_REQUIRE_BROWSER") == "1"
# SHOUHU_E2E_DIST lets a build in another folder be tested without touching pwa/dist.
DIST = Path(os.environ.get("SHOUHU_E2E_DIST") or ROOT / "pwa" / "dist")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "e2e" in item.nodeid.split("::")[0]:
            item.add_marker(pytest.mark.browser)


def _missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"Chromium not found at {CHROMIUM} (set SHOUHU_CHROMIUM)"
    if not (DIST / "index.html").exists():
        return "the PWA is not built (make pwa)"
    return None


@pytest.fixture(scope="session")
def browser_ready() -> None:
    problem = _missing()
    if problem:
        if REQUIRED:
            pytest.fail(problem)
        pytest.skip(problem)


@pytest.fixture(scope="session")
def e2e_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The server's SQLite file: for the few rows no screen can make (a session earlier today)."""
    return tmp_path_factory.mktemp("e2e") / "shouhu.sqlite3"


@pytest.fixture(scope="session")
def server(browser_ready, e2e_database: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """http://127.0.0.1:<port>, serving pwa/dist and the API on a fresh demo database."""
    port = free_port()
    database = e2e_database
    env = {
        **os.environ,
        "SHOUHU_DATABASE_URL": f"sqlite://{database}",
        "SHOUHU_PWA_DIST": str(DIST),
        "SHOUHU_PASSWORD_PROFILE": "cheapest",
        "SHOUHU_PUBLIC_ORIGIN": f"http://127.0.0.1:{port}",
        # Pushes go to a loopback push service in the tests, sent by a worker inside the server.
        "SHOUHU_PUSH_ALLOW_LOOPBACK": "1",
        "SHOUHU_DISPATCH_IN_PROCESS": "1",
        "SHOUHU_DISPATCH_POLL_SECONDS": "0.3",
        "SHOUHU_VAPID_PRIVATE_KEY": str(database.parent / "vapid_private.pem"),
    }
    shouhu = [sys.executable, "-m", "shouhu"]
    subprocess.run([*shouhu, "migrate"], env=env, check=True, capture_output=True)
    subprocess.run([*shouhu, "seed-demo"], env=env, check=True, capture_output=True)
    with running_server(env, port, tmp_path_factory.mktemp("e2e-log") / "server.log", ready="/readyz", wait=20) as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict, playwright, server: str) -> dict:
    phone = playwright.devices["Pixel 7"]
    return {**browser_context_args, **phone, "base_url": server, "locale": "zh-CN"}
