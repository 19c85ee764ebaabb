"""Root-field gates. Stateless: object-level rules live in shouhu.access."""

from __future__ import annotations

from typing import Any

from strawberry.permission import BasePermission

from shouhu.access.errors import Forbidden, Unauthenticated


class IsAuthenticated(BasePermission):
    def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        if not info.context.principal.authenticated:
            raise Unauthenticated()
        return True


class IsSchoolAdmin(BasePermission):
    def has_permission(self, source: Any, info: Any, **kwargs: Any) -> bool:
        principal = info.context.principal
        if not principal.authenticated:
            raise Unauthenticated()
        if not principal.admin_of:
            raise Forbidden()
        return True
