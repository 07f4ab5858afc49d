"""Text layer: language, boilerplate, glued stories, metadata, sentences (raw offsets).

``analyse(doc)`` folds the text once, decides the language (``langid``), runs the
language's cue lexicon once over the folded text, and from those hits finds boilerplate
and story separators (``boilerplate``), date lines and citations (``metadata``), then
splits each story into sentences (``sentences``).
"""

from __future__ import annotations

from typing import cast

from khabar.model import Analysis, Document, Lang, Reject, RejectReason, Span, Story
from khabar.text import boilerplate, metadata, sentences, stories
from khabar.text.cues import rules
from khabar.text.langid import identify
from khabar.text.normalize import fold

SAMPLE_CHARS = 200


def _reject(doc: Document, reason: RejectReason, detail: str) -> Reject:
    """A reject of this document with a short sample of its text."""
    return Reject(doc.origin, reason, detail, record_id=doc.id, sample=doc.text[:SAMPLE_CHARS])


def _merge(spans: list[Span]) -> list[Span]:
    """Sorted spans with overlapping or touching ones merged."""
    out: list[Span] = []
    for s in sorted(spans, key=lambda x: (x.start, x.end)):
        if s.end <= s.start:
            continue
        if out and s.start <= out[-1].end:
            if s.end > out[-1].end:
                out[-1] = Span(out[-1].start, s.end)
        else:
            out.append(s)
    return out


def analyse(doc: Document) -> Analysis | Reject:
    """Analyse one document: an Analysis, or a Reject (unsupported language, nothing left)."""
    folded = fold(doc.text)
    decision = identify(doc.text, folded.text, doc.lang)
    if decision.lang is None:
        if decision.letters == 0 and decision.reason == "no letters":
            return _reject(doc, RejectReason.EMPTY, "no letters in the text")
        return _reject(doc, RejectReason.UNSUPPORTED_LANGUAGE, decision.reason)
    lang_rules = rules(decision.lang)
    hits = lang_rules.lexicon.find(folded.text)
    scan = boilerplate.scan(doc.text, folded, lang_rules, hits)
    spans = _merge(scan.boilerplate)
    story_spans = stories.story_spans(len(doc.text), scan.separators)
    dated = metadata.date_lines(doc.text, folded, hits, lang_rules)
    pub_date = doc.pub_date
    built: list[Story] = []
    for span in story_spans:
        sents = sentences.split(doc.text, span, spans, lang_rules, len(built), sum(len(s.sentences) for s in built))
        if not sents:
            continue
        own = [d for off, d in dated if span.start <= off < span.end]
        if not built and pub_date is None and own:
            pub_date = own[0]
        story_date = pub_date if not built else (own[0] if own else None)
        built.append(Story(len(built), sents[0].start, sents[-1].end, story_date, sents))
    if not built:
        return _reject(doc, RejectReason.EMPTY, "no text left after boilerplate removal")
    cites = metadata.citations(doc.text, folded, hits, scan.values, spans, lang_rules)
    outlet = metadata.settle_outlet(cites, built[0].end)
    return Analysis(
        doc=doc,
        lang=cast(Lang, decision.lang),
        stories=built,
        boilerplate=spans,
        pub_date=pub_date,
        outlet=outlet,
        citations=cites,
        _folded=folded,
    )
