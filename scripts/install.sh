#!/usr/bin/env bash
# Builds a release `onewindow` (Swift runtime linked statically) and installs it with its
# schemas and data under PREFIX (default /usr/local):
#   PREFIX/bin/onewindow, PREFIX/share/onewindow/Schemas, PREFIX/share/onewindow/Data
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:-/usr/local}"
swift build -c release --static-swift-stdlib --product onewindow
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)"
install -d "$prefix/bin" "$prefix/share/onewindow"
install -m 0755 "$bin/onewindow" "$prefix/bin/onewindow"
rm -rf "$prefix/share/onewindow/Schemas" "$prefix/share/onewindow/Data"
cp -R Schemas "$prefix/share/onewindow/Schemas"
if [ -d Data ]; then cp -R Data "$prefix/share/onewindow/Data"; fi
echo "installed $prefix/bin/onewindow"
