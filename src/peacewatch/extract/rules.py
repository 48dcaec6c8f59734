"""The rule-based extractor: a report in, the events it tells out, every field with its evidence.

Reading order, as a coder reads:
1. Sentences with an event trigger (or a toll) become *mentions*, each with the dates, places,
   actors, casualty figures and status cues of its sentence.
2. Background is set aside: a sentence dated only by a past year ("Since Operation Serval in
   2013") or a definite reference to an old event ("the June 2015 peace agreement") is not news.
3. Mentions are grouped into events: a definite reference ("the 18 January attack", "the Gao
   attack") or an undated follow-up adds evidence to the event it refers to; a new date, place or
   kind of event starts a new one.
4. Each event is typed by ACLED's rules over all its cues, its actors get roles, its status,
   place, toll and notes are filled, and every filled field points at the span supporting it.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from peacewatch.codebook import BATTLES, PROTESTS, REMOTE, RIOTS, STRATEGIC, VAC, Inter
from peacewatch.extract.base import extractors, number_candidates
from peacewatch.extract.typing import SPECIFIC_CUES, VIOLENT_CUES, decide_type, explicit_type
from peacewatch.geo.finder import primary_mention
from peacewatch.geo.gazetteer import country_iso3
from peacewatch.nlp.roles import ActorSpan, Roles, armed_people, assign_roles, is_community, kind_of_victims, target_kind
from peacewatch.nlp.status import combine, find_status_cues, refers_to_group, speaker
from peacewatch.nlp.triggers import Trigger, find_triggers
from peacewatch.records import CasualtyReport, Document, EventCandidate, Evidence

SUPPORTED_LANGUAGES = ("en", "fr")
GENERIC_CUES = frozenset({"attack", "kill", "harm"})
_CASUALTY_CUES = {"killed": "kill", "injured": "harm", "abducted": "abduct", "arrested": "arrest"}
_SINCE = re.compile(r"\b(?:since|depuis|until|jusqu['’]?(?:à|au|en)?|as of|dès)\s+(?:[\w'’-]+\s+){0,4}$", re.I)
_REPORTED_ON = re.compile(
    r"\b(?:claim(?:ed|s)?|revendiqu\w*|said|says|announced|annonc\w*|reported|confirm\w*|statement|communiqué|"
    r"denied|démenti\w*|released|freed|libér\w*)\b[^.;:]{0,40}$|\bby\s+$",
    re.I,
)
"""Words before a date that make it the date of a statement or a count, not of the event ("claimed the
attack on 24 September", "by Monday the authorities said nine had died")."""
_CROWD = re.compile(
    r"\b(?:youths?|residents?|locals?|villagers?|population|inhabitants?|crowd|mob|students?|"
    r"jeunes|habitants?|villageois|foule|élèves|étudiants?)\b",
    re.I,
)
_CROWD_INTERS = frozenset({5, 6, Inter.CIVILIANS})
"""A crowd read as civilians, protesters or rioters: when it fights or burns, the event is a riot."""
_DEFENDERS = re.compile(r"\b(?:residents?|locals?|villagers?|population|inhabitants?|habitants?|villageois)\b", re.I)
"""Villagers who fight an armed group defend their village (a battle, the codebook's communal militia), not a riot."""
_ONE_KILLED = re.compile(
    r"^(?:shot dead|killed|assassinated|murdered|executed|beheaded|slaughtered|shot and killed|tué|assassiné|abattu|exécuté|égorgé)"
    r"\s+(?:an?|the|his|her|one|un|une|le|la|l['’])\b(?!\s+(?:number|group|dozen|few|several|nombre|groupe|dizaine))"
    r"|^(?:killed|assassinated|murdered|tué|assassiné)\b",
    re.I,
)
"""A killing told with a single victim and no figure ("assassinated the head of a bus company")."""
_ATTEMPT = re.compile(r"\b(?:attempt\w*|tried|tent\w+)\s+(?:to\s+|de\s+|d['’])?$", re.I)
_ATTRIBUTED = re.compile(
    r"\b(?:planted|laid|placed|carried out|perpetrated|committed|orchestrated|(?:attributed|blamed|imputed) (?:to|on)|"
    r"pos(?:é|ée|és|ées)|commis(?:e|es)?|perpétr(?:é|ée|és|ées)|(?:attribu|imput)(?:é|ée|és|ées) (?:à|aux?))"
    r"(?:\s+(?:by|par)\s+(?:[\w'’-]+\s+){0,4}|\s+)$",
    re.I,
)
"""A sentence naming who did it after the event is told ("The device was most likely planted by JNIM")."""
_CODED_AS = re.compile(r"\bcoded (?:as|at)\b[^)]*$", re.I)
_VENUE = re.compile(
    r"\b(?:(?:alors|tandis|pendant) qu(?:e\b|['’])|while|as)\s*(?:[\w'’-]+\s+){0,3}?"
    r"(?:se (?:tien|tenai|tiendr)\w*|(?:is|was|are|were) (?:being )?held)\s+(?:à|au|en|in|at)?\s*$",
    re.I,
)
"""A place named by a clause of circumstance ("as talks were being held in Bamako"): a venue, not the event's place."""
_POSSESSIVE = re.compile(r"['’]s\b")
"""A date owning the event's noun ("Monday's bombing"): the event's own date, even after "claimed"; a vague one
("last week's bombing") refers back to an event told before."""


def _possessive(text: str, d: Any) -> bool:
    return bool(_POSSESSIVE.match(text, d.end))


@dataclass(slots=True)
class Mention:
    """One sentence's telling of an event."""

    start: int
    end: int
    index: int
    triggers: list[Trigger]
    cues: set[str]
    date: Any | None = None
    place: Any | None = None
    actors: list[ActorSpan] = field(default_factory=list)
    casualties: list[Any] = field(default_factory=list)
    definite: bool = False
    background: bool = False
    planned: bool = False
    roles: Roles | None = None
    """The sides in this sentence, worked out once: grouping types the mention by them, building reads them again."""

    @property
    def generic(self) -> bool:
        return not (self.cues & SPECIFIC_CUES)


@dataclass(slots=True)
class _Group:
    mentions: list[Mention] = field(default_factory=list)
    extra_spans: list[tuple[int, int]] = field(default_factory=list)
    """Sentences without a trigger that still speak of the event (a denial, a toll)."""

    @property
    def date(self) -> Any | None:
        dated = [m.date for m in self.mentions if m.date is not None]
        return dated[0] if dated else None

    @property
    def place(self) -> Any | None:
        placed = [m for m in self.mentions if m.place is not None]
        if not placed:
            return None
        return min(placed, key=lambda m: (m.definite, m.place.precision)).place

    @property
    def cues(self) -> set[str]:
        out: set[str] = set()
        for m in self.mentions:
            out |= m.cues
        return out


def _sentences(doc: Any, text: str) -> list[tuple[int, int]]:
    """spaCy's sentences of ``text``, also cut at line breaks (titles, bylines and datelines are lines)."""
    out = []
    for sent in doc.sents:
        start = sent.start_char
        for line in re.finditer(r"[^\n]+", text[sent.start_char : sent.end_char]):
            if line.group(0).strip():
                out.append((start + line.start(), start + line.end()))
    return out


def _cue_family(cue: str) -> str:
    if cue in VIOLENT_CUES:
        return "violence"
    if cue in ("protest", "riot", "mob"):
        return "crowd"
    return cue


def _family(typed: tuple[str, str] | None) -> str | None:
    """Kinds of event that one report may describe in different words."""
    if typed is None:
        return None
    if typed[0] in (BATTLES, REMOTE, VAC):
        return "violence"
    if typed[0] in (PROTESTS, RIOTS):
        return "crowd"
    return typed[1]


def _mid(a: date, b: date) -> date:
    return a + timedelta(days=(b - a).days // 2)


def _date_value(mention: Any) -> date:
    end_value = getattr(mention, "end_value", None)
    if end_value and end_value != mention.value and mention.precision >= 2:
        return _mid(mention.value, end_value)
    return mention.value


def _is_past_year_only(mention: Any, published: date) -> bool:
    """A bare past year, or a month long gone ("in March 2016" in a 2017 report): context, not news."""
    if mention.kind == "year":
        return mention.value.year < published.year
    return mention.precision >= 3 and (published - mention.value).days > 180


def _before_month(value: date, published: date) -> bool:
    """A month before the report's own ("the bombing in January" in a March report): an old event recalled."""
    return (value.year, value.month) < (published.year, published.month)


_DATE_OF = re.compile(r"\s+(?:du|de|d['’]|of)\s*")
_DATE_BEFORE_NOUN = re.compile(r"(?:\s|['’]s\s)")
"""What joins a date to the event noun it dates: "l'embuscade du 14 octobre", "the attack of
18 January"; "the 18 January attack", "Saturday's ambush"."""


def _pick_date(
    text: str, dates: list[Any], triggers: list[Trigger], published: date, sentence_start: int, announced: bool = False
) -> tuple[Any | None, bool, bool]:
    """The sentence's event date, whether the sentence is only background, whether it is planned.

    Passed over: "since 2013"-style anchors and bare past years (background), dates of a claim or
    statement ("claimed the attack on 24 September"), and anaphors resolved after publication.
    The most precise remaining date wins, the closest one before the trigger among equals.
    """
    usable, future = [], []
    background = False
    for d in dates:
        before = text[max(sentence_start, d.start - 50) : d.start]
        undated_year = not re.search(r"\b\d{4}\b", d.text)
        if _SINCE.search(before) or (_is_past_year_only(d, published) and not (announced and undated_year)):
            background = True
            continue
        if d.kind == "year" or (_REPORTED_ON.search(before) and not _possessive(text, d)):
            continue
        if d.future or d.value > published:
            if d.kind not in ("anaphoric", "relative"):
                future.append(d)
            continue
        usable.append(d)
    if not usable:
        if future:
            return future[0], False, True
        return None, background, False
    attached = [
        d for d in usable for t in triggers
        if d.kind not in ("anaphoric", "relative") and (_DATE_OF.fullmatch(text, t.end, d.start) or _DATE_BEFORE_NOUN.fullmatch(text, d.end, t.start))
    ]
    if attached:  # "honours were paid on Wednesday to those killed in the ambush of Saturday 14 October"
        return attached[0], False, False
    best = min(d.precision for d in usable)
    usable = [d for d in usable if d.precision == best]
    first = triggers[0].start if triggers else sentence_start
    before = [d for d in usable if d.start <= first]
    return (before[-1] if before else usable[0]), False, False


def _lead_date(text: str, dates: list[Any], sentence: tuple[int, int, int], published: date) -> Any | None:
    """The day a paragraph's opening sentence without an event gives to the event told right after it
    ("Bamako saw yesterday one of its largest rallies. Tens of thousands marched ..."): a past day only."""
    _, start, end = sentence
    k = start
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    if k > 0 and text[k - 1] != "\n":
        return None  # only a paragraph's opening sentence sets the scene; a later one may date a statement
    chosen, background, planned = _pick_date(text, [d for d in dates if start <= d.start < end], [], published, start)
    return chosen if chosen is not None and not background and not planned and chosen.precision == 1 else None


def _by_sentence(items: list[Any], sentences: list[tuple[int, int]]) -> list[list[Any]]:
    """``items`` (anything with a ``start``) sorted into the sentences they start in, in their
    order: one pass instead of a filter of every list for every sentence."""
    starts = [a for a, _ in sentences]
    buckets: list[list[Any]] = [[] for _ in sentences]
    for item in items:
        k = bisect_right(starts, item.start) - 1
        if k >= 0 and item.start < sentences[k][1]:
            buckets[k].append(item)
    return buckets


def _pick_place(text: str, places: list[Any], actors: list[ActorSpan], triggers: list[Trigger]) -> Any | None:
    inside_actor = [p for p in places if not any(a.start <= p.start and p.end <= a.end for a in actors)]
    inside_actor = [p for p in inside_actor if not _VENUE.search(text[max(0, p.start - 60) : p.start])]
    if not inside_actor:
        return None
    for p in inside_actor:
        if _CODED_AS.search(text[max(0, p.start - 45) : p.start]):
            return p
    first = triggers[0].start if triggers else 0
    towns = [p for p in inside_actor if p.precision < 3 and (p.place.admin1 or p.place.source == "text")]
    pool = towns or inside_actor
    after = [p for p in pool if p.start >= first]
    return primary_mention(after or pool, text)


def _actor_spans(mentions: list[Any], country: str) -> list[ActorSpan]:
    spans = []
    for m in mentions:
        actor = m.actor
        inter = actor.inter_in(country) if hasattr(actor, "inter_in") else actor.inter
        spans.append(ActorSpan(m.start, m.end, m.text, actor.name, inter, bool(m.generic)))
    return spans


def _compatible(group: _Group, m: Mention, event_type: dict[int, tuple[str, str] | None], anaphor: bool = False) -> bool:
    """Can mention ``m`` be a further telling of ``group``'s event?

    ``anaphor``: ``m`` is an undated back-reference ("These clashes ... in Gao") right after the group, which
    no group matches by place: the place it names is then a detail of the event, not a new event.
    """
    gdate, mdate = group.date, m.date
    if gdate is not None and mdate is not None and _date_value(gdate) != _date_value(mdate):
        return False
    gplace, mplace = group.place, m.place
    anaphor = anaphor and m.definite and m.date is None and group.mentions[-1].index >= m.index - 3
    if gplace is not None and mplace is not None and not anaphor:
        if not _same_area(gplace, mplace):
            return False
    if m.generic and m.date is None and m.place is None and group.mentions[-1].index == m.index - 1:
        return True
    mine = event_type.get(id(m))
    families = {_family(event_type.get(id(x))) for x in group.mentions}
    if mine is not None and _family(mine) not in families:
        return False
    if m.definite or m.generic or all(x.generic for x in group.mentions):
        return True
    theirs = [event_type.get(id(x)) for x in group.mentions if not x.generic]
    return mine is None or any(t is None or t[0] == mine[0] for t in theirs)


def _nearby_place(text: str, places: list[Any], start: int, actors: list[ActorSpan],
                  sentences: list[tuple[int, int]]) -> Any | None:
    """For an event told without a place: the place of the closest sentence before it that names a
    town ("... an operation near X, 70 km north-east of Y. One militant was killed": X, not Y),
    else the closest town after it."""
    towns = [
        p for p in places
        if p.precision < 3 and p.place.admin1 and not any(a.start <= p.start and p.end <= a.end for a in actors)
    ]
    before = [p for p in towns if p.end <= start]
    if before:
        a, b = next(((a, b) for a, b in sentences if a <= before[-1].start < b), (before[-1].start, start))
        return primary_mention([p for p in before if a <= p.start < b], text)
    return min(towns, key=lambda p: p.start - start, default=None)


def _same_area(a: Any, b: Any) -> bool:
    """Same town, or one place is the country or region the other lies in."""
    pa, pb = a.place, b.place
    if pa.name == pb.name:
        return True
    for wide, narrow in ((pa, pb), (pb, pa)):
        if not wide.admin1 and (wide.country == narrow.country or wide.source == "text"):
            return True
    return max(a.precision, b.precision) >= 3 and pa.admin1 == pb.admin1


def _notes(ev: EventCandidate) -> str:
    """A one-sentence summary in our words."""
    what = ev.sub_event_type.lower() if ev.sub_event_type else ev.event_type.lower()
    who = ev.actor1 or "An unidentified actor"
    whom = f" involving {ev.actor2}" if ev.actor2 else ""
    where = f" in {ev.location}" + (f" ({ev.admin1}, {ev.country})" if ev.admin1 else "") if ev.location else ""
    when = f" on {ev.event_date.isoformat()}" if ev.event_date else ""
    parts = [f"{who}: {what}{whom}{where}{when}."]
    if ev.fatalities:
        parts.append(f"Reported fatalities: {ev.fatalities}.")
    if ev.injuries:
        parts.append(f"Reported injuries: {ev.injuries}.")
    if ev.status != "reported":
        by = ev.claimed_by or ev.denied_by
        parts.append(f"Status: {ev.status}" + (f" ({by})." if by else "."))
    return " ".join(parts)


class RulesExtractor:
    """Sentence-level event mentions grouped into the events of one document."""

    name = "rules"

    def __call__(self, document: Document) -> list[EventCandidate]:
        return self.extract_many([document])[0]

    def extract_many(self, documents: list[Document], batch_size: int = 64) -> list[list[EventCandidate]]:
        """Extract from many documents, batching the spaCy work per language."""
        from peacewatch.nlp.pipeline import parse

        results: list[list[EventCandidate]] = [[] for _ in documents]
        by_language: dict[str, list[int]] = {}
        for index, document in enumerate(documents):
            language = self._language(document)
            if language in SUPPORTED_LANGUAGES:
                by_language.setdefault(language, []).append(index)
        for language, indexes in by_language.items():
            pairs = ((documents[i].text, documents[i].published) for i in indexes)
            for index, doc in zip(indexes, parse(pairs, language, batch_size=batch_size)):
                results[index] = number_candidates(documents[index], self._extract(documents[index], doc, language))
        return results

    @staticmethod
    def _language(document: Document) -> str:
        if document.language:
            return document.language[:2].lower()
        from peacewatch.documents.language import detect_language

        return detect_language(document.text)[0]

    def _extract(self, document: Document, doc: Any, language: str) -> list[EventCandidate]:
        from peacewatch.nlp.casualties import find_casualties
        from peacewatch.nlp.dates import find_dates

        text = document.text
        published = document.published or date.today()
        places = list(doc._.places or [])
        country = next((p.place.country for p in places if p.place.country), "Mali")
        actor_mentions = [
            a for a in doc._.actors or []
            if not any(p.start <= a.start and a.end <= p.end and (p.end - p.start) > (a.end - a.start) for p in places)
        ]
        dates = [d for d in find_dates(text, language, published)]
        casualties = find_casualties(text, language)
        triggers = find_triggers(text, language)
        actors = [
            a for a in _actor_spans(actor_mentions, country)
            if not any(t.start <= a.start and a.end <= t.end for t in triggers)
        ]
        cues = find_status_cues(text, language)
        sentences = _sentences(doc, text)

        mentions: list[Mention] = []
        orphans: list[tuple[int, int, int]] = []
        in_sentence = {name: _by_sentence(items, sentences) for name, items in (
            ("triggers", triggers), ("casualties", casualties), ("dates", dates), ("actors", actors),
            ("places", places), ("cues", cues))}
        for s_index, (s_start, s_end) in enumerate(sentences):
            s_triggers = in_sentence["triggers"][s_index]
            real = [t for t in s_triggers if not t.hypothetical and t.cue != "intervention"]
            s_cas = in_sentence["casualties"][s_index]
            harm = [c for c in s_cas if c.kind in _CASUALTY_CUES and c.value > 0 and not c.explicit_zero]
            s_dates = in_sentence["dates"][s_index]
            s_actors = in_sentence["actors"][s_index]
            s_places = in_sentence["places"][s_index]
            labelled = explicit_type(text[s_start:s_end]) is not None
            if not real and not harm and not labelled:
                orphans.append((s_index, s_start, s_end))
                continue
            plain = [t for t in real if not t.definite]
            if plain:
                families = {_cue_family(t.cue) for t in plain}
                real = [t for t in real if not t.definite or _cue_family(t.cue) in families]
            m_cues = {t.cue for t in real}
            if not real or m_cues & VIOLENT_CUES:
                m_cues |= {_CASUALTY_CUES[c.kind] for c in harm}
            if not m_cues:
                m_cues = {"other"}
            m_cues |= {t.cue for t in s_triggers if t.cue == "intervention"}
            announced = any(c.status == "planned" for c in in_sentence["cues"][s_index])
            chosen, background, planned = _pick_date(text, s_dates, real, published, s_start, announced)
            planned = planned or announced
            if not planned:
                real = [t for t in real if t.cue != "meeting"]
                if not real and not harm and not labelled:
                    orphans.append((s_index, s_start, s_end))
                    continue
            definite = bool(real) and all(t.definite for t in real if t.cue in VIOLENT_CUES | {"agreement", "protest"}) and any(
                t.definite for t in real
            )
            if chosen is not None and _possessive(text, chosen) and chosen.precision >= 2 and chosen.value < published:
                definite = definite or any(0 <= t.start - chosen.end <= 30 for t in real)
            if chosen is not None and chosen.precision >= 3 and _before_month(chosen.value, published):
                definite = definite or any(t.definite for t in real)
            previous = mentions[-1] if mentions else None
            if chosen is None and not background and not definite and not planned:
                if previous is not None and previous.index == s_index - 1 and previous.date is not None:
                    chosen = previous.date
                elif orphans and orphans[-1][0] == s_index - 1 and "\n" not in text[orphans[-1][2] : s_start]:
                    chosen = _lead_date(text, dates, orphans[-1], published)
            mention = Mention(
                start=s_start,
                end=s_end,
                index=s_index,
                triggers=real,
                cues=m_cues,
                date=chosen,
                place=_pick_place(text, s_places, s_actors, real),
                actors=s_actors,
                casualties=s_cas,
                definite=definite,
                background=background and chosen is None,
                planned=planned,
            )
            mentions.append(mention)

        groups = self._group(text, mentions, actors, language)
        for s_index, s_start, s_end in orphans:
            for g in groups:
                if any(0 < s_index - m.index <= 1 for m in g.mentions):
                    g.extra_spans.append((s_start, s_end))
        candidates = []
        for group in groups:
            candidate = self._build(text, group, actors, places, casualties, cues, published, language, country, sentences)
            if candidate is not None:
                candidates.append(candidate)
        return candidates

    @staticmethod
    def _mention_type(text: str, m: Mention, language: str) -> tuple[str, str] | None:
        roles = _sentence_roles(text, m, language)
        victims = [c.victims for c in m.casualties if c.kind in ("killed", "injured")]
        target = target_kind(text[m.start : m.end], roles, _shift(m.triggers, -m.start), victims, language)
        state = roles.actor1 is not None and roles.actor1.inter in (1, 8)
        killed = sum(c.value for c in m.casualties if c.kind == "killed")
        return decide_type(m.cues, target, killed, 0, state)

    def _group(self, text: str, mentions: list[Mention], actors: list[ActorSpan], language: str) -> list[_Group]:
        types = {id(m): self._mention_type(text, m, language) for m in mentions}
        groups: list[_Group] = []
        for m in mentions:
            if types[id(m)] is None and m.cues <= {"intervention"}:
                continue
            target = None
            if m.definite or m.date is None:
                for g in reversed(groups):
                    if _compatible(g, m, types):
                        target = g
                        break
                if target is None and groups and _compatible(groups[-1], m, types, anaphor=True):
                    target = groups[-1]
            else:
                for g in groups:
                    if g.date is not None and _compatible(g, m, types):
                        target = g
                        break
                if target is None and groups and groups[-1].date is None and _compatible(groups[-1], m, types):
                    target = groups[-1]
            if target is None and m.background:
                continue
            if target is None and m.definite and not (
                (m.date is None or m.date.precision == 1) and (m.place is not None or m.casualties)
            ):
                continue
            if target is None:
                groups.append(_Group([m]))
            else:
                target.mentions.append(m)
        if len(groups) > 1:
            groups = [g for g in groups if g.date is not None or g.place is not None or any(m.casualties for m in g.mentions)]
        return groups

    def _build(
        self,
        text: str,
        group: _Group,
        actors: list[ActorSpan],
        places: list[Any],
        casualties: list[Any],
        status_cues: list[Any],
        published: date,
        language: str,
        fallback_country: str,
        sentences: list[tuple[int, int]],
    ) -> EventCandidate | None:
        from peacewatch.actors import registry
        from peacewatch.nlp.casualties import total

        reg = registry()
        mentions = group.mentions
        spans = [(m.start, m.end) for m in mentions] + group.extra_spans
        evidence: list[Evidence] = []

        def add(field_name: str, start: int, end: int) -> None:
            evidence.append(Evidence(field=field_name, start=start, end=end, text=text[start:end]))

        date_mention = group.date
        planned = any(m.planned for m in mentions) or (date_mention is not None and date_mention.value > published)
        event_date = _date_value(date_mention) if date_mention is not None else published
        if planned and date_mention is not None and event_date < published:
            event_date = _next_occurrence(date_mention, event_date, published)
        if not planned and date_mention is not None and date_mention.value <= published < event_date:
            event_date = date_mention.value  # a period still running at publication: dated by its start
        if event_date > published and not planned:
            return None
        place_mention = group.place or _nearby_place(text, places, mentions[0].start, actors, sentences)
        place = place_mention.place if place_mention is not None else None
        country = place.country if place is not None and place.country else fallback_country

        roles = Roles()
        for m in sorted(mentions, key=lambda x: (x.definite, x.start)):
            r = _shift_roles(_sentence_roles(text, m, language), m.start)
            if roles.actor1 is None or (roles.actor1.generic and r.actor1 is not None and not r.actor1.generic):
                if roles.actor1 is not None and roles.actor1.inter == Inter.CIVILIANS and roles.actor2 is None:
                    roles.actor2 = roles.actor1
                roles.actor1 = r.actor1 or roles.actor1
                roles.assoc1 = r.assoc1 or roles.assoc1
            if roles.actor2 is None or (roles.actor2.generic and r.actor2 is not None and not r.actor2.generic):
                roles.actor2 = r.actor2 or roles.actor2
                roles.assoc2 = r.assoc2 or roles.assoc2

        statuses: set[str] = set()
        claimed_by = denied_by = None
        told = [(m.start, m.end) for m in mentions]
        for cue in status_cues:
            if not any(a <= cue.start < b for a, b in spans):
                continue
            if cue.status == "planned" and not any(a <= cue.start < b for a, b in told):
                continue
            statuses.add(cue.status)
            add("status", cue.start, cue.end)
            sentence_start = max(a for a, b in spans if a <= cue.start)
            who = speaker(text, cue, actors, sentence_start)
            if who is None and cue.status in ("claimed", "denied") and refers_to_group(text, sentence_start, cue.end, language):
                who = _antecedent(actors, sentences, sentence_start)
            if who is None:
                continue
            if cue.status in ("claimed", "alleged") and claimed_by is None:
                claimed_by = who
                add("claimed_by", who.start, who.end)
            elif cue.status == "denied" and denied_by is None:
                denied_by = who
                add("denied_by", who.start, who.end)
        if planned:
            statuses.add("planned")
        if "alleged" in statuses and denied_by is not None and roles.actor1 is not None and claimed_by is not None and roles.actor1.name == claimed_by.name:
            roles.actor1, roles.actor2 = denied_by, roles.actor1
        if claimed_by is not None and "claimed" in statuses and (roles.actor1 is None or roles.actor1.generic):
            roles.actor1 = claimed_by
        if roles.actor1 is None or roles.actor1.generic or roles.actor1.inter == Inter.CIVILIANS:
            author = _attributed_to(text, group.extra_spans, actors)
            if author is not None:
                if roles.actor1 is not None and roles.actor2 is None and roles.actor1.name != author.name:
                    roles.actor2 = roles.actor1
                roles.actor1 = author

        event_mentions = [
            dataclasses.replace(c, sentence=next(i for i, (a, b) in enumerate(sentences) if a <= c.start < b))
            for c in casualties
            if any(a <= c.start < b for a, b in spans)
        ]
        title = _title_span(text, sentences)
        if title is not None and any(not title[0] <= c.start < title[1] for c in event_mentions):
            event_mentions = [c for c in event_mentions if not title[0] <= c.start < title[1]]
        killed, killed_q = total(event_mentions, "killed")
        injured, injured_q = total(event_mentions, "injured")
        implied = None
        if killed_q == "unknown":
            implied = next((t for m in mentions for t in m.triggers if t.cue == "kill" and _ONE_KILLED.search(
                text[t.start : min(m.end, t.end + 60)]) and not _ATTEMPT.search(text[max(m.start, t.start - 30) : t.start])), None)
            if implied is not None:
                killed, killed_q = 1, "vague"
        victims = [c.victims for c in event_mentions if c.kind in ("killed", "injured")]
        all_triggers = [t for m in mentions for t in m.triggers]
        main_text = text[mentions[0].start : mentions[0].end]
        target = target_kind(main_text, _shift_roles(roles, -mentions[0].start), _shift(mentions[0].triggers, -mentions[0].start), victims, language)
        state = roles.actor1 is not None and roles.actor1.inter in (1, 8)
        telling = [m for m in mentions if not m.definite]
        typed = None
        if telling:
            telling_cues = set().union(*(m.cues for m in telling))
            typed = decide_type(telling_cues, target, killed, injured, state)
            if typed is not None and not (telling_cues & SPECIFIC_CUES) and target is None:
                typed = None
        typed = explicit_type(text[mentions[0].start : mentions[0].end]) or typed
        typed = typed or decide_type(group.cues, target, killed, injured, state)
        if typed is None:
            return None
        crowd = next(
            (
                a for a in (roles.actor1, roles.actor2)
                if a is not None and a.inter in _CROWD_INTERS and _CROWD.search(a.text) and not armed_people(language).search(text, max(0, a.start - 10), a.end)
            ),
            None,
        )
        other = roles.actor2 if crowd is roles.actor1 else roles.actor1
        defends = crowd is not None and other is not None and other.inter in (2, 3, 4) and _DEFENDERS.search(crowd.text)
        if typed[0] in (BATTLES, VAC, STRATEGIC) and crowd is not None and not defends:
            if "clash" in group.cues or (crowd is roles.actor1 and group.cues & {"attack", "arrest", "kill", "harm"}):
                typed = (RIOTS, "Mob violence")
                if crowd is roles.actor2:
                    roles.actor1, roles.actor2 = roles.actor2, roles.actor1
            elif crowd is roles.actor1 and group.cues & {"burn", "loot"}:
                typed = (RIOTS, "Violent demonstration")
        event_type, sub_event_type = typed

        actor1, actor2 = roles.actor1, roles.actor2
        if event_type == VAC:
            if actor1 is not None and actor1.inter == Inter.CIVILIANS and (actor2 is None or actor2.inter != Inter.CIVILIANS):
                actor1, actor2 = actor2, actor1
            if actor2 is not None and actor2.inter != Inter.CIVILIANS:
                if actor1 is None and not is_community(actor2, language):
                    actor1 = actor2
                actor2 = None
        if event_type in (BATTLES, REMOTE, STRATEGIC) and actor1 is not None and actor1.inter == Inter.CIVILIANS:
            actor1, actor2 = (actor2 if actor2 is not None and actor2.inter != Inter.CIVILIANS else None), actor1
        if sub_event_type in ("Remote explosive/landmine/IED", "Suicide bomb") and actor1 is not None and actor1.inter in (1, 8):
            actor1, actor2 = (actor2 if actor2 is not None and actor2.inter in (2, 3, 4) else None), actor1
        if actor1 is None and claimed_by is not None and "claimed" in statuses and claimed_by.name != getattr(actor2, "name", None):
            actor1 = claimed_by  # the target was read as the subject ("a MINUSMA vehicle was struck"): the claimant acted
        name1 = actor1.name if actor1 else ""
        name2 = actor2.name if actor2 else ""
        inter1 = actor1.inter if actor1 else None
        inter2 = actor2.inter if actor2 else None
        if defends and event_type == BATTLES:
            militia = reg.generic("unidentified_communal_militia", country, event_date)
            if actor2 is crowd:
                name2, inter2 = militia.name, militia.inter
            elif actor1 is crowd:
                name1, inter1 = militia.name, militia.inter
        if actor1 is not None:
            add("actor1", actor1.start, actor1.end)
        if actor2 is not None:
            add("actor2", actor2.start, actor2.end)
        if event_type in (PROTESTS, RIOTS):
            template = "protesters" if event_type == PROTESTS else "rioters"
            people = reg.generic(template, country, event_date)
            if inter1 not in (5, 6):
                if name1 and not name2 and inter1 != Inter.CIVILIANS:
                    name2, inter2 = name1, inter1
                name1, inter1 = people.name, people.inter
        elif not name1 and event_type != STRATEGIC or (not name1 and sub_event_type == "Looting/property destruction"):
            unknown = reg.generic("unidentified_armed_group", country, event_date)
            name1, inter1 = unknown.name, unknown.inter
        hit_civilians = any(kind_of_victims(v, language) == "civilian" for v in victims if v)
        if not name2 and (event_type == VAC or (event_type in (REMOTE, BATTLES) and hit_civilians)):
            civ = reg.generic("civilians", country, event_date)
            name2, inter2 = civ.name, civ.inter
        if name1 == name2 and event_type not in (RIOTS,):
            name2, inter2 = "", None
        assoc1 = "; ".join(dict.fromkeys(a.name for a in roles.assoc1 if a.name not in (name1, name2) and not a.generic))
        assoc2 = "; ".join(dict.fromkeys(a.name for a in roles.assoc2 if a.name not in (name1, name2) and not a.generic))
        codes = [c for c in (inter1, inter2) if c is not None]
        interaction = None
        if len(codes) == 2:
            interaction = min(codes) * 10 + max(codes)
        elif len(codes) == 1:
            interaction = codes[0] * 10

        candidate = EventCandidate(
            event_date=event_date,
            time_precision=date_mention.precision if date_mention is not None else 1,
            event_type=event_type,
            sub_event_type=sub_event_type,
            actor1=name1,
            assoc_actor_1=assoc1,
            inter1=inter1,
            actor2=name2,
            assoc_actor_2=assoc2,
            inter2=inter2,
            interaction=interaction,
            civilian_targeting="Civilian targeting" if inter2 == Inter.CIVILIANS and event_type in (VAC, REMOTE, BATTLES) else "",
            status=combine(statuses),
            claimed_by=claimed_by.name if claimed_by else "",
            denied_by=denied_by.name if denied_by else "",
        )
        for t in all_triggers:
            add("event_type", t.start, t.end)
            add("sub_event_type", t.start, t.end)
        if date_mention is not None:
            add("event_date", date_mention.start, date_mention.end)
            add("time_precision", date_mention.start, date_mention.end)
        if place is not None:
            candidate.country = place.country or country
            candidate.iso3 = place.iso3 or country_iso3(candidate.country) or ""
            candidate.admin1 = place.admin1
            candidate.admin2 = place.admin2
            candidate.admin3 = place.admin3
            candidate.location = place.name
            candidate.latitude = place.latitude
            candidate.longitude = place.longitude
            candidate.geo_precision = place_mention.precision if place.latitude is not None else None
            for name in ("country", "iso3", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision"):
                if getattr(candidate, name) not in (None, ""):
                    add(name, place_mention.start, place_mention.end)
        elif country:
            candidate.country = country
        candidate.fatalities = killed
        candidate.fatalities_low = killed
        candidate.fatalities_high = max([killed] + [c.value for c in event_mentions if c.kind == "killed" and not c.breakdown])
        candidate.injuries = injured if injured_q != "unknown" else None
        if implied is not None:
            add("fatalities", implied.start, implied.end)
        for c in event_mentions:
            if c.kind == "killed":
                add("fatalities", c.start, c.end)
            elif c.kind == "injured":
                add("injuries", c.start, c.end)
            if c.kind in ("killed", "injured") and (c.value > 0 or c.explicit_zero) and not c.breakdown:
                candidate.casualty_reports.append(CasualtyReport(kind=c.kind, value=c.value, qualifier=c.qualifier))
        candidate.notes = _notes(candidate)
        for start, end in spans:
            add("notes", start, end)
        score = 0.35
        score += 0.2 if date_mention is not None else 0.0
        score += 0.2 if place is not None else 0.0
        score += 0.1 if actor1 is not None else 0.0
        score += 0.1 if group.cues & SPECIFIC_CUES else 0.0
        score += 0.05 if len(mentions) > 1 else 0.0
        candidate.confidence = round(min(score, 0.95), 2)
        candidate.evidence = evidence
        return candidate


def _attributed_to(text: str, spans: list[tuple[int, int]], actors: list[ActorSpan]) -> ActorSpan | None:
    """The named armed group a later sentence of the event holds responsible ("planted by X")."""
    for start, end in spans:
        for actor in actors:
            if start <= actor.start < end and not actor.generic and actor.inter in (2, 3, 4):
                if _ATTRIBUTED.search(text[max(start, actor.start - 60) : actor.start]):
                    return actor
    return None


def _antecedent(actors: list[ActorSpan], sentences: list[tuple[int, int]], before: int) -> ActorSpan | None:
    """What "this group" points back to: the first armed group named in the closest sentence before."""
    earlier = [a for a in actors if a.end <= before and not a.generic and a.inter in (2, 3, 4)]
    if not earlier:
        return None
    last = earlier[-1]
    start = max((a for a, b in sentences if a <= last.start), default=0)
    return min((a for a in earlier if a.start >= start), key=lambda a: a.start)


def _next_occurrence(mention: Any, value: date, published: date) -> date:
    """An announced event dated without a year ("in March") lies ahead, not in the past."""
    if re.search(r"\b\d{4}\b", mention.text):
        return value
    if mention.kind == "weekday":
        return value + timedelta(days=7)
    try:
        return value.replace(year=value.year + 1)
    except ValueError:
        return value + timedelta(days=365)


def _title_span(text: str, sentences: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The headline: a first line without final punctuation. It restates the toll told below."""
    if len(sentences) < 2:
        return None
    start, end = sentences[0]
    line_end = text.find("\n", start)
    if line_end == -1 or line_end > end or text[start:end].rstrip()[-1:] in ".!?":
        return None
    return start, end


def _sentence_roles(text: str, m: Mention, language: str) -> Roles:
    """The sides of one mention's sentence, offsets relative to the sentence."""
    if m.roles is None:
        m.roles = assign_roles(
            text[m.start : m.end], _shift(m.actors, -m.start), _shift(m.triggers, -m.start), language, _victim_spans(m, -m.start)
        )
    return m.roles


def _victim_spans(m: Mention, offset: int) -> list[tuple[int, int]]:
    return [(c.start + offset, c.end + offset) for c in m.casualties if c.kind in ("killed", "injured", "abducted")]


def _shift(items: list[Any], offset: int) -> list[Any]:
    out = []
    for item in items:
        if isinstance(item, ActorSpan):
            out.append(ActorSpan(item.start + offset, item.end + offset, item.text, item.name, item.inter, item.generic))
        else:
            out.append(
                Trigger(item.start + offset, item.end + offset, item.text, item.cue, item.hypothetical, item.definite)
            )
    return out


def _shift_roles(roles: Roles, offset: int) -> Roles:
    def one(a: ActorSpan | None) -> ActorSpan | None:
        return None if a is None else _shift([a], offset)[0]

    return Roles(one(roles.actor1), one(roles.actor2), _shift(roles.assoc1, offset), _shift(roles.assoc2, offset))


@extractors.register("rules")
def make_rules_extractor() -> RulesExtractor:
    return RulesExtractor()
