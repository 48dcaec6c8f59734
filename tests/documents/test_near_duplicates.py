"""Wire-story copies are grouped; distinct stories and translations are not."""

from __future__ import annotations

import pytest

from peacewatch.documents import NearDuplicateIndex, minhash_signature

STORY = (
    "Gunmen attack army post near Ménaka\n\n"
    "Gunmen on motorbikes attacked an army post near Ménaka on Tuesday, killing seven soldiers, the army said in a statement.\n\n"
    "The attackers arrived at dawn and fired on the post for about two hours before withdrawing towards the border. "
    "Witnesses said they burned three vehicles and took weapons from the armoury.\n\n"
    '"We heard heavy gunfire all morning and nobody dared to leave the house," a resident of Ménaka said by telephone.\n\n'
    "Reinforcements were sent from Gao and helicopters searched the area on Wednesday.\n\n"
    "Mali has been fighting an insurgency since 2012, when separatist rebels and jihadist groups seized the north. "
    "The violence has since spread to the centre of the country."
)
BACKGROUND = STORY.split("\n\n")[-1]
OTHER_STORY = (
    "Market raided in central Mali\n\n"
    "Armed men raided a weekly market outside Bandiagara on Sunday, killing four traders and stealing livestock, a local official said.\n\n"
    "The raiders came on foot from the forest and set fire to several stalls. Families fled towards Sévaré during the night.\n\n"
    f"{BACKGROUND}"
)
SAME_TOPIC = (
    "Soldiers killed in attack near Ménaka\n\n"
    "Five soldiers died on Friday when suspected jihadists attacked their convoy on the road from Ménaka to Anderamboukane, security sources said.\n\n"
    "The convoy was hit by a mine before the attackers opened fire. Two trucks were destroyed.\n\n"
    f"{BACKGROUND}"
)
FRENCH = (
    "Attaque contre un poste de l'armée près de Ménaka\n\n"
    "Des hommes armés à moto ont attaqué mardi un poste de l'armée près de Ménaka, tuant sept soldats, a indiqué l'armée dans un communiqué.\n\n"
    "Les assaillants sont arrivés à l'aube et ont tiré sur le poste pendant environ deux heures avant de se replier vers la frontière."
)

paragraphs = STORY.split("\n\n")
VARIANTS = {
    "changed toll": STORY.replace("seven soldiers", "nine soldiers"),
    "added sentence": STORY + "\n\nNo group has claimed responsibility for the attack.",
    "different headline": STORY.replace("Gunmen attack army post near Ménaka", "Mali: seven soldiers killed in Ménaka raid"),
    "reordered paragraph": "\n\n".join([paragraphs[0], paragraphs[1], paragraphs[3], paragraphs[2], *paragraphs[4:]]),
}


@pytest.fixture
def index() -> NearDuplicateIndex:
    index = NearDuplicateIndex()
    assert index.add("original", minhash_signature(STORY)) == "original"
    return index


@pytest.mark.parametrize("kind", sorted(VARIANTS))
def test_wire_copies_join_the_original(index: NearDuplicateIndex, kind: str) -> None:
    signature = minhash_signature(VARIANTS[kind])
    assert index.find(signature) == "original"
    assert index.add(f"copy/{kind}", signature) == "original"


@pytest.mark.parametrize("text", [OTHER_STORY, SAME_TOPIC, FRENCH])
def test_distinct_stories_and_translations_stay_apart(index: NearDuplicateIndex, text: str) -> None:
    signature = minhash_signature(text)
    assert index.find(signature) is None
    assert index.add("other", signature) == "other"


def test_copy_of_a_copy_joins_the_first_leader(index: NearDuplicateIndex) -> None:
    index.add("copy", minhash_signature(VARIANTS["changed toll"]))
    assert index.add("copy2", minhash_signature(VARIANTS["changed toll"] + "\n\nThe toll may rise.")) == "original"


def test_signatures_are_stable_bytes_and_the_index_can_be_rebuilt() -> None:
    signature = minhash_signature(STORY)
    assert isinstance(signature, bytes) and signature == minhash_signature(STORY)
    rebuilt = NearDuplicateIndex()
    rebuilt.load([("original", "original", signature), ("copy", "original", minhash_signature(VARIANTS["changed toll"]))])
    assert len(rebuilt) == 2 and rebuilt.group_of("copy") == "original"
    assert rebuilt.find(minhash_signature(VARIANTS["added sentence"])) == "original"
    assert rebuilt.find(minhash_signature(OTHER_STORY)) is None


def test_adding_an_indexed_document_again_keeps_its_group(index: NearDuplicateIndex) -> None:
    assert index.add("original", minhash_signature(OTHER_STORY)) == "original"
    assert len(index) == 1


def test_empty_text_is_never_a_near_duplicate() -> None:
    index = NearDuplicateIndex()
    index.add("empty", minhash_signature(""))
    assert index.find(minhash_signature("")) is None


def test_signatures_match_a_plain_datasketch_minhash() -> None:
    """Stored signatures stay comparable with any MinHash of the same seed and size."""
    from datasketch import LeanMinHash, MinHash

    from peacewatch.documents.near_duplicates import NUM_PERM, SEED, shingles

    plain = MinHash(num_perm=NUM_PERM, seed=SEED)
    plain.update_batch(list(shingles(STORY)))
    assert LeanMinHash.deserialize(minhash_signature(STORY)).jaccard(LeanMinHash(plain)) == 1.0
