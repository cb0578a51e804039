#!/usr/bin/env python3
"""Writes the hostile-input cases of issue #8 into a folder, one file per case.

Usage: scripts/hostile-cases.py OUTDIR [--canary FILE] [--port N]

Every case is a packet that must get a clear finding or error, quickly, with bounded memory,
reading and writing nothing outside the packet. The Swift suite
(Tests/OneWindowKitTests/HostilePacketTests.swift) checks each case's exact finding id and line;
Benchmarks/hostile/hostile-timing.sh times `onewindow validate` on each.

--canary FILE: a file that must never be read; the external entity, the XInclude and the zip
symlink point at it (default /etc/hostname). --port N: the loopback port the external DTD names
(default 9, discard; nothing listens there in the benchmark, the tests run a listener).
The zip bomb is copied from Tests/OneWindowKitTests/Fixtures/zip-bomb.zip (made by
scripts/make-sample-zips.py). Output is deterministic.
"""
import io
import os
import struct
import sys
import warnings
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIXED_TIME = (2026, 11, 20, 9, 0, 0)
PREFILING = os.path.join(ROOT, "SampleFilings/valid/prefiling/taixingli.xml")
GBK_PREFILING = os.path.join(ROOT, "SampleFilings/valid/prefiling/taixingli-gbk.xml")
FOLDER = os.path.join(ROOT, "SampleFilings/valid/registration/taixingli-u201-folder")
BOMB = os.path.join(ROOT, "Tests/OneWindowKitTests/Fixtures/zip-bomb.zip")
ROOT_TAG = '<AddressPreFiling xmlns="urn:onewindow:prefiling:v1">'


def read(path):
    with open(path, "rb") as file:
        return file.read()


def with_doctype(doctype):
    """The valid pre-filing with a DOCTYPE on line 2 (line 1 is the XML declaration)."""
    text = read(PREFILING).decode()
    declaration, rest = text.split("\n", 1)
    return (declaration + "\n" + doctype + "\n" + rest).encode()


def xml_cases(canary, port):
    cases = {}
    cases["doctype-internal-entity.xml"] = with_doctype(
        '<!DOCTYPE AddressPreFiling [<!ENTITY owner "太兴里">]>')
    cases["external-entity-file.xml"] = with_doctype(
        '<!DOCTYPE AddressPreFiling [<!ENTITY secret SYSTEM "file://%s">]>' % canary
    ).replace(b"<Channel>WINDOW</Channel>", b"<Channel>WINDOW&secret;</Channel>", 1)
    cases["external-dtd-http.xml"] = with_doctype(
        '<!DOCTYPE AddressPreFiling SYSTEM "http://127.0.0.1:%d/evil.dtd">' % port)
    laughs = ['<!ENTITY lol "lol">']
    for level in range(1, 10):
        previous = "lol" if level == 1 else "lol%d" % (level - 1)
        laughs.append('<!ENTITY lol%d "%s">' % (level, ("&%s;" % previous) * 10))
    cases["billion-laughs.xml"] = (
        '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n' + "\n".join(laughs) + "\n]>\n<lolz>&lol9;</lolz>\n"
    ).encode()
    cases["quadratic-blowup.xml"] = (
        '<?xml version="1.0"?>\n<!DOCTYPE kaboom [<!ENTITY a "' + "a" * 100_000 + '">]>\n<kaboom>'
        + "&a;" * 20_000 + "</kaboom>\n"
    ).encode()
    cases["deep-nesting.xml"] = (
        '<?xml version="1.0"?>\n' + "<a>" * 10_000 + "</a>" * 10_000 + "\n").encode()
    text = read(PREFILING)
    padding = b"<!--" + b" " * (100 * 1024 * 1024 - len(text) - 8) + b"-->\n"
    cases["packet-100mib.xml"] = text.replace(b"\n", b"\n" + padding, 1)
    gbk_name = "刘晓燕".encode("gbk")
    cases["invalid-utf8.xml"] = text.replace("刘晓燕".encode(), gbk_name, 1)
    declared16 = text.decode().replace('encoding="UTF-8"', 'encoding="UTF-16"', 1)
    cases["utf16-without-bom.xml"] = declared16.encode("utf-16-le")
    cases["declared-gbk.xml"] = read(GBK_PREFILING)
    cases["nul-bytes.xml"] = text.replace(b"<Channel>WINDOW</Channel>", b"<Channel>WIN\x00DOW</Channel>", 1)
    attributes = " ".join('a%d="1"' % index for index in range(200_000))
    cases["attributes-200000.xml"] = ('<?xml version="1.0"?>\n<a ' + attributes + "/>\n").encode()
    cases["xinclude-canary.xml"] = text.replace(
        b"<Channel>WINDOW</Channel>",
        b'<Channel>WINDOW</Channel><xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="'
        + canary.encode() + b'" parse="text"/>', 1)
    return cases


def info(name, mode=0o100644, method=zipfile.ZIP_DEFLATED):
    entry = zipfile.ZipInfo(name, date_time=FIXED_TIME)
    entry.create_system = 3
    entry.external_attr = mode << 16
    entry.compress_type = method
    return entry


def make_zip(entries):
    """entries: (ZipInfo or name, bytes) in order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            archive.writestr(name if isinstance(name, zipfile.ZipInfo) else info(name), data)
    return buffer.getvalue()


def zip_cases(canary):
    packet = read(os.path.join(FOLDER, "packet.xml"))
    agreement = read(os.path.join(FOLDER, "entry-agreement.pdf"))
    valid = [("packet.xml", packet), ("entry-agreement.pdf", agreement)]
    cases = {}
    cases["zip-valid.zip"] = make_zip(valid)
    cases["zip-slip.zip"] = make_zip(valid + [("../../evil.pdf", b"written outside")])
    cases["zip-absolute-path.zip"] = make_zip(valid + [("/tmp/onewindow-evil.pdf", b"absolute")])
    cases["zip-backslash.zip"] = make_zip(valid + [("..\\evil.pdf", b"backslash")])
    cases["zip-drive-letter.zip"] = make_zip(valid + [("C:/evil.pdf", b"drive")])
    cases["zip-symlink.zip"] = make_zip(valid + [(info("scan.pdf", mode=0o120777), canary.encode())])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name it is asked for
        cases["zip-duplicate-name.zip"] = make_zip(
            valid + [("entry-agreement.pdf", b"another file, same name")])
    cases["zip-directories-only.zip"] = make_zip(
        [(info("scans/", mode=0o040755, method=zipfile.ZIP_STORED), b""),
         (info("proofs/", mode=0o040755, method=zipfile.ZIP_STORED), b"")])
    cases["zip-missing-packet.zip"] = make_zip(
        [("taixingli-u201/packet.xml", packet), ("taixingli-u201/entry-agreement.pdf", agreement)])
    encrypted = bytearray(make_zip(valid))
    # Python cannot write encrypted entries: set the "encrypted" flag on the attachment's headers.
    local = encrypted.index(b"PK\x03\x04", 1)
    central = encrypted.index(b"PK\x01\x02")
    second_central = encrypted.index(b"PK\x01\x02", central + 4)
    struct.pack_into("<H", encrypted, local + 6, struct.unpack_from("<H", encrypted, local + 6)[0] | 1)
    struct.pack_into(
        "<H", encrypted, second_central + 8, struct.unpack_from("<H", encrypted, second_central + 8)[0] | 1)
    cases["zip-encrypted.zip"] = bytes(encrypted)
    whole = cases["zip-valid.zip"]
    cases["zip-truncated.zip"] = whole[: len(whole) // 2]
    cases["zip-too-many-entries.zip"] = make_zip(
        valid + [("note-%04d.txt" % index, b"x") for index in range(600)])
    # Chinese Windows archivers write GBK names without the UTF-8 flag: read as GB 18030.
    class GBKName(zipfile.ZipInfo):
        def _encodeFilenameFlags(self):
            return self.filename.encode("gbk"), self.flag_bits
    gbk = GBKName("扫描件.pdf", date_time=FIXED_TIME)
    gbk.create_system = 0
    gbk.compress_type = zipfile.ZIP_DEFLATED
    cases["zip-gbk-name.zip"] = make_zip(valid + [(gbk, b"scan")])
    # Two archives ZIPFoundation 0.9.20's own Archive reader cannot survive: a central directory
    # pointing past the end of the data (it traps), and a deflate stream that runs into the end
    # of the data (it loops forever). Both must be a clean SEC-011 here.
    outside = bytearray(make_zip(valid))
    second_central = outside.index(b"PK\x01\x02", outside.index(b"PK\x01\x02") + 4)
    struct.pack_into("<I", outside, second_central + 42, 0x7FFF0000)
    cases["zip-offset-outside.zip"] = bytes(outside)
    name = b"packet.xml"
    stream = bytes([0x00]) + struct.pack("<HH", 0xFFFF, 0x0000) + packet[:10]  # stored, not final
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, 0, len(stream), len(packet),
                        len(name), 0) + name + stream
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, 0, len(stream),
                          len(packet), len(name), 0, 0, 0, 0, 0, 0) + name
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local), 0)
    cases["zip-deflate-runs-off.zip"] = local + central + end
    cases["zip-bomb.zip"] = read(BOMB)
    honest = bytearray(read(BOMB))
    # The same bomb with honest headers: refused on the declared size, nothing inflated.
    local = honest.index(b"PK\x03\x04", 1)
    struct.pack_into("<I", honest, local + 22, 1_100_000_000)
    central = honest.index(b"PK\x01\x02")
    second_central = honest.index(b"PK\x01\x02", central + 4)
    struct.pack_into("<I", honest, second_central + 24, 1_100_000_000)
    cases["zip-bomb-declared.zip"] = bytes(honest)
    return cases


def main():
    arguments = sys.argv[1:]
    if not arguments or arguments[0].startswith("-"):
        print(__doc__, file=sys.stderr)
        sys.exit(64)
    out = arguments[0]
    canary = "/etc/hostname"
    port = 9
    if "--canary" in arguments:
        canary = os.path.abspath(arguments[arguments.index("--canary") + 1])
    if "--port" in arguments:
        port = int(arguments[arguments.index("--port") + 1])
    os.makedirs(out, exist_ok=True)
    cases = {}
    cases.update(xml_cases(canary, port))
    cases.update(zip_cases(canary))
    for name, data in sorted(cases.items()):
        with open(os.path.join(out, name), "wb") as file:
            file.write(data)
    print("\n".join(sorted(cases)))


if __name__ == "__main__":
    main()
