"""Concurrency and asynchronous-invocation settings as real Lambda keeps them (moto 5.2.1 cannot).

moto answers 404 for provisioned concurrency and GetAccountSettings, and its
PutFunctionEventInvokeConfig ignores the qualifier and keeps the first put. So the proxy answers
these operations itself, from per-function state:

- Provisioned concurrency (`/2019-09-30/functions/{f}/provisioned-concurrency?Qualifier=`): only
  for an alias or published version (`$LATEST` or none: 400 InvalidParameterValueException; an
  unknown qualifier: 404). A put answers 202 `IN_PROGRESS` and reads `IN_PROGRESS` for
  `provisioned_ready_seconds` (default 2), then `READY` with everything allocated — or `FAILED`
  with a `StatusReason` when more was asked than the account's unreserved concurrency leaves (or
  when `fail_next_provisioned` names a reason). `?List=ALL` lists them.
- GetAccountSettings: `ConcurrentExecutions` is `account_concurrency` (default 1000);
  `UnreservedConcurrentExecutions` is that minus every reservation.
- Moving an alias (UpdateAlias) with provisioned concurrency makes it `IN_PROGRESS` again.
- Reserved concurrency goes to moto (which keeps it) and is noted here; a reservation that would
  leave the account fewer than 100 unreserved executions is refused as AWS refuses it.
- Event-invoke configs per qualifier (none = `$LATEST`): PUT replaces, POST updates (404 when
  none), GET/DELETE; retries 0–2 and event age 60–21600 are checked. ListFunctionEventInvokeConfigs
  lists them (`MaxItems` per page, default 50, `Marker`/`NextMarker`).

Existence of the function (and qualifier) is asked of moto, outside the state lock; the state
itself is read and written with the state lock held.
"""

import http.client
import time
from urllib.parse import parse_qs, unquote
from aws_proxy_json import json_object as _json

#: The operations the proxy answers itself.
ANSWERED = {
    "PutProvisionedConcurrencyConfig", "GetProvisionedConcurrencyConfig",
    "DeleteProvisionedConcurrencyConfig", "ListProvisionedConcurrencyConfigs", "GetAccountSettings",
    "PutFunctionEventInvokeConfig", "UpdateFunctionEventInvokeConfig",
    "GetFunctionEventInvokeConfig", "DeleteFunctionEventInvokeConfig", "ListFunctionEventInvokeConfigs",
}
MINIMUM_UNRESERVED = 100
ACCOUNT = "123456789012"


def not_found(message):
    return 404, "ResourceNotFoundException", message


def invalid(message):
    return 400, "InvalidParameterValueException", message


class ConcurrencyEmulation:
    """Provisioned concurrency, reservations and event-invoke configs, per function."""

    def __init__(self):
        self.provisioned = {}  # (function, qualifier) → {requested, ready_at, failure, modified}
        self.reserved = {}  # function → reserved executions
        self.invoke = {}  # (function, qualifier) → event-invoke config
        self.arns = {}  # function → its ARN as moto reported it

    def reset(self):
        self.provisioned.clear()
        self.reserved.clear()
        self.invoke.clear()
        self.arns.clear()

    @staticmethod
    def operation(op, method, query):
        """ListProvisionedConcurrencyConfigs shares its path with Get (told apart by `List=ALL`)."""
        if op == "GetProvisionedConcurrencyConfig" and "ALL" in parse_qs(query).get("List", []):
            return "ListProvisionedConcurrencyConfigs"
        return op

    # MARK: before the state lock

    def lookup(self, op, name, query, upstream, headers):
        """Asks moto whether the function (and qualifier) exists: (exists, qualifier exists, arn)."""
        if op not in ANSWERED or op == "GetAccountSettings" or not name:
            return None
        qualifier = (parse_qs(query).get("Qualifier") or [None])[0]
        base = _configuration(upstream, headers, name, None)
        if base is None:
            return (False, False, None)
        arn = base.get("FunctionArn")
        if qualifier in (None, "$LATEST"):
            return (True, True, arn)
        return (True, _configuration(upstream, headers, name, qualifier) is not None, arn)

    # MARK: with the state lock held

    def check_reserved(self, op, name, body, faults):
        """Refuses a reservation that leaves the account below 100 unreserved executions."""
        if op != "PutFunctionConcurrency" or not name:
            return None
        wanted = _json(body).get("ReservedConcurrentExecutions")
        if not isinstance(wanted, int):
            return None
        others = sum(v for f, v in self.reserved.items() if f != name)
        if self.total(faults) - others - wanted < MINIMUM_UNRESERVED:
            return invalid(
                "Specified ReservedConcurrentExecutions for function decreases account's "
                f"UnreservedConcurrentExecution below its minimum value of [{MINIMUM_UNRESERVED}].")
        return None

    def note(self, op, name, status, body, path="", faults=None, now=0.0):
        """After moto answered a call the proxy forwarded. Moving an alias to another version
        allocates its provisioned concurrency again (IN_PROGRESS, then READY)."""
        if not 200 <= status < 300 or not name:
            return
        if op == "UpdateAlias":
            alias = unquote(path.partition("?")[0].rstrip("/").rsplit("/", 1)[-1])
            entry = self.provisioned.get((name, alias))
            if entry and _json(body).get("FunctionVersion"):
                entry["modified"] = now
                entry["ready_at"] = now + float((faults or {}).get("provisioned_ready_seconds") or 2)
        if op == "PutFunctionConcurrency":
            self.reserved[name] = _json(body).get("ReservedConcurrentExecutions")
        elif op == "DeleteFunctionConcurrency":
            self.reserved.pop(name, None)
        elif op == "DeleteFunction":
            self.reserved.pop(name, None)
            for table in (self.provisioned, self.invoke):
                for key in [k for k in table if k[0] == name]:
                    table.pop(key)

    def total(self, faults):
        return int(faults.get("account_concurrency") or 1000)

    def unreserved(self, faults):
        return self.total(faults) - sum(v for v in self.reserved.values() if isinstance(v, int))

    def answer(self, op, name, query, body, found, faults, now):
        """(status, code, message) for an error, or (status, document) for an answer."""
        if op == "GetAccountSettings":
            return 200, {
                "AccountLimit": {
                    "TotalCodeSize": 80530636800, "CodeSizeUnzipped": 262144000, "CodeSizeZipped": 52428800,
                    "ConcurrentExecutions": self.total(faults),
                    "UnreservedConcurrentExecutions": self.unreserved(faults)},
                "AccountUsage": {"TotalCodeSize": 0, "FunctionCount": len(self.arns)}}
        exists, qualifier_exists, arn = found or (False, False, None)
        if not exists:
            return not_found(f"Function not found: arn:aws:lambda:us-east-1:{ACCOUNT}:function:{name}")
        self.arns[name] = arn
        qualifier = (parse_qs(query).get("Qualifier") or [None])[0]
        if "Provisioned" in op:
            return self.provisioned_answer(op, name, arn, qualifier, qualifier_exists, body, faults, now)
        if op == "ListFunctionEventInvokeConfigs":
            return self.list_invoke(name, query)
        key = (name, qualifier or "$LATEST")
        if not qualifier_exists:
            return not_found(f"Function not found: {arn}:{qualifier}")
        target = arn + ("" if qualifier in (None, "$LATEST") else ":" + qualifier)
        if op == "GetFunctionEventInvokeConfig":
            if key not in self.invoke:
                return not_found(f"The function {target} doesn't have an EventInvokeConfig")
            return 200, self.invoke[key]
        if op == "DeleteFunctionEventInvokeConfig":
            if self.invoke.pop(key, None) is None:
                return not_found(f"The function {target} doesn't have an EventInvokeConfig")
            return 204, None
        doc = _json(body)
        problem = _invoke_problem(doc)
        if problem:
            return 400, "ValidationException", problem
        if op == "UpdateFunctionEventInvokeConfig":
            if key not in self.invoke:
                return not_found(f"The function {target} doesn't have an EventInvokeConfig")
            config = dict(self.invoke[key])
            destinations = dict(config.get("DestinationConfig") or {})
            destinations.update(doc.get("DestinationConfig") or {})
            config.update({k: v for k, v in doc.items() if k != "DestinationConfig"})
            config["DestinationConfig"] = destinations
        else:
            config = {k: doc[k] for k in ("MaximumRetryAttempts", "MaximumEventAgeInSeconds") if k in doc}
            given = doc.get("DestinationConfig") or {}
            config["DestinationConfig"] = {"OnSuccess": given.get("OnSuccess") or {},
                                           "OnFailure": given.get("OnFailure") or {}}
        config["FunctionArn"] = target
        config["LastModified"] = now
        self.invoke[key] = config
        return 200, config

    def list_invoke(self, name, query):
        params = parse_qs(query)
        items = [self.invoke[k] for k in sorted(self.invoke) if k[0] == name]
        start = int((params.get("Marker") or ["0"])[0] or 0)
        size = int((params.get("MaxItems") or ["50"])[0] or 50)
        doc = {"FunctionEventInvokeConfigs": items[start:start + size]}
        if start + size < len(items):
            doc["NextMarker"] = str(start + size)
        return 200, doc

    def provisioned_answer(self, op, name, arn, qualifier, qualifier_exists, body, faults, now):
        if op == "ListProvisionedConcurrencyConfigs":
            items = [dict(self.view((f, q), now), FunctionArn=f"{arn}:{q}")
                     for (f, q) in sorted(self.provisioned) if f == name]
            return 200, {"ProvisionedConcurrencyConfigs": items}
        if not qualifier or qualifier == "$LATEST":
            return invalid("Provisioned Concurrency Configs cannot be applied to unpublished function versions.")
        if not qualifier_exists:
            return not_found(f"Function not found: {arn}:{qualifier}")
        key = (name, qualifier)
        if op == "GetProvisionedConcurrencyConfig":
            if key not in self.provisioned:
                return 404, "ProvisionedConcurrencyConfigNotFoundException", \
                    "No Provisioned Concurrency Config found for this function"
            return 200, self.view(key, now)
        if op == "DeleteProvisionedConcurrencyConfig":
            self.provisioned.pop(key, None)
            return 204, None
        wanted = _json(body).get("ProvisionedConcurrentExecutions")
        if not isinstance(wanted, int) or wanted < 1:
            return 400, "ValidationException", (
                "1 validation error detected: Value at 'provisionedConcurrentExecutions' failed to satisfy "
                "constraint: Member must have value greater than or equal to 1")
        reserved = self.reserved.get(name)
        if isinstance(reserved, int) and wanted > reserved:
            return invalid(
                "Requested Provisioned Concurrency should not be greater than the reservedConcurrentExecution "
                "for function")
        failure = faults.pop("fail_next_provisioned", None)
        available = self.unreserved(faults) - MINIMUM_UNRESERVED
        if not failure and reserved is None and wanted > available:
            failure = (f"Insufficient unreserved concurrency: {wanted} provisioned concurrent executions requested "
                       f"but the account has {max(available, 0)} available")
        self.provisioned[key] = {"requested": wanted, "failure": failure, "modified": now,
                                 "ready_at": now + float(faults.get("provisioned_ready_seconds") or 2)}
        return 202, self.view(key, now)

    def view(self, key, now):
        entry = self.provisioned[key]
        doc = {"RequestedProvisionedConcurrentExecutions": entry["requested"],
               "LastModified": time.strftime("%Y-%m-%dT%H:%M:%S+0000", time.gmtime(entry["modified"]))}
        if now < entry["ready_at"]:
            doc.update(AllocatedProvisionedConcurrentExecutions=0, AvailableProvisionedConcurrentExecutions=0,
                       Status="IN_PROGRESS")
        elif entry["failure"]:
            doc.update(AllocatedProvisionedConcurrentExecutions=0, AvailableProvisionedConcurrentExecutions=0,
                       Status="FAILED", StatusReason=entry["failure"])
        else:
            doc.update(AllocatedProvisionedConcurrentExecutions=entry["requested"],
                       AvailableProvisionedConcurrentExecutions=entry["requested"], Status="READY")
        return doc


def _invoke_problem(doc):
    retries, age = doc.get("MaximumRetryAttempts"), doc.get("MaximumEventAgeInSeconds")
    if retries is not None and not (isinstance(retries, int) and 0 <= retries <= 2):
        return (f"1 validation error detected: Value '{retries}' at 'maximumRetryAttempts' failed to satisfy "
                "constraint: Member must have value less than or equal to 2")
    if age is not None and not (isinstance(age, int) and 60 <= age <= 21600):
        return (f"1 validation error detected: Value '{age}' at 'maximumEventAgeInSeconds' failed to satisfy "
                "constraint: Member must have value less than or equal to 21600")
    return None


def _configuration(upstream, headers, name, qualifier):
    """moto's GetFunctionConfiguration (with the caller's signature headers), or None."""
    host, port = upstream
    path = f"/2015-03-31/functions/{name}/configuration" + (f"?Qualifier={qualifier}" if qualifier else "")
    conn = http.client.HTTPConnection(host, port, timeout=30)
    try:
        conn.request("GET", path, headers={k: v for k, v in headers.items()
                                           if k.lower() in ("authorization", "x-amz-date", "x-amz-security-token")})
        response = conn.getresponse()
        body = response.read()
        return _json(body) if response.status == 200 else None
    finally:
        conn.close()
