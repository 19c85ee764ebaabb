"""schema/schema.graphql is generated from the code; it must not drift."""

from shouhu.cli import SCHEMA_FILE, schema_sdl


def test_schema_file_matches_the_code():
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_sdl(), "run `shouhu export-schema` and commit the result"
