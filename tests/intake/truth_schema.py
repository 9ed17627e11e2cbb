"""A tiny JSON Schema (draft 2020-12) checker for the truth schema's keywords, so the tests need no
`jsonschema` package: type, enum, required, additionalProperties: false, properties, items, $ref
to #/$defs, pattern, minLength, minimum, uniqueItems. Unknown keywords (format, title…) are ignored.

`errors(schema, value)` returns readable paths of what does not fit ([] when it fits).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "fixtures" / "intake" / "truth.schema.json"
_TYPES = {"object": dict, "array": list, "string": str, "null": type(None), "boolean": bool, "number": (int, float)}


def load_truth_schema() -> dict:
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _is(value: Any, name: str) -> bool:
    if name == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if name in ("number",) and isinstance(value, bool):
        return False
    return isinstance(value, _TYPES[name])


def errors(root: dict, value: Any, schema: dict | None = None, path: str = "$") -> list[str]:
    schema = root if schema is None else schema
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        schema = {**root["$defs"][name], **{k: v for k, v in schema.items() if k != "$ref"}}
    out: list[str] = []
    if "type" in schema:
        types = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        if not any(_is(value, t) for t in types):
            return [f"{path}: {value!r} is not {'/'.join(types)}"]
    if "enum" in schema and value not in schema["enum"]:
        out.append(f"{path}: {value!r} not in {schema['enum']}")
    if isinstance(value, str):
        if "pattern" in schema and not re.search(schema["pattern"], value):
            out.append(f"{path}: {value!r} does not match {schema['pattern']}")
        if len(value) < schema.get("minLength", 0):
            out.append(f"{path}: empty string")
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "minimum" in schema \
            and value < schema["minimum"]:
        out.append(f"{path}: {value} < {schema['minimum']}")
    if isinstance(value, dict):
        out += [f"{path}: missing {k!r}" for k in schema.get("required", []) if k not in value]
        props = schema.get("properties", {})
        if schema.get("additionalProperties") is False:
            out += [f"{path}: unexpected {k!r}" for k in value if k not in props]
        for k, sub in props.items():
            if k in value:
                out += errors(root, value[k], sub, f"{path}.{k}")
    if isinstance(value, list):
        if schema.get("uniqueItems") and len({json.dumps(v, sort_keys=True) for v in value}) != len(value):
            out.append(f"{path}: repeated items")
        if "items" in schema:
            for i, item in enumerate(value):
                out += errors(root, item, schema["items"], f"{path}[{i}]")
    return out
