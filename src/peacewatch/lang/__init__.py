"""Languages as data: one folder per language (``en/``, ``fr/``), its rules in YAML files.

``load(code)`` reads a language once and keeps its compiled tables; ``supported()`` lists the
languages found. See ``language.py`` for where folders are looked for and ``docs/languages.md``
for how to add a rule or a language.
"""

from peacewatch.lang.language import Language, LanguageError, Table, forget, load, resolve, supported

__all__ = ["Language", "LanguageError", "Table", "forget", "load", "resolve", "supported"]
