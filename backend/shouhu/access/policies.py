"""Write policies: may this principal change this thing? Raise, never return a half answer."""

from __future__ import annotations

from uuid import UUID

from shouhu.access.errors import Forbidden, Unauthenticated
from shouhu.access.principal import Principal


def require_authenticated(principal: Principal) -> None:
    if not principal.authenticated:
        raise Unauthenticated()


def require_school_admin(principal: Principal, school_id: UUID | None = None) -> UUID:
    """The school the admin acts for (their own when not named)."""
    require_authenticated(principal)
    if school_id is None:
        school_id = principal.school_id
    if school_id is None or school_id not in principal.admin_of:
        raise Forbidden()
    return school_id
