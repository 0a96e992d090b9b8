"""Splitting people into groups that are alike: sizes within one person of each other, and
each group's number of women within one person of its fair share; optionally people of the
same duty station spread across the groups (so a border post does not lose all its officers to
the same week). The people come from :mod:`planner.queries.grouping`; the groups are
created by :func:`planner.operations.people.create_groups`."""

from __future__ import annotations

import string
from collections import defaultdict

from planner.domain.errors import PlannerError
from planner.domain.i18n import _, ngettext
from planner.domain.inputs import clean_text
from planner.domain.reference import fold
from planner.queries.grouping import Member, group_names_taken
from planner.store import PlanStore


def _shares(total: int, weights: list[int]) -> list[int]:
    """Split ``total`` in proportion to ``weights``, largest remainders first (sums exactly)."""
    whole = sum(weights)
    if whole == 0:
        return [0] * len(weights)
    exact = [total * w / whole for w in weights]
    shares = [int(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - shares[i]), i))
    for i in order[: total - sum(shares)]:
        shares[i] += 1
    return shares


def split(people: list[Member], into: int, spread_by_station: bool = False) -> list[list[Member]]:
    """``into`` groups: sizes differ by at most one; women within one of their fair share."""
    if into < 1:
        raise PlannerError(_("Split into at least one group."))
    if into > max(1, len(people)):
        raise PlannerError(
            ngettext(
                "There is {n} person to split; choose at most {n} group.",
                "There are {n} people to split; choose at most {n} groups.",
                len(people),
            ).format(n=len(people))
        )
    sizes = _shares(len(people), [1] * into)
    women = [p for p in people if p.sex == "female"]
    women_per_group = _shares(len(women), sizes)

    women_left = list(women_per_group)
    rest_left = [s - w for s, w in zip(sizes, women_per_group, strict=True)]
    groups: list[list[Member]] = [[] for _i in range(into)]
    by_station: dict[str, list[Member]] = defaultdict(list)
    for p in people:
        by_station[fold(p.duty_station) if spread_by_station else ""].append(p)
    # largest stations first; each person goes where their station is least represented among
    # the groups that still need someone like them (a woman, or anyone else)
    placed: dict[tuple[int, str], int] = defaultdict(int)
    for station in sorted(by_station, key=lambda k: (-len(by_station[k]), k)):
        ordered = sorted(by_station[station], key=lambda p: p.sex != "female")
        for person in ordered:
            left = women_left if person.sex == "female" else rest_left
            candidates = [g for g in range(into) if left[g] > 0]
            g = min(
                candidates,
                key=lambda g: (placed[(g, station)], len(groups[g]) / max(1, sizes[g]), g),
            )
            groups[g].append(person)
            left[g] -= 1
            placed[(g, station)] += 1
    return groups


def group_names(store: PlanStore, into: int, prefix: str) -> list[str]:
    """Names for new groups that no group of the plan has: "Group A", "Group B"…"""
    prefix = " ".join(clean_text(prefix).split())
    if len(prefix) > 90:
        raise PlannerError(
            _(
                "The start of the group names is too long ({length} characters,"
                " at most 90); shorten it."
            ).format(length=len(prefix))
        )
    taken = group_names_taken(store)
    letters = list(string.ascii_uppercase) + [
        f"{a}{b}" for a in string.ascii_uppercase for b in string.ascii_uppercase
    ]
    names = []
    for letter in letters:
        name = f"{prefix} {letter}"
        if fold(name) not in taken:
            names.append(name)
        if len(names) == into:
            return names
    raise PlannerError(_("Too many groups."))


def describe(groups: list[list[Member]]) -> list[str]:
    """One line per group: size, women, stations (for the preview and the command line)."""
    lines = []
    for people in groups:
        women = sum(1 for p in people if p.sex == "female")
        stations = len({fold(p.duty_station) for p in people if p.duty_station})
        lines.append(
            _("{n} people, {women} women, {stations} duty stations").format(
                n=len(people), women=women, stations=stations
            )
        )
    return lines
