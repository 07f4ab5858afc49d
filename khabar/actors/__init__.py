"""Actors: gazetteer automaton, dated roles, titles, coreference -> coded mentions.

``find_mentions(analysis)`` runs the language's gazetteer (one Aho-Corasick pass over the
folded text), composes titles, countries and names into actors (``compose``), codes
persons by the role valid on the story's date (``roles``) and resolves counterparts,
pairs, sides and subject pronouns (``coref``).
"""

from __future__ import annotations

from datetime import date

from khabar.actors.compose import Ctx, Draft, parse
from khabar.actors.coref import resolve
from khabar.actors.gazetteer import Gazetteer, gazetteer
from khabar.actors.tokens import SentenceIndex, Tok, chains, pronouns, tokens
from khabar.model import Analysis, Mention

__all__ = ["find_mentions", "find_mentions_with", "story_days"]


def story_days(analysis: Analysis) -> dict[int, date | None]:
    """The date that codes each story: its own pub_date; the document's for the first story only."""
    return {
        s.index: s.pub_date if s.pub_date is not None else (analysis.pub_date if s.index == 0 else None)
        for s in analysis.stories
    }


def _introduced(toks: list[Tok]) -> dict[int, set[str]]:
    """Per story, the persons named by an unambiguous alias somewhere in it."""
    out: dict[int, set[str]] = {}
    for t in toks:
        for item in t.items:
            if item.kind == "person" and not item.ambiguous:
                out.setdefault(t.story, set()).add(item.ref)
    return out


def find_mentions_with(analysis: Analysis, g: Gazetteer) -> list[Mention]:
    """Every actor mention of the document found with gazetteer ``g``, in text order."""
    folded = analysis.folded()
    sents = SentenceIndex.of(analysis)
    toks = tokens(analysis, g, sents)
    ctx = Ctx(g, story_days(analysis), _introduced(toks))
    drafts: list[Draft] = []
    for chain in chains(toks, folded.text, g):
        drafts.extend(parse(chain, ctx))
    for t in pronouns(folded.text, g, sents, toks):
        drafts.append(Draft(t.start, t.end, t.sentence, t.story, "coref", "coref:pronoun", None, want=t.cue))
    drafts.sort(key=lambda d: d.start)

    def words_before(d: Draft) -> int:
        """Words between the start of the draft's sentence and the draft."""
        return len(folded.text[sents.folded_start.get(d.sentence, d.start) : d.start].split())

    out: list[Mention] = []
    for d in resolve(drafts, ctx, words_before):
        assert d.actor is not None
        start, end = folded.raw_span(d.start, d.end)
        text = analysis.doc.text[start:end]
        out.append(Mention(start, end, text, d.actor, d.sentence, d.kind, d.rule))  # type: ignore[arg-type]
    out.sort(key=lambda m: (m.start, m.end))
    return out


def find_mentions(analysis: Analysis) -> list[Mention]:
    """Every actor mention of the document, in text order (the pipeline's actor stage)."""
    return find_mentions_with(analysis, gazetteer(analysis.lang))
