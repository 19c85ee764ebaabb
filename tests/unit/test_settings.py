import pytest

from shouhu.settings import Settings, SettingsError

GOOD_SECRET = "k" * 48


def test_dev_defaults_work_without_any_environment():
    settings = Settings.load({})
    assert settings.env == "dev" and settings.database_url.startswith("sqlite://")
    assert settings.session_cookie == "shouhu_session"


@pytest.mark.parametrize("secret", ["", "changeme", "dev-secret-not-for-production", "short"])
def test_production_refuses_placeholder_or_short_secrets(secret):
    with pytest.raises(SettingsError, match="SECRET_KEY"):
        Settings.load({"SHOUHU_ENV": "prod", "SHOUHU_SECRET_KEY": secret, "SHOUHU_PUBLIC_ORIGIN": "https://x.example"})


def test_production_needs_https_and_real_hashing():
    with pytest.raises(SettingsError, match="https"):
        Settings.load({"SHOUHU_ENV": "prod", "SHOUHU_SECRET_KEY": GOOD_SECRET, "SHOUHU_PUBLIC_ORIGIN": "http://x"})
    with pytest.raises(SettingsError, match="tests only"):
        Settings.load({"SHOUHU_ENV": "prod", "SHOUHU_SECRET_KEY": GOOD_SECRET,
                       "SHOUHU_PUBLIC_ORIGIN": "https://x.example", "SHOUHU_PASSWORD_PROFILE": "cheapest"})


def test_production_cookie_is_host_prefixed():
    settings = Settings.load({"SHOUHU_ENV": "prod", "SHOUHU_SECRET_KEY": GOOD_SECRET,
                              "SHOUHU_PUBLIC_ORIGIN": "https://school.example/"})
    assert settings.session_cookie == "__Host-shouhu_session"
    assert settings.allowed_origins == {"https://school.example"}


def test_unknown_environment_is_refused():
    with pytest.raises(SettingsError):
        Settings.load({"SHOUHU_ENV": "staging"})
