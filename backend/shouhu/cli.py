"""shouhu serve | dispatch | migrate | seed-demo | export-schema | create-admin | makemigrations | check-migrations"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys
from pathlib import Path

from shouhu.settings import ROOT, get_settings

SCHEMA_FILE = ROOT / "schema" / "schema.graphql"


def _with_orm(coro_factory):
    """Run a coroutine with the ORM initialised on the configured database."""
    from tortoise import Tortoise
    from tortoise.context import TortoiseContext

    from shouhu.db import tortoise_config

    async def run():
        async with TortoiseContext() as ctx:
            await ctx.init(config=tortoise_config())
            try:
                return await coro_factory()
            finally:
                await Tortoise.close_connections()

    return asyncio.run(run())


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    uvicorn.run(
        "shouhu.app:create_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        proxy_headers=args.proxy_headers,
        forwarded_allow_ips=args.forwarded_allow_ips,
        log_level="info",
    )
    return 0


def _dispatch_one(args: argparse.Namespace) -> int:
    import signal

    from shouhu.notify.dispatcher import run_worker

    async def work():
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        return await run_worker(get_settings(), stop=stop, until_idle=args.until_idle, rules=not args.no_rules)

    stats = _with_orm(work)
    print(f"dispatcher stopped: {stats.sent} sent, {stats.retried} to retry, {stats.failed} failed, {stats.gone} gone",
          flush=True)
    return 0


def cmd_dispatch(args: argparse.Namespace) -> int:
    """One worker here, or several worker processes that claim deliveries side by side."""
    import signal
    import subprocess

    if args.workers <= 1:
        return _dispatch_one(args)
    command = [sys.executable, "-m", "shouhu", "dispatch", "--workers", "1"]
    command += ["--until-idle"] if args.until_idle else []
    command += ["--no-rules"] if args.no_rules else []
    workers = [subprocess.Popen(command) for _ in range(args.workers)]

    def forward(signum, frame):
        for worker in workers:
            worker.send_signal(signum)

    signal.signal(signal.SIGTERM, forward)
    signal.signal(signal.SIGINT, forward)
    return max(worker.wait() for worker in workers)


def cmd_migrate(args: argparse.Namespace) -> int:
    from shouhu.migrate import apply_migrations

    applied = asyncio.run(apply_migrations(get_settings().database_url))
    print(f"{len(applied)} migration(s) applied." if applied else "Database is up to date.")
    return 0


def cmd_makemigrations(args: argparse.Namespace) -> int:
    from tortoise.cli.cli import main as tortoise_main

    sys.argv = ["tortoise", "-c", "shouhu.db.TORTOISE_ORM", "makemigrations", *(["-n", args.name] if args.name else [])]
    return tortoise_main() or 0


def cmd_check_migrations(args: argparse.Namespace) -> int:
    from shouhu.migrate import pending_model_changes

    pending = asyncio.run(pending_model_changes())
    if pending:
        print("Models changed without a migration: run `shouhu makemigrations`.", file=sys.stderr)
        return 1
    print("Migrations match the models.")
    return 0


def print_demo_logins() -> None:
    from shouhu.demo.seed import DEMO_LOGINS, DEMO_PASSWORD

    print(f"\nDemo logins (password: {DEMO_PASSWORD}, development only):")
    for login, name, what in DEMO_LOGINS:
        print(f"  {login:<16} {name}  — {what}")


def cmd_seed_demo(args: argparse.Namespace) -> int:
    from shouhu.demo.seed import seed_demo

    if get_settings().is_prod:
        print("Refusing to seed demo accounts with a known password in production.", file=sys.stderr)
        return 1
    created = _with_orm(seed_demo)
    print("Demo school created." if created else "Demo school already present.")
    if args.print_logins:
        print_demo_logins()
    return 0


def schema_sdl() -> str:
    from strawberry.printer import print_schema

    from shouhu.api.schema import schema

    return print_schema(schema) + "\n"


def cmd_export_schema(args: argparse.Namespace) -> int:
    target = Path(args.output)
    sdl = schema_sdl()
    if args.check:
        if not target.exists() or target.read_text(encoding="utf-8") != sdl:
            print(f"{target} is out of date: run `shouhu export-schema`.", file=sys.stderr)
            return 1
        print(f"{target} is up to date.")
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(sdl, encoding="utf-8")
    print(f"Wrote {target}")
    return 0


def cmd_create_admin(args: argparse.Namespace) -> int:
    from shouhu.admin import create_admin

    password = args.password or getpass.getpass("Password: ")
    try:
        account = _with_orm(lambda: create_admin(args.school, args.login, args.name, password))
    except ValueError as error:
        print(str(error), file=sys.stderr)
        return 1
    print(f"Admin {account.login} created for {args.school}.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="shouhu", description="守护 Shouhu")
    commands = parser.add_subparsers(dest="command", required=True)

    serve = commands.add_parser("serve", help="serve the app and API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.add_argument("--proxy-headers", action="store_true", help="trust X-Forwarded-For from --forwarded-allow-ips")
    serve.add_argument("--forwarded-allow-ips", default="127.0.0.1")
    serve.set_defaults(func=cmd_serve)

    dispatch = commands.add_parser("dispatch", help="send due notifications (web push, chat robots)")
    dispatch.add_argument("--workers", type=int, default=1, help="worker processes (PostgreSQL: side by side)")
    dispatch.add_argument("--until-idle", action="store_true", help="stop when nothing is due")
    dispatch.add_argument("--no-rules", action="store_true", help="only send; do not run the reminder rules")
    dispatch.set_defaults(func=cmd_dispatch)

    commands.add_parser("migrate", help="apply database migrations").set_defaults(func=cmd_migrate)
    make = commands.add_parser("makemigrations", help="write a migration for changed models")
    make.add_argument("-n", "--name")
    make.set_defaults(func=cmd_makemigrations)
    commands.add_parser("check-migrations", help="fail if models changed without a migration").set_defaults(
        func=cmd_check_migrations
    )

    seed = commands.add_parser("seed-demo", help="create the demo school (idempotent)")
    seed.add_argument("--print-logins", action="store_true")
    seed.set_defaults(func=cmd_seed_demo)

    export = commands.add_parser("export-schema", help="write schema/schema.graphql")
    export.add_argument("--output", default=str(SCHEMA_FILE))
    export.add_argument("--check", action="store_true", help="fail if the file differs from the code")
    export.set_defaults(func=cmd_export_schema)

    admin = commands.add_parser("create-admin", help="create a school (if needed) and its first admin")
    admin.add_argument("--school", required=True, help="school name")
    admin.add_argument("--login", required=True)
    admin.add_argument("--name", required=True, help="display name")
    admin.add_argument("--password", help="read from the terminal when omitted")
    admin.set_defaults(func=cmd_create_admin)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
