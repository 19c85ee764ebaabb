"""In production the API hides its shape: no introspection, no field suggestions, no IDE,
masked errors, secure cookies."""

from __future__ import annotations

import dataclasses

import httpx
import pytest

from shouhu.app import create_app
from shouhu.accounts.models import LoginThrottle
from shouhu.clock import utcnow

pytestmark = pytest.mark.usefixtures("demo")


@pytest.fixture
async def prod(app, settings):
    production = create_app(dataclasses.replace(settings, env="prod", public_origin="https://care.example"))
    # The ORM is already running (the `app` fixture); only the routes are needed.
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=production), base_url="https://care.example") as http:
        yield http


async def _post(http, query: str):
    return await http.post("/graphql", json={"query": query}, headers={"origin": "https://care.example"})


async def test_introspection_is_disabled(prod):
    response = await _post(prod, "{ __schema { types { name } } }")
    assert response.status_code == 400
    body = response.json()
    assert body["data"] is None
    assert "introspection has been disabled" in body["errors"][0]["extensions"]["detail"]


async def test_no_field_suggestions(prod, client):
    response = await _post(prod, "{ mee { account { id } } }")
    assert response.status_code == 400
    assert "Cannot query field 'mee'" in response.text
    assert "Did you mean" not in response.text
    dev = await client.post("{ mee { account { id } } }")
    assert "Did you mean 'me'" in dev.text  # the same mistake in development gets a hint


async def test_no_graphiql(prod):
    response = await prod.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code == 405


async def test_cookie_is_secure_and_host_prefixed(prod):
    response = await _post(prod, 'mutation { login(login: "demo-admin", password: "shouhu-demo") { __typename } }')
    cookies = sorted(response.headers.get_list("set-cookie"))
    assert [c.split("=", 1)[0] for c in cookies] == ["__Host-shouhu_device", "__Host-shouhu_session"]
    for cookie in cookies:
        assert "Secure" in cookie and "HttpOnly" in cookie and "Path=/" in cookie and "Domain" not in cookie
    assert "strict-transport-security" in response.headers


async def test_only_the_public_origin_may_post(prod):
    response = await prod.post("/graphql", json={"query": "{ me { account { id } } }"},
                               headers={"origin": "https://127.0.0.1:8000"})
    assert response.status_code == 403


async def test_lockouts_live_in_the_database_for_every_process(client):
    for _ in range(5):
        await client.login("demo-teacher", "wrong-password")
    row = await LoginThrottle.get(key="login:demo-teacher")
    assert round(row.level) == 5 and row.locked_until > utcnow()
