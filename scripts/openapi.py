#!/usr/bin/env python3
"""The OpenAPI contract, for the service tests.

    python3 scripts/openapi.py validate openapi.yaml     # OpenAPI 3.1 validity (openapi-spec-validator)
    python3 scripts/openapi.py routes openapi.yaml       # one "METHOD /path" line per operation
    python3 scripts/openapi.py components openapi.yaml   # the document with its components.schemas
                                                         # regenerated from Schemas/json (printed)

The document's `components.schemas` are the JSON Schemas of the JSON outputs, copied from
`Schemas/json/*.schema.json` below the marker line so the served document is self-contained:
each file becomes the component named by its title, each of its `$defs` a component of its own,
and every `$ref` between files points at those components.
"""
import json
import os
import sys

import yaml

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
MARKER = "  # Generated from Schemas/json/*.schema.json by `python3 scripts/openapi.py components`:"
HEADER = (
    MARKER + "\n"
    "  # edit those files and regenerate (ContractTests checks this part is current).\n"
)
SUFFIX = ".schema.json"


def schema_components(folder):
    """The components, in file order: each file's root (when it has one), then its `$defs`."""
    files = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith(SUFFIX):
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                files[name] = json.load(handle)

    def target(current, reference):
        file, _, fragment = reference.partition("#")
        file = file or current
        if fragment.startswith("/$defs/"):
            return "#/components/schemas/" + fragment[len("/$defs/"):]
        if fragment:
            raise ValueError(f"{current}: cannot copy $ref {reference}")
        return "#/components/schemas/" + files[file]["title"]

    def rewrite(current, node):
        if isinstance(node, dict):
            return {key: (target(current, value) if key == "$ref" else rewrite(current, value)) for key, value in node.items()}
        if isinstance(node, list):
            return [rewrite(current, value) for value in node]
        return node

    components = {}

    def add(name, schema):
        if name in components:
            raise ValueError(f"two components named {name}")
        components[name] = schema

    for name, schema in files.items():
        root = {key: value for key, value in schema.items() if key not in ("$schema", "$id", "$defs", "title")}
        if set(root) - {"description"}:
            add(schema["title"], rewrite(name, root))
        for definition, body in schema.get("$defs", {}).items():
            add(definition, rewrite(name, body))
    return components


def regenerated(path):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    head = text.split(MARKER + "\n", 1)[0]
    folder = os.path.join(os.path.dirname(os.path.abspath(path)), "Schemas", "json")
    body = yaml.safe_dump(
        {"schemas": schema_components(folder)}, sort_keys=False, allow_unicode=True, width=120, default_flow_style=None)
    return head + HEADER + "".join("  " + line + "\n" for line in body.splitlines())


def main() -> int:
    command, path = sys.argv[1], sys.argv[2]
    if command == "components":
        sys.stdout.write(regenerated(path))
        return 0
    with open(path, encoding="utf-8") as handle:
        document = yaml.safe_load(handle)
    if command == "validate":
        from openapi_spec_validator import validate

        validate(document)
        print("valid")
    elif command == "routes":
        for route, item in sorted(document["paths"].items()):
            for method in METHODS:
                if method in item:
                    print(f"{method.upper()} {route}")
    else:
        print(f"unknown command {command}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
