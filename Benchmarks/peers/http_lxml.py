"""A minimal Python validation service, the HTTP peer of `onewindow serve` (Benchmarks/http.sh).

WSGI under gunicorn (2 workers): each worker compiles every packet schema once with lxml, then
answers POST /v1/validate with {"valid": bool, "errors": [...]} after XSD validation only (no
rules, no registry) of the body, choosing the schema by the root element's namespace. Entities
and network access are off, as in OneWindow.
"""
import glob
import json
import os

from lxml import etree

SCHEMAS = os.environ.get("ONEWINDOW_SCHEMAS", os.path.join(os.path.dirname(__file__), "..", "..", "Schemas"))


def _compile():
    schemas = {}
    for path in glob.glob(os.path.join(SCHEMAS, "*", "*.xsd")):
        document = etree.parse(path)
        namespace = document.getroot().get("targetNamespace")
        if not namespace or "common" in namespace:
            continue
        try:
            schemas[namespace] = etree.XMLSchema(document)
        except etree.XMLSchemaParseError:
            continue
    return schemas


SCHEMA_BY_NAMESPACE = _compile()
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def app(environ, start_response):
    if environ.get("REQUEST_METHOD") != "POST":
        start_response("405 Method Not Allowed", [("Allow", "POST")])
        return [b""]
    length = int(environ.get("CONTENT_LENGTH") or 0)
    body = environ["wsgi.input"].read(length)
    try:
        root = etree.fromstring(body, PARSER)
        namespace = etree.QName(root).namespace
        schema = SCHEMA_BY_NAMESPACE.get(namespace)
        if schema is None:
            answer = {"valid": False, "errors": [f"no schema for {namespace}"]}
        else:
            valid = schema.validate(root)
            answer = {"valid": valid, "errors": [str(error) for error in schema.error_log][:50]}
    except etree.XMLSyntaxError as error:
        answer = {"valid": False, "errors": [str(error)]}
    payload = json.dumps(answer).encode()
    start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(payload)))])
    return [payload]
