"""What a document costs, measured in time linear in its size, before anything else walks it.

graphql-core's rules and strawberry's limiters follow every fragment spread: 22 fragments that
each spread the next one twice make 4 million paths from a 911-byte body. Here each fragment
is measured once, bottom-up, and its measure is reused wherever it is spread; a measure over a
limit stops the walk at once, so no number, and no map of paths, outgrows the limits.

The measure of a selection is the multiset of response paths it expands to (`me.account.id`
once per field node that answers it). From it come the limits below; the `overlaps` limit
bounds graphql-core's OverlappingFieldsCanBeMergedRule, which compares every pair of fields that
answer the same path (490 copies of `me { __typename }` take it most of a second).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from graphql import (
    DocumentNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    InlineFragmentNode,
    OperationDefinitionNode,
    SelectionSetNode,
)

from shouhu.api.refusal import Refusal, too_complex

ResponsePath = tuple[str, ...]


@dataclass(frozen=True)
class Limits:
    depth: int  # fields on the longest path, introspection fields not counted
    fields: int  # field nodes the operations expand to, all operations together
    aliases: int  # each aliased field can run a resolver again: `login` a hundred times
    spreads: int  # fragment spreads followed while expanding
    overlaps: int  # pairs of fields answering the same response path


@dataclass
class Shape:
    """The expanded selection of one fragment or operation, relative to where it is used."""

    paths: Counter[ResponsePath] = field(default_factory=Counter)
    fields: int = 0
    aliases: int = 0
    spreads: int = 0
    depth: int = 0

    def overlaps(self) -> int:
        return sum(n * (n - 1) // 2 for n in self.paths.values())


def _spread_names(selection_set: SelectionSetNode) -> list[str]:
    names: list[str] = []
    stack = [selection_set]
    while stack:
        for selection in stack.pop().selections:
            if isinstance(selection, FragmentSpreadNode):
                names.append(selection.name.value)
            elif selection.selection_set is not None:  # type: ignore[union-attr]
                stack.append(selection.selection_set)  # type: ignore[union-attr]
    return names


class _Measure:
    def __init__(self, document: DocumentNode, limits: Limits) -> None:
        self.limits = limits
        self.fragments: dict[str, FragmentDefinitionNode] = {}
        for definition in document.definitions:
            if isinstance(definition, FragmentDefinitionNode):
                self.fragments.setdefault(definition.name.value, definition)
        self.shapes: dict[str, Shape] = {}

    def check(self, shape: Shape) -> None:
        limits = self.limits
        if (shape.fields > limits.fields or shape.aliases > limits.aliases or shape.spreads > limits.spreads
                or shape.depth > limits.depth):
            raise too_complex()

    def fragment(self, name: str) -> Shape | None:
        """The measure of a fragment, after those it spreads (depth first, with a stack).
        A fragment reached again while its own spreads are being measured is a cycle: refused
        here, so that nothing walks it."""
        if name in self.shapes or name not in self.fragments:
            return self.shapes.get(name)
        on_path: set[str] = {name}
        stack = [(name, iter(_spread_names(self.fragments[name].selection_set)))]
        while stack:
            current, pending = stack[-1]
            for spread in pending:
                if spread in on_path:
                    raise Refusal("graphql.fragment_cycle", "GRAPHQL_VALIDATION_FAILED", field=spread)
                if spread in self.fragments and spread not in self.shapes:
                    on_path.add(spread)
                    stack.append((spread, iter(_spread_names(self.fragments[spread].selection_set))))
                    break
            else:
                stack.pop()
                on_path.discard(current)
                self.shapes[current] = self.definition(self.fragments[current])
        return self.shapes[name]

    def definition(self, node: OperationDefinitionNode | FragmentDefinitionNode) -> Shape:
        on_introspection = isinstance(node, FragmentDefinitionNode) and node.type_condition.name.value.startswith("__")
        return self.selection(node.selection_set, on_introspection)

    def selection(self, root: SelectionSetNode, introspection: bool) -> Shape:
        """Expand one selection set; fragments it spreads are already measured."""
        shape = Shape()
        stack: list[tuple[SelectionSetNode, ResponsePath, bool]] = [(root, (), introspection)]
        while stack:
            selection_set, prefix, introspection = stack.pop()
            for selection in selection_set.selections:
                if isinstance(selection, FieldNode):
                    self._field(shape, selection, prefix, introspection, stack)
                elif isinstance(selection, InlineFragmentNode):
                    condition = selection.type_condition
                    on_introspection = condition is not None and condition.name.value.startswith("__")
                    stack.append((selection.selection_set, prefix, introspection or on_introspection))
                elif isinstance(selection, FragmentSpreadNode):
                    self._spread(shape, self.shapes.get(selection.name.value), prefix, introspection)
                self.check(shape)
        return shape

    def _field(self, shape: Shape, node: FieldNode, prefix: ResponsePath, introspection: bool, stack: list) -> None:
        path = (*prefix, node.alias.value if node.alias else node.name.value)
        shape.paths[path] += 1
        shape.fields += 1
        shape.aliases += node.alias is not None
        # Introspection (`__schema`, `__type`, fragments on `__Type`) nests deeply by design and is
        # switched off in production: its depth is not counted, its fields are.
        introspection = introspection or node.name.value.startswith("__")
        if not introspection:
            shape.depth = max(shape.depth, len(path))
        if node.selection_set is not None:
            stack.append((node.selection_set, path, introspection))

    def _spread(self, shape: Shape, fragment: Shape | None, prefix: ResponsePath, introspection: bool) -> None:
        shape.spreads += 1
        if fragment is None:  # an unknown fragment: graphql-core's KnownFragmentNamesRule says so
            return
        shape.fields += fragment.fields
        shape.aliases += fragment.aliases
        shape.spreads += fragment.spreads
        if not introspection:
            shape.depth = max(shape.depth, len(prefix) + fragment.depth)
        self.check(shape)  # before copying paths: a fragment's paths are bounded by the limit
        for path, count in fragment.paths.items():
            shape.paths[prefix + path] += count


def measure(document: DocumentNode, limits: Limits) -> None:
    """Refuse the document if any fragment or operation, or all operations together, cost more
    than the limits. graphql-core validates every definition, used or not: all are measured."""
    measure = _Measure(document, limits)
    overlaps = 0
    total = Shape()
    for name in measure.fragments:
        overlaps += measure.fragment(name).overlaps()  # type: ignore[union-attr]
    for definition in document.definitions:
        if isinstance(definition, FragmentDefinitionNode) and measure.fragments[definition.name.value] is not definition:
            # A second fragment of the same name (UniqueFragmentNamesRule refuses it): still walked.
            overlaps += measure.definition(definition).overlaps()
        elif isinstance(definition, OperationDefinitionNode):
            shape = measure.definition(definition)
            overlaps += shape.overlaps()
            total.fields += shape.fields
            total.aliases += shape.aliases
            total.spreads += shape.spreads
            measure.check(total)
    if overlaps > limits.overlaps:
        raise too_complex()
