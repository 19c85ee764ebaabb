"""POST /graphql: the transport checks (CSRF, content type, size), the session, execution,
and errors turned into translated messages with stable codes."""

from __future__ import annotations

import json
import logging
from typing import Any

from graphql import GraphQLError
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from shouhu.access.audit import AuditTrail
from shouhu.access.errors import AccessError
from shouhu.access.principal import ANONYMOUS, build_principal
from shouhu.api.context import Context
from shouhu.api.errors import BadInput
from shouhu.api.loaders import Loaders
from shouhu.api.refusal import Refusal
from shouhu.auth.devices import DEVICE_DAYS
from shouhu.auth.services import remember_locale
from shouhu.auth.sessions import resolve_session
from shouhu.i18n import negotiate, translate
from shouhu.settings import Settings
from shouhu.text import dotted, unclean_path

logger = logging.getLogger("shouhu.api")

MAX_BODY_BYTES = 64 * 1024
SAME_SITE = {"same-origin", "none"}


def _refuse(
    status: int, key: str, locale: str, code: str, headers: dict[str, str] | None = None, extensions: dict[str, str] | None = None
) -> JSONResponse:
    body = {"errors": [{"message": translate(key, locale), "extensions": {"code": code, **(extensions or {})}}]}
    return JSONResponse(body, status_code=status, headers=headers)


def _foreign(request: Request, settings: Settings) -> bool:
    """A browser request sent by another site. Non-browser clients send neither header."""
    fetch_site = request.headers.get("sec-fetch-site")
    if fetch_site is not None and fetch_site not in SAME_SITE:
        return True
    origin = request.headers.get("origin")
    if origin is None:
        return False
    own = f"{request.url.scheme}://{request.url.netloc}"
    return origin.rstrip("/") not in settings.allowed_origins and (settings.is_prod or origin != own)


def _format_error(error: GraphQLError, locale: str) -> dict[str, Any]:
    original = error.original_error
    formatted: dict[str, Any] = {"message": "", "extensions": {}}
    if error.path:
        formatted["path"] = error.path
    if isinstance(error, Refusal):
        formatted["message"] = translate(error.key, locale, **error.params)
        formatted["extensions"]["code"] = error.code
        if error.field is not None:
            formatted["extensions"]["field"] = error.field
        if error.detail is not None:  # graphql-core's English text (strawberry may trim it in production)
            formatted["extensions"]["detail"] = error.message
        if error.locations:
            formatted["locations"] = [{"line": loc.line, "column": loc.column} for loc in error.locations]
    elif isinstance(original, AccessError):
        formatted["message"] = translate(original.message_key, locale)
        formatted["extensions"]["code"] = original.code
    elif isinstance(original, BadInput):
        formatted["message"] = translate(original.key, locale, **original.params)
        formatted["extensions"]["code"] = original.code
    else:  # a bug: the log has it, the client gets a masked message
        formatted["message"] = translate("graphql.internal", locale)
        formatted["extensions"]["code"] = "INTERNAL_SERVER_ERROR"
    return formatted


def _request_data(raw: bytes) -> dict[str, Any] | None:
    """The decoded body if it has the shape of one GraphQL request (no batches)."""
    data = json.loads(raw)
    if not isinstance(data, dict):
        return None
    if not isinstance(data.get("query"), str) or not isinstance(data.get("variables"), (dict, type(None))):
        return None
    if not isinstance(data.get("operationName"), (str, type(None))):
        return None
    return data


async def graphql_endpoint(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    locale = negotiate(request.headers.get("accept-language"))
    if request.method == "GET":
        if not settings.is_prod and "text/html" in request.headers.get("accept", ""):
            from strawberry.http.ide import get_graphql_ide_html

            return HTMLResponse(get_graphql_ide_html(graphql_ide="graphiql"), headers={"x-shouhu-ide": "1"})
        return _refuse(405, "http.method_not_allowed", locale, "METHOD_NOT_ALLOWED", {"Allow": "POST"})
    if _foreign(request, settings):
        return _refuse(403, "http.foreign_origin", locale, "FOREIGN_ORIGIN")
    content_type = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if content_type != "application/json":
        return _refuse(415, "http.unsupported_media_type", locale, "UNSUPPORTED_MEDIA_TYPE")
    declared = request.headers.get("content-length", "0")
    if not declared.isdigit() or int(declared) > MAX_BODY_BYTES:
        return _refuse(413, "http.body_too_large", locale, "BODY_TOO_LARGE")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():  # bounded even when no length was declared
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            return _refuse(413, "http.body_too_large", locale, "BODY_TOO_LARGE")
        chunks.append(chunk)
    raw = b"".join(chunks)
    try:
        data = _request_data(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):  # RecursionError: nested past the decoder's limit
        return _refuse(400, "http.bad_json", locale, "BAD_JSON")
    if data is None:
        return _refuse(400, "http.bad_request", locale, "BAD_REQUEST")
    # Every string the client sent, keys too, before anything reads it or touches the database.
    unclean = unclean_path(data)
    if unclean is not None:
        return _refuse(400, "text.invalid", locale, "INVALID_TEXT", extensions={"field": dotted(unclean)})
    query, variables, operation = data["query"], data.get("variables"), data.get("operationName")

    session = await resolve_session(request.cookies.get(settings.session_cookie))
    if session and request.headers.get("accept-language"):
        await remember_locale(session.account, locale)
    principal = await build_principal(session.account, session.id) if session else ANONYMOUS
    trail = AuditTrail(principal)
    context = Context(
        request=request,
        principal=principal,
        account=session.account if session else None,
        locale=locale,
        loaders=Loaders(principal, trail),
        audit=trail,
    )
    result = await request.app.state.schema.execute(
        query, variable_values=variables, context_value=context, operation_name=operation
    )
    await trail.flush()

    payload: dict[str, Any] = {"data": result.data}
    status = 200
    if result.errors:
        payload["errors"] = [_format_error(e, locale) for e in result.errors]
        if result.data is None and all(isinstance(e, Refusal) for e in result.errors):
            status = 400  # refused before it ran: nothing was written
    response = JSONResponse(payload, status_code=status, headers={"Cache-Control": "no-store"})
    _apply_cookies(response, context, settings)
    return response


def _apply_cookies(response: Response, context: Context, settings: Settings) -> None:
    for change, token in context.cookie_changes:
        if change == "set" and token:
            response.set_cookie(
                settings.session_cookie,
                token,
                max_age=settings.session_absolute_days * 86400,
                path="/",
                httponly=True,
                secure=settings.is_prod,
                samesite="lax",
            )
        elif change == "clear":
            response.delete_cookie(settings.session_cookie, path="/", httponly=True, secure=settings.is_prod, samesite="lax")
        elif change == "device" and token:
            # Signing out leaves it in place: the browser stays known for the next sign-in.
            response.set_cookie(
                settings.device_cookie,
                token,
                max_age=DEVICE_DAYS * 86400,
                path="/",
                httponly=True,
                secure=settings.is_prod,
                samesite="lax",
            )
