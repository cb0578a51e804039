#!/usr/bin/env bash
# Benchmarks/instructions.sh — instructions per packet, OneWindow against xmllint, with callgrind.
#
#   Benchmarks/instructions.sh [ONEWINDOW_BINARY]
#
# Counts are exact and repeatable (callgrind counts instructions, not seconds). Each tool runs
# over two corpus sizes (SMALL and LARGE packets per family, default 60 and 240, the same
# packets, seven families); the difference in instructions divided by the difference in packets
# is the cost of one more packet, with start-up and one-time work (schema compilation, label
# tables) cancelled out. OneWindow: `validate --jobs 1` (hardened parse, XSD, every rule, the text
# report), one process per size. xmllint: `--noout --schema`, one process per family and size.
# Prints `RESULT instructions.<name>=<value>` lines that Benchmarks/run.sh records.
set -euo pipefail
cd "$(dirname "$0")/.."
SMALL=${SMALL:-60}
LARGE=${LARGE:-240}
OUT=Benchmarks/out/instructions
BIN=${1:-.build-release/release/onewindow}
FAMILIES="prefiling amendment registration bundle business food decision"
mkdir -p "$OUT"
command -v valgrind >/dev/null || apt-get install -y -qq valgrind >/dev/null
command -v xmllint >/dev/null || { apt-get update -qq >/dev/null; apt-get install -y -qq libxml2-utils >/dev/null; }
[ -f "$OUT/corpus/manifest.tsv" ] || python3 Benchmarks/generate-corpus.py --per-family "$LARGE" --out "$OUT/corpus" >&2
# valgrind 3.19 cannot read Swift 6.3's DWARF 5: count a copy without debug information.
objcopy --strip-debug "$BIN" "$OUT/onewindow"

refs() { sed -n 's/.*I *refs: *//p' "$1" | tr -d ,; }

subset() {  # a folder holding (hard links to) the first N packets of every family
  local folder=$OUT/subset-$1
  if [ ! -d "$folder" ]; then
    for family in $FAMILIES; do
      mkdir -p "$folder/$family"
      head -n "$1" "$OUT/corpus/$family.list" | xargs -I{} ln {} "$folder/$family/"
    done
  fi
  echo "$folder"
}

count_onewindow() {  # one folder argument, as a user gives it (argument-parser is quadratic in arguments)
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$OUT/onewindow" validate --as-of 2026-11-20 --jobs 1 \
    "$(subset "$1")" > /dev/null 2> "$OUT/onewindow-$1.log" || true
  refs "$OUT/onewindow-$1.log"
}

count_xmllint() {
  local total=0 n
  for family in $FAMILIES; do
    # shellcheck disable=SC2046
    valgrind --tool=callgrind --callgrind-out-file=/dev/null xmllint --noout --schema "$(ls Schemas/$family/*.xsd)" \
      $(head -n "$1" "$OUT/corpus/$family.list") > /dev/null 2> "$OUT/xmllint-$family-$1.log" || true
    n=$(refs "$OUT/xmllint-$family-$1.log")
    total=$((total + n))
  done
  echo "$total"
}

families=$(echo $FAMILIES | wc -w)
packets=$(( (LARGE - SMALL) * families ))
ow_small=$(count_onewindow "$SMALL"); ow_large=$(count_onewindow "$LARGE")
xl_small=$(count_xmllint "$SMALL"); xl_large=$(count_xmllint "$LARGE")
ow=$(( (ow_large - ow_small) / packets ))
xl=$(( (xl_large - xl_small) / packets ))
echo "instructions per packet: onewindow $ow, xmllint $xl ($((SMALL * families)) vs $((LARGE * families)) packets)" >&2
echo "RESULT instructions.onewindow_per_packet=$ow"
echo "RESULT instructions.xmllint_per_packet=$xl"
echo "RESULT instructions.onewindow_small=$ow_small"
echo "RESULT instructions.onewindow_large=$ow_large"
echo "RESULT instructions.xmllint_small=$xl_small"
echo "RESULT instructions.xmllint_large=$xl_large"
echo "RESULT instructions.packets=$packets"
echo "RESULT instructions.small_packets=$((SMALL * families))"
echo "RESULT instructions.large_packets=$((LARGE * families))"
