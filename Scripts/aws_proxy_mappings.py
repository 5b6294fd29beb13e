"""Lambda event-source mappings as real Lambda runs them, emulated over moto's answers.

- After CreateEventSourceMapping a mapping is `Creating` for `mapping_busy_seconds` (a fault
  setting, default 0), after an update `Updating` (or `Enabling` / `Disabling` when `Enabled`
  flips); GetEventSourceMapping and ListEventSourceMappings show it. Meanwhile
  UpdateEventSourceMapping and DeleteEventSourceMapping get 400 ResourceInUseException.
- A second CreateEventSourceMapping for the same (function, qualifier, source ARN) gets 409
  ResourceConflictException naming the existing UUID, worded as AWS words it for SQS and for
  streams (moto accepts duplicates).
- Update or delete of an unknown UUID gets 404 ResourceNotFoundException (moto answers 200).
- A mapping created for an alias keeps the alias in its `FunctionArn` (`…:function:f:live`), as
  Lambda answers it; moto resolves the alias to its version (`…:function:f:1`).

All methods are called with the proxy's state lock held.
"""

import json
from urllib.parse import unquote
from aws_proxy_json import json_object as _json

OPERATIONS = {"CreateEventSourceMapping", "ListEventSourceMappings", "GetEventSourceMapping",
              "UpdateEventSourceMapping", "DeleteEventSourceMapping"}
WRITES = {"CreateEventSourceMapping", "UpdateEventSourceMapping", "DeleteEventSourceMapping"}
NOT_FOUND = (404, "ResourceNotFoundException", "The resource you requested does not exist.")
IN_USE = (400, "ResourceInUseException", "Cannot update the event source mapping because it is in use.")


def identity(function, source):
    """(function name, qualifier or None, source ARN) from a FunctionName as Lambda takes it:
    a name, `name:qualifier`, or a (partial) ARN."""
    text = unquote(function or "")
    if "function:" in text:
        text = text.split("function:", 1)[1]
    name, _, qualifier = text.partition(":")
    return name, (qualifier or None) if qualifier != "$LATEST" else None, source


def qualified_arn(answered, function):
    """The FunctionArn Lambda answers for a mapping created with `function` (`f`, `f:alias`, an
    ARN): moto's answer with its qualifier replaced by the one the create named."""
    if not answered or "function:" not in answered:
        return answered
    prefix, _, rest = answered.partition("function:")
    name, qualifier, _ = identity(function, None)
    return f"{prefix}function:{rest.split(':', 1)[0]}" + (f":{qualifier}" if qualifier else "")


def duplicate_message(key, uuid):
    """AWS's refusal of a second mapping, per source kind."""
    name, qualifier, source = key
    function = name + (":" + qualifier if qualifier else "")
    if ":sqs:" in source:
        return (f'An event source mapping with SQS arn (" {source} ") and function (" {function} ") already '
                f"exists. Please update or delete the existing mapping with UUID {uuid}")
    return (f'The event source arn (" {source} ") and function (" {function} ") provided mapping already '
            f"exists. Please update or delete the existing mapping with UUID {uuid}")


class MappingEmulation:
    """Known mappings by UUID: identity, transitional state and until when it lasts."""

    def __init__(self):
        self.mappings = {}

    def reset(self):
        """Forgets every mapping."""
        self.mappings.clear()

    def check(self, op, uuid, body, now):
        """(status, code, message) real Lambda would answer instead of forwarding, or None."""
        if op == "CreateEventSourceMapping":
            doc = _json(body)
            key = identity(doc.get("FunctionName"), doc.get("EventSourceArn"))
            for known, state in self.mappings.items():
                if state["key"] == key:
                    return 409, "ResourceConflictException", duplicate_message(key, known)
            return None
        if op in ("UpdateEventSourceMapping", "DeleteEventSourceMapping"):
            state = self.mappings.get(uuid)
            if state is None:
                return NOT_FOUND
            if now < state["until"]:
                return IN_USE
        return None

    def record(self, op, uuid, status, body, request, faults, now):
        """Updates state after moto answered 2xx; returns the answer body rewritten."""
        if not 200 <= status < 300:
            return body
        busy = float(faults.get("mapping_busy_seconds") or 0)
        doc = _json(body)
        if op == "CreateEventSourceMapping" and doc.get("UUID"):
            sent = _json(request)
            self.mappings[doc["UUID"]] = {
                "key": identity(sent.get("FunctionName"), sent.get("EventSourceArn")),
                "state": "Creating", "until": now + busy, "enabled": doc.get("State") != "Disabled",
                "function_arn": qualified_arn(doc.get("FunctionArn"), sent.get("FunctionName"))}
        elif op == "UpdateEventSourceMapping" and uuid in self.mappings:
            state = self.mappings[uuid]
            enabled = _json(request).get("Enabled")
            state["state"] = "Updating" if enabled is None or enabled == state["enabled"] else (
                "Enabling" if enabled else "Disabling")
            state["enabled"] = state["enabled"] if enabled is None else bool(enabled)
            state["until"] = now + busy
        elif op == "DeleteEventSourceMapping":
            self.mappings.pop(uuid, None)
            return body
        if op == "ListEventSourceMappings":
            changed = any([self._decorate(m, now) for m in doc.get("EventSourceMappings") or []])
        else:
            changed = self._decorate(doc, now)
        return json.dumps(doc).encode() if changed else body

    def _decorate(self, mapping, now):
        state = self.mappings.get(mapping.get("UUID")) if isinstance(mapping, dict) else None
        if state is None:
            return False
        arn = state.get("function_arn")
        renamed = bool(arn) and mapping.get("FunctionArn") not in (None, arn)
        if renamed:
            mapping["FunctionArn"] = arn
        if now >= state["until"]:
            return renamed
        mapping["State"] = state["state"]
        mapping["StateTransitionReason"] = "USER_INITIATED"
        return True
