"""Signing in: generic failures, sessions, logout, password change. Lockouts: test_throttle.py."""

from __future__ import annotations

from datetime import timedelta

import pytest
from argon2 import PasswordHasher

from shouhu import clock
from shouhu.accounts.models import Account, Session
from shouhu.auth.passwords import _hasher
from tests.support import ME, error_codes

pytestmark = pytest.mark.usefixtures("demo")

CHANGE_PASSWORD = """
mutation($current: String!, $new: String!) {
  changePassword(currentPassword: $current, newPassword: $new) {
    __typename ... on ValidationError { message field code }
  }
}"""


async def test_login_sets_a_session_cookie_and_me_shows_the_person(client):
    result = await client.login("demo-teacher")
    assert result["__typename"] == "LoginSuccess"
    assert result["me"]["account"]["displayName"] == "李雪梅"
    token = client.http.cookies["shouhu_session"]
    assert len(token) >= 32  # ≥ 128 bits, url-safe base64
    me = (await client.data(ME))["me"]
    assert [r["kind"] for r in me["roles"]] == ["CLASS_TEACHER"]
    assert me["roles"][0]["className"] == "7年级(1)班"
    assert me["school"]["hotlines"][0]["number"] == "4008200535"


async def test_cookie_is_httponly_and_samesite_lax(client):
    response = await client.post(
        'mutation { login(login: "demo-mentor1", password: "shouhu-demo") { __typename } }'
    )
    headers = {h.split("=", 1)[0]: h.lower() for h in response.headers.get_list("set-cookie")}
    assert set(headers) == {"shouhu_session", "shouhu_device"}
    for header in headers.values():
        assert "httponly" in header and "samesite=lax" in header and "path=/" in header
        assert "secure" not in header  # dev over http; prod sets Secure (tests/api/test_production.py)


async def test_session_token_is_stored_hashed(client):
    await client.sign_in("demo-mentor1")
    token = client.http.cookies["shouhu_session"]
    stored = await Session.all().values_list("token_hash", flat=True)
    assert token not in stored and len(stored) == 1 and len(stored[0]) == 64


async def test_wrong_password_and_unknown_login_get_the_same_translated_message(client):
    wrong = await client.login("demo-teacher", "not-the-password")
    unknown = await client.login("nobody-here", "not-the-password")
    assert wrong == unknown
    assert wrong["message"].startswith("账号或密码不正确")
    client.locale = "en"
    assert (await client.login("demo-teacher", "nope-nope"))["message"].startswith("Wrong login or password")
    assert (await client.data(ME))["me"] is None


async def test_deactivated_account_cannot_sign_in(client):
    await Account.filter(login="demo-mentor1").update(is_active=False)
    assert (await client.login("demo-mentor1"))["__typename"] == "LoginError"


async def test_logout_ends_the_session_on_the_server(client, new_client):
    await client.sign_in("demo-parent1")
    token = client.http.cookies["shouhu_session"]
    assert (await client.data("mutation { logout }"))["logout"] is True
    assert (await client.data(ME))["me"] is None
    # Replaying the old cookie from another browser does not work either.
    other = new_client()
    other.http.cookies.set("shouhu_session", token)
    assert (await other.data(ME))["me"] is None


async def test_idle_session_expires(client):
    await client.sign_in("demo-parent1")
    clock.travel(timedelta(hours=47))
    assert (await client.data(ME))["me"] is not None  # activity renews the idle window
    clock.travel(timedelta(hours=47))
    assert (await client.data(ME))["me"] is not None
    clock.travel(timedelta(hours=49))
    assert (await client.data(ME))["me"] is None


async def test_absolute_session_lifetime_ends_even_an_active_session(client):
    await client.sign_in("demo-parent1")
    for _ in range(15):
        clock.travel(timedelta(days=1))
        await client(ME)
    assert (await client.data(ME))["me"] is None


async def test_gated_fields_need_a_session(client):
    body = await client("{ classes { nodes { id } } }")
    assert error_codes(body) == ["UNAUTHENTICATED"]
    assert body["errors"][0]["message"] == "请先登录。"


async def test_password_change_ends_other_sessions_but_keeps_this_one(client, new_client):
    phone, laptop = client, new_client()
    await phone.sign_in("demo-mentor1")
    await laptop.sign_in("demo-mentor1")
    result = await phone.data(CHANGE_PASSWORD, {"current": "shouhu-demo", "new": "晨光-river-42"})
    assert result["changePassword"]["__typename"] == "PasswordChanged"
    assert (await phone.data(ME))["me"]["account"]["login"] == "demo-mentor1"
    assert (await laptop.data(ME))["me"] is None
    assert (await new_client().login("demo-mentor1", "晨光-river-42"))["__typename"] == "LoginSuccess"


@pytest.mark.parametrize(
    ("current", "new", "code", "field"),
    [
        ("wrong", "晨光-river-42", "AUTH_WRONG_CURRENT_PASSWORD", "currentPassword"),
        ("shouhu-demo", "short", "PASSWORD_TOO_SHORT", "newPassword"),
        ("shouhu-demo", "demo-mentor1-x", "PASSWORD_SAME_AS_LOGIN", "newPassword"),
        ("shouhu-demo", "woaini1314", "PASSWORD_TOO_COMMON", "newPassword"),
        ("shouhu-demo", "12345678", "PASSWORD_TOO_COMMON", "newPassword"),
    ],
)
async def test_bad_password_change_is_refused_and_changes_nothing(client, current, new, code, field):
    await client.sign_in("demo-mentor1")
    before = await Account.get(login="demo-mentor1").values_list("password_hash", flat=True)
    result = (await client.data(CHANGE_PASSWORD, {"current": current, "new": new}))["changePassword"]
    assert result["__typename"] == "ValidationError"
    assert (result["code"], result["field"]) == (code, field)
    assert result["message"]
    assert await Account.get(login="demo-mentor1").values_list("password_hash", flat=True) == before


async def test_hash_is_upgraded_on_login_when_parameters_change(client):
    # A genuine hash made with other parameters (as after a profile change) is replaced on sign-in.
    older = PasswordHasher(time_cost=2, memory_cost=8, parallelism=1, hash_len=16, salt_len=16).hash("shouhu-demo")
    await Account.filter(login="demo-parent2").update(password_hash=older)
    assert (await client.login("demo-parent2"))["__typename"] == "LoginSuccess"
    stored = await Account.get(login="demo-parent2").values_list("password_hash", flat=True)
    assert stored != older and not _hasher("cheapest").check_needs_rehash(stored)
