"""Files the app links to: a booking as an .ics calendar entry, the daily report as CSV.
Signed-in GETs (read-only), through the same scopes as the API."""

from __future__ import annotations

import csv
import io
from datetime import date
from uuid import UUID

from icalendar import Calendar, Event
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response

from shouhu.access import scopes
from shouhu.access.principal import ANONYMOUS, Principal, build_principal
from shouhu.auth.sessions import resolve_session
from shouhu.clock import utcnow
from shouhu.counselling import report
from shouhu.errors import Invalid
from shouhu.i18n import negotiate, translate
from shouhu.settings import Settings

PRIVATE = {"Cache-Control": "no-store", "X-Content-Type-Options": "nosniff"}


async def _principal(request: Request) -> Principal:
    settings: Settings = request.app.state.settings
    session = await resolve_session(request.cookies.get(settings.session_cookie))
    return await build_principal(session.account, session.id) if session else ANONYMOUS


def _refuse(request: Request, status: int, key: str, **params: object) -> Response:
    locale = negotiate(request.headers.get("accept-language"))
    return PlainTextResponse(translate(key, locale, **params), status_code=status, headers=PRIVATE)


def _uuid(value: str) -> UUID | None:
    try:
        return UUID(value)
    except ValueError:
        return None


async def booking_ics(request: Request) -> Response:
    """The booking for the phone's calendar: time and place only — not the topic, which a
    synced calendar would carry off the phone."""
    principal = await _principal(request)
    if not principal.authenticated:
        return _refuse(request, 401, "auth.unauthenticated")
    booking_id = _uuid(request.path_params["booking_id"])
    booking = await scopes.visible_bookings(principal).select_related("room").get_or_none(id=booking_id) if booking_id else None
    if booking is None:
        return _refuse(request, 404, "auth.not_found")
    locale = negotiate(request.headers.get("accept-language"))
    calendar = Calendar()
    calendar.add("prodid", "-//Shouhu//counselling room//")
    calendar.add("version", "2.0")
    event = Event()
    event.add("uid", f"{booking.id}@shouhu")
    event.add("dtstamp", utcnow())
    event.add("dtstart", booking.starts_at)
    event.add("dtend", booking.ends_at)
    event.add("summary", translate("ics.summary", locale))
    event.add("location", f"{booking.room.name} · {booking.room.place}")
    if booking.status == "cancelled":
        event.add("status", "CANCELLED")
    calendar.add_component(event)
    headers = {**PRIVATE, "Content-Disposition": f'attachment; filename="counselling-{booking.starts_at:%Y%m%d-%H%M}.ics"'}
    return Response(calendar.to_ical(), media_type="text/calendar; charset=utf-8", headers=headers)


async def daily_report_csv(request: Request) -> Response:
    """/reports/daily.csv?school=<id>&since=YYYY-MM-DD&days=N: counts per day, no names."""
    principal = await _principal(request)
    if not principal.authenticated:
        return _refuse(request, 401, "auth.unauthenticated")
    school_id = _uuid(request.query_params.get("school", ""))
    try:
        since = date.fromisoformat(request.query_params.get("since", "")) if request.query_params.get("since") else None
        days = int(request.query_params.get("days", "7"))
    except ValueError:
        return _refuse(request, 400, "http.bad_request")
    try:
        rows = await report.daily_report(principal, school_id, since, days) if school_id else None
    except Invalid as error:
        return _refuse(request, 400, error.key, **error.params)
    if rows is None:
        return _refuse(request, 404, "auth.not_found")
    locale = negotiate(request.headers.get("accept-language"))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([translate(f"report.column.{name}", locale) for name in
                     ("school", "date", "sessions_held", "no_shows", "new_bookings", "case_students_seen")])
    for r in rows:
        writer.writerow([r.school_name, r.day.isoformat(), r.sessions_held, r.no_shows, r.new_bookings, r.case_students_seen])
    headers = {**PRIVATE, "Content-Disposition": 'attachment; filename="daily-report.csv"'}
    # A byte order mark, so that spreadsheet programs read the Chinese as UTF-8.
    return Response("\ufeff" + out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
