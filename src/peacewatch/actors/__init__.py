"""Actors: the registry of who is who in the Sahel, and the finder of actor mentions in text.

    registry() -> ActorRegistry        (cached, from src/peacewatch/data/actors.yaml)
    find_actors(text, language=None, country=None, on=None) -> list[ActorMention]
                                       (country: the region's default country when not given)
"""

from peacewatch.actors.finder import find_actors
from peacewatch.actors.model import Actor, ActorMention, Membership, NamePeriod
from peacewatch.actors.registry import ActorRegistry, lookup_key, registry

__all__ = [
    "Actor",
    "ActorMention",
    "ActorRegistry",
    "Membership",
    "NamePeriod",
    "find_actors",
    "lookup_key",
    "registry",
]
