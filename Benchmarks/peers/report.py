#!/usr/bin/env python3
"""Turns Benchmarks/out/results.txt into the Markdown table of Benchmarks/README.md.

  report.py OUT_DIR MANIFEST

results.txt has one measurement a line, `<round> <key> <value>` (round 0: measured once).
Throughput ratios are taken per round (OneWindow and the peer measured back to back) and the
median of those ratios is reported; packets/s are medians over the rounds.
"""
import collections
import csv
import os
import re
import statistics
import sys


def load(path):
    rounds = collections.defaultdict(dict)
    with open(path) as handle:
        for line in handle:
            parts = line.split(None, 2)
            if len(parts) == 3:
                rounds[int(parts[0])][parts[1]] = parts[2].strip()
    return rounds


def number(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def main():
    out, manifest_path = sys.argv[1:3]
    rounds = load(os.path.join(out, "results.txt"))
    once = rounds.pop(0, {})
    machine = dict(line.rstrip("\n").split(" ", 1) for line in open(os.path.join(out, "machine.txt")))

    def rate(values, peer):
        packets = number(values.get(peer + ".packets"))
        seconds = number(values.get(peer + ".loop_seconds") or values.get(peer + ".seconds"))
        return packets / seconds if packets and seconds else None

    peers = ["onewindow1", "onewindow2", "xmllint", "lxml", "xmlschema"]
    rates = {p: [r for r in (rate(v, p) for v in rounds.values()) if r] for p in peers}
    rss = {p: [number(v.get(p + ".rss_kb")) for v in rounds.values() if v.get(p + ".rss_kb")] for p in peers}
    packets = {p: next((v.get(p + ".packets") for v in rounds.values() if v.get(p + ".packets")), "?") for p in peers}

    def ratio(a, b):
        values = []
        for v in rounds.values():
            x, y = rate(v, a), rate(v, b)
            if x and y:
                values.append(x / y)
        return statistics.median(values) if values else None

    def fmt(value, digits=2):
        return "–" if value is None else ("{:,.%df}" % digits).format(value)

    med = {p: (statistics.median(rates[p]) if rates[p] else None) for p in peers}
    lines = []
    lines.append("Measured %s on %s, %s, Linux %s; Swift %s, libxml2 %s; Python %s. Load average at the start: %s. "
                 "Corpus: %s. %d rounds; packets/s are medians, ratios are medians of per-round ratios."
                 % (machine.get("date"), machine.get("cpu"), machine.get("memory"), machine.get("kernel"),
                    machine.get("swift"), machine.get("libxml2"), machine.get("python"), machine.get("load"),
                    machine.get("corpus"), len(rounds)))
    lines.append("")
    lines.append("| peer | checks | packets | packets/s | OneWindow (1 worker) ÷ peer | OneWindow (2 workers) ÷ peer | peak RSS |")
    lines.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    what = {
        "onewindow1": ("`onewindow validate --jobs 1`", "XSD + all rules"),
        "onewindow2": ("`onewindow validate --jobs 2`", "XSD + all rules"),
        "xmllint": ("`xmllint --noout --schema` (one process per family)", "XSD only"),
        "lxml": ("Python lxml, warm loop", "XSD only"),
        "xmlschema": ("Python xmlschema, warm loop", "XSD only"),
    }
    for p in peers:
        name, checks = what[p]
        r1 = None if p == "onewindow1" else ratio("onewindow1", p)
        r2 = None if p == "onewindow2" else ratio("onewindow2", p)
        memory = max(rss[p]) / 1024 if rss[p] else None
        lines.append("| %s | %s | %s | %s | %s | %s | %s MiB |" % (
            name, checks, fmt(number(packets[p]), 0), fmt(med[p], 0),
            "1" if p == "onewindow1" else fmt(r1), "1" if p == "onewindow2" else fmt(r2), fmt(memory, 1)))

    one_ow, one_xl = number(once.get("one_packet.onewindow_ms")), number(once.get("one_packet.xmllint_ms"))
    one_ratio = one_ow / one_xl if one_ow and one_xl else None
    lookup = number(once.get("lookup.check_ratio"))
    facts = number(once.get("lookup.facts_ratio"))
    issuance = number(once.get("issuance.ratio"))
    ow_ins, xl_ins = number(once.get("instructions.onewindow_per_packet")), number(once.get("instructions.xmllint_per_packet"))
    ins_ratio = ow_ins / xl_ins if ow_ins and xl_ins else None
    floors = [
        ("instructions per packet, callgrind, %s vs %s packets (onewindow %s vs xmllint %s)"
         % (once.get("instructions.small_packets", "–"), once.get("instructions.large_packets", "–"),
            fmt(ow_ins, 0), fmt(xl_ins, 0)), ins_ratio, "<=", 1.25, None),
        ("full validation, 1 worker ÷ xmllint (XSD only)", ratio("onewindow1", "xmllint"), ">=", 0.85, "1.0"),
        ("full validation, 2 workers ÷ xmllint (XSD only)", ratio("onewindow2", "xmllint"), ">=", 1.5, "1.8"),
        ("full validation, 1 worker ÷ xmlschema", ratio("onewindow1", "xmlschema"), ">=", 25, None),
        ("one packet: onewindow ÷ one xmllint call (wall time, %s ms vs %s ms)" % (fmt(one_ow), fmt(one_xl)),
         one_ratio, "<=", 2.0, None),
        ("registration check, 1,000,000 units ÷ 1,000 units (%s µs vs %s µs)"
         % (once.get("lookup.large_check_us", "–"), once.get("lookup.small_check_us", "–")), lookup, "<=", 2.0, None),
        ("  registry lookup alone (%s µs vs %s µs)"
         % (once.get("lookup.large_facts_us", "–"), once.get("lookup.small_facts_us", "–")), facts, "<=", 2.0, None),
        ("issued bundles/s ÷ bare synchronous inserts of the same rows, same commits (%s vs %s /s)"
         % (once.get("issuance.bundles_per_s", "–"), once.get("issuance.bare_per_s", "–")), issuance, ">=", 0.5, None),
        ("PostgreSQL: issued bundles/s ÷ bare inserts of the same rows, same commits, same server (%s vs %s /s)"
         % (once.get("pg_issuance.bundles_per_s", "–"), once.get("pg_issuance.bare_per_s", "–")),
         number(once.get("pg_issuance.ratio")), ">=", 0.5, None),
        ("PostgreSQL: registration check, 1,000,000 units ÷ 1,000 units (%s µs vs %s µs)"
         % (once.get("pg_lookup.large_check_us", "–"), once.get("pg_lookup.small_check_us", "–")),
         number(once.get("pg_lookup.check_ratio")), "<=", 2.0, None),
        ("  registry lookup alone (%s µs vs %s µs)"
         % (once.get("pg_lookup.large_facts_us", "–"), once.get("pg_lookup.small_facts_us", "–")),
         number(once.get("pg_lookup.facts_ratio")), "<=", 2.0, None),
    ]
    lines.append("")
    lines.append("| floor | measured | floor | met |")
    lines.append("| --- | ---: | ---: | --- |")
    for label, value, op, floor, goal in floors:
        met = None if value is None else (value >= floor if op == ">=" else value <= floor)
        mark = "–" if met is None else ("met" if met else "**missed** by %s" % fmt(abs(value - floor)))
        if met and goal is not None:
            mark += " (goal %s×: %s)" % (goal, "reached" if value >= float(goal) else "not yet")
        lines.append("| %s | %s× | %s %s× | %s |" % (label, fmt(value), "≥" if op == ">=" else "≤", floor, mark))
    extra = once.get("issuance.ratio_one_commit_per_bundle")
    if extra:
        lines.append("")
        lines.append("Issuance against bare inserts committed once per bundle (not the workflow's four commits): %s×. "
                     "Full scans in the registration check's query plans: %s."
                     % (fmt(number(extra)), once.get("lookup.full_scans", "?")))

    if once.get("pg_instances.ratio"):
        lines.append("")
        lines.append("PostgreSQL: two instances (two `Registry` handles, pools of their own, one schema) ÷ one, %s "
                     "concurrent workers: %s× (%s vs %s issued bundles/s). Against bare inserts committed once per "
                     "bundle: %s×. Sequential scans in the check's plans at 1,000,000 units: %s."
                     % (once.get("pg_instances.workers", "?"), fmt(number(once.get("pg_instances.ratio"))),
                        once.get("pg_instances.two_per_s", "–"), once.get("pg_instances.one_per_s", "–"),
                        fmt(number(once.get("pg_issuance.ratio_one_commit_per_bundle"))),
                        once.get("pg_lookup.seq_scans", "?")))

    # Do the validators agree with what the generator meant?
    intents = collections.Counter()
    subset_intents = collections.Counter()
    per_family = collections.Counter()
    subset_size = int(number(packets.get("xmlschema")) or 0) // 7
    with open(manifest_path) as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            intents[row["intent"]] += 1
            per_family[row["family"]] += 1
            if per_family[row["family"]] <= subset_size:
                subset_intents[row["intent"]] += 1
    first = rounds[min(rounds)] if rounds else {}
    summary = first.get("onewindow1.summary", "").replace("_", " ")
    numbers = [int(n) for n in re.findall(r"\d+", summary)]
    accepted = numbers[1] if len(numbers) > 1 else None
    lines.append("")
    lines.append(
        "Verdicts (generator's intent: %d valid, %d schema-invalid, %d rule-invalid): OneWindow accepted %s; "
        "XSD-valid per xmllint %s, lxml %s (expected %d); xmlschema %s of its %d (expected %d)."
        % (intents["valid"], intents["schema"], intents["rule"], accepted, first.get("xmllint.valid"),
           first.get("lxml.valid"), intents["valid"] + intents["rule"], first.get("xmlschema.valid"),
           sum(subset_intents.values()), subset_intents["valid"] + subset_intents["rule"]))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
