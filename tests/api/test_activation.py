"""Accounts made by the school are activated with a one-time code on which the person sets their password."""

from __future__ import annotations

from datetime import timedelta

import pytest

from shouhu import clock
from shouhu.accounts.models import Account, Invitation
from tests.support import ME

pytestmark = pytest.mark.usefixtures("demo")

ISSUE = """mutation($id: ID!) { issueInvitation(accountId: $id) {
  __typename ... on Invitation { code login expiresAt } ... on ValidationError { code field message } } }"""
ACTIVATE = """mutation($code: String!, $password: String!) { activateAccount(code: $code, password: $password) {
  __typename ... on LoginSuccess { me { account { login } roles { kind studentName } } }
  ... on ValidationError { message field code } } }"""


async def _issue(admin, login: str) -> str:
    account = await Account.get(login=login)
    result = (await admin.data(ISSUE, {"id": str(account.id)}))["issueInvitation"]
    assert result["__typename"] == "Invitation", result
    assert result["login"] == login
    return result["code"]


async def test_guardian_activates_with_a_code_and_is_signed_in(client, new_client):
    await client.sign_in("demo-admin")
    code = await _issue(client, "parent-202507103")
    parent = new_client()
    result = (await parent.data(ACTIVATE, {"code": code.lower().replace("-", " "), "password": "晚风-lantern-17"}))
    assert result["activateAccount"]["__typename"] == "LoginSuccess"
    assert result["activateAccount"]["me"]["roles"][0]["kind"] == "GUARDIAN"
    assert (await parent.data(ME))["me"]["account"]["login"] == "parent-202507103"
    assert (await new_client().login("parent-202507103", "晚风-lantern-17"))["__typename"] == "LoginSuccess"


async def test_a_code_works_once(client, new_client):
    await client.sign_in("demo-admin")
    code = await _issue(client, "parent-202507103")
    assert (await new_client().data(ACTIVATE, {"code": code, "password": "晚风-lantern-17"}))["activateAccount"][
        "__typename"] == "LoginSuccess"
    again = (await new_client().data(ACTIVATE, {"code": code, "password": "another-pass-99"}))["activateAccount"]
    assert again["code"] == "INVITATION_INVALID" and again["field"] == "code"
    assert (await new_client().login("parent-202507103", "another-pass-99"))["__typename"] == "LoginError"


async def test_an_expired_code_is_refused(client, new_client):
    await client.sign_in("demo-admin")
    code = await _issue(client, "parent-202507103")
    clock.travel(timedelta(days=15))
    result = (await new_client().data(ACTIVATE, {"code": code, "password": "晚风-lantern-17"}))["activateAccount"]
    assert result["code"] == "INVITATION_INVALID"
    assert "过期" in result["message"]
    assert await Account.get(login="parent-202507103").values_list("password_hash", flat=True) is None


async def test_a_new_code_replaces_the_old_one(client, new_client):
    await client.sign_in("demo-admin")
    first = await _issue(client, "parent-202507103")
    second = await _issue(client, "parent-202507103")
    assert (await new_client().data(ACTIVATE, {"code": first, "password": "晚风-lantern-17"}))["activateAccount"][
        "code"] == "INVITATION_INVALID"
    assert (await new_client().data(ACTIVATE, {"code": second, "password": "晚风-lantern-17"}))["activateAccount"][
        "__typename"] == "LoginSuccess"


async def test_a_weak_password_is_refused_and_the_code_stays_usable(client, new_client):
    await client.sign_in("demo-admin")
    code = await _issue(client, "parent-202507103")
    person = new_client()
    person.locale = "en"
    for weak, expected in [("1234567", "PASSWORD_TOO_SHORT"), ("88888888", "PASSWORD_TOO_COMMON"),
                           ("parent-202507103!", "PASSWORD_SAME_AS_LOGIN")]:
        result = (await person.data(ACTIVATE, {"code": code, "password": weak}))["activateAccount"]
        assert (result["code"], result["field"]) == (expected, "password")
    assert "at least 8" in (await person.data(ACTIVATE, {"code": code, "password": "short"}))["activateAccount"]["message"]
    assert await Invitation.filter(used_at=None).count() == 1
    assert (await person.data(ACTIVATE, {"code": code, "password": "晚风-lantern-17"}))["activateAccount"][
        "__typename"] == "LoginSuccess"


async def _guess(browser, n: int) -> str:
    result = await browser.data(ACTIVATE, {"code": f"AAAA-BBBB-{n:04d}", "password": "晚风-lantern-17"})
    return result["activateAccount"]["code"]


async def test_guessing_codes_is_throttled_until_the_guessing_stops(client, new_client):
    await client.sign_in("demo-admin")
    code = await _issue(client, "parent-202507103")
    guesser = new_client()
    answers = []
    for n in range(150):  # in a minute: a flood, not a hall of people typing codes
        answers.append(await _guess(guesser, n))
        clock.travel(timedelta(milliseconds=400))
    assert set(answers[:100]) == {"INVITATION_INVALID"} and answers[-1] == "INVITATION_THROTTLED"
    # Everyone behind the address waits, even with a right code…
    result = (await new_client().data(ACTIVATE, {"code": code, "password": "晚风-lantern-17"}))["activateAccount"]
    assert result["code"] == "INVITATION_THROTTLED"
    clock.travel(timedelta(minutes=15))  # …until the failures have faded
    result = (await new_client().data(ACTIVATE, {"code": code, "password": "晚风-lantern-17"}))["activateAccount"]
    assert result["__typename"] == "LoginSuccess"


async def test_a_hall_of_staff_mistyping_codes_is_not_throttled(client, new_client):
    # 200 people activating in one session behind the school's address, one in three mistyping.
    await client.sign_in("demo-admin")
    code = await _issue(client, "parent-202507103")
    hall = new_client()
    for n in range(70):
        assert await _guess(hall, n) == "INVITATION_INVALID"
        clock.travel(timedelta(minutes=20) / 70)
    result = (await new_client().data(ACTIVATE, {"code": code, "password": "晚风-lantern-17"}))["activateAccount"]
    assert result["__typename"] == "LoginSuccess"


async def test_codes_are_stored_only_as_keyed_hashes(client):
    await client.sign_in("demo-admin")
    code = await _issue(client, "parent-202507103")
    stored = await Invitation.all().values_list("code_hash", flat=True)
    assert code.replace("-", "") not in "".join(stored)


async def test_no_code_for_a_deactivated_account(client):
    await client.sign_in("demo-admin")
    account = await Account.get(login="parent-202507103")
    await Account.filter(id=account.id).update(is_active=False)
    result = (await client.data(ISSUE, {"id": str(account.id)}))["issueInvitation"]
    assert result["code"] == "INVITATION_ACCOUNT_INACTIVE"
    assert await Invitation.all().count() == 0
