"""The one table of services the harness proxy knows (see docs/harness.md).

Each row says what the proxy needs to know about a service: its SigV4 signing name, its wire
protocol (which decides the error shapes), how an unsigned request is recognised (target
prefix, query API version or path), the region IAM-style global services must be scoped to,
and its throttling answer. Detection, verification and the emulations all read this table, so
a new service is one new row (and a check in Scripts/test-proxy.py).
"""

import re
from dataclasses import dataclass, field
from urllib.parse import parse_qs


@dataclass(frozen=True)
class Service:
    """One service as the proxy sees it."""

    signing_name: str
    protocol: str  # "rest-json", "json-1.0", "json-1.1", "query" or "rest-xml"
    target_prefix: str = ""  # X-Amz-Target prefix (JSON target protocols)
    api_version: str = ""  # the query protocol's Version parameter
    actions: tuple = ()  # query actions that name the service when the Version is missing
    path: str = ""  # a regular expression a rest request's path matches
    global_region: str = ""  # the only region the signature may be scoped to
    throttle: tuple = (429, "TooManyRequestsException", "Too Many Requests")
    aliases: tuple = field(default=())  # other scope names of the same service
    model: str = ""  # botocore's service name, when it differs from the signing name
    emulations: frozenset = frozenset()  # what the proxy does beyond moto for it (EMULATIONS)
    signing: str = "standard"  # "s3": path encoded once, x-amz-content-sha256 carries the payload hash
    error_shape: str = ""  # "typed": errors carry a Type field and throttles a Reason (Lambda)
    internal_error: str = "InternalFailure"  # the code of a 500 answer
    unavailable_error: str = "ServiceUnavailable"  # the code of a 503 answer

    def matches_path(self, path):
        """Whether a rest request's path belongs to this service."""
        return bool(self.path) and re.match(self.path, path) is not None


# What the proxy emulates or checks beyond moto; a row opts in by name.
EMULATIONS = {
    "function-lifecycle": "Lambda's states, update conflicts, RevisionIds, layers and alias weights (aws_proxy_lambda)",
    "issued-credentials": "keys an answer hands out are learnt, so requests signed with them verify",
    "role-creation": "a role created through CreateRole is not assumable by Lambda for a while",
    "credential-exchange": "GET /federation/credentials is answered from the SSO token cache",
    "content-checksums": "checksum headers are compared with the body (aws_proxy_s3)",
    "notification-validation": "a bucket notification is refused without the function's permission "
                               "or when entries overlap (aws_proxy_notifications)",
    "schedule-expressions": "schedule expressions, time zones and FlexibleTimeWindow are validated (aws_proxy_scheduler)",
    "duplicate-refusals": "AddPermission of a statement id the policy has and CreateRoute of a route key the API has "
                          "are refused as AWS refuses them (aws_proxy_conflicts)",
    "client-tokens": "a write repeated with the same ClientToken and request gets the first answer (aws_proxy_scheduler)",
    "metric-percentiles": "GetMetricData answers percentile statistics (p50, p99, …) from the PutMetricData "
                          "values it passed, where moto fails with 500 (aws_proxy_metrics)",
    "tagged-functions": "GetResources finds Lambda functions by their tags, which moto 5.2.1 never returns (aws_proxy_tagging)",
}

SERVICES = (
    Service("lambda", "rest-json", path=r"^/20\d\d-\d\d-\d\d/",
            throttle=(429, "TooManyRequestsException", "Rate exceeded"),
            emulations=frozenset({"function-lifecycle", "duplicate-refusals"}), error_shape="typed",
            internal_error="ServiceException", unavailable_error="ServiceException"),
    Service("logs", "json-1.1", target_prefix="Logs_",
            throttle=(400, "ThrottlingException", "Rate exceeded")),
    Service("sts", "query", api_version="2011-06-15",
            actions=("AssumeRole", "GetCallerIdentity", "GetSessionToken"),
            throttle=(400, "Throttling", "Rate exceeded"), emulations=frozenset({"issued-credentials"})),
    Service("iam", "query", api_version="2010-05-08", global_region="us-east-1",
            throttle=(400, "Throttling", "Rate exceeded"), emulations=frozenset({"role-creation"})),
    Service("apigateway", "rest-json", path=r"^/v2/", model="apigatewayv2", emulations=frozenset({"duplicate-refusals"})),
    Service("sso", "rest-json", path=r"^/federation/credentials", aliases=("portal.sso", "awsssoportal"),
            emulations=frozenset({"credential-exchange"})),
    Service("sqs", "json-1.0", target_prefix="AmazonSQS",
            throttle=(403, "RequestThrottled", "Request is throttled.")),
    Service("sns", "query", api_version="2010-03-31",
            actions=("Subscribe", "Unsubscribe", "ListSubscriptions", "GetSubscriptionAttributes",
                     "SetSubscriptionAttributes", "GetTopicAttributes", "CreateTopic", "DeleteTopic",
                     "ListTopics", "Publish"),
            throttle=(429, "Throttled", "Rate exceeded")),
    Service("events", "json-1.1", target_prefix="AWSEvents",
            throttle=(400, "ThrottlingException", "Rate exceeded")),
    Service("scheduler", "rest-json", path=r"^/(schedules|schedule-groups)(/|$)|^/tags/arn(:|%3A)[^/]*scheduler",
            throttle=(429, "ThrottlingException", "Rate exceeded"), emulations=frozenset({"schedule-expressions", "client-tokens"})),
    Service("kinesis", "json-1.1", target_prefix="Kinesis_",
            throttle=(400, "LimitExceededException", "Rate exceeded for stream.")),
    Service("dynamodb", "json-1.0", target_prefix="DynamoDB_",
            throttle=(400, "ThrottlingException", "Rate of requests exceeds the allowed throughput.")),
    Service("tagging", "json-1.1", target_prefix="ResourceGroupsTaggingAPI_", model="resourcegroupstaggingapi",
            throttle=(400, "ThrottledException", "Rate exceeded"), emulations=frozenset({"tagged-functions"})),
    Service("monitoring", "query", api_version="2010-08-01", model="cloudwatch",
            throttle=(400, "Throttling", "Rate exceeded"), emulations=frozenset({"metric-percentiles"})),
    Service("s3", "rest-xml", throttle=(503, "SlowDown", "Please reduce your request rate."),
            emulations=frozenset({"content-checksums", "notification-validation"}), signing="s3", internal_error="InternalError"),
)

BY_NAME = {name: service for service in SERVICES for name in (service.signing_name, *service.aliases)}

FALLBACK = BY_NAME["s3"]  # virtual-host and path-style S3 requests carry nothing else to go by


def lookup(name):
    """The row of a signing name (or alias); unknown names read as rest-json."""
    return BY_NAME.get(name) or Service(name, "rest-json")


def emulates(name, emulation):
    """Whether the proxy runs `emulation` (a key of EMULATIONS) for the service `name`."""
    assert emulation in EMULATIONS, emulation
    return emulation in lookup(name).emulations


def form_fields(path, headers, body):
    """The query-protocol fields of a request: the query string, plus a form body."""
    fields = parse_qs(path.partition("?")[2])
    ctype = headers.get("Content-Type", "")
    if "x-www-form-urlencoded" in ctype and body and len(body) < 1_000_000:
        fields.update(parse_qs(body.decode("utf-8", "replace")))
    return fields


def detect(scope_service, path, headers, body):
    """The signing name of a request: the credential scope first, else the table (target
    prefix, then the query Version or Action, then the path), else S3."""
    if scope_service:
        return scope_service
    target = headers.get("X-Amz-Target", "")
    for service in SERVICES:
        if service.target_prefix and target.startswith(service.target_prefix):
            return service.signing_name
    fields = form_fields(path, headers, body)
    action = (fields.get("Action") or [None])[0]
    version = (fields.get("Version") or [None])[0]
    if action:
        queries = [s for s in SERVICES if s.protocol == "query"]
        for service in queries:
            if version and service.api_version == version:
                return service.signing_name
        for service in queries:
            if action.startswith(service.actions):
                return service.signing_name
        return next(s.signing_name for s in queries if not s.actions)
    bare = path.partition("?")[0]
    for service in SERVICES:
        if service.matches_path(bare):
            return service.signing_name
    return FALLBACK.signing_name
