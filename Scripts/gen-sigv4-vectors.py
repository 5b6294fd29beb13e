#!/usr/bin/env python3
"""Generate deterministic random SigV4 test cases signed by botocore.

Writes Tests/SigV4Tests/Data/botocore-vectors.json (or the path given as the first
argument). Each case holds the inputs exactly as the Swift `SignableRequest` takes them
(wire path, decoded query pairs, headers before signing, payload hash) and botocore's
canonical request, string to sign, signature and Authorization header.

Usage: python3 Scripts/gen-sigv4-vectors.py [out.json] [--count N] [--seed S]
"""
import argparse
import datetime
import hashlib
import json
import os
import random
import sys
from urllib.parse import quote

import botocore
import botocore.auth
from botocore.auth import S3SigV4Auth, SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

SERVICES = ["lambda", "iam", "logs", "apigateway", "sts", "s3"]
REGIONS = ["us-east-1", "eu-west-1", "ap-southeast-2", "us-west-2", "sa-east-1"]
WORDS = ["my-fn", "alpha", "Beta_2", "x.y", "tilde~", "a b", "ünï", "ሴ", "c+d", "e=f", "g&h",
         "50%", "semi;colon", "col:on", "at@sign", "$dollar", "comma,", "sl/ash", "q?", "hash#",
         "emoji😀", "", "UPPER", "0123", "[br]", "star*", "quote'", "paren()"]
HEADER_VALUES = ["value", "  padded  ", "a   b\tc", "\tTabbed\t", "\"quoted   text\"", "x,y",
                 "日本", "UPPER lower", "", "a  b  c  d"]


def wire_segment(rng, pool):
    return quote(rng.choice(pool), safe="-_.~")


def make_path(rng, service):
    kind = rng.random()
    if service == "lambda" and kind < 0.6:
        arn = f"arn:aws:lambda:{rng.choice(REGIONS)}:{rng.randrange(10**11, 10**12)}:function:{rng.choice(['my-fn', 'Fn_2', 'x'])}"
        if rng.random() < 0.3:
            arn += ":" + rng.choice(["$LATEST", "live", "7"])
        tail = rng.choice(["/invocations", "/configuration", "/code", "/policy", ""])
        return "/2015-03-31/functions/" + quote(arn, safe="-_.~") + tail
    if service == "s3":
        key = "/".join(rng.choice(WORDS + ["", ".", ".."]) for _ in range(rng.randrange(1, 4)))
        return "/" + quote(key, safe="/-_.~")
    segments = [wire_segment(rng, WORDS) for _ in range(rng.randrange(0, 4))]
    path = "/" + "/".join(segments)
    if rng.random() < 0.15:
        path = path.replace("/", "//", 1)
    if rng.random() < 0.1:
        path += rng.choice(["/./x", "/../y", "/"])
    return path


def make_query(rng):
    pairs = []
    for _ in range(rng.choice([0, 0, 1, 2, 3, 5])):
        name = rng.choice(["Action", "Marker", "MaxItems", "q", "c+d", "a b", "ü", "k=v", "a&b", "", "Version", "x"])
        value = rng.choice(WORDS + ["", "2011-06-15", "true", "1"])
        pairs.append((name, value))
    if pairs and rng.random() < 0.2:
        pairs.append((pairs[0][0], rng.choice(WORDS)))
    return pairs


def make_headers(rng, host):
    headers = [("Host", host)]
    if rng.random() < 0.5:
        headers.append(("Content-Type", rng.choice(["application/json", "application/x-amz-json-1.1", "text/plain; charset=utf-8"])))
    for _ in range(rng.randrange(0, 4)):
        headers.append((rng.choice(["X-Custom", "x-amz-meta-Key", "My-Header", "X-Amz-Target", "Accept"]), rng.choice(HEADER_VALUES)))
    if rng.random() < 0.3:
        headers.append(("User-Agent", "lambdactl/0.1 test"))
    if rng.random() < 0.2:
        headers.append(("X-Amzn-Trace-Id", "Root=1-5759e988-bd862e3fe1be46a994272793"))
    rng.shuffle(headers)
    return headers


class S3Config:
    def __init__(self, signing):
        self.s3 = {"payload_signing_enabled": signing}


def make_case(rng, index):
    service = rng.choice(SERVICES)
    region = rng.choice(REGIONS)
    port = rng.choice([None, None, None, 4566, 8443])
    base = f"{'examplebucket.' if service == 's3' else ''}{service}.{region}.amazonaws.com"
    host = base if port is None else f"{base}:{port}"
    method = rng.choice(["GET", "POST", "PUT", "DELETE", "HEAD"])
    body = b""
    if method in ("POST", "PUT") and rng.random() < 0.8:
        body = bytes(rng.randrange(256) for _ in range(rng.randrange(0, 200)))
    token = None
    if rng.random() < 0.4:
        token = "FwoGZXIvYXdzE" + "".join(rng.choice("ABCxyz0123+/=") for _ in range(40))
    # "AKID" + 16: the shape of an access key id, but never a real one (real ids start AKIA/ASIA).
    access = "AKID" + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567") for _ in range(16))
    secret = "".join(rng.choice("abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789+/") for _ in range(40))
    when = datetime.datetime(2000, 1, 1) + datetime.timedelta(seconds=rng.randrange(0, 60 * 365 * 86400))
    path = make_path(rng, service)
    query = make_query(rng)
    headers = make_headers(rng, host)
    unsigned = service == "s3" and rng.random() < 0.4

    botocore.auth.get_current_datetime = lambda: when
    credentials = Credentials(access, secret, token)
    auth = (S3SigV4Auth if service == "s3" else SigV4Auth)(credentials, service, region)
    url = f"{'http' if port == 4566 else 'https'}://{host}{path}"
    request = AWSRequest(method=method, url=url, data=body, params=query)
    for name, value in headers:
        request.headers[name] = value  # email.message semantics: appends repeated names
    if service == "s3":
        request.context["client_config"] = S3Config(not unsigned)
    captured = {}
    for stage in ("canonical_request", "string_to_sign", "signature"):
        original = getattr(auth, stage)

        def wrapper(*args, _original=original, _stage=stage):
            captured[_stage] = _original(*args)
            return captured[_stage]
        setattr(auth, stage, wrapper)
    auth.add_auth(request)

    payload = "UNSIGNED-PAYLOAD" if unsigned else hashlib.sha256(body).hexdigest()
    assert captured["canonical_request"].rsplit("\n", 1)[1] == payload, (index, captured)
    return {
        "name": f"{index:04d}-{service}-{method}",
        "service": service,
        "region": region,
        "s3": service == "s3",
        "accessKeyID": access,
        "secretAccessKey": secret,
        "sessionToken": token,
        "epochSeconds": int((when - datetime.datetime(1970, 1, 1)).total_seconds()),
        "method": method,
        "path": path,
        "query": [list(pair) for pair in query],
        "headers": [list(pair) for pair in headers],
        "payloadHash": payload,
        "canonicalRequest": captured["canonical_request"],
        "stringToSign": captured["string_to_sign"],
        "signature": captured["signature"],
        "authorization": request.headers["Authorization"],
    }


def main():
    parser = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("out", nargs="?", default=os.path.join(here, "..", "Tests", "SigV4Tests", "Data", "botocore-vectors.json"))
    parser.add_argument("--count", type=int, default=1200)
    parser.add_argument("--seed", type=int, default=20150830)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    cases = [make_case(rng, index) for index in range(args.count)]
    document = {"generator": "Scripts/gen-sigv4-vectors.py", "botocore": botocore.__version__,
                "seed": args.seed, "cases": cases}
    with open(args.out, "w", encoding="utf-8") as handle:
        json.dump(document, handle, ensure_ascii=False, indent=1)
        handle.write("\n")
    print(f"wrote {len(cases)} cases to {os.path.normpath(args.out)}", file=sys.stderr)


if __name__ == "__main__":
    main()
