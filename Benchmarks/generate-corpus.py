#!/usr/bin/env python3
"""Writes the benchmark corpus: deterministic packets of every family, sized like the samples.

  Benchmarks/generate-corpus.py                 # 10,000 packets per family into Benchmarks/corpus/
  Benchmarks/generate-corpus.py --per-family 500 --out /tmp/small

Every packet starts from one of the valid samples of its family (SampleFilings/valid/<family>/,
single files only, GBK and GB18030 ones re-encoded in their own encoding) and is varied the way
real filings differ: people's names, trade names (字号), every 统一社会信用代码, 身份证号 and JY number
(new ones with correct check characters, the same replacement wherever the sample repeats one, so
the packet stays consistent), phone numbers, material digests, and all dates shifted together by a
few days. About 10% are made invalid, each in one of several ways: schema failures (a USCC one
character short, an unknown code, a missing or unexpected element, an impossible date, a CreatedAt
without a time zone, a tag mismatch) and business-rule failures (a wrong USCC or 身份证号 check
character, a declaration signed after the reference date 2026-11-20).

The output is the same for the same arguments (fixed seed). Besides the packets it writes
`manifest.tsv` (path, family, intent valid|schema|rule, mutation) and one file list per family
(`<family>.list`), which Benchmarks/run.sh uses.
"""
import argparse
import datetime
import hashlib
import os
import random
import re
import shutil
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FAMILIES = ["prefiling", "amendment", "registration", "bundle", "business", "food", "decision"]

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]
RID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "建国华明丽敏静强磊军洋勇艳杰娟涛超秀英霞平刚桂芳海波红玲宁文斌志伟晓梅思远博雪凤云飞鹏辉慧婷倩琳欣怡子轩浩然宇航嘉佳晨阳春燕秋菊立新卫东振兴永刚德胜淑兰玉珍"
# Trade names (字号) with no place name, forbidden word or industry word in them.
TRADE_NAMES = [
    "天晟吉祥", "福满堂", "聚鑫", "和顺", "德兴", "瑞丰", "悦来", "同和", "永盛", "嘉禾", "盛源", "祥和",
    "益友", "恒通", "春和", "兴隆", "万和", "福源", "泰和", "金鼎", "木滋嗒味", "味之源", "一品香", "老味道",
    "家常乐", "鸿运", "顺心", "百味", "鲜满堂", "乐食", "小橘子", "大碗", "食为先", "知味", "喜相逢",
]

USCC_RE = re.compile(r"(?<![0-9A-Z])([0-9A-HJ-NPQRTUWXY]{2}\d{6})([0-9A-HJ-NPQRTUWXY]{10})(?![0-9A-Z])")
RID_RE = re.compile(r"(?<![0-9])(\d{6})(\d{8})(\d{3})([\dX])(?![0-9A-Z])")
JY_RE = re.compile(r"JY(\d)(\d{6})(\d{6})(\d)")
PHONE_RE = re.compile(r"(?<![0-9])(1[3-9]\d)(\d{8})(?![0-9])")
SHA_RE = re.compile(r"<SHA256>[0-9a-f]{64}</SHA256>")
DATE_RE = re.compile(r"(?<![0-9])(20\d\d)-(\d\d)-(\d\d)(?![0-9])")
PERSON_RE = re.compile(
    r"<(Name|Signatory|Lessee|Responsible|Operator|Representative)>([\u4e00-\u9fff]{2,3})</\1>")
TRADE_RE = re.compile(r"<TradeName>([^<]+)</TradeName>")
ENCODING_RE = re.compile(rb'^<\?xml[^>]*encoding=["\']([A-Za-z0-9_.\-]+)["\']')


def org_check(body8):
    value = lambda ch: int(ch) if ch.isdigit() else ord(ch) - ord("A") + 10
    c = 11 - sum(value(ch) * w for ch, w in zip(body8, ORG_WEIGHTS)) % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def uscc(prefix8, body8):
    first17 = prefix8 + body8 + org_check(body8)
    total = sum(USCC_CHARS.index(ch) * w for ch, w in zip(first17, USCC_WEIGHTS))
    return first17 + USCC_CHARS[(31 - total % 31) % 31]


def uscc_valid(code):
    if len(code) != 18 or any(ch not in USCC_CHARS for ch in code):
        return False
    return uscc(code[:8], code[8:16]) == code


def rid_check(first17):
    return "10X98765432"[sum(int(a) * w for a, w in zip(first17, RID_WEIGHTS)) % 11]


def jy(category, division, seq):
    digits = category + division + seq
    p = 10
    for d in digits:
        s = (p + int(d)) % 10 or 10
        p = (2 * s) % 11
    return "JY" + digits + str((11 - p) % 10)


def wrong(choices, right, rng):
    return rng.choice([c for c in choices if c != right])


class Varier:
    """Varies one sample into a new, still consistent packet."""

    def __init__(self, rng):
        self.rng = rng

    def person(self):
        rng = self.rng
        return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2, 2])))

    def vary(self, text):
        rng = self.rng
        # USCCs: same department and division, a new body with both check characters.
        usccs = {}
        for match in USCC_RE.finditer(text):
            code = match.group(0)
            if code in usccs or not uscc_valid(code):
                continue
            body = code[8:10] + "".join(rng.choice(USCC_CHARS) for _ in range(6))
            usccs[code] = uscc(code[:8], body)
        # 身份证号: same area and birth date (age rules), a new sequence of the same sex, new check.
        rids = {}
        for match in RID_RE.finditer(text):
            code = match.group(0)
            if code in rids or rid_check(code[:17]) != code[17]:
                continue
            seq = rng.randrange(0, 1000)
            if seq % 2 != int(code[16]) % 2:
                seq = (seq + 1) % 1000
            first17 = code[:14] + "%03d" % seq
            rids[code] = first17 + rid_check(first17)
        jys = {}
        for match in JY_RE.finditer(text):
            code = match.group(0)
            if code not in jys and jy(match.group(1), match.group(2), match.group(3)) == code:
                jys[code] = jy(match.group(1), match.group(2), "%06d" % rng.randrange(1, 1000000))
        people = {}
        for match in PERSON_RE.finditer(text):
            name = match.group(2)
            if name not in people:
                people[name] = self.person()
        trades = {}
        for match in TRADE_RE.finditer(text):
            name = match.group(1)
            if name not in trades:
                trades[name] = rng.choice(TRADE_NAMES)
        replacements = {**usccs, **rids, **jys, **trades, **people}
        if replacements:
            pattern = re.compile("|".join(re.escape(k) for k in sorted(replacements, key=len, reverse=True)))
            text = pattern.sub(lambda m: replacements[m.group(0)], text)
        text = PHONE_RE.sub(lambda m: m.group(1) + "%08d" % rng.randrange(0, 100000000), text)
        text = SHA_RE.sub(lambda m: "<SHA256>%064x</SHA256>" % rng.getrandbits(256), text)
        # Every date moves by the same few days back, so their order and spans stay as they were.
        shift = datetime.timedelta(days=-rng.randrange(0, 15))

        def move(m):
            try:
                day = datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3))) + shift
            except ValueError:
                return m.group(0)
            return day.isoformat()

        return DATE_RE.sub(move, text)


# Mutations: (name, intent, function(text, rng) -> new text or None when it does not apply).
def uscc_too_short(text, rng):
    m = re.search(r"<USCC>([0-9A-Z]{18})</USCC>", text)
    return None if not m else text[: m.start(1)] + m.group(1)[:17] + text[m.end(1):]


def unknown_channel(text, rng):
    m = re.search(r"<Channel>[A-Z_]+</Channel>", text)
    return None if not m else text[: m.start()] + "<Channel>CARRIER_PIGEON</Channel>" + text[m.end():]


def missing_schema_version(text, rng):
    m = re.search(r"\s*<SchemaVersion>[^<]*</SchemaVersion>", text)
    return None if not m else text[: m.start()] + text[m.end():]


def unexpected_element(text, rng):
    m = re.search(r"</Header>", text)
    return None if not m else text[: m.end()] + "\n  <Remark>加急办理</Remark>" + text[m.end():]


def impossible_date(text, rng):
    matches = [m for m in re.finditer(r">(20\d\d-\d\d-\d\d)<", text)]
    if not matches:
        return None
    m = rng.choice(matches)
    return text[: m.start(1)] + m.group(1)[:5] + "02-30" + text[m.end(1):]


def created_at_without_zone(text, rng):
    m = re.search(r"(<CreatedAt>[^<+]*)\+08:00(</CreatedAt>)", text)
    return None if not m else text[: m.start()] + m.group(1) + m.group(2) + text[m.end():]


def tag_mismatch(text, rng):
    m = re.search(r"</Header>", text)
    return None if not m else text[: m.start()] + "</Headr>" + text[m.end():]


def uscc_check_character(text, rng):
    matches = [m for m in USCC_RE.finditer(text) if uscc_valid(m.group(0))]
    if not matches:
        return None
    m = rng.choice(matches)
    code = m.group(0)
    bad = code[:17] + wrong(USCC_CHARS, code[17], rng)
    return text.replace(code, bad)


def resident_id_check(text, rng):
    matches = [m for m in RID_RE.finditer(text) if rid_check(m.group(0)[:17]) == m.group(0)[17]]
    if not matches:
        return None
    code = rng.choice(matches).group(0)
    return text.replace(code, code[:17] + wrong("0123456789X", code[17], rng))


def signed_in_future(text, rng):
    matches = list(re.finditer(r"<SignedOn>(20\d\d-\d\d-\d\d)</SignedOn>", text))
    if not matches:
        return None
    m = matches[-1]
    return text[: m.start(1)] + "2026-12-%02d" % rng.randrange(1, 29) + text[m.end(1):]


MUTATIONS = [
    ("uscc-too-short", "schema", uscc_too_short),
    ("unknown-channel", "schema", unknown_channel),
    ("missing-schema-version", "schema", missing_schema_version),
    ("unexpected-element", "schema", unexpected_element),
    ("impossible-date", "schema", impossible_date),
    ("created-at-without-zone", "schema", created_at_without_zone),
    ("tag-mismatch", "schema", tag_mismatch),
    ("uscc-check-character", "rule", uscc_check_character),
    ("resident-id-check-character", "rule", resident_id_check),
    ("signed-in-the-future", "rule", signed_in_future),
]


def templates(family):
    folder = os.path.join(ROOT, "SampleFilings", "valid", family)
    result = []
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if not name.endswith(".xml") or not os.path.isfile(path):
            continue
        data = open(path, "rb").read()
        m = ENCODING_RE.match(data)
        encoding = m.group(1).decode() if m else "utf-8"
        result.append((name, encoding, data.decode(encoding)))
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--per-family", type=int, default=10000)
    parser.add_argument("--invalid-percent", type=float, default=10.0)
    parser.add_argument("--seed", type=int, default=20261123)
    parser.add_argument("--out", default=os.path.join(ROOT, "Benchmarks", "corpus"))
    args = parser.parse_args()

    if os.path.isdir(args.out):
        shutil.rmtree(args.out)
    os.makedirs(args.out)
    manifest = ["path\tfamily\tintent\tmutation\ttemplate"]
    totals = {"valid": 0, "schema": 0, "rule": 0}
    size = 0
    for family in FAMILIES:
        rng = random.Random("%d/%s" % (args.seed, family))
        samples = templates(family)
        folder = os.path.join(args.out, family)
        os.makedirs(folder)
        paths = []
        for index in range(args.per_family):
            template, encoding, text = samples[index % len(samples)]
            text = Varier(rng).vary(text)
            intent, mutation = "valid", "-"
            if rng.random() * 100 < args.invalid_percent:
                for name, kind, mutate in rng.sample(MUTATIONS, len(MUTATIONS)):
                    changed = mutate(text, rng)
                    if changed is not None and changed != text:
                        text, intent, mutation = changed, kind, name
                        break
            path = os.path.join(folder, "%s-%05d.xml" % (family, index + 1))
            data = text.encode(encoding)
            with open(path, "wb") as out:
                out.write(data)
            size += len(data)
            paths.append(path)
            totals[intent] += 1
            manifest.append("\t".join([os.path.relpath(path, args.out), family, intent, mutation, template]))
        with open(os.path.join(args.out, family + ".list"), "w") as out:
            out.write("\n".join(paths) + "\n")
    with open(os.path.join(args.out, "manifest.tsv"), "w") as out:
        out.write("\n".join(manifest) + "\n")
    count = sum(totals.values())
    digest = hashlib.sha256("\n".join(manifest).encode()).hexdigest()[:12]
    print(
        "%d packets in %s (%.1f MB, mean %.0f bytes): %d valid, %d schema-invalid, %d rule-invalid; manifest %s"
        % (count, args.out, size / 1e6, size / max(count, 1), totals["valid"], totals["schema"], totals["rule"], digest),
        file=sys.stderr)


if __name__ == "__main__":
    main()
