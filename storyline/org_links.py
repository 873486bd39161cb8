"""Organisations across articles: the mentions of one body gathered under one name.

Goes in: clusters of organisation mentions (one per name as written, from `entities`).
Comes out: fewer clusters, one per body: long and short forms and British and American
spellings share a key ("the State Department" ~ "Department of State", "Centre" ~
"Center"), an acronym joins the body whose initials it spells or that an article gave it in
brackets, a body named with its one owner ("Estmark's Public Procurement Office") joins the
same body named without it, and a one-word piece of a longer name ("Transport") is dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from .people import Cluster


def org_key(name: str) -> str:
    """Canonical key of an organisation name ("the State Department" ~ "Department of State")."""
    text = re.sub(r"^(the)\s+", "", name.strip(), flags=re.IGNORECASE)
    text = re.sub(r"['\u2019]s$", "", text)
    text = re.sub(r"^(U\.?S\.?|US|United States)\s+", "", text)
    match = re.fullmatch(r"(\w+) (Department|Ministry)", text)
    if match:
        text = f"{match.group(2)} of {match.group(1)}"
    return " ".join(SPELLINGS.get(w, w) for w in text.lower().split())


# British and American spellings of words in organisation names: one key for both.
SPELLINGS = {"centre": "center", "organisation": "organization", "defence": "defense",
             "programme": "program", "labour": "labor", "theatre": "theater"}


def _acronym(name: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z]+", name) if w.lower() not in {"of", "the", "and",
                                                                           "for", "on", "in"}]
    return "".join(w[0] for w in words).upper()


def merge_acronyms(clusters: list[Cluster]) -> list[Cluster]:
    """An acronym alone joins the body whose initials it spells, or whose name an article
    gave it in brackets ("Department of Housing and Rural Development (HRD)")."""
    by_acronym: dict[str, Cluster] = {}
    for cluster in clusters:
        name = cluster.names.most_common(1)[0][0] if cluster.names else ""
        if len(name.split()) > 1:
            by_acronym.setdefault(_acronym(name), cluster)
            for alias in cluster.aliases:
                if alias.isupper() and " " not in alias:
                    by_acronym.setdefault(alias, cluster)
    kept: list[Cluster] = []
    for cluster in clusters:
        name = cluster.names.most_common(1)[0][0] if cluster.names else ""
        target = by_acronym.get(name) if name.isupper() and " " not in name else None
        if target is not None and target is not cluster:
            for mention in cluster.mentions:
                target.add(mention)
        else:
            kept.append(cluster)
    return kept


def merge_orgs(clusters: list[Cluster]) -> list[Cluster]:
    merged: dict[str, Cluster] = {}
    for cluster in clusters:
        name = cluster.names.most_common(1)[0][0]
        target = merged.setdefault(org_key(name), Cluster("ORG"))
        for mention in cluster.mentions:
            target.add(mention)
    return merge_acronyms(_owned_by_a_place_out(merged))


# "Estmark's Public Procurement Office": a one-word owner before a body's name of two words
# or more (not "St Brennan's Hospital", whose name is the possessive).
OWNED_BODY_RE = re.compile(r"\w+['\u2019]s ((?:\S+ )+\S+)")


def _owned_by_a_place_out(merged: dict[str, Cluster]) -> list[Cluster]:
    """A body named with its country or city before it ("Estmark's Public Procurement
    Office") joins the body the story names without it: one office, not two. Not when
    the story names two owners ("Estmark's Foreign Office", "Veldoria's Foreign Office"):
    two bodies, and the bare one may be either."""
    owned_forms = Counter(m.group(1) for m in map(OWNED_BODY_RE.fullmatch, merged) if m)
    kept = []
    for key, cluster in merged.items():
        owned = OWNED_BODY_RE.fullmatch(key)
        target = merged.get(owned.group(1)) if owned and owned_forms[owned.group(1)] == 1 \
            else None
        if target is None or target is cluster:
            kept.append(cluster)
            continue
        name = target.names.most_common(1)[0][0]
        for mention in cluster.mentions:  # named as the body's own name, owner left out
            target.add(replace(mention, name=name))
    return kept


def drop_fragments(clusters: list[Cluster]) -> list[Cluster]:
    """A one-word "organisation" that is only a piece of a longer name ("Transport")."""
    long_words = {w.lower() for c in clusters for n in c.names if len(n.split()) > 1
                  for w in n.split()}
    kept = []
    for cluster in clusters:
        names = list(cluster.names)
        single = all(len(n.split()) == 1 for n in names)
        if single and not any(n.isupper() for n in names) and \
                all(n.lower() in long_words for n in names):
            continue
        kept.append(cluster)
    return kept
