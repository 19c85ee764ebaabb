"""Typed settings, read once from the environment.

Every value has a development default so that `make run` works on a fresh machine.
In production (`SHOUHU_ENV=prod`) the secret key and public origin must be given and
must not be placeholders; `Settings.load()` refuses to start otherwise.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER_SECRETS = {"", "changeme", "change-me", "secret", "dev-secret-not-for-production"}
PASSWORD_PROFILES = {"rfc9106_low_memory", "rfc9106_high_memory", "cheapest"}


class SettingsError(RuntimeError):
    """The environment does not describe a safe configuration."""


@dataclass(frozen=True)
class Settings:
    env: str = "dev"
    database_url: str = f"sqlite://{ROOT / 'var' / 'shouhu.sqlite3'}"
    secret_key: str = "dev-secret-not-for-production"
    public_origin: str = "http://127.0.0.1:8000"
    password_profile: str = "rfc9106_low_memory"
    hash_concurrency: int = 4
    session_idle_minutes: int = 48 * 60
    session_absolute_days: int = 14
    invitation_days: int = 14
    pwa_dist: Path = ROOT / "pwa" / "dist"
    extra_origins: tuple[str, ...] = field(default_factory=tuple)
    # Web Push (VAPID): a PEM file or a base64url raw private key; in development a key pair is
    # generated into var/ on first use. The subject is a mailto: or https: contact for push services.
    vapid_private_key: str = str(ROOT / "var" / "vapid_private.pem")
    vapid_subject: str = ""
    # Tests only: also accept push endpoints and webhooks on this machine's loopback address, over
    # http or https (the tests' own push service). Every other address is checked as in production.
    push_allow_loopback: bool = False
    push_timeout_seconds: float = 10.0
    # The dispatcher: how long a worker's claim on a delivery lasts, how many it claims at once,
    # how many it sends at the same time, and how often it looks for due work.
    dispatch_lease_seconds: int = 60
    dispatch_batch: int = 50
    dispatch_concurrency: int = 16
    dispatch_poll_seconds: float = 2.0
    # Run one dispatcher worker inside the web server (`make run`); production runs `shouhu dispatch`.
    dispatch_in_process: bool = False

    @property
    def is_prod(self) -> bool:
        return self.env == "prod"

    @property
    def session_cookie(self) -> str:
        # The __Host- prefix makes the browser insist on Secure, Path=/ and no Domain.
        return "__Host-shouhu_session" if self.is_prod else "shouhu_session"

    @property
    def device_cookie(self) -> str:
        """The signed cookie by which a browser that signed in before is known (shouhu.auth.devices)."""
        return "__Host-shouhu_device" if self.is_prod else "shouhu_device"

    @property
    def vapid_contact(self) -> str:
        """The VAPID `sub` claim: configured, or the public origin when that is https."""
        if self.vapid_subject:
            return self.vapid_subject
        if self.public_origin.startswith("https://"):
            return self.public_origin
        return "mailto:admin@shouhu.invalid"

    @property
    def allowed_origins(self) -> frozenset[str]:
        return frozenset((self.public_origin.rstrip("/"), *self.extra_origins))

    @classmethod
    def load(cls, environ: dict[str, str] | None = None) -> Settings:
        env = os.environ if environ is None else environ
        defaults = cls()
        settings = cls(
            env=env.get("SHOUHU_ENV", defaults.env),
            database_url=env.get("SHOUHU_DATABASE_URL", defaults.database_url),
            secret_key=env.get("SHOUHU_SECRET_KEY", defaults.secret_key),
            public_origin=env.get("SHOUHU_PUBLIC_ORIGIN", defaults.public_origin).rstrip("/"),
            password_profile=env.get("SHOUHU_PASSWORD_PROFILE", defaults.password_profile),
            hash_concurrency=int(env.get("SHOUHU_HASH_CONCURRENCY", defaults.hash_concurrency)),
            session_idle_minutes=int(
                env.get("SHOUHU_SESSION_IDLE_MINUTES", defaults.session_idle_minutes)
            ),
            session_absolute_days=int(
                env.get("SHOUHU_SESSION_ABSOLUTE_DAYS", defaults.session_absolute_days)
            ),
            invitation_days=int(env.get("SHOUHU_INVITATION_DAYS", defaults.invitation_days)),
            pwa_dist=Path(env.get("SHOUHU_PWA_DIST", str(defaults.pwa_dist))),
            extra_origins=tuple(
                o.strip().rstrip("/") for o in env.get("SHOUHU_EXTRA_ORIGINS", "").split(",") if o.strip()
            ),
            vapid_private_key=env.get("SHOUHU_VAPID_PRIVATE_KEY", defaults.vapid_private_key),
            vapid_subject=env.get("SHOUHU_VAPID_SUBJECT", defaults.vapid_subject),
            push_allow_loopback=env.get("SHOUHU_PUSH_ALLOW_LOOPBACK", "") == "1",
            push_timeout_seconds=float(env.get("SHOUHU_PUSH_TIMEOUT_SECONDS", defaults.push_timeout_seconds)),
            dispatch_lease_seconds=int(env.get("SHOUHU_DISPATCH_LEASE_SECONDS", defaults.dispatch_lease_seconds)),
            dispatch_batch=int(env.get("SHOUHU_DISPATCH_BATCH", defaults.dispatch_batch)),
            dispatch_concurrency=int(env.get("SHOUHU_DISPATCH_CONCURRENCY", defaults.dispatch_concurrency)),
            dispatch_poll_seconds=float(env.get("SHOUHU_DISPATCH_POLL_SECONDS", defaults.dispatch_poll_seconds)),
            dispatch_in_process=env.get("SHOUHU_DISPATCH_IN_PROCESS", "") == "1",
        )
        settings.validate()
        return settings

    def validate(self) -> None:
        if self.env not in {"dev", "prod"}:
            raise SettingsError(f"SHOUHU_ENV must be 'dev' or 'prod', not {self.env!r}")
        if self.password_profile not in PASSWORD_PROFILES:
            raise SettingsError(f"unknown SHOUHU_PASSWORD_PROFILE {self.password_profile!r}")
        if not self.is_prod:
            return
        if self.secret_key in PLACEHOLDER_SECRETS or len(self.secret_key) < 32:
            raise SettingsError("SHOUHU_SECRET_KEY must be a random value of at least 32 characters")
        if not self.public_origin.startswith("https://"):
            raise SettingsError("SHOUHU_PUBLIC_ORIGIN must be an https:// origin in production")
        if self.password_profile == "cheapest":
            raise SettingsError("the 'cheapest' password profile is for tests only")
        if self.push_allow_loopback:
            raise SettingsError("SHOUHU_PUSH_ALLOW_LOOPBACK is for tests only")
        if self.vapid_subject and not self.vapid_subject.startswith(("mailto:", "https://")):
            raise SettingsError("SHOUHU_VAPID_SUBJECT must be a mailto: or https: contact")


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings.load()
