"""The gender a full name's given name has in English-language news, a weak clue.

Goes in: a person's name as the text writes it, titles removed ("Priya Venn"). Comes out:
"female", "male" or None, from the hand-written table `data/given_names.txt` (common given
names firmly of one gender; unisex names left out on purpose). A full name of one word
gives None (it may be a surname); `given_word_gender` reads a word the caller knows is a
given name. Read only where no honorific nor gendered word gives a gender.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from .names import fold, given


def given_name_gender(name: str) -> str | None:
    """ "female" / "male" when a full name's given name is firmly one gender in English
    news ("Mark Ostrander": male), else None (a unisex or unknown name, a bare surname)."""
    first = given(name)
    return given_word_gender(first) if first is not None else None


def given_word_gender(word: str) -> str | None:
    """ "female" / "male" for a given name alone ("Melanie", "Jean-Pierre"), else None."""
    table = _given_names()
    return table.get(fold(word)) or table.get(fold(word.split("-")[0]))


@cache
def _given_names() -> dict[str, str]:
    """ `data/given_names.txt`: folded given name -> "female" / "male"."""
    text = resources.files("storyline").joinpath("data/given_names.txt").read_text("utf-8")
    table: dict[str, str] = {}
    section = ""
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("["):
            section = line.strip("[]")
        elif line:
            table.update(dict.fromkeys((fold(word) for word in line.split()), section))
    return table
