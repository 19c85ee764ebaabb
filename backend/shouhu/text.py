"""Which characters the app accepts from a client, checked once at the edge.

A NUL byte is refused by PostgreSQL (`invalid byte sequence for encoding "UTF8"`) but stored by
SQLite; a lone surrogate (JSON `"\\ud800"`) cannot be encoded at all. Neither is ever part of a
note a person typed, so every string a client sends is checked here before anything reads it:
the same rule on both databases, and nothing half-written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# C0 controls except tab, line feed and carriage return; the surrogate range (only lone
# surrogates reach a Python str: a pair in JSON decodes to one character, such as an emoji);
# the Unicode non-characters U+FDD0..U+FDEF and the last two code points of every plane.
_PLANE_ENDS = "".join(f"\\U{plane << 16 | 0xFFFE:08X}\\U{plane << 16 | 0xFFFF:08X}" for plane in range(17))
_FORBIDDEN = re.compile(f"[\\x00-\\x08\\x0b\\x0c\\x0e-\\x1f\\ud800-\\udfff\\ufdd0-\\ufdef{_PLANE_ENDS}]")

Path = tuple[str | int, ...]


def is_clean(text: str) -> bool:
    return _FORBIDDEN.search(text) is None


def _children(value: object) -> Iterator[tuple[str | int, object, bool]]:
    """(key, child, key_is_text) for a JSON container."""
    if isinstance(value, dict):
        for key, child in value.items():
            yield key, child, isinstance(key, str)
    elif isinstance(value, (list, tuple)):
        for index, child in enumerate(value):
            yield index, child, False


def unclean_path(value: object) -> Path | None:
    """Where a refused string is in a decoded JSON value (a key counts too), or None.

    Walks with a stack: the client chooses how deeply its JSON nests."""
    if isinstance(value, str):
        return None if is_clean(value) else ()
    stack: list[tuple[Path, object]] = [((), value)]
    while stack:
        path, current = stack.pop()
        for key, child, key_is_text in _children(current):
            here = (*path, key)
            if key_is_text and not is_clean(key):  # type: ignore[arg-type]
                return here
            if isinstance(child, str):
                if not is_clean(child):
                    return here
            elif isinstance(child, (dict, list, tuple)):
                stack.append((here, child))
    return None


def dotted(path: Path) -> str:
    """A path as the answer names it: `input.signals.2`."""
    return ".".join(str(part) for part in path)
