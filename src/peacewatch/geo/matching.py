"""Find candidate place names in a text: the gazetteer look-up and the filters around it.

Why: reports are short and names are many, so every capitalised word starts a dictionary
look-up of up to six following tokens (longest name wins) on normalised keys that map back to
offsets of the original text; a name not found as written may be matched one or two typing
slips away. Stopwords, group names, acronyms and people's names are dropped here (names listed
without commas are kept: a list is not a person). The words read around names (country words,
words allowed next to a name) are each language's (``phrases.cues``), the admin-unit words and
the particles of personal names the region's (``gazetteer.geography``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from importlib import resources

from peacewatch.geo.gazetteer import Gazetteer, Geography, geography
from peacewatch.geo.normalize import Tokens, name_key, tokenize
from peacewatch.geo.phrases import SEPARATOR, Cues, cues
from peacewatch.lang import Language

_RUN = re.compile(r"\S*")

_SENTENCE_BREAK = re.compile(r"[.!?:;\n\"“«]\s*(?=[^\W_])")
"""A sentence or quotation break; the next word (where the match ends) starts a sentence."""

_WORD_AFTER = re.compile(r"[ \t]+([^\W\d_][\w'’]*)")

_WORD_BEFORE = re.compile(r"(\S+)\s+$")


@lru_cache(maxsize=None)
def word_list(filename: str) -> frozenset[str]:
    """Normalised entries of one of the bundled word lists (stopwords, names that are not places)."""
    text = (resources.files("peacewatch") / "data" / "geo" / filename).read_text(encoding="utf-8")
    return frozenset(name_key(line) for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


@dataclass
class NameMatch:
    """A span of the text that names one or more gazetteer rows (or a country)."""

    first: int
    last: int
    start: int
    end: int
    key: str
    candidates: list[int]
    exact: set[int]
    kind: str = ""
    """The admin level the name is written as ("admin1" for "région de X", "admin2" for "X cercle")."""
    scores: list[float] = field(default_factory=list)
    context_keys: set[str] = field(default_factory=set)
    consumed: bool = False
    country: str | None = None
    base: str = ""  # the name without its "region"/"cercle" word

    def __post_init__(self) -> None:
        self.base = self.base or self.key

    @property
    def best(self) -> int:
        """Index of the best-scored candidate; ties go to gazetteer order (Mali first, then
        ascending GeoNames id), so results are deterministic."""
        return max(range(len(self.candidates)), key=lambda j: (self.scores[j], -j))


def _gap_ok(text: str, toks: Tokens, a: int, b: int) -> bool:
    """May tokens a and b belong to one name? Only a space, hyphen or apostrophe between them."""
    gap = text[toks.ends[a]:toks.starts[b]]
    if toks.norms[b] == "s" and gap in ("'", "’"):  # possessive: "Mali's"
        return False
    return gap == " " or bool(SEPARATOR.fullmatch(gap))


def _capitalised(text: str, start: int, end: int, all_caps_text: bool) -> bool:
    """Names start with a capital; short all-capital words are acronyms unless the text shouts."""
    word = text[start:end]
    if not word[0].isupper():
        return False
    run = _RUN.match(text, start).group()  # "TIN-ESSAKO," as written
    if word.isupper() and 1 < len(word) < 6 and not all_caps_text and not (
            "-" in run and sum(c.isupper() for c in run) >= 6):
        return False  # acronyms: CMA, GATIA, JNIM (longer capitals are names: "TOMBOUCTOU")
    return True


_ASCII_NOT_LETTER = bytes(c for c in range(256) if not chr(c).isalpha() or c > 127)
_ASCII_NOT_CAPITAL = bytes(c for c in range(256) if not chr(c).isupper() or c > 127)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _shouting(text: str) -> bool:
    """More than 80% of the letters are capitals. Counted on the ASCII bytes by table and on the
    few other characters one by one: the same count as asking every character, far quicker."""
    ascii_bytes = text.encode("ascii", "ignore")
    others = _NON_ASCII.findall(text) if len(ascii_bytes) < len(text) else []
    letters = len(ascii_bytes.translate(None, _ASCII_NOT_LETTER)) + sum(map(str.isalpha, others))
    capitals = len(ascii_bytes.translate(None, _ASCII_NOT_CAPITAL)) + sum(map(str.isupper, others))
    return letters > 0 and capitals > 0.8 * letters


def _match_names(text: str, toks: Tokens, gaz: Gazetteer, sentence_starts: set[int],
                 cue: Cues, geo: Geography) -> list[NameMatch]:
    """Longest gazetteer names starting at each capitalised token (exact or folded key, else a
    one-slip fuzzy match for long names), country words, and spans of group names to skip."""
    stop, blocked_names = word_list("stopwords.txt"), word_list("not_places.txt")
    country_words, kinds, home = cue.countries, geo.unit_kinds, geo.home_iso3
    all_caps_text = _shouting(text)
    out: list[NameMatch] = []
    starts, ends, norms = toks.starts, toks.ends, toks.norms
    n, limit = len(norms), gaz.max_tokens
    resume = 0  # first token not yet inside a name (or a skipped group name)
    for i in [k for k, start in enumerate(starts) if text[start].isupper()]:
        start = starts[i]
        if i < resume or not _capitalised(text, start, ends[i], all_caps_text):
            continue
        found = None
        fuzzy: tuple[int, str] | None = None
        key = ""
        span, lower_from = 1, n  # tokens joined into one name; first one after a lower-case gap
        longest = min(limit, n - i)
        while span < longest and _gap_ok(text, toks, i + span - 1, i + span):
            b = i + span
            if lower_from == n and text[ends[b - 1]:starts[b]].isspace() and not _capitalised(
                    text, starts[b], ends[b], True):
                lower_from = b
            span += 1
        keys = list(accumulate(norms[i:i + span]))  # keys[j]: tokens i..i+j joined
        for length in range(span, 0, -1):
            last = i + length - 1
            key = keys[length - 1]
            if key in blocked_names:
                found = ("blocked", last)
                break
            if key in country_words:
                found = ("country", last)
                break
            if len(key) < 3 or (length == 1 and key in stop):
                continue
            if last >= lower_from:
                continue  # "As a", "Kidal and": words after a space are capitalised in names
            cands, exact = gaz.candidates(key)
            if cands:
                found = (cands, exact, last)
                if fuzzy is not None and _hyphenated(text, toks, i, fuzzy[0]) and not any(
                        gaz.place(c).iso3 == home and gaz.place(c).feature_class == "P" for c in cands):
                    slips = gaz.fuzzy(fuzzy[1])  # "Gourma-Rarhous": one word, misspelt
                    if slips:
                        found, key = (slips, set(), fuzzy[0]), fuzzy[1]
                break
            if fuzzy is None and length <= 3 and start not in sentence_starts and all(
                    _capitalised(text, starts[k], ends[k], all_caps_text) and len(norms[k]) >= 3
                    and (length > 1 or norms[k] not in stop)
                    and norms[k].rstrip("s") not in country_words
                    for k in range(i, last + 1)):
                fuzzy = (last, key)
        if found is None and fuzzy is not None:
            slips = gaz.fuzzy(fuzzy[1])
            if slips:
                found = (slips, set(), fuzzy[0])
                key = fuzzy[1]
        if found is None:
            continue
        if found[0] == "blocked":
            resume = found[1] + 1
            continue
        if found[0] == "country":
            last = found[1]
            out.append(NameMatch(i, last, start, ends[last], key, [], set(),
                              country=country_words[key]))
            resume = last + 1
            continue
        cands, exact, last = found
        if _part_of_compound(text, toks, i, last, stop):
            resume = last + 1
            continue
        match = NameMatch(i, last, start, ends[last], key, list(cands), exact)
        if last > i and norms[last] in kinds:
            match.kind = kinds[norms[last]]
            match.base = "".join(norms[i:last])
        elif last > i + 1 and norms[i] in kinds:
            match.kind = kinds[norms[i]]
            match.base = "".join(norm for norm in norms[i + 1:last + 1] if norm not in cue.unit_particles)
        out.append(match)
        resume = last + 1
    return out


def _hyphenated(text: str, toks: Tokens, first: int, last: int) -> bool:
    """Tokens written as one hyphenated word ("Gourma-Rharous", "Tin-Essako")."""
    return all(text[toks.ends[k]:toks.starts[k + 1]] in ("-", "‑") for k in range(first, last))


def _part_of_compound(text: str, toks: Tokens, first: int, last: int,
                      stop: frozenset[str]) -> bool:
    """True for the tail of an unknown name with a particle ("Hama" in "Tin-Hama", "Samba" in
    "Ali-Samba"); names joined by a hyphen ("Gao-Anefis", roads) stay."""
    def joined(a: int) -> bool:
        return text[toks.ends[a]:toks.starts[a + 1]] in ("-", "‑")

    neighbours = []
    if first > 0 and joined(first - 1):
        neighbours.append(toks.norms[first - 1])
    if last + 1 < len(toks.norms) and joined(last):
        neighbours.append(toks.norms[last + 1])
    for norm in neighbours:
        if norm in stop or len(norm) < 3:
            return True
    return False


def _minor(m: NameMatch, gaz: Gazetteer) -> bool:
    return m.first == m.last and not m.country and not any(
        gaz.place(i).feature_code in ("PPLC", "PPLA", "ADM1") for i in m.candidates)


def _adjacent_minor_pairs(text: str, matches: list[NameMatch], gaz: Gazetteer) -> set[int]:
    """Two minor one-word names side by side ("Madou Kante") make a person's name."""
    out: set[int] = set()
    for a, b in zip(matches, matches[1:]):
        if _minor(a, gaz) and _minor(b, gaz) and text[a.end:b.start] == " ":
            out.update((id(a), id(b)))
    return out


def _looks_like_person(text: str, m: NameMatch, gaz: Gazetteer, sentence_starts: set[int],
                       matched_starts: set[int], matched_ends: set[int], cue: Cues, geo: Geography) -> bool:
    """A single capitalised word next to another capitalised word that is not a place
    ("Amadou Koufa", "Baba Ag Adobent", "Madou Kante") is part of a person's name."""
    if any(gaz.place(i).feature_code in ("PPLC", "PPLA", "ADM1") for i in m.candidates):
        return False
    after = _WORD_AFTER.match(text, m.end)
    if after:
        word = after.group(1)
        if word.lower() in geo.name_particles:
            return True
        if (word[0].isupper() and not word.isupper() and after.start(1) not in matched_starts
                and name_key(word) not in cue.words_after_name
                and name_key(word) not in word_list("stopwords.txt")):
            return True
    before = _WORD_BEFORE.search(text, max(0, m.start - 40), m.start)
    if before is None or before.end() != m.start:
        return False
    word = before.group(1)
    if not word[:1].isupper() or not word.isalpha() or word.isupper():
        return False
    if before.start(1) in sentence_starts or before.end(1) in matched_ends:
        return False
    return name_key(word) not in cue.words_before_name


def find_names(text: str, gaz: Gazetteer, language: Language | str | None = None) -> list[NameMatch]:
    """Names of places and countries in ``text``, in order, people's names left out (read with
    the cues of ``language``; None: of every language)."""
    cue, geo = cues(language), geography()
    toks = tokenize(text)
    sentence_starts = {0} | {m.end() for m in _SENTENCE_BREAK.finditer(text)}
    if toks.starts:
        sentence_starts.add(toks.starts[0])
    matches = _match_names(text, toks, gaz, sentence_starts, cue, geo)
    matched_ends = {m.end for m in matches}
    matched_starts = {m.start for m in matches}
    listed = _space_lists(text, matches)
    people = _adjacent_minor_pairs(text, matches, gaz) - listed
    return [m for m in matches if m.country or m.last > m.first or id(m) in listed or (
        id(m) not in people
        and not _looks_like_person(text, m, gaz, sentence_starts, matched_starts, matched_ends, cue, geo))]


def _space_lists(text: str, matches: list[NameMatch]) -> set[int]:
    """Three or more place names in a row with only spaces between them ("les cercles de Bankass
    Koro Douentza"): a list written without commas, not people's names."""
    out: set[int] = set()
    run: list[NameMatch] = []
    for m in [*matches, None]:
        if m is not None and not m.country and (not run or text[run[-1].end:m.start] == " "):
            run.append(m)
            continue
        if len(run) >= 3:
            out.update(id(r) for r in run)
        run = [m] if m is not None and not m.country else []
    return out
