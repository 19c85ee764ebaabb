"""Test helpers: a GraphQL client over HTTP that keeps its cookies, like a browser."""

from __future__ import annotations

import logging
from typing import Any

import httpx

DEMO_PASSWORD = "shouhu-demo"


class GraphQLClient:
    def __init__(self, http: httpx.AsyncClient, locale: str = "zh-CN") -> None:
        self.http = http
        self.locale = locale

    async def post(self, query: str, variables: dict[str, Any] | None = None, **headers: str) -> httpx.Response:
        return await self.http.post(
            "/graphql",
            json={"query": query, "variables": variables or {}},
            headers={"Accept-Language": self.locale, **headers},
        )

    async def __call__(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        """The response body; fails the test on a transport error."""
        response = await self.post(query, variables)
        assert response.status_code == 200, response.text
        return response.json()

    async def data(self, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        body = await self(query, variables)
        assert "errors" not in body, body
        return body["data"]

    async def login(self, login: str, password: str = DEMO_PASSWORD) -> dict[str, Any]:
        data = await self.data(LOGIN, {"login": login, "password": password})
        return data["login"]

    async def sign_in(self, login: str, password: str = DEMO_PASSWORD) -> None:
        result = await self.login(login, password)
        assert result["__typename"] == "LoginSuccess", result


LOGIN = """
mutation Login($login: String!, $password: String!) {
  login(login: $login, password: $password) {
    __typename
    ... on LoginSuccess { me { account { login displayName } roles { kind className studentName relation } } }
    ... on LoginError { message }
  }
}
"""

ME = "{ me { account { login displayName } roles { kind classId className studentId studentName relation districtName } school { name hotlines { number } roomPlace roomHours } } }"


def error_codes(body: dict[str, Any]) -> list[str]:
    return [e["extensions"]["code"] for e in body.get("errors", [])]


class QueryCounter(logging.Handler):
    """Counts the SQL statements Tortoise sends while the block runs."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.statements: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.statements.append(record.getMessage())

    def __enter__(self) -> QueryCounter:
        self._logger = logging.getLogger("tortoise.db_client")
        self._level = self._logger.level
        self._logger.setLevel(logging.DEBUG)
        self._logger.addHandler(self)
        return self

    def __exit__(self, *exc: object) -> None:
        self._logger.removeHandler(self)
        self._logger.setLevel(self._level)

    @property
    def count(self) -> int:
        return len(self.statements)


async def median_seconds(action, rounds: int = 11) -> float:
    """For benchmarks: the median wall time of `rounds` awaits of `action()`."""
    import statistics
    import time

    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        await action()
        timings.append(time.perf_counter() - started)
    return statistics.median(timings)


async def signed_in_as(new_client, login: str, password: str = DEMO_PASSWORD) -> GraphQLClient:
    """A new browser (its own cookies) signed in as `login`."""
    client = new_client()
    await client.sign_in(login, password)
    return client
