"""Benchmark: push messages per second from `shouhu dispatch` worker processes to the loopback push
service (which verifies VAPID and decrypts each message, as a phone would), with one and with two
worker processes on PostgreSQL, and one on SQLite. The baseline for the ratio is the one-worker
PostgreSQL run in the same test run. Reported, never a pass/fail timing; only that every message
arrived exactly once, with no rejection, is asserted.

The rate is taken between the first and the last message the push service accepted (process start-up
and ORM set-up are left out, and reported separately as the wall time of the run)."""

from __future__ import annotations

import asyncio
import os
import resource
import shutil
import time
from collections import Counter
from dataclasses import dataclass
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


@dataclass
class Run:
    rate: float  # msgs/s from the first to the last message accepted
    wall: float  # seconds, with process start-up
    shares: list[int]
    worker_cpu_ms: float  # CPU of the worker processes per message (user + system)
    service_cpu_ms: float  # CPU of this process (the push service) per message


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _run(url: str, push: PushService, workers: int, folder: Path, prefix: str) -> Run:
    """Deliver MESSAGES with `workers` processes."""
    push.clear()
    created = seed_deliveries(url, MESSAGES, prefix=prefix)
    folder.mkdir()
    started = time.monotonic()
    children, own = _cpu(resource.RUSAGE_CHILDREN), _cpu(resource.RUSAGE_SELF)
    processes = start_dispatchers(workers, worker_env(url, folder), folder)
    try:
        wait_all(processes, timeout=60)
    finally:
        stop_all(processes)
    wall = time.monotonic() - started
    worker_cpu, service_cpu = _cpu(resource.RUSAGE_CHILDREN) - children, _cpu(resource.RUSAGE_SELF) - own
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
    return Run((MESSAGES - 1) / span, wall, shares, worker_cpu / MESSAGES * 1000, service_cpu / MESSAGES * 1000)


def _line(label: str, run: Run) -> str:
    return (f"  {label}: {run.rate:.0f} msgs/s (wall {run.wall:.1f} s with start-up); CPU per message: "
            f"workers {run.worker_cpu_ms:.2f} ms, push service {run.service_cpu_ms:.2f} ms\n")


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
        one = _run(url, push, 1, tmp_path / "one", "one")
        two = _run(url, push, 2, tmp_path / "two", "two")
    assert delivery_statuses(url) == Counter({"sent": 2 * MESSAGES})
    assert all(share > 0 for share in two.shares), two.shares
    commit = asyncio.run(_commit_ms(url))
    with capsys.disabled():
        print(f"\n[bench postgres] dispatch of {MESSAGES} pushes to the loopback push service "
              f"({os.cpu_count()} CPUs shared by the workers, the push service and PostgreSQL):\n"
              + _line("1 worker ", one) + _line("2 workers", two)
              + f"  shares {two.shares}; ratio 2 workers / 1 worker: {two.rate / one.rate:.2f}x; "
              f"one autocommitted write here: {commit:.1f} ms")


def test_dispatch_throughput_one_worker_sqlite(sqlite_template, tmp_path, capsys):
    path = tmp_path / "shouhu.sqlite3"
    shutil.copy(sqlite_template, path)
    url = f"sqlite://{path}"
    with PushService() as push:
        seed_people(url, push)
        one = _run(url, push, 1, tmp_path / "one", "one")
    assert delivery_statuses(url) == Counter({"sent": MESSAGES})
    with capsys.disabled():
        print(f"\n[bench sqlite] dispatch of {MESSAGES} pushes to the loopback push service:\n" + _line("1 worker ", one))
