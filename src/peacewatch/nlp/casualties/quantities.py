"""Tokens of one text and the quantities in them: "12", "1 200", "twenty-five", "vingt et un",
"a dozen", "une centaine de", "at least 9", "between 10 and 15".

A quantity is read leftwards from its last token (the reader meets it to the left of "were
killed") or rightwards from its first ("killing at least 12"), with the qualifier before it.
"""

from __future__ import annotations

from dataclasses import dataclass

from peacewatch.lang import Language
from peacewatch.nlp.casualties.lexicon import Keyword, Lexicon, lexicon
from peacewatch.nlp.fold import fold
from peacewatch.nlp.numbers import parse_digits


@dataclass(slots=True)
class Figure:
    """A quantity found in the tokens, and the noun phrase that goes with it."""

    first: int
    last: int
    value: int
    qualifier: str
    np_words: list[str]
    article: bool
    np_last: int = -1
    """Last token of a noun phrase read to the right of the quantity (-1 when none)."""


class Tokens:
    """One text's tokens as folded words (offsets in the matches), with its language's words."""

    def __init__(self, text: str, language: Language | str) -> None:
        self.text = text
        self.lex: Lexicon = lexicon(language)
        self.folded = fold(text)
        # The matches themselves: a text has a thousand tokens, and a record per token cost
        # more than reading them.
        self.tokens = list(self.lex.token.finditer(self.folded))
        self.words = [t.group() for t in self.tokens]
        self._keyword_cache: dict[int, tuple[int, Keyword] | None] = {}

    def keyword_at(self, i: int) -> tuple[int, Keyword] | None:
        """The longest casualty keyword starting at token i: (length, keyword)."""
        if i not in self._keyword_cache:
            found = self.lex.keywords.longest_at(self.words, i)
            self._keyword_cache[i] = (len(found[0]), found[1]) if found is not None else None
        return self._keyword_cache[i]

    def is_number_word(self, i: int) -> bool:
        word = self.words[i]
        numbers = self.lex.number_words
        return all(p in numbers for p in word.split("-") if p) and bool(word.strip("-"))

    def capitalised(self, i: int) -> bool:
        return 0 <= i < len(self.tokens) and self.text[self.tokens[i].start()].isupper()

    def is_figure_start(self, i: int) -> bool:
        return self.words[i][0].isdigit() or self.is_number_word(i)


class Quantities(Tokens):
    """Quantities read leftwards or rightwards from a token."""

    def _digit_ok(self, i: int) -> bool:
        """Digits that are not a day of month, a year or a label ("resolution 2100")."""
        words, lex = self.words, self.lex
        if i + 1 < len(words) and (words[i + 1] in lex.months or words[i + 1] in lex.number_suffixes):
            return False
        if i > 0 and words[i - 1] in lex.number_labels:
            return False
        if i > 0 and words[i - 1] in lex.months and not (i > 1 and words[i - 2][0].isdigit()):
            return False
        if len(words[i]) == 4 and words[i][:2] in ("19", "20"):
            return False
        return True

    def _qualifier_before(self, i: int) -> tuple[int, str]:
        """Start index and qualifier of a qualifier phrase ending just before token i."""
        for phrase, qualifier in self.lex.qualifiers:
            n = len(phrase)
            if i - n >= 0 and tuple(self.words[i - n:i]) == phrase:
                return i - n, qualifier
        return i, "exact"

    def _explicit_article(self, j: int) -> bool:
        """"one", "both", "et un autre": an article that counts even without a person noun."""
        words = self.words
        if words[j] in self.lex.explicit_articles:
            return True
        return 0 < j < len(words) - 1 and tuple(words[j - 1:j + 2]) in self.lex.explicit_frames

    def quantity_ending_at(self, j: int) -> Figure | None:
        """A quantity whose last token is j (read leftwards), with its qualifier."""
        if j < 0:
            return None
        words, lex = self.words, self.lex
        numbers = lex.numbers
        first, value, qualifier, article = j, None, "exact", False
        if words[j] in lex.quantity_of and j > 0:
            for phrase, approx in lex.approximate:
                n = len(phrase)
                if j - n >= 0 and tuple(words[j - n:j]) == phrase:
                    first, value, qualifier = j - n, approx.value, approx.qualifier
                    if first > 0 and words[first - 1] in lex.before_approximate:
                        first -= 1
                    break
            if value is None:
                return None
        elif words[j][0].isdigit():
            if not self._digit_ok(j):
                return None
            value = parse_digits(self.text[self.tokens[j].start():self.tokens[j].end()])
        elif self.is_number_word(j) and (
            words[j] not in numbers.ones
            or (j >= 2 and numbers.joins(words[j - 2], words[j - 1], words[j]))
            or (j >= 1 and numbers.follows(words[j - 1], words[j]))
        ):
            first = j
            while first - 1 >= 0 and (
                (self.is_number_word(first - 1) and words[first - 1] not in numbers.article_units)
                or (first >= 2 and numbers.joins(words[first - 2], words[first - 1], words[first]))
                or words[first] in numbers.articles.get(words[first - 1], ())
            ):
                first -= 2 if words[first - 1] in numbers.joiners else 1
            value = numbers.parse(words[first:j + 1])
        elif words[j] in lex.articles:
            value = lex.articles[words[j]]
            article = not self._explicit_article(j)
            if any(tuple(words[j:j + len(p)]) == p for p in lex.not_a_count):
                return None
        else:
            for phrase, approx in lex.approximate:
                n = len(phrase)
                if j - n + 1 >= 0 and tuple(words[j - n + 1:j + 1]) == phrase:
                    first, value, qualifier = j - n + 1, approx.value, approx.qualifier
                    break
        if value is None:
            return None
        qstart, qual = self._qualifier_before(first)
        if qual != "exact":
            first, qualifier = qstart, qual
        elif first >= 2 and (
            words[first - 1] in lex.range
            or (words[first - 1] in numbers.joiners and first >= 3 and words[first - 3] in lex.between)
        ) and self.is_figure_start(first - 2):
            low = self.quantity_ending_at(first - 2)
            if low is not None and not low.article:
                value, qualifier, first = min(value, low.value), "at_least", low.first
                if first >= 1 and words[first - 1] in lex.between:
                    first -= 1
        return Figure(first, j, value, qualifier, [], article)

    def quantity_starting_at(self, i: int) -> Figure | None:
        """A quantity whose first token is i (qualifier included), read rightwards."""
        words, lex = self.words, self.lex
        numbers = lex.numbers
        start, qualifier = i, "exact"
        for phrase, qual in lex.qualifiers:
            if tuple(words[i:i + len(phrase)]) == phrase:
                qualifier, i = qual, i + len(phrase)
                break
        if i >= len(words):
            return None
        fig = None
        for phrase, approx in lex.approximate:
            n = len(phrase)
            if tuple(words[i:i + n]) == phrase:
                last = i + n - 1
                if last + 1 < len(words) and words[last + 1] in lex.quantity_of:
                    last += 1
                fig = Figure(start, last, approx.value, approx.qualifier, [], False)
                break
        if fig is None:
            last = i
            if self.is_figure_start(i) or words[i] in lex.articles:
                if (words[i] in numbers.article_units or words[i] in numbers.articles) and not (
                    i + 1 < len(words) and words[i + 1] in numbers.articles.get(words[i], ())
                ):
                    last = i
                else:
                    while last + 1 < len(words) and not words[i][0].isdigit() and (
                        (self.is_number_word(last + 1)
                         and (words[last + 1] not in numbers.article_units or numbers.follows(words[last], words[last + 1])))
                        or (last + 2 < len(words) and numbers.joins(words[last], words[last + 1], words[last + 2]))
                    ):
                        last += 2 if words[last + 1] in numbers.joiners else 1
            found = self.quantity_ending_at(last)
            if found is None or found.first > i:
                return None
            fig = found
        if qualifier != "exact":
            fig.qualifier = qualifier
        fig.first = start
        nxt = fig.last + 1
        if nxt + 1 < len(words) and words[nxt] in lex.range and self.is_figure_start(nxt + 1):
            high = self.quantity_ending_at(nxt + 1)
            if high is not None and not high.article:
                fig.value, fig.last = min(fig.value, high.value), nxt + 1
                fig.qualifier = "at_least" if fig.qualifier == "exact" else fig.qualifier
        return fig
