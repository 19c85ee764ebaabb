"""Benchmark: push messages per second from `shouhu dispatch` worker processes to the loopback push
service (which verifies VAPID and decrypts each message, as a phone would), with one and with two
worker processes on PostgreSQL, and one on SQLite. The baseline for the ratio is the one-worker
PostgreSQL run in the same test run. Reported, never a pass/fail timing; only that every message
arrived exactly once, with no rejection, is asserted.

The rate is taken between the first and the last message the push service accepted (process start-up
and ORM set-up are left out, and reported separately as the wall time of the run)."""

from __future__ import annotations

import asyncio
import shutil
import time
from collections import Counter
from pathlib import Path

import asyncpg
import pytest

from shouhu.migrate import apply_migrations
from tests.api.test_notify_workers_postgres import (
    delivery_statuses, notification_id, seed_deliveries, seed_people, start_dispatchers, stop_all, wait_all, worker_env,
)
from tests.conftest import _pg_url
from tests.push_service import PushService

MESSAGES = 2000


def _run(url: str, push: PushService, workers: int, folder: Path, prefix: str) -> tuple[float, float, list[int]]:
    """Deliver MESSAGES with `workers` processes: (msgs/s first to last message, wall seconds, shares)."""
    push.clear()
    created = seed_deliveries(url, MESSAGES, prefix=prefix)
    folder.mkdir()
    started = time.monotonic()
    processes = start_dispatchers(workers, worker_env(url, folder), folder)
    try:
        wait_all(processes, timeout=60)
    finally:
        stop_all(processes)
    wall = time.monotonic() - started
    received = push.received
    ids = [notification_id(message) for message in received]
    shares = [one.sent() for one in processes]
    twice = [key for key, times in Counter(ids).items() if times > 1]
    assert len(ids) == MESSAGES and set(ids) == created, (  # every one, exactly once
        f"{workers} worker(s): {len(ids)} received, {len(set(ids))} distinct, {len(twice)} twice, shares {shares}, "
        f"statuses {delivery_statuses(url)}\n" + "\n".join(one.output() + one.errors()[-3000:] for one in processes))
    assert push.rejections == []
    assert sum(shares) == MESSAGES
    span = received[-1].received_at - received[0].received_at
    return (MESSAGES - 1) / span, wall, shares


async def _commit_ms(url: str) -> float:
    """What one small autocommitted write costs on this server (the dispatcher writes each outcome)."""
    connection = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
    try:
        await connection.execute("CREATE TABLE bench_commit (n int)")  # logged, unlike a temporary table
        started = time.perf_counter()
        for n in range(50):
            await connection.execute("INSERT INTO bench_commit VALUES ($1)", n)
        spent = (time.perf_counter() - started) / 50 * 1000
        await connection.execute("DROP TABLE bench_commit")
        return spent
    finally:
        await connection.close()


@pytest.mark.postgres
def test_dispatch_throughput_one_and_two_workers_postgres(empty_postgres_database, tmp_path, capsys):
    url = _pg_url(empty_postgres_database)
    asyncio.run(apply_migrations(url, quiet=True))
    with PushService() as push:
        seed_people(url, push)
        one, one_wall, _ = _run(url, push, 1, tmp_path / "one", "one")
        two, two_wall, shares = _run(url, push, 2, tmp_path / "two", "two")
    assert delivery_statuses(url) == Counter({"sent": 2 * MESSAGES})
    assert all(share > 0 for share in shares), shares
    commit = asyncio.run(_commit_ms(url))
    with capsys.disabled():
        print(f"\n[bench postgres] dispatch of {MESSAGES} pushes to the loopback push service:\n"
              f"  1 worker:  {one:.0f} msgs/s (wall {one_wall:.1f} s with start-up)\n"
              f"  2 workers: {two:.0f} msgs/s (wall {two_wall:.1f} s with start-up), shares {shares}\n"
              f"  ratio 2 workers / 1 worker: {two / one:.2f}x; one autocommitted write here: {commit:.1f} ms")


def test_dispatch_throughput_one_worker_sqlite(sqlite_template, tmp_path, capsys):
    path = tmp_path / "shouhu.sqlite3"
    shutil.copy(sqlite_template, path)
    url = f"sqlite://{path}"
    with PushService() as push:
        seed_people(url, push)
        rate, wall, _ = _run(url, push, 1, tmp_path / "one", "one")
    assert delivery_statuses(url) == Counter({"sent": MESSAGES})
    with capsys.disabled():
        print(f"\n[bench sqlite] dispatch of {MESSAGES} pushes to the loopback push service:\n"
              f"  1 worker:  {rate:.0f} msgs/s (wall {wall:.1f} s with start-up)")
