"""Every command has help text, an example, and an up-to-date section in docs/cli.md; the
README's module table names every stage module."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from storyline.cli import cli

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def _generator() -> object:
    spec = importlib.util.spec_from_file_location("make_cli_md", DOCS / "make_cli_md.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_command_has_help_and_an_example() -> None:
    for name, command in cli.commands.items():
        assert command.help, name
        assert "Example:" in command.help, name


def test_cli_reference_is_current() -> None:
    expected = _generator().cli_markdown()  # type: ignore[attr-defined]
    actual = (DOCS / "cli.md").read_text(encoding="utf-8")
    assert actual == expected, "docs/cli.md is stale: run python docs/make_cli_md.py"
    for name in cli.commands:
        assert f"## storyline {name}" in actual


def test_readme_names_every_stage_module() -> None:
    # A newcomer finds each module in the README's "How it works" table.
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## How it works"):readme.index("## Develop")]
    modules = {p.stem for p in (ROOT / "storyline").glob("*.py")} - {
        "__init__", "__main__", "models"}
    assert sorted(m for m in modules if f"`{m}`" not in table) == []
