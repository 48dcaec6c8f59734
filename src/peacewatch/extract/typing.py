"""ACLED's event type and sub-event type for one event, from the cues of its triggers.

Why a step of its own: an event is told with several cues ("an IED exploded, followed by an
exchange of fire"), and ACLED's type follows from their combination and from who was hit (an IED
on soldiers is remote violence, the same IED followed by a firefight a battle; a protest with tear
gas is a protest with intervention, with burning tyres a riot). The rules below are ours, written
from the codebook's definitions; the cue names are those of ``peacewatch.nlp.triggers.CUES``.
"""

from __future__ import annotations

import re

from peacewatch.codebook import BATTLES, LABELS, PROTESTS, REMOTE, RIOTS, STRATEGIC, VAC
from peacewatch.nlp.triggers import CUES

VIOLENT_CUES = frozenset({
    "attack", "ambush", "clash", "assault", "gunfire", "kill", "harm", "ied", "vbied", "suicide", "shelling", "air",
    "grenade", "abduct", "sexual",
})
"""Cues of political violence: with one of them, a toll in the sentence belongs to the event."""
SPECIFIC_CUES = frozenset(CUES) - {"attack", "kill", "harm", "gunfire", "assault", "intervention", "peaceful", "meeting"}
"""Cues that pin a sub-event type on their own; 'attack' or 'killed' alone do not."""
_LABEL = re.compile(r"^\s*([A-Za-z /-]{5,40}?)\s*:")


def explicit_type(sentence: str) -> tuple[str, str] | None:
    """The type a note states itself with a leading label ("Looting: On July 29, ..."), if it is one we know."""
    match = _LABEL.match(sentence)
    return LABELS.get(match.group(1).strip().lower()) if match else None


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
