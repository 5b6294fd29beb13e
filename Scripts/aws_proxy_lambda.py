"""Real-Lambda behaviour that moto does not show, emulated by rewriting moto's answers.

- After CreateFunction the function is `State: Pending` for `lambda_busy_seconds`; after
  UpdateFunctionCode / UpdateFunctionConfiguration `LastUpdateStatus: InProgress` as long.
  Mutating calls meanwhile get 409 ResourceConflictException.
- Every $LATEST configuration carries a `RevisionId` that changes on each update; a request
  body carrying a stale `RevisionId` gets 412 PreconditionFailedException.
- For `role_propagation_seconds` after IAM CreateRole, CreateFunction with that role gets 400
  InvalidParameterValueException.
- For `vpc_permission_seconds` after the VPC access policy is attached to a role, a VPC
  function's create or configuration update with that role is refused (aws_proxy_iam).
- `fail_next_update` makes the next update end with `LastUpdateStatus: Failed`.
- `Layers` are checked, stripped and re-added by aws_proxy_layers (moto cannot attach them).
- Provisioned concurrency, account settings and per-qualifier event-invoke configs are answered
  by aws_proxy_concurrency (moto has none of them right).
- TracingConfig, EphemeralStorage, LoggingConfig, DeadLetterConfig and SnapStart are checked,
  remembered and re-added by aws_proxy_settings (moto ignores or drops them).
- An alias's weights (RoutingConfig) are checked as AWS checks them by aws_proxy_aliases.

All methods are called with the proxy's state lock held.
"""

import json
import re
import uuid
from urllib.parse import unquote

from aws_proxy_aliases import AliasEmulation
from aws_proxy_concurrency import ConcurrencyEmulation
from aws_proxy_iam import RolePermissionEmulation
from aws_proxy_layers import LayerEmulation
from aws_proxy_mappings import OPERATIONS as MAPPING_OPERATIONS, MappingEmulation
from aws_proxy_settings import SettingsEmulation
from aws_proxy_json import bare_function as _bare, json_object as _json

_ROUTES = [
    # (method, regex on the path after the version prefix, operation)
    ("POST", r"^/functions/?$", "CreateFunction"),
    ("GET", r"^/functions/?$", "ListFunctions"),
    ("GET", r"^/functions/(?P<f>[^/]+)/?$", "GetFunction"),
    ("DELETE", r"^/functions/(?P<f>[^/]+)/?$", "DeleteFunction"),
    ("GET", r"^/functions/(?P<f>[^/]+)/configuration/?$", "GetFunctionConfiguration"),
    ("PUT", r"^/functions/(?P<f>[^/]+)/configuration/?$", "UpdateFunctionConfiguration"),
    ("PUT", r"^/functions/(?P<f>[^/]+)/code/?$", "UpdateFunctionCode"),
    ("POST", r"^/functions/(?P<f>[^/]+)/versions/?$", "PublishVersion"),
    ("GET", r"^/functions/(?P<f>[^/]+)/versions/?$", "ListVersionsByFunction"),
    ("POST", r"^/functions/(?P<f>[^/]+)/aliases/?$", "CreateAlias"),
    ("GET", r"^/functions/(?P<f>[^/]+)/aliases/?$", "ListAliases"),
    ("GET", r"^/functions/(?P<f>[^/]+)/aliases/[^/]+$", "GetAlias"),
    ("PUT", r"^/functions/(?P<f>[^/]+)/aliases/[^/]+$", "UpdateAlias"),
    ("DELETE", r"^/functions/(?P<f>[^/]+)/aliases/[^/]+$", "DeleteAlias"),
    ("POST", r"^/functions/(?P<f>[^/]+)/policy/?$", "AddPermission"),
    ("GET", r"^/functions/(?P<f>[^/]+)/policy/?$", "GetPolicy"),
    ("DELETE", r"^/functions/(?P<f>[^/]+)/policy/[^/]+$", "RemovePermission"),
    ("POST", r"^/functions/(?P<f>[^/]+)/invocations/?$", "Invoke"),
    ("PUT", r"^/functions/(?P<f>[^/]+)/concurrency/?$", "PutFunctionConcurrency"),
    ("DELETE", r"^/functions/(?P<f>[^/]+)/concurrency/?$", "DeleteFunctionConcurrency"),
    ("GET", r"^/functions/(?P<f>[^/]+)/concurrency/?$", "GetFunctionConcurrency"),
    ("PUT", r"^/functions/(?P<f>[^/]+)/provisioned-concurrency/?$", "PutProvisionedConcurrencyConfig"),
    ("GET", r"^/functions/(?P<f>[^/]+)/provisioned-concurrency/?$", "GetProvisionedConcurrencyConfig"),
    ("DELETE", r"^/functions/(?P<f>[^/]+)/provisioned-concurrency/?$", "DeleteProvisionedConcurrencyConfig"),
    ("PUT", r"^/functions/(?P<f>[^/]+)/event-invoke-config/?$", "PutFunctionEventInvokeConfig"),
    ("POST", r"^/functions/(?P<f>[^/]+)/event-invoke-config/?$", "UpdateFunctionEventInvokeConfig"),
    ("GET", r"^/functions/(?P<f>[^/]+)/event-invoke-config/?$", "GetFunctionEventInvokeConfig"),
    ("GET", r"^/functions/(?P<f>[^/]+)/event-invoke-config/list/?$", "ListFunctionEventInvokeConfigs"),
    ("DELETE", r"^/functions/(?P<f>[^/]+)/event-invoke-config/?$", "DeleteFunctionEventInvokeConfig"),
    ("GET", r"^/account-settings/?$", "GetAccountSettings"),
    ("POST", r"^/functions/(?P<f>[^/]+)/url/?$", "CreateFunctionUrlConfig"),
    ("PUT", r"^/functions/(?P<f>[^/]+)/url/?$", "UpdateFunctionUrlConfig"),
    ("GET", r"^/functions/(?P<f>[^/]+)/url/?$", "GetFunctionUrlConfig"),
    ("DELETE", r"^/functions/(?P<f>[^/]+)/url/?$", "DeleteFunctionUrlConfig"),
    ("POST", r"^/layers/[^/]+/versions/?$", "PublishLayerVersion"),
    ("GET", r"^/layers/?$", "ListLayers"),
    ("GET", r"^/layers/[^/]+/versions/?$", "ListLayerVersions"),
    ("POST", r"^/event-source-mappings/?$", "CreateEventSourceMapping"),
    ("GET", r"^/event-source-mappings/?$", "ListEventSourceMappings"),
    ("GET", r"^/event-source-mappings/(?P<m>[^/]+)$", "GetEventSourceMapping"),
    ("PUT", r"^/event-source-mappings/(?P<m>[^/]+)$", "UpdateEventSourceMapping"),
    ("DELETE", r"^/event-source-mappings/(?P<m>[^/]+)$", "DeleteEventSourceMapping"),
]
_COMPILED = [(m, re.compile(p), op) for m, p, op in _ROUTES]

#: Calls real Lambda refuses with 409 while the function is Pending or an update is InProgress.
CONFLICTING = {
    "UpdateFunctionCode", "UpdateFunctionConfiguration", "PublishVersion", "AddPermission",
    "RemovePermission", "PutFunctionConcurrency", "CreateFunctionUrlConfig",
    "UpdateFunctionUrlConfig", "DeleteFunctionConcurrency", "PutProvisionedConcurrencyConfig",
    "DeleteProvisionedConcurrencyConfig", "PutFunctionEventInvokeConfig",
    "UpdateFunctionEventInvokeConfig", "DeleteFunctionEventInvokeConfig",
}
#: Calls refused only while the function is Pending.
PENDING_ONLY = {"Invoke"}
UPDATES = {"UpdateFunctionCode", "UpdateFunctionConfiguration"}
REVISION_CHECKED = {"UpdateFunctionCode", "UpdateFunctionConfiguration", "PublishVersion"}


def lambda_operation(method, path):
    """(operation, function name) for a Lambda wire path, or (None, None); for an
    event-source-mapping path the second value is the mapping's UUID."""
    match = re.match(r"^/20\d\d-\d\d-\d\d(/.*)$", path)
    if not match:
        return None, None
    rest = match.group(1)
    for route_method, regex, op in _COMPILED:
        found = regex.match(rest) if route_method == method else None
        if found:
            name, mapping = found.groupdict().get("f"), found.groupdict().get("m")
            return op, function_name(name) if name else (unquote(mapping) if mapping else None)
    return None, None


def lambda_resource(op, function, path, body):
    """The Lambda resource a request acts on, as a `ProxyState.resource_lock` key, or None:
    the function (named in the path, or in the body of CreateFunction and
    CreateEventSourceMapping), the mapping (by UUID) or the layer (PublishLayerVersion)."""
    if not op:
        return None
    if op in ("CreateFunction", "CreateEventSourceMapping"):
        name = _bare(_json(body).get("FunctionName"))
        return ("function", name) if name else None
    if op in MAPPING_OPERATIONS:
        return ("mapping", function) if function else None
    if op == "PublishLayerVersion":
        parts = path.partition("?")[0].split("/")
        return ("layer", parts[3]) if len(parts) > 3 else None
    return ("function", function) if function else None


def function_name(segment):
    """The bare function name from a wire segment holding a name, partial or full ARN."""
    text = unquote(segment)
    if "function:" in text:
        text = text.split("function:", 1)[1]
    return text.split(":")[0]


def role_name(arn):
    """The role name at the end of a role ARN (paths allowed)."""
    return (arn or "").rsplit("/", 1)[-1]


class LambdaEmulation:
    """Per-function busy windows, revisions, failures, and per-role propagation windows."""

    def __init__(self):
        self.functions = {}
        self.roles = {}
        self.layers = LayerEmulation()
        self.concurrency = ConcurrencyEmulation()
        self.mappings = MappingEmulation()
        self.settings = SettingsEmulation()
        self.permissions = RolePermissionEmulation()
        self.aliases = AliasEmulation()

    def reset(self):
        """Forgets every function, role and mapping."""
        self.functions.clear()
        self.roles.clear()
        self.layers.reset()
        self.concurrency.reset()
        self.mappings.reset()
        self.settings.reset()
        self.permissions.reset()
        self.aliases.reset()

    def role_created(self, name, now):
        """Records an IAM CreateRole that moto accepted."""
        self.roles[name] = now

    def _state(self, name):
        return self.functions.setdefault(
            name, {"revision": str(uuid.uuid4()), "pending_until": 0.0, "busy_until": 0.0,
                   "failed": None, "arn": None})

    def check(self, op, name, body, faults, now):
        """An error (status, code, message) that real Lambda would give instead of forwarding."""
        if op in MAPPING_OPERATIONS:
            return self.mappings.check(op, name, body, now)
        if op in ("CreateAlias", "UpdateAlias"):
            doc = _json(body)
            return self.aliases.check(name, doc.get("Name"), doc)
        refusal = self._check(op, name, body, faults, now)
        if refusal is None:
            refusal = self.settings.check(op, name, body, self._state, self.functions)
        return refusal

    def _check(self, op, name, body, faults, now):
        if op == "CreateFunction":
            window = float(faults.get("role_propagation_seconds") or 0)
            role = role_name(_json(body).get("Role"))
            created = self.roles.get(role)
            if window > 0 and created is not None and now < created + window:
                return 400, "InvalidParameterValueException", \
                    "The role defined for the function cannot be assumed by Lambda."
            doc = _json(body)
            return self.permissions.refusal(role, _has_subnets(doc), faults, now)
        if not name or name not in self.functions:
            return None
        state = self.functions[name]
        if op == "UpdateFunctionConfiguration":
            doc = _json(body)
            in_vpc = _has_subnets(doc) if "VpcConfig" in doc else state.get("vpc", False)
            refusal = self.permissions.refusal(role_name(doc.get("Role") or state.get("role")), in_vpc, faults, now)
            if refusal:
                return refusal
        if op in CONFLICTING or op in PENDING_ONLY:
            if now < state["pending_until"]:
                return 409, "ResourceConflictException", (
                    "The operation cannot be performed at this time. "
                    "The function is currently in the following state: Pending")
        if op in CONFLICTING and now < state["busy_until"]:
            arn = state["arn"] or name
            return 409, "ResourceConflictException", (
                "The operation cannot be performed at this time. "
                f"An update is in progress for resource: {arn}")
        if op in REVISION_CHECKED:
            wanted = _json(body).get("RevisionId")
            if wanted and wanted != state["revision"]:
                return 412, "PreconditionFailedException", (
                    "The Revision Id provided does not match the latest Revision Id. "
                    "Call the GetFunction/GetAlias API to retrieve the latest Revision Id")
        return None

    def record(self, op, name, status, body, faults, now, request=b""):
        """Updates state after moto answered 2xx; returns the answer body rewritten."""
        if op in MAPPING_OPERATIONS:
            return self.mappings.record(op, name, status, body, request, faults, now)
        if not 200 <= status < 300:
            self.layers.note(op, name, status, {}, self._state)
            self.settings.note(op, name, status, _json(body), self._state)
            return body
        busy = float(faults.get("lambda_busy_seconds") or 0)
        doc = _json(body)
        if op == "CreateFunction":
            name = doc.get("FunctionName") or name
            self.functions.pop(name, None)
            state = self._state(name)
            state["pending_until"] = now + busy
            state["arn"] = doc.get("FunctionArn")
        elif op in UPDATES and name:
            state = self._state(name)
            state["revision"] = str(uuid.uuid4())
            state["busy_until"] = now + busy
            reason = faults.pop("fail_next_update", None)
            code = faults.pop("fail_next_update_code", None) or "InternalError"
            state["failed"] = (reason, code) if reason else None
        elif op == "DeleteFunction" and name:
            self.functions.pop(name, None)
            self.aliases.forget(name)
            return body
        self.layers.note(op, name, status, doc, self._state)
        self.settings.note(op, name, status, doc, self._state)
        if not doc:
            return body
        changed = self._rewrite(op, doc, now)
        changed = self._rewrite_layers(op, doc) or changed
        changed = self._rewrite_settings(op, doc) or changed
        if op == "PublishVersion":
            self.aliases.note_version(name, doc)
        elif op in ("CreateAlias", "UpdateAlias", "GetAlias"):
            self.aliases.note_alias(name, doc.get("Name"), doc)
        return json.dumps(doc).encode() if changed else body

    def _rewrite(self, op, doc, now):
        if op in ("CreateFunction", "GetFunctionConfiguration") or op in UPDATES:
            return self._decorate(doc, now)
        if op == "GetFunction" and isinstance(doc.get("Configuration"), dict):
            return self._decorate(doc["Configuration"], now)
        if op in ("ListFunctions", "ListVersionsByFunction"):
            return any([self._decorate(c, now) for c in doc.get("Functions") or doc.get("Versions") or []])
        if op == "PublishVersion":
            doc.setdefault("RevisionId", str(uuid.uuid4()))
            return True
        return False

    def _rewrite_layers(self, op, doc):
        confs = [doc]
        if op == "GetFunction":
            confs = [doc.get("Configuration")]
        elif op in ("ListFunctions", "ListVersionsByFunction"):
            confs = doc.get("Functions") or doc.get("Versions") or []
        elif op not in ("CreateFunction", "GetFunctionConfiguration", "PublishVersion") and op not in UPDATES:
            return False
        return any([self.layers.decorate(c, self._state) for c in confs])

    def _rewrite_settings(self, op, doc):
        confs = [doc]
        if op == "GetFunction":
            confs = [doc.get("Configuration")]
        elif op in ("ListFunctions", "ListVersionsByFunction"):
            confs = doc.get("Functions") or doc.get("Versions") or []
        elif op not in ("CreateFunction", "GetFunctionConfiguration", "PublishVersion") and op not in UPDATES:
            return False
        return any([self.settings.decorate(c, self._state) for c in confs])

    def _decorate(self, conf, now):
        if not isinstance(conf, dict) or "FunctionName" not in conf:
            return False
        if conf.get("Version", "$LATEST") != "$LATEST":
            conf.setdefault("RevisionId", str(uuid.uuid4()))
            return True
        state = self._state(conf["FunctionName"])
        state["arn"] = state["arn"] or conf.get("FunctionArn")
        state["role"] = conf.get("Role") or state.get("role")
        state["vpc"] = _has_subnets(conf)
        conf["RevisionId"] = state["revision"]
        for key in ("StateReason", "StateReasonCode", "LastUpdateStatusReason", "LastUpdateStatusReasonCode"):
            conf.pop(key, None)
        if now < state["pending_until"]:
            conf["State"] = "Pending"
            conf["StateReason"] = "The function is being created."
            conf["StateReasonCode"] = "Creating"
            conf["LastUpdateStatus"] = "InProgress"
        else:
            conf["State"] = "Active"
            conf["LastUpdateStatus"] = "Successful"
        if now < state["busy_until"]:
            conf["LastUpdateStatus"] = "InProgress"
            conf["LastUpdateStatusReason"] = "The function is being updated."
            conf["LastUpdateStatusReasonCode"] = "InProgress"
        elif state["failed"] and now >= state["pending_until"]:
            reason, code = state["failed"]
            conf["LastUpdateStatus"] = "Failed"
            conf["LastUpdateStatusReason"] = reason
            conf["LastUpdateStatusReasonCode"] = code
        return True


def _has_subnets(doc):
    """True when a request or configuration puts the function in a VPC."""
    vpc = doc.get("VpcConfig") if isinstance(doc, dict) else None
    return bool(isinstance(vpc, dict) and vpc.get("SubnetIds"))
