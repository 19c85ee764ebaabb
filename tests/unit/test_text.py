"""Which characters a client may send: everything a person types, nothing a database or an
encoder chokes on."""

from __future__ import annotations

import json

import pytest

from shouhu.text import dotted, is_clean, unclean_path


@pytest.mark.parametrize(
    "text",
    [
        "今天情绪稳定，午饭吃得不错。",
        "Mood low after PE\tsat alone\nTalked for 10 min\r\n",
        json.loads('"\\ud83d\\ude00 \\u4e2d"'),  # an emoji as a surrogate pair in JSON: one character
        "😀👨‍👩‍👧 ✓ — «» ½ ™",
        "\x7f\x85\u200b\u2028\ufeff",  # DEL, NEL, zero-width space, line separator, BOM: odd but typeable
        "\ufdcf\ufdf0\ufffd\U0010fffd\U0001fffd",  # next to the non-characters, not among them
        "",
    ],
)
def test_what_people_type_passes(text):
    assert is_clean(text)


@pytest.mark.parametrize(
    "text",
    [
        "\x00",
        "note\x00",
        "\x01\x08\x0b\x0c\x0e\x1f",
        "\x1b[31m",  # a terminal escape
        json.loads('"\\ud800"'),  # a lone high surrogate, as JSON delivers it
        json.loads('"\\udfff x"'),  # a lone low surrogate
        json.loads('"\\ude00\\ud83d"'),  # a pair in the wrong order is two lone halves
        "\ufdd0",
        "\ufdef",
        "\ufffe",
        "\uffff",
        "\U0001fffe",
        "\U0001ffff",
        "\U0010fffe",
        "\U0010ffff",
    ],
)
def test_controls_surrogates_and_non_characters_fail(text):
    assert not is_clean(text)


def test_every_c0_control_fails_but_tab_newline_and_return():
    allowed = {chr(c) for c in range(0x20) if is_clean(chr(c))}
    assert allowed == {"\t", "\n", "\r"}


def test_every_plane_ends_in_two_non_characters():
    for plane in range(17):
        end = plane << 16
        assert not is_clean(chr(end | 0xFFFE)) and not is_clean(chr(end | 0xFFFF))
        assert is_clean(chr(end | 0xFFFD))


def test_the_path_of_a_refused_string_in_json():
    body = json.loads('{"query": "q", "variables": {"input": {"note": "ok", "signals": ["a", "b\\u0000"]}}}')
    assert unclean_path(body) == ("variables", "input", "signals", 1)
    assert dotted(unclean_path(body)) == "variables.input.signals.1"


def test_keys_count_too():
    assert unclean_path({"variables": {"in\x00put": 1}}) == ("variables", "in\x00put")


def test_numbers_booleans_and_nulls_are_not_text():
    assert unclean_path({"a": [1, 2.5, True, None, {"b": "中文"}]}) is None


def test_deep_nesting_does_not_exhaust_the_stack():
    value: object = "\x00"
    for _ in range(50_000):
        value = [value]
    assert unclean_path(value) == (0,) * 50_000
    assert unclean_path("\x00") == ()
