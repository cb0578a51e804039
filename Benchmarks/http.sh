#!/usr/bin/env bash
# Benchmarks/http.sh — the HTTP service's speed, as ratios against peers measured in the same run:
#
#   packets/s of `onewindow serve` answering POST /v1/validate (wrk, corpus packets in turn)
#     against `onewindow validate --jobs 2` on the same packets (one process, files), and
#     against a minimal Python service (gunicorn, 2 workers, lxml, XSD only: Benchmarks/peers/http_lxml.py);
#   p50 and p99 latency of both services;
#   issued bundles/s over HTTP against the same bundles in process (onewindow-bench issuance-http).
#
# Run by Benchmarks/run.sh after its release build, or alone once that build exists. It installs
# wrk (Debian) and gunicorn (PyPI) when missing. Knobs: HTTP_PER_FAMILY=300 HTTP_ROUNDS=3
# HTTP_SECONDS=15 HTTP_CONNECTIONS=16 BUNDLES=200.
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=Benchmarks/out
CORPUS=Benchmarks/corpus
BIN=${BIN_DIR:-.build-release/release}
ONEWINDOW=$BIN/onewindow
BENCH=$BIN/onewindow-bench
PER_FAMILY=${HTTP_PER_FAMILY:-300}
ROUNDS=${HTTP_ROUNDS:-3}
SECONDS_PER_RUN=${HTTP_SECONDS:-15}
CONNECTIONS=${HTTP_CONNECTIONS:-16}
BUNDLES=${BUNDLES:-200}
export AS_OF=2026-11-20
FAMILIES="prefiling amendment registration bundle business food decision"
PORT=18480
PEER_PORT=18481

say() { printf '\n== %s\n' "$*" >&2; }
die() { printf 'http.sh: %s\n' "$*" >&2; exit 2; }

[ -x "$ONEWINDOW" ] && [ -x "$BENCH" ] || die "build first: Benchmarks/run.sh (or swift build -c release --scratch-path .build-release)"
[ -d "$CORPUS" ] || die "no corpus: run Benchmarks/run.sh once (it writes Benchmarks/corpus)"
command -v wrk >/dev/null || { say "installing wrk"; (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk) >/dev/null || die "apt-get install wrk failed"; }
python3 -c 'import gunicorn' 2>/dev/null || { say "installing gunicorn"; python3 -m pip install -q gunicorn || die "pip install gunicorn failed"; }
python3 -c 'import lxml' 2>/dev/null || python3 -m pip install -q lxml || die "pip install lxml failed"
mkdir -p "$OUT"

# --- The packets: the first HTTP_PER_FAMILY of each family, as a list (wrk) and a folder (validate).
LIST=$OUT/http-packets.txt
FOLDER=$OUT/http-packets
rm -rf "$FOLDER" && mkdir -p "$FOLDER"
: > "$LIST"
for family in $FAMILIES; do head -n "$PER_FAMILY" "$CORPUS/$family.list" >> "$LIST"; done
while read -r path; do cp "$path" "$FOLDER/"; done < "$LIST"
TOTAL=$(wc -l < "$LIST")

# --- The two services. ---------------------------------------------------------------------------
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done; wait 2>/dev/null; }
trap cleanup EXIT
DB=$OUT/http-registry.sqlite
rm -f "$DB" "$DB-wal" "$DB-shm"
"$ONEWINDOW" registry init --db "$DB" >/dev/null || die "registry init failed"
PASSWORD=$("$ONEWINDOW" accounts bootstrap --db "$DB" --staff-number 0001 --name bench --bcrypt-cost 4 | tail -1)
"$ONEWINDOW" serve --db "$DB" --port "$PORT" --log-level error --bcrypt-cost 4 2>"$OUT/http-serve.log" &
PIDS+=($!)
(cd Benchmarks/peers && exec gunicorn -w 2 -b "127.0.0.1:$PEER_PORT" --log-level warning http_lxml:app) 2>"$OUT/http-peer.log" &
PIDS+=($!)
for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && curl -s -o /dev/null "http://127.0.0.1:$PEER_PORT/" && break
  sleep 0.1
done
TOKEN=$(curl -sf -X POST "http://127.0.0.1:$PORT/v1/sessions" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$PASSWORD\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])') \
  || die "cannot sign in to the service"

# --- Rounds, alternating: the service, the Python service, validate --jobs 2. -------------------
RESULTS=$OUT/http-results.txt
: > "$RESULTS"
for round in $(seq 1 "$ROUNDS"); do
  say "round $round of $ROUNDS: wrk -t2 -c$CONNECTIONS -d${SECONDS_PER_RUN}s, $TOTAL packets in turn"
  PACKETS=$LIST TOKEN=$TOKEN wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" -s Benchmarks/http/post-corpus.lua \
    "http://127.0.0.1:$PORT" | sed -n 's/^RESULT /onewindow-serve /p' >> "$RESULTS"
  PACKETS=$LIST TOKEN= wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_RUN}s" -s Benchmarks/http/post-corpus.lua \
    "http://127.0.0.1:$PEER_PORT" | sed -n 's/^RESULT /gunicorn-lxml /p' >> "$RESULTS"
  start=$(date +%s.%N)
  "$ONEWINDOW" validate --as-of "$AS_OF" --jobs 2 "$FOLDER" > "$OUT/http-validate.txt" 2>&1
  end=$(date +%s.%N)
  echo "onewindow-validate requests=$TOTAL seconds=$(echo "$end - $start" | bc) rps=$(echo "scale=1; $TOTAL / ($end - $start)" | bc)" >> "$RESULTS"
done

say "issued bundles over HTTP against in process, $BUNDLES bundles"
"$BENCH" issuance-http --dir "$OUT" --bundles "$BUNDLES" | tee "$OUT/issuance-http.txt" >&2

python3 - "$RESULTS" "$OUT/issuance-http.txt" "$TOTAL" <<'PY' | tee "$OUT/http.md"
import re, statistics, sys
rows = {}
for line in open(sys.argv[1]):
    name, *pairs = line.split()
    values = dict(pair.split("=") for pair in pairs)
    rows.setdefault(name, []).append({k: float(v) for k, v in values.items()})
def median(name, key):
    return statistics.median(row[key] for row in rows[name])
serve = median("onewindow-serve", "rps")
peer = median("gunicorn-lxml", "rps")
local = median("onewindow-validate", "rps")
issuance = dict(re.findall(r"RESULT issuance_http\.(\w+)=([0-9.]+)", open(sys.argv[2]).read()))
print(f"| HTTP, {sys.argv[3]} corpus packets in turn (median of {len(rows['onewindow-serve'])} rounds) | packets/s | p50 ms | p99 ms | ratio | floor |")
print("|---|---:|---:|---:|---:|---:|")
print(f"| onewindow serve, POST /v1/validate (XSD and every rule) | {serve:.0f} | {median('onewindow-serve','p50_ms'):.2f} | {median('onewindow-serve','p99_ms'):.2f} | | |")
print(f"| onewindow validate --jobs 2 (files, one process) | {local:.0f} | | | serve ÷ this = {serve/local:.2f} | ≥ 0.70 |")
print(f"| gunicorn 2 workers + lxml, XSD only | {peer:.0f} | {median('gunicorn-lxml','p50_ms'):.2f} | {median('gunicorn-lxml','p99_ms'):.2f} | serve ÷ this = {serve/peer:.2f} | ≥ 1.00 |")
errors = sum(row["non2xx"] + row["errors"] for row in rows["onewindow-serve"])
print(f"| non-2xx answers or socket errors from onewindow serve | {errors:.0f} | | | | 0 |")
if issuance:
    print(f"| issued bundles/s over HTTP ÷ in process ({int(float(issuance['bundles']))} bundles) | {float(issuance['http_per_s']):.1f} vs {float(issuance['in_process_per_s']):.1f} | | | {float(issuance['ratio']):.2f} | ≥ 0.70 |")
PY
