"""English and French phrase patterns around place names: regions, distances, roads, titles.

Why a module of its own: matching, resolution and the finder all read the same phrases, and
keeping them together makes the two languages easy to compare and extend.
"""

import re

SEPARATOR = re.compile(r"[ \t\u00a0]?[-'’‘`]?[ \t\u00a0]?|[ \t\u00a0]")

REGION_BEFORE = re.compile(
    r"(?:\b(?:the\s+)?(?P<kind>region|r[ée]gion|cercle|commune|district|province|circle)\s+"
    r"(?:of\s+|de\s+la\s+|de\s+|du\s+|des\s+|d['’]\s*))$", re.IGNORECASE)

REGION_AFTER = re.compile(
    r"\s+(?P<kind>region|r[ée]gion|cercle|commune|district|province|circle)\b", re.IGNORECASE)

FILLER = re.compile(
    r"(?:\b(?:the\s+|la\s+|le\s+)?(?:town|city|village|locality|ville|localit[ée]|hamlet|"
    r"hameau|site|camp)\s+(?:of\s+|de\s+|d['’]\s*)?)$", re.IGNORECASE)

NEAR_BEFORE = re.compile(
    r"(?:\b(?:near|nearby|close\s+to|not\s+far\s+from|outside(?:\s+of)?|(?:the\s+)?outskirts\s+of|vicinity\s+of|"
    r"(?:the\s+)?areas?\s+(?:of|around)|around|surroundings\s+of|"
    r"(?:aux\s+)?environs\s+(?:de|d['’]|du)|(?:aux\s+)?alentours\s+(?:de|d['’]|du)|"
    r"pr[èe]s\s+(?:de|d['’]|du)|proche\s+(?:de|d['’]|du)|non\s+loin\s+(?:de|d['’]|du)|"
    r"[àa]\s+proximit[ée]\s+(?:de|d['’]|du)|p[ée]riph[ée]rie\s+(?:de|d['’]|du)|"
    r"(?:la\s+)?zone\s+(?:de|d['’]|du)|secteur\s+(?:de|d['’]|du)|vers|"
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?\s+of|"
    r"(?:au|[àa]\s+l['’])\s*(?:nord|sud|est|ouest)(?:-(?:est|ouest))?\s+(?:de|d['’]|du))\s*)$",
    re.IGNORECASE)

NEAR_AFTER = re.compile(r"\s+(?:area|outskirts|vicinity|surroundings|surrounding\s+areas?)\b",
                        re.IGNORECASE)

DISTANCE = re.compile(
    r"(?P<km>\d+(?:[.,]\d+)?)\s*-?\s*(?:km|kms|kilom[eè]tres?|kilometers?)\b"
    r"(?P<rest>(?:\s+[\w'’-]+){0,5}?)\s*$", re.IGNORECASE)

DISTANCE_IN = re.compile(r"(?P<km>\d+(?:[.,]\d+)?)\s*-?\s*(?:km|kms|kilom[eè]tres?|kilometers?)\b",
                         re.IGNORECASE)

DISTANCE_REST = re.compile(r"(?:of|from|de|d['’]|du|des|away\s+from|outside)$", re.IGNORECASE)

BETWEEN_BEFORE = re.compile(r"\b(?:between|entre)\s+$", re.IGNORECASE)

ROAD_BEFORE = re.compile(
    r"\b(?:road|route|axis|axe|highway|track|piste|tron[çc]on|stretch|way|itin[ée]raire)\s+"
    r"(?:(?:from|de|du|d['’]|between|entre|reliant|linking|connecting|joining)\s*)?$",
    re.IGNORECASE)

FROM_BEFORE = re.compile(r"\b(?:from|de|depuis)\s+$", re.IGNORECASE)

CONNECTOR = re.compile(r"^\s*(?:-|–|—|/|to|[àa]|and|et|&|vers)\s*$", re.IGNORECASE)

CONTEXT_GAP = re.compile(
    r"\s*(?:[(,;]|-\s|\s(?:in|dans|of|de)\s+(?:the\s+|la\s+|le\s+)?|"
    r"\s(?:area|zone|sector|neighbou?rhood|district|quarter)\s+of\s+)?\s*"
    r"(?:(?:the\s+|la\s+|le\s+)?(?:cercle|circle|region|r[ée]gion|commune|district|province)\s+"
    r"(?:of\s+|de\s+la\s+|de\s+|du\s+|d['’]\s*)?)?", re.IGNORECASE)

THE_BEFORE = re.compile(r"\b(?:in|across|throughout|of|from)\s+the\s+$", re.IGNORECASE)

NOUN_AFTER = re.compile(r"[\s-]+[a-z]")

QUARTER_BEFORE = re.compile(
    r"\b(?:quartiers?|neighbou?rhoods?|secteur)\s+(?:de\s+|d['’]\s*|du\s+|of\s+)?$", re.IGNORECASE)

QUARTER_OF = re.compile(r"\s+(?:[àa]|de|d['’]|of|in)\s*", re.IGNORECASE)

POSSESSIVE = re.compile(r"['’]s\s+")

LINKED = re.compile(
    r"\s*[,;]?\s*(?:\(\s*|(?:\(\s*)?(?:(?:about|some|environ|[àa])\s+)?\d+(?:[.,]\d+)?\s*-?\s*"
    r"(?:km|kms|kilom[eè]tres?|kilometers?)"
    r"(?:\s+[\w'’-]+){0,3}?\s+(?:of|from|de|d['’]|du)\s*|(?:near|close\s+to|not\s+far\s+from|outside|"
    r"pr[èe]s\s+(?:de\s+|d['’]\s*|du\s+)|non\s+loin\s+(?:de\s+|d['’]\s*|du\s+)|"
    r"[àa]\s+proximit[ée]\s+(?:de\s+|d['’]\s*|du\s+))\s*)(?:the\s+(?:town|village|city)\s+of\s+|"
    r"(?:la\s+)?(?:ville|localit[ée])\s+(?:de\s+|d['’]\s*))?", re.IGNORECASE)
"""What ties a place to a better-known one named just after it: "X near Y", "X (Y)", "X, 20 km
from Y", "X (20 km au nord de Y)", "X près de Y"."""

AREA_OF = re.compile(r"^\s+(?:area|zone|sector|neighbou?rhood|district|quarter)\s+of\s+$",
                      re.IGNORECASE)

ROAD_AFTER = re.compile(r"\s*(?:road|axis|highway|route|axe|stretch)\b", re.IGNORECASE)

REGION_WORDS = {"region": "region", "cercle": "cercle", "circle": "cercle", "commune": "commune",
                 "district": "region", "province": "region", "wilaya": "region"}

NOT_EVENT_BEFORE = re.compile(
    r"\b(?:mayor|maire|chief|chef|prefect|pr[ée]fet|governor|gouverneur|deputy|d[ée]put[ée]|"
    r"native|originaire|sous-pr[ée]fet|sub-?prefect|mp|councilman|councillor|conseiller|"
    r"ch[ée]rif|sharif|[ée]mir)\s+"
    r"(?:of|de|d['’]|du|for)?\s*(?:the\s+|la\s+|le\s+)?(?:(?:town|village|commune|city|ville)\s+"
    r"(?:of\s+|de\s+|d['’])?)?$"
    r"|\b(?:(?<!km\s)(?<!kms\s)(?<!miles\s)(?<!metres\s)(?<!meters\s)(?<!away\s)(?<!far\s)from|"
    r"en\s+provenance\s+d[eu']?|(?:venant|venus?|venues?|partis?)\s+d[eu']?|coming\s+from|returning\s+from|"
    r"heading\s+(?:to|for)|en\s+route\s+(?:to|for|vers|pour)|bound\s+for|towards|left\s+for|"
    r"transferred\s+to|evacuated\s+to|[ée]vacu[ée]s?\s+(?:vers|sur|[àa]))\s+"
    r"(?:the\s+)?(?:(?:town|village|city|ville)\s+(?:of\s+|de\s+|d['’]))?$"
    r"|\bop[ée]ration\s+['‘\"“«]?\s*$",
    re.IGNORECASE)

NOT_EVENT_AFTER = re.compile(
    r"[\s-]+(?:mayor|prefect|sub-?prefect|governor|MP|deputy|native|chief|based|born|"
    r"(?:interim\s+|transitional\s+)?(?:council|authorit(?:y|ies))|"
    r"fighters|militants|militiamen|jihadists|combatants|rebels|helos|helicopters)\b"
    r"|\s*\((?-i:[A-Z]{3,}[A-Z0-9-]*)\)", re.IGNORECASE)
"""A name used as a title, origin or group: "the Nara prefect", "a Tenenkou MP", "Kidal-based",
"a Taoudenit transitional council member", "Macina fighters", "Tigre helos"; or the last word of
an organisation's name before its acronym ("the Regional Directorate of Mopti (DRSM)")."""

LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|at|on|inside|into|within|[àa]|au|aux|dans|sur|en|of|de|d['’]|du)\s+"
    r"(?:(?:the|la|le|les|l['’])\s*)?(?:(?:town|city|village|locality|commune|ville|localit[ée]|"
    r"hamlet|hameau|camp|market|march[ée])\s+(?:of\s+|de\s+|d['’]\s*)?)?$", re.IGNORECASE)
"""A preposition of place just before a name: the event happened there."""

VENUE_BEFORE = re.compile(
    r"\b(?:campement|h[ôo]tel|restaurant|maquis|auberge|bar|lodge|motel|complexe|residence|résidence)"
    r"\s+(?:le\s+|la\s+|l['’]\s*)?$|"
    r"\b(?:place|square|avenue|boulevard|rue|pont|stade|monument|carrefour|rond-point)\s+(?:de\s+la|de\s+l['’]|du|des)\s*$",
    re.IGNORECASE)

VENUE_AFTER = re.compile(r"^\s+(?:resort|hotel|lodge|eco-lodge|restaurant|campsite|guesthouse|inn)\b", re.IGNORECASE)
"""A name that is part of a venue's name ("le campement Kangaba", "the Kangaba resort", "Hôtel
Sahel", "la place de la Liberté"): venues often bear the name of a town far away, so the name
does not locate anything. ("le campement de X" is a camp at X and is not caught.)"""

NAMED_QUOTE = re.compile(
    r"\b(?:plate-?forme|platform|mouvement|movement|collectif|collective|coalition|association|"
    r"op[ée]ration|campagne|campaign|slogan|called|named|dubbed|baptis[ée]e?s?|d[ée]nomm[ée]e?s?|"
    r"intitul[ée]e?s?|appel[ée]e?s?)\s*(?:(?P<plain>')|[«“\"‘])\s*"
    r"(?P<inner>(?(plain)[^'\n]{1,40}?|[^«»“”\"‘’\n]{1,80}?))\s*(?(plain)'(?!\w)|[»”\"’])",
    re.IGNORECASE)
"""A quoted name after the word that introduces it (the platform « An tè A Bana – Touche pas à ma
Constitution », operation ‘Bayard’, operation 'Bayard' in plain apostrophes): a place name inside
it locates nothing."""

BORDER = re.compile(r"\b(?:borders?|borderlands?|border-?area|fronti[èe]res?|frontali[èe]re?s?)\b", re.IGNORECASE)
"""A text about a border: the neighbour countries it names tell where its villages lie."""
