#!/usr/bin/env python3
"""botocore SigV4 signatures per second for a typical Lambda Invoke request.

Mirrors Sources/sigv4-bench (same path, headers, query, body, session token).
Prints `sign: N signatures/s`.
"""
import time

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

CREDENTIALS = Credentials(
    "ASIAEXAMPLEEXAMPLE12", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
    "FwoGZXIvYXdzEBYaDExampleSessionTokenValue0123456789abcdefghijklmnopqrstuvwxyz")
URL = ("https://lambda.us-east-1.amazonaws.com/2015-03-31/functions/"
       "arn%3Aaws%3Alambda%3Aus-east-1%3A123456789012%3Afunction%3Amy-fn/invocations")
BODY = b'{"key":"value","n":42}'
HEADERS = {"Host": "lambda.us-east-1.amazonaws.com", "Content-Type": "application/json",
           "User-Agent": "lambdactl/0.1", "X-Amz-Invocation-Type": "RequestResponse"}


def sign_once():
    request = AWSRequest(method="POST", url=URL, data=BODY, params={"Qualifier": "live"}, headers=HEADERS)
    SigV4Auth(CREDENTIALS, "lambda", "us-east-1").add_auth(request)
    return request.headers["Authorization"]


def main():
    for _ in range(1000):
        sign_once()
    count = 20000
    start = time.perf_counter()
    for _ in range(count):
        sign_once()
    elapsed = time.perf_counter() - start
    print(f"sign: {count / elapsed:.0f} signatures/s")


if __name__ == "__main__":
    main()
