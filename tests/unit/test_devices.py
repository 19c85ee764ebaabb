"""Device cookies (shouhu.auth.devices): only what the server signed, for the account it names."""

from __future__ import annotations

from uuid import UUID

import pytest

from shouhu.auth import devices

TEACHER = UUID(int=1)
MENTOR = UUID(int=2)


def test_an_issued_cookie_names_its_device_and_account_and_nothing_else():
    token = devices.issue(TEACHER, None)
    device_id, account_hex, _ = token.split(".")
    assert devices.read(token) == devices.Device(device_id, TEACHER)
    assert account_hex == TEACHER.hex and len(device_id) >= 22  # 128 random bits


def test_it_vouches_for_its_own_account_only():
    token = devices.issue(TEACHER, None)
    assert devices.trusted_for(token, TEACHER) is not None
    assert devices.trusted_for(token, MENTOR) is None
    assert devices.trusted_for(token, None) is None


def test_signing_in_again_keeps_the_device_and_another_account_gets_a_new_one():
    first = devices.issue(TEACHER, None)
    assert devices.read(devices.issue(TEACHER, first)).id == devices.read(first).id
    assert devices.read(devices.issue(MENTOR, first)).id != devices.read(first).id


@pytest.mark.parametrize("part", [0, 1, 2])
def test_changing_any_part_breaks_it(part):
    pieces = devices.issue(TEACHER, None).split(".")
    pieces[part] = ("A" if pieces[part][0] != "A" else "B") + pieces[part][1:]
    assert devices.read(".".join(pieces)) is None


def test_another_accounts_id_under_the_same_signature_is_refused():
    device_id, _, signature = devices.issue(MENTOR, None).split(".")
    assert devices.read(f"{device_id}.{TEACHER.hex}.{signature}") is None


@pytest.mark.parametrize("token", [None, "", "abc", "a.b", "a.b.c.d", "x" * 300, "a.b.c"])
def test_anything_else_is_no_device(token):
    assert devices.read(token) is None
