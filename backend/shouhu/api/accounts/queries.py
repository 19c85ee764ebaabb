from __future__ import annotations

import strawberry

from shouhu.api.accounts.types import Me, me_of
from shouhu.api.context import Info


@strawberry.type
class AccountQueries:
    @strawberry.field(description="The signed-in person, or null when not signed in.")
    def me(self, info: Info) -> Me | None:
        context = info.context
        if context.account is None:
            return None
        return me_of(context.principal, context.account)
