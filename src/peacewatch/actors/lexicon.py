"""Words that name actors generically, in English and French (folded: lower case, no accents).

Why a lexicon and not a model: reports name most actors by a handful of nouns ("gunmen",
"soldats", "villageois"), and the coding choice behind each noun (whose forces, which generic
ACLED actor) is a rule an analyst can read and correct here.

Categories and the actor each gives (see generic.py):
  military, police, gendarmerie, national guard, customs, forest guards
      -> that state's forces ("Malian soldiers", "soldats nigériens"; the report's country
         when no nationality is said); customs officers are coded as the police forces and
         the national guard as the military forces, as ACLED does for Mali;
  armed     -> Unidentified Armed Group (country) ("gunmen", "hommes armés", "bandits");
  islamist  -> Islamist Militia (country) ("jihadists", "terroristes", "GAT"): ACLED's generic
               for unnamed Islamist groups; any "unidentified/unknown" qualifier makes it the
               Unidentified Armed Group instead;
  militant  -> Islamist Militia unless qualified "unidentified" ("militants");
  fighter   -> Unidentified Armed Group unless qualified "Islamist/jihadist" ("fighters");
  person    -> only with a qualifier: "unidentified individuals", "armed men" (armed group),
               "suspected jihadists" (Islamist); with a number, "people" are civilians;
  civilians -> Civilians (country), with an associated group when the noun names one;
  government -> Civilians with the country's government as associated actor ("the mayor"):
               ACLED's coding of local officials as victims;
  protesters, rioters, militia (communal), vigilantes;
  member    -> only joins a named actor ("members of the CMA", "JNIM elements");
  implied   -> a weapon someone placed or fired ("an IED", "obus") or an attack told without
               its author ("was ambushed", "enlevé"): Unidentified Armed Group, flagged
               ``implied``, for the role finder to use only when nobody is named;
  implied_military -> a military target ("a checkpoint", "camp militaire"): the country's
               military forces, flagged ``implied``;
  implied_civilians -> a civilian target ("the village", "a school", "bus"): Civilians,
               flagged ``implied`` (ACLED codes attacks on such places as against civilians).
"""

from __future__ import annotations

CIVILIAN_GROUPS: dict[str, tuple[str, ...]] = {
    "pastoralists": (
        "herders", "herder", "herdsmen", "herdsman", "shepherds", "shepherd", "pastoralists",
        "pastoralist", "cattle herders", "cattle herder", "livestock breeders", "breeders",
        "nomads", "nomad", "eleveurs", "eleveur", "bergers", "berger", "pasteurs", "transhumants",
    ),
    "farmers": (
        "farmers", "farmer", "cultivators", "agriculteurs", "agriculteur", "cultivateurs",
        "cultivateur", "paysans", "paysan",
    ),
    "teachers": (
        "teachers", "teacher", "school teacher", "schoolteacher", "enseignants", "enseignant",
        "instituteurs", "instituteur", "professeur", "professeurs",
    ),
    "students": (
        "students", "student", "pupils", "schoolchildren", "eleves", "etudiants", "etudiant",
        "ecoliers",
    ),
    "health_workers": (
        "health workers", "health worker", "nurse", "nurses", "doctor", "doctors", "medical staff",
        "infirmier", "infirmiers", "infirmiere", "medecin", "medecins", "agents de sante",
        "agent de sante",
    ),
    "aid_workers": (
        "aid workers", "aid worker", "humanitarian workers", "humanitarian worker", "humanitarians",
        "ngo workers", "ngo worker", "ngo staff", "humanitaires", "travailleurs humanitaires",
        "agents humanitaires", "ngo", "ngo agents", "ong", "humanitarian mission",
    ),
    "journalists": ("journalists", "journalist", "reporter", "reporters", "journalistes", "journaliste"),
    "women": ("women", "woman", "femmes", "femme"),
    "fishermen": ("fishermen", "fisherman", "pecheurs", "pecheur"),
    "refugees": (
        "refugees", "refugee", "idps", "displaced people", "displaced persons", "deplaces",
        "refugies",
    ),
    "prisoners": ("prisoners", "prisoner", "detainees", "detainee", "inmates", "detenus", "detenu", "prisonniers"),
    "traders": (
        "traders", "trader", "merchants", "merchant", "shopkeepers", "shopkeeper", "vendors",
        "commercants", "commercant", "boutiquier", "boutiquiers", "forains", "marketgoers",
    ),
    "miners": ("gold miners", "miners", "miner", "gold panners", "orpailleurs", "orpailleur"),
}

HEADS: dict[str, tuple[str, ...]] = {
    "military": (
        "soldiers", "soldier", "troops", "army", "armed forces", "military", "servicemen",
        "serviceman", "security forces", "defence and security forces",
        "defense and security forces", "defence forces", "defense forces", "military forces",
        "air force", "special forces", "military personnel", "commandos", "militaires",
        "militaire", "soldats", "soldat", "armee", "forces armees", "forces de defense et de securite",
        "forces de securite", "fds", "troupes", "forces speciales", "army soldiers",
    ),
    "police": (
        "police", "policemen", "policeman", "police officers", "police officer", "policiers",
        "policier", "agents de police", "police agents", "forces de l ordre", "law enforcement",
    ),
    "gendarmerie": ("gendarmes", "gendarme", "gendarmerie"),
    "national guard": (
        "national guard", "national guardsmen", "national guards", "guardsmen", "garde nationale",
        "gardes nationaux", "garde national",
    ),
    "customs": (
        "customs officers", "customs officer", "customs agents", "customs agent", "customs",
        "douaniers", "douanier", "douane", "agents des douanes",
    ),
    "forest guards": (
        "forest guards", "forest guard", "forestry agents", "water and forest agents",
        "eaux et forets", "agents des eaux et forets", "forest rangers", "gardes forestiers",
    ),
    "government": (
        "mayor", "mayors", "deputy mayor", "maire", "maires", "prefect", "prefet", "sub prefect",
        "sous prefet", "governor", "gouverneur", "local official", "local officials",
        "government officials", "civil servants", "civil servant", "fonctionnaires",
        "fonctionnaire", "elus locaux", "elu local", "municipal councillor", "conseiller municipal",
        "government official", "electoral officials", "electoral official",
        "polling station officials", "election officials", "councilor", "councilman", "councillor", "councillors", "conseiller",
        "conseillers", "sous prefets", "prefets", "deputy", "depute", "subprefect", "subprefects",
        "sous prefete", "president of the court", "court president"
    ),
    "armed": (
        "gunmen", "gunman", "armed men", "armed man", "armed individuals", "armed individual",
        "assailants", "assailant", "attackers", "attacker", "armed group", "armed groups",
        "bandits", "bandit", "armed bandits", "robbers", "highway robbers", "coupeurs de route",
        "kidnappers", "abductors", "captors", "ravisseurs", "hommes armes", "homme arme",
        "individus armes", "individu arme", "assaillants", "assaillant", "bandits armes",
        "malfaiteurs", "groupe arme", "groupes armes", "hommes en armes", "elements armes",
        "rebels", "rebelles", "inconnus", "armed elements",
    ),
    "islamist": (
        "jihadists", "jihadis", "djihadistes", "jihadistes", "islamists", "islamistes",
        "terrorists", "terroristes", "terroriste", "jihadiste", "djihadiste", "extremists", "extremistes", "insurgents", "insurges",
        "groupes armes terroristes", "groupe arme terroriste", "terrorist group", "terrorist groups",
        "jihadist group", "jihadist groups", "islamist group", "islamist groups",
        "groupe terroriste", "groupes terroristes", "groupe jihadiste", "groupes jihadistes",
        "groupe djihadiste", "groupes djihadistes", "mujahideen", "moudjahidines",
    ),
    "militant": ("militants", "militant"),
    "fighter": ("fighters", "fighter", "combatants", "combatant", "combattants", "combattant"),
    "person": (
        "individuals", "individual", "individus", "individu", "men", "man", "hommes", "homme",
        "persons", "person", "people", "personnes", "personne", "elements", "group", "groupe",
        "young men", "young man",
    ),
    "civilians": (
        "civilians", "civilian", "civils", "civil", "villagers", "villager", "villageois", "residents",
        "resident", "inhabitants", "habitants", "habitant", "locals", "local population",
        "population", "passengers", "passenger", "passagers", "passager", "travellers",
        "travelers", "traveller", "traveler", "voyageurs", "voyageur", "drivers", "driver",
        "chauffeurs", "chauffeur", "truck drivers", "truck driver", "transporters",
        "transporteurs", "boy", "boys", "girl", "girls", "child", "children", "enfants", "enfant",
        "village chief", "village chiefs", "chef de village", "chef du village", "chefs de village",
        "notables", "imam", "imams", "marabout", "marabouts", "religious leader", "worshippers",
        "fideles", "hostages", "hostage", "otages", "otage", "nationals", "citizens",
        "citizen", "ressortissants", "ressortissant", "expatriates", "tourists", "tourist",
        "contractors", "contractor", "employees", "employee", "workers", "worker", "employes",
        "ouvriers", "travailleurs", "chief", "chiefs", "tribal chief", "community leader",
        "community leaders", "leaders", "elders", "elder", "thief", "thieves", "cattle thief",
        "cattle thieves", "voleurs", "guide", "nun", "priest", "pastor", "pretre", "religieuse",
        "chef", "chefs", "agents", "agent", "youths", "youth", "young people", "jeunes", "notable", "tribal leader", "tribal leaders",
        "interpreter", "staff member", "staff members", "staff", "blogger", "activist", "activists",
        "coordinator", "voters", "voter", "market goers", "stallholders", "families", "family",
        "wife", "husband", "son", "daughter", "brother", "relatives", "villages",
        "personnel", "traditional chief", "religious leaders", "cleric", "preacher", "preachers",
        "businessman", "youngster", "youngsters", "veterinarian", "accountant", "informer",
        "informant", "albino", "bank director", "director", "judge", "magistrate", "witnesses",
        "businessmen", "operateur economique", "operateurs economiques",
    ),
    "protesters": (
        "protesters", "protester", "protestors", "demonstrators", "demonstrator", "manifestants",
        "manifestant", "protest", "protests", "demonstration", "demonstrations", "manifestation",
        "manifestations", "sit in", "marchers", "strikers", "grevistes", "protested", "protesting",
        "demonstrated", "marched", "took to the streets", "took to the street",
        "went to the streets", "went to the street", "on strike", "greve", "march", "marche",
        "rally", "rallies", "manifeste", "ont manifeste", "marche pacifique", "sit in",
    ),
    "rioters": (
        "rioters", "rioter", "emeutiers", "riot", "riots", "emeute", "emeutes", "mob", "angry mob",
        "angry youths", "angry crowd", "foule", "foule en colere", "jeunes en colere", "lynch mob",
        "crowd", "crowds",
    ),
    "militia": (
        "militia", "militias", "militiamen", "militiaman", "self defense group", "self defence group",
        "self defense groups", "self defence groups", "self defense militia", "self defence militia",
        "communal militia", "village militia", "milice", "milices", "miliciens", "milicien",
        "groupe d autodefense", "groupes d autodefense", "milice d autodefense",
        "milices d autodefense", "milice communautaire",
    ),
    "vigilantes": ("vigilantes", "vigilante", "vigilance committee", "comite de vigilance"),
    "member": ("members", "member", "membres", "membre", "ranks", "rangs"),
    "implied": (
        "ied", "ieds", "improvised explosive device", "improvised explosive devices", "landmine",
        "landmines", "mine", "mines", "roadside bomb", "roadside explosive", "explosive device",
        "explosive devices", "car bomb", "rocket", "rockets", "mortar", "mortars", "shells",
        "mortar shells", "grenade", "engin explosif", "engins explosifs", "engin explosif improvise",
        "obus", "roquettes", "mortiers", "tirs de mortiers", "tirs d obus", "vbied", "eei",
        "ambush", "ambushed", "ambushes", "gunfire", "gunshots", "exchange of fire", "kidnapped",
        "abducted", "assassinated", "attacked", "shot dead", "embuscade", "enleve", "enleves",
        "enlevee", "assassine", "assassines", "coups de feu", "kidnappe", "kidnappes",
        "found dead", "executed", "beheaded", "retrouve mort", "retrouves morts", "execute",
        "executes",
    ),
    "implied_military": (
        "checkpoint", "checkpoints", "checkpost", "checkposts", "military camp", "army camp",
        "military base", "army base", "military post", "army post", "outpost", "army checkpoint",
        "poste de controle", "postes de controle", "poste militaire", "camp militaire",
        "base militaire", "poste avance", "poste de securite",
    ),
    "implied_civilians": (
        "village", "villages", "hamlet", "hamlets", "house", "houses", "homes", "shop", "shops",
        "market", "school", "schools", "church", "churches", "mosque", "polling station",
        "polling stations", "voting office", "voting offices", "bus", "buses", "truck", "trucks",
        "transport vehicle", "civilian vehicle", "hameau", "maison", "maisons", "boutique",
        "boutiques", "ecole", "ecoles", "eglise", "mosquee", "bureau de vote", "bureaux de vote",
        "camion", "camions", "car de transport", "vehicule de transport", "minibus", "cart",
        "pirogue", "ambulance", "marketplace", "hut", "huts", "bars", "delegation", "urn", "urns",
        "voting urn", "voting urns", "poll booth", "poll booths", "electoral materials",
        "electoral material", "voting material", "elections material", "election material",
        "urne", "urnes", "materiel electoral",
    ),
}
AFTER_DETERMINER: frozenset[str] = frozenset({"terroriste", "jihadiste", "djihadiste", "civil"})
"""French nouns that are adjectives after a noun ("attaque terroriste"): heads only after a
determiner or a number ("un terroriste", "le jihadiste", "1 civil")."""
DETERMINERS: frozenset[str] = frozenset("un une le la l du d ce cet cette chaque".split())
LOWERCASE_ONLY: frozenset[str] = frozenset({"march", "marche"})
"""Heads read only as written in lower case without accents ("March" is a month, "marché" a market)."""

NOT_IN_FRENCH: frozenset[str] = frozenset({"son"})
"""English heads that are common French words ("son camp", "son véhicule": his, not a child)."""
for _group, _words in CIVILIAN_GROUPS.items():
    HEADS["civilians"] += _words

GROUP_OF_HEAD: dict[str, str] = {w: g for g, words in CIVILIAN_GROUPS.items() for w in words}

SINGULAR: frozenset[str] = frozenset(
    w
    for words in HEADS.values()
    for w in words
    if not (w.endswith("s") or w.endswith("men") or w.endswith("x"))
    and w not in {"army", "military", "police", "gendarmerie", "customs", "douane", "armee",
                  "population", "local population", "children", "people", "militia",
                  "gendarmerie", "foule", "mob", "protest", "manifestation", "fds", "law enforcement"}
)
"""Heads naming one person ("a soldier", "un enseignant"): "a"/"un"/"une" then counts as 1."""

NATIONALITIES: dict[str, str] = {}
for _country, _words in {
    "Mali": "malian malians malien malienne maliens maliennes",
    "Burkina Faso": "burkinabe burkinabes burkinabee burkinabees burkinais burkinaise",
    "Niger": "nigerien nigeriens nigerienne nigeriennes",
    "France": "french francais francaise francaises",
    "Chad": "chadian chadians tchadien tchadienne tchadiens tchadiennes",
    "Mauritania": "mauritanian mauritanians mauritanien mauritanienne mauritaniens mauritaniennes",
    "Algeria": "algerian algerians algerien algerienne algeriens algeriennes",
    "Senegal": "senegalese senegalais senegalaise senegalaises",
    "Guinea": "guinean guineans guineen guineenne guineens guineennes",
    "Ivory Coast": "ivorian ivorians ivoirien ivoirienne ivoiriens ivoiriennes",
    "Togo": "togolese togolais togolaise togolaises",
    "Benin": "beninese beninois beninoise beninoises",
    "Nigeria": "nigerian nigerians nigeriane nigerianes",
    "United States": "american americans americain americaine americains americaines",
    "Germany": "german germans allemand allemande allemands allemandes",
    "Netherlands": "dutch neerlandais neerlandaise",
    "Sweden": "swedish suedois suedoise",
    "United Kingdom": "british britannique britanniques",
    "Canada": "canadian canadians canadien canadienne canadiens canadiennes",
    "Egypt": "egyptian egyptians egyptien egyptienne egyptiens",
    "Bangladesh": "bangladeshi bangladeshis bangladais",
    "Cambodia": "cambodian cambodians cambodgien cambodgiens",
    "China": "chinese chinois chinoise",
    "Russia": "russian russians russe russes",
    "Colombia": "colombian colombien colombienne colombiens",
    "Morocco": "moroccan moroccans marocain marocaine marocains",
    "Ghana": "ghanaian ghanaians ghaneen ghaneens",
    "Italy": "italian italians italien italienne italiens",
    "Switzerland": "swiss suisse suisses",
    "Romania": "romanian roumain roumaine",
    "Spain": "spanish espagnol espagnole espagnols",
    "Australia": "australian australien",
    "International": "foreign foreigners etranger etrangere etrangers etrangeres expatriate",
}.items():
    for _word in _words.split():
        NATIONALITIES[_word] = _country

ETHNONYMS: dict[str, str] = {}
for _community, _words in {
    "fulani": "fulani fulanis fula fulas fulbe peul peuls peule peules peulh peulhs peuhl peuhls",
    "dogon": "dogon dogons",
    "bambara": "bambara bambaras",
    "tuareg": "tuareg tuaregs touareg touaregs targui twareg tamasheq tamashek",
    "imghad": "imghad imghads imrad",
    "idnan": "idnan idnane idnanes",
    "dawsahak": "dawsahak dawsahaq daoussahak daoussahaq daoussak doushak idaksahak dawshahak",
    "malinke": "malinke malinkes",
    "arab": "arab arabs arabe arabes",
    "songhai": "songhai songhay sonrhai songhais",
    "bozo": "bozo bozos",
    "mossi": "mossi",
}.items():
    for _word in _words.split():
        ETHNONYMS[_word] = _community

PASTORALIST_COMMUNITIES: frozenset[str] = frozenset({"fulani"})
"""Communities whose civilians ACLED also codes as pastoralists."""

UNIDENTIFIED: frozenset[str] = frozenset(
    "unidentified unknown unidentifiable unnamed anonymous non identifies identifie identifies "
    "inconnus inconnu inconnues".split()
)
ISLAMIST: frozenset[str] = frozenset(
    "islamist islamists jihadist jihadists jihadi djihadiste djihadistes jihadiste jihadistes "
    "islamiste islamistes terrorist terroriste terroristes extremist extremiste extremistes "
    "radical radicals salafist salafiste".split()
)
ARMED: frozenset[str] = frozenset("armed armes arme armees heavily lourdement".split())
VIOLENT: frozenset[str] = frozenset("violent violente violents violentes angry".split())
HEDGES: frozenset[str] = frozenset(
    "suspected presumed alleged allegedly presumably supposed purported possible probable likely "
    "presumes presume presumee presumees supposes pretendus young jeune jeunes other autres more "
    "local locaux fellow several many some few numerous plusieurs quelques nombreux dozens "
    "dizaines additional further elderly old aged".split()
)
MODIFIERS: frozenset[str] = (
    frozenset(NATIONALITIES) | frozenset(ETHNONYMS) | UNIDENTIFIED | ISLAMIST | ARMED | HEDGES | VIOLENT
)

LINKERS_AFTER_NAMED: frozenset[str] = frozenset(
    "affiliated linked allied related backed loyal aligned s affilies lies".split()
)
"""Words allowed between a named actor and a noun it governs ("JNIM-affiliated militants")."""

LINKERS_BEFORE_NAMED: tuple[str, ...] = (
    "of the", "of", "from the", "from", "belonging to the", "belonging to", "affiliated with the",
    "affiliated with", "affiliated to the", "affiliated to", "linked to the", "linked to",
    "du", "de la", "de l", "des", "de", "d", "issus du", "issus de la", "appartenant au",
    "appartenant a la", "proches du", "proches de la", "within the", "within",
)
"""Words allowed between a noun and the named actor it belongs to ("combattants du GSIM")."""

STANDALONE_CATEGORIES: frozenset[str] = frozenset(HEADS) - {"member"}
IMPLIED_CATEGORIES: frozenset[str] = frozenset({"implied", "implied_military", "implied_civilians"})

PROTEST_CUES: tuple[str, ...] = (
    "protest", "demonstrat", "marched", "march ", "sit in", "took to the street", "went to the street",
    "manifest", "marche ", "picket", "rally",
)
RIOT_CUES: tuple[str, ...] = (
    "ransack", "loot", "burned tires", "burnt tires", "burning tires", "set fire", "torch", "threw stones",
    "stones", "barricade", "vandal", "lynch", "riot", "beat up", "saccag", "incendi", "pille", "pillage",
    "caillass", "jets de pierres", "pneus", "emeute", "turned violent", "violent",
)
"""Words of a sentence (folded) that make its crowd protesters, and violent ones rioters."""
CROWD_HEADS: frozenset[str] = frozenset(
    "residents locals people women youths youth students villagers inhabitants population "
    "habitants jeunes femmes population activists workers teachers traders crowd crowds".split()
)
"""Civilian nouns that become the protesters (or rioters) of a sentence about a protest."""
YOUTH_HEADS: frozenset[str] = frozenset("youths youth jeunes".split())
YOUTH_RIOT_CUES: tuple[str, ...] = ("clash", "burn", "torch", "ransack", "loot", "captured", "beat", "stone", "affront", "incendi", "saccag")
"""Youths who clash, burn or capture are rioters even without a protest (ACLED's mob violence)."""
MOTORBIKE_WORDS: frozenset[str] = frozenset("motorbike motorbikes motorcycle motorcycles moto motos".split())
"""People "on motorbikes" in an attack report are the attackers (Unidentified Armed Group)."""
JOINS_NAMED: frozenset[str] = frozenset(
    {"military", "police", "gendarmerie", "national guard", "armed", "islamist", "militant",
     "fighter", "person", "militia", "member"}
)
"""Categories that merge with an adjacent named actor ("GATIA fighters", "soldiers of MINUSMA")."""
