#!/usr/bin/env python3
"""The OpenAPI contract, for the service tests.

    python3 scripts/openapi.py validate openapi.yaml   # OpenAPI 3.1 validity (openapi-spec-validator)
    python3 scripts/openapi.py routes openapi.yaml     # one "METHOD /path" line per operation
"""
import sys

import yaml

METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def main() -> int:
    command, path = sys.argv[1], sys.argv[2]
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
