"""Coreference a reader does without thinking: counterparts, pairs, sides and subject pronouns."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from khabar.actors.compose import COUNTRY_GROUPS, STATE_SECTOR, Ctx, Draft
from khabar.actors.schema import NON_STATE_CODES
from khabar.model import Actor

MAX_BACK = 2  # sentences searched before the one holding the cue
RECENT_PAIR = 3  # a pair resolved this many sentences back is still "the two sides"


def counterpart(d: Draft, drafts: list[Draft]) -> Draft:
    """'His Turkish counterpart' -> the nearest Turkish individual of ``drafts`` (its story's), else a TUR GOV title."""
    best: tuple[tuple[int, int, int], Draft] | None = None
    for o in drafts:
        if o is d or o.story != d.story or not o.individual or o.actor is None or o.actor.code != d.code:
            continue
        named = 0 if o.actor.entity else 1
        key = (abs(o.sentence - d.sentence), named, 0 if o.start < d.start else 1)
        if best is None or key < best[0]:
            best = (key, o)
    if best is not None:
        return replace(d, actor=best[1].actor, individual=True, rule="coref:counterpart")
    return replace(d, kind="title", actor=Actor(d.code, STATE_SECTOR), individual=True, rule="coref:counterpart-title")


def _pick(cands: list[Draft], n: int, *, last: bool = False) -> list[Draft]:
    """The first (or, with ``last``, the nearest) ``n`` candidates with distinct codes, in text order."""
    seen: dict[str, Draft] = {}
    for c in reversed(cands) if last else cands:
        if c.actor is not None and c.actor.code not in seen:
            seen[c.actor.code] = c
    picked = list(seen.values())[:n] if len(seen) >= n else []
    return sorted(picked, key=lambda d: d.start)


def _scopes(d: Draft, by_sent: dict[int, list[Draft]]) -> list[list[Draft]]:
    """The cue's sentence before the cue, then up to MAX_BACK previous sentences of the story."""
    here = [o for o in by_sent.get(d.sentence, []) if o.start < d.start and o.actor is not None]
    out = [here]
    for k in range(1, MAX_BACK + 1):
        prev = [o for o in by_sent.get(d.sentence - k, []) if o.story == d.story and o.actor is not None]
        out.append(prev)
    return out


def pair(d: Draft, by_sent: dict[int, list[Draft]], before: list[Draft] | None) -> list[Draft]:
    """'The two presidents' / 'the two sides' / 'the two (three, four) countries' -> one coref draft per actor.

    Looked for in the cue's sentence (nearest ones), then in the group resolved last in the
    story (the sides stay the same), then in the previous sentences (first ones).
    """
    n = COUNTRY_GROUPS.get(d.want, 2)
    countries = d.want in COUNTRY_GROUPS
    for k, scope in enumerate(_scopes(d, by_sent)):
        if k == 1 and before and len(before) == n:
            return [_as_coref(d, o.actor, d.want) for o in before]
        tiers = [[o for o in scope if o.individual and not o.group]]
        if d.want != "pair_persons":
            tiers.append([o for o in scope if not o.group and not o.rule.startswith("demonym:")])
            tiers.append([o for o in scope if not o.group])
        if countries:
            tiers = [[o for o in tier if o.actor and o.actor.code not in NON_STATE_CODES] for tier in tiers]
        for tier in tiers:
            picked = _pick(tier, n, last=k == 0 or n > 2)  # "the four countries": the list named last
            if picked:
                break
        if picked:
            return [_as_coref(d, o.actor, d.want) for o in picked if o.actor is not None]
    return []


def _as_coref(d: Draft, actor: Actor | None, want: str) -> Draft:
    """A resolved coref draft at the cue's span."""
    assert actor is not None
    if want in COUNTRY_GROUPS:
        actor = Actor(actor.code, STATE_SECTOR, None, None, actor.code)
    return replace(d, actor=actor, want="", individual=want not in COUNTRY_GROUPS, rule=f"coref:{want}")


def pronoun(d: Draft, by_sent: dict[int, list[Draft]], words_before: Callable[[Draft], int], ctx: Ctx) -> Draft | None:
    """A subject pronoun early in its sentence -> the subject of the previous sentence.

    The subject is the previous sentence's first person (or person-title) when it opens
    that sentence (within ``subject_max_words`` words); otherwise the pronoun stays open.
    """
    cues = ctx.g.cues
    after_preposition = d.want == "pronouns_obj"
    if not after_preposition and words_before(d) >= cues.pronoun_max_words:
        return None
    prev = [o for o in by_sent.get(d.sentence - 1, []) if o.story == d.story and o.actor is not None]
    if not (prev and prev[0].individual and words_before(prev[0]) < cues.subject_max_words):
        return None
    if after_preposition and _same_as_subject(prev[0], d, by_sent):
        return None  # "X met with him" never means X himself
    return replace(d, actor=prev[0].actor, individual=True, rule="coref:pronoun")


def _same_as_subject(antecedent: Draft, d: Draft, by_sent: dict[int, list[Draft]]) -> bool:
    """Whether the antecedent is the actor already named before the pronoun in its own sentence."""
    here = [o for o in by_sent.get(d.sentence, []) if o.start < d.start and o.actor is not None]
    assert antecedent.actor is not None
    return any(o.actor is not None and o.actor.entity == antecedent.actor.entity and o.actor.code ==
               antecedent.actor.code for o in here)


def resolve(drafts: list[Draft], ctx: Ctx, words_before: Callable[[Draft], int]) -> list[Draft]:
    """Fill every coref draft that can be resolved (counterparts first), dropping the rest."""
    persons = _individuals(drafts)
    drafts = [counterpart(d, persons.get((d.story, d.code), [])) if d.want == "counterpart" else d for d in drafts]
    out: list[Draft] = []
    by_sent: dict[int, list[Draft]] = {}  # ``out`` by sentence, kept up to date
    last_pair: dict[int, list[Draft]] = {}
    for d in drafts:
        new: list[Draft] = []
        if d.want.startswith("pair_") or d.want in COUNTRY_GROUPS:
            prior = last_pair.get(d.story)
            recent = prior if prior and d.sentence - prior[0].sentence <= RECENT_PAIR else None
            new = pair(d, by_sent, recent)
            if new:
                last_pair[d.story] = new
        elif d.want in ("pronouns", "pronouns_obj"):
            r = pronoun(d, by_sent, words_before, ctx)
            new = [r] if r is not None else []
        elif d.actor is not None:
            new = [d]
        out.extend(new)
        for n in new:
            by_sent.setdefault(n.sentence, []).append(n)
    return out


def _individuals(drafts: list[Draft]) -> dict[tuple[int, str], list[Draft]]:
    """The drafts a counterpart may stand for (individuals with an actor), by story and code, in order."""
    out: dict[tuple[int, str], list[Draft]] = {}
    for d in drafts:
        if d.individual and d.actor is not None:
            out.setdefault((d.story, d.actor.code), []).append(d)
    return out
