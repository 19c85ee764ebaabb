"""The loopback push service, exercised with real pywebpush sends."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator
from typing import Any

import aiohttp
import http_ece
import pytest
import requests
from py_vapid import Vapid, Vapid01
from pywebpush import WebPusher, WebPushException, webpush, webpush_async

from tests.push_service import PushService, Received, b64url_decode, browser_subscription, decrypt_aes128gcm


@pytest.fixture(scope="module")
def vapid() -> Vapid:
    key = Vapid()
    key.generate_keys()
    return key


@pytest.fixture
def push() -> Iterator[PushService]:
    with PushService() as service:
        yield service


def claims(**extra: Any) -> dict[str, Any]:
    """A fresh claims dict per call: pywebpush writes aud/exp into it."""
    return {"sub": "mailto:test@example.org", **extra}


def send(device: Any, vapid: Vapid, payload: dict[str, Any] | bytes, **kwargs: Any) -> requests.Response:
    data = payload if isinstance(payload, bytes) else json.dumps(payload)
    kwargs.setdefault("ttl", 60)
    kwargs.setdefault("timeout", 5)
    kwargs.setdefault("vapid_claims", claims())
    return webpush(device.subscription_info, data, vapid_private_key=vapid, **kwargs)  # type: ignore[return-value]


def test_subscription_looks_like_a_browser_one() -> None:
    device = browser_subscription("https://push.example/abc")
    assert len(b64url_decode(device.p256dh)) == 65
    assert b64url_decode(device.p256dh)[0] == 0x04
    assert len(device.auth_secret) == 16
    assert "=" not in device.p256dh + device.auth
    assert device.subscription_info == {
        "endpoint": "https://push.example/abc",
        "keys": {"p256dh": device.p256dh, "auth": device.auth},
    }


def test_payload_is_decrypted_and_headers_recorded(push: PushService, vapid: Vapid) -> None:
    phone = push.new_device("phone")
    assert phone.endpoint.startswith(f"{push.origin}/push/")
    message = {"title": "Neue Nachricht", "body": "你好 — hello", "tag": "case-7"}
    response = send(phone, vapid, message, ttl=3600, headers={"Urgency": "high", "Topic": "case7"})
    assert response.status_code == 201
    assert response.headers["Location"].startswith(push.origin)

    [got] = push.wait_for(1)
    assert got.json() == message
    assert got.device_name == "phone" and got.token == phone.token
    assert got.headers == {"TTL": "3600", "Urgency": "high", "Topic": "case7"}
    assert got.ttl == 3600
    assert got.jwt_claims["aud"] == push.origin
    assert got.jwt_claims["sub"] == "mailto:test@example.org"
    assert got.body_size > len(json.dumps(message).encode())
    assert push.rejections == []


def test_decryption_agrees_with_http_ece(vapid: Vapid) -> None:
    device = browser_subscription("http://127.0.0.1:1/push/x")

    body = WebPusher(device.subscription_info).encode(b"cross-check", "aes128gcm")["body"]
    ours = decrypt_aes128gcm(body, device.private_key, device.auth_secret)
    theirs = http_ece.decrypt(body, private_key=device.private_key, auth_secret=device.auth_secret, version="aes128gcm")
    assert ours == theirs == b"cross-check"


def test_legacy_webpush_authorization_is_accepted(push: PushService) -> None:
    legacy = Vapid01()
    legacy.generate_keys()
    device = push.new_device()
    webpush(device.subscription_info, "old", vapid_private_key=legacy, vapid_claims=claims(), ttl=0, timeout=5)
    assert push.wait_for(1)[0].payload == b"old"


def test_jwt_signed_by_another_key_is_rejected(push: PushService, vapid: Vapid) -> None:
    other = Vapid()
    other.generate_keys()
    device = push.new_device()
    forged = vapid.sign(claims(aud=push.origin))["Authorization"]
    real_k = key_param(forged)
    other_k = key_param(other.sign(claims(aud=push.origin))["Authorization"])
    forged = forged.replace(real_k, other_k)
    with pytest.raises(WebPushException) as info:
        webpush(device.subscription_info, "x", headers={"Authorization": forged}, ttl=0, timeout=5)
    assert info.value.status_code == 401
    assert push.received == []
    assert "signature" in push.rejections[0]


def key_param(authorization: str) -> str:
    """The k= value of a vapid Authorization header."""
    return authorization.rsplit("k=", 1)[1]


@pytest.mark.parametrize(
    ("bad_claims", "status", "reason"),
    [
        (claims(aud="http://127.0.0.1:1"), 403, "aud"),
        (claims(exp=int(time.time()) + 25 * 3600), 401, "24 hours"),
    ],
)
def test_bad_claims_are_rejected(
    push: PushService, vapid: Vapid, bad_claims: dict[str, Any], status: int, reason: str
) -> None:
    device = push.new_device()
    with pytest.raises(WebPushException) as info:
        send(device, vapid, b"x", vapid_claims=dict(bad_claims))
    assert info.value.status_code == status
    assert push.received == []
    [rejection] = push.rejections
    assert reason in rejection


def test_missing_vapid_is_rejected(push: PushService) -> None:
    device = push.new_device()
    with pytest.raises(WebPushException) as info:
        webpush(device.subscription_info, "x", ttl=0, timeout=5)
    assert info.value.status_code == 401
    assert push.rejections and push.received == []


def test_gone_is_not_received(push: PushService, vapid: Vapid) -> None:
    device = push.new_device()
    push.respond(device, 410)
    with pytest.raises(WebPushException) as info:
        send(device, vapid, {"n": 1})
    assert info.value.status_code == 410
    assert push.received == [] and push.rejections == []
    send(device, vapid, {"n": 2})
    assert [r.json() for r in push.wait_for(1)] == [{"n": 2}]
    assert push.attempts(device) == 2

    push.unsubscribe(device)
    for _ in range(2):
        with pytest.raises(WebPushException) as info:
            send(device, vapid, {"n": 3})
        assert info.value.status_code == 410


def test_too_many_requests_carries_retry_after(push: PushService, vapid: Vapid) -> None:
    device = push.new_device()
    push.respond(device, 429, 201, retry_after=2)
    with pytest.raises(WebPushException) as info:
        send(device, vapid, {"n": 1})
    assert info.value.response.status_code == 429
    assert info.value.response.headers["Retry-After"] == "2"
    assert info.value.retry_after == "2"
    assert push.received == []
    assert send(device, vapid, {"n": 2}).status_code == 201
    assert len(push.wait_for(1)) == 1


def test_server_errors_then_success(push: PushService, vapid: Vapid) -> None:
    device = push.new_device()
    push.respond(device.token, 500, 500, 201)
    statuses = []
    for _ in range(3):
        try:
            statuses.append(send(device, vapid, b"retry").status_code)
        except WebPushException as exc:
            statuses.append(exc.status_code)
    assert statuses == [500, 500, 201]
    assert len(push.received) == 1


def test_hang_makes_the_sender_time_out(push: PushService, vapid: Vapid) -> None:
    device = push.new_device()
    push.hang(device, 1.0)
    with pytest.raises(requests.exceptions.Timeout):
        send(device, vapid, b"slow", timeout=0.2)
    time.sleep(1.2)
    assert push.received == []
    assert push.dropped == [device.token]
    assert send(device, vapid, b"fast").status_code == 201


def test_displayed_replaces_by_tag(push: PushService, vapid: Vapid) -> None:
    phone, tablet = push.new_device("phone"), push.new_device("tablet")
    send(phone, vapid, {"tag": "a", "v": 1})
    send(phone, vapid, {"tag": "b", "v": 1})
    send(phone, vapid, {"v": "untagged"})
    send(phone, vapid, {"tag": "a", "v": 2})
    send(tablet, vapid, {"tag": "a", "v": 9})
    push.wait_for(5)
    assert len(push.wait_for(1, device=tablet)) == 1
    assert [r.json() for r in push.displayed(phone)] == [{"tag": "b", "v": 1}, {"v": "untagged"}, {"tag": "a", "v": 2}]
    assert [r.json() for r in push.displayed(tablet)] == [{"tag": "a", "v": 9}]
    assert len(push.displayed()) == 4


async def test_webpush_async_with_shared_session(push: PushService, vapid: Vapid) -> None:
    devices = [push.new_device(f"d{i}") for i in range(3)]
    async with aiohttp.ClientSession() as session:

        async def one(i: int) -> int:
            response = await webpush_async(
                devices[i % 3].subscription_info,
                json.dumps({"i": i}),
                vapid_private_key=vapid,
                vapid_claims=claims(),
                ttl=30,
                timeout=5,
                headers={"Urgency": "normal"},
                aiohttp_session=session,
            )
            return response.status  # type: ignore[union-attr]

        assert await asyncio.gather(*(one(i) for i in range(30))) == [201] * 30
    got: list[Received] = await push.await_count(30, timeout=5)
    assert sorted(r.json()["i"] for r in got) == list(range(30))
    assert len(push.received_by(devices[0])) == 10
    assert push.rejections == []


async def test_async_sender_timeout(push: PushService, vapid: Vapid) -> None:
    device = push.new_device()
    push.hang(device, 1.0)
    async with aiohttp.ClientSession() as session:
        with pytest.raises(asyncio.TimeoutError):
            await webpush_async(
                device.subscription_info,
                "slow",
                vapid_private_key=vapid,
                vapid_claims=claims(),
                ttl=0,
                timeout=0.2,
                aiohttp_session=session,
            )


def test_throughput_with_keep_alive(push: PushService, vapid: Vapid) -> None:
    device = push.new_device()
    session = requests.Session()
    started = time.monotonic()
    for i in range(200):
        send(device, vapid, {"i": i}, requests_session=session)
    push.wait_for(200)
    assert time.monotonic() - started < 5
    assert [r.json()["i"] for r in push.received] == list(range(200))
