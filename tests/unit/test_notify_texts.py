"""What notifications say and where the server may send them: content-free texts in both
languages, payloads within Web Push's limit, https only, no private networks in any environment,
and the VAPID key pair."""

from __future__ import annotations

import base64
import dataclasses
import json
import os
import stat
import uuid

import pytest
from py_vapid import Vapid

from shouhu.errors import Invalid
from shouhu.i18n import LOCALES, MESSAGES
from shouhu.notify import texts
from shouhu.notify import addresses
from shouhu.notify.addresses import check_url
from shouhu.notify.rules import Kind
from shouhu.notify.vapid import application_server_key, vapid_key
from shouhu.settings import Settings, SettingsError

PROD = Settings(env="prod", secret_key="x" * 40, public_origin="https://shouhu.example.edu.cn")
DEV = Settings()
TESTS = dataclasses.replace(DEV, push_allow_loopback=True)
EVERY_ENVIRONMENT = pytest.mark.parametrize("settings", [PROD, DEV, TESTS], ids=["production", "development", "tests"])


@pytest.mark.parametrize("kind", list(Kind))
@pytest.mark.parametrize("locale", LOCALES)
def test_every_kind_has_a_short_text_in_both_languages(kind, locale):
    assert set(MESSAGES[f"notify.{kind.value}"]) == set(LOCALES)
    text = texts.message(kind.value, 3, locale)
    assert "{" not in text and 0 < len(text) <= 60
    payload = texts.push_payload(kind=kind.value, count=9999, locale=locale, notification_id=uuid.uuid4(),
                                 tag="a" * 32)
    assert len(payload) <= texts.MAX_PAYLOAD
    shown = json.loads(payload)
    assert shown["url"].startswith("/notifications/") and shown["urgent"] == (kind in (Kind.CRISIS_ALERT,
                                                                                      Kind.ALERT_UNACKNOWLEDGED))


def test_a_robot_message_is_plain_text_in_the_chat_robot_format():
    assert texts.webhook_body("crisis_alert", 2, "en") == {
        "msgtype": "text", "text": {"content": "2 new crisis alert(s) — open Shouhu now (Shouhu)"}}


# This machine has no DNS: names resolve as a public resolver would answer.
NAMES = {"fcm.googleapis.com": ["142.250.72.10"], "web.push.apple.com": ["17.253.144.10"],
         "rebound.example.com": ["142.250.72.10", "10.0.0.5"]}


@pytest.fixture(autouse=True)
def dns(monkeypatch):
    async def lookup(host: str) -> list[str]:
        return NAMES.get(host, [host] if host[0].isdigit() else [])

    monkeypatch.setattr(addresses, "lookup", lookup)


@EVERY_ENVIRONMENT
@pytest.mark.parametrize("url", [
    "https://fcm.googleapis.com/fcm/send/abc", "https://web.push.apple.com/QG9", "https://8.8.8.8/push/x",
])
async def test_public_https_push_services_are_accepted(url, settings):
    assert await check_url(url, settings, "push.bad_endpoint", "endpoint") == url


# Refused everywhere, the tests' loopback setting included: it opens loopback, nothing else.
@EVERY_ENVIRONMENT
@pytest.mark.parametrize("url", [
    "http://fcm.googleapis.com/fcm/send/abc", "https://10.1.2.3/x", "https://192.168.1.10/x", "https://10.0.0.1/x",
    "https://169.254.169.254/latest/meta-data", "http://169.254.169.254/latest/meta-data", "https://[fd00::1]/x",
    "https://[fe80::1]/x", "https://[::ffff:10.0.0.1]/x", "https://100.64.0.1/x",
    "https://push.local/x", "https://intranet/x", "https://metadata.google.internal/x", "https://0.0.0.0/x",
    "https://unresolvable.invalid/x", "https://rebound.example.com/x", "https://user@fcm.googleapis.com/x",
    "https://fcm.googleapis.com:99999/x", "ftp://127.0.0.1/x", "",
])
async def test_plain_http_and_private_addresses_are_refused_in_every_environment(url, settings):
    with pytest.raises(Invalid) as refused:
        await check_url(url, settings, "push.bad_endpoint", "endpoint")
    assert refused.value.key == "push.bad_endpoint"


@pytest.mark.parametrize("url", ["http://127.0.0.1:9000/push/x", "https://127.0.0.1/x", "https://[::1]/x",
                                 "http://localhost:8001/push/x"])
async def test_only_the_test_setting_lets_the_loopback_push_service_be_called(url):
    for settings in (PROD, DEV):
        with pytest.raises(Invalid):
            await check_url(url, settings, "push.bad_endpoint", "endpoint")
    assert await check_url(url, TESTS, "push.bad_endpoint", "endpoint") == url


def test_production_refuses_the_test_only_loopback_switch():
    with pytest.raises(SettingsError):
        dataclasses.replace(PROD, push_allow_loopback=True).validate()


def test_development_generates_a_private_vapid_key_once(tmp_path):
    path = tmp_path / "var" / "vapid_private.pem"
    settings = dataclasses.replace(DEV, vapid_private_key=str(path))
    public = application_server_key(settings)
    raw = base64.urlsafe_b64decode(public + "=" * (-len(public) % 4))
    assert len(raw) == 65 and raw[0] == 4  # an uncompressed P-256 point, as pushManager.subscribe wants
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert application_server_key(dataclasses.replace(DEV, vapid_private_key=str(path))) == public


def test_production_needs_its_vapid_key_given(tmp_path):
    with pytest.raises(SettingsError):
        vapid_key(dataclasses.replace(PROD, vapid_private_key=str(tmp_path / "missing.pem")))
    key = Vapid()
    key.generate_keys()
    raw = key.private_key.private_numbers().private_value.to_bytes(32, "big")
    encoded = base64.urlsafe_b64encode(raw).decode().rstrip("=")
    assert vapid_key(dataclasses.replace(PROD, vapid_private_key=encoded)).public_key is not None
