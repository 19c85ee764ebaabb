"""The root schema, composed from the areas; `schema` is the export target for schema.graphql."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import strawberry
from graphql import GraphQLError
from strawberry.extensions import DisableIntrospection
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from shouhu.access.errors import AccessError
from shouhu.api.accounts.mutations import AccountMutations
from shouhu.api.accounts.queries import AccountQueries
from shouhu.api.care.mutations import CareMutations
from shouhu.api.care.queries import CareQueries
from shouhu.api.counselling.mutations import CounsellingMutations
from shouhu.api.counselling.queries import CounsellingQueries, SealedRecordQueries
from shouhu.api.cost import Limits
from shouhu.api.errors import BadInput
from shouhu.api.guard import RequestGuard
from shouhu.api.notify import NotifyMutations, NotifyQueries
from shouhu.api.refusal import Refusal
from shouhu.api.roster.mutations import RosterMutations
from shouhu.api.roster.queries import RosterQueries

logger = logging.getLogger("shouhu.api")

Query = merge_types("Query", (AccountQueries, RosterQueries, CareQueries, CounsellingQueries, SealedRecordQueries, NotifyQueries))
Mutation = merge_types("Mutation", (AccountMutations, RosterMutations, CareMutations, CounsellingMutations, NotifyMutations))

# Root fields anyone may call without signing in. Every other root field must carry a
# permission class; a test walks the schema and fails otherwise.
PUBLIC_FIELDS = {"me", "login", "logout", "activateAccount"}

# What one request may ask for (see api/cost.py). The app's own documents stay far below:
# a test runs every one of them through these limits.
MAX_TOKENS = 2000
MAX_DEPTH = 10
MAX_FIELDS = 2000
MAX_ALIASES = 20
MAX_SPREADS = 50
MAX_OVERLAPS = 1000


class ShouhuSchema(strawberry.Schema):
    def process_errors(self, errors: Sequence[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        # Refusals and bad input are expected: no tracebacks. Anything else is a bug: log it whole.
        for error in errors:
            original = error.original_error
            if isinstance(error, Refusal):
                logger.info("graphql request refused: %s", error.code)
            elif isinstance(original, (AccessError, BadInput)):
                logger.info("graphql request refused: %s", type(original).__name__)
            else:
                logger.error("graphql resolver failed", exc_info=original)


def make_schema(production: bool = False) -> ShouhuSchema:
    # The guard replaces strawberry's depth, alias and token limiters: those walk every spread
    # path again, which doubles their work with each fragment. It comes first: it parses and
    # validates, and nothing should run on a document before it. No parser or validation cache:
    # parsing within the token budget is cheap, and unique documents would only fill a cache.
    limits = Limits(depth=MAX_DEPTH, fields=MAX_FIELDS, aliases=MAX_ALIASES, spreads=MAX_SPREADS, overlaps=MAX_OVERLAPS)
    extensions: list[Any] = [lambda: RequestGuard(limits, MAX_TOKENS)]
    if production:
        extensions.append(DisableIntrospection)
    return ShouhuSchema(
        query=Query,
        mutation=Mutation,
        extensions=extensions,
        config=StrawberryConfig(disable_field_suggestions=production),
    )


schema = make_schema()
