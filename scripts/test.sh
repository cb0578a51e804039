#!/usr/bin/env bash
# Runs every test. First installs what the tests need when it is missing:
#   Debian packages libxml2-dev, libsqlite3-dev, pkg-config, zlib1g-dev (C libraries),
#   Python's xmlschema (the independent validator the schema tests compare against),
#   jsonschema (every JSON output validates against its schema in Schemas/json),
#   openapi-spec-validator (the contract is valid OpenAPI 3.1) and schemathesis (the live service
#   answers as the contract says); Debian's postgresql-15, of which it starts a
#   throwaway cluster (scripts/postgres-cluster.sh) for the run, so the registry tests run on
#   both stores; its URL is in ONEWINDOW_TEST_POSTGRES, and it is stopped and removed on exit.
#   chromium, chromium-driver, fonts-noto-cjk and poppler-utils (Debian) with selenium and pypdf
#   (PyPI) for the pages' browser test (WebPagesBrowserTests).
# Extra arguments go to `swift test` (for example --filter SampleFilingsTests).
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for package in libxml2-dev libsqlite3-dev pkg-config zlib1g-dev postgresql-15 openssl curl \
    chromium chromium-driver fonts-noto-cjk poppler-utils; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    echo "installing ${missing[*]}" >&2
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
fi

python_missing=()
python3 -c 'import xmlschema' >/dev/null 2>&1 || python_missing+=(xmlschema)
python3 -c 'import jsonschema, referencing' >/dev/null 2>&1 || python_missing+=(jsonschema)
python3 -c 'import openapi_spec_validator, yaml' >/dev/null 2>&1 || python_missing+=(openapi-spec-validator pyyaml)
python3 -c 'import schemathesis.cli' >/dev/null 2>&1 || python_missing+=(schemathesis)
python3 -c 'import selenium, pypdf' >/dev/null 2>&1 || python_missing+=(selenium pypdf)
if [ ${#python_missing[@]} -gt 0 ]; then
  echo "installing ${python_missing[*]}" >&2
  python3 -m pip install --quiet "${python_missing[@]}"
fi

# A throwaway PostgreSQL cluster for this run (never Debian's own `main` cluster).
postgres_dir=$(mktemp -d /tmp/onewindow-postgres.XXXXXX)
cleanup() {
  scripts/postgres-cluster.sh stop "$postgres_dir" || true
  rm -rf "$postgres_dir"
}
trap cleanup EXIT
ONEWINDOW_TEST_POSTGRES=$(scripts/postgres-cluster.sh start "$postgres_dir")
export ONEWINDOW_TEST_POSTGRES
echo "PostgreSQL for the tests: $ONEWINDOW_TEST_POSTGRES" >&2

swift test "$@"
