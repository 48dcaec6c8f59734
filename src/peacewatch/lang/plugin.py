"""The bundled languages as a plugin: external packages add theirs through the same hook."""

from __future__ import annotations

from peacewatch.lang.language import bundled_folder
from peacewatch.plugins import hookimpl


@hookimpl
def language_folders() -> list[str]:
    """The folder of the languages that ship with peacewatch (``en``, ``fr``)."""
    return [str(bundled_folder())]
