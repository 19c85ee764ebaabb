import pytest

from shouhu.auth.passwords import password_problem, verify_password


@pytest.mark.parametrize(
    ("password", "login", "problem"),
    [
        ("1234567", "amy", "password.too_short"),
        ("x" * 129, "amy", "password.too_long"),
        ("AMY-in-the-sky", "amy", "password.same_as_login"),
        ("Password1", "amy", "password.too_common"),
        ("woaini1314", "amy", "password.too_common"),
        ("aaaaaaaaaa", "amy", "password.too_common"),
        ("晚风吹过稻田-7", "amy", None),
        ("correct horse battery", "amy", None),
    ],
)
def test_password_rules(password, login, problem):
    found = password_problem(password, login)
    assert (found[0] if found else None) == problem


async def test_unknown_account_is_verified_against_a_dummy_hash():
    assert await verify_password(None, "anything-at-all") == (False, False)
