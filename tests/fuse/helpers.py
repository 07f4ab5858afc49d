"""Hand-built pipeline results for fusion tests: reports of one meeting in fa and ar, by several outlets."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from khabar.model import Actor, Analysis, Citation, DocResult, Document, Event, Mention, Sentence, Span, Story
from khabar.pipeline import event_id
from khabar.store.db import Store

FA = "پوتین و اردوغان روز چهارشنبه در مسکو دیدار کردند. لاوروف و فیدان نیز گفتگو کردند. اسرائیل غزه را بمباران کرد."
AR = "التقى بوتين وأردوغان في موسكو يوم الأربعاء. وبحث لافروف وفيدان. وقصفت إسرائيل غزة."
DAY = date(2024, 3, 13)

# (code, entity or None, the words of the text that name it)
PEOPLE: dict[str, tuple[str, str | None, dict[str, str]]] = {
    "putin": ("RUS", "putin_vladimir", {"fa": "پوتین", "ar": "بوتين"}),
    "erdogan": ("TUR", "erdogan_recep", {"fa": "اردوغان", "ar": "أردوغان"}),
    "lavrov": ("RUS", "lavrov_sergey", {"fa": "لاوروف", "ar": "لافروف"}),
    "fidan": ("TUR", "fidan_hakan", {"fa": "فیدان", "ar": "فيدان"}),
    "israel": ("ISR", None, {"fa": "اسرائیل", "ar": "إسرائيل"}),
    "gaza": ("PSE", None, {"fa": "غزه", "ar": "غزة"}),
}


@dataclass
class Ev:
    """One story-level event to put in a report."""

    event: str
    actors: list[str]
    recipients: list[str] = field(default_factory=list)
    date: date | None = None
    mode: str | None = None
    aux: str | None = None
    story: int = 0


def mention(who: str, lang: str, text: str) -> Mention:
    """A mention of a known participant at its words in the text."""
    code, entity, words = PEOPLE[who]
    start = text.index(words[lang])
    kind = "person" if entity else "country"
    return Mention(start, start + len(words[lang]), words[lang], Actor(code, "GOV", who, None, entity), 0, kind)


def report(doc_id: str, lang: str, pub: date | None, events: list[Ev], *, source: str | None = None,
           outlet: str | None = None, cites: tuple[str, ...] = (), text: str | None = None) -> DocResult:  # fmt: skip
    """A DocResult as the pipeline would give it: two stories (the second a glued one), events with offsets."""
    text = text or (FA if lang == "fa" else AR)
    half = text.index(".") + 1
    stories = [
        Story(0, 0, half, pub, [Sentence(0, 0, half, 0)]),
        Story(1, half, len(text), pub, [Sentence(1, half, len(text), 1)]),
    ]
    doc = Document(doc_id, text, pub_date=pub, source=source)
    citations = [Citation(c, 0, 0, "relay") for c in cites]
    a = Analysis(doc, lang, stories, pub_date=pub, outlet=outlet, citations=citations)  # type: ignore[arg-type]
    out, mentions = [], []
    for ev in events:
        actors = [mention(w, lang, text) for w in ev.actors]
        recipients = [mention(w, lang, text) for w in ev.recipients]
        mentions += actors + recipients
        st = stories[ev.story]
        e = Event(doc_id, ev.event, actors, recipients, ev.story, ev.story, Span(st.start, st.start + 3),
                  Span(st.start, st.end), mode=ev.mode, date=ev.date, aux=ev.aux)  # type: ignore[arg-type]
        e.id = event_id(doc.content_hash, e)
        out.append(e)
    return DocResult(a, mentions, [], out)


def meeting(mode: str | None = "visit", day: date | None = DAY) -> Ev:
    """Putin and Erdogan met."""
    return Ev("CONSULT", ["putin"], ["erdogan"], day, mode)


def write(path: Path, *results: DocResult) -> None:
    """Write results into the store at path (one batch)."""
    with Store(path) as s:
        s.write_batch(list(results), [], s.begin_run(["test"]))


def four_reports() -> list[DocResult]:
    """One meeting: Fars (dated), aawsat relaying TASS (dated, roles swapped), alriyadh relaying TASS (undated,
    published the next day), IRNA (undated, two days later)."""
    return [
        report("fa-fars", "fa", DAY, [meeting()], source="farsnews", outlet="فارس"),
        report("ar-aawsat", "ar", date(2024, 3, 14), [Ev("CONSULT", ["erdogan"], ["putin"], DAY)],
               source="aawsat", cites=("تاس",)),
        report("ar-riyadh", "ar", date(2024, 3, 14), [meeting(None, None)], source="alriyadh",
               cites=("وكالة تاس",)),
        report("fa-irna", "fa", date(2024, 3, 15), [meeting(None, None)], outlet="ایرنا"),
    ]  # fmt: skip
