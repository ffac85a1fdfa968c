"""The README documents every column of every frame, as the schema states them."""
from pathlib import Path

from helpers import schema

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_every_schema_column_is_in_the_readme_tables():
    table_rows = [line for line in README.splitlines() if line.startswith("| `")]
    documented = {name.strip("` ") for row in table_rows for name in row.split("|")[1].split(",")}
    for frame, spec in schema.SPECS.items():
        missing = set(spec) - documented
        assert not missing, f"{frame}: {sorted(missing)} not described in README.md"


def test_readme_shows_the_two_commands():
    assert "make report" in README and "make test" in README
