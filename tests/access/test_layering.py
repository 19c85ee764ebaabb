"""The API layer reads only through shouhu.access scopes: no model is queried directly there."""

from __future__ import annotations

import re
from pathlib import Path

import shouhu.api

API = Path(shouhu.api.__file__).parent
# A model class followed by a query method: `Student.filter(`, `Account.get_or_none(` …
DIRECT_QUERY = re.compile(r"\b[A-Z]\w*\.(filter|get|get_or_none|all|exclude|first|create|bulk_create|update_or_create|get_or_create|raw|annotate)\(")


def test_no_direct_model_queries_in_the_api_layer():
    offenders = [
        f"{path.relative_to(API)}:{number}: {line.strip()}"
        for path in API.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if DIRECT_QUERY.search(line)
    ]
    assert offenders == []


def test_the_check_would_catch_one():
    assert DIRECT_QUERY.search("rows = await Student.filter(school_id=x)")
    assert not DIRECT_QUERY.search("rows = await scopes.visible_students(p).filter(id=x)")
