"""The cost measure counts what a document expands to exactly, while measuring each fragment once."""

from __future__ import annotations

import pytest
from graphql import parse

from shouhu.api.cost import Limits, measure
from shouhu.api.refusal import Refusal

ROOMY = Limits(depth=100, fields=10**6, aliases=10**6, spreads=10**6, overlaps=10**12)


def fan_out(n: int) -> str:
    fragments = " ".join(f"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }}" for i in range(n))
    return f"query {{ ...F0 }} {fragments} fragment F{n} on Query {{ me {{ __typename }} }}"


def refused(document: str, **limits: int) -> bool:
    try:
        measure(parse(document), Limits(**{**ROOMY.__dict__, **limits}))
    except Refusal:
        return True
    return False


@pytest.mark.parametrize("n", [3, 8, 12])
def test_a_fan_out_counts_every_copy(n):
    # 2**n copies of `me { __typename }`: 2**(n+1) fields; 2 + 4 + … + 2**n spreads, and the query's own one.
    fields, spreads = 2 ** (n + 1), 2 ** (n + 1) - 1
    assert not refused(fan_out(n), fields=fields, spreads=spreads)
    assert refused(fan_out(n), fields=fields - 1)
    assert refused(fan_out(n), spreads=spreads - 1)


def test_a_fan_out_of_a_thousand_is_refused_without_counting_to_the_end():
    assert refused(fan_out(1000), fields=2000)  # 2**1001 fields: the walk stops at the limit


def test_depth_adds_up_through_fragments():
    document = "{ me { ...A } } fragment A on Me { account { ...B } } fragment B on Account { id }"
    assert not refused(document, depth=3)
    assert refused(document, depth=2)


def test_introspection_depth_is_not_counted_but_its_fields_are():
    document = "{ __schema { types { ...T } } } fragment T on __Type { ofType { ofType { ofType { name } } } }"
    assert not refused(document, depth=0, fields=6)  # __schema, types, ofType × 3, name
    assert refused(document, fields=5)


def test_aliases_count_through_every_spread():
    document = "{ ...A ...A } fragment A on Query { a: __typename b: __typename }"
    assert not refused(document, aliases=4)
    assert refused(document, aliases=3)


def test_overlaps_are_pairs_of_fields_answering_the_same_path():
    assert not refused("{ " + "me { __typename } " * 10 + "}", overlaps=90)  # 45 pairs at `me`, 45 below
    assert refused("{ " + "me { __typename } " * 10 + "}", overlaps=89)
    assert not refused("{ a: me { __typename } b: me { __typename } }", overlaps=0)  # different answers


def test_fields_of_all_operations_add_up():
    assert not refused("query A { __typename } query B { __typename }", fields=2)
    assert refused("query A { __typename } query B { __typename }", fields=1)


def test_unused_fragments_are_measured_too():
    assert refused("{ __typename } fragment W on Query { " + "__typename " * 50 + "}", overlaps=1000)


@pytest.mark.parametrize(
    "document",
    [
        "{ ...A } fragment A on Query { ...A }",
        "{ ...A } fragment A on Query { me { ...B } } fragment B on Me { ...A }",
        "{ __typename } fragment A on Query { ...B } fragment B on Query { ...C } fragment C on Query { ...A }",
    ],
)
def test_cycles_are_refused_before_anything_walks_them(document):
    with pytest.raises(Refusal) as refusal:
        measure(parse(document), ROOMY)
    assert refusal.value.code == "GRAPHQL_VALIDATION_FAILED" and refusal.value.key == "graphql.fragment_cycle"


def test_unknown_fragments_are_left_to_graphql_core():
    assert not refused("{ ...Missing }")  # KnownFragmentNamesRule names it; the measure does not crash on it


def test_a_chain_as_long_as_the_token_budget_allows_does_not_recurse():
    fragments = " ".join(f"fragment F{i} on Query {{ ...F{i + 1} }}" for i in range(5000))
    chain = "{ ...F0 } " + fragments + " fragment F5000 on Query { __typename }"
    # Counted to the end without running out of stack: the query's spread and one in each of 5,000 fragments.
    assert not refused(chain, spreads=5001)
    assert refused(chain, spreads=5000)
