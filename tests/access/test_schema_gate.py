"""Every root field is either gated by a permission class or on the explicit public list."""

from __future__ import annotations

from shouhu.api.schema import PUBLIC_FIELDS, Mutation, Query, schema


def _root_fields():
    for root in (Query, Mutation):
        for field in root.__strawberry_definition__.fields:
            yield schema.config.name_converter.get_graphql_name(field), field


def test_every_root_field_is_gated_or_public():
    ungated = [name for name, field in _root_fields() if not field.permission_classes and name not in PUBLIC_FIELDS]
    assert ungated == [], f"root fields with no permission class and not public: {ungated}"


def test_public_list_names_only_real_fields_and_they_carry_no_gate():
    names = {name for name, _ in _root_fields()}
    assert PUBLIC_FIELDS <= names
    assert all(not field.permission_classes for name, field in _root_fields() if name in PUBLIC_FIELDS)


def test_schema_has_the_fields_the_walk_covers():
    sdl = schema.as_str()
    for name, _ in _root_fields():
        assert f"  {name}" in sdl
