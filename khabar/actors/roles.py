"""Dated roles: which office a person holds on the story's date, and who holds an office."""

from __future__ import annotations

from datetime import date

from khabar.actors.schema import Person, Role

ELITE = "ELI"


def _recency(r: Role) -> tuple[int, date]:
    """Sort key: open-ended roles first, then the latest start."""
    return (1 if r.end is None else 0, r.start or date.min)


def current_role(person: Person, day: date | None) -> tuple[Role, bool]:
    """The role that codes ``person`` on ``day`` and whether it is held then.

    No date known: the most recent role (held). A date inside a role: that role (the
    latest-starting when several). Outside every role: the nearest role, not held.
    """
    roles = person.roles
    if day is None:
        return max(roles, key=_recency), True
    held = [r for r in roles if r.holds(day)]
    if held:
        return max(held, key=lambda r: r.start or date.min), True
    return min(roles, key=lambda r: (r.distance(day), -(r.start or date.min).toordinal())), False


def person_code_sector(person: Person, day: date | None) -> tuple[str, str]:
    """Code and sector of ``person`` on ``day`` (ELI with the nearest role's code when out of office)."""
    role, held = current_role(person, day)
    return role.code, role.sector if held else ELITE


def holder(candidates: list[tuple[Person, Role]], day: date | None) -> Person | None:
    """The single person holding an office on ``day`` (open-ended roles when no date), else None."""
    if day is None:
        found = {p.id: p for p, r in candidates if r.end is None}
    else:
        found = {p.id: p for p, r in candidates if r.holds(day)}
    return next(iter(found.values())) if len(found) == 1 else None


def named_holder(candidates: list[tuple[Person, Role]], named: frozenset[str], day: date | None) -> Person | None:
    """The single person already named in the text who holds the office (on ``day`` when known)."""
    found = {p.id: p for p, r in candidates if p.id in named and (day is None or r.holds(day))}
    return next(iter(found.values())) if len(found) == 1 else None


def prefer(persons: list[Person], day: date | None) -> Person:
    """Among persons sharing an alias, the one in office on ``day`` (else the first)."""
    if day is not None:
        for p in persons:
            if any(r.holds(day) for r in p.roles):
                return p
    else:
        for p in persons:
            if any(r.end is None for r in p.roles):
                return p
    return persons[0]
