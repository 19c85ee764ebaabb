"""Requests built from the schema itself: a plausible value for any input type, every place a
client can put text (a String, ID or custom-scalar argument of a root field, or such a field of
an input type, nested), and a document that sends a value there as a variable or a literal."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from graphql import (
    GraphQLEnumType,
    GraphQLField,
    GraphQLInputObjectType,
    GraphQLInputType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    Undefined,
    get_named_type,
    is_leaf_type,
)

SAMPLES: dict[str, Any] = {
    "String": "示例",
    "ID": "00000000-0000-4000-8000-000000000001",
    "Int": 1,
    "Float": 1.0,
    "Boolean": False,
    "Date": "2025-03-03",
    "DateTime": "2025-03-03T08:00:00Z",
}
TEXT_SCALARS = {"String", "ID", "Date", "DateTime"}


def sample(type_: GraphQLInputType) -> Any:
    """A value of the type, with every required field filled."""
    if isinstance(type_, GraphQLNonNull):
        return sample(type_.of_type)
    if isinstance(type_, GraphQLList):
        return [sample(type_.of_type)]
    if isinstance(type_, GraphQLEnumType):
        return next(iter(type_.values))
    if isinstance(type_, GraphQLInputObjectType):
        return {
            name: sample(f.type)
            for name, f in type_.fields.items()
            if isinstance(f.type, GraphQLNonNull) and f.default_value is Undefined
        }
    assert isinstance(type_, GraphQLScalarType)
    return SAMPLES[type_.name]


def text_paths(type_: GraphQLInputType, seen: frozenset[str] = frozenset()) -> list[tuple[str | int, ...]]:
    """Every place inside a value of the type where text goes (a list contributes its item 0)."""
    if isinstance(type_, GraphQLNonNull):
        return text_paths(type_.of_type, seen)
    if isinstance(type_, GraphQLList):
        return [(0, *p) for p in text_paths(type_.of_type, seen)]
    if isinstance(type_, GraphQLInputObjectType):
        if type_.name in seen:
            return []
        return [(name, *p) for name, f in type_.fields.items() for p in text_paths(f.type, seen | {type_.name})]
    if isinstance(type_, GraphQLScalarType) and type_.name in TEXT_SCALARS:
        return [()]
    return []


def with_value(value: Any, path: tuple[str | int, ...], type_: GraphQLInputType, text: str) -> Any:
    """`value` with `text` placed at `path` (filling what the path passes through)."""
    if not path:
        return text
    while isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    head, rest = path[0], path[1:]
    if isinstance(type_, GraphQLList):
        items = list(value) if value else [sample(type_.of_type)]
        items[0] = with_value(items[0], rest, type_.of_type, text)
        return items
    assert isinstance(type_, GraphQLInputObjectType)
    inner = type_.fields[head].type  # type: ignore[index]
    copy = dict(value)
    copy[head] = with_value(copy.get(head, sample(inner)), rest, inner, text)
    return copy


def literal(value: Any, type_: GraphQLInputType) -> str:
    """The value written in the document. JSON's string escapes are GraphQL's too."""
    while isinstance(type_, GraphQLNonNull):
        type_ = type_.of_type
    if value is None:
        return "null"
    if isinstance(type_, GraphQLList):
        return "[" + ", ".join(literal(v, type_.of_type) for v in value) + "]"
    if isinstance(type_, GraphQLInputObjectType):
        return "{" + ", ".join(f"{k}: {literal(v, type_.fields[k].type)}" for k, v in value.items()) + "}"
    if isinstance(type_, GraphQLEnumType):
        return str(value)
    return json.dumps(value)


@dataclass(frozen=True)
class TextPlace:
    operation: str  # "query" or "mutation"
    field: str
    argument: str
    path: tuple[str | int, ...]

    @property
    def name(self) -> str:
        return ".".join(str(p) for p in (self.field, self.argument, *self.path))


def text_places(schema: GraphQLSchema) -> list[TextPlace]:
    places = []
    for operation, root in (("query", schema.query_type), ("mutation", schema.mutation_type)):
        assert root is not None
        for field_name, field in root.fields.items():
            for arg_name, arg in field.args.items():
                places += [TextPlace(operation, field_name, arg_name, p) for p in text_paths(arg.type)]
    return places


def _selection(field: GraphQLField) -> str:
    return "" if is_leaf_type(get_named_type(field.type)) else " { __typename }"


def request(schema: GraphQLSchema, place: TextPlace, text: str, as_literal: bool = False) -> tuple[str, dict[str, Any]]:
    """A document calling the place's field with every required argument, and `text` at the place."""
    root = schema.query_type if place.operation == "query" else schema.mutation_type
    assert isinstance(root, GraphQLObjectType)
    field = root.fields[place.field]
    values = {n: sample(a.type) for n, a in field.args.items() if isinstance(a.type, GraphQLNonNull)}
    target = field.args[place.argument].type
    values[place.argument] = with_value(values.get(place.argument, sample(target)), place.path, target, text)
    if as_literal:
        arguments = ", ".join(f"{n}: {literal(v, field.args[n].type)}" for n, v in values.items())
        return f"{place.operation} {{ {place.field}({arguments}){_selection(field)} }}", {}
    definitions = ", ".join(f"${n}: {field.args[n].type}" for n in values)
    arguments = ", ".join(f"{n}: ${n}" for n in values)
    return f"{place.operation}({definitions}) {{ {place.field}({arguments}){_selection(field)} }}", values


def variables_for(schema: GraphQLSchema, document: Any) -> dict[str, Any]:
    """Plausible values for the variables of a parsed operation."""
    from graphql import type_from_ast

    return {
        d.variable.name.value: sample(type_from_ast(schema, d.type))  # type: ignore[arg-type]
        for d in document.variable_definitions or ()
    }
