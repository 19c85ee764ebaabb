"""The migrations build the whole schema on empty SQLite and PostgreSQL databases and match the models."""

from __future__ import annotations

import asyncio

import asyncpg
import pytest

from shouhu.migrate import apply_migrations, pending_model_changes

EXPECTED_INDEXES = {
    "audit_school_at", "audit_subject_at", "account_school_name", "staff_role_account", "session_account",
    "invitation_account", "student_class", "guardianship_student", "school_class_teacher",
    "care_case_school_status", "care_case_lead", "case_change_case", "team_member_account", "rota_account_day",
    "check_in_student_day", "check_in_author_day", "home_log_student_day", "observation_student",
    "alert_school_open", "alert_student", "timeline_student_time", "timeline_entry",
    "opening_template_room_day", "opening_exception_room_day", "booking_student", "booking_school_time",
    "login_throttle_forget",
}
TABLES = {"district", "school", "school_class", "student", "guardianship", "account", "staff_role",
          "district_staff", "session", "invitation", "login_throttle", "audit_event",
          "care_case", "case_change", "team_member", "school_period", "rota_assignment", "check_in",
          "check_in_revision", "home_log", "observation", "alert", "timeline_event",
          "counselling_room", "opening_template", "opening_exception", "non_school_day", "booking", "slot_claim",
          "session_record"}


def test_models_and_migration_files_agree():
    assert asyncio.run(pending_model_changes()) == []


def test_migrations_build_an_empty_sqlite_database(tmp_path):
    import sqlite3

    path = tmp_path / "empty.sqlite3"
    applied = asyncio.run(apply_migrations(f"sqlite://{path}", quiet=True))
    assert applied and applied[0] == "shouhu.0001_initial"
    with sqlite3.connect(path) as db:
        tables = {r[0] for r in db.execute("select name from sqlite_master where type = 'table'")}
        indexes = {r[0] for r in db.execute("select name from sqlite_master where type = 'index'")}
    assert TABLES <= tables
    assert EXPECTED_INDEXES <= indexes
    assert asyncio.run(apply_migrations(f"sqlite://{path}", quiet=True)) == []  # idempotent


@pytest.mark.postgres
def test_migrations_build_an_empty_postgres_database(empty_postgres_database):
    from tests.conftest import _pg_url

    url = _pg_url(empty_postgres_database)
    applied = asyncio.run(apply_migrations(url, quiet=True))
    assert applied and applied[0] == "shouhu.0001_initial"

    async def inspect():
        connection = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1))
        try:
            tables = {r[0] for r in await connection.fetch("select tablename from pg_tables where schemaname = 'public'")}
            indexes = {r[0] for r in await connection.fetch("select indexname from pg_indexes where schemaname = 'public'")}
        finally:
            await connection.close()
        return tables, indexes

    tables, indexes = asyncio.run(inspect())
    assert TABLES <= tables
    assert EXPECTED_INDEXES <= indexes
    assert asyncio.run(apply_migrations(url, quiet=True)) == []
