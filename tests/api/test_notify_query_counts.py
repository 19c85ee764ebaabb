"""The inbox and the settings screen send as many SQL statements for 3 notifications and 1 device
as for 60 and 10; a notification to many people and devices costs a fixed number of statements."""

from __future__ import annotations

import pytest

from shouhu.accounts.models import Account
from shouhu.notify.models import Delivery
from shouhu.notify.rules import Kind
from shouhu.notify.services import notify
from tests.notify_support import INBOX, SETTINGS, register
from tests.push_service import PushService
from tests.support import QueryCounter, signed_in_as

pytestmark = pytest.mark.usefixtures("demo")


async def _statements(client, query) -> int:
    with QueryCounter() as counter:
        body = await client(query, {"first": 50})
    assert "errors" not in body, body
    return counter.count


async def _fill(account: Account, notifications: int) -> None:
    for n in range(notifications):
        await notify(school_id=account.school_id, recipients=[account.id], kind=Kind.TEST, event=f"fill-{n}")


async def test_the_inbox_and_settings_do_not_grow_with_notifications_or_devices(new_client):
    small, big = await Account.get(login="demo-teacher"), await Account.get(login="demo-counsellor")
    with PushService() as push:
        small_client = await signed_in_as(new_client, "demo-teacher")
        big_client = await signed_in_as(new_client, "demo-counsellor")
        await register(small_client, push.new_device())
        for _ in range(10):
            await register(big_client, push.new_device())
    await _fill(small, 3)
    await _fill(big, 60)
    for query in (INBOX, SETTINGS):
        assert await _statements(small_client, query) == await _statements(big_client, query) <= 12


async def test_notifying_many_people_with_many_devices_is_a_fixed_number_of_statements(new_client):
    people = await Account.filter(school_id__not_isnull=True).order_by("login").limit(40)
    with PushService() as push:
        for login in ("demo-teacher", "demo-counsellor", "demo-admin"):
            client = await signed_in_as(new_client, login)
            for _ in range(3):
                await register(client, push.new_device())

    async def statements(recipients: list[Account], event: str) -> int:
        with QueryCounter() as counter:
            await notify(school_id=recipients[0].school_id, recipients=[p.id for p in recipients],
                         kind=Kind.CRISIS_ALERT, event=event)
        return counter.count

    few = await statements([p for p in people if p.login == "demo-teacher"], "one")
    many = await statements(people, "many")
    assert few == many
    assert await Delivery.filter(notification__key__startswith="crisis_alert:many:").count() == 9


async def test_a_reminder_tick_with_nothing_due_reads_the_same_for_one_school_or_five():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from shouhu.admin import create_admin
    from shouhu.notify import scheduler

    saturday = datetime(2026, 11, 28, 10, tzinfo=ZoneInfo("Asia/Shanghai"))  # no daily rule is due

    async def statements() -> int:
        with QueryCounter() as counter:
            assert await scheduler.tick(saturday) == 0
        return counter.count

    one = await statements()
    for n in range(4):
        await create_admin(f"第{n}中学", f"admin-{n}", "管理员", "a-long-admin-pass-1")
    assert await statements() == one <= 6
