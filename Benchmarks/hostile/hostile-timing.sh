#!/usr/bin/env bash
# Times `onewindow validate` on each hostile-input case of issue #8 (the files
# scripts/hostile-cases.py writes; the Swift suite checks their findings).
#
# Usage: Benchmarks/hostile/hostile-timing.sh [--debug] [--runs N]
#
# Builds the release binary (or uses the debug one with --debug), writes the cases into a
# temporary folder, then prints one line per case: the exit code, the first rule id reported,
# the median wall time of one `onewindow validate CASE` process over N runs (default 3), the
# time per packet with the process start-up taken out (the same case given 101 times in one
# process, minus the single run, over 100), and the peak resident memory. Every case must finish
# with exit 0 or 1 within the suite's 10-second hang guard; the script says FAIL and exits 1
# otherwise. The first line, start-up.xml (a valid one-file packet), is the peer every case is
# measured against in the same run: a process start with the schemas compiled.
set -euo pipefail
cd "$(dirname "$0")/../.."

configuration=release
runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --debug) configuration=debug ;;
    --runs) runs="$2"; shift ;;
    *) echo "usage: $0 [--debug] [--runs N]" >&2; exit 64 ;;
  esac
  shift
done

swift build -c "$configuration" --product onewindow >&2
binary="$(swift build -c "$configuration" --show-bin-path)/onewindow"

work="$(mktemp -d "${TMPDIR:-/tmp}/ow-hostile-timing.XXXXXX")"
trap 'rm -rf "$work"' EXIT
echo "canary-must-never-be-read" > "$work/canary.txt"
python3 scripts/hostile-cases.py "$work/cases" --canary "$work/canary.txt" >/dev/null
cp SampleFilings/valid/prefiling/taixingli.xml "$work/cases/start-up.xml"

python3 - "$binary" "$work/cases" "$runs" "$work/canary.txt" <<'PY'
import json, os, statistics, subprocess, sys

# Each run goes through a small wrapper process, so the peak memory is this run's alone.
WRAPPER = r"""
import json, resource, subprocess, sys, time
start = time.perf_counter()
try:
    child = subprocess.run(sys.argv[1:], capture_output=True, timeout=60)
    status, out = child.returncode, (child.stdout + child.stderr).decode(errors="replace")
except subprocess.TimeoutExpired:
    status, out = "hang", ""
elapsed = (time.perf_counter() - start) * 1000
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"status": status, "ms": elapsed, "rss": rss, "out": out}))
"""
REPEAT = 101  # copies of the packet in one process, to take the process start-up out

binary, folder, runs, canary = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
secret = open(canary).read().strip()
names = ["start-up.xml"] + sorted(n for n in os.listdir(folder) if n != "start-up.xml")


def run(paths):
    line = subprocess.run(
        [sys.executable, "-c", WRAPPER, binary, "validate", "--jobs", "1", "--lang", "en",
         "--as-of", "2026-11-20"] + paths, capture_output=True, text=True).stdout
    return json.loads(line)


print("%-28s %4s %-9s %11s %14s %13s" % (
    "case", "exit", "rule", "process ms", "per packet ms", "peak RSS MiB"))
failed = False
for name in names:
    path = os.path.join(folder, name)
    single, repeated = [], []
    for _ in range(runs):  # interleaved, so drift hits both alike
        single.append(run([path]))
        repeated.append(run([path] * REPEAT))
    statuses = {r["status"] for r in single + repeated}
    status = single[0]["status"] if len(statuses) == 1 else "/".join(map(str, sorted(statuses, key=str)))
    if any(secret in r["out"] for r in single + repeated):
        status = "leak"
    rule = "-"
    for text in single[0]["out"].splitlines():
        if ": error: [" in text:
            rule = text.split(": error: [", 1)[1].split("]", 1)[0]
            break
    one = statistics.median(r["ms"] for r in single)
    many = statistics.median(r["ms"] for r in repeated)
    ok = status in (0, 1) and max(r["ms"] for r in single) < 10_000
    failed |= not ok
    print("%-28s %4s %-9s %11.1f %14.2f %13.1f%s" % (
        name, status, rule, one, max(0.0, (many - one) / (REPEAT - 1)),
        max(r["rss"] for r in single + repeated), "" if ok else "  FAIL"))
sys.exit(1 if failed else 0)
PY
