"""Write docs/cli.md from the commands' own --help text.

Run: .venv/bin/python docs/make_cli_md.py   (tests/test_docs.py fails when it is stale)
"""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from storyline.cli import cli

TARGET = Path(__file__).with_name("cli.md")


def cli_markdown() -> str:
    runner = CliRunner()
    overview = runner.invoke(cli, ["--help"], prog_name="storyline", terminal_width=100)
    parts = ["# Command line reference", "",
             "Generated from `storyline --help` by `docs/make_cli_md.py`.", "",
             "```", overview.output.rstrip(), "```"]
    for name in sorted(cli.commands):
        help_text = runner.invoke(cli, [name, "--help"], prog_name="storyline",
                                  terminal_width=100).output.rstrip()
        parts += ["", f"## storyline {name}", "", "```", help_text, "```"]
    return "\n".join(parts) + "\n"


if __name__ == "__main__":
    TARGET.write_text(cli_markdown(), encoding="utf-8")
    print(f"wrote {TARGET}")
