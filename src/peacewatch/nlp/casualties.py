"""Casualty figures (killed, injured, abducted, missing, arrested) in English and French reports.

Rule-based on purpose: a toll is a short, formulaic phrase ("12 people were killed", "killing
three soldiers", "10 morts (8 soldats, 2 assaillants)", "plus d'une centaine de blessés"), and
rules keep every figure's qualifier and victims together with its exact span. Each keyword is
read either to its left (passive participles, nouns: "three soldiers were killed", "12 dead")
or to its right (active verbs: "killing 12", "ont tué deux casques bleus"), then along
coordinations ("two soldiers and a civilian") and breakdowns ("dont", "including", "(...)").

``total`` turns the figures of one text into the one toll it states, without adding a total to
its own breakdown or two reports of the same deaths.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from peacewatch.nlp.fold import fold
from peacewatch.nlp.numbers import UNITS, approximate_words, number_words, parse_digits, parse_number_words

KINDS = ("killed", "injured", "abducted", "missing", "arrested")


@dataclass(slots=True)
class CasualtyMention:
    """One stated figure: how many, of what kind, who, and how precise the text is about it."""

    start: int
    end: int
    text: str
    kind: str
    value: int
    qualifier: str = "exact"
    victims: str = ""
    explicit_zero: bool = False
    breakdown: bool = False
    """This figure details a total stated just before ("10 morts (8 soldats, 2 assaillants)")."""
    additional: bool = False
    """The text marks it as adding to earlier figures ("also", "another", "cinq autres")."""
    sentence: int = 0
    """Index of the sentence it is in, so that ``total`` can tell restatements from additions."""
    background: bool = False
    """A cumulative or earlier figure ("since 2012", "last year", "so far"), not this event's toll."""
    revises: bool = False
    """Its sentence gives a new or overall toll ("rose to", "in total", "nouveau bilan")."""
    superseded: bool = False
    """A first or earlier toll ("un premier bilan faisait état de ..."): used only if no other."""


_NUMBER_PARTS = [
    r"\d{1,3}(?:,\d{3})+(?!\d)",
    r"\d{1,3}(?:[\u00a0\u202f]\d{3})+(?!\d)",
    r"\d+",
]
_WORD_PARTS = [
    r"(?:qu|[a-z])'(?=\w)",
    r"[^\W\d_]+(?:-[^\W\d_]+)*",
]


def _token_pattern(number_parts: list[str]) -> re.Pattern[str]:
    """Numbers, words (elided articles first) and single punctuation marks; each kind tried only
    where its first character is, which is what trying them all in that order finds."""
    return re.compile(
        r"(?=\d)(?:" + "|".join(number_parts) + r")|(?=[^\W\d_])(?:" + "|".join(_WORD_PARTS) + r")|[^\w\s]"
    )


_TOKEN = {
    "en": _token_pattern(_NUMBER_PARTS),
    # French also writes thousands with a plain space ("1 200 déplacés").
    "fr": _token_pattern([r"\d{1,3}(?: \d{3})+(?!\d)"] + _NUMBER_PARTS),
}


def _tokenize(folded: str, language: str | None) -> list[re.Match[str]]:
    """Word, number and punctuation tokens as the matches themselves (offsets by ``start()``,
    ``end()``): a text has a thousand of them, and a record per token cost more than reading them."""
    return list(_TOKEN["en" if language == "en" else "fr"].finditer(folded))


# Keyword phrases: (folded words, kind, mode). Modes: "P" participle (left, or right when used
# actively), "N" noun / intransitive (left only), "A" active (right only), "T" a verb that gives
# a toll named just before ("the toll ... climbed to 47"), read like "A".
_KEYWORDS_EN: list[tuple[str, str, str]] = [
    ("died of his wounds", "killed", "N"), ("died of her wounds", "killed", "N"),
    ("died of their wounds", "killed", "N"), ("died of his injuries", "killed", "N"),
    ("died of her injuries", "killed", "N"), ("died of their injuries", "killed", "N"),
    ("died from his wounds", "killed", "N"), ("died from their wounds", "killed", "N"),
    ("died from his injuries", "killed", "N"), ("died from their injuries", "killed", "N"),
    ("succumbed to his wounds", "killed", "N"), ("succumbed to her wounds", "killed", "N"),
    ("succumbed to their wounds", "killed", "N"), ("succumbed to his injuries", "killed", "N"),
    ("succumbed to her injuries", "killed", "N"), ("succumbed to their injuries", "killed", "N"),
    ("succumbed", "killed", "N"),
    ("lost their lives", "killed", "N"), ("lost his life", "killed", "N"),
    ("lost her life", "killed", "N"), ("lost their life", "killed", "N"),
    ("fatally wounded", "killed", "P"), ("fatally injured", "killed", "P"),
    ("fatally shot", "killed", "P"), ("shot dead", "killed", "P"), ("shot and killed", "killed", "P"),
    ("claiming the lives of", "killed", "A"), ("claimed the lives of", "killed", "A"),
    ("the death of", "killed", "A"), ("the deaths of", "killed", "A"),
    ("the killing of", "killed", "A"), ("death toll of", "killed", "A"),
    ("climbed to", "killed", "T"), ("rose to", "killed", "T"), ("risen to", "killed", "T"),
    ("increased to", "killed", "T"), ("reached", "killed", "T"), ("stands at", "killed", "T"),
    ("put the dead at", "killed", "A"), ("put the death toll at", "killed", "A"),
    ("put the toll at", "killed", "A"), ("put the number of dead at", "killed", "A"),
    ("death toll rose to", "killed", "A"), ("death toll has risen to", "killed", "A"),
    ("death toll rises to", "killed", "A"), ("death toll stands at", "killed", "A"),
    ("death toll stood at", "killed", "A"), ("death toll reached", "killed", "A"),
    ("death toll climbed to", "killed", "A"), ("death toll is", "killed", "A"), ("the bodies of", "killed", "A"),
    ("the corpses of", "killed", "A"), ("the body of", "killed", "A"), ("the corpse of", "killed", "A"),
    ("killed", "killed", "P"), ("killing", "killed", "A"), ("kill", "killed", "A"),
    ("dead", "killed", "N"), ("deaths", "killed", "N"), ("death", "killed", "N"),
    ("died", "killed", "N"), ("fatalities", "killed", "N"), ("fatality", "killed", "N"),
    ("perished", "killed", "N"),
    ("executed", "killed", "P"), ("slain", "killed", "P"), ("massacred", "killed", "P"),
    ("beheaded", "killed", "P"), ("murdered", "killed", "P"), ("assassinated", "killed", "P"),
    ("lynched", "killed", "P"), ("bodies", "killed", "N"), ("shot to death", "killed", "P"),
    ("burned alive", "killed", "P"), ("burnt alive", "killed", "P"), ("burned to death", "killed", "P"),
    ("neutralised", "killed", "P"), ("neutralized", "killed", "P"), ("eliminated", "killed", "P"),
    ("wounded", "injured", "P"), ("injured", "injured", "P"), ("hurt", "injured", "P"),
    ("wounding", "injured", "A"), ("injuring", "injured", "A"), ("injuries", "injured", "N"),
    ("taken hostage", "abducted", "P"), ("abducted", "abducted", "P"),
    ("kidnapped", "abducted", "P"), ("abducting", "abducted", "A"),
    ("kidnapping of", "abducted", "A"), ("abduction of", "abducted", "A"),
    ("kidnapping", "abducted", "A"),
    ("unaccounted for", "missing", "N"), ("missing", "missing", "N"),
    ("disappeared", "missing", "N"),
    ("taken prisoner", "arrested", "P"), ("arrested", "arrested", "P"),
    ("detained", "arrested", "P"), ("captured", "arrested", "P"),
    ("apprehended", "arrested", "P"), ("arresting", "arrested", "A"),
    ("detaining", "arrested", "A"), ("capturing", "arrested", "A"),
    ("arrest of", "arrested", "A"), ("arrests", "arrested", "N"),
]
_KEYWORDS_FR: list[tuple[str, str, str]] = [
    ("a succombe a ses blessures", "killed", "N"), ("ont succombe a leurs blessures", "killed", "N"),
    ("succombe a ses blessures", "killed", "N"), ("succombe a leurs blessures", "killed", "N"),
    ("sont decedes des suites de leurs blessures", "killed", "N"),
    ("est decede des suites de ses blessures", "killed", "N"),
    ("succombe", "killed", "N"),
    ("ont perdu la vie", "killed", "N"), ("a perdu la vie", "killed", "N"),
    ("perdu la vie", "killed", "N"), ("ont trouve la mort", "killed", "N"),
    ("a trouve la mort", "killed", "N"), ("trouve la mort", "killed", "N"),
    ("mortellement blesses", "killed", "P"), ("mortellement blesse", "killed", "P"),
    ("coute la vie a", "killed", "A"), ("la mort de", "killed", "A"),
    ("s'eleve a", "killed", "T"), ("s'elevait a", "killed", "T"), ("est passe a", "killed", "T"),
    ("passe a", "killed", "T"), ("atteint", "killed", "T"), ("les corps de", "killed", "A"), ("les corps sans vie de", "killed", "A"),
    ("le corps sans vie de", "killed", "A"), ("les cadavres de", "killed", "A"),
    ("tue", "killed", "P"), ("tues", "killed", "P"), ("tuee", "killed", "P"),
    ("tuees", "killed", "P"), ("tuant", "killed", "A"),
    ("morts", "killed", "N"), ("mortes", "killed", "N"), ("mort", "killed", "N"),
    ("deces", "killed", "N"), ("decede", "killed", "N"), ("decedes", "killed", "N"),
    ("peri", "killed", "N"), ("perissent", "killed", "N"), ("corps", "killed", "N"),
    ("decedee", "killed", "N"), ("decedees", "killed", "N"),
    ("executes", "killed", "P"), ("execute", "killed", "P"), ("assassines", "killed", "P"),
    ("assassine", "killed", "P"), ("abattus", "killed", "P"), ("abattu", "killed", "P"),
    ("egorges", "killed", "P"), ("massacres", "killed", "P"), ("cadavres", "killed", "N"),
    ("neutralises", "killed", "P"), ("neutralise", "killed", "P"), ("neutralisees", "killed", "P"),
    ("elimines", "killed", "P"), ("elimine", "killed", "P"), ("brules vifs", "killed", "P"),
    ("brule vif", "killed", "P"),
    ("blesses", "injured", "P"), ("blesse", "injured", "P"), ("blessee", "injured", "P"),
    ("blessees", "injured", "P"), ("blessant", "injured", "A"),
    ("pris en otage", "abducted", "P"), ("pris en otages", "abducted", "P"),
    ("prises en otage", "abducted", "P"), ("enleves", "abducted", "P"),
    ("enleve", "abducted", "P"), ("enlevee", "abducted", "P"), ("enlevees", "abducted", "P"),
    ("kidnappes", "abducted", "P"), ("kidnappe", "abducted", "P"),
    ("enlevant", "abducted", "A"), ("l'enlevement de", "abducted", "A"),
    ("portes disparus", "missing", "N"), ("portees disparues", "missing", "N"),
    ("porte disparu", "missing", "N"), ("disparus", "missing", "N"),
    ("disparues", "missing", "N"), ("disparu", "missing", "N"),
    ("faits prisonniers", "arrested", "P"), ("fait prisonnier", "arrested", "P"),
    ("prisonniers", "arrested", "N"), ("arretes", "arrested", "P"), ("arrete", "arrested", "P"),
    ("arretees", "arrested", "P"), ("interpelles", "arrested", "P"),
    ("interpelle", "arrested", "P"), ("apprehendes", "arrested", "P"),
    ("capturant", "arrested", "A"), ("arretant", "arrested", "A"),
    ("l'arrestation de", "arrested", "A"), ("l'interpellation de", "arrested", "A"),
]


def _compile(entries: list[tuple[str, str, str]]) -> list[tuple[tuple[str, ...], str, str]]:
    split = [(tuple(_split_phrase(p)), kind, mode) for p, kind, mode in entries]
    return sorted(split, key=lambda e: -len(e[0]))


def _split_phrase(phrase: str) -> list[str]:
    return [t.group(0) for t in re.finditer(r"(?:qu|[a-z])'|[^\s']+", phrase)]


_KEYWORDS = {"en": _compile(_KEYWORDS_EN), "fr": _compile(_KEYWORDS_FR)}
_KEYWORDS[None] = sorted(_KEYWORDS["en"] + _KEYWORDS["fr"], key=lambda e: -len(e[0]))  # type: ignore[index]
_KEYWORDS_BY_FIRST: dict[str | None, dict[str, list[tuple[tuple[str, ...], str, str]]]] = {}
for _language, _entries in _KEYWORDS.items():
    _KEYWORDS_BY_FIRST[_language] = {}
    for _entry in _entries:
        _KEYWORDS_BY_FIRST[_language].setdefault(_entry[0][0], []).append(_entry)

_BACKGROUND = {"for", "against", "over", "about", "after", "following", "since", "before", "avenge",
               "condemn", "condemned", "denounce", "denounced", "pour", "contre", "apres", "avant",
               "depuis", "suite", "venger", "denoncer", "condamner"}
"""Words before "the killing of ..." that make it the background of another event."""
_PASSIVE_AUX = {"were", "was", "been", "be", "being", "are", "is", "ete", "etre"}
_ACTIVE_AUX_FR = {"a", "ont", "avait", "avaient", "avoir", "aurait", "auraient", "ayant"}
_LEFT_SKIP = {
    # English auxiliaries and hedges between a figure and its participle
    "were", "was", "are", "is", "be", "been", "being", "have", "has", "had", "reportedly",
    "reported", "also", "allegedly", "later", "all", "subsequently", "eventually", "then", "who",
    "apparently", "initially", "said", "to", "left", "confirmed", "found", "still", "now",
    "estimated", "believed", "thought", "feared", "likely", "went", "gone", "probably",
    "presumably",
    # French
    "ont", "a", "ete", "sont", "est", "etaient", "etait", "auraient", "aurait", "seraient",
    "serait", "avaient", "avait", "egalement", "aussi", "tous", "toutes", "y", "qui", "se", "s'",
    "en", "toujours", "encore", "retrouve", "retrouves", "retrouvee", "retrouvees",
}
_ADDITIVE = {"also", "another", "other", "others", "more", "additional", "further", "egalement",
             "aussi", "autre", "autres", "supplementaires", "supplementaire"}
_QUALIFIERS: list[tuple[tuple[str, ...], str]] = sorted(
    [
        (("at", "least"), "at_least"), (("more", "than"), "more_than"), (("over",), "more_than"),
        (("nearly",), "nearly"), (("almost",), "nearly"), (("close", "to"), "nearly"),
        (("about",), "about"), (("around",), "about"), (("some",), "about"),
        (("approximately",), "about"), (("roughly",), "about"), (("an", "estimated"), "about"),
        (("up", "to"), "up_to"), (("as", "many", "as"), "up_to"), (("no", "fewer", "than"), "at_least"),
        (("au", "moins"), "at_least"), (("pas", "moins", "de"), "at_least"),
        (("pas", "moins", "d'"), "at_least"), (("plus", "de"), "more_than"),
        (("plus", "d'"), "more_than"), (("pres", "de"), "nearly"), (("pres", "d'"), "nearly"),
        (("presque",), "nearly"), (("environ",), "about"), (("quelque",), "about"),
        (("jusqu'", "a"), "up_to"), (("a", "peu", "pres"), "about"),
    ],
    key=lambda q: -len(q[0]),
)
_MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet",
    "aout", "septembre", "octobre", "novembre", "decembre",
}
_UNITS = {
    "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours",
    "minute", "minutes", "km", "kilometres", "kilometers", "kilometre", "kilometer", "miles",
    "m", "metres", "meters", "jour", "jours", "semaine", "semaines", "mois", "an", "ans",
    "annee", "annees", "heure", "heures", "h", "metre", "%", "percent", "pour", "cent", "fcfa",
    "cfa", "tons", "tonnes", "vehicles", "vehicules", "motorcycles", "motos", "trucks", "camions",
    "cattle", "head", "tetes", "betail", "houses", "maisons", "rockets", "roquettes", "shells",
    "obus", "mortars", "weapons", "armes", "ieds", "mines", "oxen", "cows", "goats", "sheep",
    "camels", "animals", "livestock", "bovins", "boeufs", "chevres", "moutons", "chameaux",
    "animaux",
}
_STOP = _MONTHS | _UNITS | {
    "in", "at", "on", "by", "near", "from", "to", "with", "for", "after", "before", "during",
    "since", "into", "against", "between", "when", "while", "where", "as", "than", "if",
    "dans", "au", "aux", "apres", "avant", "depuis", "pendant", "par", "pres", "sur", "lors",
    "contre", "entre", "vers", "chez", "pour", "avec", "lorsque", "quand", "dont", "ou",
    "attack", "attacks", "ambush", "explosion", "blast", "clash", "clashes", "fighting", "ied",
    "raid", "strike", "number", "bombing", "incident", "attaque", "attaques", "embuscade",
    "affrontement", "affrontements", "combats", "assaut", "frappe", "toll", "bilan", "ied",
    "there", "it", "this", "that", "which", "il", "ils", "elle", "ce", "cet", "cette", "ces",
    "no", "not", "aucun", "aucune", "pas", "ne", "n'", "sans", "without", "and", "et", "or",
    "but", "mais", "the", "le", "la", "les", "l'",
} | _PASSIVE_AUX | _LEFT_SKIP
_NP_CONNECTORS = {"of", "de", "d'", "des", "du", "the", "la", "le", "les", "l'", "including", "notamment"}
_ALLOWED_ED_ING = {"armed", "unarmed", "unidentified", "suspected", "presumed", "alleged",
                   "uniformed", "displaced", "unnamed", "retired", "affiliated", "including",
                   "wounded", "injured", "suspected", "hundred"}
_ARTICLES_BY_LANGUAGE = {
    "en": {"a": 1, "an": 1, "another": 1, "both": 2, "one": 1},
    "fr": {"un": 1, "une": 1},
}
_ARTICLES = {**_ARTICLES_BY_LANGUAGE["en"], **_ARTICLES_BY_LANGUAGE["fr"]}
_EXPLICIT_ARTICLES = {"one", "another", "both"}
_BREAKDOWN_OPENERS: list[tuple[str, ...]] = sorted(
    [("including",), ("among", "them"), ("among", "whom"), ("of", "whom"), ("dont",),
     ("parmi", "lesquels"), ("parmi", "lesquelles"), ("parmi", "eux"), ("notamment",), ("soit",),
     ("namely",), ("(",), (":",), ("-",)],
    key=lambda o: -len(o),
)
_JOINERS = {"and", "et", ",", "&", "plus"}

_VICTIMS: dict[str, str] = {}
for _group, _words in {
    "soldiers": "soldier soldiers troop troops trooper troopers servicemen serviceman military "
                "army fama militaire militaires soldat soldats officer officers forces recruits "
                "recrues legionnaire legionnaires commando commandos",
    "police": "police policeman policemen gendarme gendarmes policier policiers douanier douaniers "
              "customs guard guards garde gardes",
    "peacekeepers": "peacekeeper peacekeepers casques helmets minusma onu",
    "attackers": "aggressor aggressors agresseur agresseurs attacker attackers assailant assailants militant militants jihadist jihadists "
                 "djihadiste djihadistes jihadiste jihadistes terrorist terrorists terroriste "
                 "terroristes gunmen gunman insurgent insurgents fighter fighters combattant "
                 "combattants rebel rebels rebelle rebelles assaillant assaillants bandit bandits "
                 "bomber bombers kamikaze kamikazes islamist islamists islamiste islamistes "
                 "suspects suspect assaillans assailans",
    "civilians": "civilian civilians civil civils villager villagers villageois woman women femme "
                 "femmes child children enfant enfants shepherd shepherds herder herders berger "
                 "bergers trader traders commercant commercants passenger passengers passager "
                 "passagers worker workers travailleur travailleurs student students eleve eleves "
                 "farmer farmers cultivateur cultivateurs paysan paysans teacher teachers "
                 "enseignant enseignants marketgoers forains forain civile civiles",
}.items():
    for _w in _words.split():
        _VICTIMS[_w] = _group
_PERSONS = set(_VICTIMS) | set(
    "person persons people man men boy boys girl girls youth youths individual individuals member "
    "members official officials leader leaders chief chiefs mayor mayors driver drivers imam "
    "marabout personne personnes homme hommes jeune jeunes individu individus membre membres "
    "responsable responsables chef chefs maire maires chauffeur chauffeurs agent agents notable "
    "notables conseiller conseillers elu elus victim victims victime victimes father son brother "
    "pere fils frere relative relatives parent parents hostage hostages otage otages guide "
    "resident residents fisherman fishermen shopkeeper merchant merchants commander commanders "
    "sergeant contractor herdsman herdsmen hunter hunters dozo dozos informer informers elder "
    "elders parachutist councilman councilor councillor official employee employees journalist "
    "judge prefect deputy politician nurse doctor pilot cleric preacher secretary president "
    "director coordinator nomad nomads pastoralist pastoralists businessman cadre cadres "
    "chasseur chasseurs gardien gardiens infirmier medecin pecheur pecheurs boutiquier marchand "
    "marchands garcon fille prefet sous-prefet depute commandant commandants sergent adjudant "
    "lieutenant capitaine colonel general aggressor aggressors agresseur agresseurs planter "
    "planters apprentice apprentices thief thieves subprefect veterinarian associate bodyguard "
    "fulani fulanis peul peuls peulh peulhs dogon dogons bozo bozos tuareg tuaregs touareg "
    "touaregs bambara bambaras arab arabs arabe arabes songhai songhay sonrai imghad malinke "
    "dawsahak daoussahak mossi bella bellah senoufo minianka adjoint adjoints assistant".split()
)
_PLURAL_PERSONS = {"people", "men", "women", "children", "gunmen", "troops", "forces", "youths",
                   "herdsmen", "fishermen", "personnes"}
_PLURAL_ONLY = {"people", "men", "women", "children", "gunmen", "police", "troops", "forces",
                "youths", "herdsmen", "fishermen", "villageois", "personnes", "dozos", "army",
                "military", "fama", "minusma", "onu", "customs", "helmets", "casques"}
_SINGULAR_PERSONS = {
    w for w in _PERSONS
    if w not in _PLURAL_ONLY and not (w.endswith("s") and w[:-1] in _PERSONS)
} | {"he", "she", "il", "elle"}
_THINGS = set(
    "engin engins explosif explosifs device devices vehicle vehicule truck camion moto motorbike "
    "motorcycle weapon arme cache stock depot base camp position poste checkpoint bomb bombe mine "
    "ied pickup convoy convoi car voiture drone obus shell rocket roquette".split()
)
"""Objects that verbs such as "neutralised" or "captured" also take: never a casualty."""
_DETERMINERS = {"the", "his", "her", "its", "le", "la", "l'", "son", "sa", "this", "ce", "cet", "cette"}


@dataclass(slots=True)
class _Figure:
    first: int
    last: int
    value: int
    qualifier: str
    np_words: list[str]
    article: bool
    np_last: int = -1
    """Last token of a noun phrase read to the right of the quantity (-1 when none)."""


class _Reader:
    """Reads the figures of one text; holds its tokens and the language's tables."""

    def __init__(self, text: str, language: str | None) -> None:
        self.text = text
        self.language = language if language in ("en", "fr") else None
        self.folded = fold(text)
        self.tokens = _tokenize(self.folded, self.language)
        self.words = [t.group() for t in self.tokens]
        self.numbers = number_words(self.language)
        self.articles = _ARTICLES_BY_LANGUAGE.get(self.language or "", _ARTICLES)
        phrases = sorted(approximate_words(self.language).items(), key=lambda kv: -len(kv[0]))
        self.approx = {tuple(_split_phrase(k)): v for k, v in phrases}
        self.used: set[int] = set()
        self.mentions: list[CasualtyMention] = []
        self._keyword_cache: dict[int, tuple[int, str, str] | None] = {}

    # -- quantities -----------------------------------------------------------------------
    def _is_number_word(self, i: int) -> bool:
        word = self.words[i]
        return all(p in self.numbers for p in word.split("-") if p) and bool(word.strip("-"))

    def _digit_ok(self, i: int) -> bool:
        """Digits that are not a day of month or a year."""
        words = self.words
        if i + 1 < len(words) and (words[i + 1] in _MONTHS or words[i + 1] in ("er", "/")):
            return False
        if i > 0 and words[i - 1] in {"/", "resolution", "n", "no", "numero", "°"}:
            return False
        if i > 0 and words[i - 1] in _MONTHS and not (i > 1 and self.words[i - 2][0].isdigit()):
            return False
        if len(words[i]) == 4 and words[i][:2] in ("19", "20"):
            return False
        return True

    def _qualifier_before(self, i: int) -> tuple[int, str]:
        """Start index and qualifier of a qualifier phrase ending just before token i."""
        for phrase, qualifier in _QUALIFIERS:
            n = len(phrase)
            if i - n >= 0 and tuple(self.words[i - n:i]) == phrase:
                return i - n, qualifier
        return i, "exact"

    def quantity_ending_at(self, j: int) -> _Figure | None:
        """A quantity whose last token is j (read leftwards), with its qualifier."""
        if j < 0:
            return None
        words = self.words
        first, value, qualifier, article = j, None, "exact", False
        if words[j] in ("of", "de", "d'") and j > 0:
            for phrase, approx in self.approx.items():
                n = len(phrase)
                if j - n >= 0 and tuple(words[j - n:j]) == phrase:
                    first, value, qualifier = j - n, approx.value, approx.qualifier
                    if first > 0 and words[first - 1] in ("plusieurs",):
                        first -= 1
                    break
            if value is None:
                return None
        elif self.words[j][0].isdigit():
            if not self._digit_ok(j):
                return None
            value = parse_digits(self.text[self.tokens[j].start():self.tokens[j].end()])
        elif self._is_number_word(j) and (
            words[j] not in ("un", "une", "one")
            or (j >= 2 and _joined_number(words[j - 2], words[j - 1], words[j]))
            or (j >= 1 and words[j - 1] in ("cent", "mille") and words[j] != "one")
        ):
            first = j
            while first - 1 >= 0 and (
                (self._is_number_word(first - 1) and words[first - 1] not in ("un", "une"))
                or (first >= 2 and _joined_number(words[first - 2], words[first - 1], words[first]))
                or (words[first - 1] in ("a",) and self.language != "fr" and words[first] in ("hundred", "thousand"))
            ):
                first -= 2 if words[first - 1] in ("and", "et") else 1
            value = parse_number_words(words[first:j + 1], self.language)
        elif words[j] in self.articles:
            value = self.articles[words[j]]
            article = words[j] not in _EXPLICIT_ARTICLES and not (
                0 < j < len(words) - 1 and words[j + 1] == "autre" and words[j - 1] == "et"
            )
            if words[j] == "une" and j + 1 < len(words) and words[j + 1] in ("fois",):
                return None
        else:
            for phrase, approx in self.approx.items():
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
            words[first - 1] in ("or", "ou", "to", "a", "-")
            or (words[first - 1] in ("and", "et") and first >= 3 and words[first - 3] in ("between", "entre"))
        ) and (self.words[first - 2][0].isdigit() or self._is_number_word(first - 2)):
            low = self.quantity_ending_at(first - 2)
            if low is not None and not low.article:
                value, qualifier, first = min(value, low.value), "at_least", low.first
                if first >= 1 and words[first - 1] in ("between", "entre"):
                    first -= 1
        return _Figure(first, j, value, qualifier, [], article)

    def quantity_starting_at(self, i: int) -> _Figure | None:
        """A quantity whose first token is i (qualifier included), read rightwards."""
        words = self.words
        start, qualifier = i, "exact"
        for phrase, qual in _QUALIFIERS:
            if tuple(words[i:i + len(phrase)]) == phrase:
                qualifier, i = qual, i + len(phrase)
                break
        if i >= len(words):
            return None
        fig = None
        for phrase, approx in self.approx.items():
            n = len(phrase)
            if tuple(words[i:i + n]) == phrase:
                last = i + n - 1
                if last + 1 < len(words) and words[last + 1] in ("of", "de", "d'"):
                    last += 1
                fig = _Figure(start, last, approx.value, approx.qualifier, [], False)
                break
        if fig is None:
            last = i
            if self.words[i][0].isdigit() or self._is_number_word(i) or words[i] in self.articles:
                if words[i] in ("a", "une", "un") and not (i + 1 < len(words) and words[i + 1] in ("hundred", "thousand")):
                    last = i
                else:
                    while last + 1 < len(words) and not self.words[i][0].isdigit() and (
                        (self._is_number_word(last + 1)
                         and (words[last + 1] not in ("un", "une") or words[last] in ("cent", "mille")))
                        or (last + 2 < len(words) and _joined_number(words[last], words[last + 1], words[last + 2]))
                    ):
                        last += 2 if words[last + 1] in ("and", "et") else 1
            found = self.quantity_ending_at(last)
            if found is None or found.first > i:
                return None
            fig = found
            fig.first = min(fig.first, start)
        if qualifier != "exact":
            fig.qualifier = qualifier
        fig.first = start
        nxt = fig.last + 1
        if nxt + 1 < len(words) and words[nxt] in ("or", "ou", "to", "a", "-") and (
            self.words[nxt + 1][0].isdigit() or self._is_number_word(nxt + 1)
        ):
            high = self.quantity_ending_at(nxt + 1)
            if high is not None and not high.article:
                fig.value, fig.last = min(fig.value, high.value), nxt + 1
                fig.qualifier = "at_least" if fig.qualifier == "exact" else fig.qualifier
        return fig

    # -- noun phrases ---------------------------------------------------------------------
    def _np_word(self, i: int) -> bool:
        word = self.words[i]
        if not word[0].isalpha() or word in _STOP:
            return False
        if self._keyword_at(i) and not self._noun_use(i):
            return False
        if self.language != "fr" and (word.endswith("ed") or word.endswith("ing")):
            return word in _ALLOWED_ED_ING
        return True

    def np_left(self, end: int) -> tuple[int, list[str], bool] | None:
        """A noun phrase ending at ``end`` read leftwards up to its quantity.

        Returns the quantity's last token index, the phrase's words and whether the quantity is
        only implied by a singular person noun ("the mayor of X was killed": one).
        """
        i, words, indexes = end, [], []
        while i >= 0 and len(words) <= 10:
            fig = self.quantity_ending_at(i)
            if fig is not None and fig.article and words and not any(_lexical(w) in _PERSONS for w in words):
                words.append(self.words[i])
                indexes.append(i)
                i -= 1
                continue
            if fig is not None and not (fig.article and i > 0 and self.words[i - 1] in _NP_CONNECTORS - {"including"}):
                before = self.words[fig.first - 2:fig.first]
                if len(before) == 2 and before[1] in ("the", "les", "ces") and before[0] in ("of", "de", "d'entre", "parmi"):
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
            if word in ("'", '"', "\u2018", "\u201c", "\u201d"):
                i -= 1
                continue
            joins_names = word in ("and", "et", "&") and words and i > 0 and self._capitalised(i - 1) and self._capitalised(i + 1)
            if joins_names or (word in ("from", "in", "at", "near") and words and self._capitalised(i + 1)):
                words.append(word)
                indexes.append(i)
                i -= 1
                continue
            if word in _NP_CONNECTORS or self._np_word(i) or (word in ("he", "she", "il", "elle") and not words):
                words.append(word)
                indexes.append(i)
                i -= 1
                if word in ("he", "she", "il", "elle"):
                    break
                continue
            break
        words.reverse()
        indexes.reverse()
        if _singular_person(words) or _singular_person(self._without_trailing_names(words, indexes)):
            return i + 1, words, True
        return None

    def _partitive(self, fig: _Figure) -> bool:
        """"One of the two people killed", "two of their bodies": part of figures already given."""
        words = fig.np_words
        if words[:1] not in (["of"], ["d'entre"], ["parmi"]):
            return False
        inner_number = any(w.isdigit() or w in self.numbers for w in words[1:])
        return inner_number or (len(words) > 1 and words[1] in ("their", "them", "eux", "leurs"))

    def _capitalised(self, i: int) -> bool:
        return 0 <= i < len(self.tokens) and self.text[self.tokens[i].start()].isupper()

    def _without_trailing_names(self, words: list[str], indexes: list[int]) -> list[str]:
        """"commander Ahmed Ag X" -> "commander": a person noun followed only by a name."""
        for k in range(len(words) - 1, -1, -1):
            if words[k] in _SINGULAR_PERSONS:
                if k + 1 < len(words) and all(self._capitalised(t) for t in indexes[k + 1:]):
                    return words[:k + 1]
                break
        return words

    def np_right(self, start: int) -> tuple[list[str], int]:
        """Words of a noun phrase starting at ``start`` and the index of its last token.

        Follows "of (the)" complements and steps over a parenthesis without figures, so that
        "a chief of the X (Y) community and his three sons" reaches "and".
        """
        words: list[str] = []
        i, last = start, start - 1
        while i < len(self.words) and len(words) < 12:
            word = self.words[i]
            if word == "(" and words:
                close = next((k for k in range(i + 1, min(i + 12, len(self.words))) if self.words[k] == ")"), None)
                if close is None or any(
                    self.words[k][0].isdigit() or self._is_number_word(k) for k in range(i + 1, close)
                ):
                    break
                i = last = close
                i += 1
                continue
            if word in ("of", "de", "d'", "des", "du") and words:
                j = i + 1
                if j < len(self.words) and self.words[j] in ("the", "le", "la", "les", "l'"):
                    j += 1
                if j < len(self.words) and self._np_word(j):
                    words.extend(self.words[i:j])
                    i = j
                    continue
                break
            if not self._np_word(i) or (self.quantity_ending_at(i) is not None and not words):
                break
            words.append(word)
            last = i
            i += 1
        return words, last

    def _noun_use(self, i: int) -> bool:
        """"the wounded", "les morts": a keyword used as a noun for people already counted."""
        return i > 0 and self.words[i - 1] in ("the", "les")

    # -- keywords -------------------------------------------------------------------------
    def _keyword_at(self, i: int) -> tuple[int, str, str] | None:
        """The longest casualty keyword starting at token i: (length, kind, mode)."""
        if i not in self._keyword_cache:
            self._keyword_cache[i] = None
            if i < len(self.words):
                for phrase, kind, mode in _KEYWORDS_BY_FIRST[self.language].get(self.words[i], ()):  # type: ignore[index]
                    if tuple(self.words[i:i + len(phrase)]) == phrase:
                        self._keyword_cache[i] = (len(phrase), kind, mode)
                        break
        return self._keyword_cache[i]

    def _valid(self, fig: _Figure, nominal: bool, active: bool = False) -> bool:
        """An article counts as "one" only before a person ("a soldier"), or after an active verb."""
        if fig.article:
            if not fig.np_words:
                return nominal
            if any(w in _THINGS for w in fig.np_words):
                return False
            return active or _lexical(_head(fig.np_words)) in _PERSONS
        return True

    def read(self) -> list[CasualtyMention]:
        starters = _KEYWORDS_BY_FIRST[self.language]  # type: ignore[index]
        i = 0
        while i < len(self.words):
            found = self._keyword_at(i) if self.words[i] in starters else None
            if found is None:
                i += 1
                continue
            n, kind, mode = found
            self._read_keyword(i, i + n - 1, kind, mode)
            i += n
        self._read_zeros()
        self.mentions.sort(key=lambda m: m.start)
        return self.mentions

    def _read_keyword(self, first: int, last: int, kind: str, mode: str) -> None:
        words = self.words
        if words[first] == "missing" and last + 1 < len(words) and words[last + 1] in ("from",):
            return
        if mode == "T":
            # "the death toll from the bombing climbed to 47": a toll verb, if a toll was named.
            if not any(w in ("toll", "bilan") for w in words[max(0, first - 20):first]):
                return
            mode = "A"
        if mode != "A" and self._noun_use(first):
            return
        if mode == "A" and words[first] in ("the", "la", "l'", "les", "le") and first > 0 and words[first - 1] in _BACKGROUND:
            return
        passive = first > 0 and words[first - 1] in _PASSIVE_AUX
        active_fr = first > 0 and words[first - 1] in _ACTIVE_AUX_FR and self.language != "en"
        elided_fr = self.language == "fr" and first > 0 and words[first - 1] in ("et", ",")
        if mode == "A" or (mode == "P" and (active_fr or elided_fr or (self.language != "fr" and not passive))):
            after = last + 1
            while after < len(words) and words[after] in ("also", "aussi", "egalement"):
                after += 1
            chain = self._chain_right(after)
            if not chain and after + 1 < len(words) and words[after] in ("and", "et", "or", "ou"):
                shared = self._keyword_at(after + 1)
                if shared is not None and shared[2] in ("A", "P"):
                    chain = self._chain_right(after + 1 + shared[0])
                    if chain:
                        self.used.difference_update(range(chain[0][0].first, chain[-1][0].last + 1))
            if chain and elided_fr and not (active_fr or chain[0][0].np_words):
                chain = []
            if chain:
                self._emit(chain, kind, first, last)
                return
            if mode == "A" or active_fr:
                return
        j = first - 1
        additional = False
        while j >= 0 and (words[j] in _LEFT_SKIP or (words[j].endswith("ly") and words[j] not in self.numbers)
                          or (words[j].endswith("ment") and self.language != "en")):
            if words[j] in _ADDITIVE:
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
        nominal = mode == "N" or (mode == "P" and self.language == "fr")
        chain = self._chain_left(j, nominal=(j == first - 1 and nominal))
        if chain:
            mentions = self._emit(chain, kind, first, last)
            if additional or _died_of_wounds(words[first:last + 1]):
                for m in mentions:
                    m.additional = True

    def _chain_left(self, end: int, nominal: bool) -> list[tuple[_Figure, bool]]:
        """Coordinated figures ending at ``end``: [(figure, is_breakdown)], left to right."""
        chain: list[tuple[_Figure, bool]] = []
        j = end
        while j >= 0:
            found = self.np_left(j)
            if found is None:
                break
            qi, np_words, implicit = found
            fig = _Figure(qi, qi - 1, 1, "exact", [], False) if implicit else self.quantity_ending_at(qi)
            if fig is None:
                break
            fig.np_words = np_words
            if not self._valid(fig, nominal and not np_words and not chain):
                break
            if any(k in self.used for k in range(fig.first, fig.last + 1)):
                break
            chain.insert(0, (fig, self._partitive(fig)))
            k = fig.first - 1
            if k >= 0 and self.words[k] in ("including", "dont", "notamment") and k - 1 >= 0:
                total = self._chain_left(k - 1, nominal=False)
                if total:
                    chain = total + [(f, True) for f, _ in chain]
                break
            if k >= 1 and self.words[k] in _JOINERS:
                j = k - 1
                continue
            break
        return chain

    def _chain_right(self, start: int) -> list[tuple[_Figure, bool]]:
        """Coordinated objects of an active verb: "killing a father and his two sons"."""
        chain: list[tuple[_Figure, bool]] = []
        words = self.words
        i, joiner = start, ""
        while i < len(words):
            first = i
            if words[i] in _DETERMINERS - {"this", "ce", "cet", "cette"} and i + 1 < len(words) and (
                self.words[i + 1][0].isdigit() or self._is_number_word(i + 1)
            ):
                i += 1
            fig = self.quantity_starting_at(i)
            if fig is None:
                fig = self._implied_object(i, first_in_chain=not chain)
                if fig is None:
                    break
            else:
                nxt = fig.last + 1
                if nxt < len(words) and words[nxt] in _UNITS:
                    break
                fig.np_words, fig.np_last = self.np_right(nxt)
                if not fig.np_words and nxt < len(words) and self._keyword_at(nxt) is not None:
                    break
                if not self._valid(fig, nominal=False, active=True):
                    break
                if chain and not fig.np_words and joiner == ",":
                    break
                fig.first = min(fig.first, first)
            k = max(fig.last, fig.np_last) + 1
            if chain and k < len(words) and (words[k] in _PASSIVE_AUX or words[k] in _LEFT_SKIP
                                             or self._keyword_at(k) is not None):
                break
            chain.append((fig, False))
            if fig.article and k < len(words) and words[k] == "number":
                break
            if k + 1 < len(words) and words[k] in _JOINERS | {"with", "avec"} and self._keyword_at(k + 1) is None:
                joiner = words[k]
                i = k + 1
                while i < len(words) and words[i] in ("also", "aussi", "egalement"):
                    i += 1
                continue
            break
        return chain

    def _implied_object(self, i: int, first_in_chain: bool) -> _Figure | None:
        """One person named without a number: "killing the driver", "killed him", "killed Commander X"."""
        words = self.words
        if words[i] in ("him", "l'", "le") and (words[i] == "him" or self.language == "fr") and (
            i + 1 >= len(words) or not self._np_word(i + 1)
        ):
            return _Figure(i, i, 1, "exact", [], False, i)
        if words[i] in _DETERMINERS - {"this", "ce", "cet", "cette"}:
            np_words, np_last = self.np_right(i + 1)
        elif (first_in_chain and self.text[self.tokens[i].start()].isupper()) or words[i] in _SINGULAR_PERSONS:
            np_words, np_last = self.np_right(i)
            np_words = self._without_trailing_names(np_words, list(range(i, i + len(np_words))))
        else:
            return None
        if not _singular_person(np_words):
            return None
        return _Figure(i, i, 1, "exact", np_words, False, np_last)

    def _emit(self, chain: list[tuple[_Figure, bool]], kind: str, kw_first: int, kw_last: int) -> list[CasualtyMention]:
        made: list[CasualtyMention] = []
        for fig, is_breakdown in chain:
            made.append(self._mention(fig, kind, kw_first, kw_last, breakdown=is_breakdown))
        if chain and not any(b for _, b in chain):
            last_tok = max(kw_last, chain[-1][0].last, chain[-1][0].np_last)
            made.extend(self._breakdown_after(last_tok, kind, made))
        return made

    def _mention(self, fig: _Figure, kind: str, kw_first: int, kw_last: int, breakdown: bool = False) -> CasualtyMention:
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
            qualifier=fig.qualifier, victims=_victims(fig.np_words),
            additional=any(w in _ADDITIVE for w in fig.np_words), breakdown=breakdown,
        )
        self.mentions.append(mention)
        return mention

    def _breakdown_after(self, last: int, kind: str, made: list[CasualtyMention]) -> list[CasualtyMention]:
        """Figures detailing the ones just read: "(8 soldats, 2 assaillants)", "including 3 ..."."""
        words = self.words
        i = last + 1
        opener = None
        for phrase in _BREAKDOWN_OPENERS:
            if tuple(words[i:i + len(phrase)]) == phrase:
                opener = phrase
                break
        comma = False
        if opener is None and i < len(words) and words[i] == ",":
            i += 1
            for phrase in _BREAKDOWN_OPENERS:
                if tuple(words[i:i + len(phrase)]) == phrase:
                    opener = phrase
                    break
            comma = opener is None
            if comma:
                opener = ()
        if opener is None:
            return []
        i += len(opener)
        figures: list[_Figure] = []
        while i < len(words):
            fig = self.quantity_starting_at(i)
            if fig is None or any(k in self.used for k in range(fig.first, fig.last + 1)):
                break
            nxt = fig.last + 1
            if nxt < len(words) and words[nxt] in _UNITS:
                break
            fig.np_words, fig.np_last = self.np_right(nxt)
            if not fig.np_words or not self._valid(fig, nominal=False):
                break
            figures.append(fig)
            i = fig.np_last + 1
            if i < len(words) and words[i] in (",", ";", "and", "et", "plus"):
                i += 1
                continue
            break
        if not figures:
            if opener == ("(",):
                self._victims_in_parentheses(last + 2, made)
            return []
        if i < len(words) and self._keyword_at(i) is not None:
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
        group = _victims(words)
        if not group:
            return
        for mention in self.mentions:
            if not mention.victims and not mention.explicit_zero and mention.end <= self.tokens[i - 1].start():
                if mention.end >= made[0].start - 40:
                    mention.victims = group

    def _read_zeros(self) -> None:
        zeros: dict[tuple[int, str], CasualtyMention] = {}
        patterns = _ZEROS[self.language]  # type: ignore[index]
        for (_, kinds), matches in zip(patterns, _zero_matches(self.folded, patterns)):
            for match in matches:
                for kind in kinds:
                    if any(z.kind == kind and z.start <= match.start() < z.end for z in zeros.values()):
                        continue
                    zeros[(match.start(), kind)] = (CasualtyMention(
                        start=match.start(), end=match.end(), text=self.text[match.start():match.end()],
                        kind=kind, value=0, qualifier="exact", explicit_zero=True,
                    ))
        self.mentions = [
            m for m in self.mentions
            if not any(z.start <= m.start < z.end or m.start <= z.start < m.end for z in zeros.values())
        ] + list(zeros.values())


def _lexical(word: str) -> str:
    """A word as the person lexicon lists it (plural "s"/"x" dropped when that is how it is listed)."""
    for form in (word, word[:-1]):
        if form in _PERSONS:
            return form
    return word


_FR_TENS = {"vingt", "trente", "quarante", "cinquante", "soixante"}


def _joined_number(left: str, joiner: str, right: str) -> bool:
    """"vingt et un", "soixante et onze", "two hundred and five": one number across a conjunction."""
    if joiner == "et":
        return left.split("-")[-1] in _FR_TENS and right in ("un", "une", "onze")
    if joiner == "and":
        return left in ("hundred", "thousand") and right in UNITS["en"]
    return False


def _died_of_wounds(keyword: list[str]) -> bool:
    """Deaths among the wounded are new deaths, never a restatement of the toll."""
    return keyword[0] in ("succumbed", "succombe") or bool({"wounds", "injuries", "blessures"} & set(keyword))


def _head(np_words: list[str]) -> str:
    """Last content word before any "of"/"including" complement: "members" in "members of X"."""
    head = ""
    for word in np_words:
        if word in ("of", "de", "d'", "des", "du", "including", "notamment"):
            break
        if word not in _DETERMINERS:
            head = word
    return head


def _singular_person(np_words: list[str]) -> bool:
    """A noun phrase naming one person without a number: "the mayor of X", "a Fulani herder"."""
    head_part = []
    for word in np_words:
        if word in ("of", "de", "d'", "des", "du", "including", "notamment"):
            break
        head_part.append(word)
    content = [w for w in head_part if w not in _DETERMINERS]
    if not content or any(w in _PLURAL_PERSONS or (w.endswith("s") and w[:-1] in _PERSONS) for w in content):
        return False
    return content[-1] in _SINGULAR_PERSONS


def _victims(np_words: list[str]) -> str:
    for word in reversed(np_words):
        for form in (word, word.rstrip("s"), word.rstrip("x")):
            if form in _VICTIMS:
                return _VICTIMS[form]
    return ""


_BOTH = ("killed", "injured")
_ZEROS_EN = [
    (r"\bno (?:reported )?(?:casualt(?:y|ies)|victims?|(?:human )?losses|loss of life|one (?:was )?(?:hurt|harmed))\b", _BOTH),
    (r"\bwithout (?:causing |making |any |reported )*(?:casualt(?:y|ies)|victims?|loss of life)\b", _BOTH),
    (r"\bno(?:body| one| one) (?:was |were )?(?:reportedly )?(?:hurt|harmed|injured or killed|killed or injured)\b", _BOTH),
    (r"\bno (?:deaths?|fatalit(?:y|ies)|one (?:was )?killed|one died|dead)\b", ("killed",)),
    (r"\bno (?:injur(?:y|ies)|one (?:was )?(?:injured|wounded)|wounded)\b", ("injured",)),
    (r"\bno (?:[a-z]+ ){1,2}(?:were|was) (?:reported )?killed\b", ("killed",)),
    (r"\bno (?:[a-z]+ ){1,2}(?:were|was) (?:reported )?(?:injured|wounded|hurt)\b", ("injured",)),
]
_ZEROS_FR = [
    (r"\b(?:sans (?:faire |causer |occasionner )?(?:de |aucune? )?|aucune? |pas de |ni )victimes?\b", _BOTH),
    (r"\b(?:n'a |n'ont |n'aurait |n'auraient )?fait aucune victime\b", _BOTH),
    (r"\baucune perte (?:en vies? humaines?|humaine)\b", _BOTH),
    (r"\bpas de pertes? (?:en vies? humaines?|humaines?)\b", _BOTH),
    (r"\b(?:aucun|pas de|sans faire de|sans) morts?\b", ("killed",)),
    (r"\baucune? (?:[a-z]+ ){1,2}n'a (?:ete tuee?|trouve la mort|perdu la vie)\b", ("killed",)),
    (r"\baucune? (?:[a-z]+ ){1,2}n'a ete blessee?\b", ("injured",)),
    (r"\b(?:aucun|pas de|sans faire de|sans) bless(?:e|es)\b", ("injured",)),
]
_ZEROS = {
    "en": [(re.compile(p), k) for p, k in _ZEROS_EN],
    "fr": [(re.compile(p), k) for p, k in _ZEROS_FR],
}
_ZEROS[None] = _ZEROS["en"] + _ZEROS["fr"]  # type: ignore[index]
_ZERO_START = re.compile(r"\b(?=no|without|sans|aucun|pas|ni|n'|fait)")
"""Where a "no casualties" phrase of either language can start (each pattern opens with one of these)."""


def _zero_matches(folded: str, patterns: list[tuple[re.Pattern[str], tuple[str, ...]]]) -> list[list[re.Match[str]]]:
    """Each pattern's matches as its own ``finditer`` gives them, each tried only where such a
    phrase can start: one scan of the text instead of one per pattern."""
    found: list[list[re.Match[str]]] = [[] for _ in patterns]
    resume = [0] * len(patterns)
    for spot in _ZERO_START.finditer(folded):
        at = spot.start()
        for k, (pattern, _) in enumerate(patterns):
            if at >= resume[k]:
                match = pattern.match(folded, at)
                if match:
                    found[k].append(match)
                    resume[k] = match.end()
    return found

_SENTENCE_END = re.compile(r"[.!?]+[\"')\]]*\s+|\n+")
_LAST_WORD = re.compile(r"(\w+)$")
_ABBREVIATIONS = {"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                  "dec", "mr", "dr", "st", "no", "lt", "col", "gen", "approx", "janv", "fevr",
                  "juil", "av", "env", "cf", "vs", "etc"}


def sentence_starts(text: str) -> list[int]:
    """Character offsets where sentences start (a light splitter, enough to group figures)."""
    starts = [0]
    for match in _SENTENCE_END.finditer(text):
        if match.group(0)[0] == ".":
            before = _LAST_WORD.search(text[max(0, match.start() - 40):match.start()])
            word = before.group(1) if before else ""
            if fold(word) in _ABBREVIATIONS or (len(word) == 1 and word.isupper()):
                continue
        starts.append(match.end())
    return starts


_BACKGROUND_TIME = re.compile(  # also recap sentences about other events
    r"\b(?:since|depuis)\s+(?:the\s+(?:start|beginning)|le\s+debut|(?:19|20)\d\d|l'an|l'annee|"
    r"janvier|january|\d+\s+(?:ans|years|mois|months))|\b(?:last|this|past)\s+year\b|"
    r"\bl'an(?:nee)?\s+(?:derniere?|passee?)\b|\bcette\s+annee\b|\bso\s+far\b|\bjusqu'ici\b|"
    r"\bto\s+date\b|\bit\s+follows\b|\bcomes\s+(?:after|days|weeks)\b|"
    r"\bsince\s+the\s+(?:attack|assault|massacre|bombing)\b|\bfait\s+suite\s+a\b|"
    r"\bintervient\s+(?:apres|quelques)\b|\bdepuis\s+l'(?:attaque|attentat|assaut)\b"
)
"""Time phrases that make a figure cumulative or past: "since 2012", "so far this year"."""
_SUPERLATIVE = re.compile(r"\b(?:deadliest|worst|bloodiest|largest|plus\s+meurtriere?|plus\s+lourde?|pire)\b")
"""Before a background phrase, it compares this event with the past ("the deadliest since 2012")."""


def _is_background(folded: str, start: int, end: int) -> bool:
    for match in _BACKGROUND_TIME.finditer(folded, start, end):
        if not _SUPERLATIVE.search(folded, start, match.start()):
            return True
    return False


_SUPERSEDED = re.compile(
    r"\b(?:first|initial|early|earlier|previous|preliminary)\s+(?:official\s+)?(?:toll|count|tally|figure|report)s?\b|"
    r"\b(?:had\s+earlier|earlier\s+(?:counted|put|reported|gave)|initially|at\s+first)\b|"
    r"\b(?:premier|precedent|ancien)\s+(?:bilan|decompte)\b|\bfaisait\s+etat\b|\binitialement\b"
)
"""Just before a figure: a toll the report says a later count replaced ("un premier décompte")."""
_REVISION = re.compile(
    r"\b(?:rose|risen|rises|climbed|increased|new|revised|final|updated|overall|in\s+total|total|"
    r"now\s+stands|nouveau|s'alourdit|alourdi|definitif|au\s+total|en\s+tout|passe\s+a|porte\s+a)\b"
)
"""A sentence that updates or totals the toll: its figure replaces earlier ones."""
_OTHER_SIDE = re.compile(
    r"[^.;]{0,40}?\b(?:in\s+(?:[\w-]+'s\s+|its\s+|their\s+)?(?:own\s+)?ranks|(?:its|their)\s+own\s+(?:men|ranks|fighters)|"
    r"dans\s+(?:ses|leurs)\s+(?:propres\s+)?rangs|on\s+the\s+other\s+side|de\s+l'autre\s+cote|"
    r"among\s+the\s+(?:attackers|assailants|militants)|parmi\s+les\s+assaillants|cote\s+assaillants?)\b"
)
"""Just after a figure: it counts the other side, so it adds to the toll already given."""


def find_casualties(text: str, language: str | None) -> list[CasualtyMention]:
    """Every casualty figure stated in ``text``, in text order, with qualifier and victims.

    ``victims`` is one of "soldiers", "police", "peacekeepers", "attackers", "civilians" or ""
    (not said, or only "people").
    """
    reader = _Reader(text, language)
    mentions = reader.read()
    starts = sentence_starts(text) + [len(text)]
    folded = reader.folded
    index = 0
    for mention in mentions:
        while index + 1 < len(starts) - 1 and starts[index + 1] <= mention.start:
            index += 1
        mention.sentence = index
        sentence = (starts[index], starts[index + 1])
        mention.background = _is_background(folded, *sentence)
        mention.superseded = bool(_SUPERSEDED.search(folded, max(sentence[0], mention.start - 80), mention.start))
        if _OTHER_SIDE.match(folded, mention.end, sentence[1]):
            mention.additional = True
        mention.revises = bool(_REVISION.search(folded, *sentence))
    return mentions


_LOOSENESS = ("vague", "at_least", "more_than", "about", "nearly", "up_to", "exact")


def _combine_qualifiers(qualifiers: list[str]) -> str:
    for qualifier in _LOOSENESS:
        if qualifier in qualifiers:
            return qualifier
    return "exact"


def _distinct(group: list[CasualtyMention]) -> list[CasualtyMention]:
    """Drop a figure that repeats an earlier one of the same sentence (same value and victims)."""
    kept: list[CasualtyMention] = []
    for mention in group:
        if not mention.additional and any(
            k.value == mention.value and k.victims == mention.victims
            and (k.end <= mention.start or mention.end <= k.start)
            for k in kept
        ):
            continue
        kept.append(mention)
    return kept


def total(mentions: list[CasualtyMention], kind: str) -> tuple[int, str]:
    """The toll of one kind the text states, with its qualifier ("unknown" when none is stated).

    Within a sentence distinct figures add up ("two soldiers and a civilian" = 3) but a breakdown
    never adds to its total ("10 morts (8 soldats, 2 assaillants)" = 10). A later sentence adds
    only when it is about other victims or says so ("also", "another", "in its own ranks"); after
    a figure for unspecified "people", only attackers count as other victims;
    otherwise it restates the toll: a sentence that updates or totals it ("rose to", "nouveau
    bilan", "in total") replaces it, and between disagreeing figures the lower one is kept, as
    ACLED keeps the most conservative. Background figures ("since 2012") never count, and a
    superseded first toll ("un premier décompte") only when the text gives no other.
    """
    figures = [m for m in mentions if m.kind == kind]
    if not figures:
        return 0, "unknown"
    positive = [m for m in figures if not m.explicit_zero and not m.breakdown and not m.background]
    positive = [m for m in positive if not m.superseded] or positive
    if not positive:
        return (0, "exact") if any(m.explicit_zero for m in figures) else (0, "unknown")
    by_sentence: dict[int, list[CasualtyMention]] = {}
    for mention in positive:
        by_sentence.setdefault(mention.sentence, []).append(mention)
    running, qualifiers = 0, []
    seen_groups: set[str] = set()
    for index in sorted(by_sentence):
        group = _distinct(by_sentence[index])
        value = sum(m.value for m in group)
        adds = running > 0 and all(
            m.additional
            or (m.victims and m.victims not in seen_groups and ("" not in seen_groups or m.victims == "attackers"))
            for m in group
        )
        if running == 0 or adds:
            running += value
            qualifiers.extend(m.qualifier for m in group)
        elif any(m.revises for m in group) or value < running:
            running = value
            qualifiers = [m.qualifier for m in group]
        seen_groups.update(m.victims for m in group)
    return running, _combine_qualifiers(qualifiers)
