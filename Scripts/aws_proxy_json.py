"""Small readers the proxy's emulations share: a request or answer body as a JSON object, and a
function reference (name, ARN or partial ARN, maybe qualified) reduced to its bare name."""

import json


def json_object(body):
    """The body as a dict; {} when it is empty, not JSON, or not an object."""
    try:
        doc = json.loads(body or b"{}")
        return doc if isinstance(doc, dict) else {}
    except ValueError:
        return {}


def bare_function(value):
    """`arn:aws:lambda:…:function:f:live`, `f:live` or `f` → `f`."""
    text = str(value or "")
    if "function:" in text:
        text = text.split("function:", 1)[1]
    return text.split(":")[0]
