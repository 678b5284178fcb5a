"""Validation problems that name file, line and column, so planners can jump straight to the cell."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    """One finding in the input; line and column are 1-based (0 when unknown)."""

    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class DataError(Exception):
    """Raised when the input has problems; carries all of them, not only the first."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


@dataclass
class Collector:
    """Gathers problems across all stages so one run reports everything."""

    root: Path | None = None
    problems: list[Problem] = field(default_factory=list)

    def rel(self, path: Path | str) -> str:
        p = Path(path)
        if self.root is not None:
            try:
                return str(p.resolve().relative_to(self.root.resolve().parent))
            except ValueError:
                pass
        return str(p)

    def add(self, path: Path | str, line: int, column: int, message: str) -> None:
        self.problems.append(Problem(self.rel(path), line, column, message))

    def raise_if_any(self) -> None:
        if self.problems:
            raise DataError(self.problems)
