"""What S3 checks when a bucket's notification configuration is written, which moto does not.

PutBucketNotificationConfiguration (`PUT /{bucket}?notification`) replaces the whole
configuration, and S3 refuses it (400 InvalidArgument) when

- two entries share an event type (`s3:ObjectCreated:*` covers `s3:ObjectCreated:Put`) and some
  object key could match both key filters: "Configurations overlap. Configurations on the same
  bucket cannot share a common event type.";
- a function entry's function does not let `s3.amazonaws.com` invoke it for this bucket (a
  resource-policy statement allowing lambda:InvokeFunction whose `AWS:SourceArn` condition, if
  any, matches the bucket's ARN): "Unable to validate the following destination
  configurations". `x-amz-skip-destination-validation: true` skips this check, as on S3.

While one PutBucketNotificationConfiguration of a bucket is in flight, S3 refuses another with
409 OperationAborted "A conflicting conditional operation is currently in progress against this
resource." (`NotificationWrites`), so a client that writes one bucket's configuration from two
workers at once fails here as it would on AWS.

The function policy comes from moto's GetPolicy, so `check` runs outside the proxy's state lock.
moto picks its backend by the credential scope of the Authorization header (it checks no
signature), so that request carries the caller's access key under a `lambda` scope.
"""

import contextlib
import fnmatch
import http.client
import json
import threading
import xml.etree.ElementTree as ET
from urllib.parse import quote

OVERLAP = "Configurations overlap. Configurations on the same bucket cannot share a common event type."
UNVALIDATED = "Unable to validate the following destination configurations"
ABORTED = (409, "OperationAborted",
           "A conflicting conditional operation is currently in progress against this resource. Please try again.")
KINDS = {"CloudFunctionConfiguration": "CloudFunction", "QueueConfiguration": "Queue", "TopicConfiguration": "Topic"}


def is_notification_put(method, path):
    """Whether the request is PutBucketNotificationConfiguration."""
    names = {part.partition("=")[0] for part in path.partition("?")[2].split("&") if part}
    return method == "PUT" and "notification" in names


class NotificationWrites:
    """The buckets whose notification configuration is being written right now."""

    def __init__(self):
        self.lock = threading.Lock()
        self.busy = set()

    @contextlib.contextmanager
    def writing(self, path, headers):
        """Marks the bucket busy for the request; yields S3's refusal when it already was."""
        bucket = bucket_of(path, headers)
        with self.lock:
            refusal = ABORTED if bucket in self.busy else None
            self.busy.add(bucket)
        try:
            yield refusal
        finally:
            if refusal is None:
                self.release(bucket)

    def release(self, bucket):
        """Ends the bucket's write (idempotent): before its answer is sent, so a client that
        writes again once answered never meets its own previous write."""
        with self.lock:
            self.busy.discard(bucket)


def bucket_of(path, headers):
    """The bucket a path-style or virtual-host request addresses."""
    segment = path.partition("?")[0].lstrip("/").partition("/")[0]
    if segment:
        return segment
    host = (headers.get("Host") or "").partition(":")[0]
    return host.split(".s3", 1)[0] if ".s3" in host else host


def _local(tag):
    return tag.rpartition("}")[2]


def entries(body):
    """[(kind, target, events, prefix, suffix)] of a configuration document; None if malformed."""
    try:
        root = ET.fromstring(body or b"<NotificationConfiguration/>")
    except ET.ParseError:
        return None
    found = []
    for element in root:
        kind = _local(element.tag)
        if kind not in KINDS:
            continue
        target, events, rules = "", [], {}
        for child in element:
            name = _local(child.tag)
            if name == KINDS[kind]:
                target = (child.text or "").strip()
            elif name == "Event":
                events.append((child.text or "").strip())
            elif name == "Filter":
                for rule in child.iter():
                    if _local(rule.tag) == "FilterRule":
                        fields = {_local(f.tag): (f.text or "") for f in rule}
                        rules[fields.get("Name", "").lower()] = fields.get("Value", "")
        found.append((kind, target, events, rules.get("prefix", ""), rules.get("suffix", "")))
    return found


def events_overlap(a, b):
    """Equal, or one a `…*` wildcard covering the other."""
    def covers(wildcard, event):
        return wildcard.endswith("*") and event.startswith(wildcard[:-1])
    return a == b or covers(a, b) or covers(b, a)


def keys_overlap(first, second):
    """Some key matches both (prefix, suffix) filters."""
    (p1, s1), (p2, s2) = first, second
    return (p1.startswith(p2) or p2.startswith(p1)) and (s1.endswith(s2) or s2.endswith(s1))


def overlapping(found):
    """Whether any two entries overlap."""
    for i, (_, _, events1, p1, s1) in enumerate(found):
        for _, _, events2, p2, s2 in found[i + 1:]:
            if any(events_overlap(a, b) for a in events1 for b in events2) and keys_overlap((p1, s1), (p2, s2)):
                return True
    return False


def _lambda_scope(headers):
    """An Authorization header moto routes to Lambda, with the caller's access key (and account)."""
    auth = headers.get("Authorization") or ""
    key = auth.partition("Credential=")[2].partition("/")[0] or "AKIDLAMBDACTLTEST01"
    return {"Authorization": f"AWS4-HMAC-SHA256 Credential={key}/20260101/us-east-1/lambda/aws4_request, "
                             "SignedHeaders=host, Signature=0"}


def function_policy(upstream, arn, headers):
    """The function's resource policy (parsed) from moto; None when it has none."""
    parts = arn.split(":")
    if len(parts) < 7:
        return None
    name, qualifier = parts[6], parts[7] if len(parts) > 7 else None
    path = f"/2015-03-31/functions/{quote(name, safe='')}/policy"
    if qualifier:
        path += f"?Qualifier={quote(qualifier, safe='')}"
    conn = http.client.HTTPConnection(*upstream, timeout=30)
    try:
        conn.request("GET", path, headers=_lambda_scope(headers))
        response = conn.getresponse()
        data = response.read()
    finally:
        conn.close()
    if response.status != 200:
        return None
    try:
        return json.loads(json.loads(data).get("Policy") or "{}")
    except ValueError:
        return None


def _values(value):
    return value if isinstance(value, list) else [value]


def allows_bucket(policy, bucket_arn):
    """Whether a statement lets s3.amazonaws.com invoke the function for `bucket_arn`."""
    for statement in _values((policy or {}).get("Statement") or []):
        principal = statement.get("Principal")
        services = _values(principal.get("Service")) if isinstance(principal, dict) else _values(principal)
        actions = _values(statement.get("Action") or [])
        if statement.get("Effect") != "Allow" or "s3.amazonaws.com" not in services:
            continue
        if not any(action in ("lambda:InvokeFunction", "lambda:*", "*") for action in actions):
            continue
        condition = statement.get("Condition") or {}
        arns = [arn for test in ("ArnLike", "ArnEquals", "StringEquals", "StringLike")
                for key, arn in (condition.get(test) or {}).items() if key.lower() == "aws:sourcearn"]
        if not arns or any(fnmatch.fnmatchcase(bucket_arn, pattern) for arn in arns for pattern in _values(arn)):
            return True
    return False


def check(path, headers, body, upstream):
    """(status, code, message) when S3 would refuse this notification PUT, else None."""
    found = entries(body)
    if found is None:
        return 400, "MalformedXML", "The XML you provided was not well-formed or did not validate against our published schema"
    if overlapping(found):
        return 400, "InvalidArgument", OVERLAP
    if (headers.get("x-amz-skip-destination-validation") or "").lower() == "true":
        return None
    bucket_arn = "arn:aws:s3:::" + bucket_of(path, headers)
    for kind, target, _, _, _ in found:
        if kind == "CloudFunctionConfiguration" and not allows_bucket(function_policy(upstream, target, headers), bucket_arn):
            return 400, "InvalidArgument", UNVALIDATED
    return None
