"""Keyset (cursor) pagination: stable under inserts, one query per page whatever its position."""

from __future__ import annotations

import base64
import json
from datetime import datetime
from collections.abc import Sequence
from typing import Any, TypeVar
from uuid import UUID

import strawberry
from tortoise.expressions import Q
from tortoise.queryset import QuerySet

from shouhu.api.errors import BadInput

MAX_PAGE = 100
T = TypeVar("T")


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


def _plain(value: Any) -> Any:
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, datetime):
        return {"t": value.isoformat()}
    return value


def encode_cursor(values: Sequence[Any]) -> str:
    raw = json.dumps([_plain(v) for v in values], ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, size: int) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()).decode())
        if not isinstance(values, list) or len(values) != size:
            raise ValueError
        values = [datetime.fromisoformat(v["t"]) if isinstance(v, dict) else v for v in values]
        values[-1] = UUID(values[-1])
        return values
    except (ValueError, TypeError, KeyError, UnicodeDecodeError) as exc:
        raise BadInput("pagination.bad_cursor") from exc


def _after(order: Sequence[str], values: list[Any]) -> Q:
    # (a, b, id) > (va, vb, vid), spelled out so that every database can use the index;
    # "-name" sorts descending, so "after" means smaller there.
    clauses = []
    for i, name in enumerate(order):
        equal = {order[j].lstrip("-"): values[j] for j in range(i)}
        compare = "lt" if name.startswith("-") else "gt"
        clauses.append(Q(**equal, **{f"{name.lstrip('-')}__{compare}": values[i]}))
    return Q(*clauses, join_type="OR")


async def paginate(
    queryset: QuerySet[T], order: Sequence[str], first: int, after: str | None
) -> tuple[list[T], PageInfo]:
    """`order` ends with "id" (or "-id") so that the order is total."""
    if first < 1:
        raise BadInput("pagination.bad_first", max=MAX_PAGE)
    first = min(first, MAX_PAGE)
    if after:
        queryset = queryset.filter(_after(order, decode_cursor(after, len(order))))
    rows = await queryset.order_by(*order).limit(first + 1)
    page = rows[:first]
    end = encode_cursor([getattr(page[-1], name.lstrip("-")) for name in order]) if page else None
    return page, PageInfo(has_next_page=len(rows) > first, end_cursor=end)
