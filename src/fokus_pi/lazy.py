"""A module imported on its first attribute access: for heavy libraries that most builds never need."""

from __future__ import annotations

import importlib
from types import ModuleType


class Lazy:
    """Stands for module ``name``; ``Lazy("altair").Chart`` imports altair then."""

    def __init__(self, name: str) -> None:
        self._name = name

    def __getattr__(self, attr: str) -> object:
        module: ModuleType = importlib.import_module(self._name)
        return getattr(module, attr)
