"""Casualty figures (killed, injured, abducted, missing, arrested) in a report of any language
that has a ``casualties.yaml``.

Rule-based on purpose: a toll is a short, formulaic phrase ("12 people were killed", "killing
three soldiers", "10 morts (8 soldats, 2 assaillants)", "plus d'une centaine de blessés"), and
rules keep every figure's qualifier and victims together with its exact span. The words are the
language's data (``lang/<code>/casualties.yaml``, ``numbers.yaml``); the modules here are the
mechanisms, by job:

- ``lexicon``: the language's words, compiled once;
- ``quantities``: tokens and the quantities in them ("at least 12", "une centaine de");
- ``phrases``: the noun phrases that say who the victims are;
- ``reader``: keywords, read to their left or right, and the chains and breakdowns they govern;
- ``zeros``: "no casualties" phrases; ``context``: what a figure's sentence says about it;
- ``totals``: the one toll a text states, without adding a total to its own breakdown or two
  reports of the same deaths.
"""

from __future__ import annotations

from peacewatch import lang
from peacewatch.lang import Language
from peacewatch.nlp.casualties.context import mark_context
from peacewatch.nlp.casualties.mention import KINDS, CasualtyMention
from peacewatch.nlp.casualties.reader import Reader
from peacewatch.nlp.casualties.totals import total
from peacewatch.nlp.casualties.zeros import with_zeros

__all__ = ["KINDS", "CasualtyMention", "find_casualties", "total"]


def find_casualties(text: str, language: Language | str) -> list[CasualtyMention]:
    """Every casualty figure stated in ``text``, in text order, with qualifier and victims.

    ``language`` is a Language or its code (a code with no language folder is a LanguageError).
    ``victims`` is one of "soldiers", "police", "peacekeepers", "attackers", "civilians" or ""
    (not said, or only "people").
    """
    reader = Reader(text, lang.resolve(language))
    mentions = with_zeros(text, reader.folded, reader.lex, reader.read())
    mentions.sort(key=lambda m: m.start)
    mark_context(mentions, text, reader.folded, reader.lex)
    return mentions
