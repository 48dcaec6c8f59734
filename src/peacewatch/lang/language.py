"""A language as a folder of rule files: found on a search path, checked, compiled once.

Why data and not code: the words a reader looks for ("attacked", "tués", "hier", "au moins")
and why each is there are what analysts and contributors change most, and a rule file with its
own examples can be read, reviewed and tested without reading the reader. Mechanisms (how a
casualty figure is read to the left of "were killed", how a weekday is dated) stay in code and
take a `Language`.

A folder is a language when it holds a ``meta.yaml``; every other ``*.yaml`` in it is a rule
file checked by the JSON Schema of the same name in ``lang/schemas/``. Folders come from the
``language_folders`` plugin hook (the bundled ``en`` and ``fr`` are one such plugin)
and from ``PEACEWATCH_LANG_PATH``; a folder found earlier hides a later one of the same code, so
an analyst's own copy of a language overrides the bundled one.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import yaml

T = TypeVar("T")

NEVER = "(?!)"
"""A pattern that matches nothing: what an empty table compiles to (an empty alternation would
match everywhere)."""


SLOT = re.compile(r"\{([a-z_]+)\}")
"""A slot of a frame: ``{table}`` (quantifiers such as ``{0,4}`` are left alone)."""


def fill(frame: str, lookup: Callable[[str], Table], given: dict[str, str] | None = None) -> str:
    """``frame`` with each ``{table}`` slot replaced by that table's alternation.

    A reader's patterns are frames in code ("a cue, then up to four words, then the end") with the
    words in data; this puts them together. A slot of an ``ignore_case`` table matches regardless
    of case within the slot; the frame's own flags apply to the whole. ``given`` fills slots the
    reader works out itself (a table's words escaped, say)."""

    def slot(match: re.Match[str]) -> str:
        name = match.group(1)
        if given is not None and name in given:
            return given[name]
        table = lookup(name)
        patterns = table.patterns()
        if not patterns:
            return NEVER
        return ("(?i:" if table.ignore_case else "(?:") + "|".join(patterns) + ")"

    return SLOT.sub(slot, frame)


class LanguageError(ValueError):
    """A language that cannot be found, or a rule file that does not pass its schema."""


@dataclass(frozen=True, slots=True)
class Table:
    """One named table of a rule file: its rules (or plain words) and how they are matched."""

    file: str
    name: str
    rules: tuple[dict[str, Any], ...] = ()
    words: tuple[str, ...] = ()
    why: str = ""
    fold: bool = False
    """Match against folded text (lower case, no accents): patterns are written folded."""
    ignore_case: bool = False
    shared: bool = False
    """Read in the documents of the languages that list this one in ``also_reads`` too."""
    examples: dict[str, list[str]] = field(default_factory=dict)

    @property
    def flags(self) -> int:
        return re.IGNORECASE if self.ignore_case else 0

    def patterns(self) -> list[str]:
        """The rules' regular expressions, in file order."""
        return [rule["pattern"] for rule in self.rules if "pattern" in rule]

    def alternation(self) -> str:
        """The rules' patterns as one non-capturing alternation (``NEVER`` when there are none)."""
        patterns = self.patterns()
        return "(?:" + "|".join(patterns) + ")" if patterns else NEVER

    def regex(self, frame: str = "{}") -> re.Pattern[str]:
        """The alternation placed in ``frame`` (``{}`` marks the spot) and compiled with the table's flags."""
        return re.compile(frame.replace("{}", self.alternation()), self.flags)

    def phrases(self, key: str = "phrase") -> list[tuple[str, dict[str, Any]]]:
        """(phrase, rule) for every phrase of the rules, in file order; a rule may list several
        phrases under the plural key ("phrases", "names") that share its other fields."""
        out = []
        for rule in self.rules:
            if key in rule:
                out.append((rule[key], rule))
            for phrase in rule.get(key + "s", ()):
                out.append((phrase, rule))
        return out

    def word_set(self) -> frozenset[str]:
        return frozenset(self.words)


@dataclass(eq=False)
class Language:
    """The rules of one language, read from its folder; compiled forms are built on first use."""

    code: str
    folder: Path
    meta: dict[str, Any]
    files: dict[str, dict[str, Table]]
    others: tuple[str, ...] = ()
    """Codes of the languages whose shared tables this one also reads (``also_reads``)."""
    _compiled: dict[Callable[..., Any], Any] = field(default_factory=dict, repr=False)

    def __hash__(self) -> int:
        return id(self)

    @property
    def name(self) -> str:
        return str(self.meta.get("name", self.code))

    @property
    def spacy_package(self) -> str | None:
        return self.meta.get("spacy", {}).get("package")

    @property
    def place_label(self) -> str:
        """The entity label our gazetteer places get in this language's spaCy pipeline."""
        return str(self.meta.get("spacy", {}).get("place_label", "LOC"))

    @property
    def ner_place_labels(self) -> frozenset[str]:
        """The labels the statistical NER gives places in this language."""
        return frozenset(self.meta.get("spacy", {}).get("ner_place_labels", ["LOC"]))

    def own_table(self, file: str, name: str) -> Table:
        """The table as this language's file writes it (empty when the file or table is absent)."""
        table = self.files.get(file, {}).get(name)
        return table if table is not None else Table(file, name)

    def table(self, file: str, name: str) -> Table:
        """The table a reader of this language uses: its own rules, then, when the table is
        shared (or the language's folder lacks it), the shared rules of the languages it also
        reads. An identical rule or word is kept once."""
        own = self.files.get(file, {}).get(name)
        if own is not None and not own.shared:
            return own
        others = [t for t in (load(code).own_table(file, name) for code in self.others) if t.shared]
        if own is None and not others:
            return Table(file, name)
        return merge_tables([own] if own is not None else [], others, file, name)

    def frame(self, file: str, frame: str, flags: int = 0, **names: str) -> re.Pattern[str]:
        """A frame of code with its ``{slot}`` slots filled from this language's tables of ``file``
        (``names`` maps a slot to a table of another name) and compiled with ``flags``."""
        return re.compile(fill(frame, lambda slot: self.table(file, names.get(slot, slot))), flags)

    def tables(self, file: str) -> dict[str, Table]:
        """Every table of one rule file of this language, by name."""
        return dict(self.files.get(file, {}))

    def compiled(self, build: Callable[[Language], T]) -> T:
        """``build(self)``, worked out once per language: readers keep their compiled tables here."""
        if build not in self._compiled:
            self._compiled[build] = build(self)
        return self._compiled[build]  # type: ignore[no-any-return]


def _rule_key(rule: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in rule.items() if k not in ("examples", "why")}, sort_keys=True, default=str)


def merge_tables(first: list[Table], then: list[Table], file: str, name: str) -> Table:
    """One table from several, in order (an identical rule or word kept once); options come
    from the first table given."""
    tables = first + then
    rules: list[dict[str, Any]] = []
    words: list[str] = []
    seen_rules: set[str] = set()
    seen_words: set[str] = set()
    for table in tables:
        for rule in table.rules:
            key = _rule_key(rule)
            if key not in seen_rules:
                seen_rules.add(key)
                rules.append(rule)
        for word in table.words:
            if word not in seen_words:
                seen_words.add(word)
                words.append(word)
    base = tables[0] if tables else Table(file, name)
    return Table(file, name, tuple(rules), tuple(words), base.why, base.fold, base.ignore_case, True, base.examples)


def every_language_table(file: str, name: str) -> Table:
    """A table as read when a text's language is not known: every supported language's own
    rules, in the order of ``supported()``."""
    return merge_tables([load(code).own_table(file, name) for code in supported()], [], file, name)


# -- discovery -----------------------------------------------------------------------------------

def bundled_folder() -> Path:
    """The folder holding the languages that ship with peacewatch."""
    return Path(str(resources.files("peacewatch.lang")))


def search_path() -> list[Path]:
    """Where languages are looked for, in order: ``PEACEWATCH_LANG_PATH``, then plugins' folders."""
    return list(_search_path(os.environ.get("PEACEWATCH_LANG_PATH", "")))


@lru_cache(maxsize=8)
def _search_path(configured: str) -> tuple[Path, ...]:
    return tuple(Path(p) for p in configured.split(os.pathsep) if p) + _plugin_folders()


@lru_cache(maxsize=1)
def _plugin_folders() -> tuple[Path, ...]:
    from peacewatch.plugins import manager

    return tuple(Path(f) for folders in manager().hook.language_folders() for f in folders or ())


@lru_cache(maxsize=16)
def _folders(path: tuple[Path, ...]) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for root in path:
        if not root.is_dir():
            continue
        for folder in sorted(root.iterdir()):
            if (folder / "meta.yaml").is_file() and folder.name not in found:
                found[folder.name] = folder
    return found


def supported() -> tuple[str, ...]:
    """The codes of every language found on the search path, sorted."""
    return tuple(sorted(_folders(_search_path(os.environ.get("PEACEWATCH_LANG_PATH", "")))))


def load(code: str) -> Language:
    """The language ``code`` ("en", "fr", or any folder on the search path), read once.

    Raises LanguageError naming the languages there are when ``code`` is not one of them, or the
    file, table and rule when a rule file is invalid.
    """
    return _load(code, _search_path(os.environ.get("PEACEWATCH_LANG_PATH", "")))


def forget() -> None:
    """Drop the languages read so far, so that the next ``load`` reads their folders again (after
    editing a rule file in a running process)."""
    _load.cache_clear()
    _folders.cache_clear()


def resolve(language: Language | str) -> Language:
    """A Language as given, or loaded from its code: readers accept either."""
    return language if isinstance(language, Language) else load(language)


@lru_cache(maxsize=None)
def _load(code: str, path: tuple[Path, ...]) -> Language:
    folder = _folders(path).get(code)
    if folder is None:
        known = ", ".join(sorted(_folders(path))) or "none"
        raise LanguageError(f"no language {code!r} (languages found: {known})")
    meta = _read(folder / "meta.yaml", "meta")
    if meta.get("code", code) != code:
        raise LanguageError(f"{folder / 'meta.yaml'}: code {meta['code']!r} does not match its folder {code!r}")
    files: dict[str, dict[str, Table]] = {}
    for rule_file in sorted(folder.glob("*.yaml")):
        if rule_file.stem == "meta":
            continue
        files[rule_file.stem] = _tables(rule_file, _read(rule_file, rule_file.stem))
    others = tuple(c for c in meta.get("also_reads", ()) if c != code and c in _folders(path))
    return Language(code=code, folder=folder, meta=meta, files=files, others=others)


# -- reading and checking ------------------------------------------------------------------------

def schema_folder() -> Path:
    return bundled_folder() / "schemas"


@lru_cache(maxsize=None)
def _validator(kind: str) -> Any:
    import jsonschema
    from referencing import Registry, Resource

    folder = schema_folder()
    path = folder / f"{kind}.schema.json"
    if not path.is_file():
        raise LanguageError(f"rule file {kind!r} has no schema (lang/schemas/{kind}.schema.json); known: "
                            + ", ".join(sorted(p.name.split(".")[0] for p in folder.glob("*.schema.json"))))
    resources_ = []
    for schema_path in folder.glob("*.schema.json"):
        resources_.append((schema_path.name, Resource.from_contents(json.loads(schema_path.read_text("utf-8")))))
    registry: Registry = Registry().with_resources(resources_)
    schema = json.loads(path.read_text("utf-8"))
    return jsonschema.Draft202012Validator(schema, registry=registry)


def _cache_folder() -> Path | None:
    """Where checked rule files are kept as JSON (``PEACEWATCH_CACHE``, else the user's cache
    folder); None when caching is switched off (``PEACEWATCH_CACHE=off``)."""
    configured = os.environ.get("PEACEWATCH_CACHE")
    if configured == "off":
        return None
    base = Path(configured) if configured else Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "peacewatch"
    return base / "lang"


@lru_cache(maxsize=None)
def _schema_digest() -> str:
    digest = hashlib.sha256()
    for schema_path in sorted(schema_folder().glob("*.schema.json")):
        digest.update(schema_path.name.encode() + b"\0" + schema_path.read_bytes())
    return digest.hexdigest()


def _read(path: Path, kind: str) -> dict[str, Any]:
    """A rule file's data, checked against its schema.

    Parsing YAML and checking it costs most of a second per language; a file already checked
    (same bytes, same schemas) is read back from the cache as JSON instead, so that a command on
    one short file starts fast. An unwritable cache only costs the time saved.
    """
    try:
        raw = path.read_bytes()
    except OSError as err:
        raise LanguageError(f"{path}: cannot be read: {err}") from None
    folder = _cache_folder()
    key = hashlib.sha256(raw + b"\0" + kind.encode() + b"\0" + _schema_digest().encode()).hexdigest()
    cached = folder / f"{key}.json" if folder is not None else None
    if cached is not None and cached.is_file():
        try:
            return json.loads(cached.read_text("utf-8"))  # type: ignore[no-any-return]
        except (OSError, ValueError):
            pass
    try:
        data = yaml.load(raw.decode("utf-8"), Loader=yaml.CSafeLoader) or {}
    except (UnicodeDecodeError, yaml.YAMLError) as err:
        raise LanguageError(f"{path}: cannot be read as YAML: {err}") from None
    errors = sorted(_validator(kind).iter_errors(data), key=lambda e: list(e.absolute_path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.absolute_path) or "(top)"
        raise LanguageError(f"{path}: {where}: {first.message}" + (f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""))
    if cached is not None:
        try:
            cached.parent.mkdir(parents=True, exist_ok=True)
            dumped = json.dumps(data, ensure_ascii=False)
            if json.loads(dumped) == data:  # only what JSON keeps as it is (no dates, no number keys)
                partial = cached.with_suffix(f".{os.getpid()}.tmp")
                partial.write_text(dumped, "utf-8")
                partial.replace(cached)
        except (OSError, TypeError, ValueError):
            pass
    return data  # type: ignore[no-any-return]


def _tables(path: Path, data: dict[str, Any]) -> dict[str, Table]:
    tables: dict[str, Table] = {}
    for name, body in data.items():
        if not isinstance(body, dict):
            continue
        table = Table(
            file=path.stem,
            name=name,
            rules=tuple(body.get("rules", ())),
            words=tuple(body.get("words", ())),
            why=body.get("why", ""),
            fold=bool(body.get("fold", False)),
            ignore_case=bool(body.get("ignore_case", False)),
            shared=bool(body.get("shared", False)),
            examples=body.get("examples", {}),
        )
        for index, rule in enumerate(table.rules):
            if "pattern" not in rule:
                continue
            try:
                re.compile(rule["pattern"], table.flags)
            except re.error as err:
                raise LanguageError(f"{path}: {name}: rule {index + 1}: pattern {rule['pattern']!r} does not compile: {err}") from None
        tables[name] = table
    return tables


def iter_tables(language: Language) -> Iterator[Table]:
    """Every table of every rule file of ``language``, as written in its own folder."""
    for tables in language.files.values():
        yield from tables.values()
