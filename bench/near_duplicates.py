"""Measure near-duplicate grouping: precision and recall per Jaccard threshold.

Generates wire stories about attacks in Mali from our own sentence templates, then for each story
the copies outlets typically publish (changed toll, added sentence, new headline, moved
paragraph, cut ending, several edits at once) and a French version of the same facts. Distinct
stories share the topic, the vocabulary and often the same background paragraph, which is what
makes them hard to tell apart from copies.

Every document goes through a fresh NearDuplicateIndex per threshold, in shuffled order, exactly
as ingest would add them. Scores are over document pairs: a pair is predicted together when both
land in the same group, and truly together when both are English texts of the same story. The
French versions are only scored against English texts (they come from a few short templates, so
French-French pairs would measure the templates, not the method).

    python bench/near_duplicates.py [--stories 60] [--seed 7] [--shingle-words 3]
"""

from __future__ import annotations

import argparse
import itertools
import random
import time
from dataclasses import dataclass

from peacewatch.documents.near_duplicates import NearDuplicateIndex, minhash_signature, shingles

PLACES = [
    "Ménaka", "Gao", "Kidal", "Timbuktu", "Mopti", "Ségou", "Douentza", "Bandiagara", "Boni",
    "Tessit", "Ansongo", "Niono", "Diafarabé", "Léré", "Ber", "Anefis", "Tessalit", "Aguelhok",
    "Hombori", "Djenné", "Sévaré", "Koro", "Bourem", "Goundam",
]  # fmt: skip
ATTACKERS = [
    "suspected jihadists", "gunmen on motorbikes", "militants linked to al-Qaeda",
    "fighters of the Islamic State in the Greater Sahara", "armed men", "unidentified assailants",
    "heavily armed attackers", "members of an armed group",
]  # fmt: skip
TARGETS = [
    "an army post", "a military convoy", "a village", "a weekly market", "a UN peacekeeping patrol",
    "a security checkpoint", "a gendarmerie post", "a camp for displaced families",
]  # fmt: skip
VICTIMS = ["soldiers", "civilians", "villagers", "peacekeepers", "gendarmes", "traders"]
MONTHS = ["January", "March", "May", "July", "September", "November"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SOURCES = [
    "the army said in a statement", "a local official said", "security sources said",
    "the UN mission said", "a hospital worker told reporters", "the regional governor said",
]  # fmt: skip
SPEAKERS = ["a local councillor", "an army spokesman", "a resident", "a hospital source", "the mayor"]

LEADS = [
    "{Attackers} attacked {target} near {place} on {day}, killing {killed} {victims}, {source}.",
    "At least {killed} {victims} were killed when {attackers} stormed {target} in {place} on {day}, {source}.",
    "{Killed_word} {victims} died on {day} in an assault by {attackers} on {target} outside {place}, {source}.",
    "{Attackers} killed {killed} {victims} in a raid on {target} close to {place} on {day}, {source}.",
]
DETAILS = [
    "The attackers arrived {time} and opened fire for about {duration} before withdrawing towards {other}.",
    "Witnesses said the assailants burned {vehicles} vehicles and looted shops before leaving.",
    "Another {injured} people were wounded and taken to the hospital in {other}.",
    "Reinforcements were sent from {other} and the area around {place} was searched the next day.",
    "The fighting lasted {duration} and residents of {place} fled into the bush.",
    "Mobile phone networks around {place} were cut, making it hard to confirm the toll.",
    "The assailants also took {livestock} head of cattle and set fire to granaries.",
    "Aircraft were deployed from {other} to pursue the attackers, who fled on {vehicles} motorbikes.",
    "{Injured_word} of the wounded were evacuated by helicopter to {other}, according to {speaker}.",
    "The {target_short} had already been attacked in {month}, when {earlier} people died.",
    "Residents said the attackers had warned them {weeks} weeks ago to leave {place}.",
    "The army said {captured} attackers were captured and weapons were seized near {other}.",
    "Aid groups said {displaced} families had arrived in {other} since the attack.",
    "Local leaders in {place} have asked for a permanent army presence on the road to {other}.",
]  # fmt: skip
QUOTES = [
    '"We heard gunfire {time} and nobody could leave the house," {speaker} in {place} said.',
    '"The situation is under control and the search around {other} continues," {speaker} told reporters.',
    '"{Injured_word} families are still looking for missing relatives," {speaker} said by telephone from {other}.',
    '"This is the {nth} attack around {place} this month," {speaker} said.',
    '"The army arrived {duration} too late to stop them," {speaker} said.',
    '"We buried {killed} people on {day} evening," {speaker} in {place} said.',
]  # fmt: skip
BACKGROUNDS = [
    "Mali has been fighting an insurgency since 2012, when separatist rebels and jihadist groups "
    "seized the north. The violence has since spread to the centre of the country and to "
    "neighbouring Burkina Faso and Niger, killing thousands and displacing hundreds of thousands.",
    "The 2015 peace agreement signed in Algiers between the government and northern armed groups "
    "has been slow to take effect, and large areas remain outside state control.",
    "Attacks on civilians have increased in central Mali, where ethnic militias formed to defend "
    "villages are accused of reprisals, according to human rights groups.",
]
HEADLINES = [
    "{Killed_word} killed in attack near {place}",
    "Mali: {killed} {victims} dead after assault on {target_short}",
    "Gunmen kill {killed} in central Mali",
    "Deadly raid on {target_short} in {place}",
    "Attack in {place} leaves {killed} dead",
]  # fmt: skip
EXTRA_SENTENCES = [
    "No group has claimed responsibility for the attack.",
    "The government declared three days of national mourning.",
    "The UN Secretary-General condemned the attack and called for the perpetrators to be brought to justice.",
    "Schools in the area have been closed since the start of the year.",
]  # fmt: skip
FRENCH_LEADS = [
    "Des {attaquants} ont attaqué {cible} près de {place} {jour}, tuant {killed} {victimes}, selon {source}.",
    "Au moins {killed} {victimes} ont été tués lors d'une attaque contre {cible} à {place} {jour}, selon {source}.",
]
FRENCH = {
    "attaquants": ["hommes armés", "jihadistes présumés", "assaillants non identifiés"],
    "cible": ["un poste de l'armée", "un convoi militaire", "un village", "un marché hebdomadaire"],
    "victimes": ["soldats", "civils", "villageois", "casques bleus"],
    "source": ["l'armée", "un élu local", "des sources sécuritaires"],
    "suite": [
        "Les assaillants ont incendié plusieurs véhicules avant de prendre la fuite.",
        "Des renforts ont été envoyés sur place et une opération de ratissage est en cours.",
        "Le Mali est confronté depuis 2012 à des violences jihadistes qui se sont étendues au centre du pays.",
    ],
}
NUMBER_WORDS = {2: "Two", 3: "Three", 4: "Four", 5: "Five", 6: "Six", 7: "Seven", 8: "Eight", 9: "Nine"}


@dataclass
class Story:
    """One real-world event as an agency writes it: a headline and paragraphs."""

    facts: dict[str, str | int]
    headline: str
    paragraphs: list[str]

    def text(self) -> str:
        return "\n\n".join([self.headline, *self.paragraphs])


def _facts(rng: random.Random) -> dict[str, str | int]:
    place, other = rng.sample(PLACES, 2)
    attackers, target = rng.choice(ATTACKERS), rng.choice(TARGETS)
    killed, injured = rng.randint(2, 40), rng.randint(2, 30)
    return {
        "place": place, "other": other, "attackers": attackers, "Attackers": attackers[0].upper() + attackers[1:],
        "target": target, "target_short": target.split(" ", 1)[1], "victims": rng.choice(VICTIMS),
        "day": rng.choice(DAYS), "source": rng.choice(SOURCES), "speaker": rng.choice(SPEAKERS),
        "killed": killed, "Killed_word": NUMBER_WORDS.get(killed, str(killed)), "injured": injured,
        "Injured_word": NUMBER_WORDS.get(injured, str(injured)),
        "time": rng.choice(["at dawn", "around noon", "late at night", "in the early afternoon", "after evening prayers"]),
        "duration": rng.choice(["an hour", "two hours", "several hours", "forty minutes", "half a day"]),
        "vehicles": rng.randint(2, 15), "livestock": rng.randint(20, 400), "month": rng.choice(MONTHS),
        "earlier": rng.randint(2, 25), "weeks": rng.randint(2, 8), "captured": rng.randint(2, 9),
        "displaced": rng.randint(20, 600), "nth": rng.choice(["second", "third", "fourth", "fifth"]),
    }  # fmt: skip


def write_story(rng: random.Random, background: str) -> Story:
    """A five-paragraph wire story with randomly chosen facts and phrasings."""
    facts = _facts(rng)
    details = rng.sample(DETAILS, 4)
    paragraphs = [
        rng.choice(LEADS).format(**facts),
        " ".join(details[:2]).format(**facts),
        rng.choice(QUOTES).format(**facts),
        " ".join(details[2:]).format(**facts),
        background,
    ]
    return Story(facts, rng.choice(HEADLINES).format(**facts), paragraphs)


def variants(story: Story, rng: random.Random) -> dict[str, str]:
    """The copies of one story that other outlets publish, by kind of edit."""
    killed = int(story.facts["killed"])
    new_toll = killed + rng.randint(1, 6)

    def retoll(text: str) -> str:
        word = str(story.facts["Killed_word"])
        return text.replace(str(killed), str(new_toll)).replace(word, NUMBER_WORDS.get(new_toll, str(new_toll)))

    paragraphs = story.paragraphs
    headline = rng.choice([h for h in HEADLINES if h.format(**story.facts) != story.headline])
    moved = paragraphs[:1] + [paragraphs[2], paragraphs[1]] + paragraphs[3:]
    extra = rng.choice(EXTRA_SENTENCES)
    return {
        "changed toll": retoll(story.text()),
        "added sentence": "\n\n".join([story.headline, *paragraphs[:-1], extra, paragraphs[-1]]),
        "different headline": "\n\n".join([headline.format(**story.facts), *paragraphs]),
        "reordered paragraph": "\n\n".join([story.headline, *moved]),
        "cut ending": "\n\n".join([story.headline, *paragraphs[:3]]),
        "several edits": retoll("\n\n".join([headline.format(**story.facts), *paragraphs[:4], extra])),
    }


def french_version(story: Story, rng: random.Random) -> str:
    """The same facts written in French: a different language, so never a near-duplicate."""
    fields = {key: rng.choice(values) for key, values in FRENCH.items() if key != "suite"}
    fields.update(place=story.facts["place"], killed=story.facts["killed"], jour="lundi")
    return "\n\n".join([rng.choice(FRENCH_LEADS).format(**fields), *rng.sample(FRENCH["suite"], 2)])


def build_corpus(stories: int, seed: int) -> list[tuple[str, str, str, str]]:
    """Rows of (doc_id, story_id, kind, text); kind is "original", a variant kind or "french"."""
    rng = random.Random(seed)
    rows: list[tuple[str, str, str, str]] = []
    for index in range(stories):
        story = write_story(rng, BACKGROUNDS[index % len(BACKGROUNDS)])
        story_id = f"s{index}"
        rows.append((f"{story_id}/original", story_id, "original", story.text()))
        for kind, text in variants(story, rng).items():
            rows.append((f"{story_id}/{kind}", story_id, kind, text))
        rows.append((f"{story_id}/french", f"{story_id}/fr", "french", french_version(story, rng)))
    rng.shuffle(rows)
    return rows


def evaluate(rows: list[tuple[str, str, str, str]], signatures: dict[str, bytes], threshold: float) -> dict[str, float]:
    index = NearDuplicateIndex(threshold)
    groups = {doc_id: index.add(doc_id, signatures[doc_id]) for doc_id, *_ in rows}
    tp = fp = fn = 0
    for (a, story_a, kind_a, _), (b, story_b, kind_b, _) in itertools.combinations(rows, 2):
        if kind_a == kind_b == "french":
            continue  # our French texts come from a handful of templates; only EN-FR pairs matter
        together, truth = groups[a] == groups[b], story_a == story_b
        tp += together and truth
        fp += together and not truth
        fn += truth and not together
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"precision": precision, "recall": recall, "fp": fp, "fn": fn}


def per_kind_recall(rows: list[tuple[str, str, str, str]], signatures: dict[str, bytes], threshold: float) -> dict[str, float]:
    """Share of each variant kind grouped with its original (in an index holding only originals)."""
    index = NearDuplicateIndex(threshold)
    for doc_id, _, kind, _ in rows:
        if kind == "original":
            index.add(doc_id, signatures[doc_id])
    found: dict[str, list[bool]] = {}
    for doc_id, story_id, kind, _ in rows:
        if kind != "original":
            found.setdefault(kind, []).append(index.find(signatures[doc_id]) == f"{story_id.split('/')[0]}/original")
    return {kind: sum(hits) / len(hits) for kind, hits in sorted(found.items())}


def similarity_extremes(rows: list[tuple[str, str, str, str]], shingle_words: int) -> tuple[float, dict[str, float]]:
    """Exact Jaccard: the most similar pair of distinct English stories, and the least similar copy per kind."""
    sets = {doc_id: shingles(text, shingle_words) for doc_id, _, _, text in rows}

    def jaccard(a: str, b: str) -> float:
        return len(sets[a] & sets[b]) / len(sets[a] | sets[b])

    originals = [doc_id for doc_id, _, kind, _ in rows if kind == "original"]
    distinct = max(jaccard(a, b) for a, b in itertools.combinations(originals, 2))
    lowest: dict[str, float] = {}
    for doc_id, story_id, kind, _ in rows:
        if kind != "original":
            value = jaccard(doc_id, f"{story_id.split('/')[0]}/original")
            lowest[kind] = min(lowest.get(kind, 1.0), value)
    return distinct, dict(sorted(lowest.items()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=60)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--shingle-words", type=int, default=3)
    args = parser.parse_args()

    rows = build_corpus(args.stories, args.seed)
    started = time.perf_counter()
    signatures = {doc_id: minhash_signature(text, args.shingle_words) for doc_id, _, _, text in rows}
    elapsed = time.perf_counter() - started
    positives = sum(a[1] == b[1] for a, b in itertools.combinations(rows, 2) if a[2] != "french")
    print(f"{len(rows)} documents, {positives} true pairs; signatures: {elapsed / len(rows) * 1000:.2f} ms/doc")
    print(f"{'threshold':>9} {'precision':>9} {'recall':>7} {'F1':>6} {'FP':>5} {'FN':>5}")
    for step in range(4, 19):
        threshold = step / 20
        scores = evaluate(rows, signatures, threshold)
        p, r = scores["precision"], scores["recall"]
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        print(f"{threshold:>9.2f} {p:>9.3f} {r:>7.3f} {f1:>6.3f} {scores['fp']:>5} {scores['fn']:>5}")
    distinct, lowest = similarity_extremes(rows, args.shingle_words)
    print(f"highest Jaccard between distinct stories: {distinct:.3f}")
    print("lowest Jaccard of a copy to its original: " + ", ".join(f"{k} {v:.2f}" for k, v in lowest.items()))
    for threshold in (0.4, 0.5, 0.6):
        kinds = per_kind_recall(rows, signatures, threshold)
        print(f"recall by kind at {threshold}: " + ", ".join(f"{k} {v:.2f}" for k, v in kinds.items()))


if __name__ == "__main__":
    main()
