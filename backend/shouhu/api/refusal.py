"""A request refused before it runs: a document that does not parse, costs too much, names no
operation, carries refused text or does not match the API. The HTTP layer answers it with a
400, a translated message and a stable code; it is never a server error."""

from __future__ import annotations

from graphql import GraphQLError, GraphQLSyntaxError


class Refusal(GraphQLError):
    """`key` is the catalogue message, `code` the stable code a client may branch on, `field`
    the argument or variable it concerns and `detail` graphql-core's own English text."""

    def __init__(
        self,
        key: str,
        code: str,
        *,
        field: str | None = None,
        detail: str | None = None,
        cause: GraphQLError | None = None,
        **params: object,
    ) -> None:
        # Keep where the problem is in the document: a client's editor can point at it.
        super().__init__(
            detail or key,
            nodes=cause.nodes if cause else None,
            source=cause.source if cause else None,
            positions=cause.positions if cause else None,
        )
        self.key = key
        self.code = code
        self.field = field
        self.detail = detail
        self.params = params


def too_complex() -> Refusal:
    return Refusal("graphql.too_complex", "QUERY_TOO_COMPLEX")


def syntax(error: GraphQLSyntaxError) -> Refusal:
    return Refusal("graphql.syntax", "GRAPHQL_PARSE_FAILED", detail=error.message, cause=error)


def invalid(error: GraphQLError) -> Refusal:
    """A document that does not match the API: graphql-core's rules found it."""
    return Refusal("graphql.invalid", "GRAPHQL_VALIDATION_FAILED", detail=error.message, cause=error)
