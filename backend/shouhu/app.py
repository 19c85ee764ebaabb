"""create_app(): routes, middleware and the database lifespan."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from tortoise.connection import get_connection
from tortoise.contrib.starlette import RegisterTortoise

from shouhu.api.files import booking_ics, daily_report_csv
from shouhu.api.http import graphql_endpoint
from shouhu.api.schema import make_schema
from shouhu.db import tortoise_config
from shouhu.notify.dispatcher import run_worker
from shouhu.notify.vapid import vapid_key
from shouhu.request_line import CleanRequestLine
from shouhu.settings import Settings, get_settings
from shouhu.web import PwaFiles, SecurityHeaders


async def healthz(request: Request) -> JSONResponse:
    return JSONResponse({"status": "ok"}, headers={"Cache-Control": "no-store"})


async def readyz(request: Request) -> JSONResponse:
    try:
        await get_connection("default").execute_query("SELECT 1")
    except Exception:  # noqa: BLE001 — any failure means "not ready"
        return JSONResponse({"status": "database unreachable"}, status_code=503, headers={"Cache-Control": "no-store"})
    return JSONResponse({"status": "ready"}, headers={"Cache-Control": "no-store"})


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or get_settings()
    pwa = PwaFiles(settings.pwa_dist)

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # The Web Push key pair: generated into var/ on the first run in development; in production
        # a missing key stops the start here rather than at the first push.
        vapid_key(settings)
        async with RegisterTortoise(app, config=tortoise_config(settings.database_url)):
            if not settings.dispatch_in_process:
                yield
                return
            stop = asyncio.Event()
            worker = asyncio.create_task(run_worker(settings, stop=stop, name="in-process"))
            try:
                yield
            finally:
                stop.set()
                await worker

    app = Starlette(
        routes=[
            Route("/graphql", graphql_endpoint, methods=["GET", "POST"]),
            Route("/bookings/{booking_id}.ics", booking_ics),
            Route("/reports/daily.csv", daily_report_csv),
            Route("/healthz", healthz),
            Route("/readyz", readyz),
            Route("/{path:path}", pwa.serve, methods=["GET", "HEAD"]),
        ],
        middleware=[Middleware(SecurityHeaders, hsts=settings.is_prod), Middleware(CleanRequestLine)],
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.schema = make_schema(production=settings.is_prod)
    return app
