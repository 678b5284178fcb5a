"""JSON-Schema validation of the YAML metadata, with German messages located at the YAML key."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .cache import cached_pickle, code_version, key
from .problems import Collector
from .yamlsrc import Located, YamlSyntaxError, load_located

if TYPE_CHECKING:
    import jsonschema


@cache
def schema(name: str) -> dict[str, Any]:
    """The packaged schema ``name`` (e.g. ``indicators``); also published for planners' editors."""
    text = resources.files("fokus_pi").joinpath(f"schemas/{name}.schema.json").read_text("utf-8")
    return json.loads(text)


def _jsonable(value: Any) -> Any:
    # YAML dates become date objects; JSON Schema speaks strings ("format": "date").
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def _message(err: jsonschema.ValidationError) -> tuple[str, tuple[Any, ...]]:
    """A German message and the YAML path it belongs to."""
    path = tuple(err.absolute_path)
    v, inst = err.validator, err.instance
    if v == "required":
        missing = [k for k in err.validator_value if k not in inst]
        return f"Pflichtangabe „{missing[0]}“ fehlt", path
    if v == "additionalProperties":
        allowed = set(err.schema.get("properties", {}))
        extra = sorted(k for k in inst if k not in allowed)
        return f"unbekannter Schlüssel „{extra[0]}“", path + (extra[0],)
    if v == "enum":
        allowed = ", ".join(str(x) for x in err.validator_value)
        return f"ungültiger Wert „{inst}“ (erlaubt: {allowed})", path
    if v == "type":
        return f"falscher Typ: erwartet {err.validator_value}, gefunden „{inst}“", path
    if v == "pattern":
        return f"„{inst}“ ist kein gültiger Kurzname (nur a–z, 0–9 und Bindestriche)", path
    if v == "minLength":
        return "darf nicht leer sein", path
    if v in ("minimum", "maximum", "exclusiveMinimum"):
        return f"Wert {inst} außerhalb des erlaubten Bereichs", path
    if v == "format":
        return f"„{inst}“ ist kein gültiges Datum (JJJJ-MM-TT)", path
    if v == "minItems":
        return "Liste darf nicht leer sein", path
    return err.message, path


def check(doc: Located, name: str, out: Collector) -> bool:
    """Validate ``doc`` against schema ``name``; add every error to ``out``; True when clean."""
    import jsonschema  # here: a build whose YAML files all come from the cache never imports it (0.05 s)

    validator = jsonschema.Draft202012Validator(schema(name), format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(_jsonable(doc.data)), key=lambda e: list(map(str, e.absolute_path)))
    for err in errors:
        message, path = _message(err)
        line, col = doc.where(path)
        out.add(doc.path, line, col, message)
    return not errors


def load(path: Path, name: str, out: Collector) -> tuple[Located | None, bool]:
    """Read a YAML file with positions and check it against schema ``name``.

    Returns the document (None when missing or unparsable, the problem is already reported) and whether it
    is valid; callers that can go on with a partly valid document (the catalogue) still get it. A valid file
    comes from the build cache while its bytes, its schema and this code stay the same: parsing and checking
    the eleven unchanged YAML files took 0.15 s of every build after a data commit. A file with problems is
    never stored, so its problems are reported on every build until they are fixed."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        out.add(path, 1, 1, "Datei fehlt")
        return None, False
    digest = key(code_version("schemas.py", "yamlsrc.py", "schemas", "dist:pyyaml", "dist:jsonschema"), name,
                 str(path), hashlib.sha256(raw).hexdigest())
    before = len(out.problems)
    return cached_pickle("yaml", digest, lambda: _load(path, raw, name, out),
                         keep=lambda made: made[1] and len(out.problems) == before)


def _load(path: Path, raw: bytes, name: str, out: Collector) -> tuple[Located | None, bool]:
    try:
        doc = load_located(path, raw.decode("utf-8"))
    except YamlSyntaxError as exc:
        out.add(exc.path, exc.line, exc.column, exc.message)
        return None, False
    return doc, check(doc, name, out)
