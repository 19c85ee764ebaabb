"""The address of every request, checked before any route reads it: a path or a query
parameter with a refused character (`/reports/daily.csv?school=%00`, `/bookings/%00.ics`, `/%00`)
is answered 400, instead of reaching a database query or a file-system call that fails on it."""

from __future__ import annotations

from urllib.parse import parse_qsl

from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from shouhu.i18n import negotiate, translate
from shouhu.text import is_clean


def _clean(scope: Scope) -> bool:
    if not is_clean(scope["path"]):
        return False
    # As Starlette reads them for request.query_params and so for every route.
    pairs = parse_qsl(scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
    return all(is_clean(key) and is_clean(value) for key, value in pairs)


class CleanRequestLine:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or _clean(scope):
            await self.app(scope, receive, send)
            return
        locale = negotiate(Headers(scope=scope).get("accept-language"))
        response = PlainTextResponse(
            translate("http.bad_text", locale),
            status_code=400,
            headers={"Cache-Control": "no-store", "X-Shouhu-Code": "INVALID_TEXT"},
        )
        await response(scope, receive, send)
