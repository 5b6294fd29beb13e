"""The denial each service really sends when IAM refuses a call (the `deny_operations` fault).

`refuse_operations` answers one chosen code everywhere; `deny_operations` (a list of operation
names, as in the log) answers each with its own service's AccessDenied: status, code and shape
as AWS sends them, so a client's "denied" recognition is tested against every protocol.
"""

from aws_proxy_services import lookup

# Signing name → (status, code). JSON-protocol services answer through Coral, which prefixes the
# code with its namespace; query and REST-XML services send a bare AccessDenied (SNS its own).
DENIALS = {
    "lambda": (403, "AccessDeniedException"),
    "apigateway": (403, "AccessDeniedException"),
    "scheduler": (403, "AccessDeniedException"),
    "sts": (403, "AccessDenied"),
    "iam": (403, "AccessDenied"),
    "s3": (403, "AccessDenied"),
    "sns": (403, "AuthorizationError"),
}
CORAL = (400, "com.amazon.coral.service#AccessDeniedException")
# S3 requests are logged as `METHOD path`; these have their API name as well.
S3_NAMES = {"GET /": "ListBuckets"}


def denial_for(faults, service, operation):
    """(status, code, message) when `deny_operations` lists `operation`, else None."""
    denied = faults.get("deny_operations") or ()
    if operation not in denied and S3_NAMES.get(operation) not in denied:
        return None
    operation = S3_NAMES.get(operation, operation)
    protocol = lookup(service).protocol
    status, code = DENIALS.get(lookup(service).signing_name) or (
        CORAL if protocol in ("json-1.0", "json-1.1") else (403, "AccessDeniedException"))
    message = (f"User: arn:aws:iam::123456789012:user/lambdactl-test is not authorized to perform: "
               f"{service}:{operation} because no identity-based policy allows the {service}:{operation} action")
    return status, code, message
