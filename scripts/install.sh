#!/usr/bin/env bash
# Builds a release `onewindow` (Swift runtime linked statically) and installs it under PREFIX
# (default /usr/local). Running it again replaces what an earlier run installed.
#   PREFIX/bin/onewindow
#   PREFIX/share/onewindow/{Schemas,Data,SampleFilings,openapi.yaml}
#   PREFIX/share/onewindow/COMMIT      the commit built (`git rev-parse HEAD`, with -dirty when
#                                      tracked files were changed; `unknown` outside a git
#                                      checkout), printed by `onewindow --version`
#   PREFIX/share/man/man1/onewindow.1  the man page in Chinese, and in English in
#                                      PREFIX/share/man/en/man1/ (scripts/man-pages.sh)
#   PREFIX/share/bash-completion/completions/onewindow, PREFIX/share/zsh/site-functions/_onewindow
#   and PREFIX/share/fish/vendor_completions.d/onewindow.fish: shell completions, with their
#                                      descriptions in ONEWINDOW_LANG's language (Chinese unless en)
#
# Usage: scripts/install.sh [--prefix PREFIX | PREFIX] [--scratch-path DIR]
#   --scratch-path DIR  build in DIR instead of .build (the opt-in install test uses its own)
set -euo pipefail
cd "$(dirname "$0")/.."

prefix=/usr/local
scratch=()
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --prefix=*) prefix="${1#--prefix=}"; shift ;;
    --scratch-path) scratch=(--scratch-path "$2"); shift 2 ;;
    --scratch-path=*) scratch=(--scratch-path "${1#--scratch-path=}"); shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "install.sh: unknown option '$1' (see --help)" >&2; exit 64 ;;
    *) prefix="$1"; shift ;;
  esac
done

build=(swift build -c release --static-swift-stdlib ${scratch[@]+"${scratch[@]}"})
"${build[@]}" --product onewindow
# argument-parser's man page generator (the tool behind its generate-manual plugin).
"${build[@]}" --product generate-manual
bin="$("${build[@]}" --show-bin-path)"

# The commit, only when this folder is itself a git checkout (not a folder inside another one).
commit=unknown
date="$(date +%Y-%m-%d)"
if [ "$(git rev-parse --show-toplevel 2>/dev/null)" = "$(pwd -P)" ]; then
  commit="$(git rev-parse HEAD)"
  git diff --quiet HEAD -- || commit="$commit-dirty"
  date="$(git log -1 --format=%cs)"
fi

share="$prefix/share/onewindow"
install -d "$prefix/bin" "$share" "$prefix/share/bash-completion/completions" \
  "$prefix/share/zsh/site-functions" "$prefix/share/fish/vendor_completions.d"
install -m 0755 "$bin/onewindow" "$prefix/bin/onewindow"
rm -rf "$share/Schemas" "$share/Data" "$share/SampleFilings"
cp -R Schemas "$share/Schemas"
cp -R Data "$share/Data"
cp -R SampleFilings "$share/SampleFilings"
cp openapi.yaml "$share/openapi.yaml"
printf '%s\n' "$commit" > "$share/COMMIT"

onewindow="$prefix/bin/onewindow"
"$onewindow" --generate-completion-script bash > "$prefix/share/bash-completion/completions/onewindow"
"$onewindow" --generate-completion-script zsh > "$prefix/share/zsh/site-functions/_onewindow"
"$onewindow" --generate-completion-script fish > "$prefix/share/fish/vendor_completions.d/onewindow.fish"
scripts/man-pages.sh "$onewindow" "$bin/generate-manual" "$prefix/share/man" "$date"

echo "installed $onewindow ($commit)"
