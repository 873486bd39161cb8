"""Each alias and role of an entity listed once (storyline.role_lists). Fictional roles."""

from __future__ import annotations

from storyline.role_lists import distinct_aliases, distinct_roles


def test_an_alias_written_two_ways_is_listed_once_and_never_the_name() -> None:
    assert distinct_aliases(["Ms. Orrin", "Ms Orrin", "Tala Orrin", "Orrin"],
                            "Tala Orrin") == ("Ms. Orrin", "Orrin")


def test_two_wordings_of_one_role_are_listed_once() -> None:
    assert distinct_roles(["Harbour director", "harbour's director"]) == ("Harbour director",)
    assert distinct_roles(["KPA's director", "director of the KPA"]) == ("director of the KPA",)
    assert distinct_roles(["Velmark's health minister", "health minister"]) == (
        "health minister",)


def test_a_title_and_another_job_stay_beside_their_longer_forms() -> None:
    assert distinct_roles(["mayor", "mayor of Dunhollow"]) == ("mayor", "mayor of Dunhollow")
    assert distinct_roles(["manager", "former Skerry Rovers manager"]) == (
        "manager", "former Skerry Rovers manager")


def test_a_job_and_its_bodys_wording_keep_one_of_them() -> None:
    # "Curator Ilka Sorn" and "Ilka Sorn, the museum's curator": each wording named the
    # other as the one to keep, and the person was left with no role at all.
    assert distinct_roles(["curator", "museum's curator"]) == ("curator",)
    assert distinct_roles(["company's spokesperson", "spokesperson"]) == ("spokesperson",)
    assert distinct_roles(["spokesperson", "mayor's spokesperson"]) == ("mayor's spokesperson",)
