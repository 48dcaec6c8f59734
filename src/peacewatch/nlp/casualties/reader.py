"""Keywords and the chains of figures they govern: "three soldiers were killed", "killing a
father and his two sons", "10 morts (8 soldats, 2 assaillants)", "11 people, including 4 soldiers".

Each keyword is read to its left or to its right as its reading mode says (``casualties.yaml``),
then along coordinations and into the breakdown that follows.
"""

from __future__ import annotations

from peacewatch.lang import Language
from peacewatch.nlp.casualties.lexicon import ACTIVE, NOUN, PARTICIPLE, PARTICIPLE_NOUN, TOLL_VERB, Keyword
from peacewatch.nlp.casualties.mention import CasualtyMention
from peacewatch.nlp.casualties.phrases import NounPhrases, singular_person, victims
from peacewatch.nlp.casualties.quantities import Figure

Chain = list[tuple[Figure, bool]]
"""Coordinated figures, left to right, each with whether it is a breakdown of the ones before."""

_SHARES_OBJECT = (ACTIVE, PARTICIPLE, PARTICIPLE_NOUN)
"""Modes of a second keyword that shares the figure after it ("killed and wounded 5")."""


class Reader(NounPhrases):
    """Reads the figures of one text."""

    def __init__(self, text: str, language: Language | str) -> None:
        super().__init__(text, language)
        self.used: set[int] = set()
        self.mentions: list[CasualtyMention] = []

    def read(self) -> list[CasualtyMention]:
        """Every figure read from a keyword, in text order (zero phrases not yet included)."""
        starters = self.lex.keywords
        i = 0
        while i < len(self.words):
            found = self.keyword_at(i) if self.words[i] in starters else None
            if found is None:
                i += 1
                continue
            n, keyword = found
            self._read_keyword(i, i + n - 1, keyword)
            i += n
        return self.mentions

    def _read_keyword(self, first: int, last: int, keyword: Keyword) -> None:
        words, lex = self.words, self.lex
        kind, mode = keyword.kind, keyword.reads
        if keyword.not_before and last + 1 < len(words) and words[last + 1] in keyword.not_before:
            return
        if mode == TOLL_VERB:
            # "the death toll from the bombing climbed to 47": a toll verb, if a toll was named.
            if not any(w in lex.toll_nouns for w in words[max(0, first - 20):first]):
                return
            mode = ACTIVE
        if mode != ACTIVE and self.noun_use(first):
            return
        if mode == ACTIVE and words[first] in lex.definite_articles and first > 0 and words[first - 1] in lex.background_before:
            return
        before = words[first - 1] if first > 0 else None
        active_aux = before in lex.active_auxiliaries
        shared_aux = before in lex.shared_auxiliary
        reads_right = (mode == PARTICIPLE and before not in lex.passive) or (
            mode == PARTICIPLE_NOUN and (active_aux or shared_aux)
        )
        if mode == ACTIVE or reads_right:
            after = last + 1
            while after < len(words) and words[after] in lex.also:
                after += 1
            chain = self._chain_right(after)
            if not chain and after + 1 < len(words) and words[after] in lex.verb_coordinators:
                shared = self.keyword_at(after + 1)
                if shared is not None and shared[1].reads in _SHARES_OBJECT:
                    chain = self._chain_right(after + 1 + shared[0])
                    if chain:
                        self.used.difference_update(range(chain[0][0].first, chain[-1][0].last + 1))
            if chain and shared_aux and not (active_aux or chain[0][0].np_words):
                chain = []
            if chain:
                self._emit(chain, kind, first, last)
                return
            if mode == ACTIVE or active_aux:
                return
        j = first - 1
        additional = False
        while j >= 0 and (words[j] in lex.skip_left
                          or (lex.adverb_ending.search(words[j]) and words[j] not in lex.number_words)):
            if words[j] in lex.additive:
                additional = True
            j -= 1
        if j < 0:
            return
        if words[j] == ",":
            # "Five people, including two children, were killed": the figure is before the aside.
            opener = next((k for k in range(j - 1, max(j - 15, 0), -1) if words[k] in (",", "(", ";", ".")), None)
            if opener is None or words[opener] != ",":
                return
            chain = self._chain_left(opener - 1, nominal=False)
            if chain and all(figure.last >= figure.first for figure, _ in chain):
                self._emit(chain, kind, first, last)
            return
        nominal = mode in (NOUN, PARTICIPLE_NOUN)
        chain = self._chain_left(j, nominal=(j == first - 1 and nominal))
        if chain:
            mentions = self._emit(chain, kind, first, last)
            if additional or keyword.additional:
                for m in mentions:
                    m.additional = True

    def _chain_left(self, end: int, nominal: bool) -> Chain:
        """Coordinated figures ending at ``end``: [(figure, is_breakdown)], left to right."""
        chain: Chain = []
        j = end
        while j >= 0:
            found = self.np_left(j)
            if found is None:
                break
            qi, np_words, implicit = found
            fig = Figure(qi, qi - 1, 1, "exact", [], False) if implicit else self.quantity_ending_at(qi)
            if fig is None:
                break
            fig.np_words = np_words
            if not self.valid(fig, nominal and not np_words and not chain):
                break
            if any(k in self.used for k in range(fig.first, fig.last + 1)):
                break
            chain.insert(0, (fig, self.partitive(fig)))
            k = fig.first - 1
            if k >= 0 and self.words[k] in self.lex.breakdown_before and k - 1 >= 0:
                total = self._chain_left(k - 1, nominal=False)
                if total:
                    chain = total + [(f, True) for f, _ in chain]
                break
            if k >= 1 and self.words[k] in self.lex.figure_joiners:
                j = k - 1
                continue
            break
        return chain

    def _chain_right(self, start: int) -> Chain:
        """Coordinated objects of an active verb: "killing a father and his two sons"."""
        chain: Chain = []
        words, lex = self.words, self.lex
        i, joiner = start, ""
        while i < len(words):
            first = i
            if words[i] in lex.determiners and i + 1 < len(words) and self.is_figure_start(i + 1):
                i += 1
            fig = self.quantity_starting_at(i)
            if fig is None:
                fig = self._implied_object(i, first_in_chain=not chain)
                if fig is None:
                    break
            else:
                nxt = fig.last + 1
                if nxt < len(words) and words[nxt] in lex.units:
                    break
                fig.np_words, fig.np_last = self.np_right(nxt)
                if not fig.np_words and nxt < len(words) and self.keyword_at(nxt) is not None:
                    break
                if not self.valid(fig, nominal=False, active=True):
                    break
                if chain and not fig.np_words and joiner == ",":
                    break
                fig.first = min(fig.first, first)
            k = max(fig.last, fig.np_last) + 1
            if chain and k < len(words) and (words[k] in lex.passive or words[k] in lex.skip_left
                                             or self.keyword_at(k) is not None):
                break
            chain.append((fig, False))
            if fig.article and k < len(words) and words[k] in lex.article_stops:
                break
            if k + 1 < len(words) and words[k] in lex.object_joiners and self.keyword_at(k + 1) is None:
                joiner = words[k]
                i = k + 1
                while i < len(words) and words[i] in lex.also:
                    i += 1
                continue
            break
        return chain

    def _implied_object(self, i: int, first_in_chain: bool) -> Figure | None:
        """One person named without a number: "killing the driver", "killed him", "killed Commander X"."""
        words, lex = self.words, self.lex
        if words[i] in lex.object_pronouns and (i + 1 >= len(words) or not self.np_word(i + 1)):
            return Figure(i, i, 1, "exact", [], False, i)
        if words[i] in lex.determiners:
            np_words, np_last = self.np_right(i + 1)
        elif (first_in_chain and self.text[self.tokens[i].start()].isupper()) or words[i] in lex.singular_persons:
            np_words, np_last = self.np_right(i)
            np_words = self.without_trailing_names(np_words, list(range(i, i + len(np_words))))
        else:
            return None
        if not singular_person(lex, np_words):
            return None
        return Figure(i, i, 1, "exact", np_words, False, np_last)

    def _emit(self, chain: Chain, kind: str, kw_first: int, kw_last: int) -> list[CasualtyMention]:
        made: list[CasualtyMention] = []
        for fig, is_breakdown in chain:
            made.append(self._mention(fig, kind, kw_first, kw_last, breakdown=is_breakdown))
        if chain and not any(b for _, b in chain):
            last_tok = max(kw_last, chain[-1][0].last, chain[-1][0].np_last)
            made.extend(self._breakdown_after(last_tok, kind, made))
        return made

    def _mention(self, fig: Figure, kind: str, kw_first: int, kw_last: int, breakdown: bool = False) -> CasualtyMention:
        if fig.first < kw_first:
            a, b = fig.first, kw_last
        else:
            a, b = kw_first, max(fig.last, fig.np_last)
        if breakdown:
            a, b = fig.first, max(fig.last, fig.np_last)
        for k in range(fig.first, fig.last + 1):
            self.used.add(k)
        start, end = self.tokens[a].start(), self.tokens[min(b, len(self.tokens) - 1)].end()
        mention = CasualtyMention(
            start=start, end=end, text=self.text[start:end], kind=kind, value=fig.value,
            qualifier=fig.qualifier, victims=victims(self.lex, fig.np_words),
            additional=any(w in self.lex.additive for w in fig.np_words), breakdown=breakdown,
        )
        self.mentions.append(mention)
        return mention

    def _opener_at(self, i: int) -> tuple[str, ...] | None:
        for phrase in self.lex.breakdown_openers:
            if tuple(self.words[i:i + len(phrase)]) == phrase:
                return phrase
        return None

    def _breakdown_after(self, last: int, kind: str, made: list[CasualtyMention]) -> list[CasualtyMention]:
        """Figures detailing the ones just read: "(8 soldats, 2 assaillants)", "including 3 ..."."""
        words, lex = self.words, self.lex
        i = last + 1
        opener = self._opener_at(i)
        comma = False
        if opener is None and i < len(words) and words[i] == ",":
            i += 1
            opener = self._opener_at(i)
            comma = opener is None
            if comma:
                opener = ()
        if opener is None:
            return []
        i += len(opener)
        figures: list[Figure] = []
        while i < len(words):
            fig = self.quantity_starting_at(i)
            if fig is None or any(k in self.used for k in range(fig.first, fig.last + 1)):
                break
            nxt = fig.last + 1
            if nxt < len(words) and words[nxt] in lex.units:
                break
            fig.np_words, fig.np_last = self.np_right(nxt)
            if not fig.np_words or not self.valid(fig, nominal=False):
                break
            figures.append(fig)
            i = fig.np_last + 1
            if i < len(words) and words[i] in lex.breakdown_joiners:
                i += 1
                continue
            break
        if not figures:
            if opener == ("(",):
                self._victims_in_parentheses(last + 2, made)
            return []
        if i < len(words) and self.keyword_at(i) is not None:
            return []
        stated = sum(m.value for m in made if not m.breakdown)
        if comma and sum(f.value for f in figures) != stated:
            return []
        return [self._mention(f, kind, f.first, f.last, breakdown=True) for f in figures]

    def _victims_in_parentheses(self, i: int, made: list[CasualtyMention]) -> None:
        """"3 morts et 2 blessés (soldats)": the parenthesis names the victims of both figures."""
        words = []
        while i < len(self.words) and self.words[i] not in (")", ".", ";") and len(words) < 6:
            words.append(self.words[i])
            i += 1
        group = victims(self.lex, words)
        if not group:
            return
        for mention in self.mentions:
            if not mention.victims and not mention.explicit_zero and mention.end <= self.tokens[i - 1].start():
                if mention.end >= made[0].start - 40:
                    mention.victims = group
