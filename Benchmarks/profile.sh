#!/usr/bin/env bash
# Benchmarks/profile.sh — instruction profiles of onewindow with valgrind's callgrind.
#
#   Benchmarks/profile.sh            # validate over a 420-packet corpus, and one packet
#   Benchmarks/profile.sh issuance   # onewindow-bench issuance, 20 bundles
#
# Uses the release build of Benchmarks/run.sh (.build-release; run that first). valgrind 3.19
# cannot read the DWARF 5 debug information Swift 6.3 writes, so it profiles a copy with the
# debug information stripped (function names stay: they are in the symbol table). Instruction
# counts are exact and repeatable, unlike timings on this shared machine. Writes
# Benchmarks/out/profile/*.callgrind (open with callgrind_annotate or kcachegrind) and prints the
# heaviest functions, inclusive, demangled.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=Benchmarks/out/profile
BIN=.build-release/release
mkdir -p "$OUT"
command -v valgrind >/dev/null || apt-get install -y -qq valgrind >/dev/null

top() {  # the heaviest functions, inclusive (head closing the pipe early is fine)
  callgrind_annotate --inclusive=yes "$1" 2>/dev/null | swift demangle --simplified \
    | grep -E '^ *[0-9,]+ \(' | grep -vE 'thunk|partial apply|dispatch|0x0000' | head -"${2:-40}" | cut -c1-160 || true
}

if [ "${1:-validate}" = issuance ]; then
  objcopy --strip-debug "$BIN/onewindow-bench" "$OUT/onewindow-bench"
  rm -rf "$OUT/issuance"
  valgrind --tool=callgrind --callgrind-out-file="$OUT/issuance.callgrind" \
    "$OUT/onewindow-bench" issuance --dir "$OUT/issuance" --bundles 20 > /dev/null 2> "$OUT/issuance.log"
  grep refs "$OUT/issuance.log"
  top "$OUT/issuance.callgrind" 60
  exit 0
fi

[ -f "$OUT/corpus/manifest.tsv" ] || python3 Benchmarks/generate-corpus.py --per-family 60 --out "$OUT/corpus"
objcopy --strip-debug "$BIN/onewindow" "$OUT/onewindow"
echo "== one packet (start-up included)"
valgrind --tool=callgrind --callgrind-out-file="$OUT/one-packet.callgrind" \
  "$OUT/onewindow" validate --as-of 2026-11-20 SampleFilings/valid/prefiling/taixingli.xml > /dev/null 2> "$OUT/one-packet.log" || true
grep refs "$OUT/one-packet.log"
top "$OUT/one-packet.callgrind" 30
echo "== 420 packets, one worker"
valgrind --tool=callgrind --callgrind-out-file="$OUT/corpus.callgrind" \
  "$OUT/onewindow" validate --as-of 2026-11-20 --jobs 1 "$OUT/corpus" > /dev/null 2> "$OUT/corpus.log" || true
grep refs "$OUT/corpus.log"
top "$OUT/corpus.callgrind" 60
echo "== xmllint over the same packets, for comparison"
total=0
for family in prefiling amendment registration bundle business food decision; do
  # shellcheck disable=SC2046
  n=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null xmllint --noout --schema "$(ls Schemas/$family/*.xsd)" \
    $(cat "$OUT/corpus/$family.list") 2>&1 | sed -n 's/.*refs: *//p' | tr -d , || true)
  total=$((total + n))
done
echo "xmllint: $total instructions"
