"""Keyset (cursor) pagination: stable under inserts, one query per page whatever its position."""

from __future__ import annotations

import base64
import json
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


def encode_cursor(values: Sequence[Any]) -> str:
    raw = json.dumps([str(v) if isinstance(v, UUID) else v for v in values], ensure_ascii=False)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str, size: int) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()).decode())
        if not isinstance(values, list) or len(values) != size:
            raise ValueError
        values[-1] = UUID(values[-1])
        return values
    except (ValueError, TypeError, UnicodeDecodeError) as exc:
        raise BadInput("pagination.bad_cursor") from exc


def _after(order: Sequence[str], values: list[Any]) -> Q:
    # (a, b, id) > (va, vb, vid), spelled out so that every database can use the index.
    clauses = []
    for i, name in enumerate(order):
        equal = {f"{order[j]}": values[j] for j in range(i)}
        clauses.append(Q(**equal, **{f"{name}__gt": values[i]}))
    return Q(*clauses, join_type="OR")


async def paginate(
    queryset: QuerySet[T], order: Sequence[str], first: int, after: str | None
) -> tuple[list[T], PageInfo]:
    """`order` ends with "id" so that the order is total."""
    if first < 1:
        raise BadInput("pagination.bad_first", max=MAX_PAGE)
    first = min(first, MAX_PAGE)
    if after:
        queryset = queryset.filter(_after(order, decode_cursor(after, len(order))))
    rows = await queryset.order_by(*order).limit(first + 1)
    page = rows[:first]
    end = encode_cursor([getattr(page[-1], name) for name in order]) if page else None
    return page, PageInfo(has_next_page=len(rows) > first, end_cursor=end)
