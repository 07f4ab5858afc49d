"""Well-known news agencies across languages (data: agencies.yaml), and who originally reported a document."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from khabar.errors import DataError
from khabar.lang import check_keys, read_yaml
from khabar.text.lexicon import Lexicon
from khabar.text.normalize import fold

AGENCIES_PATH = Path(__file__).with_name("agencies.yaml")


def validate(data: Any, where: str) -> dict[str, list[str]]:
    """The agency table of a parsed file: canonical name -> aliases (DataError when malformed)."""
    check_keys(where, data, ["source", "agencies"], [])
    table = data["agencies"]
    if not isinstance(table, dict) or not table:
        raise DataError(f"{where}: 'agencies' must be a non-empty mapping of name -> aliases")
    seen: dict[str, str] = {}
    for name, aliases in table.items():
        if not isinstance(aliases, list) or not aliases or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise DataError(f"{where}: agency {name!r} needs a non-empty list of non-empty aliases")
        for alias in aliases:
            key = fold(alias).text
            if seen.get(key, name) != name:
                raise DataError(f"{where}: alias {alias!r} of {name!r} is also an alias of {seen[key]!r}")
            seen[key] = name
    return {str(k): list(v) for k, v in table.items()}


@lru_cache(maxsize=1)
def table(path: Path = AGENCIES_PATH) -> dict[str, list[str]]:
    """The validated agency table."""
    return validate(read_yaml(path), str(path))


@lru_cache(maxsize=1)
def _lexicon() -> Lexicon[str]:
    lex: Lexicon[str] = Lexicon()
    for name, aliases in table().items():
        lex.add(name, name)
        for alias in aliases:
            lex.add(alias, name)
    return lex


def agency_of(name: str | None) -> str | None:
    """The canonical agency a name cites ('خبرگزاری تاس' -> 'TASS'), if it names a known one."""
    if not name:
        return None
    hits = _lexicon().find(fold(name).text)
    return hits[0].payload if hits else None


def outlet_of(source: str | None, outlet: str | None) -> str | None:
    """Who published a document: a known agency when recognisable, else the record's source or outlet."""
    return agency_of(outlet) or agency_of(source) or source or outlet


@dataclass(frozen=True, slots=True)
class Origin:
    """Who published a document and whom it relays."""

    outlet: str | None
    relays: tuple[str, ...]

    @property
    def original(self) -> str | None:
        """The first relayed agency: the report's original source, if it cites one."""
        return self.relays[0] if self.relays else None


def origin_of(source: str | None, outlet: str | None, citations: Sequence[str] | None) -> Origin:
    """A document's outlet and the known agencies it relays (citations of its own outlet left out)."""
    own = outlet_of(source, outlet)
    relays: list[str] = []
    for cite in citations or []:
        agency = agency_of(cite)
        if agency and agency != own and agency not in relays:
            relays.append(agency)
    return Origin(own, tuple(relays))
