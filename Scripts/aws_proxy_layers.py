"""Layer attachment as real Lambda does it, which moto 5.2.1 cannot do.

moto 5.2.1 refuses every `Layers` list in CreateFunction / UpdateFunctionConfiguration with 404
"One or more LayerVersion does not exist [...]", even for an ARN it returned itself from
PublishLayerVersion (`get_layer_version_by_arn` looks the version up with a str key in a dict
keyed by int). So the proxy:

- checks each ARN with moto's GetLayerVersion (`GET /2018-10-31/layers/{name}/versions/{n}`,
  which works) and refuses an unknown one as AWS does: 404 ResourceNotFoundException
  "Layer version {arn} does not exist.";
- strips `Layers` from the body it forwards, and remembers `[{Arn, CodeSize}]` in the Lambda
  emulation's per-function state once moto accepted the call (`Layers: []` detaches all);
- puts the list into every configuration it answers: CreateFunction, UpdateFunctionConfiguration,
  GetFunction(Configuration), ListFunctions, ListVersionsByFunction; a published version
  (PublishVersion, or `Publish: true` on CreateFunction / UpdateFunctionCode) keeps the `$LATEST`
  list it was published with (read back with `Qualifier`).

`admit` runs under the function's resource lock (one request per function at a time), outside the state lock,
because it asks moto; `note` and `decorate` run with the state lock held.
"""

import http.client
import json
import re
import threading
from aws_proxy_json import bare_function as _bare, json_object as _json

LAYERED = {"CreateFunction", "UpdateFunctionConfiguration"}
PUBLISHING = {"CreateFunction", "UpdateFunctionCode", "PublishVersion"}
#: botocore's LayerVersionArn pattern (service-2.json), anchored.
ARN_PATTERN = re.compile(
    r"^arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:\d{12}:layer:(?P<name>[a-zA-Z0-9-_]+):(?P<version>[0-9]+)$")


class LayerEmulation:
    """Checks and strips `Layers` on the way to moto, re-adds them on the way back."""

    def __init__(self):
        self.lock = threading.Lock()
        self.pending = {}

    def reset(self):
        with self.lock:
            self.pending.clear()

    def admit(self, op, name, body, upstream, headers):
        """(refusal or None, body to forward) for a Lambda request."""
        if op not in LAYERED:
            return None, body
        doc = _json(body)
        if op == "CreateFunction":
            name = _bare(doc.get("FunctionName"))
        with self.lock:
            self.pending.pop(name, None)
        layers = doc.get("Layers")
        if not name or not isinstance(layers, list) or not all(isinstance(a, str) for a in layers):
            return None, body
        found = []
        for arn in layers:
            match = ARN_PATTERN.match(arn)
            if not match or len(arn) > 140:
                return (400, "ValidationException",
                        f"1 validation error detected: Value '[{', '.join(layers)}]' at 'layers' failed to "
                        "satisfy constraint: Member must satisfy constraint: [Member must have length less "
                        "than or equal to 140, Member must have length greater than or equal to 1, Member "
                        "must satisfy regular expression pattern: arn:[a-zA-Z0-9-]+:lambda:[a-zA-Z0-9-]+:"
                        "\\d{12}:layer:[a-zA-Z0-9-_]+:[0-9]+, Member must not be null]"), body
            size = _layer_code_size(upstream, headers, match.group("name"), match.group("version"), arn)
            if size is None:
                return (404, "ResourceNotFoundException", f"Layer version {arn} does not exist."), body
            found.append({"Arn": arn, "CodeSize": size})
        del doc["Layers"]
        with self.lock:
            self.pending[name] = found
        return None, json.dumps(doc).encode()

    def note(self, op, name, status, doc, state_of):
        """After moto answered: store what the request attached (state lock held)."""
        if op in LAYERED:
            name = _bare(doc.get("FunctionName")) if op == "CreateFunction" else name
            with self.lock:
                attached = self.pending.pop(name, None)
            if 200 <= status < 300 and attached is not None:
                state_of(name)["layers"] = attached
        if op in PUBLISHING and 200 <= status < 300 and doc.get("FunctionName"):
            # PublishVersion, or Publish: true on CreateFunction / UpdateFunctionCode, which
            # answer with the new version's configuration: it keeps $LATEST's layers for good.
            state = state_of(doc["FunctionName"])
            version = str(doc.get("Version") or "")
            if version and version != "$LATEST":
                state.setdefault("version_layers", {}).setdefault(version, list(state.get("layers") or []))

    def decorate(self, conf, state_of):
        """Puts the function's (or version's) layers into one configuration; True if changed."""
        if not isinstance(conf, dict) or "FunctionName" not in conf:
            return False
        state = state_of(conf["FunctionName"])
        version = str(conf.get("Version") or "$LATEST")
        layers = state.get("layers") if version == "$LATEST" else \
            (state.get("version_layers") or {}).get(version)
        if layers:
            conf["Layers"] = [dict(layer) for layer in layers]
        else:
            conf.pop("Layers", None)
        return True


def _layer_code_size(upstream, headers, layer, version, arn):
    """The layer version's CodeSize if moto has exactly this ARN, else None."""
    host, port = upstream
    conn = http.client.HTTPConnection(host, port, timeout=60)
    forwarded = {k: v for k, v in headers.items() if k.lower() in ("authorization", "x-amz-date",
                                                                    "x-amz-security-token")}
    try:
        conn.request("GET", f"/2018-10-31/layers/{layer}/versions/{version}", headers=forwarded)
        answer = conn.getresponse()
        doc = _json(answer.read())
    finally:
        conn.close()
    if answer.status != 200 or doc.get("LayerVersionArn") != arn:
        return None
    return int((doc.get("Content") or {}).get("CodeSize") or 0)
