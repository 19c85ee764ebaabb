"""The schema's gatekeeper: every document is parsed, measured and validated here, in this
order, and a request that fails any step is refused before it runs.

It takes over strawberry's own parse and validate steps (as strawberry's ParserCache and
ValidationCache extensions do) so that
- the token budget stops the parser, and a document with no operation, an unknown
  operationName or several operations and no name is refused before strawberry asks for the
  operation's type (which it answers with an uncaught error, a 500);
- the linear cost measure runs before graphql-core's rules, which follow every spread;
- variables are coerced before execution, so a wrong or missing value is a refusal, not an
  error in the middle of a result.
Refusals are raised where strawberry offers no other way out of a step; `Schema.execute`
turns an error raised by an extension into a result without data.
"""

from __future__ import annotations

from collections.abc import Iterator

from graphql import GraphQLError, OperationDefinitionNode, VariableDefinitionNode, validate
from graphql.execution.values import get_variable_values
from strawberry.extensions import SchemaExtension
from strawberry.schema.validation_rules.maybe_null import MaybeNullValidationRule
from strawberry.schema.validation_rules.one_of import OneOfInputValidationRule

from shouhu.api import cost
from shouhu.api.document import choose_operation, parse_document, refuse_unclean_literals
from shouhu.api.refusal import Refusal, invalid

# Enough for a client to fix its document; each error costs the size of the node it prints.
MAX_ERRORS = 5


class RequestGuard(SchemaExtension):
    def __init__(self, limits: cost.Limits, max_tokens: int) -> None:
        super().__init__()
        self.limits = limits
        self.max_tokens = max_tokens
        self.operation: OperationDefinitionNode | None = None

    def on_operation(self) -> Iterator[None]:
        # strawberry answers an empty query with an uncaught MissingQueryError before parsing.
        if not self.execution_context.query:
            raise Refusal("graphql.no_operation", "NO_OPERATION")
        yield

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        query = context.query or ""
        document = parse_document(query, self.max_tokens)
        # Before the document is set, strawberry's operation_name is the one the client sent.
        self.operation = choose_operation(document, context.operation_name)
        refuse_unclean_literals(query, document)
        context.graphql_document = document
        yield

    def on_validate(self) -> Iterator[None]:
        context = self.execution_context
        assert context.graphql_document is not None and self.operation is not None
        try:
            cost.measure(context.graphql_document, self.limits)
        except Refusal as refusal:
            context.pre_execution_errors = [refusal]
        else:
            context.pre_execution_errors = self._validate() or self._coerce_variables()
        yield

    def _validate(self) -> list[GraphQLError]:
        """graphql-core's rules and strawberry's two, as strawberry would run them, but with fewer
        errors: each error prints the value it concerns, so 100 errors about one large input
        literal cost 100 times its size (half a second for a 4 KB object)."""
        context = self.execution_context
        rules = (*context.validation_rules, MaybeNullValidationRule, OneOfInputValidationRule)
        errors = validate(
            context.schema._schema,
            context.graphql_document,  # type: ignore[arg-type]
            rules,
            max_errors=MAX_ERRORS,
            hide_suggestions=context.schema.config.disable_field_suggestions,
        )
        return [invalid(error) for error in errors]

    def _coerce_variables(self) -> list[GraphQLError]:
        assert self.operation is not None
        coerced = get_variable_values(
            self.execution_context.schema._schema,
            self.operation.variable_definitions or (),
            self.execution_context.variables or {},
            max_errors=MAX_ERRORS,
        )
        if not isinstance(coerced, list):
            return []
        return [self._bad_variable(error) for error in coerced]

    @staticmethod
    def _bad_variable(error: GraphQLError) -> Refusal:
        # graphql-core places the error on the variable's definition.
        node = error.nodes[0] if error.nodes else None
        name = node.variable.name.value if isinstance(node, VariableDefinitionNode) else ""
        return Refusal(
            "graphql.bad_variable", "BAD_VARIABLE", field=name or None, detail=error.message, cause=error, name=f"${name}" if name else ""
        )
