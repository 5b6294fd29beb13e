#!/usr/bin/env python3
"""Writes Tests/AWSCoreTests/Data/protocol-vectors.json: the wire requests botocore's own
serializers produce for a few real operations, one per protocol lambdactl encodes (json 1.0,
json 1.1, query, rest-xml). AWSCoreTests encode the same inputs and compare the bytes.

Run with any python that has botocore (the moto venv has it):
    .venv-moto/bin/python Scripts/gen-protocol-vectors.py
"""
import json
import os
import sys

import botocore
import botocore.loaders
import botocore.model
import botocore.serialize
from botocore.awsrequest import prepare_request_dict, create_request_object

# (service, operation, params). Params are written in sorted key order at every level: botocore
# serializes a structure in the order of its input, lambdactl's encoder in sorted key order.
CASES = [
    ("sqs", "SendMessage", {
        "DelaySeconds": 5,
        "MessageAttributes": {"Kind": {"DataType": "String", "StringValue": "deploy"}},
        "MessageBody": "hello \"world\" / ünïcode",
        "QueueUrl": "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs",
    }),
    ("dynamodb", "DescribeTable", {"TableName": "orders"}),
    ("logs", "FilterLogEvents", {
        "interleaved": True,
        "limit": 50,
        "logGroupName": "/aws/lambda/fn",
        "logStreamNames": ["a", "b"],
        "startTime": 1700000000000,
    }),
    ("logs", "DescribeLogGroups", {"logGroupNamePrefix": "/aws/lambda/"}),
    ("iam", "CreateRole", {
        "AssumeRolePolicyDocument": '{"Version":"2012-10-17","Statement":[]}',
        "Description": "lambdactl role: a+b=c",
        "RoleName": "fn-role",
        "Tags": [{"Key": "app", "Value": "x y"}, {"Key": "owner", "Value": "me~"}],
    }),
    ("sts", "AssumeRole", {
        "DurationSeconds": 900,
        "RoleArn": "arn:aws:iam::123456789012:role/Deployer",
        "RoleSessionName": "lambdactl-session",
    }),
    ("s3", "PutBucketNotificationConfiguration", {
        "Bucket": "uploads",
        "NotificationConfiguration": {
            "LambdaFunctionConfigurations": [{
                "Events": ["s3:ObjectCreated:*", "s3:ObjectRemoved:Delete"],
                "Filter": {"Key": {"FilterRules": [
                    {"Name": "prefix", "Value": "in/"}, {"Name": "suffix", "Value": ".png"}]}},
                "Id": "resize",
                "LambdaFunctionArn": "arn:aws:lambda:eu-west-1:123456789012:function:resize",
            }],
        },
    }),
]

# Headers every case compares; the rest (User-Agent, checksums botocore adds later) are not the
# serializer's business.
COMPARED_HEADERS = {"content-type", "x-amz-target"}


def vector(loader, service, operation, params):
    model = botocore.model.ServiceModel(loader.load_service_model(service, "service-2"), service)
    op = model.operation_model(operation)
    protocol = model.metadata["protocol"]
    request = botocore.serialize.create_serializer(protocol, include_validation=True).serialize_to_request(
        params, op)
    # The request as it goes on the wire: botocore's own preparation (form-encodes query bodies).
    prepare_request_dict(request, endpoint_url="https://example.amazonaws.com")
    prepared = create_request_object(request).prepare()
    body = prepared.body or b""
    if isinstance(body, str):
        body = body.encode("utf-8")
    headers = {k.lower(): v for k, v in request["headers"].items() if k.lower() in COMPARED_HEADERS}
    if protocol == "query":
        headers["content-type"] = prepared.headers.get("Content-Type")
    return {
        "service": service,
        "operation": operation,
        "protocol": protocol,
        "jsonVersion": model.metadata.get("jsonVersion"),
        "targetPrefix": model.metadata.get("targetPrefix"),
        "apiVersion": model.metadata.get("apiVersion"),
        "input": params,
        "method": request["method"],
        "path": request["url_path"],
        "query": request["query_string"] or {},
        "headers": headers,
        "body": body.decode("utf-8"),
    }


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    out = os.path.join(root, "Tests", "AWSCoreTests", "Data", "protocol-vectors.json")
    loader = botocore.loaders.Loader()
    vectors = [vector(loader, *case) for case in CASES]
    document = {"source": f"botocore {botocore.__version__} serializers", "vectors": vectors}
    with open(out, "w", encoding="utf-8") as handle:
        json.dump(document, handle, indent=1, ensure_ascii=False, sort_keys=True)
        handle.write("\n")
    print(f"wrote {len(vectors)} vectors to {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
