"""Two dispatcher processes on one PostgreSQL database, against the loopback push service: 5,000
notifications arrive exactly once when both run side by side, and when one is killed midway its
leases run out and the survivor sends what it held — nothing lost, nothing displayed twice.

The workers are real `python -m shouhu dispatch` processes; the rows are made in bulk with the ORM
in this process, whose connections are closed before the workers start."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from tortoise import Tortoise
from tortoise.backends.base.executor import EXECUTOR_CACHE
from tortoise.context import TortoiseContext

from shouhu.accounts.models import Account
from shouhu.db import tortoise_config
from shouhu.migrate import apply_migrations
from shouhu.notify.models import Channel, Delivery, DeliveryStatus, Notification, PushSubscription
from shouhu.notify.vapid import vapid_key
from shouhu.schools.models import District, School
from shouhu.settings import ROOT, Settings
from tests.conftest import _pg_url
from tests.push_service import PushService, Received

pytestmark = pytest.mark.postgres

NOTIFICATIONS = 5000
ACCOUNTS = 50
CONCURRENCY = 8  # per worker process: the most deliveries one worker can have in flight
STATS = re.compile(r"dispatcher stopped: (\d+) sent, (\d+) to retry, (\d+) failed, (\d+) gone")


# --- shared with tests/bench/test_notify_bench.py -------------------------------------------


async def _with_orm(url: str, work):
    # Tortoise caches insert statements per connection name, not per dialect (see conftest).
    EXECUTOR_CACHE.clear()
    async with TortoiseContext() as ctx:
        await ctx.init(config=tortoise_config(url))
        try:
            return await work()
        finally:
            await Tortoise.close_connections()


def seed_people(url: str, push: PushService, accounts: int = ACCOUNTS) -> None:
    """A district, a school, and `accounts` people each with one device on the push service."""

    async def work():
        now = datetime.now(UTC)
        district = await District.create(name="压测区", centre_name="压测中心", hotline="12356")
        school = await School.create(district=district, name="压测学校")
        people = [Account(school_id=school.id, login=f"bench{n:03d}", display_name=f"老师{n}")
                  for n in range(accounts)]
        await Account.bulk_create(people)
        devices = [push.new_device(f"bench{n:03d}") for n in range(accounts)]
        await PushSubscription.bulk_create([
            PushSubscription(account_id=person.id, endpoint=device.endpoint, p256dh=device.p256dh, auth=device.auth,
                             label="bench", created_at=now)
            for person, device in zip(people, devices, strict=True)
        ])

    asyncio.run(_with_orm(url, work))


def seed_deliveries(url: str, count: int, prefix: str = "load") -> set[str]:
    """`count` notifications, round-robin over the devices, each with one push delivery due now;
    the notification ids."""

    async def work():
        now = datetime.now(UTC)
        school = await School.first()
        subscriptions = await PushSubscription.all().order_by("endpoint")
        notifications = [
            Notification(school_id=school.id, recipient_id=subscriptions[n % len(subscriptions)].account_id,
                         kind="test", key=f"{prefix}:{n}", target="/", created_at=now)
            for n in range(count)
        ]
        await Notification.bulk_create(notifications, batch_size=1000)
        await Delivery.bulk_create([
            Delivery(channel=Channel.PUSH, notification_id=notice.id,
                     subscription_id=subscriptions[n % len(subscriptions)].id, kind="test", count=1,
                     locale="zh-CN", urgent=False, topic="", key=f"{prefix}:{n}:push", due_at=now,
                     expires_at=now + timedelta(days=1), status=DeliveryStatus.PENDING, attempts=0,
                     created_at=now)
            for n, notice in enumerate(notifications)
        ], batch_size=1000)
        return {str(notice.id) for notice in notifications}

    return asyncio.run(_with_orm(url, work))


def delivery_statuses(url: str) -> Counter:
    async def work():
        return Counter(str(status) for status in await Delivery.all().values_list("status", flat=True))

    return asyncio.run(_with_orm(url, work))


def notification_id(message: Received) -> str:
    shown = message.json()
    url = shown["url"]
    assert url.startswith("/notifications/") and shown["tag"] == url.rsplit("/", 1)[1], shown
    return shown["tag"]


@dataclass
class Dispatcher:
    """One `shouhu dispatch --workers 1 --until-idle --no-rules` process, its output in files."""

    process: subprocess.Popen
    stdout: Path
    stderr: Path

    @property
    def pid(self) -> int:
        return self.process.pid

    def output(self) -> str:
        return self.stdout.read_text(encoding="utf-8", errors="replace")

    def errors(self) -> str:
        return self.stderr.read_text(encoding="utf-8", errors="replace")

    def sent(self) -> int:
        """`sent` from the stats line the process prints when it stops."""
        found = STATS.search(self.output())
        assert found, f"no stats line from worker {self.pid}:\n{self.output()}\n{self.errors()[-3000:]}"
        return int(found.group(1))


def worker_env(url: str, folder: Path, **extra: str) -> dict[str, str]:
    """The environment the `shouhu` CLI reads; the VAPID key is made here once, so that two workers
    starting together do not race to generate it."""
    key = folder / "vapid_private.pem"
    vapid_key(Settings(vapid_private_key=str(key)))
    env = {name: value for name, value in os.environ.items() if not name.startswith("SHOUHU_")}
    env.update({
        "SHOUHU_ENV": "dev",
        "SHOUHU_DATABASE_URL": url,
        "SHOUHU_VAPID_PRIVATE_KEY": str(key),
        "SHOUHU_PUSH_ALLOW_LOOPBACK": "1",
        "SHOUHU_PASSWORD_PROFILE": "cheapest",
        "SHOUHU_SECRET_KEY": os.environ.get("SHOUHU_SECRET_KEY", "test-secret-key-of-more-than-32-characters"),
        "SHOUHU_DISPATCH_CONCURRENCY": str(CONCURRENCY),
        "SHOUHU_DISPATCH_POLL_SECONDS": "0.2",
        "SHOUHU_PUSH_TIMEOUT_SECONDS": "5",
        "PYTHONUNBUFFERED": "1",
    })
    env.update(extra)
    return env


def start_dispatchers(count: int, env: dict[str, str], folder: Path) -> list[Dispatcher]:
    started = []
    for n in range(count):
        stdout, stderr = folder / f"worker{n}.out", folder / f"worker{n}.err"
        with stdout.open("wb") as out, stderr.open("wb") as err:
            process = subprocess.Popen(
                [sys.executable, "-m", "shouhu", "dispatch", "--workers", "1", "--until-idle", "--no-rules"],
                env=env, cwd=ROOT, stdout=out, stderr=err,
            )
        started.append(Dispatcher(process, stdout, stderr))
    return started


def wait_all(workers: list[Dispatcher], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    for one in workers:
        try:
            one.process.wait(max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            pytest.fail(f"worker {one.pid} still running after {timeout}s:\n{one.errors()[-3000:]}")


def stop_all(workers: list[Dispatcher]) -> None:
    for one in workers:
        if one.process.poll() is None:
            one.process.kill()
            one.process.wait(10)


# --- the tests -----------------------------------------------------------------------------


@pytest.fixture
def pg_url(empty_postgres_database: str) -> str:
    url = _pg_url(empty_postgres_database)
    asyncio.run(apply_migrations(url, quiet=True))
    return url


def test_two_dispatcher_processes_deliver_5000_notifications_exactly_once(pg_url, tmp_path, capsys):
    with PushService() as push:
        seed_people(pg_url, push)
        created = seed_deliveries(pg_url, NOTIFICATIONS)
        env = worker_env(pg_url, tmp_path)
        workers = start_dispatchers(2, env, tmp_path)
        started = time.monotonic()
        try:
            wait_all(workers, timeout=120)
        finally:
            stop_all(workers)
        elapsed = time.monotonic() - started
        received = push.received
        rejections = push.rejections

    assert [one.process.returncode for one in workers] == [0, 0], [one.errors()[-2000:] for one in workers]
    ids = [notification_id(message) for message in received]
    assert len(received) == NOTIFICATIONS
    assert set(ids) == created and len(set(ids)) == len(ids)
    assert delivery_statuses(pg_url) == Counter({"sent": NOTIFICATIONS})
    shares = [one.sent() for one in workers]
    assert all(share > 0 for share in shares), shares  # both claimed side by side
    assert sum(shares) == NOTIFICATIONS
    assert rejections == []
    with capsys.disabled():
        print(f"\n[workers postgres] {NOTIFICATIONS} notifications by 2 processes in {elapsed:.1f} s: "
              f"shares {shares}, no duplicates")


def test_a_worker_killed_midway_loses_nothing(pg_url, tmp_path, capsys):
    kill_at = 1500
    with PushService(delay=0.005) as push:  # each send takes a while: the killed worker has some in flight
        seed_people(pg_url, push)
        created = seed_deliveries(pg_url, NOTIFICATIONS)
        # Short leases, so the survivor soon takes over what the dead worker held; small batches, so
        # a live worker (even on a busy machine) finishes its batch well inside its own lease.
        env = worker_env(pg_url, tmp_path, SHOUHU_DISPATCH_LEASE_SECONDS="3", SHOUHU_DISPATCH_BATCH="16")
        workers = start_dispatchers(2, env, tmp_path)
        victim, survivor = workers
        started = time.monotonic()
        try:
            push.wait_for(kill_at, timeout=60)
            os.kill(victim.pid, signal.SIGKILL)
            victim.process.wait(10)
            at_kill = len(push.received)
            killed_after = time.monotonic() - started
            wait_all([survivor], timeout=120)
        finally:
            stop_all(workers)
        elapsed = time.monotonic() - started
        received = push.received
        displayed = push.displayed()
        rejections = push.rejections

    assert victim.process.returncode == -signal.SIGKILL
    assert survivor.process.returncode == 0, survivor.errors()[-2000:]
    ids = [notification_id(message) for message in received]
    assert set(ids) == created  # every notification arrived
    assert delivery_statuses(pg_url) == Counter({"sent": NOTIFICATIONS})
    assert len(displayed) == NOTIFICATIONS  # a re-send replaces its twin on the phone (same tag)
    # A raw re-send can only be one the killed worker had in flight: sent, its outcome not yet written.
    raw_duplicates = len(received) - len(set(ids))
    assert raw_duplicates <= CONCURRENCY, raw_duplicates
    assert at_kill >= kill_at
    survivor_sent = survivor.sent()
    assert survivor_sent < NOTIFICATIONS  # the killed worker did part of the work before it died
    victim_sent = len(received) - survivor_sent  # what the push service accepted from the killed worker
    assert rejections == []
    lost = survivor.errors().count("lease lost before its outcome was recorded")
    with capsys.disabled():
        print(f"\n[workers postgres] killed one of 2 workers after {killed_after:.1f} s at {at_kill} received; "
              f"the survivor sent {survivor_sent}, the killed one {victim_sent}; "
              f"all {NOTIFICATIONS} arrived in {elapsed:.1f} s, {raw_duplicates} raw re-send(s), "
              f"{len(displayed)} displayed, {lost} lease(s) lost by the survivor")
