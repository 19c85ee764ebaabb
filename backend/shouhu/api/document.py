"""Reading the client's document: parse it within a token budget, choose the one operation to
run, and refuse string literals whose escapes spell a refused character."""

from __future__ import annotations

from graphql import (
    ArgumentNode,
    DocumentNode,
    GraphQLSyntaxError,
    ObjectFieldNode,
    OperationDefinitionNode,
    OperationType,
    StringValueNode,
    Visitor,
    visit,
)
from graphql.language import Lexer, Source, Token, TokenKind
from graphql.language.parser import Parser

from shouhu.api.refusal import Refusal, syntax, too_complex
from shouhu.text import is_clean


class _BudgetLexer(Lexer):
    """Counts comments as they are read: the parser only counts them after skipping a whole
    run, and 64 KB of `#` lines is 32,000 of them."""

    def __init__(self, source: Source, budget: int) -> None:
        super().__init__(source)
        self._budget = budget
        self._comments = 0

    def read_comment(self, start: int) -> Token:
        self._comments += 1
        if self._comments > self._budget:
            raise too_complex()
        return super().read_comment(start)


class _BudgetParser(Parser):
    """graphql-core's parser, stopping at the first token over the budget (comments count:
    they cost as much to read). Its own `max_tokens` says the same only in the text of a
    syntax error."""

    def __init__(self, query: str, budget: int) -> None:
        super().__init__(query, lexer=_BudgetLexer(Source(query), budget))
        self._budget = budget

    def advance_lexer(self) -> None:
        super().advance_lexer()
        if self.token_count > self._budget:
            raise too_complex()


def _has_no_tokens(query: str, budget: int) -> bool:
    """Only white space and comments (within the budget): nothing to run, rather than a syntax error."""
    try:
        return _BudgetLexer(Source(query), budget).lookahead().kind is TokenKind.EOF
    except GraphQLSyntaxError:
        return False


def parse_document(query: str, max_tokens: int) -> DocumentNode:
    if not query or _has_no_tokens(query, max_tokens):
        raise Refusal("graphql.no_operation", "NO_OPERATION")
    parser = _BudgetParser(query, max_tokens)
    try:
        return parser.parse_document()
    except RecursionError:  # nested past graphql-core's limit (or the interpreter's)
        raise too_complex() from None
    except GraphQLSyntaxError as error:
        raise syntax(error) from None


def choose_operation(document: DocumentNode, name: str | None) -> OperationDefinitionNode:
    """The operation `name` asks for. Without a name the document must hold exactly one:
    running the first of several would answer a question the client did not ask."""
    operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if not operations:
        raise Refusal("graphql.no_operation", "NO_OPERATION")
    if name is None:
        if len(operations) > 1:
            raise Refusal("graphql.operation_name_required", "OPERATION_NAME_REQUIRED")
        chosen = operations[0]
    else:
        named = [o for o in operations if o.name is not None and o.name.value == name]
        if not named:
            raise Refusal("graphql.unknown_operation", "UNKNOWN_OPERATION")
        chosen = named[0]
    if chosen.operation is OperationType.SUBSCRIPTION:
        raise Refusal("graphql.subscription", "OPERATION_NOT_SUPPORTED")
    return chosen


class _Literals(Visitor):
    def enter_string_value(self, node: StringValueNode, _key: object, parent: object, _path: object, ancestors: list) -> None:
        if is_clean(node.value):
            return
        names = [a.name.value for a in (*ancestors, parent) if isinstance(a, (ArgumentNode, ObjectFieldNode))]
        raise Refusal("text.invalid", "INVALID_TEXT", field=".".join(names) or None)


def refuse_unclean_literals(query: str, document: DocumentNode) -> None:
    """The raw text was checked at the edge, but an escape such as `\\u0000` inside a string
    literal only becomes a NUL when parsed. Block strings have no such escapes."""
    if "\\u" in query:
        visit(document, _Literals())
