#!/usr/bin/env python3
"""Checks packets with Python's xmlschema, an XSD 1.0 implementation independent of libxml2.

Usage: xsd-crosscheck.py SCHEMAS_DIR PACKET...

Compiles every entry schema under SCHEMAS_DIR (each *.xsd outside common/), picks a packet's
schema from its root element, and prints one JSON object: packet path -> {"verdict": ...,
"count": N, "first": "..."} where verdict is "valid", "invalid" (schema errors),
"not-well-formed" (includes any DOCTYPE or entity, refused with defuse="always") or
"unknown-root". A packet folder, or a zip packet, is read from its packet.xml. The OneWindow test suite compares
these verdicts with libxml2's on every sample (Tests/OneWindowKitTests/XSDCrossCheckTests.swift).

A generic bundle (TradeBundle) also has each track part validated against the track schema its
definition names (Data/bundles/<definition>.xml, beside SCHEMAS_DIR), as OneWindow does.
"""
import io
import json
import os
import re
import sys
import zipfile

import xmlschema


def entry_schemas(folder):
    by_root = {}
    for dirpath, _, names in os.walk(folder):
        if os.path.relpath(dirpath, folder).split(os.sep)[0] == "common":
            continue
        for name in sorted(names):
            if name.endswith(".xsd"):
                schema = xmlschema.XMLSchema10(os.path.join(dirpath, name))
                for root in schema.elements:
                    by_root["{%s}%s" % (schema.target_namespace, root)] = schema
    return by_root


DECLARATION = re.compile(rb'^<\?xml[^>]*encoding=["\']([A-Za-z0-9_.\-]+)["\']')


def readable(file):
    """The packet as ElementTree can parse it.

    Python's expat cannot parse multi-byte encodings such as GBK or GB18030 ("multi-byte
    encodings are not supported"), so such packets are decoded with the declared encoding and
    handed over as UTF-8. Invalid bytes raise, which counts as not well-formed.
    """
    if file.lower().endswith(".zip"):
        with zipfile.ZipFile(file) as archive:
            data = archive.read("packet.xml")
    else:
        data = open(file, "rb").read()
    match = DECLARATION.match(data)
    if match and match.group(1).decode().upper() in ("GBK", "GB2312", "GB18030"):
        encoding = match.group(1).decode()
        text = data.decode(encoding)
        text = text.replace(encoding, "UTF-8", 1)
        return io.BytesIO(text.encode("utf-8"))
    return io.BytesIO(data) if file.lower().endswith(".zip") else file


def check(path, schemas):
    file = os.path.join(path, "packet.xml") if os.path.isdir(path) else path
    try:
        resource = xmlschema.XMLResource(readable(file), defuse="always")
    except Exception as error:  # not well-formed, DOCTYPE, entities, bad encoding
        return {"verdict": "not-well-formed", "detail": type(error).__name__}
    schema = schemas.get(resource.root.tag)
    if schema is None:
        return {"verdict": "unknown-root", "root": resource.root.tag}
    errors = list(schema.iter_errors(resource))
    if not errors and resource.root.tag == "{urn:onewindow:tradebundle:v1}TradeBundle":
        errors = part_errors(resource.root, os.path.join(os.path.dirname(os.path.abspath(schemas_folder)), "Data", "bundles"))
    if not errors:
        return {"verdict": "valid"}
    return {"verdict": "invalid", "count": len(errors), "first": errors[0].reason}


BUNDLEDEF = "{urn:onewindow:bundledef:v1}"
TRADE = "{urn:onewindow:tradebundle:v1}"
schemas_folder = ""


def part_errors(root, definitions):
    """Each Part's element checked against its track's schema, per the packet's definition."""
    definition = root.findtext(TRADE + "Definition")
    path = os.path.join(definitions, "%s.xml" % definition)
    if not definition or not os.path.exists(path):
        return []
    import xml.etree.ElementTree as ElementTree
    tracks = {}
    for track in ElementTree.parse(path).getroot().iter(BUNDLEDEF + "Track"):
        schema = track.find(BUNDLEDEF + "Schema")
        if schema is not None and schema.get("builtin") != "true":
            tracks[track.get("id")] = os.path.join(os.path.dirname(path), schema.text.strip())
    errors = []
    for part in root.iter(TRADE + "Part"):
        schema_path = tracks.get(part.get("track"))
        content = list(part)
        if schema_path and content:
            errors += list(xmlschema.XMLSchema10(schema_path).iter_errors(content[0]))
    return errors


def main():
    global schemas_folder
    folder, *packets = sys.argv[1:]
    schemas_folder = folder
    schemas = entry_schemas(folder)
    print(json.dumps({path: check(path, schemas) for path in packets}, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
