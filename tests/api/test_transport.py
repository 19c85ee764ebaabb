"""The HTTP edge of /graphql: CSRF, content types, malformed and oversized requests, limits,
security headers, health checks and serving the app's files."""

from __future__ import annotations

import json

import pytest

from shouhu.accounts.models import Account
from shouhu.api import schema as schema_module
from tests.support import error_codes

pytestmark = pytest.mark.usefixtures("demo")


async def _raw(client, body: bytes | str, content_type: str = "application/json", **headers: str):
    return await client.http.post("/graphql", content=body, headers={"content-type": content_type, **headers})


@pytest.mark.parametrize(
    ("headers", "status"),
    [
        ({"origin": "https://evil.example"}, 403),
        ({"sec-fetch-site": "cross-site"}, 403),
        ({"sec-fetch-site": "same-site"}, 403),
        ({"origin": "http://127.0.0.1:8000", "sec-fetch-site": "same-origin"}, 200),
    ],
)
async def test_foreign_sites_cannot_post(client, headers, status):
    query = 'mutation { login(login: "demo-admin", password: "shouhu-demo") { __typename } }'
    response = await _raw(client, json.dumps({"query": query}), **headers)
    assert response.status_code == status
    if status == 403:
        assert response.json()["errors"][0]["message"] == "拒绝来自其他网站的请求。"
        assert "set-cookie" not in response.headers


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]
)
async def test_only_json_is_accepted(client, content_type):
    response = await _raw(client, '{"query": "mutation { logout }"}', content_type)
    assert response.status_code == 415
    assert error_codes(response.json()) == ["UNSUPPORTED_MEDIA_TYPE"]


async def test_no_queries_over_get(client):
    response = await client.http.get("/graphql", params={"query": "{ me { account { id } } }"})
    assert response.status_code == 405
    assert response.headers["allow"] == "POST"


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ("{not json", "BAD_JSON"),
        ('[{"query": "{ me { account { id } } }"}]', "BAD_REQUEST"),  # no batching
        ('{"query": 42}', "BAD_REQUEST"),
        ('{"query": "{ me { account { id } } }", "variables": [1]}', "BAD_REQUEST"),
    ],
)
async def test_malformed_requests_get_a_translated_400(client, body, code):
    response = await _raw(client, body, **{"accept-language": "en"})
    assert response.status_code == 400
    assert error_codes(response.json()) == [code]
    assert response.json()["errors"][0]["message"][0].isupper()  # English text, not a stack trace


async def test_oversized_body_is_refused(client):
    query = "{ me { account { id } } }" + " " * 70_000
    response = await _raw(client, json.dumps({"query": query}))
    assert response.status_code == 413


async def test_syntax_error_and_unknown_field_are_translated_400s(client):
    broken = await client.post("{ me { account { id }")
    assert broken.status_code == 400
    assert error_codes(broken.json()) == ["GRAPHQL_PARSE_FAILED"]
    assert broken.json()["errors"][0]["message"] == "查询语句有语法错误。"
    client.locale = "en"
    unknown = await client.post("{ me { account { passwordHash } } }")
    assert unknown.status_code == 400
    assert unknown.json()["errors"][0]["message"].startswith("The query does not match the API")


async def test_deep_queries_are_refused(client, app, monkeypatch):
    # Today's deepest path is 6 levels; the limit guards the nested types later work adds.
    nested = "{ students { nodes { guardians { guardian { children { studentId } } } } } }"
    assert (await client.post(nested)).status_code == 200
    monkeypatch.setattr(schema_module, "MAX_DEPTH", 5)
    app.state.schema = schema_module.make_schema()
    response = await client.post(nested)
    assert response.status_code == 400
    assert error_codes(response.json()) == ["QUERY_TOO_COMPLEX"]
    assert response.json()["errors"][0]["message"] == "查询过于复杂：层级过深、内容过长，或字段、别名、片段过多。"


async def test_too_many_aliases_are_refused(client):
    query = "{ " + " ".join(f"a{i}: me {{ account {{ id }} }}" for i in range(25)) + " }"
    response = await client.post(query)
    assert response.status_code == 400
    assert error_codes(response.json()) == ["QUERY_TOO_COMPLEX"]


async def test_too_many_tokens_are_refused(client):
    query = "{ me { account { " + " ".join(["id"] * 2100) + " } } }"
    response = await client.post(query)
    assert response.status_code == 400
    assert error_codes(response.json()) == ["QUERY_TOO_COMPLEX"]


async def test_refused_requests_change_nothing(client):
    before = await Account.all().count()
    mutation = 'mutation { createStaff(input: {displayName: "X", login: "xx-new"}) { __typename } }'
    await _raw(client, json.dumps({"query": mutation}), origin="https://evil.example")
    await _raw(client, json.dumps({"query": mutation}), "text/plain")
    assert await Account.all().count() == before


async def test_security_headers_on_app_and_api(client):
    for response in [await client.http.get("/"), await client.post("{ me { account { id } } }")]:
        headers = response.headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-frame-options"] == "DENY"


async def test_app_files_caching_and_deep_links(client):
    index = await client.http.get("/")
    assert index.status_code == 200 and "守护" in index.text
    assert index.headers["cache-control"] == "no-cache"
    deep = await client.http.get("/admin/students")
    assert deep.status_code == 200 and deep.text == index.text
    assert (await client.http.get("/sw.js")).headers["cache-control"] == "no-cache"
    asset = await client.http.get("/assets/index-abc123.js")
    assert "immutable" in asset.headers["cache-control"]
    assert (await client.http.get("/assets/missing.js")).status_code == 404
    assert (await client.http.get("/../../etc/passwd")).status_code in (200, 404)
    traversal = await client.http.get("/%2e%2e/%2e%2e/etc/passwd")
    assert "root:" not in traversal.text


async def test_health_and_readiness(client):
    assert (await client.http.get("/healthz")).json() == {"status": "ok"}
    assert (await client.http.get("/readyz")).json() == {"status": "ready"}
    api = await client.post("{ me { account { id } } }")
    assert api.headers["cache-control"] == "no-store"
