"""Sign-in throttling as a school meets it: everyone behind one network address, on a fixed clock.

The test client always comes from 127.0.0.1, like a school's staff behind its NAT address. A
"new browser" has no cookie; a "known device" signed in to the account before and keeps its device
cookie after signing out.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import hmac
from datetime import timedelta

import pytest

from shouhu import clock
from shouhu.accounts.models import Account, LoginThrottle
from shouhu.auth import decay, services, throttle
from shouhu.auth.passwords import verify_password
from tests.support import GraphQLClient

pytestmark = pytest.mark.usefixtures("demo")

GENERIC = "账号或密码不正确，或尝试次数过多。请核对后再试，或稍后再试。"
ADDRESS = "addr:127.0.0.1"


async def fail_many(browser: GraphQLClient, count: int, over: timedelta, prefix: str = "guess") -> None:
    """`count` wrong passwords for as many different logins, spread evenly over `over`."""
    for n in range(count):
        await browser.login(f"{prefix}-{n}", "wrong-password")
        clock.travel(over / count)


async def known_device(new_client, login: str) -> GraphQLClient:
    """A browser that signed in to the account and out again: only its device cookie is left."""
    phone = new_client()
    await phone.sign_in(login)
    assert (await phone.data("mutation { logout }"))["logout"] is True
    assert "shouhu_session" not in phone.http.cookies and "shouhu_device" in phone.http.cookies
    return phone


async def remembered(key: str) -> int:
    row = await LoginThrottle.get(key=key)
    rule = throttle.ADDRESS if key.startswith("addr:") else throttle.ACCOUNT
    return decay.remembered(decay.level_at(decay.State(row.level, row.updated_at), rule, clock.utcnow()))


def signed(device_id: str, account_hex: str, key: bytes) -> str:
    derived = hmac.new(key, b"shouhu device cookie", hashlib.sha256).digest()
    payload = f"{device_id}.{account_hex}"
    signature = base64.urlsafe_b64encode(hmac.new(derived, payload.encode(), hashlib.sha256).digest()).rstrip(b"=")
    return f"{payload}.{signature.decode()}"


# --- one address, many people -------------------------------------------------------------------

async def test_a_school_day_of_scattered_mistakes_never_locks_the_address(new_client):
    # 150 wrong passwords by 120 different people over 8 hours, the demo teacher's among them.
    staff = new_client()
    for n in range(150):
        await staff.login("demo-teacher" if n in (10, 90) else f"staff-{n % 120}", "wrong-password")
        clock.travel(timedelta(hours=8) / 150)
    assert (await new_client().login("demo-teacher"))["__typename"] == "LoginSuccess"


async def test_a_burst_from_one_address_locks_it_for_new_browsers_until_it_stops(new_client):
    await fail_many(new_client(), 200, over=timedelta(minutes=2))
    refused = await new_client().login("demo-teacher")
    assert refused == {"__typename": "LoginError", "message": GENERIC}
    clock.travel(timedelta(minutes=15))
    assert (await new_client().login("demo-teacher"))["__typename"] == "LoginSuccess"


async def test_a_script_that_keeps_trying_keeps_its_address_locked(new_client):
    script = new_client()
    await fail_many(script, 120, over=timedelta(minutes=1))
    for _ in range(20):  # an hour of two guesses a minute, each refused
        clock.travel(timedelta(seconds=30))
        await script.login("demo-teacher", "wrong-password")
    assert (await new_client().login("demo-teacher"))["__typename"] == "LoginError"
    clock.travel(timedelta(minutes=15))
    assert (await new_client().login("demo-teacher"))["__typename"] == "LoginSuccess"


async def test_a_known_device_keeps_working_while_its_address_is_locked(new_client):
    phone = await known_device(new_client, "demo-teacher")
    await fail_many(new_client(), 120, over=timedelta(minutes=1))
    assert (await new_client().login("demo-teacher"))["__typename"] == "LoginError"
    assert (await phone.login("demo-teacher"))["__typename"] == "LoginSuccess"
    # Its cookie vouches for its own account only.
    assert (await phone.login("demo-mentor1"))["__typename"] == "LoginError"


# --- one account --------------------------------------------------------------------------------

async def test_five_failures_lock_an_account_even_for_the_right_password_then_it_lifts(client):
    for _ in range(5):
        assert (await client.login("demo-teacher", "wrong-password"))["__typename"] == "LoginError"
    assert (await client.login("demo-teacher"))["__typename"] == "LoginError"
    clock.travel(timedelta(seconds=61))
    assert (await client.login("demo-teacher"))["__typename"] == "LoginSuccess"


async def test_lockouts_grow_with_each_further_failure(client):
    for _ in range(6):  # 5 free, then a 1-minute lock; the 6th failure while locked doubles nothing
        await client.login("demo-mentor2", "wrong-password")
    clock.travel(timedelta(seconds=61))
    await client.login("demo-mentor2", "wrong-again")  # 6th counted failure → 2 minutes
    clock.travel(timedelta(seconds=61))
    assert (await client.login("demo-mentor2"))["__typename"] == "LoginError"
    clock.travel(timedelta(seconds=60))
    assert (await client.login("demo-mentor2"))["__typename"] == "LoginSuccess"


async def test_old_failures_fade_so_yesterdays_mistakes_do_not_lock_today(new_client):
    someone = new_client()
    for _ in range(5):
        await someone.login("demo-teacher", "wrong-password")
    clock.travel(timedelta(seconds=61))
    await someone.login("demo-teacher", "wrong-password")  # still remembered: locked again
    assert (await new_client().login("demo-teacher"))["__typename"] == "LoginError"
    clock.travel(timedelta(hours=7))
    for _ in range(4):  # the six earlier ones have faded: four more lock nothing
        await someone.login("demo-teacher", "wrong-password")
    assert (await new_client().login("demo-teacher"))["__typename"] == "LoginSuccess"


async def test_the_known_device_of_a_locked_account_still_signs_in(new_client):
    phone = await known_device(new_client, "demo-teacher")
    attacker = new_client()
    for _ in range(5):
        await attacker.login("demo-teacher", "wrong-password")
    assert (await attacker.login("demo-teacher"))["__typename"] == "LoginError"
    assert (await new_client().login("demo-teacher"))["__typename"] == "LoginError"
    assert (await phone.login("demo-teacher"))["__typename"] == "LoginSuccess"
    # The phone's sign-in does not reset the lock the attacker earned; the lock lifts on its own.
    assert (await new_client().login("demo-teacher"))["__typename"] == "LoginError"
    clock.travel(timedelta(seconds=61))
    assert (await new_client().login("demo-teacher"))["__typename"] == "LoginSuccess"


# --- device cookies -----------------------------------------------------------------------------

async def test_a_known_devices_own_failures_lock_it_so_a_copied_cookie_is_no_free_pass(new_client):
    phone = await known_device(new_client, "demo-teacher")
    thief = new_client()
    thief.http.cookies.set("shouhu_device", phone.http.cookies["shouhu_device"])
    for _ in range(5):
        await thief.login("demo-teacher", "wrong-password")
    assert (await thief.login("demo-teacher"))["__typename"] == "LoginError"
    assert (await phone.login("demo-teacher"))["__typename"] == "LoginError"  # the same device, locked
    # The account itself is not locked by the device's failures.
    assert (await new_client().login("demo-teacher"))["__typename"] == "LoginSuccess"
    clock.travel(timedelta(seconds=61))
    assert (await phone.login("demo-teacher"))["__typename"] == "LoginSuccess"


async def test_forged_tampered_or_foreign_device_cookies_give_no_exemption(new_client, settings):
    teacher = await Account.get(login="demo-teacher")
    genuine = (await known_device(new_client, "demo-teacher")).http.cookies["shouhu_device"]
    mentor_cookie = (await known_device(new_client, "demo-mentor1")).http.cookies["shouhu_device"]
    device_id, _, _ = mentor_cookie.split(".")
    for _ in range(5):
        await new_client().login("demo-teacher", "wrong-password")
    cookies = {
        "another account's": mentor_cookie,
        "tampered": f"{device_id}.{teacher.id.hex}.{mentor_cookie.split('.')[2]}",
        "signed with another key": signed(device_id, teacher.id.hex, b"not-the-servers-secret-key-at-all"),
        "made up": "abc.def.ghi",
        "too long": genuine + "x" * 300,
    }
    for what, value in cookies.items():
        browser = new_client()
        browser.http.cookies.set("shouhu_device", value)
        assert (await browser.login("demo-teacher"))["__typename"] == "LoginError", what
    browser = new_client()
    browser.http.cookies.set("shouhu_device", genuine)
    assert (await browser.login("demo-teacher"))["__typename"] == "LoginSuccess"


async def test_the_device_cookie_holds_no_login_and_stays_the_same_device(client, new_client):
    await client.sign_in("demo-teacher")
    first = client.http.cookies["shouhu_device"]
    teacher = await Account.get(login="demo-teacher")
    assert "demo-teacher" not in first and first.split(".")[1] == teacher.id.hex
    await client.data("mutation { logout }")
    await client.sign_in("demo-teacher")
    assert client.http.cookies["shouhu_device"].split(".")[0] == first.split(".")[0]
    await client.sign_in("demo-mentor1")  # another account on this browser: a new device id
    assert client.http.cookies["shouhu_device"].split(".")[0] != first.split(".")[0]


# --- no oracle, same cost -----------------------------------------------------------------------

async def test_every_refusal_reads_the_same_and_costs_a_password_check(new_client, monkeypatch):
    checks: list[bool] = []

    async def counted(stored_hash, password):
        checks.append(stored_hash is None)
        return await verify_password(stored_hash, password)

    async def answer(attempt) -> dict:
        checks.clear()
        result = await attempt
        assert len(checks) == 1  # refused or not, one real argon2 verification (of a dummy hash if need be)
        return result

    monkeypatch.setattr(services, "verify_password", counted)
    phone = await known_device(new_client, "demo-mentor1")
    for _ in range(5):
        await phone.login("demo-mentor1", "wrong-password")
    for _ in range(5):
        await new_client().login("demo-teacher", "wrong-password")
    answers = {
        "wrong password": await answer(new_client().login("demo-parent1", "wrong-password")),
        "unknown login": await answer(new_client().login("nobody-here", "wrong-password")),
        "account locked": await answer(new_client().login("demo-teacher")),
        "device locked": await answer(phone.login("demo-mentor1")),
    }
    await fail_many(new_client(), 120, over=timedelta(minutes=1), prefix="burst")
    answers["address locked"] = await answer(new_client().login("demo-parent2"))
    generic = {"__typename": "LoginError", "message": GENERIC}
    assert {what: got for what, got in answers.items() if got != generic} == {}


# --- several processes, concurrent attempts -----------------------------------------------------

async def test_concurrent_failures_all_count(new_client):
    await asyncio.gather(*(new_client().login(f"guess-{n}", "wrong-password") for n in range(30)))
    assert await remembered(ADDRESS) == 30


async def test_concurrent_counts_are_never_lost():
    now = clock.utcnow()
    checks = [throttle.address_check("10.0.0.1")]
    allowed = await asyncio.gather(*(throttle.attempt(checks, now) for _ in range(40)))
    assert all(allowed)
    assert (await LoginThrottle.get(key="addr:10.0.0.1")).level == 40


async def test_a_concurrent_burst_on_one_account_gets_only_the_free_guesses(new_client, monkeypatch):
    checked: list[str] = []

    async def counted(stored_hash, password):
        if stored_hash is not None:
            checked.append(password)
        return await verify_password(stored_hash, password)

    monkeypatch.setattr(services, "verify_password", counted)
    guesses = [f"guess-{n}-wrong" for n in range(20)]
    answers = await asyncio.gather(*(new_client().login("demo-teacher", guess) for guess in guesses))
    assert {a["__typename"] for a in answers} == {"LoginError"}
    assert len(checked) == 5
    assert (await new_client().login("demo-teacher"))["__typename"] == "LoginError"


# --- pruning ------------------------------------------------------------------------------------

async def test_throttle_records_are_pruned_once_nothing_in_them_counts(new_client):
    from shouhu.notify.scheduler import prune

    for _ in range(5):
        await new_client().login("demo-teacher", "wrong-password")
    await prune(clock.utcnow())
    assert set(await LoginThrottle.all().values_list("key", flat=True)) == {"login:demo-teacher", ADDRESS}
    clock.travel(timedelta(minutes=16))
    await prune(clock.utcnow())  # the address forgot its five failures; the account has not
    assert await LoginThrottle.all().values_list("key", flat=True) == ["login:demo-teacher"]
    clock.travel(timedelta(hours=5))
    await prune(clock.utcnow())
    assert await LoginThrottle.all().count() == 0
