#!/usr/bin/env python3
"""The Python peers of Benchmarks/run.sh, and its one-packet timer.

  python_peers.py lxml SCHEMAS CORPUS [--limit N]       # XSD only, lxml (libxml2), warm loop
  python_peers.py xmlschema SCHEMAS CORPUS [--limit N]  # XSD only, xmlschema (pure Python)
  python_peers.py one-packet --runs N -- CMD_A... -- CMD_B...

The loops compile each family's entry schema once, read the file list `CORPUS/<family>.list`
(the first N entries with --limit), run one untimed warm-up pass over the first 200 files of each
family, then time the loop over all of them. They print one line:
`RESULT <peer> packets=N seconds=S valid=V invalid=I`. lxml parses with no network, no entity
substitution and no DTD loading, as OneWindow does; xmlschema keeps its default (`defuse="remote"`,
the cheaper of its safe settings, so the comparison does not handicap it). xmlschema reads GBK/GB18030 packets decoded to
UTF-8 first, because Python's expat cannot parse multi-byte encodings (as scripts/xsd-crosscheck.py
does).

one-packet runs the two commands alternately N times each (after one warm-up of each) and prints
`RESULT one-packet a_ms=… b_ms=…` with the median wall times, measured around fork and exec.
"""
import glob
import io
import os
import re
import statistics
import subprocess
import sys
import time

FAMILIES = ["prefiling", "amendment", "registration", "bundle", "business", "food", "decision"]
DECLARATION = re.compile(rb'^<\?xml[^>]*encoding=["\']([A-Za-z0-9_.\-]+)["\']')


def entry_schema(schemas, family):
    found = sorted(glob.glob(os.path.join(schemas, family, "*.xsd")))
    if len(found) != 1:
        sys.exit("expected one entry schema in %s/%s, found %d" % (schemas, family, len(found)))
    return found[0]


def file_lists(corpus, limit):
    lists = {}
    for family in FAMILIES:
        with open(os.path.join(corpus, family + ".list")) as handle:
            paths = [line.strip() for line in handle if line.strip()]
        lists[family] = paths[:limit] if limit else paths
    return lists


def run_loop(peer, schemas, corpus, limit):
    lists = file_lists(corpus, limit)
    if peer == "lxml":
        from lxml import etree

        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
        validators = {f: etree.XMLSchema(etree.parse(entry_schema(schemas, f))) for f in FAMILIES}

        def check(family, path):
            try:
                document = etree.parse(path, parser)
            except etree.XMLSyntaxError:
                return False
            return validators[family].validate(document)
    else:
        import xmlschema

        validators = {f: xmlschema.XMLSchema10(entry_schema(schemas, f)) for f in FAMILIES}

        def readable(path):
            with open(path, "rb") as handle:
                data = handle.read()
            match = DECLARATION.match(data)
            if match and match.group(1).decode().upper() in ("GBK", "GB2312", "GB18030"):
                encoding = match.group(1).decode()
                return io.BytesIO(data.decode(encoding).replace(encoding, "UTF-8", 1).encode("utf-8"))
            return io.BytesIO(data)

        def check(family, path):
            try:
                resource = xmlschema.XMLResource(readable(path))
            except Exception:
                return False
            return validators[family].is_valid(resource)

    for family in FAMILIES:  # warm-up, untimed
        for path in lists[family][:200]:
            check(family, path)
    valid = invalid = 0
    start = time.perf_counter()
    for family in FAMILIES:
        for path in lists[family]:
            if check(family, path):
                valid += 1
            else:
                invalid += 1
    seconds = time.perf_counter() - start
    print("RESULT %s packets=%d seconds=%.4f valid=%d invalid=%d" % (peer, valid + invalid, seconds, valid, invalid))


def one_packet(argv):
    runs = 41
    if argv[:1] == ["--runs"]:
        runs, argv = int(argv[1]), argv[2:]
    if argv[:1] != ["--"] or argv[1:].count("--") != 1:
        sys.exit("usage: one-packet [--runs N] -- CMD_A... -- CMD_B...")
    split = argv.index("--", 1)
    commands = [argv[1:split], argv[split + 1:]]
    times = [[], []]
    for round_ in range(runs + 1):
        for index, command in enumerate(commands):
            start = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
            if round_ > 0:
                times[index].append((time.perf_counter() - start) * 1000)
    print("RESULT one-packet a_ms=%.3f b_ms=%.3f runs=%d" % (
        statistics.median(times[0]), statistics.median(times[1]), runs))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    if sys.argv[1] == "one-packet":
        one_packet(sys.argv[2:])
        return
    peer, schemas, corpus = sys.argv[1:4]
    limit = 0
    if sys.argv[4:5] == ["--limit"]:
        limit = int(sys.argv[5])
    if peer not in ("lxml", "xmlschema"):
        sys.exit("unknown peer %s" % peer)
    run_loop(peer, schemas, corpus, limit)


if __name__ == "__main__":
    main()
