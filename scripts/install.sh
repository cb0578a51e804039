#!/usr/bin/env bash
# Builds a release `onewindow` (Swift runtime linked statically) and installs it with its
# schemas and data under PREFIX (default /usr/local):
#   PREFIX/bin/onewindow and PREFIX/share/onewindow/{Schemas,Data,SampleFilings,openapi.yaml}
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:-/usr/local}"
swift build -c release --static-swift-stdlib --product onewindow
bin="$(swift build -c release --static-swift-stdlib --show-bin-path)"
install -d "$prefix/bin" "$prefix/share/onewindow"
install -m 0755 "$bin/onewindow" "$prefix/bin/onewindow"
rm -rf "$prefix/share/onewindow/Schemas" "$prefix/share/onewindow/Data" "$prefix/share/onewindow/SampleFilings"
cp -R Schemas "$prefix/share/onewindow/Schemas"
cp -R Data "$prefix/share/onewindow/Data"
cp -R SampleFilings "$prefix/share/onewindow/SampleFilings"
cp openapi.yaml "$prefix/share/onewindow/openapi.yaml"
echo "installed $prefix/bin/onewindow"
