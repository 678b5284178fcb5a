"""Live figures in hand-written texts: ``{{ wert("kinderarmut", "Elmshorn", 2024) }}`` and friends.

A macro is a single call with literal arguments between double braces. It is parsed with Python's ``ast`` (no
evaluation of anything but literals, so no sandbox is needed) and expanded from the report model, so a text changes
when the data does. Fenced code, inline code and HTML comments are left alone, which lets the documentation show
macros. Every problem is reported as ``path:line:column`` and the expansion carries on, so one run names them all.

This module does not import MkDocs; ``hooks/macros.py`` only passes each page through ``expand``."""

from __future__ import annotations

import ast
import inspect
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from .problems import Collector
from .report import Report

CALL = re.compile(r"\{\{(.*?)\}\}", re.S)
PROTECTED = re.compile(
    r"^[ \t]*(?P<fence>`{3,}|~{3,})[^\n]*\n.*?^[ \t]*(?P=fence)[ \t]*$"  # fenced code block
    r"|(?P<ticks>`+)[^`].*?(?P=ticks)"  # inline code
    r"|<!--.*?-->",  # HTML comment
    re.S | re.M,
)


class MacroError(Exception):
    """A problem in one macro call; the message is German and meant for authors."""


@dataclass(frozen=True)
class Call:
    name: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]


def parse(source: str) -> Call:
    """The call between the braces; only literal arguments (text, numbers, lists) are allowed."""
    try:
        node = ast.parse(source.strip(), mode="eval").body
    except SyntaxError:
        raise MacroError(f"Makro „{source.strip()}“ ist nicht lesbar; "
                         "Form: name(\"kennzahl\", \"gebiet\", jahr)") from None
    if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
        raise MacroError(f"„{source.strip()}“ ist kein Makroaufruf; Form: name(\"kennzahl\", \"gebiet\", jahr)")
    try:
        args = tuple(ast.literal_eval(a) for a in node.args)
        kwargs = {k.arg: ast.literal_eval(k.value) for k in node.keywords if k.arg is not None}
    except ValueError:
        raise MacroError(f"{node.func.id}(): nur feste Werte sind erlaubt (Text in Anführungszeichen, Zahlen, "
                         "Listen)") from None
    if any(k.arg is None for k in node.keywords):
        raise MacroError(f"{node.func.id}(): „**“ ist nicht erlaubt")
    return Call(node.func.id, args, kwargs)


def find(text: str) -> list[tuple[re.Match, int, int]]:
    """Each macro outside code and comments with its 1-based line and column."""
    protected = [(m.start(), m.end()) for m in PROTECTED.finditer(text)]
    result = []
    for match in CALL.finditer(text):
        if any(a <= match.start() < b for a, b in protected):
            continue
        line = text.count("\n", 0, match.start()) + 1
        column = match.start() - (text.rfind("\n", 0, match.start()) + 1) + 1
        result.append((match, line, column))
    return result


class Library:
    """The macros an author can call, bound to one report (and, for site paths, to one page)."""

    def __init__(self, report: Report, base: str = "", docs_dir: Path | None = None):
        from . import macro_figures, macro_planning  # the macro bodies, split by theme

        self.report = report
        self.base = base  # relative path from the page to the site root, e.g. "../"
        self.docs_dir = docs_dir
        self.functions: dict[str, Callable[..., str]] = {}
        for module in (macro_figures, macro_planning):
            for name in module.__all__:
                self.functions[name] = getattr(module, name)

    def call(self, call: Call) -> str:
        if call.name not in self.functions:
            known = ", ".join(sorted(self.functions))
            raise MacroError(f"unbekanntes Makro „{call.name}“ (bekannt: {known})")
        fn = self.functions[call.name]
        try:
            inspect.signature(fn).bind(self, *call.args, **call.kwargs)
        except TypeError:
            raise MacroError(f"{call.name}() passt nicht zu den Angaben; Form: {usage(call.name, fn)}") from None
        return fn(self, *call.args, **call.kwargs)


def usage(name: str, fn: Callable[..., str]) -> str:
    params = list(inspect.signature(fn).parameters.values())[1:]
    shown = []
    for p in params:
        if p.kind is p.VAR_POSITIONAL:
            shown.append(f"*{p.name}")
        elif p.default is p.empty:
            shown.append(p.name)
        else:
            default = f'"{p.default}"' if isinstance(p.default, str) else "…" if p.default is None else p.default
            shown.append(f"{p.name}={default}")
    return f"{name}({', '.join(shown)})"


def expand(text: str, library: Library, path: Path | str, out: Collector, first_line: int = 1,
           column_offset: int = 0) -> str:
    """Replace every macro in ``text``; problems go to ``out`` at ``path:line:column`` and leave the call as is.

    ``first_line`` and ``column_offset`` place a text taken from inside another file (a YAML block)."""
    pieces, last = [], 0
    for match, line, column in find(text):
        pieces.append(text[last:match.start()])
        last = match.end()
        try:
            pieces.append(library.call(parse(match.group(1))))
        except MacroError as exc:
            out.add(path, first_line + line - 1, column + column_offset, str(exc))
            pieces.append(match.group(0))
    pieces.append(text[last:])
    return "".join(pieces)


def check_tree(report: Report, docs_dir: Path, out: Collector) -> int:
    """Expand the macros of every Markdown file under ``docs_dir`` without building, so `fokus check` finds
    an unknown indicator or area in a text as early as one in the data. Returns the number of files read.
    Lines count from the top of the file (front matter included), as an editor shows them."""
    files = sorted(docs_dir.rglob("*.md"))
    library = Library(report, docs_dir=docs_dir)
    for path in files:
        text = path.read_text(encoding="utf-8")
        if "{{" in text:
            expand(text, library, path, out)
    return len(files)
