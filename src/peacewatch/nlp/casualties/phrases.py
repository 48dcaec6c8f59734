"""Noun phrases around a figure: who was killed ("three soldiers of the garrison", "the mayor of
X", "a Fulani herder"), read leftwards from a keyword or rightwards from a quantity.

The head noun says who the victims are (soldiers, civilians, attackers...) and whether a phrase
without a number still counts one person.
"""

from __future__ import annotations

from peacewatch.nlp.casualties.lexicon import Lexicon
from peacewatch.nlp.casualties.quantities import Figure, Quantities

_QUOTES = ("'", '"', "\u2018", "\u201c", "\u201d")


class NounPhrases(Quantities):
    """Noun phrases read from the tokens."""

    def np_word(self, i: int) -> bool:
        word = self.words[i]
        if not word[0].isalpha() or word in self.lex.stop:
            return False
        if self.keyword_at(i) and not self.noun_use(i):
            return False
        if self.lex.verb_ending.search(word):
            return word in self.lex.verb_ending_nouns
        return True

    def noun_use(self, i: int) -> bool:
        """"the wounded", "les morts": a keyword used as a noun for people already counted."""
        return i > 0 and self.words[i - 1] in self.lex.noun_use

    def np_left(self, end: int) -> tuple[int, list[str], bool] | None:
        """A noun phrase ending at ``end`` read leftwards up to its quantity.

        Returns the quantity's last token index, the phrase's words and whether the quantity is
        only implied by a singular person noun ("the mayor of X was killed": one).
        """
        lex = self.lex
        i, words, indexes = end, [], []
        while i >= 0 and len(words) <= 10:
            fig = self.quantity_ending_at(i)
            if fig is not None and fig.article and words and not any(lexical(lex, w) in lex.persons for w in words):
                words.append(self.words[i])
                indexes.append(i)
                i -= 1
                continue
            if fig is not None and not (fig.article and i > 0 and self.words[i - 1] in lex.not_counted_after):
                before = self.words[fig.first - 2:fig.first]
                if (len(before) == 2 and before[1] in lex.partitive_determiners
                        and before[0] in lex.partitive_before_determiner):
                    words.extend(reversed(self.words[fig.first:i + 1]))
                    indexes.extend(range(i, fig.first - 1, -1))
                    i = fig.first - 1
                    continue
                return i, list(reversed(words)), False
            word = self.words[i]
            if word == ")":
                opening = next((k for k in range(i - 1, max(i - 12, -1), -1) if self.words[k] == "("), None)
                if opening is not None:
                    i = opening - 1
                    continue
            if word in _QUOTES:
                i -= 1
                continue
            joins_names = word in lex.name_joiners and words and i > 0 and self.capitalised(i - 1) and self.capitalised(i + 1)
            if joins_names or (word in lex.place_prepositions and words and self.capitalised(i + 1)):
                words.append(word)
                indexes.append(i)
                i -= 1
                continue
            if word in lex.connectors or self.np_word(i) or (word in lex.subject_pronouns and not words):
                words.append(word)
                indexes.append(i)
                i -= 1
                if word in lex.subject_pronouns:
                    break
                continue
            break
        words.reverse()
        indexes.reverse()
        if singular_person(lex, words) or singular_person(lex, self.without_trailing_names(words, indexes)):
            return i + 1, words, True
        return None

    def partitive(self, fig: Figure) -> bool:
        """"One of the two people killed", "two of their bodies": part of figures already given."""
        words = fig.np_words
        if not words or words[0] not in self.lex.partitive:
            return False
        inner_number = any(w.isdigit() or w in self.lex.number_words for w in words[1:])
        return inner_number or (len(words) > 1 and words[1] in self.lex.partitive_pronouns)

    def without_trailing_names(self, words: list[str], indexes: list[int]) -> list[str]:
        """"commander Ahmed Ag X" -> "commander": a person noun followed only by a name."""
        for k in range(len(words) - 1, -1, -1):
            if words[k] in self.lex.singular_persons:
                if k + 1 < len(words) and all(self.capitalised(t) for t in indexes[k + 1:]):
                    return words[:k + 1]
                break
        return words

    def np_right(self, start: int) -> tuple[list[str], int]:
        """Words of a noun phrase starting at ``start`` and the index of its last token.

        Follows "of (the)" complements and steps over a parenthesis without figures, so that
        "a chief of the X (Y) community and his three sons" reaches "and".
        """
        lex = self.lex
        words: list[str] = []
        i, last = start, start - 1
        while i < len(self.words) and len(words) < 12:
            word = self.words[i]
            if word == "(" and words:
                close = next((k for k in range(i + 1, min(i + 12, len(self.words))) if self.words[k] == ")"), None)
                if close is None or any(self.is_figure_start(k) for k in range(i + 1, close)):
                    break
                i = last = close
                i += 1
                continue
            if word in lex.complements and words:
                j = i + 1
                if j < len(self.words) and self.words[j] in lex.definite_articles:
                    j += 1
                if j < len(self.words) and self.np_word(j):
                    words.extend(self.words[i:j])
                    i = j
                    continue
                break
            if not self.np_word(i) or (self.quantity_ending_at(i) is not None and not words):
                break
            words.append(word)
            last = i
            i += 1
        return words, last

    def valid(self, fig: Figure, nominal: bool, active: bool = False) -> bool:
        """An article counts as "one" only before a person ("a soldier"), or after an active verb."""
        if fig.article:
            if not fig.np_words:
                return nominal
            if any(w in self.lex.things for w in fig.np_words):
                return False
            return active or lexical(self.lex, head(self.lex, fig.np_words)) in self.lex.persons
        return True


def lexical(lex: Lexicon, word: str) -> str:
    """A word as the person lexicon lists it (plural "s"/"x" dropped when that is how it is listed)."""
    for form in (word, word[:-1]):
        if form in lex.persons:
            return form
    return word


def head(lex: Lexicon, np_words: list[str]) -> str:
    """Last content word before any "of"/"including" complement: "members" in "members of X"."""
    found = ""
    for word in np_words:
        if word in lex.head_ends:
            break
        if word not in lex.all_determiners:
            found = word
    return found


def singular_person(lex: Lexicon, np_words: list[str]) -> bool:
    """A noun phrase naming one person without a number: "the mayor of X", "a Fulani herder"."""
    head_part = []
    for word in np_words:
        if word in lex.head_ends:
            break
        head_part.append(word)
    content = [w for w in head_part if w not in lex.all_determiners]
    if not content or any(w in lex.plural_persons or (w.endswith("s") and w[:-1] in lex.persons) for w in content):
        return False
    return content[-1] in lex.singular_persons


def victims(lex: Lexicon, np_words: list[str]) -> str:
    """The victims' group a noun phrase names ("soldiers", "civilians"...), "" when it names none."""
    for word in reversed(np_words):
        for form in (word, word.rstrip("s"), word.rstrip("x")):
            if form in lex.victims:
                return lex.victims[form]
    return ""
