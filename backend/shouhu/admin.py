"""First-run setup: a school and its first admin, from the command line."""

from __future__ import annotations

from tortoise.transactions import in_transaction

from shouhu import validation
from shouhu.accounts.models import Account, StaffRole, StaffRoleKind
from shouhu.auth.passwords import hash_password, password_problem
from shouhu.errors import Invalid
from shouhu.i18n import translate
from shouhu.schools.models import District, School


async def create_admin(school_name: str, login: str, display_name: str, password: str,
                       district_name: str = "宝山区", hotline: str = "4008200535") -> Account:
    try:
        login = validation.login(login)
        display_name = validation.text(display_name, "name", 50) or ""
    except Invalid as error:
        raise ValueError(translate(error.key, "en", **error.params)) from error
    if (problem := password_problem(password, login)) is not None:
        raise ValueError(translate(problem[0], "en", **problem[1]))
    if await Account.filter(login=login).exists():
        raise ValueError(translate("login.taken", "en"))
    password_hash = await hash_password(password)
    async with in_transaction():
        district, _ = await District.get_or_create(
            name=district_name, defaults={"centre_name": f"{district_name}心理中心", "hotline": hotline}
        )
        school = await School.filter(name=school_name).first()
        if school is None:
            school = await School.create(
                district=district, name=school_name, hotlines=[{"label": f"{district_name}心理援助热线（24小时）", "number": hotline}]
            )
        account = await Account.create(school=school, login=login, display_name=display_name, password_hash=password_hash)
        await StaffRole.bulk_create(
            [StaffRole(school=school, account=account, kind=k) for k in (StaffRoleKind.ADMIN, StaffRoleKind.TEACHER)]
        )
    return account
