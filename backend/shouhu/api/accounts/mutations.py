"""Signing in and out, activation by invitation code, password change."""

from __future__ import annotations

import strawberry

from shouhu.access import audit
from shouhu.access.principal import build_principal
from shouhu.accounts.models import Account
from shouhu.api.accounts.types import (
    ActivateAccountResult,
    ChangePasswordResult,
    LoginError,
    LoginResult,
    LoginSuccess,
    PasswordChanged,
    me_of,
)
from shouhu.api.context import Info
from shouhu.api.errors import ValidationError
from shouhu.api.permissions import IsAuthenticated
from shouhu.auth import devices, services
from shouhu.auth.sessions import end_session, start_session
from shouhu.errors import Invalid


async def _sign_in(info: Info, account: Account) -> LoginSuccess:
    context = info.context
    if context.principal.session_id:  # a new sign-in replaces the session this browser had
        await end_session(context.principal.session_id)
    token, session = await start_session(account)
    context.cookie_changes.append(("set", token))
    context.cookie_changes.append(("device", devices.issue(account.id, context.device_token)))
    principal = await build_principal(account, session.id)
    context.principal, context.account = principal, account
    await audit.record(principal, "login", "account", account.id, "login", school_id=account.school_id)
    return LoginSuccess(me=me_of(principal, account))


@strawberry.type
class AccountMutations:
    @strawberry.mutation
    async def login(self, info: Info, login: str, password: str) -> LoginResult:
        context = info.context
        account = await services.authenticate(login, password, context.client_address, context.device_token)
        if account is None:
            return LoginError(message=context.t("auth.login_failed"))
        return await _sign_in(info, account)

    @strawberry.mutation
    async def logout(self, info: Info) -> bool:
        session_id = info.context.principal.session_id
        if session_id:
            await end_session(session_id)
        info.context.cookie_changes.append(("clear", None))
        return True

    @strawberry.mutation
    async def activate_account(self, info: Info, code: str, password: str) -> ActivateAccountResult:
        try:
            account = await services.activate(code, password, info.context.client_address)
        except Invalid as error:
            return ValidationError.of(error, info.context.locale)
        return await _sign_in(info, account)

    @strawberry.mutation(permission_classes=[IsAuthenticated])
    async def change_password(self, info: Info, current_password: str, new_password: str) -> ChangePasswordResult:
        context = info.context
        assert context.account is not None
        try:
            await services.change_password(
                context.account, current_password, new_password, keep_session=context.principal.session_id
            )
        except Invalid as error:
            return ValidationError.of(error, context.locale)
        await audit.record(context.principal, "write", "account", context.account.id, "change_password")
        return PasswordChanged(ok=True)
