"""Event triggers: words that say something happened, mapped to ACLED event and sub-event types.

A trigger carries a *cue* (attack, ied, abduct, protest...). One event usually has several cues
("an IED attack followed by gunfire"), and ACLED's type depends on their combination and on who
was targeted, so typing is a separate step (`decide_type`) over the set of cues of an event.
The lexicons below are ours, written from the codebook's definitions, in English and French.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

BATTLES = "Battles"
REMOTE = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

LEXICON: dict[str, dict[str, tuple[str, ...]]] = {
    "attack": {
        "en": (
            r"attack(?:s|ed|ing)?\b", r"assault(?:s|ing)?\b", r"raid(?:s|ed|ing)?\b",
            r"(?:military |security )?operations? against\b", r"offensives?\b",
            r"storm(?:ed|ing)\b", r"target(?:s|ed|ing)\b", r"shot at\b", r"shooting\b", r"overr?an\b",
            r"harass(?:ed|ing|ment)\b", r"incursions?\b", r"(?-i:hit)\b", r"shot (?:an?|the|two|three|one)\b",
            r"(?:military |security |joint )?operations? (?:took place|was conducted|was carried out)",
        ),
        "fr": (
            r"attaqu(?:e|es|é|ée|és|ées|ent|ait|aient|er|ant)\b", r"assauts?\b", r"raids?\b",
            r"tir(?:é|ée|és|ées|ent|ant) sur\b", r"fusillades?\b",
            r"pris(?:e|es)? pour cibles?", r"cibl(?:é|ée|és|ées|ant)\b", r"incursions?\b",
            r"harc(?:elé|elés|èlement)\b", r"agress(?:ion|é|ée|és)\b", r"attentats?\b(?![- ]suicide)",
        ),
    },
    "ambush": {
        "en": (r"ambush(?:es|ed|ing)?\b",),
        "fr": (r"embuscades?\b",),
    },
    "clash": {
        "en": (
            r"clash(?:es|ed|ing)?\b", r"fighting\b", r"fought\b", r"exchange(?:s|d)? (?:of )?fire",
            r"gun ?fights?\b", r"fire ?fights?\b", r"skirmish(?:es)?\b", r"combat\b", r"gunfire\b",
            r"gun battles?\b", r"repel(?:led|s)?\b", r"repuls(?:ed|e)\b", r"counter-?attack\w*",
            r"engaged\b",
            r"fend(?:ed)? off\b", r"fought (?:off|back)\b", r"returned fire\b", r"retaliated\b(?! (?:by|with) (?:arrest|burn|loot))", r"(?:violence|fighting|hostilities) between\b",
        ),
        "fr": (
            r"affrontements?\b", r"s'affront\w+", r"se (?:sont|sont violemment|étaient|seraient) affront\w+", r"(?:ont|a|avaient|avait) affronté\b", r"accrochages?\b", r"combats?\b",
            r"échanges? de tirs", r"heurts?\b", r"escarmouches?\b", r"violences? (?:inter-?communautaires?|entre)",
            r"feux croisés", r"opérations? (?:de ratissage|militaires?|contre)\b", r"ratissage\b", r"ripost(?:e|é|ent)\b", r"repouss(?:é|ée|és|ent|er)\b",

        ),
    },
    "assault": {
        "en": (
            r"complex attacks?\b", r"armed assaults?\b", r"air[- ]support(?:ed)?\b", r"multi-pronged\b",
            r"breach(?:ed)? the (?:camp|base|perimeter)", r"ground (?:assault|operation|offensive|attack|troops|forces)s?\b",
            r"air[- ](?:and[- ])?ground\b", r"(?:intervened|responded|retaliated|reacted) with (?:\w+ )?(?:air ?strikes|helicopters|air support)",
        ),
        "fr": (
            r"attaques? complexes?", r"appui aérien", r"assaut armé", r"opérations? terrestres?", r"troupes au sol",
            r"(?:intervenu\w*|ripost\w+|répondu\w*) (?:avec|par) (?:des )?(?:frappes aériennes|hélicoptères)",
        ),
    },
    "gunfire": {
        "en": (
            r"gunfire\b", r"small arms fire", r"gunshots?\b", r"shots (?:were )?fired", r"gunshot wounds?",
            r"opened fire", r"open fire", r"fir(?:ed|ing) (?:(?:several |warning )?(?:shots|rounds|bullets) )?(?:on|at|upon|into|against)\b", r"fir(?:ed|ing) (?:shots )?in the air",
        ),
        "fr": (r"tirs? nourris", r"coups? de feu", r"tirs d'armes", r"ouv(?:ert|rent|rant|re) le feu"),
    },
    "planting": {
        "en": (r"(?:planting|laying|placing|plant|lay) (?:an? |the |several |two )?(?:IEDs?|mines?|explosives?|bombs?)",),
        "fr": (r"(?:pos(?:er|ant|aient)|plac(?:er|ant|aient)) (?:un |une |des )?(?:engins?|mines?|EEI|explosifs?)",),
    },
    "kill": {
        "en": (
            r"kill(?:s|ed|ing)\b", r"murder(?:s|ed|ing)?\b", r"executions?\b",
            r"assassinat\w+", r"behead\w*", r"shot dead\b", r"slaughter\w*", r"massacre\w*",
            r"(?:was|were) shot\b", r"(?:summarily|were|later|and|then) (?:\w+ly )?executed\b", r"mass graves?\b", r"(?:found|discovered) dead\b",
            r"common graves?\b",
            r"executed (?:an?|the|two|three|four|five|six|\d+)\b",
            r"(?:corpses?|bod(?:y|ies)|remains|corps) (?:[\w'’-]+ ){0,6}(?:found|discovered|recovered)", r"slit\b", r"succumbed\b", r"lost (?:their|his|her) li(?:fe|ves)",
        ),
        "fr": (
            r"tu(?:é|ée|és|ées|ent|ant|er)\b", r"assassin(?:é|ée|és|ées|at|ats|ent)\b",
            r"exécut(?:é|ée|és|ées|ion|ions)\b", r"égorg\w+", r"décapit\w+", r"abattu\w*",
            r"massacr\w+", r"succomb\w+", r"trouv\w+ la mort", r"(?:corps|cadavres?) (?:[\w'’-]+ ){0,6}(?:retrouvés?|découverts?)", r"périr?\b|péri\b",
        ),
    },
    "harm": {
        "en": (
            r"beat(?:en|ing)?\b", r"assaulted\b", r"tortur\w+", r"stabb(?:ed|ing)\b", r"stab wounds?", r"whipp\w+", r"flogg\w+", r"wounded\b", r"injured\b",
            r"injuring\b", r"wounding\b", r"mutilat\w+", r"(?:mal|mis|ill-)treat\w*",
        ),
        "fr": (r"bless(?:é|ée|és|ées|ant|ure|ures)\b", r"frapp(?:é|ée|és|ées)\b", r"tortur\w+", r"passé\w* à tabac"),
    },
    "ied": {
        "en": (
            r"\bIEDs?\b", r"improvised explosive", r"(?<!gold )(?<!gold-)(?:land)?mines?\b(?! (?:site|worker|owner))",
            r"roadside bombs?", r"explosive devices?", r"explosives?\b", r"detonat\w+", r"explosions?\b",
            r"blasts?\b", r"\bbomb(?:s|ed|ing)?\b",
        ),
        "fr": (
            r"\bEEI\b", r"\bIEDs?\b", r"engins? explosifs?", r"(?<!d')(?<!les )\bmines?\b(?! d'or)",
            r"explosions?\b", r"explos(?:é|er|ant|if|ifs)\b", r"saut(?:é|e|ent|er|ant) sur",
            r"bombes?\b", r"détonations?\b",
        ),
    },
    "vbied": {
        "en": (
            r"car[- ]bombs?", r"vehicle[- ]borne", r"VBIEDs?", r"booby[- ]trapped (?:car|vehicle|truck)s?",
            r"explosives?[- ](?:laden|packed|filled) (?:vehicle|car|truck)s?", r"truck bombs?",
        ),
        "fr": (r"(?:véhicule|voiture|camion)s? (?:piégée?s?|bourrée?s? d'explosifs)",),
    },
    "suicide": {
        "en": (r"suicide\b", r"kamikazes?\b"),
        "fr": (r"kamikazes?\b", r"attentats?[- ]suicides?", r"suicide\b"),
    },
    "shelling": {
        "en": (
            r"rockets?\b", r"mortars?\b", r"shell(?:s|ed|ing)\b", r"artillery\b", r"missiles?\b",
            r"indirect fire", r"obus\b",
        ),
        "fr": (r"\bobus\b", r"roquettes?\b", r"mortiers?\b", r"tirs? indirects?", r"missiles?\b", r"artillerie\b"),
    },
    "air": {
        "en": (
            r"air ?strikes?\b", r"air raids?\b", r"aerial (?:strike|attack|bombardment|bombing)s?",
            r"drone strikes?\b", r"drones?\b", r"helicopters?\b", r"fighter jets?\b", r"warplanes?\b",
            r"aircrafts?\b", r"bombard(?:ed|ment|ments)\b",
        ),
        "fr": (
            r"frappes? aériennes?", r"bombardements? aériens?", r"frappes? de drones?", r"drones?\b",
            r"hélicoptères?\b", r"raids? aériens?", r"aviation\b", r"avions? de chasse",
            r"bombard(?:é|ée|és|ement|ements)\b",
        ),
    },
    "grenade": {
        "en": (r"grenades?\b",),
        "fr": (r"grenades?\b",),
    },
    "abduct": {
        "en": (
            r"abduct\w*", r"kidnap\w*", r"hostages?\b", r"taken captive", r"held captive",
            r"forcibly disappeared", r"taken away\b", r"(?:went|gone) missing\b",
        ),
        "fr": (
            r"enlev(?:é|ée|és|ées|er|ant|ait|aient)\b", r"enlèvements?\b", r"kidnapp\w+", r"otages?\b",
            r"rapts?\b", r"séquestr\w+", r"emmen(?:é|ée|és|ées) de force", r"port(?:é|ée|és|ées) disparus?",
        ),
    },
    "arrest": {
        "en": (
            r"arrest(?:s|ed|ing)?\b", r"detain(?:ed|s|ing)?\b", r"apprehend\w*", r"in custody\b",
            r"captured\b", r"handed (?:them |him |her )?over to\b",
            r"dismantl\w+ (?:an? |the )?(?:[\w'’-]+ ){0,3}(?:cell|network|ring|gang)s?\b",
        ),
        "fr": (
            r"arrêt(?:é|ée|és|ées|er|ent|ait|aient)\b", r"arrestations?\b", r"interpell\w+", r"appréhend\w+",
            r"garde à vue", r"captur(?:é|ée|és|ées)\b", r"mis aux arrêts",
        ),
    },
    "protest": {
        "en": (
            r"protest(?:s|ed|ing|ers?)?\b", r"demonstrat(?:ion|ions|ors?|ed|ing)\b",
            r"(?-i:march(?:ed|es|ing)?)\b", r"sit-?ins?\b", r"rall(?:y|ies|ied)\b",
            r"(?:on|general|went on|go on) strike\b", r"strike action", r"boycott\w*",
            r"(?:took|take|taking|went|go|going|gone|taken) (?:to )?the streets?\b", r"petition\w*", r"picket\w*",
            r"(?:filled|fill|filling|thronged|packed|poured into|pouring into) the (?:streets|avenues|squares?|boulevards)\b",
            r"(?:limited|minimum) service\b", r"walk-?outs?\b",
        ),
        "fr": (
            r"manifest(?:ation|ations|ants?|é|ée|és|er|ent|aient)\b", r"(?-i:march(?:e|es|ent|aient))\b",
            r"(?:ont|avaient|a|avait|auraient) marché\b",
            r"sit-?in\b", r"rassemblements?\b", r"grèves?\b", r"protest(?:er|é|ent|aient|ation|ations)\b",
            r"descendu\w* dans la rue",
            r"(?:envahi|envahissent|envahissaient|rempli|occupé) (?:les|la) (?:rues?|avenues?|places?|boulevards?)\b",
        ),
    },
    "riot": {
        "en": (
            r"riot\w*", r"violent (?:demonstration|protest)s?", r"burn\w* (?:\w+ ){0,2}(?:tyres|tires)",
            r"barricad\w+", r"(?:threw|throwing|hurled|hurling) stones", r"stone[- ]throwing",
            r"vandali[sz]\w*", r"angry (?:youths?|crowds?|residents|mob)", r"(?:youths?|residents) (?:blocked|ransacked)",
            r"blocked (?:the )?(?:[\w'’-]+ ){0,2}(?:roads?|access|traffic|bridge|entrance)", r"road ?blocks?\b",
        ),
        "fr": (
            r"émeut\w+", r"barricad\w+", r"pneus brûlés", r"brûl\w+ des pneus", r"saccag\w+",
            r"jets? de pierres", r"caillass\w+", r"vandalis\w+", r"casseurs?\b", r"jeunes en colère",
        ),
    },
    "mob": {
        "en": (r"\bmob\b", r"lynch\w*", r"(?:mob|popular) justice"),
        "fr": (r"lynch\w+", r"vindicte populaire", r"justice populaire"),
    },
    "loot": {
        "en": (
            r"loot\w*", r"st(?:ole|olen|eal|ealing|eals)\b", r"rob(?:bed|bery|beries|bing|bers?)\b",
            r"ransack\w*", r"pillag\w+", r"plunder\w*", r"rustl\w+", r"extort\w*", r"racket\w*",
            r"sabotag\w+", r"destroy(?:ed|ing|s)?\b", r"destruction\b", r"stripp(?:ed|ing)\b", r"wreck(?:ed|ing)\b",
            r"car-?jack\w*", r"hijack\w*", r"(?:seiz|took|stole)\w* (?:an? |the |his |their )?(?:ambulance|pick-?up|car|truck|vehicle|motorbike|motorcycle)s?\b",
            r"(?:seiz|took|tak|carr|driv|drove)\w* (?:\w+ ){0,4}(?:livestock|cattle|animals|camels|goats|sheep|goods|vehicles?|motorbikes?|motorcycles?|belongings|money|cash|food|cars?|trucks?|"
            r"(?:electoral|elections?|voting|polling) (?:materials?|equipment|kits?)|ballot boxes|urns?)",
        ),
        "fr": (
            r"pill(?:é|ée|és|ées|age|ages|ent|er|ards?)\b", r"vol(?:é|ée|és|ées|ent|er|s)?\b",
            r"emport(?:é|ée|és|ées|ant|ent)\b", r"dérob\w+", r"braqu\w+", r"razzias?\b", r"rançonn\w+",
            r"extorsion\w*", r"détrui\w+", r"destruction\w*", r"sabot(?:é|ée|és|age)\b", r"dépouill\w+",
            r"(?:bétail|troupeaux?|animaux|bœufs|boeufs|moutons|chameaux|motos?|véhicules?) (?:\w+ ){0,3}(?:emportés?|volés?|enlevés?)",
        ),
    },
    "burn": {
        "en": (
            r"(?:set|sets|setting) (?:[\w'’-]+ ){0,5}(?:on )?fire", r"set ablaze", r"burn(?:ed|t|ing|s)?\b",
            r"torch(?:ed|ing)\b", r"arson\b", r"ablaze\b",
        ),
        "fr": (r"incendi(?:é|ée|és|ées|er|ent|aire|aires)\b", r"brûl(?:é|ée|és|ées|er|ent|ant)\b", r"mis le feu", r"mettre le feu", r"mis à feu"),
    },
    "defuse": {
        "en": (
            r"defus\w+", r"dismantl\w+ (?:\w+ ){0,3}(?:IEDs?|explosives?|devices?|mines?|bombs?)",
            r"neutrali[sz]\w* (?:an? |the |two |three |several )?(?:IED|explosive|device|mine)",
            r"(?:found|discovered|seized|recovered|uncovered) (?:\w+ ){0,4}(?:weapons|arms|ammunition|explosives?|IEDs?|caches?|mines?|rifles|munitions)",
            r"(?:weapons|arms) caches?", r"controlled (?:explosion|detonation)", r"demin\w+", r"disarm(?:ed)?\b",
            r"(?:IEDs?|IED-\w+|weapons|arms|ammunition|explosives?|munitions)\b[\w\s,'’-]{0,60}?\b(?:(?:were|was) )?(?:seized|recovered|found|discovered)\b",
        ),
        "fr": (
            r"désamorc\w+", r"neutralis\w+ (?:un |une |des |l'|deux )?(?:engin|EEI|mine|explosif)",
            r"déminage\b", r"démin\w+",
            r"(?:découv|sais|trouv|récupér)\w* (?:\w+ ){0,4}(?:armes|munitions|explosifs?|engins?|caches?)",
            r"caches? d'armes", r"saisies? d'armes",
        ),
    },
    "agreement": {
        "en": (
            r"sign(?:ed|ing|s)? (?:[\w'’-]+ ){0,6}(?:agreement|accord|deal|ceasefire|truce|pact|memorandum|roadmap|charter)s?",
            r"(?:agreement|accord|deal|ceasefire|truce|pact) (?:\w+ ){0,3}(?:was|were|has been|had been) signed",
            r"ceasefire\b", r"cease-fire\b", r"truce\b", r"reconciliation (?:agreement|pact)",
            r"(?:agreed|agree) (?:to|on|upon) (?:an? |the )?(?:[\w'’-]+ ){0,2}(?:agreement|accord|ceasefire|truce|deal|pact)",
            r"reached (?:an? |the )?(?:[\w'’-]+ ){0,2}(?:agreement|accord|deal)",
        ),
        "fr": (
            r"sign(?:é|ée|és|ées|ent|ature|er|ant)\w* (?:[\w'’-]+ ){0,6}(?:accord|cessez-le-feu|trêve|pacte|feuille de route|charte)s?",
            r"(?:accord|cessez-le-feu|trêve|pacte) (?:\w+ ){0,3}(?:a été|ont été|est|sont) signé",
            r"cessez-le-feu\b", r"trêve\b", r"(?:conclu|parvenu\w* à) (?:un |une |l')?(?:accord|pacte|trêve)",
        ),
    },
    "change": {
        "en": (
            r"(?:was|were|been|newly|be) (?:formed|created|founded|established|launched)\b",
            r"(?:formed|created|founded|launched|form|create) (?:a|an|the|their|its) (?:new )?(?:armed )?(?:group|movement|coalition|alliance|militia|party|platform|front)",
            r"merg(?:ed|er|ing)\b", r"split\b", r"splinter\w*", r"defect(?:ed|ion|ions)\b", r"pledg\w+ allegiance",
            r"dissolv\w+", r"besieg\w+", r"blockad\w+", r"siege\b",
            r"(?:appointed|named|elected) (?:as )?(?:the )?(?:new )?(?:leader|head|chief|commander)",
            r"joined (?:the )?(?:[\w'’-]+ ){0,3}(?:group|movement|coalition|alliance|platform|ranks)",
            r"join(?:ed|ing|s)? forces\b",
        ),
        "fr": (
            r"(?:a été|ont été|est|sont|nouvellement) (?:créé|formé|fondé|lancé)\w*",
            r"(?:créé|formé|fondé|lancé|créent|forment)\w* (?:un|une|le|la|leur) (?:nouvel(?:le)? |nouveau )?(?:groupe|mouvement|coalition|alliance|milice|parti|plateforme|front)",
            r"fusion(?:né|nent|ner)?\b", r"(?:uni|unissent|unir|unifi\w*|mutualis\w*) (?:leurs )?forces\b", r"scission\b", r"ralli(?:é|és|ée|ent|ement)\b", r"dissolution\b", r"dissous\b",
            r"blocus\b", r"assiég\w+", r"allégeance\b", r"nommé\w* (?:à la tête|chef|nouveau chef)",
        ),
    },
    "withdraw": {
        "en": (
            r"withdr(?:ew|awn|aw|awal|awing)\b", r"evacuat(?:ed|ion)\b", r"pulled out\b", r"retreat(?:ed)?\b",
            r"handed over (?:the )?(?:\w+ ){0,2}(?:control|camp|base|town|city|post)",
            r"(?:left|abandon\w+|vacated) (?:their |its |the )?(?:positions?|base|camp|post)",
            r"(?-i:left) (?=[A-Z])", r"leaving the (?:city|town)\b",
        ),
        "fr": (
            r"retir(?:é|ée|és|ées|ent|er|ait)\b", r"retrait\b", r"évacu(?:é|ée|és|ation)\b", r"repli(?:é|és|er)?\b",
            r"quitt\w+ (?:leurs |ses |sa |son |la |le )?(?:positions?|base|camp|poste)", r"rétrocession\b",
        ),
    },
    "retake": {
        "en": (r"re-?(?:took|take|taken|captured|gained)\b", r"regain\w* control", r"recaptur\w+", r"liberat(?:ed|ion)\b"),
        "fr": (r"repris\w* (?:le )?contrôle", r"reprise de\b", r"reconqu\w+", r"libér(?:é|ée|ation)\b"),
    },
    "overtake": {
        "en": (
            r"(?:took|take|taken|seized|captured|gained|assumed) control (?:of|over)",
            r"(?:seized|captured|occupied|took over|overran) (?:the )?(?:town|city|village|locality|base|camp|post)",
            r"occup(?:ied|y|ying|ation)\b", r"under the control of\b", r"takeover\b",
        ),
        "fr": (r"(?:pris|prend|prennent|prise) (?:le )?contrôle", r"occup(?:é|ée|ent|ation|aient)\b", r"s'empar\w+", r"tomb\w+ (?:aux|entre les) mains"),
    },
    "base": {
        "en": (r"(?:set up|established|installed|opened|built) (?:a |an |its |their )?(?:new )?(?:military )?(?:base|camp|headquarters|outpost)",),
        "fr": (r"(?:install\w+|établi\w*|ouv\w+|implant\w+) (?:un |une |leur |sa |son )?(?:nouvelle? |nouveau )?(?:base|camp|quartier général|poste avancé)",),
    },
    "sexual": {
        "en": (r"rap(?:e|ed|es|ing)\b", r"sexual(?:ly)? (?:violence|assault\w*|abuse\w*)"),
        "fr": (r"viol(?:é|ée|és|ées|s|ent|er)?\b(?! de| des| du)", r"violences? sexuelles?", r"abus sexuels?"),
    },
    "other": {
        "en": (
            r"curfew\b", r"state of emergency", r"threaten(?:ed|ing)\b", r"intimidat\w+", r"closed down\b",
            r"(?:motorcycle|motorbike|vehicle) ban", r"banned (?:the )?(?:use|circulation|movement|traffic)",
            r"install(?:ation|ed|ing) (?:of )?(?:the |their |its )?(?:new )?(?:interim|transitional) (?:authorit(?:y|ies)|administrations?|councils?)",
            r"(?:interim|transitional) (?:authorit(?:y|ies)|administrations?|councils?) (?:\w+ ){0,4}(?:(?:was|were|have been|has been) )?(?:installed|inaugurated|sworn in)",
            r"(?:was|were) (?:installed|sworn in|inaugurated)(?: [\w'’-]+){0,3} as (?:the )?(?:new )?(?:president|head|chair\w*|governor|mayor|members?)\b",
            r"took office\b",
        ),
        "fr": (
            r"couvre-feu\b", r"état d'urgence", r"menac(?:é|ée|és|ées|ent|ant)\b", r"intimid\w+", r"interdi\w+ (?:de la )?circulation",
            r"install(?:ation|é|ée|és|ées) (?:de |des |d'|du )?(?:leurs? |les |l'|la |le )?(?:nouvel\w* )?(?:autorités|administrations?|conseils?|collèges?) (?:intérimaires|transitoires|de transition)",
            r"(?:autorités|administrations?|conseils?|collèges?) (?:intérimaires|transitoires|de transition) (?:[\w'’-]+ ){0,4}(?:(?:a|ont) été )?(?:installé|investi)\w*",
            r"(?:a|ont) été (?:investi|installé)\w* (?:comme |en tant que |à la tête|président)", r"investiture\b", r"prêt\w+ serment",
        ),
    },
    "meeting": {
        "en": (r"(?:conference|dialogue|talks|negotiations|summit|forum|meeting|elections?)s?\b",),
        "fr": (r"(?:conférence|dialogue|pourparlers|négociations|sommet|forum|réunion|élections?)s?\b",),
    },
    "peaceful": {
        "en": (
            r"without (?:any |a )?(?:fighting|clash(?:es)?|resistance|violence|a shot|bloodshed)",
            r"no (?:clash(?:es)?|fighting|resistance|violence)\b",
        ),
        "fr": (r"sans (?:aucun |aucune )?(?:combats?|affrontements?|résistance|violence|heurts?)", r"aucun (?:affrontement|combat|heurt)"),
    },
    "intervention": {
        "en": (r"tear ?gas\b", r"dispers(?:ed|e|ing)\b", r"batons?\b", r"water cannons?", r"broke up\b", r"prevented\b"),
        "fr": (r"gaz lacrymog\w+", r"dispers(?:é|ée|és|er|ent)\b", r"matraqu\w+", r"canons? à eau"),
    },
}
"""cue -> language -> regular expressions (case-insensitive unless marked (?-i:...))."""

VIOLENT_CUES = frozenset({"attack", "ambush", "clash", "assault", "gunfire", "kill", "harm", "ied", "vbied", "suicide", "shelling", "air", "grenade", "abduct", "sexual"})
SPECIFIC_CUES = frozenset(LEXICON) - {"attack", "kill", "harm", "gunfire", "assault", "intervention", "peaceful", "meeting"}
"""Cues that pin a sub-event type on their own; 'attack' or 'killed' alone do not."""

_HYPOTHETICAL = {
    "en": re.compile(
        r"\b(?:plann?(?:ing|ed)?|plott(?:ing|ed)|plot|prepar(?:ing|ed|e)|threat(?:en(?:ed|s)?)?|prevent(?:ed|ing)?|"
        r"foil(?:ed|ing)?|thwart(?:ed|ing)?|avert(?:ed)?|risk|fear(?:s|ed)?|warn(?:ed|s|ing)?|could|might|would|possible|"
        r"intend(?:ed|s)?|suspected of|accused of planning|call(?:ed|s)? for|condemn(?:ed|s)?|denounc(?:ed|e|es|ing)|"
        r"refus(?:ed|es|ing)|reject(?:ed|s|ing)|violat(?:ed|ing|ion of)|breach(?:ed|ing)?|involved in|responsible for|behind)\b"
        r"(?:\W+\w+){0,3}\W*$|\b(?:without|no|not|never)\s+(?:any\s+)?(?:\w+\s+)?$",
        re.I,
    ),
    "fr": re.compile(
        r"\b(?:projet(?:aient|ait)?|prépar(?:er|aient|ait|ation)|planifi\w*|menac\w*|déjou\w*|empêch\w*|éviter|"
        r"risque|craint\w*|pourrait|pourraient|soupçonn\w+ de|appel\w* à|condamn\w+|dénonc\w+|"
        r"refus\w*|rejet\w*|violation|viol(?:é|ent)|impliqu\w+ dans|responsables? de|auteurs? de)\b"
        r"(?:\W+\w+){0,3}\W*$|\b(?:sans|aucune?|pas de|ni)\s+(?:\w+\s+)?$",
        re.I,
    ),
}
"""Words just before a trigger that make it something that did not (yet) happen."""

_STOPPED = re.compile(r"\b(?:prevent\w*|foil\w*|thwart\w*|empêch\w*|interdi\w*)\b(?:\W+\w+){0,3}\W*$", re.I)
"""A protest that was stopped still took place (as a protest with intervention)."""

LABELS: dict[str, tuple[str, str]] = {
    "agreement": (STRATEGIC, "Agreement"),
    "arrest": (STRATEGIC, "Arrests"),
    "arrests": (STRATEGIC, "Arrests"),
    "looting": (STRATEGIC, "Looting/property destruction"),
    "property destruction": (STRATEGIC, "Looting/property destruction"),
    "looting/property destruction": (STRATEGIC, "Looting/property destruction"),
    "non-violent activity": (STRATEGIC, "Other"),
    "change to group/activity": (STRATEGIC, "Change to group/activity"),
    "disrupted weapons use": (STRATEGIC, "Disrupted weapons use"),
    "headquarters or base established": (STRATEGIC, "Headquarters or base established"),
    "non-violent transfer of territory": (STRATEGIC, "Non-violent transfer of territory"),
    "weapons seizure": (STRATEGIC, "Disrupted weapons use"),
    "change to armed group": (STRATEGIC, "Change to group/activity"),
    "change to group": (STRATEGIC, "Change to group/activity"),
    "other": (STRATEGIC, "Other"),
}
"""Sub-event labels some coders' notes open with ("Looting: On July 29, ...")."""
_LABEL = re.compile(r"^\s*([A-Za-z /-]{5,40}?)\s*:")


def explicit_type(sentence: str) -> tuple[str, str] | None:
    """The type a note states itself with a leading label, if it has one we know."""
    match = _LABEL.match(sentence)
    return LABELS.get(match.group(1).strip().lower()) if match else None


_DEFINITE = re.compile(
    r"(?:^|[^\w'’])(?:(?:the|this|that|these|those|le|la|les|cette|ce|cet|ces)\b|l['’])\s*((?:[\w'’/-]+,?\s+){0,5})$", re.I
)
_VERB_FORM = {"en": re.compile(r"(?:ed|ing)$", re.I), "fr": re.compile(r"(?:é|ée|és|ées|ent|er|ant)$", re.I)}
_NP_BREAKERS = frozenset(
    "of by in on at against from with was were is are has had have and or but a an de du des par contre dans à au aux "
    "sur avec est sont a ont et ou un une qui que which who".split()
)


@dataclass(frozen=True, slots=True)
class Trigger:
    """A word or phrase that reports (or mentions) an event, with its cue."""

    start: int
    end: int
    text: str
    cue: str
    hypothetical: bool = False
    """Planned, threatened, feared or foiled: not an event that happened."""
    definite: bool = False
    """A definite noun phrase ("the 18 January attack"): refers back to an event told before."""


@lru_cache(maxsize=4)
def _compiled(language: str) -> list[tuple[str, re.Pattern[str]]]:
    lang = language if language in ("en", "fr") else "en"
    return [(cue, re.compile(r"(?<!\w)(?:" + "|".join(pats[lang]) + ")", re.I)) for cue, pats in LEXICON.items()]


_META = frozenset(".^$*+?{}[]\\|()")
_QUANTIFIERS = ("?", "*", "+", "{")
_CLAUSE_BREAK = re.compile(r"[.!?;\n]")


def _structure(pattern: str) -> Iterator[tuple[int, str, int]]:
    """(index, character, group depth) of each character that shapes a pattern: not escaped, not in a class."""
    depth, escaped, in_class = 0, False, False
    for i, ch in enumerate(pattern):
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
        else:
            depth -= ch == ")"
            yield i, ch, depth
            depth += ch == "("


def _prefixes(pattern: str) -> set[str] | None:
    """Literal strings one of which starts every match of ``pattern``; None when no simple reading tells."""
    if "[]" in pattern or "[^]" in pattern:
        return None
    bars = [i for i, ch, depth in _structure(pattern) if ch == "|" and depth == 0]
    if bars:
        out: set[str] = set()
        for a, b in zip([-1] + bars, bars + [len(pattern)]):
            found = _prefixes(pattern[a + 1 : b])
            if not found:
                return None
            out |= found
        return out
    if pattern.startswith("\\b"):
        return _prefixes(pattern[2:])
    opener = next((o for o in ("(?:", "(?-i:") if pattern.startswith(o)), None)
    if opener:  # a case-sensitive group's prefix, matched regardless of case, is still necessary
        close = next(i for i, ch, depth in _structure(pattern) if ch == ")" and depth == 0)
        inner, after = pattern[len(opener):close], pattern[close + 1 :]
        if after[:1] not in _QUANTIFIERS:
            return _prefixes(inner)
        if after[:1] != "?" or after[1:2] in ("?", "+"):
            return None
        head, rest = _prefixes(inner), _prefixes(after[1:])
        return head | rest if head and rest else None
    prefix = []
    for i, ch in enumerate(pattern):
        if ch in _META or pattern[i + 1 : i + 2] in _QUANTIFIERS:
            break
        prefix.append(ch)
    return {"".join(prefix)} if prefix else None


def prefix_tree(prefixes: list[str]) -> str:
    """A regex that matches where one of ``prefixes`` starts, written as a tree of shared
    beginnings ("attack", "ambush" -> a(?:ttack|mbush)); a prefix that extends another is left
    out, since the shorter one already matches there. Tried at every word, a tree costs a few
    character tests where a flat alternation tries each prefix in turn."""
    tree: dict[str, dict] = {}
    for prefix in prefixes:
        node = tree
        for ch in prefix:
            node = node.setdefault(ch, {})
        node[""] = {}

    def pattern(node: dict[str, dict]) -> str:
        if "" in node:
            return ""
        parts = [re.escape(ch) + pattern(child) for ch, child in sorted(node.items())]
        return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"

    return pattern(tree)


@dataclass(frozen=True, slots=True)
class _Locator:
    """Where some trigger may start, and which cues to try there."""

    pattern: re.Pattern[str]
    by_first: dict[str, tuple[int, ...]]
    """Lower-cased first character -> indexes of the cues that may start with it."""
    every: tuple[int, ...]
    """All cues: tried at a character none of the prefixes starts with as written (case folding oddities)."""
    by_two: dict[str, tuple[int, ...]]
    """Lower-cased first two characters (ASCII) -> indexes of the cues that may start with them."""
    by_one: dict[str, tuple[int, ...]]
    """Lower-cased first character (ASCII) -> the cues that may start with it whatever follows
    (a one-letter prefix, or no prefix at all)."""


@lru_cache(maxsize=4)
def _locator(language: str) -> _Locator:
    """The literal prefixes of the lexicon's alternatives, as one tree-shaped pattern.

    Scanning the text once with it and trying there only the cues that may start with the letter
    finds what scanning the text once per cue finds, without trying every alternative of every cue
    at every word. Alternatives without a simple literal prefix are kept whole and their cues tried
    at every spot.
    """
    lang = language if language in ("en", "fr") else "en"
    literal: set[str] = set()
    cues: dict[str, set[int]] = {}
    two: dict[str, set[int]] = {}
    one: dict[str, set[int]] = {}
    whole: list[str] = []
    anywhere: set[int] = set()
    for index, patterns in enumerate(LEXICON.values()):
        for alternative in patterns[lang]:
            prefixes = _prefixes(alternative)
            if prefixes is None:
                whole.append(alternative)
                anywhere.add(index)
                continue
            for prefix in prefixes:
                first = prefix[0].lower()
                literal.add(prefix)
                cues.setdefault(first, set()).add(index)
                if len(prefix) >= 2:
                    two.setdefault(prefix[:2].lower(), set()).add(index)
                else:
                    one.setdefault(first, set()).add(index)
    return _Locator(
        pattern=re.compile(r"(?<!\w)(?=" + "|".join([prefix_tree(sorted(literal))] + whole) + ")", re.I),
        by_first={first: tuple(sorted(found | anywhere)) for first, found in cues.items()},
        every=tuple(range(len(LEXICON))),
        by_two={key: tuple(sorted(found | one.get(key[0], set()) | anywhere)) for key, found in two.items()},
        by_one={chr(c): tuple(sorted(one.get(chr(c), set()) | anywhere)) for c in range(128)},
    )


def _cue_matches(text: str, language: str) -> list[tuple[str, re.Match[str]]]:
    """Each cue's matches as its own ``finditer`` gives them (non-overlapping), cue by cue in lexicon order."""
    compiled = _compiled(language)
    locator = _locator(language)
    found: list[list[re.Match[str]]] = [[] for _ in compiled]
    resume = [0] * len(compiled)
    for spot in locator.pattern.finditer(text):
        at = spot.start()
        two = text[at : at + 2]
        if len(two) == 2 and two.isascii():
            # ASCII matches a prefix under re.I exactly when it does once lower-cased
            two = two.lower()
            cues = locator.by_two.get(two) or locator.by_one[two[0]]
        else:
            cues = locator.by_first.get(text[at].lower(), locator.every)
        for k in cues:
            if at >= resume[k]:
                match = compiled[k][1].match(text, at)
                if match:
                    found[k].append(match)
                    resume[k] = match.end()
    return [(cue, match) for (cue, _), matches in zip(compiled, found) for match in matches]


def _is_definite(text: str, start: int, end: int, language: str) -> bool:
    if _VERB_FORM.get(language, _VERB_FORM["en"]).search(text[start:end].split()[0]):
        return False
    match = _DEFINITE.search(text[max(0, start - 60) : start])
    if not match:
        return False
    words = [w.lower() for w in match.group(1).split()]
    if language == "fr" and (len(words) > 1 or any(w[:1].isupper() for w in match.group(1).split())):
        return False
    return not any(w in _NP_BREAKERS for w in words)


def find_triggers(text: str, language: str = "en") -> list[Trigger]:
    """Every trigger in ``text``, in reading order.

    An IED, mortar or grenade named in a seizure ("IEDs and mortars were seized") is no explosion, and "fired"
    right after rockets or mortars is their firing, not small-arms fire.
    """
    found: list[Trigger] = []
    hypothetical = _HYPOTHETICAL.get(language, _HYPOTHETICAL["en"])
    for cue, match in _cue_matches(text, language):
        start, end = match.span()
        before = _CLAUSE_BREAK.split(text[max(0, start - 50) : start])[-1]
        found.append(
            Trigger(
                start=start,
                end=end,
                text=match.group(0),
                cue=cue,
                hypothetical=bool(hypothetical.search(before)) and not (cue == "protest" and _STOPPED.search(before)),
                definite=_is_definite(text, start, end, language),
            )
        )
    seized = [t for t in found if t.cue == "defuse"]
    found = [
        t for t in found
        if not (t.cue in ("ied", "shelling", "grenade") and any(d.start <= t.start and t.end <= d.end for d in seized))
    ]
    weapons = [t for t in found if t.cue in ("shelling", "air", "grenade")]
    found = [t for t in found if not (t.cue == "gunfire" and any(0 <= t.start - w.end <= 25 for w in weapons))]
    found.sort(key=lambda t: (t.start, -t.end))
    return found


def decide_type(
    cues: set[str] | frozenset[str],
    target: str | None = None,
    killed: int = 0,
    injured: int = 0,
    state_actor: bool = False,
) -> tuple[str, str] | None:
    """ACLED event type and sub-event type for the cues of one event.

    ``target`` is "armed" (state or organised armed group), "civilian" or None when unknown;
    ``state_actor`` says whether the acting side is a state force. Returns None when nothing
    in the cues is an event.
    """
    c = set(cues)
    violent = bool(c & VIOLENT_CUES)
    harmed = killed > 0 or injured > 0
    if "agreement" in c and not harmed and not c & {"ied", "vbied", "suicide", "shelling", "air", "grenade"}:
        return STRATEGIC, "Agreement"
    complex_attack = bool(c & {"clash", "ambush", "assault"} or ("gunfire" in c and target == "armed")) and target != "civilian"
    if "planting" in c:
        return STRATEGIC, "Disrupted weapons use"
    if c & {"protest", "riot", "mob"}:
        if "mob" in c:
            return RIOTS, "Mob violence"
        if "riot" in c or ("protest" in c and c & {"burn", "loot", "clash"}):
            return RIOTS, "Violent demonstration"
        if "protest" in c and not c & {"ied", "vbied", "suicide", "shelling", "air", "grenade", "ambush"}:
            if killed > 0 and (c & {"kill", "attack"} or state_actor):
                return PROTESTS, "Excessive force against protesters"
            if c & {"intervention", "arrest", "harm"}:
                return PROTESTS, "Protest with intervention"
            return PROTESTS, "Peaceful protest"
    if "sexual" in c:
        return VAC, "Sexual violence"
    if c & {"suicide", "shelling", "ied", "vbied", "grenade"} and complex_attack and "defuse" not in c:
        return BATTLES, "Armed clash"
    if "suicide" in c:
        return REMOTE, "Suicide bomb"
    if "air" in c and (violent or harmed):
        if c & {"clash", "assault"}:
            return BATTLES, "Armed clash"
        return REMOTE, "Air/drone strike"
    if "shelling" in c:
        return REMOTE, "Shelling/artillery/missile attack"
    if "grenade" in c:
        return REMOTE, "Grenade"
    if c & {"ied", "vbied"} and c & {"gunfire", "assault"} and target == "civilian":
        return VAC, "Attack"
    if c & {"ied", "vbied"}:
        if "defuse" in c and not harmed and not c & {"attack", "kill", "clash", "ambush"}:
            return STRATEGIC, "Disrupted weapons use"
        return REMOTE, "Remote explosive/landmine/IED"
    if "defuse" in c and not harmed and not c & {"attack", "clash", "ambush", "assault", "gunfire"}:
        return STRATEGIC, "Disrupted weapons use"
    if c & {"overtake", "withdraw"} and ("peaceful" in c or not violent):
        return STRATEGIC, "Non-violent transfer of territory"
    if "retake" in c and (state_actor or not c & {"overtake"}):
        return BATTLES, "Government regains territory"
    if "overtake" in c and not state_actor:
        return BATTLES, "Non-state actor overtakes territory"
    fought = c & {"attack", "ambush", "clash", "assault", "gunfire"}
    if fought and (target == "armed" or ("clash" in c and target != "civilian")):
        return BATTLES, "Armed clash"
    if "abduct" in c and killed == 0 and not c & {"kill", "gunfire"}:
        if target == "armed" and not state_actor:
            return BATTLES, "Armed clash"
        return VAC, "Abduction/forced disappearance"
    if c & {"attack", "ambush", "clash", "assault", "kill", "harm", "gunfire"}:
        if target == "armed" or ("clash" in c and target != "civilian") or ("ambush" in c and target != "civilian"):
            return BATTLES, "Armed clash"
        if "loot" in c and not harmed and not c & {"kill", "harm", "gunfire"}:
            return STRATEGIC, "Looting/property destruction"
        if state_actor and "arrest" in c and not harmed and not c & {"kill", "harm"}:
            return STRATEGIC, "Arrests"
        return VAC, "Attack"
    if "abduct" in c:
        return VAC, "Abduction/forced disappearance"
    if "arrest" in c:
        return STRATEGIC, "Arrests"
    if c & {"loot", "burn"}:
        return STRATEGIC, "Looting/property destruction"
    if "withdraw" in c:
        return STRATEGIC, "Non-violent transfer of territory"
    if "base" in c:
        return STRATEGIC, "Headquarters or base established"
    if "change" in c:
        return STRATEGIC, "Change to group/activity"
    if c & {"other", "air", "meeting"}:
        return STRATEGIC, "Other"
    if "agreement" in c:
        return STRATEGIC, "Agreement"
    return None
