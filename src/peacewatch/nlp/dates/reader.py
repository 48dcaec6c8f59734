"""``find_dates``: every date expression of a text, found in one scan and resolved in order."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from peacewatch import lang
from peacewatch.lang import Language
from peacewatch.nlp.dates.model import Context, DateMention
from peacewatch.nlp.dates.shapes import Handler, compiled_shapes
from peacewatch.nlp.dates.words import DateWords
from peacewatch.nlp.fold import fold


@dataclass(slots=True)
class _Match:
    start: int
    end: int
    handler: Handler
    match: re.Match[str]


def sentence_bounds(folded: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``folded[start:end]`` (split at ". ", "; " and line breaks)."""
    left = max(folded.rfind(". ", 0, start), folded.rfind("\n", 0, start), folded.rfind("; ", 0, start))
    right_candidates = [i for i in (folded.find(". ", end), folded.find("\n", end), folded.find("; ", end)) if i != -1]
    right = min(right_candidates) if right_candidates else len(folded)
    return left + 1, right


def _is_future(words: DateWords, folded: str, start: int, end: int) -> bool:
    left, right = sentence_bounds(folded, start, end)
    window = folded[max(left, start - 80):start] + " " + folded[end:min(right, end + 60)]
    if words.future_cue.search(window) or words.future_in_mention.search(folded[start:end]):
        return True
    return bool(words.planned_cue.search(window)) and not words.past_cue.search(folded[left:right])


def find_dates(text: str, language: Language | str, published: date) -> list[DateMention]:
    """Every date expression in ``text``, in order, resolved against ``published``.

    ``language`` (a Language or its code) gives the words; its date tables are shared, so a
    document is also read with the words of the languages it reads too (reports quote each other).
    """
    shapes = lang.resolve(language).compiled(compiled_shapes)
    words = shapes.words
    if isinstance(published, datetime):
        published = published.date()
    folded = fold(text)
    found: list[_Match] = []
    for handler, matches in zip(shapes.handlers, shapes.scanner.scan(folded)):
        for match in matches:
            if match.end() > match.start():
                found.append(_Match(match.start(), match.end(), handler, match))
    found.sort(key=lambda f: (f.start, -(f.end - f.start)))
    chosen: list[_Match] = []
    for candidate in found:
        if chosen and candidate.start < chosen[-1].end:
            continue
        chosen.append(candidate)
    today_in_text = bool(words.today_cue.search(folded))
    previous: list[tuple[DateMention, bool]] = []
    for item in chosen:
        future = _is_future(words, folded, item.start, item.end)
        ctx = Context(words, published, future, today_in_text, previous, text[item.start:item.end],
                      folded[max(0, item.start - 20):item.start], folded[item.end:item.end + 20],
                      not folded[sentence_bounds(folded, item.start, item.end)[0]:item.start].strip())
        resolved = item.handler(item.match, ctx)
        if resolved is None:
            continue
        mention = DateMention(
            start=item.start, end=item.end, text=text[item.start:item.end], value=resolved.value,
            precision=resolved.precision, kind=resolved.kind, end_value=resolved.end_value,
            future=future or resolved.value > published, explicit_year=resolved.explicit_year,
        )
        previous.append((mention, resolved.explicit_year))
    return [m for m, _ in previous]
