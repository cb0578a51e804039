#!/usr/bin/env bash
# Writes onewindow's man page in Chinese (OUT/man1/onewindow.1) and in English
# (OUT/en/man1/onewindow.1, what `LANG=en_US.UTF-8 man onewindow` shows): the mdoc of
# argument-parser's generate-manual plugin, made by the plugin's own generate-manual tool from
# the binary's --experimental-dump-help.
#
# Why not the plugin itself (`swift package plugin generate-manual`, which runs here offline):
# it rebuilds every product of the package, and generate-manual drops every non-ASCII character
# from the help (its escaping keeps only ASCII), which leaves the Chinese page without a word of
# Chinese and cuts 一窗通办, 统一社会信用代码 and … from the English one. So the tool reads the help
# through this script's `protected-help` mode, which writes each non-ASCII character as an ASCII
# placeholder (<U+4E00>), and the page gets the characters back afterwards.
#
# Usage: scripts/man-pages.sh ONEWINDOW GENERATE_MANUAL OUT [YYYY-MM-DD]
#        scripts/man-pages.sh protected-help ONEWINDOW zh|en
# GENERATE_MANUAL is built by `swift build --product generate-manual` (scripts/install.sh does).
set -euo pipefail

if [ "${1:-}" = protected-help ]; then
  ONEWINDOW_LANG="$3" "$2" --experimental-dump-help | perl -CS -pe 's/([^\x00-\x7F])/sprintf("<U+%04X>", ord($1))/ge'
  exit 0
fi

if [ $# -lt 3 ]; then
  echo "usage: scripts/man-pages.sh ONEWINDOW GENERATE_MANUAL OUT [YYYY-MM-DD]" >&2
  exit 64
fi
self="$(cd "$(dirname "$0")" && pwd -P)/$(basename "$0")"
onewindow="$(cd "$(dirname "$1")" && pwd -P)/$(basename "$1")"
tool="$2"
out="$3"
date="${4:-$(date +%Y-%m-%d)}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

for lang in zh en; do
  pages="$out/man1"
  [ "$lang" = en ] && pages="$out/en/man1"
  mkdir -p "$pages" "$work/$lang"
  # generate-manual runs `<tool> --experimental-dump-help`: this wrapper answers for onewindow.
  printf '#!/bin/sh\nexec "%s" protected-help "%s" %s\n' "$self" "$onewindow" "$lang" > "$work/$lang/onewindow"
  chmod +x "$work/$lang/onewindow"
  "$tool" "$work/$lang/onewindow" --date "$date" --output-directory "$work/$lang"
  perl -CS -pe 's/<U\+([0-9A-F]{4,6})>/chr(hex($1))/ge' < "$work/$lang/onewindow.1" > "$pages/onewindow.1"
done
