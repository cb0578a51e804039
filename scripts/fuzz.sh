#!/usr/bin/env bash
# Fuzzes the whole packet path (sniffing, zip, parsing, XSD, mapping, rules, every report
# format) with libFuzzer, checking PacketInvariants on each input.
#
#   scripts/fuzz.sh [SECONDS]          # default 1800 (30 minutes)
#
# Seeds are every sample packet and zip; the working corpus and any crash inputs go to
# $FUZZ_WORK (default .build/fuzz). A crash input becomes a regression test by copying it to
# Tests/OneWindowKitTests/Fixtures/fuzz/ (FuzzRegressionTests replays every file there); replay
# one by hand with `swift run onewindow-fuzz FILE`.
#
# Coverage guidance reaches OneWindow's Swift code; the system libxml2 and zlib are not
# instrumented (their hardening is exercised through the hostile-input suite).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-1800}"
work="${FUZZ_WORK:-.build/fuzz}"
build="$work/build"
mkdir -p "$work/corpus" "$work/seeds" "$work/crashes"

find SampleFilings Tests/OneWindowKitTests/Fixtures -type f \( -name '*.xml' -o -name '*.zip' \) \
  ! -name 'zip-bomb.zip' -exec cp {} "$work/seeds/" \;

# A failed build must not fall back on an older binary: stop instead.
if ! swift build -c release --sanitize=fuzzer --product onewindow-fuzz --build-path "$build" \
  -Xswiftc -DONEWINDOW_FUZZING > "$work/build.log" 2>&1; then
  grep -E 'error' "$work/build.log" >&2
  echo "fuzz build failed (log: $work/build.log)" >&2
  exit 2
fi
binary="$build/release/onewindow-fuzz"

# -timeout: an input that takes 10 s is a hang; -rss_limit_mb: a packet must never need 2 GiB.
# One forked job that records a crash, hang or memory blow-up and goes on fuzzing, so one run
# lasts the whole time and finds every input that breaks something.
"$binary" "$work/corpus" "$work/seeds" \
  -dict=scripts/fuzz/onewindow.dict -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 \
  -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
  -artifact_prefix="$work/crashes/" -print_final_stats=1 2>&1 | tee "$work/last-run.log" | grep -E '^#[0-9]+:|^stat::|==ERROR|invariant broken|SUMMARY|Done|INFO: (exiting|fuzzed)' | tail -40
echo "log: $work/last-run.log; crash inputs (if any): $work/crashes/"
