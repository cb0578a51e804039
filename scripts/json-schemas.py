#!/usr/bin/env python3
"""The JSON Schemas of OneWindow's JSON outputs (Schemas/json), for the tests.

    python3 scripts/json-schemas.py lint                # every schema is sound and strict
    python3 scripts/json-schemas.py check FOLDER        # every FOLDER/<schema>@<label>.json validates

`check` prints one line per document, `<file>: ok` or `<file>: <where>: <what is wrong>` for
each error, and exits 0 either way (the tests compare the lines). Documents are validated with
jsonschema (PyPI) under draft 2020-12; `$ref`s between the schema files are resolved locally.
"""
import json
import os
import sys

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

FOLDER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Schemas", "json")
SUFFIX = ".schema.json"


def schemas():
    """Every schema file, by file name, sorted."""
    found = {}
    for name in sorted(os.listdir(FOLDER)):
        if name.endswith(SUFFIX):
            with open(os.path.join(FOLDER, name), encoding="utf-8") as handle:
                found[name] = json.load(handle)
    return found


def registry(found):
    """The schema files as resources under their file names (the base of their relative `$ref`s)."""
    return Registry().with_resources((name, Resource.from_contents(schema)) for name, schema in found.items())


def validator(name, found):
    schema = dict(found[name])
    schema["$id"] = name
    return Draft202012Validator(schema, registry=registry(found))


def pascal(stem):
    return "".join(word[:1].upper() + word[1:] for word in stem.split("-"))


def walk(node, path):
    """Every (path, subschema) below a schema."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            if key in ("enum", "const", "required"):
                continue
            yield from walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from walk(value, f"{path}/{index}")


def lint():
    found = schemas()
    problems = []
    for name, schema in found.items():
        try:
            Draft202012Validator.check_schema(schema)
        except Exception as error:  # noqa: BLE001 - reported, not raised
            problems.append(f"{name}: not a draft 2020-12 schema: {error.message}")
        if schema.get("$schema") != "https://json-schema.org/draft/2020-12/schema":
            problems.append(f"{name}: $schema is not draft 2020-12")
        stem = name[: -len(SUFFIX)]
        if stem != "common" and schema.get("title") != pascal(stem):
            problems.append(f"{name}: title is not {pascal(stem)}")
        resolver = registry(found).resolver(base_uri=name)
        for path, node in walk(schema, "#"):
            if node.get("type") == "object" and "additionalProperties" not in node:
                problems.append(f"{name}: {path}: an object without additionalProperties")
            if node.get("type") == "object" and "properties" in node and "required" not in node:
                problems.append(f"{name}: {path}: an object without required")
            for key in node.get("required", []):
                if key not in node.get("properties", {}):
                    problems.append(f"{name}: {path}: required {key} is not a property")
            if "$ref" in node:
                try:
                    resolver.lookup(node["$ref"])
                except Exception:  # noqa: BLE001
                    problems.append(f"{name}: {path}: $ref {node['$ref']} does not resolve")
    for line in problems:
        print(line)
    print(f"{len(found)} schemas, {len(problems)} problems")


def check(folder):
    found = schemas()
    for document in sorted(os.listdir(folder)):
        if not document.endswith(".json"):
            continue
        name = document.split("@")[0] + SUFFIX
        if name not in found:
            print(f"{document}: no schema {name}")
            continue
        with open(os.path.join(folder, document), encoding="utf-8") as handle:
            try:
                instance = json.load(handle)
            except json.JSONDecodeError as error:
                print(f"{document}: not JSON: {error}")
                continue
        errors = sorted(
            validator(name, found).iter_errors(instance),
            key=lambda error: ("/".join(str(part) for part in error.absolute_path), error.message))
        if not errors:
            print(f"{document}: ok")
        for error in errors:
            where = "/" + "/".join(str(part) for part in error.absolute_path)
            print(f"{document}: {where}: {error.message}")


def main():
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "lint":
        lint()
    elif command == "check" and len(sys.argv) == 3:
        check(sys.argv[2])
    else:
        print(__doc__, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
