"""Shared helpers of the proxy self-test (Scripts/test-proxy.py and its parts): the harness
endpoints and keys from the environment, the control API, boto3 clients, checks and raw requests.
"""

import http.client
import io
import json
import os
import urllib.request
import zipfile
from urllib.parse import urlsplit

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = os.environ["LAMBDACTL_TEST_ENDPOINT"]
CONTROL = os.environ["LAMBDACTL_TEST_CONTROL"]
KEY = os.environ["LAMBDACTL_TEST_ACCESS_KEY_ID"]
SECRET = os.environ["LAMBDACTL_TEST_SECRET_ACCESS_KEY"]
NO_RETRY = Config(retries={"total_max_attempts": 1}, connect_timeout=5, read_timeout=30)
failures = []


def control(path, doc=None, method=None):
    data = json.dumps(doc).encode() if doc is not None else None
    req = urllib.request.Request(CONTROL + path, data=data, method=method or ("POST" if data else "GET"))
    with urllib.request.urlopen(req) as answer:
        return json.loads(answer.read())


def client(service, key=KEY, secret=SECRET, token=None, config=NO_RETRY):
    return boto3.client(service, endpoint_url=ENDPOINT, region_name="us-east-1", aws_access_key_id=key,
                        aws_secret_access_key=secret, aws_session_token=token, config=config)


def check(name, condition, detail=""):
    print(("ok   " if condition else "FAIL ") + name + (f" — {detail}" if detail and not condition else ""))
    if not condition:
        failures.append(name)


def error_code(call):
    try:
        call()
        return None
    except ClientError as error:
        return error.response["Error"]["Code"]


def raw(method, path, headers, body):
    """Sends bytes exactly as given; returns (status, headers, body)."""
    parts = urlsplit(ENDPOINT)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    conn.request(method, path, body=body, headers=headers)
    answer = conn.getresponse()
    out = answer.read()
    conn.close()
    return answer.status, dict(answer.getheaders()), out


def tiny_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("i.py", "def h(e, c):\n    return e\n")
    return buffer.getvalue()
