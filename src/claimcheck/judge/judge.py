"""Verdicts against the knowledge base, computed in one place for the rules and the report.

Each claim is judged once per article: a verdict (supported, refuted, not enough info), the
facts that decided it, and the issues the CC2xx rules report. The rules only pick their own
issues out of the judgement, so a report can never show a refutation without its finding,
or a finding without its verdict.

A disputed fact never refutes: it leaves the question open and raises a warning. A claim
about the present (no `at` of its own) is judged at the publication date; with `--as-of` it
is judged again at that date, and a claim that was true when published but is false then is
stale, which is a different thing from a claim that was wrong to begin with.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter
from typing import TYPE_CHECKING

from claimcheck.core.dates import PartialDate, last_weekday_on_or_before
from claimcheck.core.verdicts import ClaimVerdict, Evidence, Verdict
from claimcheck.core.wording import NAMED_LIMIT, enumeration
from claimcheck.formats.records import (
    CountClaim,
    EventClaim,
    EventFact,
    Fact,
    MembershipClaim,
    OfficeClaim,
    RelationClaim,
)
from claimcheck.kb.store import KnowledgeBase, Tri, holds_on, remember, source_labels

if TYPE_CHECKING:
    from claimcheck.context import ArticleContext
    from claimcheck.formats.records import Claim, Entity
    from claimcheck.loader.document import Pointer

MEMBER_LIST = "CC201"
MEMBER_COUNT = "CC202"
EVENT_ORDINAL = "CC203"
EVENT_DATE = "CC204"
EVENT_WEEKDAY = "CC205"
EVENT_PLACE = "CC206"
OFFICE_HOLDER = "CC207"
RELATION = "CC208"
DISPUTED = "CC209"
STALE = "CC210"

SUPPORTED, REFUTED, NEI = Verdict.SUPPORTED, Verdict.REFUTED, Verdict.NOT_ENOUGH_INFO


@dataclass(frozen=True)
class Issue:
    """What one CC2xx rule reports about a claim, at a field of that claim."""

    rule_id: str
    message: str
    field: Pointer  # relative to the claim: ("members",)


@dataclass(frozen=True)
class Judgement:
    index: int  # the claim's position in the file
    verdict: ClaimVerdict
    issues: tuple[Issue, ...]


@dataclass
class _Outcome:
    """A judgement being built: one verdict per aspect, their facts and their issues."""

    aspects: list[tuple[Verdict, str]] = field(default_factory=list)
    facts: dict[str, Fact] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    disputes: list[str] = field(default_factory=list)  # shown whatever the verdict
    aliases: list[Evidence] = field(default_factory=list)  # names, which are not facts

    def aspect(self, verdict: Verdict, why: str, *facts: Fact) -> None:
        self.aspects.append((verdict, why))
        for f in facts:
            self.facts.setdefault(f.id, f)

    def issue(self, rule_id: str, message: str, *fld: str | int) -> None:
        self.issues.append(Issue(rule_id, message, fld))

    @property
    def verdict(self) -> Verdict:
        found = [v for v, _ in self.aspects]
        if REFUTED in found:
            return REFUTED
        if not found or NEI in found:
            return NEI
        return SUPPORTED

    def explanation(self, verdict: Verdict | None = None) -> str:
        verdict = verdict or self.verdict
        chosen = [why for v, why in self.aspects if v is verdict] or ["nothing to check"]
        return "; ".join(dict.fromkeys([*chosen, *self.disputes]))


# A judgement made once, and the file's own entities it looked up on the way (id, entity).
Judged = tuple[Judgement, tuple[tuple[str, "Entity | None"], ...]]

# What a verdict depends on, by kind: every claim field the judge reads. A claim that
# agrees with another on these (and on the dates and entities below) gets its verdict; a
# field read but missing here would hand a verdict to a claim it does not fit.
JUDGED_FIELDS: dict[str, tuple[str, ...]] = {
    "membership": ("group", "complete", "at", "members"),
    "event": ("event", "date", "weekday", "relative", "place", "series", "ordinal", "participants"),
    "count": ("of", "group", "count", "at"),
    "office": ("office", "holder", "at"),
    "relation": ("subject", "predicate", "object", "name", "at"),
}
_LISTS = frozenset({"members", "participants"})  # taken as a tuple, so the key hashes
_CONTENT = {
    kind: (
        attrgetter(*(n for n in names if n not in _LISTS)),
        next((n for n in names if n in _LISTS), None),
    )
    for kind, names in JUDGED_FIELDS.items()
}


def judge_file(ctx: ArticleContext) -> list[Judgement]:
    """Every claim of the article, judged once and cached on the context."""
    if ctx.judgements is None:
        kb = ctx.kb
        if kb is None:
            ctx.judgements = [_judge(ctx, i, claim) for i, claim in ctx.index.claims]
        else:
            # The dates as text, whose hash is kept: a key is made for every claim.
            as_of = None if ctx.as_of is None else str(ctx.as_of)
            dates = (str(ctx.model.article.published), as_of)
            ctx.judgements = [
                _judge_once(ctx, kb, dates, i, claim) for i, claim in ctx.index.claims
            ]
    return ctx.judgements


def issues_for(ctx: ArticleContext, rule_id: str) -> list[tuple[Judgement, Issue]]:
    """The issues one rule reports, with their judgements, in the order of the claims."""
    if ctx.issues is None:
        by_rule: dict[str, list[tuple[Judgement, Issue]]] = {}
        for j in judge_file(ctx):
            for issue in j.issues:
                by_rule.setdefault(issue.rule_id, []).append((j, issue))
        ctx.issues = by_rule
    return ctx.issues.get(rule_id, [])


def _judge_once(
    ctx: ArticleContext, kb: KnowledgeBase, dates: tuple[str, str | None], i: int, claim: Claim
) -> Judgement:
    """A claim's judgement, reused from an earlier claim that says the same in the same terms.

    An archive repeats claims ("X is a member of Y", published the same day): the verdict
    depends only on the judged fields, the dates, the knowledge base and the file's own
    entities the judge looked up, so those are checked before a verdict is reused.
    """
    scalars, listed = _CONTENT[claim.kind]
    key = (claim.kind, scalars(claim), tuple(getattr(claim, listed)) if listed else (), dates)
    found = kb.judged.get(key)
    if found is not None:
        first, looked = found
        own = ctx.model.entities
        if not looked or all(_alike(own.get(ref), entity) for ref, entity in looked):
            v = first.verdict
            verdict = ClaimVerdict(
                ctx.path, claim.id, v.kind, v.verdict, v.explanation, v.evidence, v.stale
            )
            return Judgement(i, verdict, first.issues)
    ctx.looked_up = {}
    try:
        judgement = _judge(ctx, i, claim)
        remember(kb.judged, key, (judgement, tuple(ctx.looked_up.items())))
    finally:
        ctx.looked_up = None
    return judgement


def _alike(entity: Entity | None, other: Entity | None) -> bool:
    """Whether two files' definitions of an entity judge alike: the fields the judge reads."""
    if entity is other:
        return True
    if entity is None or other is None:
        return False
    return (
        entity.name == other.name
        and entity.aliases == other.aliases
        and entity.wikidata == other.wikidata
    )


def time_relative(claim: Claim) -> bool:
    """Claims about the state of the world without a date of their own."""
    return not isinstance(claim, EventClaim) and claim.at is None


def _judge(ctx: ArticleContext, i: int, claim: Claim) -> Judgement:
    published = ctx.model.article.published
    kb = ctx.kb
    if kb is None:
        return _verdict(ctx, i, claim, _Outcome([(NEI, "no knowledge base was loaded")]))
    if isinstance(claim, EventClaim):
        return _verdict(ctx, i, claim, _event(ctx, kb, claim))
    on = claim.at or published
    then = _at(ctx, kb, claim, on)
    if ctx.as_of is None or not time_relative(claim) or then.verdict is not SUPPORTED:
        return _verdict(ctx, i, claim, then)
    now = _at(ctx, kb, claim, ctx.as_of)
    if now.verdict is not REFUTED:
        return _verdict(ctx, i, claim, now)
    stale = _Outcome(facts={**then.facts, **now.facts})
    why = now.explanation()
    stale.aspect(
        REFUTED,
        f"true on {_human(on)}, when published, but not on {_human(ctx.as_of)}: {why}",
    )
    first = now.issues[0].field if now.issues else ()
    stale.issue(STALE, f"stale: true when published ({_human(on)}), but {why}", *first)
    return _verdict(ctx, i, claim, stale, stale=True)


def _verdict(
    ctx: ArticleContext, i: int, claim: Claim, out: _Outcome, *, stale: bool = False
) -> Judgement:
    kb = ctx.kb
    facts = [kb.evidence(f) for f in out.facts.values()] if kb is not None else []
    evidence = tuple(facts + out.aliases)
    decided = out.verdict
    verdict = ClaimVerdict(
        path=ctx.path,
        claim_id=claim.id,
        kind=claim.kind,
        verdict=decided,
        explanation=out.explanation(decided),
        evidence=evidence,
        stale=stale,
    )
    return Judgement(i, verdict, tuple(out.issues))


def _at(ctx: ArticleContext, kb: KnowledgeBase, claim: Claim, on: PartialDate) -> _Outcome:
    if isinstance(claim, MembershipClaim):
        return _membership(ctx, kb, claim, on)
    if isinstance(claim, CountClaim):
        return _count(ctx, kb, claim, on)
    if isinstance(claim, OfficeClaim):
        return _office(ctx, kb, claim, on)
    assert isinstance(claim, RelationClaim)
    return _relation(ctx, kb, claim, on)


def resolve(ctx: ArticleContext, kb: KnowledgeBase, ref: str) -> str | None:
    """A claim's entity reference as a KB id: by id, by Wikidata id, by a unique name or alias."""
    found = kb.resolve(ref)
    if found is not None:
        return found
    local = ctx.own_entity(ref)
    if local is None:
        return None
    if local.wikidata and local.wikidata in kb.wikidata:
        return kb.wikidata[local.wikidata]
    for name in (local.name, *local.aliases):
        found = kb.resolve(name)
        if found is not None:
            return found
    return None


def _resolve_all(
    ctx: ArticleContext, kb: KnowledgeBase, out: _Outcome, *refs: str
) -> list[str] | None:
    """Every reference resolved, or None after noting the first the KB does not know."""
    found = []
    for ref in refs:
        entity = resolve(ctx, kb, ref)
        if entity is None:
            out.aspect(NEI, f"{ctx.name(ref)} is not in the knowledge base")
            return None
        found.append(entity)
    return found


def _names_kb(kb: KnowledgeBase, ids: list[str]) -> str:
    return ", ".join(kb.name(x) for x in ids)


def _names(ctx: ArticleContext, ids: list[str]) -> str:
    names = [ctx.name(x) for x in ids]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def _first_names(ctx: ArticleContext, ids: list[str]) -> str:
    """The first few names and how many more: as CC101 names the members a list omits."""
    return enumeration([ctx.name(x) for x in ids[:NAMED_LIMIT]], len(ids))


@lru_cache(maxsize=4096)
def _human(date: PartialDate) -> str:
    """A date as an editor writes it, for messages: an archive's claims share a few dates."""
    return date.human()


# -- memberships and counts --------------------------------------------------------------------


def _membership(
    ctx: ArticleContext, kb: KnowledgeBase, claim: MembershipClaim, on: PartialDate
) -> _Outcome:
    out = _Outcome()
    group = resolve(ctx, kb, claim.group)
    if group is None or group not in kb.memberships:
        out.aspect(NEI, f"the knowledge base records no members of {ctx.name(claim.group)}")
        return out
    when = _human(on)
    sure: dict[str, Fact] = {}
    open_: dict[str, Fact] = {}
    for fact, truth in kb.members_on(group, on):
        if truth is Tri.YES and fact.status == "accepted":
            sure.setdefault(fact.member, fact)
        else:
            open_.setdefault(fact.member, fact)
    listed: list[str] = []
    extra: list[str] = []
    for ref in claim.members:
        member = resolve(ctx, kb, ref)
        if member is None:
            out.aspect(NEI, f"{ctx.name(ref)} is not in the knowledge base")
            continue
        listed.append(member)
        if member in sure:
            out.aspect(SUPPORTED, f"{kb.name(member)} is a member on {when}", sure[member])
        elif member in open_:
            _open(out, kb, open_[member], f"{kb.name(member)}'s membership on {when}", "members")
        else:
            extra.append(member)
            out.aspect(REFUTED, f"{kb.name(member)} is not a member on {when}")
            out.facts.update((f.id, f) for f in kb.groups_of.get(member, ()) if f.group == group)
    if extra:
        out.issue(
            MEMBER_LIST,
            f"names {_first_names(ctx, extra)} as {_plural(extra, 'a member')} of "
            f"{kb.name(group)}, which the knowledge base does not record on {when}",
            "members",
        )
    if claim.complete:
        missing = [m for m in sure if m not in listed]
        for m in missing:
            out.facts.setdefault(sure[m].id, sure[m])
        if missing:
            out.aspect(REFUTED, f"the list leaves out {_first_names(ctx, missing)}")
            out.issue(
                MEMBER_LIST,
                f"the list of {kb.name(group)} presented as complete leaves out "
                f"{_first_names(ctx, missing)}, {_plural(missing, 'a member')} on {when}",
                "members",
            )
        for m, pending in open_.items():
            if m not in listed:
                _open(out, kb, pending, f"{kb.name(m)}'s membership on {when}", "members")
    return out


def _plural(items: list[str], one: str) -> str:
    return one if len(items) == 1 else one.removeprefix("a ").removeprefix("an ") + "s"


def _open(out: _Outcome, kb: KnowledgeBase, fact: Fact, what: str, *fld: str | int) -> None:
    """A fact that may hold: disputed (a warning) or dated too loosely to tell."""
    if fact.status == "disputed":
        out.aspect(NEI, f"{what} is disputed: {fact.note}", fact)
        out.disputes.append(f"{what} is disputed")
        out.issue(DISPUTED, f"{what} is disputed (fact '{fact.id}'): {fact.note}", *fld)
    else:
        out.aspect(NEI, f"{what} depends on dates the knowledge base gives too loosely", fact)


def _count(ctx: ArticleContext, kb: KnowledgeBase, claim: CountClaim, on: PartialDate) -> _Outcome:
    out = _Outcome()
    key = resolve(ctx, kb, claim.group)
    when = _human(on)
    if key is None:
        out.aspect(NEI, f"{ctx.name(claim.group)} is not in the knowledge base")
        return out
    sure: list[Fact] = []
    open_: list[Fact] = []
    if claim.of == "members":
        if key not in kb.memberships:
            out.aspect(NEI, f"the knowledge base records no members of {kb.name(key)}")
            return out
        for fact, truth in kb.members_on(key, on):
            yes = truth is Tri.YES and fact.status == "accepted"
            (sure if yes else open_).append(fact)
    else:
        if key not in kb.series:
            out.aspect(NEI, f"the knowledge base records no events of {kb.name(key)}")
            return out
        for event, truth in kb.events_until(key, on):
            yes = truth is Tri.YES and event.status == "accepted"
            (sure if yes else open_).append(event)
    low, high = len(sure), len(sure) + len(open_)
    what = f"{claim.count} {claim.of} of {kb.name(key)} on {when}"
    if low <= claim.count <= high and open_:
        for pending in open_:
            _open(out, kb, pending, f"the count {what}", "count")
    elif claim.count == low:
        out.aspect(SUPPORTED, f"{kb.name(key)} has {low} {claim.of} on {when}", *sure)
    else:
        counted = f"{low}" if low == high else f"{low} to {high}"
        out.aspect(REFUTED, f"the knowledge base records {counted}, not {claim.count}", *sure)
        out.issue(
            MEMBER_COUNT,
            f"says {claim.count} {claim.of} of {kb.name(key)}; the knowledge base records "
            f"{counted} on {when}",
            "count",
        )
    return out


# -- offices ---------------------------------------------------------------------------------


def _office(
    ctx: ArticleContext, kb: KnowledgeBase, claim: OfficeClaim, on: PartialDate
) -> _Outcome:
    out = _Outcome()
    found = _resolve_all(ctx, kb, out, claim.office, claim.holder)
    if found is None:
        return out
    office, holder = found
    when = _human(on)
    if office not in kb.tenures:
        out.aspect(NEI, f"the knowledge base records no holders of {kb.name(office)}")
        return out
    tenures = kb.holders_on(office, on)
    mine = [(f, t) for f, t in tenures if f.holder == holder]
    others = [f for f, t in tenures if f.holder != holder and t is Tri.YES]
    others = [f for f in others if f.status == "accepted"]
    sure = [f for f, t in mine if t is Tri.YES and f.status == "accepted"]
    if sure:
        out.aspect(SUPPORTED, f"{kb.name(holder)} is {kb.name(office)} on {when}", sure[0])
    elif mine:
        _open(out, kb, mine[0][0], f"{kb.name(holder)}'s tenure on {when}", "holder")
    elif others:
        own = kb.offices_of.get(holder, [])
        named = _names(ctx, [f.holder for f in others])
        out.aspect(REFUTED, f"{named} is {kb.name(office)} on {when}", *others)
        out.facts.update((f.id, f) for f in own if f.office == office)
        out.issue(
            OFFICE_HOLDER,
            f"{kb.name(office)} on {when} is {named}, not {kb.name(holder)}",
            "holder",
        )
    else:
        out.aspect(NEI, f"the knowledge base records no holder of {kb.name(office)} on {when}")
    return out


# -- relations --------------------------------------------------------------------------------


def _relation(
    ctx: ArticleContext, kb: KnowledgeBase, claim: RelationClaim, on: PartialDate
) -> _Outcome:
    out = _Outcome()
    found = _resolve_all(ctx, kb, out, claim.subject, claim.object)
    if found is None:
        return out
    subject, obj = found
    if claim.predicate == "calls":
        return _calls(kb, claim, subject, obj, out)
    said = f"{kb.name(subject)} {claim.predicate.replace('_', ' ')} {kb.name(obj)}"
    facts = kb.relation_facts(subject, claim.predicate, obj)
    when = _human(on)
    held = [(f, holds_on(f.start, f.end, on)) for f in facts]
    yes = [f for f, t in held if t is Tri.YES and f.status == "accepted"]
    maybe = [f for f, t in held if t is not Tri.NO and f not in yes]
    if yes:
        out.aspect(SUPPORTED, f"{said} on {when}", yes[0])
    elif maybe:
        _open(out, kb, maybe[0], f"that {said} on {when}", "predicate")
    elif facts:
        out.aspect(REFUTED, f"the knowledge base records that {said} only at other times", *facts)
        out.issue(RELATION, f"{said} is not true on {when}: {kb.statement(facts[0])}", "predicate")
    elif claim.predicate == "administers":
        rivals = [
            f
            for f in kb.by_predicate_object.get(("administers", obj), ())
            if holds_on(f.start, f.end, on) is Tri.YES and f.status == "accepted"
        ]
        if rivals:
            named = _names(ctx, [f.subject for f in rivals])
            out.aspect(REFUTED, f"{named} administers {kb.name(obj)} on {when}", *rivals)
            out.issue(RELATION, f"{kb.name(obj)} is administered by {named} on {when}", "subject")
        else:
            out.aspect(NEI, f"the knowledge base does not record that {said}")
    else:
        out.aspect(NEI, f"the knowledge base does not record that {said}")
    return out


def _calls(
    kb: KnowledgeBase, claim: RelationClaim, subject: str, obj: str, out: _Outcome
) -> _Outcome:
    """A name someone uses: from `calls` facts, else from the object's aliases and users."""
    name = claim.name or ""
    said = f"{kb.name(subject)} calls {kb.name(obj)} {name!r}"
    facts = kb.relation_facts(subject, "calls", obj)
    for fact in facts:
        if fact.name is not None and fact.name.casefold() == name.casefold():
            out.aspect(SUPPORTED, said, fact)
            return out
    record = kb.records[obj]
    theirs = [a for a in record.aliases if subject in a.used_by]
    for alias in theirs:
        if alias.name.casefold() == name.casefold():
            out.aspect(SUPPORTED, f"{said}: a name of {record.name} that it uses")
            out.aliases.append(
                Evidence(
                    f"{obj}:alias:{alias.name}",
                    f"{record.name} is called {alias.name!r} by " + _names_kb(kb, alias.used_by),
                    source_labels(alias.sources),
                )
            )
            return out
    used = [f.name for f in facts if f.name] + [a.name for a in theirs]
    if used:
        out.aspect(REFUTED, f"{kb.name(subject)} calls {kb.name(obj)} {' or '.join(used)}")
        out.issue(
            RELATION,
            f"{kb.name(subject)} calls {kb.name(obj)} {' or '.join(map(repr, used))}, not {name!r}",
            "name",
        )
    else:
        out.aspect(NEI, f"the knowledge base does not record what {kb.name(subject)} calls it")
    return out


# -- events ---------------------------------------------------------------------------------


def _event(ctx: ArticleContext, kb: KnowledgeBase, claim: EventClaim) -> _Outcome:
    out = _Outcome()
    key = resolve(ctx, kb, claim.event)
    fact = kb.events.get(key) if key is not None else None
    if fact is None:
        out.aspect(NEI, f"the knowledge base does not record {ctx.name(claim.event)}")
        return out
    date = claim.date
    if date is None and claim.relative and claim.weekday is not None:
        day = last_weekday_on_or_before(ctx.model.article.published.start, claim.weekday)
        date = PartialDate.of(day)
    if date is not None:
        _event_date(out, fact, date)
    if claim.weekday is not None:
        recorded = fact.date.weekday()
        if recorded is None:
            out.aspect(NEI, f"the knowledge base dates it only to {_human(fact.date)}", fact)
        elif recorded == claim.weekday:
            out.aspect(SUPPORTED, f"{_human(fact.date)} was a {recorded}", fact)
        else:
            out.aspect(REFUTED, f"{_human(fact.date)} was a {recorded}", fact)
            out.issue(
                EVENT_WEEKDAY,
                f"says {claim.weekday}; the knowledge base dates it {_human(fact.date)}, "
                f"a {recorded}",
                "weekday",
            )
    if claim.place is not None:
        _event_place(ctx, kb, out, fact, claim.place)
    if claim.participants:
        _event_participants(ctx, kb, out, fact, claim.participants)
    if claim.ordinal is not None:
        _event_ordinal(ctx, kb, out, fact, claim)
    return out


def _event_date(out: _Outcome, fact: EventFact, date: PartialDate) -> None:
    if date.contains(fact.date):
        out.aspect(SUPPORTED, f"it took place on {_human(fact.date)}", fact)
    elif not date.overlaps(fact.date):
        out.aspect(REFUTED, f"it took place on {_human(fact.date)}", fact)
        out.issue(
            EVENT_DATE,
            f"dates it {_human(date)}; the knowledge base records {_human(fact.date)}",
            "date",
        )
    else:
        out.aspect(NEI, f"the knowledge base dates it only to {_human(fact.date)}", fact)


def _event_place(
    ctx: ArticleContext, kb: KnowledgeBase, out: _Outcome, fact: EventFact, ref: str
) -> None:
    place = resolve(ctx, kb, ref)
    if fact.place is None or place is None:
        out.aspect(NEI, f"the knowledge base does not place it in {ctx.name(ref)}")
        return
    if fact.place == place:
        out.aspect(SUPPORTED, f"it took place in {kb.name(place)}", fact)
        return
    chain = kb.containers(fact.place)
    for container, link in chain:
        if container == place:
            out.aspect(SUPPORTED, f"it took place in {kb.name(fact.place)}", fact, link)
            return
    if any(c == fact.place for c, _ in kb.containers(place)):
        out.aspect(NEI, f"the knowledge base places it only in {kb.name(fact.place)}", fact)
        return
    out.aspect(REFUTED, f"it took place in {kb.name(fact.place)}", fact)
    out.issue(
        EVENT_PLACE,
        f"places it in {kb.name(place)}; the knowledge base records {kb.name(fact.place)}",
        "place",
    )


def _event_participants(
    ctx: ArticleContext, kb: KnowledgeBase, out: _Outcome, fact: EventFact, refs: list[str]
) -> None:
    recorded = set(fact.participants)
    absent = []
    for ref in refs:
        who = resolve(ctx, kb, ref)
        if who is None or who not in recorded:
            absent.append(ref)
    if absent:
        out.aspect(NEI, f"the knowledge base does not list {_names(ctx, absent)} as taking part")
    else:
        out.aspect(SUPPORTED, f"{_names(ctx, list(refs))} took part", fact)


def _event_ordinal(
    ctx: ArticleContext, kb: KnowledgeBase, out: _Outcome, fact: EventFact, claim: EventClaim
) -> None:
    series = resolve(ctx, kb, claim.series) if claim.series else fact.series
    if series is None or fact.series != series:
        out.aspect(NEI, "the knowledge base does not place it in that series", fact)
        return
    ordinal = fact.ordinal
    if ordinal is None:
        earlier = kb.events_until(series, fact.date)
        if all(t is Tri.YES for _, t in earlier):
            ordinal = len(earlier)
    if ordinal is None:
        out.aspect(NEI, "the knowledge base cannot order the series", fact)
    elif ordinal == claim.ordinal:
        out.aspect(SUPPORTED, f"it is number {ordinal} of {kb.name(series)}", fact)
    else:
        out.aspect(REFUTED, f"it is number {ordinal} of {kb.name(series)}", fact)
        out.issue(
            EVENT_ORDINAL,
            f"calls it number {claim.ordinal} of {kb.name(series)}; the knowledge base "
            f"records number {ordinal}",
            "ordinal",
        )
