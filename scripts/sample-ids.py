#!/usr/bin/env python3
"""Makes identifiers with correct check characters, for writing sample packets by hand.

  sample-ids.py uscc 91370202 MA3C5Y7R     # -> 18-char USCC (GB 11714 body check + GB 32100 check)
  sample-ids.py rid 370202 19850314 123    # -> 18-digit resident ID (GB 11643)
  sample-ids.py jy 2 370202 000123         # -> JY food licence number (ISO 7064 MOD 11,10)
  sample-ids.py sha256 FILE                # -> hex digest of a file
"""
import hashlib
import sys

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


def org_value(ch):
    return int(ch) if ch.isdigit() else ord(ch) - ord("A") + 10


def org_check(body8):
    c = 11 - sum(org_value(ch) * w for ch, w in zip(body8, ORG_WEIGHTS)) % 11
    return "X" if c == 10 else "0" if c == 11 else str(c)


def uscc(prefix8, body8):
    first17 = prefix8 + body8 + org_check(body8)
    total = sum(USCC_CHARS.index(ch) * w for ch, w in zip(first17, USCC_WEIGHTS))
    return first17 + USCC_CHARS[(31 - total % 31) % 31]


def rid(area, birth, seq):
    first17 = area + birth + seq
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return first17 + "10X98765432"[sum(int(a) * w for a, w in zip(first17, weights)) % 11]


def jy(category, division, seq):
    digits = category + division + seq
    p = 10
    for d in digits:
        s = (p + int(d)) % 10 or 10
        p = (2 * s) % 11
    return "JY" + digits + str((11 - p) % 10)


if __name__ == "__main__":
    kind, *args = sys.argv[1:]
    if kind == "uscc":
        print(uscc(*args))
    elif kind == "rid":
        print(rid(*args))
    elif kind == "jy":
        print(jy(*args))
    elif kind == "sha256":
        print(hashlib.sha256(open(args[0], "rb").read()).hexdigest())
