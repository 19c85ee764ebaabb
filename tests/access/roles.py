"""The people the access matrices sign in as: a relation to the demo school, or an admin of
another school."""

from __future__ import annotations

from shouhu.admin import create_admin
from tests.support import GraphQLClient

OTHER_ADMIN = ("other-admin", "outer-school-pass-1")


async def another_school() -> None:
    """A second school with its own admin (role "other-school-admin")."""
    await create_admin("另一所中学", OTHER_ADMIN[0], "外校管理员", OTHER_ADMIN[1])


async def signed_in_role(new_client, role: str, logins: dict[str, str]) -> GraphQLClient:
    """A new browser as `role`: anonymous, another school's admin, or the demo login `logins[role]`."""
    client = new_client()
    if role == "other-school-admin":
        await client.sign_in(*OTHER_ADMIN)
    elif role != "anonymous":
        await client.sign_in(logins[role])
    return client
