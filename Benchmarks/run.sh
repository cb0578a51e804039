#!/usr/bin/env bash
# Benchmarks/run.sh — every speed claim of OneWindow, as ratios against peers measured in the same
# run. One command, from any directory:
#
#   Benchmarks/run.sh
#
# It installs what it needs when missing (Debian's libxml2-utils and time, Python's lxml and
# xmlschema), builds `onewindow` and `onewindow-bench` in release with the Swift runtime linked
# statically (scratch path .build-release, so debug builds are left alone), writes the corpus if it
# is missing or stale (Benchmarks/generate-corpus.py), then times, ROUNDS times over, alternating:
#   onewindow validate (XSD and all rules) with 1 and 2 workers, one process over the corpus;
#   xmllint --noout --schema (XSD only), one process per family (one --schema each), summed;
#   a warm Python lxml loop (XSD only, schemas compiled once);
#   Python xmlschema (XSD only) on the first XMLSCHEMA_PER_FAMILY packets of each family;
# then one packet through onewindow against one xmllint call (median of ONE_PACKET_RUNS),
# instructions per packet under callgrind (Benchmarks/instructions.sh), the
# registry benchmarks (onewindow-bench registry-lookup and issuance; pg-issuance and pg-lookup on a
# throwaway PostgreSQL cluster, scripts/postgres-cluster.sh), and Benchmarks/hostile/'s
# script when there is one. It prints the table and writes it to Benchmarks/out/latest.md.
#
# Knobs (environment): ROUNDS=5 PER_FAMILY=10000 XMLSCHEMA_PER_FAMILY=500 ONE_PACKET_RUNS=41
# BUNDLES=200 LOOKUP_REPEAT=2000 SKIP_BUILD=1 (use the existing release build).
set -uo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=$ROOT/Benchmarks/out
CORPUS=$ROOT/Benchmarks/corpus
SCRATCH=$ROOT/.build-release
ROUNDS=${ROUNDS:-5}
PER_FAMILY=${PER_FAMILY:-10000}
XMLSCHEMA_PER_FAMILY=${XMLSCHEMA_PER_FAMILY:-500}
ONE_PACKET_RUNS=${ONE_PACKET_RUNS:-41}
BUNDLES=${BUNDLES:-200}
LOOKUP_REPEAT=${LOOKUP_REPEAT:-2000}
AS_OF=2026-11-20
FAMILIES="prefiling amendment registration bundle business food decision"

say() { printf '\n== %s\n' "$*" >&2; }
die() { printf 'run.sh: %s\n' "$*" >&2; exit 2; }

# --- 1. What the peers need ------------------------------------------------------------------
APT_UPDATED=
apt_install() {
  command -v apt-get >/dev/null || die "cannot install $* (no apt-get); install it by hand"
  if [ -z "$APT_UPDATED" ]; then apt-get update -qq >/dev/null || true; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || die "apt-get install $* failed"
}
command -v xmllint >/dev/null || { say "installing libxml2-utils"; apt_install libxml2-utils; }
[ -x /usr/bin/time ] || { say "installing time"; apt_install time; }
python3 -c 'import lxml' 2>/dev/null || { say "installing lxml"; python3 -m pip install -q lxml || die "pip install lxml failed"; }
python3 -c 'import xmlschema' 2>/dev/null || { say "installing xmlschema"; python3 -m pip install -q xmlschema || die "pip install xmlschema failed"; }

# --- 2. Release build, Swift runtime linked statically ---------------------------------------
if [ -z "${SKIP_BUILD:-}" ]; then
  say "building onewindow and onewindow-bench (release, --static-swift-stdlib, $SCRATCH)"
  # Product by product: building everything would also link GRDB's dynamic library product,
  # which cannot take a static Swift runtime.
  for product in onewindow onewindow-bench; do
    swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --product "$product" 2>&1 | tail -2 >&2
    [ "${PIPESTATUS[0]}" -eq 0 ] || die "the release build of $product failed"
  done
fi
BIN_DIR=$(swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --show-bin-path 2>/dev/null)
ONEWINDOW=$BIN_DIR/onewindow
BENCH=$BIN_DIR/onewindow-bench
[ -x "$ONEWINDOW" ] && [ -x "$BENCH" ] || die "no release build in $BIN_DIR"
if ldd "$ONEWINDOW" | grep -q libswiftCore; then die "$ONEWINDOW links the Swift runtime dynamically"; fi

# --- 3. Corpus ---------------------------------------------------------------------------------
STAMP="per-family=$PER_FAMILY generator=$(sha256sum Benchmarks/generate-corpus.py | cut -c1-16) samples=$(find SampleFilings/valid -type f -name '*.xml' -print0 | sort -z | xargs -0 cat | sha256sum | cut -c1-16)"
if [ "$(cat "$CORPUS/.stamp" 2>/dev/null)" != "$STAMP" ]; then
  say "writing the corpus ($PER_FAMILY packets per family)"
  python3 Benchmarks/generate-corpus.py --per-family "$PER_FAMILY" --out "$CORPUS" || die "generate-corpus.py failed"
  echo "$STAMP" > "$CORPUS/.stamp"
fi
TOTAL=$(cat "$CORPUS"/*.list | wc -l)
SUBSET=$OUT/xmlschema-subset
mkdir -p "$OUT" "$SUBSET"
for family in $FAMILIES; do head -n "$XMLSCHEMA_PER_FAMILY" "$CORPUS/$family.list" > "$SUBSET/$family.list"; done
SUBSET_TOTAL=$(cat "$SUBSET"/*.list | wc -l)

RESULTS=$OUT/results.txt
: > "$RESULTS"
record() { echo "$*" >> "$RESULTS"; }
{
  echo "date $(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpu $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//') × $(nproc)"
  echo "memory $(free -g | awk '/Mem:/ {print $2}') GiB"
  echo "kernel $(uname -r)"
  echo "swift $(swift --version 2>/dev/null | head -1 | sed 's/.*version \([0-9.]*\).*/\1/')"
  echo "libxml2 $(xmllint --version 2>&1 | head -1 | sed 's/.*version //')"
  echo "python $(python3 -c 'import platform, lxml, xmlschema; print(platform.python_version(), "lxml", lxml.__version__, "xmlschema", xmlschema.__version__)')"
  echo "load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "corpus $TOTAL packets, $(du -sb --apparent-size "$CORPUS" | cut -f1) bytes; xmlschema subset $SUBSET_TOTAL"
} > "$OUT/machine.txt"

# /usr/bin/time around a command: records seconds and peak RSS (KiB) under a name.
timed() {
  local round=$1 name=$2; shift 2
  /usr/bin/time -f '%e %M' -o "$OUT/time.txt" "$@"
  read -r seconds rss < <(tail -1 "$OUT/time.txt")
  record "$round $name.seconds $seconds"
  record "$round $name.rss_kb $rss"
}

xmllint_all() {  # one xmllint process per family, each with that family's entry schema
  for family in $FAMILIES; do
    # shellcheck disable=SC2046
    xmllint --noout --schema "$(ls Schemas/"$family"/*.xsd)" $(cat "$CORPUS/$family.list")
  done
}
export -f xmllint_all
export CORPUS FAMILIES

# --- 4. Throughput, ROUNDS rounds, peers alternating -------------------------------------------
for round in $(seq 1 "$ROUNDS"); do
  say "round $round of $ROUNDS"
  for jobs in 1 2; do
    timed "$round" "onewindow$jobs" "$ONEWINDOW" validate --as-of "$AS_OF" --jobs "$jobs" "$CORPUS" \
      > "$OUT/onewindow$jobs.txt" 2> "$OUT/onewindow$jobs.err"
    record "$round onewindow$jobs.packets $TOTAL"
  done
  timed "$round" xmllint bash -c xmllint_all > "$OUT/xmllint.txt" 2>&1
  record "$round xmllint.packets $TOTAL"
  for peer in lxml xmlschema; do
    corpus=$CORPUS; [ "$peer" = xmlschema ] && corpus=$SUBSET
    timed "$round" "$peer" python3 Benchmarks/peers/python_peers.py "$peer" Schemas "$corpus" > "$OUT/$peer.txt"
    read -r packets seconds valid invalid < <(sed -n 's/^RESULT [a-z]* packets=\([0-9]*\) seconds=\([0-9.]*\) valid=\([0-9]*\) invalid=\([0-9]*\)/\1 \2 \3 \4/p' "$OUT/$peer.txt")
    record "$round $peer.packets $packets"
    record "$round $peer.loop_seconds $seconds"
    record "$round $peer.valid $valid"
  done
  record "$round xmllint.valid $(grep -c ' validates$' "$OUT/xmllint.txt")"
  record "$round onewindow1.summary $(tail -1 "$OUT/onewindow1.txt" | tr ' ' '_')"
done

# --- 5. One packet: process start-up included ---------------------------------------------------
say "one packet, $ONE_PACKET_RUNS runs each"
PACKET=SampleFilings/valid/prefiling/taixingli.xml
python3 Benchmarks/peers/python_peers.py one-packet --runs "$ONE_PACKET_RUNS" \
  -- "$ONEWINDOW" validate --as-of "$AS_OF" "$PACKET" \
  -- xmllint --noout --schema Schemas/prefiling/PreFiling-v1.xsd "$PACKET" | tee "$OUT/one-packet.txt" >&2
sed -n 's/^RESULT one-packet a_ms=\([0-9.]*\) b_ms=\([0-9.]*\).*/0 one_packet.onewindow_ms \1\n0 one_packet.xmllint_ms \2/p' "$OUT/one-packet.txt" >> "$RESULTS"

# --- 5b. Instructions per packet (callgrind: exact, start-up cancelled out) ----------------------
say "instructions per packet, callgrind, OneWindow against xmllint"
Benchmarks/instructions.sh "$ONEWINDOW" | tee "$OUT/instructions.txt" >&2
sed -n 's/^RESULT \([a-z_.0-9]*\)=\(.*\)$/0 \1 \2/p' "$OUT/instructions.txt" >> "$RESULTS"

# --- 6. Registry benchmarks -------------------------------------------------------------------
say "registry: tenant-registration check, 1,000 units vs 1,000,000 units"
"$BENCH" registry-lookup --dir "$OUT" --repeat "$LOOKUP_REPEAT" | tee "$OUT/registry-lookup.txt" >&2
say "registry: issued bundles with durable commits vs bare SQLite inserts"
"$BENCH" issuance --dir "$OUT" --bundles "$BUNDLES" | tee "$OUT/issuance.txt" >&2
sed -n 's/^RESULT \([a-z_.0-9]*\)=\(.*\)$/0 \1 \2/p' "$OUT/registry-lookup.txt" "$OUT/issuance.txt" >> "$RESULTS"

# --- 6a. The registry on PostgreSQL, in a throwaway cluster stopped on exit ----------------------
# Issued bundles/s against bare inserts of the same rows with the same commits on the same server,
# two instances against one, and the registration check at 1,000,000 units against 1,000 with the
# query plans (onewindow-bench pg-issuance, pg-lookup). Never Debian's own cluster.
say "registry on PostgreSQL: a throwaway cluster (scripts/postgres-cluster.sh)"
[ -x /usr/lib/postgresql/15/bin/initdb ] || { say "installing postgresql"; apt_install postgresql; }
PG_DIR=$(mktemp -d /tmp/onewindow-bench-postgres.XXXXXX)
pg_stop() { scripts/postgres-cluster.sh stop "$PG_DIR" >/dev/null 2>&1; rm -rf "$PG_DIR"; }
trap pg_stop EXIT
if PG_URL=$(scripts/postgres-cluster.sh start "$PG_DIR"); then
  say "PostgreSQL: issued bundles vs bare inserts, two instances vs one ($PG_URL)"
  "$BENCH" pg-issuance --postgres "$PG_URL" --bundles "$BUNDLES" | tee "$OUT/pg-issuance.txt" >&2
  say "PostgreSQL: tenant-registration check, 1,000 units vs 1,000,000 units, with the query plans"
  "$BENCH" pg-lookup --postgres "$PG_URL" --repeat "$LOOKUP_REPEAT" | tee "$OUT/pg-lookup.txt" >&2
  [ "${PIPESTATUS[0]}" -eq 1 ] && say "a query plan at 1,000,000 units scans a table sequentially (see above)"
  sed -n 's/^RESULT \([a-z_.0-9]*\)=\(.*\)$/0 \1 \2/p' "$OUT/pg-issuance.txt" "$OUT/pg-lookup.txt" >> "$RESULTS"
else
  say "could not start a PostgreSQL cluster: the PostgreSQL rows are left out"
fi
pg_stop
trap - EXIT

# --- 6b. The HTTP service: wrk against validate --jobs 2 and gunicorn + lxml; issuance over HTTP ---
say "the HTTP service (Benchmarks/http.sh)"
BIN_DIR="$BIN_DIR" BUNDLES="$BUNDLES" Benchmarks/http.sh >&2 || say "http.sh failed (see above)"

# --- 7. Hostile inputs (Benchmarks/hostile/ is written elsewhere; run its script if present) ---
HOSTILE=$(ls Benchmarks/hostile/*.sh 2>/dev/null | head -1)
if [ -n "$HOSTILE" ]; then
  say "hostile inputs: $HOSTILE"
  PATH="$BIN_DIR:$PATH" ONEWINDOW="$ONEWINDOW" ONEWINDOW_BIN="$ONEWINDOW" bash "$HOSTILE" > "$OUT/hostile.txt" 2>&1
  echo "exit $?" >> "$OUT/hostile.txt"
else
  echo "no Benchmarks/hostile/*.sh yet" > "$OUT/hostile.txt"
fi

# --- 8. The table -------------------------------------------------------------------------------
python3 Benchmarks/peers/report.py "$OUT" "$CORPUS/manifest.tsv" | tee "$OUT/latest.md"
