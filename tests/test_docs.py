"""Every command has help text, an example, and an up-to-date section in docs/cli.md."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from storyline.cli import cli

DOCS = Path(__file__).resolve().parents[1] / "docs"


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
