#!/usr/bin/env python3
"""Writes the committed zip packets, deterministically (fixed timestamps, modes and order).

Usage: scripts/make-sample-zips.py [--check]

- SampleFilings/valid/registration/taixingli-u201.zip: the packet folder
  SampleFilings/valid/registration/taixingli-u201-folder/ as a zip packet (packet.xml at the root,
  the entry agreement beside it, Deflate).
- Tests/OneWindowKitTests/Fixtures/zip-bomb.zip: a crafted zip bomb, about 1 MB, whose one
  attachment inflates to 1,100,000,000 zero bytes while its headers declare 4,096 bytes, so only
  a reader that counts what it inflates stops it. Never inflate it fully in CI.

Run from anywhere; paths are relative to the repository root. With --check, nothing is written
and the exit code says whether the committed files are what this script makes (the bomb takes a
few seconds to compress).
"""
import io
import os
import struct
import sys
import zlib
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXED_TIME = (2026, 11, 20, 9, 0, 0)
BOMB_BYTES = 1_100_000_000
BOMB_DECLARED = 4096


def entry(name, mode=0o100644):
    info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    info.create_system = 3  # Unix, so the mode below is meaningful
    info.external_attr = mode << 16
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def folder_zip(folder):
    """A zip packet of a packet folder: packet.xml first, then the attachments by name."""
    names = sorted(n for n in os.listdir(folder) if not n.startswith("."))
    names.sort(key=lambda n: n != "packet.xml")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in names:
            with open(os.path.join(folder, name), "rb") as file:
                archive.writestr(entry(name), file.read(), compresslevel=9)
    return buffer.getvalue()


def bomb():
    """packet.xml (the valid registration) plus one entry of BOMB_BYTES zeros, lying about its size."""
    folder = os.path.join(ROOT, "SampleFilings/valid/registration/taixingli-u201-folder")
    with open(os.path.join(folder, "packet.xml"), "rb") as file:
        packet = file.read()
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    zeros = bytes(1 << 20)
    parts = []
    remaining = BOMB_BYTES
    while remaining:
        step = min(remaining, len(zeros))
        parts.append(compressor.compress(zeros[:step]))
        remaining -= step
    parts.append(compressor.flush())
    deflated = b"".join(parts)

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(entry("packet.xml"), packet, compresslevel=9)
    head = buffer.getvalue()
    # Keep packet.xml's local header and data; drop zipfile's central directory and build ours.
    central_start = head.index(b"PK\x01\x02")
    local = head[:central_start]
    central_packet = head[central_start:head.index(b"PK\x05\x06")]

    name = b"scan.pdf"
    crc = zlib.crc32(bytes(BOMB_DECLARED))  # the CRC of what the headers claim, also a lie
    dos_time = (FIXED_TIME[3] << 11) | (FIXED_TIME[4] << 5) | (FIXED_TIME[5] // 2)
    dos_date = ((FIXED_TIME[0] - 1980) << 9) | (FIXED_TIME[1] << 5) | FIXED_TIME[2]
    offset = len(local)
    local += struct.pack(
        "<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, dos_time, dos_date, crc, len(deflated),
        BOMB_DECLARED, len(name), 0) + name + deflated
    central = central_packet + struct.pack(
        "<IHHHHHHIIIHHHHHII", 0x02014B50, (3 << 8) | 20, 20, 0, 8, dos_time, dos_date, crc,
        len(deflated), BOMB_DECLARED, len(name), 0, 0, 0, 0, 0o100644 << 16, offset) + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 2, 2, len(central), len(local), 0)
    return local + central + end


def main():
    check = "--check" in sys.argv[1:]
    outputs = {
        "SampleFilings/valid/registration/taixingli-u201.zip": lambda: folder_zip(
            os.path.join(ROOT, "SampleFilings/valid/registration/taixingli-u201-folder")),
        "Tests/OneWindowKitTests/Fixtures/zip-bomb.zip": bomb,
    }
    stale = []
    for relative, make in outputs.items():
        path = os.path.join(ROOT, relative)
        data = make()
        if check:
            current = open(path, "rb").read() if os.path.exists(path) else None
            if current != data:
                stale.append(relative)
            continue
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as file:
            file.write(data)
        print(f"{relative}: {len(data)} bytes")
    if stale:
        print("stale: " + ", ".join(stale), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
