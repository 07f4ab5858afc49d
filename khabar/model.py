"""The plain typed objects that flow between stages (see DESIGN.md, "Contracts").

Every ``start``/``end`` pair is a character offset into ``Document.text`` (the raw
text, never modified). Stages take and return these objects and nothing else.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from khabar.text.normalize import Folded

Lang = Literal["fa", "ar"]
Aux = Literal["future", "negation", "hypothetical"]


class RejectReason(StrEnum):
    """Why a record was not turned into a document (stored with every reject)."""

    UNDECODABLE = "undecodable"
    BINARY = "binary"
    EMPTY = "empty"
    MALFORMED = "malformed"
    MISSING_FIELD = "missing_field"
    UNSUPPORTED_LANGUAGE = "unsupported_language"
    TOO_LARGE = "too_large"
    LINE_TOO_LONG = "line_too_long"
    UNSUPPORTED_FORMAT = "unsupported_format"
    NO_MAIN_TEXT = "no_main_text"
    TIMEOUT = "timeout"
    INTERNAL_ERROR = "internal_error"


@dataclass(frozen=True, slots=True)
class Document:
    """One input record: raw text plus what the record says about itself."""

    id: str
    text: str
    pub_date: date | None = None
    url: str | None = None
    source: str | None = None
    origin: str = ""
    lang: str | None = None

    @property
    def content_hash(self) -> str:
        """Stable hash of id and text: the idempotence key of the store."""
        h = hashlib.sha256()
        h.update(self.id.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
        h.update(self.text.encode("utf-8", "surrogatepass"))
        return h.hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Reject:
    """A record that could not be used, kept with a specific reason."""

    origin: str
    reason: RejectReason
    detail: str
    record_id: str | None = None
    sample: str | None = None


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range of the raw text."""

    start: int
    end: int


@dataclass(slots=True)
class Sentence:
    """A sentence of a story, as raw offsets."""

    index: int
    start: int
    end: int
    story: int


@dataclass(slots=True)
class Story:
    """One story of a document; glued "read also" stories get their own."""

    index: int
    start: int
    end: int
    pub_date: date | None = None
    sentences: list[Sentence] = field(default_factory=list)


@dataclass(slots=True)
class Citation:
    """A source the text names as its origin ("به نقل از تاس", "نقلا عن رويترز")."""

    name: str
    start: int
    end: int
    kind: Literal["outlet", "relay"] = "relay"


@dataclass(slots=True)
class Analysis:
    """The text layer's result for one document."""

    doc: Document
    lang: Lang
    stories: list[Story]
    boilerplate: list[Span] = field(default_factory=list)
    pub_date: date | None = None
    outlet: str | None = None
    citations: list[Citation] = field(default_factory=list)
    _folded: Folded | None = field(default=None, repr=False)
    _by_start: tuple[list[int], list[Sentence]] | None = field(default=None, repr=False)

    def folded(self) -> Folded:
        """The whole raw text folded for matching, computed once and shared by all stages."""
        if self._folded is None:
            from khabar.text.normalize import fold

            self._folded = fold(self.doc.text)
        return self._folded

    def sentence_at(self, raw_offset: int) -> Sentence | None:
        """The sentence containing a raw offset, if any (bisect over sentences by start)."""
        if self._by_start is None:
            ordered = sorted(self.sentences, key=lambda s: s.start)
            self._by_start = ([s.start for s in ordered], ordered)
        starts, ordered = self._by_start
        i = bisect_right(starts, raw_offset) - 1
        if i >= 0 and raw_offset < ordered[i].end:
            return ordered[i]
        return None

    @property
    def sentences(self) -> list[Sentence]:
        """All sentences of all stories, in text order."""
        return [s for story in self.stories for s in story.sentences]

    def text_of(self, start: int, end: int) -> str:
        """The raw text of a span."""
        return self.doc.text[start:end]


@dataclass(frozen=True, slots=True)
class Actor:
    """A coded actor: PLOVER country/group code, sector and canonical identity."""

    code: str
    sector: str | None = None
    name: str | None = None
    wikidata: str | None = None
    entity: str | None = None


@dataclass(slots=True)
class Mention:
    """An actor mentioned in the text, with the rule that found it."""

    start: int
    end: int
    text: str
    actor: Actor
    sentence: int
    kind: Literal["person", "title", "country", "org", "place", "group", "coref"] = "person"
    rule: str = ""


@dataclass(slots=True)
class DateExpr:
    """A time expression in the text and the day it resolves to (None: unknown)."""

    start: int
    end: int
    text: str
    value: date | None
    sentence: int
    kind: str = ""
    last: date | None = None  # the last day it can mean (a month or year written without a day)


@dataclass(slots=True)
class Event:
    """One PLOVER event stated by the text, with its evidence."""

    doc_id: str
    event: str
    actor: list[Mention]
    recipient: list[Mention]
    sentence: int
    story: int
    trigger: Span
    evidence: Span
    mode: str | None = None
    date: date | None = None
    aux: Aux | None = None
    context: list[str] = field(default_factory=list)
    location: str | None = None
    confidence: float = 0.5
    rule: str = ""
    date_expr: DateExpr | None = None
    more_evidence: list[Span] = field(default_factory=list)
    id: str = ""
    background: bool = False  # told only as the background of another event ("after X had ...")


@dataclass(slots=True)
class DocResult:
    """Everything the pipeline found in one document."""

    analysis: Analysis
    mentions: list[Mention]
    dates: list[DateExpr]
    events: list[Event]
