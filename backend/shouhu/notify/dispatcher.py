"""The dispatcher: workers claim due deliveries, send them, and record what happened.

A claim is a lease: `claimed_until` and a claim token, written in one short transaction that reads
the due rows `FOR UPDATE SKIP LOCKED` on PostgreSQL (two workers never claim the same row; on
SQLite transactions run one at a time). Each delivery's outcome is written right after its send,
guarded by the claim token. A worker that dies leaves its leases to expire; another worker then
claims and sends those deliveries again, so nothing is lost. The inbox copy never depends on a
channel: a failed push leaves the notification in the inbox.

Outcomes: accepted → sent; 404/410 from a push service → the subscription is deleted (gone);
429, 5xx, timeouts and connection errors → retried with exponential backoff, honouring
Retry-After; other 4xx, too many attempts, or past its expiry → failed.
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit
from uuid import UUID, uuid4

import aiohttp
from pywebpush import WebPushException, webpush_async
from tortoise.expressions import Q
from tortoise.transactions import in_transaction

from shouhu.clock import utcnow
from shouhu.errors import Invalid
from shouhu.notify import texts
from shouhu.notify.addresses import check_url
from shouhu.notify.models import Channel, Delivery, DeliveryStatus, PushSubscription
from shouhu.notify.vapid import vapid_key
from shouhu.settings import Settings

logger = logging.getLogger("shouhu.dispatch")

MAX_ATTEMPTS = 8
BACKOFF_BASE = timedelta(seconds=30)
BACKOFF_MAX = timedelta(hours=1)
RETRY_AFTER_MAX = timedelta(hours=6)
VAPID_LIFETIME = 12 * 3600  # seconds; push services accept at most 24 h
VAPID_RENEW = 3600
HOST_CHECK_SECONDS = 300
WEBHOOK_OK = {None, 0}  # chat robots answer {"errcode": 0} when they accept a message


@dataclass
class Outcome:
    status: DeliveryStatus | None  # None: retry later
    error: str = ""
    retry_after: timedelta | None = None
    remove_subscription: bool = False


@dataclass
class Stats:
    sent: int = 0
    retried: int = 0
    failed: int = 0
    gone: int = 0

    def count(self, outcome: Outcome) -> None:
        if outcome.status is DeliveryStatus.SENT:
            self.sent += 1
        elif outcome.status is DeliveryStatus.GONE:
            self.gone += 1
        elif outcome.status is DeliveryStatus.FAILED:
            self.failed += 1
        else:
            self.retried += 1


def parse_retry_after(value: str | None, now: datetime) -> timedelta | None:
    """Retry-After as seconds or an HTTP date; nonsense is ignored, and a wait is capped."""
    if not value:
        return None
    value = value.strip()
    try:
        wait = timedelta(seconds=max(0, int(value)))
    except ValueError:
        try:
            moment = parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        wait = max(timedelta(0), moment - now)
    return min(wait, RETRY_AFTER_MAX)


def backoff(attempts: int) -> timedelta:
    """30 s, 1 min, 2 min … up to an hour, with jitter so that retries do not arrive together."""
    base = min(BACKOFF_BASE * (2 ** max(0, attempts - 1)), BACKOFF_MAX)
    return base * random.uniform(0.8, 1.2)


def _http_outcome(status: int, retry_after: timedelta | None) -> Outcome:
    if 200 <= status < 300:
        return Outcome(DeliveryStatus.SENT)
    if status in (404, 410):
        return Outcome(DeliveryStatus.GONE, f"http {status}", remove_subscription=True)
    if status == 429 or status >= 500:
        return Outcome(None, f"http {status}", retry_after)
    return Outcome(DeliveryStatus.FAILED, f"http {status}")


class Worker:
    """One dispatcher worker: claims, sends over one shared aiohttp session, records outcomes."""

    def __init__(self, settings: Settings, session: aiohttp.ClientSession, name: str = ""):
        self.settings = settings
        self.session = session
        self.name = name or f"worker-{uuid4().hex[:8]}"
        self.stats = Stats()
        self.lease = timedelta(seconds=settings.dispatch_lease_seconds)
        self.timeout = settings.push_timeout_seconds
        self._limit = asyncio.Semaphore(max(1, settings.dispatch_concurrency))
        self._vapid: dict[str, tuple[int, dict[str, str]]] = {}
        self._hosts: dict[str, tuple[float, bool]] = {}  # host → (checked until, may be called)
        self._reached: set[UUID] = set()  # devices that took a push in this batch

    async def claim(self, limit: int | None = None) -> tuple[UUID, list[Delivery]]:
        """Due deliveries nobody holds (or whose lease ran out, or ends implausibly far ahead after
        the clock went back) become this worker's for one lease. A lease another worker took a
        moment later than our clock reading ends a little after ours would: only one ending more
        than a whole extra lease ahead is treated as left over from a clock that ran fast."""
        now = utcnow()
        until = now + self.lease
        token = uuid4()
        free = Q(claimed_until=None) | Q(claimed_until__lt=now) | Q(claimed_until__gt=until + self.lease)
        async with in_transaction() as connection:
            rows = (
                await Delivery.filter(free, status=DeliveryStatus.PENDING, due_at__lte=now)
                .order_by("due_at")
                .limit(limit or self.settings.dispatch_batch)
                .select_for_update(skip_locked=True)
                .using_db(connection)
            )
            ids = [row.id for row in rows]
            if ids:
                await Delivery.filter(id__in=ids).using_db(connection).update(claimed_until=until, claim=token)
        if not ids:
            return token, []
        claimed = await Delivery.filter(id__in=ids, claim=token).select_related("subscription", "webhook")
        return token, claimed

    async def run_once(self, limit: int | None = None) -> int:
        """Claim one batch and send it; the number of deliveries handled."""
        token, batch = await self.claim(limit)
        if batch:
            await asyncio.gather(*(self._deliver(token, d) for d in batch))
        if self._reached:
            reached, self._reached = list(self._reached), set()
            await PushSubscription.filter(id__in=reached).update(last_success_at=utcnow())
        return len(batch)

    async def _deliver(self, token: UUID, delivery: Delivery) -> None:
        async with self._limit:
            try:
                outcome = await self._send(delivery)
            except Exception as error:  # noqa: BLE001 — one bad delivery must never stop the worker
                logger.exception("delivery %s: unexpected error", delivery.id)
                outcome = Outcome(None, type(error).__name__[:64])
            try:
                await self._record(token, delivery, outcome)
            except Exception:  # noqa: BLE001 — the lease runs out and another worker retries
                logger.exception("delivery %s: could not record the outcome", delivery.id)

    async def _send(self, delivery: Delivery) -> Outcome:
        now = utcnow()
        if now >= delivery.expires_at:
            return Outcome(DeliveryStatus.FAILED, "expired")
        if delivery.channel is Channel.PUSH:
            if delivery.subscription is None:
                return Outcome(DeliveryStatus.GONE, "no subscription")
            if not await self._may_call(delivery.subscription.endpoint):
                return Outcome(None, "address refused")
            return await self._push(delivery, delivery.subscription, now)
        if delivery.webhook is None or not delivery.webhook.is_active:
            return Outcome(DeliveryStatus.GONE, "no webhook")
        if not await self._may_call(delivery.webhook.url):
            return Outcome(None, "address refused")
        return await self._webhook(delivery, now)

    async def _may_call(self, url: str) -> bool:
        """The address is checked again before a call, in every environment: a name that resolved
        to a public address when it was saved may point into a private network now. A refusal is
        retried (it may be a passing DNS failure); answers are kept for a few minutes per host."""
        host = urlsplit(url).hostname or ""
        cached = self._hosts.get(host)
        if cached and cached[0] > time.monotonic():
            return cached[1]
        try:
            await check_url(url, self.settings, "push.bad_endpoint", "endpoint")
            allowed = True
        except Invalid:
            allowed = False
        self._hosts[host] = (time.monotonic() + HOST_CHECK_SECONDS, allowed)
        return allowed

    async def _push(self, delivery: Delivery, device: PushSubscription, now: datetime) -> Outcome:
        payload = texts.push_payload(
            kind=delivery.kind, count=delivery.count, locale=delivery.locale,
            notification_id=delivery.notification_id, tag=delivery.topic,
        )
        headers = {"Urgency": "high" if delivery.urgent else "normal"}
        if delivery.topic:
            headers["Topic"] = delivery.topic
        ttl = max(60, int((delivery.expires_at - now).total_seconds()))
        headers.update(self._vapid_headers(device.endpoint))
        try:
            await webpush_async(
                subscription_info={"endpoint": device.endpoint, "keys": {"p256dh": device.p256dh, "auth": device.auth}},
                data=payload,
                ttl=ttl,
                timeout=self.timeout,
                headers=headers,
                aiohttp_session=self.session,
            )
        except WebPushException as error:
            response = error.response
            status = getattr(response, "status", None) or getattr(response, "status_code", None)
            if status is None:
                return Outcome(None, "push error")
            retry = parse_retry_after(response.headers.get("Retry-After"), now) if response is not None else None
            return _http_outcome(int(status), retry)
        except (TimeoutError, aiohttp.ClientError, OSError) as error:
            return Outcome(None, type(error).__name__[:64])
        return Outcome(DeliveryStatus.SENT)

    def _vapid_headers(self, endpoint: str) -> dict[str, str]:
        """The VAPID Authorization for a push service (RFC 8292): `aud` is its origin, `exp` 12 h
        ahead. Signed once per push service and reused until an hour before it expires."""
        parts = urlsplit(endpoint)
        audience = f"{parts.scheme}://{parts.netloc}"
        cached = self._vapid.get(audience)
        if cached and cached[0] - VAPID_RENEW > time.time():
            return cached[1]
        expires = int(time.time()) + VAPID_LIFETIME
        signed = vapid_key(self.settings).sign({"sub": self.settings.vapid_contact, "aud": audience, "exp": expires})
        self._vapid[audience] = (expires, signed)
        return signed

    async def _webhook(self, delivery: Delivery, now: datetime) -> Outcome:
        body = texts.webhook_body(delivery.kind, delivery.count, delivery.locale)
        try:
            async with self.session.post(
                delivery.webhook.url, json=body, timeout=aiohttp.ClientTimeout(total=self.timeout),
                allow_redirects=False,
            ) as response:
                retry = parse_retry_after(response.headers.get("Retry-After"), now)
                if not 200 <= response.status < 300:
                    outcome = _http_outcome(response.status, retry)
                    # A robot that is gone (404) is the school's to mend: keep retrying, then fail.
                    return Outcome(None if outcome.status is DeliveryStatus.GONE else outcome.status,
                                   outcome.error, retry)
                try:
                    answer = await response.json(content_type=None)
                except ValueError:
                    answer = None
                code = answer.get("errcode") if isinstance(answer, dict) else None
                if code not in WEBHOOK_OK:
                    return Outcome(None, f"errcode {code}"[:64], retry)
        except (TimeoutError, aiohttp.ClientError, OSError) as error:
            return Outcome(None, type(error).__name__[:64])
        return Outcome(DeliveryStatus.SENT)

    async def _record(self, token: UUID, delivery: Delivery, outcome: Outcome) -> None:
        now = utcnow()
        attempts = delivery.attempts + 1
        changes: dict = {"attempts": attempts, "claimed_until": None, "claim": None, "last_error": outcome.error}
        status = outcome.status
        if status is None:
            wait = max(backoff(attempts), outcome.retry_after or timedelta(0))
            if attempts >= MAX_ATTEMPTS or now + wait >= delivery.expires_at:
                status = DeliveryStatus.FAILED
            else:
                changes["due_at"] = now + wait
        if status is not None:
            changes["status"] = status
        if status is DeliveryStatus.SENT:
            changes["sent_at"] = now
        updated = await Delivery.filter(id=delivery.id, claim=token).update(**changes)
        self.stats.count(Outcome(status, outcome.error))
        if not updated:
            logger.warning("delivery %s: lease lost before its outcome was recorded", delivery.id)
            return
        if outcome.remove_subscription and delivery.subscription_id:
            await PushSubscription.filter(id=delivery.subscription_id).delete()
        elif status is DeliveryStatus.SENT and delivery.subscription_id:
            self._reached.add(delivery.subscription_id)
        if status is not DeliveryStatus.SENT:
            logger.info("delivery %s (%s): %s %s", delivery.id, delivery.channel, status or "retry", outcome.error)


async def due_count() -> int:
    """Deliveries due now, claimed or not (a dead worker's claims count until they are redone)."""
    return await Delivery.filter(status=DeliveryStatus.PENDING, due_at__lte=utcnow()).count()


async def run_worker(
    settings: Settings,
    *,
    stop: asyncio.Event | None = None,
    until_idle: bool = False,
    rules: bool = True,
    name: str = "",
) -> Stats:
    """Work until `stop` is set (or, with `until_idle`, until no delivery is due)."""
    from shouhu.notify import scheduler

    stop = stop or asyncio.Event()
    connector = aiohttp.TCPConnector(limit=max(4, settings.dispatch_concurrency * 2))
    async with aiohttp.ClientSession(connector=connector) as session:
        worker = Worker(settings, session, name)
        last_rules = last_prune = -float("inf")
        while not stop.is_set():
            if rules and time.monotonic() - last_rules >= scheduler.INTERVAL_SECONDS:
                last_rules = time.monotonic()
                try:
                    await scheduler.tick(utcnow())
                except Exception:  # noqa: BLE001 — reminders are retried on the next tick
                    logger.exception("reminder rules failed")
            if rules and time.monotonic() - last_prune >= scheduler.PRUNE_SECONDS:
                last_prune = time.monotonic()
                try:
                    await scheduler.prune(utcnow())
                except Exception:  # noqa: BLE001 — pruning waits for the next hour
                    logger.exception("pruning old notifications failed")
            try:
                handled = await worker.run_once()
            except Exception:  # noqa: BLE001 — a lost database connection, say: wait and retry
                logger.exception("claiming deliveries failed")
                handled = 0
            if handled:
                continue
            if until_idle and await due_count() == 0:
                break
            try:
                await asyncio.wait_for(stop.wait(), timeout=settings.dispatch_poll_seconds)
            except TimeoutError:
                pass
        return worker.stats
