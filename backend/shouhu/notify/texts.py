"""What a notification says: content-free texts from the catalogue, never a name or a detail.

A push payload carries a title, a count-only sentence, a tag (a newer reminder of the same kind
replaces the older one on the phone) and the in-app address of the inbox entry, which the app opens
after sign-in. Web Push allows 4,096 bytes of ciphertext: payloads stay under 3,993 bytes of
plaintext (4,096 minus the aes128gcm header, padding delimiter and tag).
"""

from __future__ import annotations

import json
from uuid import UUID

from shouhu.i18n import translate
from shouhu.notify.rules import URGENT

MAX_PAYLOAD = 3993


def message(kind: str, count: int, locale: str) -> str:
    return translate(f"notify.{kind}", locale, count=count)


def title(kind: str, locale: str) -> str:
    return translate("notify.title.urgent" if kind in URGENT else "notify.title", locale)


def inbox_address(notification_id: UUID) -> str:
    return f"/notifications/{notification_id}"


def push_payload(*, kind: str, count: int, locale: str, notification_id: UUID, tag: str) -> bytes:
    """The JSON the service worker shows: no name, no signal, no note — a tap opens the app."""
    body = {
        "title": title(kind, locale),
        "body": message(kind, count, locale),
        "tag": tag or str(notification_id),
        "url": inbox_address(notification_id),
        "urgent": kind in URGENT,
        "kind": kind,
    }
    raw = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if len(raw) > MAX_PAYLOAD:  # the catalogue's texts are short; this guards against a future one
        raise ValueError("push payload too large")
    return raw


def webhook_body(kind: str, count: int, locale: str) -> dict:
    """A text message in the format chat-group robots take (企业微信 and 钉钉 robots)."""
    text = message(kind, count, locale) + translate("notify.webhook_suffix", locale)
    return {"msgtype": "text", "text": {"content": text}}

