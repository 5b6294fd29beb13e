"""Duplicates AWS refuses and moto accepts (the `duplicate-refusals` emulation).

- AddPermission with a `StatementId` already in the function's (or qualifier's) policy:
  409 ResourceConflictException "The statement id (SID) provided already exists. …".
- CreateRoute with a `routeKey` the HTTP API already has: 409 ConflictException "Route with
  key KEY already exists for this API".

Each asks moto what exists; the caller holds the resource's lock (the function, the API), so
the check and the write are atomic, as on AWS. Two deploys at once then meet the refusal a
real account gives instead of leaving two statements or two routes of one key.
"""

import http.client
import json
import re
from urllib.parse import unquote

PERMISSION = re.compile(r"^/20\d\d-\d\d-\d\d/functions/[^/]+/policy/?$")
ROUTES = re.compile(r"^/v2/apis/(?P<api>[^/]+)/routes/?$")


def _get(upstream, headers, path):
    host, port = upstream
    conn = http.client.HTTPConnection(host, port, timeout=60)
    forwarded = {k: v for k, v in headers.items() if k.lower() in ("authorization", "x-amz-date", "x-amz-security-token")}
    try:
        conn.request("GET", path, headers=forwarded)
        answer = conn.getresponse()
        return answer.status, answer.read()
    finally:
        conn.close()


def _json(data):
    try:
        doc = json.loads(data or b"{}")
    except ValueError:
        return {}
    return doc if isinstance(doc, dict) else {}


def api_resource(method, path):
    """The lock key of a CreateRoute (the API), or None."""
    match = ROUTES.match(path.partition("?")[0]) if method == "POST" else None
    return ("api", unquote(match.group("api"))) if match else None


def refusal(upstream, headers, method, path, body):
    """(status, code, message) when AWS would refuse this write as a duplicate, else None."""
    bare = path.partition("?")[0]
    if method == "POST" and PERMISSION.match(bare):
        sid = _json(body).get("StatementId")
        status, data = _get(upstream, headers, path)
        if not sid or status != 200:
            return None
        policy = _json(_json(data).get("Policy", "{}").encode())
        if any(statement.get("Sid") == sid for statement in policy.get("Statement") or []):
            return 409, "ResourceConflictException", (
                f"The statement id ({sid}) provided already exists. Please provide a new statement id, "
                "or remove the existing statement.")
        return None
    if api_resource(method, path):
        key = _json(body).get("routeKey")
        status, data = _get(upstream, headers, bare)
        if key and status == 200 and any(item.get("routeKey") == key for item in _json(data).get("items") or []):
            return 409, "ConflictException", f"Route with key {key} already exists for this API"
    return None
