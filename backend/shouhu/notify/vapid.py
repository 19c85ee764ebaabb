"""The server's VAPID key pair (RFC 8292): generated into var/ in development, given in production."""

from __future__ import annotations

import base64
import os
from functools import lru_cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from py_vapid import Vapid

from shouhu.settings import Settings, SettingsError


def _b64url(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def _looks_like_path(value: str) -> bool:
    return "/" in value or value.endswith(".pem")


def _generate(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    vapid = Vapid()
    vapid.generate_keys()
    pem = vapid.private_pem()
    # Written once, readable by this user only; a second process racing us keeps the first file.
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return
    with os.fdopen(fd, "wb") as out:
        out.write(pem)


@lru_cache(maxsize=4)
def _load(value: str, is_prod: bool) -> Vapid:
    if _looks_like_path(value):
        path = Path(value)
        if not path.exists():
            if is_prod:
                raise SettingsError(f"SHOUHU_VAPID_PRIVATE_KEY: no key file at {path}")
            _generate(path)
        return Vapid.from_file(str(path))
    try:
        return Vapid.from_string(value)
    except Exception as error:  # noqa: BLE001 — any parse failure is a configuration error
        raise SettingsError("SHOUHU_VAPID_PRIVATE_KEY is neither a PEM file nor a base64url key") from error


def vapid_key(settings: Settings) -> Vapid:
    return _load(settings.vapid_private_key, settings.is_prod)


def application_server_key(settings: Settings) -> str:
    """The public key as the browser's applicationServerKey: base64url of the uncompressed point."""
    point = vapid_key(settings).public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return _b64url(point)
