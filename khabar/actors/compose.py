"""Chains of tokens -> drafted mentions: title + country + name compose into one actor."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from khabar.actors.gazetteer import Gazetteer
from khabar.actors.roles import ELITE, holder, named_holder, person_code_sector, prefer
from khabar.actors.schema import Person, Title
from khabar.actors.tokens import ADJ, AND, Tok, classify
from khabar.model import Actor

COUNTRY_GROUPS = {"pair_countries": 2, "three_countries": 3, "four_countries": 4}  # "the N countries" -> N states
HEAD_CUES = frozenset({"counterpart", "side", "pair_persons", "pair_sides", *COUNTRY_GROUPS, "former"})
LIST_CUES = frozenset({"side", "pair_persons", "pair_sides", *COUNTRY_GROUPS})
COLLECTIVE = "WST"
LEADER = "leader"  # a title role meaning "whoever leads the country" (countries.yaml leader_role)
DEFAULT_LEADER = "president"
STATE_SECTOR = "GOV"


@dataclass(slots=True)
class Draft:
    """A mention before coreference: folded span, actor (or what coreference must find)."""

    start: int
    end: int
    sentence: int
    story: int
    kind: str
    rule: str
    actor: Actor | None = None
    want: str = ""
    code: str = ""
    individual: bool = False
    group: bool = False


@dataclass(slots=True)
class Ctx:
    """What parsing a document needs besides the chain: gazetteer, story dates, introduced persons."""

    g: Gazetteer
    days: dict[int, date | None]
    introduced: dict[int, set[str]] = field(default_factory=dict)

    def day(self, tok: Tok) -> date | None:
        """The date that codes actors of this token's story."""
        return self.days.get(tok.story)


def person_actor(p: Person, day: date | None, sector: str | None = None) -> Actor:
    """A person coded by the role valid on ``day`` (``sector`` overrides, e.g. from a title)."""
    code, dated = person_code_sector(p, day)
    return Actor(code, sector or dated, p.name, p.wikidata, p.id)


def place_actor(g: Gazetteer, tok: Tok) -> tuple[Actor, str]:
    """The actor and mention kind of a country-like or org token (org entries win)."""
    found = None
    for item in tok.items:
        if item.kind in ("org", "group"):
            return g.actors[item]
        if found is None and item in g.actors:
            found = g.actors[item]
    if found is None:
        raise KeyError(f"no place or organisation among {tok.items}")
    return found


def _place_code(g: Gazetteer, place: Tok | None) -> str | None:
    """The code of a place token, if any."""
    return place_actor(g, place)[0].code if place is not None else None


def offices_of(g: Gazetteer, title: Title, code: str) -> tuple[str, ...]:
    """The person roles that hold a title in country ``code`` ("leader": the country's leading office)."""
    if title.role == LEADER:
        c = g.countries.get(code)
        return ((c.leader_role if c and c.leader_role else DEFAULT_LEADER),)
    return title.offices()


def _adjective(g: Gazetteer, code: str, org_name: str | None) -> str:
    """The English adjective of a country (its name when none is recorded) or an org's name."""
    if org_name:
        return org_name
    c = g.countries.get(code)
    if c is None:
        return code
    return c.adj_en or c.name


def title_actor(
    g: Gazetteer, title: Title, place: Tok | None, day: date | None, former: bool, named: frozenset[str] = frozenset()
) -> Actor | None:
    """The actor of a title without a name: its holder when the office has one, else the body.

    A holder already named in the story (``named``) wins over the holder on the story's date.
    """
    org_name = None
    if place is not None:
        base, kind = place_actor(g, place)
        code = base.code
        org_name = base.name if kind in ("org", "group") else None
    elif title.code:
        code = title.code
    else:
        return None
    sector = ELITE if former else title.sector
    if title.offices() and not former:
        candidates = [h for office in offices_of(g, title, code) for h in g.holders.get((code, office), [])]
        p = named_holder(candidates, named, day) or holder(candidates, day)
        if p is not None:
            return Actor(code, sector, p.name, p.wikidata, p.id)
    name = title.body.format(adj=_adjective(g, code, org_name)) if title.body else None
    return Actor(code, sector, name, None, None)


def licensed(tok: Tok, chain: list[Tok], k: int, ctx: Ctx) -> list[Person]:
    """The persons a person token may stand for (ambiguous aliases need a title or an introduction)."""
    g = ctx.g
    named = g.first_words.get(tok.before)
    items = [i for i in tok.of("person") if not named or i.ref in named]  # "Bijan Jannati" is not Ahmad Jannati
    plain = [g.persons[i.ref] for i in items if not i.ambiguous]
    if plain:
        return plain
    if any(tok.prefix.endswith(b) for b in g.cues.name_blocking_prefixes if b):
        return []
    near_title = (k > 0 and chain[k - 1].cls == "T" and tok.link == ADJ) or (
        k + 1 < len(chain) and chain[k + 1].cls == "T" and chain[k + 1].link == ADJ
    )
    intro = ctx.introduced.get(tok.story, set())
    return [g.persons[i.ref] for i in items if near_title or i.ref in intro]


def _title_of(g: Gazetteer, tok: Tok) -> Title | None:
    """The title a token stands for, if any."""
    items = tok.of("title")
    return g.titles[items[0].ref] if items else None


def _draft(a: Tok, b: Tok, kind: str, rule: str, actor: Actor | None, **kw: object) -> Draft:
    """A draft spanning tokens ``a``..``b``."""
    return Draft(a.start, b.end, a.sentence, a.story, kind, rule, actor, **kw)  # type: ignore[arg-type]


@dataclass(slots=True)
class Phrase:
    """A parsed head phrase: heads (titles/cues), the places after them, a person, 'former'."""

    heads: list[Tok]
    places: list[Tok]
    person: Tok | None
    persons: list[Person]
    former: bool
    end: int


def _owning_body(g: Gazetteer, heads: list[Tok]) -> Title | None:
    """The title of a head phrase: the first head, unless it is a body of a later body
    ("قيادة الجيش الليبي" is the Libyan Army's command: the army codes it)."""
    titles = [t for t in (_title_of(g, h) for h in heads) if t is not None]
    if not titles:
        return None
    first = titles[0]
    if first.body:
        bodies = [t for t in titles[1:] if t.body]
        return bodies[-1] if bodies else first
    return first


def _plural(g: Gazetteer, head: Tok) -> bool:
    """True when a head takes several places ("presidents of X and Y", "the X and Y sides")."""
    t = _title_of(g, head)
    return t.plural if t is not None else head.cue in LIST_CUES


def read_phrase(chain: list[Tok], i: int, ctx: Ctx) -> Phrase:
    """Read heads, then places, then an optional person, starting at ``chain[i]``."""
    heads: list[Tok] = []
    former = False
    j = i
    while j < len(chain) and (j == i or chain[j].link == ADJ) and (
        chain[j].cls == "T" or chain[j].cue in HEAD_CUES
    ):
        if chain[j].cue == "former":
            former = True
        else:
            heads.append(chain[j])
        j += 1
    plural = bool(heads) and _plural(ctx.g, heads[0])
    places: list[Tok] = []
    while j < len(chain) and chain[j].link is not None:
        tok = chain[j]
        if tok.cue == "former" and tok.link == ADJ:
            former, j = True, j + 1
            continue
        if tok.cls not in ("C", "O") or (places and not plural) or (tok.link == AND and not (plural and places)):
            break
        places.append(tok)
        j += 1
    person, persons = None, []
    if j < len(chain) and chain[j].link == ADJ and chain[j].cls == "P" and heads:
        persons = licensed(chain[j], chain, j, ctx)
        if persons:
            person, j = chain[j], j + 1
    return Phrase(heads, places, person, persons, former, j)


def _compatible(p: Person, place: Tok | None, title: Title | None, g: Gazetteer) -> bool:
    """True when a title's country (if any) is one the person ever served."""
    code = place_actor(g, place)[0].code if place is not None else (title.code if title else None)
    return code is None or code in p.countries()


def _title_sector(g: Gazetteer, title: Title | None, former: bool, p: Person, code: str | None) -> str | None:
    """The sector a title asserts for a named person: ELI when 'former'; the title's own when
    the person ever held that office (the text says they hold it now); else None (dated role)."""
    if former:
        return ELITE
    if title is None or title.plural or title.body:
        return None
    offices = set(offices_of(g, title, code or p.roles[-1].code))
    return title.sector if offices & {r.role for r in p.roles} else None


def headed(chain: list[Tok], i: int, ctx: Ctx, out: list[Draft]) -> int:
    """Parse a phrase led by a title or a cue; return the next index."""
    g = ctx.g
    ph = read_phrase(chain, i, ctx)
    if not ph.heads:
        return max(ph.end, i + 1)
    head = ph.heads[0]
    title = _owning_body(g, ph.heads)
    last = chain[ph.end - 1]
    first_place = ph.places[0] if ph.places else None
    if ph.person is not None:
        p = prefer(ph.persons, ctx.day(head))
        if title is not None and (title.body or title.plural) and not ph.places:
            code = person_actor(p, ctx.day(head)).code  # "Assad's forces": the body of the person's country
            name = title.body.format(adj=p.name) if title.body else None
            out.append(_draft(head, last, "title", f"title:{title.id}+person:{p.id}", Actor(code, title.sector, name)))
            return ph.end
        if head.cue == "counterpart" or _compatible(p, first_place, title, g):
            sector = _title_sector(g, title, ph.former, p, _place_code(g, first_place))
            actor = person_actor(p, ctx.day(head), sector)
            out.append(_draft(head, last, "person", f"title+person:{p.id}", actor, individual=True))
            return ph.end
        end = ph.end - 1
        ph.person = None
    else:
        end = ph.end
    stop = chain[end - 1]
    if head.cue == "counterpart":
        if first_place is not None:
            code = place_actor(g, first_place)[0].code
            out.append(_draft(head, stop, "coref", "coref:counterpart", None, want="counterpart", code=code))
        return end
    if head.cue in LIST_CUES:
        if not ph.places:
            out.append(_draft(head, stop, "coref", f"coref:{head.cue}", None, want=head.cue))
        for side in ph.places:
            base, _ = place_actor(g, side)
            sided = Actor(base.code, STATE_SECTOR, base.name, base.wikidata, base.entity)
            out.append(_draft(head, stop, "coref", f"coref:{head.cue}+place", sided))
        return end
    assert title is not None
    targets: list[Tok | None] = list(ph.places) or [None]
    known = frozenset(ctx.introduced.get(head.story, ()))
    for k, target in enumerate(targets):
        titled = title_actor(g, title, target, ctx.day(head), ph.former, known)
        if titled is None:
            continue
        a = head if k == 0 else (target or head)
        b = target if (target is not None and len(targets) > 1) else stop
        indiv = bool(title.role) and not title.plural
        out.append(_draft(a, b, "title", f"title:{title.id}", titled, individual=indiv, group=title.plural))
    return end


def named(chain: list[Tok], i: int, ctx: Ctx, out: list[Draft]) -> int:
    """Parse a person name, with a title in apposition after it ("پوتین رئیس جمهوری روسیه")."""
    tok = chain[i]
    persons = licensed(tok, chain, i, ctx)
    if not persons:
        tok.items = [x for x in tok.items if x.kind != "person"]
        tok.cls = classify(tok)
        return i if tok.cls else i + 1
    p = prefer(persons, ctx.day(tok))
    day = ctx.day(tok)
    if i + 1 < len(chain) and chain[i + 1].link == ADJ and chain[i + 1].cls == "T":
        ph = read_phrase(chain, i + 1, ctx)
        title = _title_of(ctx.g, ph.heads[0]) if ph.heads else None
        first_place = ph.places[0] if ph.places else None
        if title is not None and title.role and not (title.plural or title.body) and _compatible(
            p, first_place, title, ctx.g
        ):
            end = ph.end - (1 if ph.person is not None else 0)
            actor = person_actor(p, day, _title_sector(ctx.g, title, ph.former, p, _place_code(ctx.g, first_place)))
            out.append(_draft(tok, chain[end - 1], "person", f"person+title:{p.id}", actor, individual=True))
            return end
    out.append(_draft(tok, tok, "person", f"person:{p.id}", person_actor(p, day), individual=True))
    return i + 1


def _demonym_only(tok: Tok) -> bool:
    """True when the token is a demonym adjective (or a name made one by its suffix)."""
    return tok.adjectival or all(i.kind == "demonym" for i in tok.items)


def _adjective_like(tok: Tok) -> bool:
    """True when the token may be read as a demonym adjective."""
    return tok.adjectival or any(i.kind == "demonym" for i in tok.items)


def _demonym_pair(chain: list[Tok], i: int) -> bool:
    """True when a demonym stands next to another ("the Russian-Ukrainian talks")."""
    prev_ok = i > 0 and chain[i].tight and _adjective_like(chain[i - 1])
    next_ok = i + 1 < len(chain) and chain[i + 1].tight and _adjective_like(chain[i + 1])
    return prev_ok or next_ok


def plain(chain: list[Tok], i: int, ctx: Ctx, out: list[Draft]) -> int:
    """A country, place, organisation or group on its own."""
    tok = chain[i]
    actor, kind = place_actor(ctx.g, tok)
    nxt = chain[i + 1] if i + 1 < len(chain) else None
    if actor.code == COLLECTIVE and nxt is not None and nxt.link == ADJ and nxt.cls == "C":
        return i + 1  # a direction ("west of X"), not the West
    if _demonym_only(tok) and not _demonym_pair(chain, i):
        return i + 1  # "Russian poetry", "the Egyptian player": an adjective, not an actor
    rule = f"{kind}:{actor.entity}" if kind in ("org", "group") else f"{tok.items[0].kind}:{actor.code}"
    out.append(_draft(tok, tok, kind, rule, actor))
    return i + 1


def parse(chain: list[Tok], ctx: Ctx) -> list[Draft]:
    """Every draft mention of one chain, left to right."""
    out: list[Draft] = []
    i = 0
    while i < len(chain):
        tok = chain[i]
        if tok.cls == "P":
            i = named(chain, i, ctx, out)
        elif tok.cls == "T" or tok.cue in HEAD_CUES:
            i = headed(chain, i, ctx, out)
        elif tok.cls in ("C", "O"):
            i = plain(chain, i, ctx, out)
        elif tok.cue == "blockers":
            i += 1
            while i < len(chain) and chain[i].link == ADJ and chain[i].cls in ("C", "O"):
                i += 1  # "the French team": not the state
        elif tok.cue == "pronouns":
            out.append(_draft(tok, tok, "coref", "coref:pronoun", None, want="pronouns"))
            i += 1
        else:
            i += 1
    return out
