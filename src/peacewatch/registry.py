"""Named component registries, in the spirit of spaCy's ``@registry.*`` functions.

A component (extractor, resolver, exporter, source reader) registers itself under a name; the
pipeline looks it up by the name given in config or on the command line. Built-in components are
registered exactly like third-party ones would be.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class Registry(Generic[T]):
    """A name -> factory table with a decorator for registration."""

    def __init__(self, kind: str, package: str) -> None:
        self.kind = kind
        self._factories: dict[str, Callable[..., T]] = {}
        self._package = package
        self._loaded = False

    def register(self, name: str) -> Callable[[Callable[..., T]], Callable[..., T]]:
        def decorate(factory: Callable[..., T]) -> Callable[..., T]:
            self._factories[name] = factory
            return factory

        return decorate

    def _load_builtins(self) -> None:
        """Import every module of the component's package: built-ins register on import."""
        if not self._loaded:
            self._loaded = True
            package = importlib.import_module(self._package)
            for info in pkgutil.iter_modules(package.__path__):
                importlib.import_module(f"{self._package}.{info.name}")

    def get(self, name: str) -> Callable[..., T]:
        self._load_builtins()
        try:
            return self._factories[name]
        except KeyError:
            known = ", ".join(sorted(self._factories)) or "none"
            raise KeyError(f"no {self.kind} named {name!r} (known: {known})") from None

    def names(self) -> list[str]:
        self._load_builtins()
        return sorted(self._factories)
