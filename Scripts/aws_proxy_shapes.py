"""AWS-shaped error answers and service detection for Scripts/aws_proxy.py.

Each service family answers errors in its own protocol: rest-json (Lambda, API Gateway v2),
json-1.1 (CloudWatch Logs), query/XML (IAM, STS) and rest-xml (S3). These helpers build the
exact status, headers and body a real endpoint would send, so clients exercise their real
error-decoding paths against the harness.
"""

import json
import uuid
from urllib.parse import unquote

from aws_proxy_services import detect, emulates, form_fields, lookup


def new_request_id():
    """A fresh request id in the AWS style (uuid4)."""
    return str(uuid.uuid4())


def detect_service(scope_service, path, headers, body):
    """The service a request is for (see aws_proxy_services.detect)."""
    return detect(scope_service, path, headers, body)


def form_action(path, headers, body):
    """The query-protocol `Action` from the form body or the query string, if any."""
    values = form_fields(path, headers, body).get("Action")
    return values[0] if values else None


def operation_name(service, method, path, headers, body):
    """A readable operation name: X-Amz-Target, query Action, or the Lambda op by path."""
    target = headers.get("X-Amz-Target")
    if target:
        return target.rpartition(".")[2]
    action = form_action(path, headers, body)
    if action:
        return action
    if emulates(service, "function-lifecycle"):
        from aws_proxy_concurrency import ConcurrencyEmulation
        from aws_proxy_lambda import lambda_operation
        op, _ = lambda_operation(method, path.partition("?")[0])
        if op:
            return ConcurrencyEmulation.operation(op, method, path.partition("?")[2])
    if service == "scheduler":
        op = scheduler_operation(method, path.partition("?")[0])
        if op:
            return op
    return f"{method} {unquote(path.partition('?')[0])}"


SCHEDULER_OPERATIONS = {
    ("POST", "schedules"): "CreateSchedule", ("GET", "schedules"): "GetSchedule",
    ("PUT", "schedules"): "UpdateSchedule", ("DELETE", "schedules"): "DeleteSchedule",
    ("POST", "schedule-groups"): "CreateScheduleGroup", ("GET", "schedule-groups"): "GetScheduleGroup",
    ("DELETE", "schedule-groups"): "DeleteScheduleGroup", ("POST", "tags"): "TagResource",
    ("GET", "tags"): "ListTagsForResource", ("DELETE", "tags"): "UntagResource",
}


def scheduler_operation(method, path):
    """Scheduler's operation by botocore's request URIs: `/schedules/{Name}`, `/schedule-groups/{Name}`,
    `/tags/{ResourceArn}`; `GET /schedules` and `GET /schedule-groups` list."""
    parts = path.strip("/").split("/", 1)
    if len(parts) == 1:
        return {"schedules": "ListSchedules", "schedule-groups": "ListScheduleGroups"}.get(parts[0]) \
            if method == "GET" else None
    return SCHEDULER_OPERATIONS.get((method, parts[0]))


def error_answer(service, status, code, message, request_id, sender=True, lambda_type=None):
    """(status, headers, body) of an AWS error in `service`'s protocol."""
    protocol = lookup(service).protocol
    if protocol == "query":
        kind = "Sender" if sender else "Receiver"
        body = (
            f"<ErrorResponse xmlns=\"https://{service}.amazonaws.com/doc/\">"
            f"<Error><Type>{kind}</Type><Code>{code}</Code><Message>{xml_escape(message)}</Message></Error>"
            f"<RequestId>{request_id}</RequestId></ErrorResponse>"
        ).encode()
        return status, {"Content-Type": "text/xml"}, body
    if protocol == "rest-xml":
        body = (
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            f"<Error><Code>{code}</Code><Message>{xml_escape(message)}</Message>"
            f"<RequestId>{request_id}</RequestId></Error>"
        ).encode()
        return status, {"Content-Type": "application/xml"}, body
    if protocol in ("json-1.0", "json-1.1"):
        body = json.dumps({"__type": code, "message": message}).encode()
        return status, {"Content-Type": "application/x-amz-" + protocol}, body
    if lookup(service).error_shape == "typed":
        doc = {"Type": lambda_type or ("User" if sender else "Service"), "message": message}
        body = json.dumps(doc).encode()
        return status, {"Content-Type": "application/json", "x-amzn-ErrorType": code}, body
    body = json.dumps({"message": message}).encode()
    return status, {"Content-Type": "application/json", "x-amzn-ErrorType": code}, body


def xml_escape(text):
    """Escapes the five XML special characters."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&apos;"))


def auth_error(service, kind, message, request_id):
    """Authentication failures: kind is bad_signature, expired, unknown_key, bad_token, missing."""
    protocol = lookup(service).protocol
    json_like = protocol not in ("query", "rest-xml")
    if kind in ("bad_signature", "expired"):
        if protocol == "rest-xml":
            code = "RequestTimeTooSkewed" if kind == "expired" else "SignatureDoesNotMatch"
        else:
            code = "InvalidSignatureException" if json_like else "SignatureDoesNotMatch"
    elif kind in ("unknown_key", "bad_token"):
        if protocol == "rest-xml":
            code = "InvalidAccessKeyId" if kind == "unknown_key" else "InvalidToken"
        else:
            code = "UnrecognizedClientException" if json_like else "InvalidClientTokenId"
    elif kind == "content_sha":
        code = "XAmzContentSHA256Mismatch"
        return error_answer(service, 400, code, message, request_id)
    else:
        if protocol == "rest-xml":
            code = "AccessDenied"
        else:
            code = "MissingAuthenticationTokenException" if json_like else "MissingAuthenticationToken"
    return error_answer(service, 403, code, message, request_id)


def throttle_answer(service, request_id):
    """The throttling error each service really sends (its row's `throttle`)."""
    status, code, message = lookup(service).throttle
    answer = error_answer(service, status, code, message, request_id)
    if lookup(service).error_shape == "typed":
        body = json.dumps({"Reason": "CallerRateLimitExceeded", "Type": "User", "message": message})
        return answer[0], answer[1], body.encode()
    return answer


def server_error_answer(service, request_id, unavailable):
    """A 503 ServiceUnavailable or 500 InternalFailure in the service's shape."""
    if unavailable:
        code = lookup(service).unavailable_error
        return error_answer(service, 503, code, "Service is unavailable. Please try again.",
                            request_id, sender=False)
    code = lookup(service).internal_error
    return error_answer(service, 500, code, "We encountered an internal error. Please try again.",
                        request_id, sender=False)
