"""Where the server may send: push endpoints and chat-robot URLs must be https and must not point
into a private network (the server would otherwise call inside its own network on a user's say-so).
The rule is the same in every environment — a staging server sits inside a network too. The one
exception is a test setting (`push_allow_loopback`, refused in production) that lets the tests'
own push service on this machine's loopback address be called, over http or https."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

from shouhu.errors import Invalid
from shouhu.settings import Settings

PRIVATE_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa", ".intranet")
MAX_URL = 1024


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _private(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    return not ip.is_global or ip.is_multicast


async def lookup(host: str) -> list[str]:
    """The addresses a host name resolves to (empty when it does not resolve)."""
    try:
        infos = await asyncio.wait_for(
            asyncio.get_running_loop().getaddrinfo(host, 443, type=socket.SOCK_STREAM), timeout=5
        )
    except (OSError, TimeoutError):
        return []
    return [info[4][0] for info in infos]


async def _resolves_private(host: str) -> bool:
    addresses = await lookup(host)
    # A host we cannot resolve is not one we will call.
    return not addresses or any(_private(address) for address in addresses)


async def check_url(url: str | None, settings: Settings, error_key: str, field: str) -> str:
    """The URL, if the server may call it; Invalid(error_key) otherwise."""
    value = (url or "").strip()
    if not value or len(value) > MAX_URL:
        raise Invalid(error_key, field=field)
    try:
        parts = urlsplit(value)
        host = (parts.hostname or "").lower()
        parts.port  # noqa: B018 — raises ValueError on a bad port
    except ValueError:
        raise Invalid(error_key, field=field) from None
    if not host or parts.username or parts.password:
        raise Invalid(error_key, field=field)
    if settings.push_allow_loopback and _loopback(host):
        if parts.scheme not in ("https", "http"):
            raise Invalid(error_key, field=field)
        return value
    if parts.scheme != "https":
        raise Invalid(error_key, field=field)
    if host == "localhost" or host.endswith(PRIVATE_SUFFIXES) or "." not in host.strip("[]"):
        raise Invalid(error_key, field=field)
    if _private(host.strip("[]")) or await _resolves_private(host):
        raise Invalid(error_key, field=field)
    return value
