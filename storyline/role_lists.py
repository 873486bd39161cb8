"""How an entity's aliases and roles are listed: each once, in the form the text uses.

Goes in: the aliases and roles the linker gathered for one person or organisation (as
written, in order). Comes out: each alias once ("Ms. Reyes" and "Ms Reyes" are one), and
each role once, where two wordings say one role ("Airport director" / "airport's
director", "PPO's director" / "director of the PPO", "brother" / "brother of X",
"Estmark's health minister" / "health minister"); a title stays beside its long form
("mayor", "mayor of Dunmore"), as the text addresses the person by it. `entities` calls
these when it builds the index; `alias_key` is also how it compares a phrase with names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .entity_kinds import COMPANY_NOUNS
from .name_repairs import OFFICE_TITLES
from .names import ORG_NOUNS
from .people import RELATIVES
from .roles import ROLE_PREPOSITIONS


def distinct_aliases(aliases: Iterable[str], name: str) -> tuple[str, ...]:
    """Each alias once, as first written: "Airport Director Priya Nandakumar" and
    "Airport director Priya Nandakumar", or "Ms. Reyes" and "Ms Reyes", are one."""
    seen: dict[str, str] = {alias_key(name): name}
    for alias in aliases:
        seen.setdefault(alias_key(alias), alias)
    return tuple(a for a in seen.values() if a != name)


def alias_key(alias: str) -> str:
    return " ".join(alias.lower().replace(".", " ").split())


def distinct_roles(roles: Iterable[str]) -> tuple[str, ...]:
    """Each role once: "Airport director" and "airport's director" are one role."""
    seen: dict[str, str] = {}
    for role in roles:
        seen.setdefault(_role_key(role), role)
    return tuple(r for r in seen.values()
                 if not _owned_role_of(r, seen) and not _said_longer(r, seen) and
                 not _bare_relative(r, seen) and not _said_with_of(r, seen) and
                 not _named_owners_office(r, seen))


def _named_owners_office(role: str, seen: dict[str, str]) -> bool:
    """ "Estmark's health minister" beside "health minister": one office, listed as the
    title the text addresses the person by. Only an office ("Storm's lawyer" names whose
    lawyer, which "lawyer" alone does not)."""
    owned = re.fullmatch(r"([A-Z][\w-]*)['\u2019]s\s+(.+)", role)
    if owned is None:
        return False
    job = _role_key(owned.group(2))
    return job.rsplit(" ", 1)[-1] in OFFICE_TITLES and job in seen


def _said_with_of(role: str, seen: dict[str, str]) -> bool:
    """ "PPO's director" beside "director of the PPO": one role, listed the "of" way."""
    owned = re.fullmatch(r"([\w-]+)['\u2019]s\s+(.+)", role)
    if owned is None:
        return False
    owner, job = owned.group(1).lower(), owned.group(2).lower()
    return any(k in {f"{job} of {owner}", f"{job} of the {owner}"} for k in seen)


# Words that make a longer role another job than its last word: "former Harriers manager",
# "deputy leader" beside "manager", "leader" (what the person is now) leave those.
OTHER_JOB_WORDS = {"former", "ex", "deputy", "vice", "assistant", "associate", "incoming",
                   "would-be", "under"}


def _bare_relative(role: str, seen: dict[str, str]) -> bool:
    """ "brother" beside "brother of Mayor Ilse Brand": whose brother says it all ("her
    brother" loses its "her"); "spokesperson" beside "mayor's spokesperson", "leader"
    beside "party leader" too. A title ("mayor" beside "mayor of Orlund") is how the text
    addresses the person, and stays; so does "curator" beside "museum's curator", which
    `_owned_role_of` drops in its favour (else each would drop the other)."""
    bare = role.lower()
    if " " in bare or bare in OFFICE_TITLES:
        return False
    return any(k.startswith(f"{bare} of ") for k in seen) and bare in RELATIVES or \
        any(k.endswith(f" {bare}") and not _another_job(k) and
            not _owned_role_of(seen[k], seen) for k in seen)


def _another_job(role: str) -> bool:
    """ "former Harriers manager", "ex-Rovers coach", "deputy leader": not the job its last
    word names."""
    return any(w in OTHER_JOB_WORDS or w.startswith("ex-") for w in role.lower().split())


def _said_longer(role: str, seen: dict[str, str]) -> bool:
    """ "museum's curator" beside "museum's curator of mineralogy": one role, the longer
    way says what of. A title stays beside its long form ("mayor", "mayor of Dunmore"):
    it is how the text addresses the person."""
    key = _role_key(role)
    return bool(re.search(r"['\u2019]s ", role)) and any(
        other.startswith(key + " ") and other[len(key) + 1:].split(" ", 1)[0] in
        ROLE_PREPOSITIONS for other in seen)


def _role_key(role: str) -> str:
    return " ".join(role.lower().replace("\u2019", "'").replace("'s ", " ").split())


def _owned_role_of(role: str, seen: dict[str, str]) -> bool:
    """ "council's cabinet member for education" where the same person is also the
    "cabinet member for education": one role, said the shorter way. Only a body's ("Tom
    Smith's lawyer" names whose lawyer, which the speaker resolver reads); and "company's
    spokesperson" beside "Tallowmere Solvents spokesperson": one role, said by the body's
    name."""
    owned = re.match(r"([\w-]+)['\u2019]s\s+(.+)", role)
    if owned is None or owned.group(1).lower() not in ORG_NOUNS | COMPANY_NOUNS:
        return False
    job = _role_key(owned.group(2))
    # a capitalised name before the same job: "Tallowmere Solvents spokesperson"
    return job in seen or any(key.endswith(" " + job) and seen[key][:1].isupper()
                              for key in seen)
