"""A loopback Web Push service for tests.

`PushService` is a real HTTP server on 127.0.0.1 that plays both the browser's
push service and the phone behind it: it verifies VAPID (RFC 8292), decrypts
``aes128gcm`` bodies (RFC 8291 / RFC 8188) with the device's keys and records
what arrived, so tests can assert on what a phone would display.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import json
import os
import re
import secrets
import socket
import threading
import time
import uuid
from http import HTTPStatus
from collections import deque
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

from aiohttp import web
from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, hmac, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

__all__ = [
    "FakeDevice",
    "PushService",
    "Received",
    "browser_subscription",
    "b64url_decode",
    "b64url_encode",
    "decrypt_aes128gcm",
]

MAX_BODY = 4096
"""Largest encrypted body a push service has to accept."""
MAX_JWT_LIFETIME = 24 * 3600
CLOCK_SKEW = 60
URGENCIES = frozenset({"very-low", "low", "normal", "high"})
_TOPIC_RE = re.compile(r"^[A-Za-z0-9_-]{1,32}$")
_AUTH_PARAM_RE = re.compile(r"([A-Za-z]+)\s*=\s*([A-Za-z0-9_\-.=]+)")


# --- encoding helpers ---------------------------------------------------------------


def b64url_encode(data: bytes) -> str:
    """Base64url without padding."""
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(text: str | bytes) -> bytes:
    """Base64url (padding optional); raises ValueError on bad input."""
    raw = text.encode("ascii") if isinstance(text, str) else text
    raw = raw.strip().rstrip(b"=")
    try:
        return base64.urlsafe_b64decode(raw + b"=" * (-len(raw) % 4))
    except (binascii.Error, ValueError) as exc:
        raise ValueError(f"invalid base64url: {exc}") from exc


def _public_bytes(key: ec.EllipticCurvePublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)


# --- the browser side -------------------------------------------------------------


@dataclass
class FakeDevice:
    """A browser push subscription together with the private key behind it."""

    endpoint: str
    p256dh: str
    auth: str
    private_key: ec.EllipticCurvePrivateKey = field(repr=False)
    name: str = ""

    @property
    def token(self) -> str:
        """Last path segment of the endpoint."""
        return self.endpoint.rstrip("/").rsplit("/", 1)[-1]

    @property
    def auth_secret(self) -> bytes:
        """The 16 raw auth bytes."""
        return b64url_decode(self.auth)

    @property
    def public_key_bytes(self) -> bytes:
        """The uncompressed P-256 point (65 bytes)."""
        return b64url_decode(self.p256dh)

    @property
    def subscription_info(self) -> dict[str, Any]:
        """The JSON a browser's ``PushSubscription.toJSON()`` gives."""
        return {"endpoint": self.endpoint, "keys": {"p256dh": self.p256dh, "auth": self.auth}}


def browser_subscription(endpoint: str, name: str = "") -> FakeDevice:
    """Create a subscription the way a browser does: a P-256 key pair and 16 auth bytes."""
    private_key = ec.generate_private_key(ec.SECP256R1())
    return FakeDevice(
        endpoint=endpoint,
        p256dh=b64url_encode(_public_bytes(private_key.public_key())),
        auth=b64url_encode(os.urandom(16)),
        private_key=private_key,
        name=name,
    )


# --- RFC 8291 / RFC 8188 decryption ------------------------------------------------------


def _hmac_sha256(key: bytes, data: bytes) -> bytes:
    mac = hmac.HMAC(key, hashes.SHA256())
    mac.update(data)
    return mac.finalize()


def _hkdf_extract(salt: bytes, ikm: bytes) -> bytes:
    return _hmac_sha256(salt, ikm)


def _hkdf_expand(prk: bytes, info: bytes, length: int) -> bytes:
    # One block is enough for every length used here (<= 32).
    return _hmac_sha256(prk, info + b"\x01")[:length]


def decrypt_aes128gcm(body: bytes, private_key: ec.EllipticCurvePrivateKey, auth_secret: bytes) -> bytes:
    """Decrypt a Web Push ``aes128gcm`` body (single record); raises ValueError."""
    if len(body) < 21:
        raise ValueError("body shorter than the aes128gcm header")
    salt = body[:16]
    rs = int.from_bytes(body[16:20], "big")
    idlen = body[20]
    if rs < 18:
        raise ValueError(f"record size {rs} too small")
    if idlen != 65:
        raise ValueError(f"keyid length {idlen}, expected the sender's 65-byte public key")
    as_public = body[21 : 21 + idlen]
    ciphertext = body[21 + idlen :]
    if len(ciphertext) < 17:
        raise ValueError("no ciphertext")
    if len(ciphertext) > rs:
        raise ValueError("more than one record")
    try:
        sender_key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), as_public)
    except ValueError as exc:
        raise ValueError(f"invalid sender public key: {exc}") from exc
    ecdh_secret = private_key.exchange(ec.ECDH(), sender_key)
    ua_public = _public_bytes(private_key.public_key())
    prk_key = _hkdf_extract(auth_secret, ecdh_secret)
    ikm = _hkdf_expand(prk_key, b"WebPush: info\x00" + ua_public + as_public, 32)
    prk = _hkdf_extract(salt, ikm)
    cek = _hkdf_expand(prk, b"Content-Encoding: aes128gcm\x00", 16)
    nonce = _hkdf_expand(prk, b"Content-Encoding: nonce\x00", 12)
    try:
        padded = AESGCM(cek).decrypt(nonce, ciphertext, None)
    except InvalidTag as exc:
        raise ValueError("AES-GCM authentication failed") from exc
    unpadded = padded.rstrip(b"\x00")
    if not unpadded or unpadded[-1] != 0x02:
        raise ValueError("missing last-record padding delimiter")
    return unpadded[:-1]


# --- what arrived -------------------------------------------------------------------


@dataclass(frozen=True)
class Received:
    """One message the phone got."""

    token: str
    device_name: str
    payload: bytes
    headers: dict[str, str]
    body_size: int
    jwt_claims: dict[str, Any]
    vapid_key: str
    received_at: float
    status: int

    def json(self) -> Any:
        """The payload parsed as JSON."""
        return json.loads(self.payload)

    @property
    def ttl(self) -> int:
        """The TTL header as an int."""
        return int(self.headers["TTL"])

    @property
    def tag(self) -> str | None:
        """The JSON ``tag`` field of the payload, if any."""
        try:
            data = json.loads(self.payload)
        except ValueError:
            return None
        tag = data.get("tag") if isinstance(data, dict) else None
        return None if tag is None else str(tag)


class _Reject(Exception):
    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass
class _Slot:
    device: FakeDevice
    answers: deque[tuple[int, float | None]] = field(default_factory=deque)
    hangs: deque[float] = field(default_factory=deque)
    gone: bool = False
    attempts: int = 0
    delivered: int = 0


DeviceRef = FakeDevice | str


# --- the service --------------------------------------------------------------------


class PushService:
    """A loopback push service in a background thread with its own event loop."""

    def __init__(self, *, delay: float = 0.0) -> None:
        self.delay = delay
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)
        self._slots: dict[str, _Slot] = {}
        self._received: list[Received] = []
        self._rejections: list[str] = []
        self._dropped: list[str] = []
        self._jwt_cache: dict[tuple[str, str], dict[str, Any]] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._stopping: asyncio.Event | None = None
        self._port = 0

    # lifecycle

    @property
    def origin(self) -> str:
        """``http://127.0.0.1:PORT`` — also the expected VAPID ``aud``."""
        if not self._port:
            raise RuntimeError("PushService is not started")
        return f"http://127.0.0.1:{self._port}"

    def start(self) -> PushService:
        """Bind a free port and serve in a background thread."""
        if self._thread is not None:
            return self
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        sock.listen(1024)
        sock.setblocking(False)
        self._port = sock.getsockname()[1]
        loop = asyncio.new_event_loop()
        self._loop = loop
        ready = threading.Event()
        failure: list[BaseException] = []

        def run() -> None:
            asyncio.set_event_loop(loop)
            try:
                loop.run_until_complete(self._serve(sock))
            except BaseException as exc:  # noqa: BLE001 - reported to start()
                failure.append(exc)
                ready.set()
                return
            ready.set()
            loop.run_forever()
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.close()

        self._thread = threading.Thread(target=run, name="push-service", daemon=True)
        self._thread.start()
        ready.wait(10)
        if failure:
            raise RuntimeError("PushService failed to start") from failure[0]
        return self

    async def _serve(self, sock: socket.socket) -> None:
        self._stopping = asyncio.Event()
        app = web.Application(client_max_size=64 * 1024)
        app.router.add_post("/push/{token}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.5, handle_signals=False)
        await self._runner.setup()
        await web.SockSite(self._runner, sock, backlog=1024).start()

    def stop(self) -> None:
        """Stop serving; pending hangs are cut short."""
        loop, thread = self._loop, self._thread
        if loop is None or thread is None:
            return
        asyncio.run_coroutine_threadsafe(self._shutdown(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
        self._loop = None
        self._thread = None

    async def _shutdown(self) -> None:
        if self._stopping is not None:
            self._stopping.set()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def __enter__(self) -> PushService:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    # devices and programmed answers

    def new_device(self, name: str = "") -> FakeDevice:
        """A fresh browser subscription whose endpoint is on this service."""
        device = browser_subscription(f"{self.origin}/push/{secrets.token_urlsafe(18)}", name=name)
        with self._lock:
            self._slots[device.token] = _Slot(device)
        return device

    def _slot(self, ref: DeviceRef) -> _Slot:
        token = ref.token if isinstance(ref, FakeDevice) else ref
        try:
            return self._slots[token]
        except KeyError:
            raise KeyError(f"unknown device {token!r}") from None

    def respond(self, device: DeviceRef, *statuses: int, retry_after: float | None = None) -> None:
        """Queue HTTP statuses for the device's next requests (then back to 201)."""
        with self._lock:
            slot = self._slot(device)
            slot.answers.extend((status, retry_after) for status in statuses)

    def hang(self, device: DeviceRef, seconds: float) -> None:
        """Make the device's next request wait ``seconds`` before it is answered."""
        with self._lock:
            self._slot(device).hangs.append(seconds)

    def unsubscribe(self, device: DeviceRef) -> None:
        """From now on answer 410 Gone for this device, like an expired subscription."""
        with self._lock:
            self._slot(device).gone = True

    def attempts(self, device: DeviceRef | None = None) -> int:
        """How many POSTs arrived (for one device, or in total), whatever the answer."""
        with self._lock:
            if device is None:
                return sum(slot.attempts for slot in self._slots.values())
            return self._slot(device).attempts

    # observations

    @property
    def received(self) -> list[Received]:
        """A snapshot of accepted messages, in arrival order."""
        with self._lock:
            return list(self._received)

    @property
    def rejections(self) -> list[str]:
        """Reasons of requests that failed verification, in arrival order."""
        with self._lock:
            return list(self._rejections)

    @property
    def dropped(self) -> list[str]:
        """Tokens whose sender gave up while the answer was held back; those were not delivered."""
        with self._lock:
            return list(self._dropped)

    def clear(self) -> None:
        """Forget received messages, rejections and drops."""
        with self._lock:
            self._received.clear()
            for slot in self._slots.values():
                slot.delivered = 0
            self._rejections.clear()
            self._dropped.clear()

    def received_by(self, device: DeviceRef) -> list[Received]:
        """Accepted messages for one device."""
        token = device.token if isinstance(device, FakeDevice) else device
        return [r for r in self.received if r.token == token]

    def displayed(self, device: DeviceRef | None = None) -> list[Received]:
        """What the phone shows: a later message with the same JSON ``tag`` replaces the earlier."""
        messages = self.received if device is None else self.received_by(device)
        shown: dict[object, Received] = {}
        for index, message in enumerate(messages):
            tag = message.tag
            key: object = (message.token, "tag", tag) if tag is not None else index
            shown.pop(key, None)
            shown[key] = message
        return list(shown.values())

    def wait_for(self, count: int, timeout: float = 10.0, device: DeviceRef | None = None) -> list[Received]:
        """Block until at least ``count`` messages arrived; raises TimeoutError."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                have = self._count(device)
                if have >= count:
                    break
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError(
                        f"{have} of {count} push messages arrived within {timeout}s; "
                        f"rejections: {self._rejections[-5:]}"
                    )
                self._changed.wait(left)
        return self.received if device is None else self.received_by(device)

    async def await_count(
        self, count: int, timeout: float = 10.0, device: DeviceRef | None = None
    ) -> list[Received]:
        """Async form of `wait_for`, polling without blocking the caller's loop."""
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                have = self._count(device)
            if have >= count:
                return self.received if device is None else self.received_by(device)
            if time.monotonic() >= deadline:
                raise TimeoutError(f"{have} of {count} push messages arrived within {timeout}s")
            await asyncio.sleep(0.005)

    def _count(self, device: DeviceRef | None) -> int:
        if device is None:
            return len(self._received)
        return self._slot(device).delivered

    # request handling

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        token = request.match_info["token"]
        body = await request.read()
        with self._lock:
            slot = self._slots.get(token)
            if slot is not None:
                slot.attempts += 1
        if slot is None:
            return self._reject(token, 404, "unknown subscription")
        if slot.gone:
            return _error(410, "Gone", "subscription expired or unsubscribed")
        try:
            claims, vapid_key = self._verify_vapid(request.headers)
            headers = _check_headers(request.headers, body)
            payload = decrypt_aes128gcm(body, slot.device.private_key, slot.device.auth_secret)
        except _Reject as exc:
            return self._reject(token, exc.status, exc.reason)
        except ValueError as exc:
            return self._reject(token, 400, f"decryption failed: {exc}")

        with self._lock:
            hang = slot.hangs.popleft() if slot.hangs else 0.0
        wait = self.delay + hang
        if wait > 0:
            await self._sleep(wait)
            if request.transport is None or request.transport.is_closing():
                with self._lock:
                    self._dropped.append(token)
                    self._changed.notify_all()
                return web.Response(status=504)

        with self._lock:
            status, retry_after = slot.answers.popleft() if slot.answers else (201, None)
            if 200 <= status < 300:
                slot.delivered += 1
                self._received.append(
                    Received(
                        token=token,
                        device_name=slot.device.name,
                        payload=payload,
                        headers=headers,
                        body_size=len(body),
                        jwt_claims=claims,
                        vapid_key=vapid_key,
                        received_at=time.time(),
                        status=status,
                    )
                )
                self._changed.notify_all()
        return self._answer(status, retry_after)

    async def _sleep(self, seconds: float) -> None:
        assert self._stopping is not None
        try:
            await asyncio.wait_for(self._stopping.wait(), seconds)
        except TimeoutError:
            pass

    def _answer(self, status: int, retry_after: float | None) -> web.Response:
        if 200 <= status < 300:
            location = f"{self.origin}/m/{uuid.uuid4().hex}"
            return web.Response(status=status, headers={"Location": location})
        extra: dict[str, str] = {}
        if retry_after is not None:
            extra["Retry-After"] = str(int(retry_after) if float(retry_after).is_integer() else retry_after)
        reasons = {
            404: "subscription not found",
            410: "subscription expired or unsubscribed",
            413: "payload too large",
            429: "too many requests",
        }
        return _error(status, _phrase(status), reasons.get(status, "programmed answer"), extra)

    def _reject(self, token: str, status: int, reason: str) -> web.Response:
        with self._lock:
            self._rejections.append(f"{status} {token}: {reason}")
            self._changed.notify_all()
        return _error(status, _phrase(status), reason)

    def _verify_vapid(self, headers: Any) -> tuple[dict[str, Any], str]:
        jwt, key = _parse_authorization(headers)
        cache_key = (jwt, key)
        claims = self._jwt_cache.get(cache_key)
        if claims is None:
            claims = _verify_jwt(jwt, key)
            if len(self._jwt_cache) > 10_000:
                self._jwt_cache.clear()
            self._jwt_cache[cache_key] = claims
        _check_claims(claims, self.origin)
        return claims, key


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Unknown"


def _error(status: int, title: str, message: str, headers: dict[str, str] | None = None) -> web.Response:
    body = {"code": status, "error": title, "message": message}
    return web.json_response(body, status=status, headers=headers)


def _parse_authorization(headers: Any) -> tuple[str, str]:
    """Return (jwt, base64url public key) from either VAPID header form."""
    auth = headers.get("Authorization", "").strip()
    if not auth:
        raise _Reject(401, "missing Authorization header")
    scheme, _, rest = auth.partition(" ")
    scheme = scheme.lower()
    if scheme == "vapid":
        params = dict((k.lower(), v) for k, v in _AUTH_PARAM_RE.findall(rest))
        if "t" not in params or "k" not in params:
            raise _Reject(401, "vapid Authorization lacks t= or k=")
        return params["t"], params["k"]
    if scheme == "webpush":
        key = ""
        for part in re.split(r"[;,]", headers.get("Crypto-Key", "")):
            name, _, value = part.strip().partition("=")
            if name.strip().lower() == "p256ecdsa":
                key = value.strip()
        if not key:
            raise _Reject(401, "WebPush Authorization without Crypto-Key p256ecdsa=")
        return rest.strip(), key
    raise _Reject(401, f"unsupported Authorization scheme {scheme!r}")


def _verify_jwt(jwt: str, key: str) -> dict[str, Any]:
    parts = jwt.split(".")
    if len(parts) != 3:
        raise _Reject(401, "JWT is not three dot-separated parts")
    try:
        header = json.loads(b64url_decode(parts[0]))
        claims = json.loads(b64url_decode(parts[1]))
        signature = b64url_decode(parts[2])
        key_bytes = b64url_decode(key)
    except ValueError as exc:
        raise _Reject(401, f"malformed JWT or key: {exc}") from None
    if not isinstance(header, dict) or header.get("alg") != "ES256":
        raise _Reject(401, f"JWT alg must be ES256, got {header!r}")
    if not isinstance(claims, dict):
        raise _Reject(401, "JWT claims are not an object")
    if len(signature) != 64:
        raise _Reject(401, f"ES256 signature must be 64 bytes, got {len(signature)}")
    if len(key_bytes) != 65 or key_bytes[0] != 0x04:
        raise _Reject(401, "VAPID key k is not an uncompressed P-256 point")
    try:
        public_key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), key_bytes)
    except ValueError:
        raise _Reject(401, "VAPID key k is not on P-256") from None
    der = encode_dss_signature(int.from_bytes(signature[:32], "big"), int.from_bytes(signature[32:], "big"))
    try:
        public_key.verify(der, f"{parts[0]}.{parts[1]}".encode("ascii"), ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:
        raise _Reject(401, "JWT signature does not verify against k") from None
    return claims


def _check_claims(claims: dict[str, Any], origin: str) -> None:
    if claims.get("aud") != origin:
        raise _Reject(403, f"JWT aud {claims.get('aud')!r} is not {origin!r}")
    exp = claims.get("exp")
    if not isinstance(exp, int | float) or isinstance(exp, bool):
        raise _Reject(401, "JWT exp missing or not a number")
    now = time.time()
    if exp <= now:
        raise _Reject(401, "JWT expired")
    if exp > now + MAX_JWT_LIFETIME + CLOCK_SKEW:
        raise _Reject(401, "JWT exp more than 24 hours ahead")
    sub = claims.get("sub")
    if not isinstance(sub, str) or not (sub.startswith("mailto:") or sub.startswith("https:")):
        raise _Reject(401, f"JWT sub {sub!r} is not a mailto: or https: URL")


def _check_headers(headers: Any, body: bytes) -> dict[str, str]:
    """Validate the Web Push request headers; return TTL/Urgency/Topic."""
    ttl = headers.get("TTL")
    if ttl is None:
        raise _Reject(400, "missing TTL header")
    if not ttl.strip().isdigit():
        raise _Reject(400, f"TTL {ttl!r} is not a non-negative integer")
    encoding = headers.get("Content-Encoding", "")
    if encoding.strip().lower() != "aes128gcm":
        raise _Reject(400, f"Content-Encoding must be aes128gcm, got {encoding!r}")
    if not body:
        raise _Reject(400, "empty body")
    if len(body) > MAX_BODY:
        raise _Reject(413, f"body of {len(body)} bytes exceeds {MAX_BODY}")
    recorded = {"TTL": ttl.strip()}
    urgency = headers.get("Urgency")
    if urgency is not None:
        if urgency not in URGENCIES:
            raise _Reject(400, f"invalid Urgency {urgency!r}")
        recorded["Urgency"] = urgency
    topic = headers.get("Topic")
    if topic is not None:
        if not _TOPIC_RE.match(topic):
            raise _Reject(400, f"invalid Topic {topic!r}")
        recorded["Topic"] = topic
    return recorded

