"""Proxy self-test: `deny_operations` answers each service's own AccessDenied (Scripts/aws_proxy_deny.py)."""

from botocore.exceptions import ClientError

from proxy_selftest import check, client, control


def denial(call):
    """(HTTP status, error code) of a refused call, or None when it succeeded."""
    try:
        call()
    except ClientError as error:
        return error.response["ResponseMetadata"]["HTTPStatusCode"], error.response["Error"]["Code"]
    return None


def test_deny_operations():
    """Denied operations get their service's denial in its protocol; others pass; null lifts it."""
    control("/reset", {})
    control("/faults", {"deny_operations": ["ListQueues", "ListBuckets", "ListRoles", "ListTopics", "ListFunctions",
                                            "ListTables"]})
    sqs, s3, iam, sns, lam, ddb = (client(name) for name in ("sqs", "s3", "iam", "sns", "lambda", "dynamodb"))
    check("deny_operations: SQS (JSON) → 400 AccessDeniedException", denial(sqs.list_queues) == (400, "AccessDeniedException"),
          denial(sqs.list_queues))
    check("deny_operations: DynamoDB (JSON) → 400 AccessDeniedException",
          denial(ddb.list_tables) == (400, "AccessDeniedException"))
    check("deny_operations: S3 (REST-XML) → 403 AccessDenied", denial(s3.list_buckets) == (403, "AccessDenied"))
    check("deny_operations: IAM (query) → 403 AccessDenied", denial(iam.list_roles) == (403, "AccessDenied"))
    check("deny_operations: SNS (query) → 403 AuthorizationError", denial(sns.list_topics) == (403, "AuthorizationError"))
    check("deny_operations: Lambda → 403 AccessDeniedException",
          denial(lam.list_functions) == (403, "AccessDeniedException"))
    check("deny_operations: other operations pass", denial(lam.list_layers) is None)
    check("deny_operations: denials are logged as refused:CODE",
          [e["fault"] for e in control("/log")][0] == "refused:com.amazon.coral.service#AccessDeniedException")
    control("/faults", {"deny_operations": None})
    check("deny_operations: null lifts the denial", denial(sqs.list_queues) is None)
    control("/reset", {})
