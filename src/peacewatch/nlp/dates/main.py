"""``main_date``: the one date an event extractor codes for a report."""

from __future__ import annotations

from datetime import date, timedelta

from peacewatch import lang
from peacewatch.lang import Language
from peacewatch.nlp.dates.model import DateMention
from peacewatch.nlp.dates.words import date_words
from peacewatch.nlp.fold import fold


def main_date(
    mentions: list[DateMention], published: date, text: str | None = None, language: Language | str | None = None
) -> tuple[date, int, DateMention | None]:
    """The date an event extractor should code for a report: (date, time precision, mention).

    Background (bare years), planned dates, anaphors with no date before them ("after a trader
    was killed the day before" relates another event to this one) and, when ``text`` is given,
    dates of a claim, statement or release ("JNIM claimed the attack on 17 October") are
    passed over: ``text`` comes with its ``language``, whose reporting cues (and those of the
    languages it reads too) are looked for. Of the rest the most precise wins, the first in the
    text among equals; week- and month-precise dates are coded at their middle as ACLED does.
    Without any, the publication date is coded.
    """
    folded = None
    if text is not None:
        if language is None:
            raise TypeError("main_date: a text is read with its language (language=...)")
        words = lang.resolve(language).compiled(date_words)
        folded = fold(text)
    usable, reporting = [], []
    dated_before = False
    for mention in mentions:
        if mention.kind == "anaphoric" and not dated_before:
            continue
        dated_before = dated_before or mention.kind != "anaphoric"
        if mention.kind == "year" or mention.future or mention.value > published:
            continue
        if folded is not None:
            sentence_start = max(folded.rfind(". ", 0, mention.start), folded.rfind("\n", 0, mention.start)) + 1
            cue = words.reporting.search(folded[sentence_start:mention.start])
            if cue:
                if not words.claim_or_release.match(cue.group(0)):
                    reporting.append(mention)
                continue
        usable.append(mention)
    if not any(m.precision == 1 for m in usable) and any(m.precision == 1 for m in reporting):
        # Nothing but the day something was announced: the announcement is the story. (A claim or
        # a release is never the day of the attack or abduction it is about.)
        usable = [m for m in reporting if m.precision == 1]
    if not usable:
        return published, 1, None
    mention = min(usable, key=lambda m: m.precision)
    if mention.precision == 1:
        return mention.value, 1, mention
    end = mention.end_value or mention.value
    middle = mention.value + timedelta(days=(min(end, published) - mention.value).days // 2)
    return middle, mention.precision, mention
