"""Serving the built PWA: hashed assets cached for good, the shell never cached, deep links
answered with the app, and security headers on every response."""

from __future__ import annotations

from pathlib import Path

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

NO_CACHE = {"index.html", "sw.js", "manifest.webmanifest", "registerSW.js"}
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "worker-src 'self'; manifest-src 'self'; font-src 'self'; frame-ancestors 'none'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'"
)
SECURITY_HEADERS = {
    b"content-security-policy": CSP.encode(),
    b"x-content-type-options": b"nosniff",
    b"referrer-policy": b"no-referrer",
    b"x-frame-options": b"DENY",
    b"permissions-policy": b"camera=(), microphone=(), geolocation=()",
    b"cross-origin-opener-policy": b"same-origin",
}


class SecurityHeaders:
    """Adds the headers to every HTTP response. The dev-only GraphiQL page loads its
    scripts from a CDN, so it gets no CSP."""

    def __init__(self, app: ASGIApp, hsts: bool) -> None:
        self.app = app
        self.hsts = hsts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                ide = b"x-shouhu-ide" in present
                for name, value in SECURITY_HEADERS.items():
                    if name not in present and not (ide and name == b"content-security-policy"):
                        headers.append((name, value))
                if self.hsts:
                    headers.append((b"strict-transport-security", b"max-age=31536000; includeSubDomains"))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


class PwaFiles:
    """The built app from pwa/dist. Unknown paths without a file extension get index.html,
    so that a deep link (/help, /admin/students) opens the app."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()

    def _file(self, path: str) -> Path | None:
        candidate = (self.root / path.lstrip("/")).resolve()
        if candidate.is_relative_to(self.root) and candidate.is_file():
            return candidate
        return None

    async def serve(self, request: Request) -> Response:
        if request.method not in {"GET", "HEAD"}:
            raise HTTPException(405)
        path = request.url.path
        found = self._file(path) if path != "/" else None
        if found is None:
            if Path(path).suffix:  # a missing file, not a page
                return PlainTextResponse("Not Found", status_code=404)
            found = self._file("index.html")
            if found is None:
                return PlainTextResponse("The app is not built: run `make run`.", status_code=503)
        response = FileResponse(found)
        if found.name in NO_CACHE:
            response.headers["Cache-Control"] = "no-cache"
        elif found.parent.name == "assets":
            response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
        else:
            response.headers["Cache-Control"] = "public, max-age=3600"
        if found.name == "sw.js":
            response.headers["Service-Worker-Allowed"] = "/"
        return response
