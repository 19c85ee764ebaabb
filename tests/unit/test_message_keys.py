"""Every message key the code raises has a translation: a missing one would turn a clear
error into a server fault."""

from __future__ import annotations

import re
from pathlib import Path

from shouhu.i18n.messages import MESSAGES

SOURCE = Path(__file__).resolve().parents[2] / "backend" / "shouhu"
RAISED = re.compile(r'(?:Invalid|BadInput|Refusal)\(\s*(?:f?)"([a-z_]+\.[a-z_.{}]+)"')
# Keys handed to the id parsers, raised when an id is malformed.
PASSED = re.compile(r'(?:parse_id|required_id)\([^()]*"([a-z_]+\.[a-z_]+)"\)')


def test_every_raised_key_is_in_the_catalogue():
    keys = set()
    for path in SOURCE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        keys |= set(PASSED.findall(text))
        for key in RAISED.findall(text):
            if "{" in key:  # f"case.{name}_unchanged": expand the two names it takes
                keys |= {key.replace("{name}", name) for name in ("level", "status")}
            else:
                keys.add(key)
    assert len(keys) > 40
    assert sorted(keys - set(MESSAGES)) == []
