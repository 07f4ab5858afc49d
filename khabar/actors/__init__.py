"""Actors: gazetteer automaton, dated roles, titles, coreference -> coded mentions.

``find_mentions(analysis)`` runs the language's gazetteer (one Aho-Corasick pass over the
folded text), composes titles, countries and names into actors (``compose``), codes
persons by the role valid on the story's date (``roles``) and resolves counterparts,
pairs, sides and subject pronouns (``coref``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date
from itertools import islice

from khabar.actors.compose import Ctx, Draft, parse
from khabar.actors.coref import resolve
from khabar.actors.gazetteer import Gazetteer, gazetteer
from khabar.actors.tokens import SentenceIndex, Tok, chains, pronouns, tokens
from khabar.model import Actor, Analysis, Mention
from khabar.text.normalize import is_word_char

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
    outlets = outlet_spans(folded.text, g)
    for d in resolve(drafts, ctx, words_before):
        if d.kind in PLACE_KINDS and in_outlet_name(folded.text, d.start, outlets):
            continue  # "the LBC Lebanon channel", "the Washington Post": part of a news outlet's name
        assert d.actor is not None
        start, end = folded.raw_span(d.start, d.end)
        text = analysis.doc.text[start:end]
        for actor in members_of(g, d.actor):
            out.append(Mention(start, end, text, actor, d.sentence, d.kind, d.rule))  # type: ignore[arg-type]
    out.sort(key=lambda m: (m.start, m.end))
    return out


def members_of(g: Gazetteer, actor: Actor) -> list[Actor]:
    """A grouping of states ("P5+1", "the six powers") stands for each of its states (GUIDELINES)."""
    org = g.orgs.get(actor.entity or "")
    if org is None or not org.members:
        return [actor]
    return [Actor(c, STATE_SECTOR, org.name, None, f"{org.id}:{c}") for c in org.members]


STATE_SECTOR = "GOV"
PLACE_KINDS = frozenset({"country", "place"})
OUTLET_REACH = 3  # words of an outlet's name after its head


def outlet_spans(text: str, g: Gazetteer) -> list[int]:
    """Folded end offsets of every news outlet head word in the text."""
    ends: list[int] = []
    for key in g.cues.outlets:
        i = text.find(key)
        while i >= 0:
            if (i == 0 or not is_word_char(text[i - 1])) and not is_word_char(text[i + len(key): i + len(key) + 1]):
                ends.append(i + len(key))
            i = text.find(key, i + 1)
    return sorted(ends)


def in_outlet_name(text: str, start: int, outlets: list[int]) -> bool:
    """Whether a place starts within the few words right after an outlet head, in the same phrase.

    Only the last outlet head ending at or before ``start`` is looked at: the text from an earlier
    head contains the text from a later one, so it never has fewer words or breaks.
    """
    i = bisect_right(outlets, start)
    if not i:
        return False
    end = outlets[i - 1]
    if sum(1 for _ in islice(_NON_SPACE.finditer(text, end, start), OUTLET_REACH + 1)) > OUTLET_REACH:
        return False
    return not any(c in text[end:start] for c in OUTLET_BREAKS)


_NON_SPACE = re.compile(r"\S+")  # the words of ``str.split()``
OUTLET_BREAKS = ".،,:;؛()\n"


def find_mentions(analysis: Analysis) -> list[Mention]:
    """Every actor mention of the document, in text order (the pipeline's actor stage)."""
    return find_mentions_with(analysis, gazetteer(analysis.lang))
