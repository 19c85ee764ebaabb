"""The per-request context every resolver receives."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import strawberry
from starlette.requests import Request

from shouhu.access.audit import AuditTrail
from shouhu.access.principal import Principal
from shouhu.accounts.models import Account
from shouhu.i18n import translate

if TYPE_CHECKING:
    from shouhu.api.loaders import Loaders


@dataclass
class Context:
    request: Request
    principal: Principal
    account: Account | None
    locale: str
    loaders: Loaders
    audit: AuditTrail
    # ("set", token) or ("clear", None) for the session, ("device", token) for the device cookie:
    # applied to the HTTP response after execution.
    cookie_changes: list[tuple[str, str | None]] = field(default_factory=list)

    def t(self, key: str, **params: Any) -> str:
        return translate(key, self.locale, **params)

    @property
    def client_address(self) -> str:
        return self.request.client.host if self.request.client else "unknown"

    @property
    def device_token(self) -> str | None:
        """The device cookie this browser sent, unchecked (shouhu.auth.devices checks it)."""
        return self.request.cookies.get(self.request.app.state.settings.device_cookie)


Info = strawberry.Info[Context, None]
