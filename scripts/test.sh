#!/usr/bin/env bash
# Runs every test. First installs what the tests need when it is missing:
#   Debian packages libxml2-dev, libsqlite3-dev, pkg-config, zlib1g-dev (C libraries),
#   and Python's xmlschema (the independent validator the schema tests compare against).
# Extra arguments go to `swift test` (for example --filter SampleFilingsTests).
set -euo pipefail
cd "$(dirname "$0")/.."

if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for package in libxml2-dev libsqlite3-dev pkg-config zlib1g-dev; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
      || missing+=("$package")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
    echo "installing ${missing[*]}" >&2
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq "${missing[@]}"
  fi
fi

if ! python3 -c 'import xmlschema' >/dev/null 2>&1; then
  echo "installing xmlschema" >&2
  python3 -m pip install --quiet xmlschema
fi

exec swift test "$@"
