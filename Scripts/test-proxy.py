#!/usr/bin/env python3
"""Self-test of the verifying proxy, through boto3 and hand-made requests.

Run with the harness up (`. .tmp/harness/env`), e.g. by Scripts/test. Exits non-zero on failure.
"""

import hashlib
import http.client
import io
import json
import os
import sys
import time
import urllib.request
import zipfile
from urllib.parse import urlsplit

import boto3
from botocore.auth import S3SigV4Auth, SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials
from botocore.exceptions import ClientError

import aws_proxy_services

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


def signed_sts(body, when=None, sign_body_hash=False):
    """A GetCallerIdentity request signed by botocore, as (headers, body)."""
    request = AWSRequest(method="POST", url=ENDPOINT + "/", data=body,
                         headers={"Content-Type": "application/x-www-form-urlencoded"})
    if sign_body_hash:
        request.headers["X-Amz-Content-SHA256"] = __import__("hashlib").sha256(body).hexdigest()
    auth = SigV4Auth(Credentials(KEY, SECRET), "sts", "us-east-1")
    if when is None:
        auth.add_auth(request)
    else:
        request.context["timestamp"] = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(when))
        auth._modify_request_before_signing(request)
        canonical = auth.canonical_request(request)
        auth._inject_signature_to_request(request, auth.signature(auth.string_to_sign(request, canonical), request))
    return dict(request.headers.items()), body


def test_signatures():
    control("/reset", {})
    sts = client("sts")
    check("valid STS call verifies", sts.get_caller_identity()["Account"] == "123456789012")
    check("wrong secret → SignatureDoesNotMatch",
          error_code(lambda: client("sts", secret="wrong").get_caller_identity()) == "SignatureDoesNotMatch")
    check("unknown key → InvalidClientTokenId",
          error_code(lambda: client("iam", key="AKIDUNKNOWN").list_roles()) == "InvalidClientTokenId")
    check("unknown key (Lambda) → UnrecognizedClientException",
          error_code(lambda: client("lambda", key="AKIDUNKNOWN").list_functions()) == "UnrecognizedClientException")
    body = b"Action=GetCallerIdentity&Version=2011-06-15"
    headers, _ = signed_sts(body)
    status, _, _ = raw("POST", "/", headers, body)
    check("hand-signed request verifies", status == 200, status)
    status, answer_headers, out = raw("POST", "/", headers, body + b"&X=1")
    check("tampered body → 403 SignatureDoesNotMatch", status == 403 and b"SignatureDoesNotMatch" in out, out)
    check("every answer carries a request id and a Date",
          "x-amzn-RequestId" in answer_headers and "Date" in answer_headers)
    headers, _ = signed_sts(body, sign_body_hash=True)
    status, _, out = raw("POST", "/", headers, body + b"&X=1")
    check("tampered body with signed x-amz-content-sha256 → 403", status == 403, out)
    headers, _ = signed_sts(body, when=time.time() - 600)
    status, _, out = raw("POST", "/", headers, body)
    check("10-minute-old signature → Signature expired", status == 403 and b"Signature expired" in out, out)
    status, _, out = raw("POST", "/", {"Content-Type": "application/x-www-form-urlencoded"}, body)
    check("missing auth → MissingAuthenticationToken", status == 403 and b"MissingAuthenticationToken" in out)
    control("/faults", {"clock_offset_seconds": 900})
    headers, _ = signed_sts(body)
    status, answer_headers, out = raw("POST", "/", headers, body)
    check("15-minute clock offset → expired, Date shows the offset clock",
          status == 403 and b"Signature expired" in out and answer_headers.get("Date"), out)
    control("/reset", {})


def test_paths_and_keys():
    control("/reset", {})
    iam, lam, s3 = client("iam"), client("lambda"), client("s3")
    role = iam.create_role(RoleName="proxy-test-role", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    lam.create_function(FunctionName="pf", Runtime="python3.12", Role=role, Handler="i.h",
                        Code={"ZipFile": tiny_zip()})
    arn = lam.get_function(FunctionName="pf")["Configuration"]["FunctionArn"]
    check("function ARN in the path verifies", lam.get_function(FunctionName=arn)["Configuration"]["FunctionName"] == "pf")
    s3.create_bucket(Bucket="proxy-bkt")
    s3.put_object(Bucket="proxy-bkt", Key="a b+c/x:y~z.txt", Body=b"hello")
    listed = s3.list_objects_v2(Bucket="proxy-bkt", Prefix="a b+c/")
    check("S3 key and query with space, plus and colon verify", listed.get("KeyCount") == 1)
    s3.put_public_access_block(Bucket="proxy-bkt", PublicAccessBlockConfiguration={"BlockPublicAcls": True})
    check("PutPublicAccessBlock with boto3's checksum passes",
          s3.get_public_access_block(Bucket="proxy-bkt")["PublicAccessBlockConfiguration"]["BlockPublicAcls"])
    xml = b'<Tagging xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><TagSet></TagSet></Tagging>'
    for extra, expected in (({}, b"Missing required header for this request: Content-MD5"),
                            ({"x-amz-checksum-sha256": "AAAA"}, b"BadDigest")):
        request = AWSRequest(method="PUT", url=ENDPOINT + "/proxy-bkt?tagging", data=xml,
                             headers={"x-amz-content-sha256": hashlib.sha256(xml).hexdigest(), **extra})
        S3SigV4Auth(Credentials(KEY, SECRET), "s3", "us-east-1").add_auth(request)
        status, _, out = raw("PUT", "/proxy-bkt?tagging", dict(request.headers), xml)
        check(f"PutBucketTagging {'without a checksum' if not extra else 'with a wrong checksum'} → 400 as S3",
              status == 400 and expected in out, (status, out[:200]))
    creds = client("sts").assume_role(RoleArn=role, RoleSessionName="proxy-test")["Credentials"]
    temp = client("sts", creds["AccessKeyId"], creds["SecretAccessKey"], creds["SessionToken"])
    check("temporary keys learned from AssumeRole verify", "assumed-role" in temp.get_caller_identity()["Arn"])
    bad = client("sts", creds["AccessKeyId"], creds["SecretAccessKey"], "wrong-token")
    check("wrong session token → InvalidClientTokenId", error_code(bad.get_caller_identity) == "InvalidClientTokenId")
    unsigned = boto3.client("sts", endpoint_url=ENDPOINT, region_name="us-east-1",
                            config=Config(signature_version=__import__("botocore").UNSIGNED))
    web = unsigned.assume_role_with_web_identity(RoleArn=role, RoleSessionName="web", WebIdentityToken="token-1")
    web_client = client("sts", web["Credentials"]["AccessKeyId"], web["Credentials"]["SecretAccessKey"],
                        web["Credentials"]["SessionToken"])
    check("unsigned AssumeRoleWithWebIdentity passes and its keys verify",
          "assumed-role" in web_client.get_caller_identity()["Arn"])
    presigner = client("s3", config=Config(signature_version="s3v4"))
    url = presigner.generate_presigned_url("get_object", Params={"Bucket": "proxy-bkt", "Key": "a b+c/x:y~z.txt"})
    with urllib.request.urlopen(url) as answer:
        check("SigV4 presigned S3 URL verifies", answer.read() == b"hello")
    parts = urlsplit(url)
    status, _, _ = raw("GET", parts.path + "?" + parts.query.replace("X-Amz-Signature=", "X-Amz-Signature=0"), {}, None)
    check("tampered presigned URL → 403", status == 403, status)
    status, _, out = raw("GET", "/federation/credentials?role_name=r&account_id=123456789012",
                         {"x-amz-sso_bearer_token": "bearer"}, None)
    role_creds = json.loads(out)["roleCredentials"]
    sso = client("sts", role_creds["accessKeyId"], role_creds["secretAccessKey"], role_creds["sessionToken"])
    check("SSO role credentials are issued unsigned and then verify", status == 200 and sso.get_caller_identity())
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(lambda _: client("sts").get_caller_identity()["Account"], range(48)))
    check("48 concurrent calls all verify", results == ["123456789012"] * 48)
    log = control("/log")
    rejected = [e for e in log if not e["verified"] and e["verdict"] not in ("bad_token",)
                and "X-Amz-Signature=0" not in e["query"]]
    check("every other request was accepted by the verifier", not rejected, rejected[:2])


def tiny_zip():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("i.py", "def h(e, c):\n    return e\n")
    return buffer.getvalue()


def test_faults():
    control("/reset", {})
    control("/faults", {"throttle_rate": 0.3, "error5xx_rate": 0.1, "reset_rate": 0.1,
                        "lost_answer_rate": 0.1, "seed": 1})
    logs = client("logs")
    outcomes = {"ok": 0, "ThrottlingException": 0, "5xx": 0, "transport": 0}
    for index in range(200):
        try:
            logs.create_log_group(logGroupName=f"/fault/{index}")
            outcomes["ok"] += 1
        except ClientError as error:
            code = error.response["Error"]["Code"]
            key = code if code == "ThrottlingException" else "5xx" if error.response["ResponseMetadata"][
                "HTTPStatusCode"] >= 500 else code
            outcomes[key] = outcomes.get(key, 0) + 1
        except Exception:  # noqa: BLE001 — resets and lost answers surface as transport errors
            outcomes["transport"] += 1
    control("/faults", {k: None for k in ("throttle_rate", "error5xx_rate", "reset_rate", "lost_answer_rate")})
    print("     fault outcomes over 200 calls:", outcomes)
    log = control("/log")
    injected = {kind: sum(1 for e in log if e["fault"] == kind)
                for kind in ("throttle", "error5xx", "reset", "lost_answer")}
    print("     injected:", injected, "requests seen:", len(log))
    check("one request per call (no hidden retries)", len(log) == 200, len(log))
    check("throttling near 30%", 40 <= injected["throttle"] <= 80, injected)
    check("5xx near 10%", 8 <= injected["error5xx"] <= 35, injected)
    check("resets near 10%", 8 <= injected["reset"] <= 35, injected)
    check("lost answers near 10%", 8 <= injected["lost_answer"] <= 35, injected)
    check("clients saw throttling as ThrottlingException", outcomes["ThrottlingException"] == injected["throttle"])
    groups = logs.get_paginator("describe_log_groups").paginate().build_full_result()["logGroups"]
    check("lost answers still created their log group (side effect happened)",
          len(groups) == outcomes["ok"] + injected["lost_answer"], (len(groups), outcomes, injected))
    control("/reset", {})


def test_refusals():
    control("/reset", {})
    control("/faults", {"refuse_operations": {"ListFunctions": {}, "GetCallerIdentity": "ExpiredToken"}})
    lam, sts = client("lambda"), client("sts")
    check("refuse_operations: Lambda call → 403 AccessDeniedException",
          error_code(lam.list_functions) == "AccessDeniedException")
    check("refuse_operations: a bare code in the query protocol", error_code(sts.get_caller_identity) == "ExpiredToken")
    check("refuse_operations: other operations pass", lam.list_layers()["Layers"] == [])
    check("refusals are logged as refused:CODE",
          [e["fault"] for e in control("/log")][:2] == ["refused:AccessDeniedException", "refused:ExpiredToken"])
    control("/faults", {"refuse_operations": None})
    check("refuse_operations: null lifts the refusal", "Functions" in lam.list_functions())
    control("/reset", {})


def test_lambda_emulation():
    control("/reset", {})
    iam, lam = client("iam"), client("lambda")
    control("/faults", {"lambda_busy_seconds": 2, "role_propagation_seconds": 2})
    role = iam.create_role(RoleName="emu-role", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    create = lambda: lam.create_function(FunctionName="emu", Runtime="python3.12", Role=role,  # noqa: E731
                                         Handler="i.h", Code={"ZipFile": tiny_zip()})
    check("CreateFunction right after CreateRole → InvalidParameterValueException",
          error_code(create) == "InvalidParameterValueException")
    time.sleep(2.1)
    created = create()
    check("created function is Pending", created["State"] == "Pending" and created["StateReasonCode"] == "Creating")
    check("update while Pending → 409 ResourceConflictException",
          error_code(lambda: lam.update_function_code(FunctionName="emu", ZipFile=tiny_zip()))
          == "ResourceConflictException")
    time.sleep(2.1)
    config = lam.get_function_configuration(FunctionName="emu")
    check("function becomes Active", config["State"] == "Active" and config["LastUpdateStatus"] == "Successful")
    revision = config["RevisionId"]
    updated = lam.update_function_configuration(FunctionName="emu", Timeout=9, RevisionId=revision)
    check("update goes InProgress with a new RevisionId",
          updated["LastUpdateStatus"] == "InProgress" and updated["RevisionId"] != revision)
    check("publish during the update → 409",
          error_code(lambda: lam.publish_version(FunctionName="emu")) == "ResourceConflictException")
    time.sleep(2.1)
    check("stale RevisionId → 412 PreconditionFailedException",
          error_code(lambda: lam.update_function_code(FunctionName="emu", ZipFile=tiny_zip(), RevisionId=revision))
          == "PreconditionFailedException")
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(4) as pool:
        codes = list(pool.map(lambda _: error_code(lambda: lam.update_function_code(
            FunctionName="emu", ZipFile=tiny_zip())), range(4)))
    check("of 4 concurrent updates exactly one wins, 3 get 409",
          codes.count(None) == 1 and codes.count("ResourceConflictException") == 3, codes)
    time.sleep(2.1)
    control("/faults", {"fail_next_update": "The image manifest could not be read."})
    lam.update_function_code(FunctionName="emu", ZipFile=tiny_zip())
    time.sleep(2.1)
    config = lam.get_function(FunctionName="emu")["Configuration"]
    check("fail_next_update ends in LastUpdateStatus Failed with the reason",
          config["LastUpdateStatus"] == "Failed" and "manifest" in config["LastUpdateStatusReason"], config)
    control("/reset", {})


def test_service_table():
    """The proxy's one service table agrees with botocore's models, detects each service's
    unsigned requests and answers them in the service's own error shape."""
    control("/reset", {})
    session = boto3.session.Session()
    protocols = {"json": "json-{}", "query": "query", "rest-json": "rest-json", "rest-xml": "rest-xml"}
    samples = {
        "lambda": ("GET", "/2015-03-31/functions", {}, b""),
        "logs": ("POST", "/", {"X-Amz-Target": "Logs_20140328.DescribeLogGroups",
                              "Content-Type": "application/x-amz-json-1.1"}, b"{}"),
        "sts": ("POST", "/", {"Content-Type": "application/x-www-form-urlencoded"},
                b"Action=GetSessionToken&Version=2011-06-15"),
        "iam": ("POST", "/", {"Content-Type": "application/x-www-form-urlencoded"},
                b"Action=ListRoles&Version=2010-05-08"),
        "apigateway": ("GET", "/v2/apis", {}, b""),
        "sso": ("GET", "/federation/credentials?role_name=r&account_id=1", {}, b""),
        "s3": ("GET", "/some-bucket/key", {}, b""),
    }
    missing = {"query": b"<Code>MissingAuthenticationToken</Code>", "rest-xml": b"<Code>AccessDenied</Code>"}
    check("every row of the table has a sample request", set(samples) == set(aws_proxy_services.BY_NAME) - {
        alias for row in aws_proxy_services.SERVICES for alias in row.aliases}, sorted(samples))
    for row in aws_proxy_services.SERVICES:
        model = session.client(row.model or row.signing_name, region_name="us-east-1",
                               aws_access_key_id=KEY, aws_secret_access_key=SECRET).meta.service_model
        metadata = model.metadata
        expected = protocols[model.protocol].format(metadata.get("jsonVersion", ""))
        names = (row.signing_name, *row.aliases)
        check(f"table: {row.signing_name} signs and speaks as botocore's model says",
              model.signing_name in names and row.protocol == expected
              and row.api_version in ("", metadata.get("apiVersion"))
              and (not row.target_prefix or metadata.get("targetPrefix", "").startswith(row.target_prefix)),
              (model.signing_name, model.protocol, metadata.get("apiVersion"), metadata.get("targetPrefix")))
        method, path, headers, body = samples[row.signing_name]
        detected = aws_proxy_services.detect(None, path, headers, body)
        check(f"table: an unsigned {row.signing_name} request is detected as {row.signing_name}",
              detected == row.signing_name, detected)
        since = len(control("/log"))
        status, answer_headers, out = raw(method, path, headers, body)
        entry = control(f"/log?since={since}")[-1]
        check(f"table: the proxy logs an unsigned {row.signing_name} request under its name",
              entry["service"] == row.signing_name, entry["service"])
        if row.signing_name == "sso":
            continue
        shape = (missing[row.protocol] in out if row.protocol in missing else
                 b"MissingAuthenticationTokenException" in out + str(answer_headers).encode())
        check(f"table: {row.signing_name} refuses it in its own error shape", status == 403 and shape, out[:200])


def test_layers():
    control("/reset", {})
    iam, lam = client("iam"), client("lambda")
    role = iam.create_role(RoleName="layer-role", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    layer = lam.publish_layer_version(LayerName="deps", Content={"ZipFile": tiny_zip()},
                                      CompatibleRuntimes=["python3.12"])
    arn, size = layer["LayerVersionArn"], layer["Content"]["CodeSize"]
    created = lam.create_function(FunctionName="lay", Runtime="python3.12", Role=role, Handler="i.h",
                                  Code={"ZipFile": tiny_zip()}, Layers=[arn])
    check("CreateFunction with a published layer answers Layers [{Arn, CodeSize}]",
          created.get("Layers") == [{"Arn": arn, "CodeSize": size}], created.get("Layers"))
    got = lam.get_function(FunctionName="lay")["Configuration"]
    listed = [f for f in lam.list_functions()["Functions"] if f["FunctionName"] == "lay"]
    check("GetFunction, GetFunctionConfiguration and ListFunctions show the layer",
          got.get("Layers") == created["Layers"]
          and lam.get_function_configuration(FunctionName="lay").get("Layers") == created["Layers"]
          and listed and listed[0].get("Layers") == created["Layers"], got.get("Layers"))
    version = lam.publish_version(FunctionName="lay")
    check("PublishVersion carries the layer", version.get("Layers") == created["Layers"], version.get("Layers"))
    updated = lam.update_function_configuration(FunctionName="lay", Layers=[])
    pinned = lam.get_function(FunctionName="lay", Qualifier=version["Version"])["Configuration"]
    check("Layers [] detaches; the published version keeps its layer",
          "Layers" not in updated and "Layers" not in lam.get_function(FunctionName="lay")["Configuration"]
          and pinned.get("Layers") == created["Layers"], (updated.get("Layers"), pinned.get("Layers")))
    lam.update_function_configuration(FunctionName="lay", Layers=[arn])
    check("UpdateFunctionConfiguration attaches again",
          lam.get_function_configuration(FunctionName="lay").get("Layers") == created["Layers"])
    unknown = arn.rsplit(":", 1)[0] + ":7"
    try:
        lam.update_function_configuration(FunctionName="lay", Layers=[unknown])
        error = {}
    except ClientError as caught:
        error = caught.response
    check("unknown layer version → 404 ResourceNotFoundException as AWS words it",
          error.get("ResponseMetadata", {}).get("HTTPStatusCode") == 404
          and error.get("Error", {}).get("Code") == "ResourceNotFoundException"
          and error.get("Error", {}).get("Message") == f"Layer version {unknown} does not exist.", error.get("Error"))
    check("a refused update leaves the layers as they were",
          lam.get_function(FunctionName="lay")["Configuration"].get("Layers") == created["Layers"])
    check("CreateFunction with an unknown layer → 404, no function",
          error_code(lambda: lam.create_function(FunctionName="lay2", Runtime="python3.12", Role=role,
                                                 Handler="i.h", Code={"ZipFile": tiny_zip()}, Layers=[unknown]))
          == "ResourceNotFoundException"
          and error_code(lambda: lam.get_function(FunctionName="lay2")) == "ResourceNotFoundException")
    lam.delete_function(FunctionName="lay")
    published = lam.create_function(FunctionName="lay", Runtime="python3.12", Role=role, Handler="i.h",
                                    Code={"ZipFile": tiny_zip()}, Layers=[arn], Publish=True)
    check("CreateFunction with Publish: the version it answers keeps the layer",
          published["Version"] == "1" and published.get("Layers") == created["Layers"]
          and lam.get_function_configuration(FunctionName="lay", Qualifier="1").get("Layers") == created["Layers"])
    lam.delete_function(FunctionName="lay")
    lam.create_function(FunctionName="lay", Runtime="python3.12", Role=role, Handler="i.h",
                        Code={"ZipFile": tiny_zip()})
    check("a function re-created without layers has none",
          "Layers" not in lam.get_function(FunctionName="lay")["Configuration"])
    control("/reset", {})


def test_concurrency():
    control("/reset", {})
    iam, lam = client("iam"), client("lambda")
    control("/faults", {"provisioned_ready_seconds": 1})
    role = iam.create_role(RoleName="conc-role", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    lam.create_function(FunctionName="conc", Runtime="python3.12", Role=role, Handler="i.h",
                        Code={"ZipFile": tiny_zip()}, Publish=True)
    lam.create_alias(FunctionName="conc", Name="live", FunctionVersion="1")
    account = lam.get_account_settings()["AccountLimit"]
    check("GetAccountSettings answers (moto: 404)",
          account["ConcurrentExecutions"] == 1000 and account["UnreservedConcurrentExecutions"] == 1000, account)
    lam.put_function_concurrency(FunctionName="conc", ReservedConcurrentExecutions=50)
    check("a reservation lowers the unreserved pool",
          lam.get_account_settings()["AccountLimit"]["UnreservedConcurrentExecutions"] == 950)
    check("a reservation leaving fewer than 100 unreserved → InvalidParameterValueException",
          error_code(lambda: lam.put_function_concurrency(FunctionName="conc", ReservedConcurrentExecutions=950))
          == "InvalidParameterValueException")
    lam.delete_function_concurrency(FunctionName="conc")
    check("provisioned concurrency on $LATEST → InvalidParameterValueException",
          error_code(lambda: lam.put_provisioned_concurrency_config(
              FunctionName="conc", Qualifier="$LATEST", ProvisionedConcurrentExecutions=1))
          == "InvalidParameterValueException")
    check("provisioned concurrency on an unknown alias → ResourceNotFoundException",
          error_code(lambda: lam.put_provisioned_concurrency_config(
              FunctionName="conc", Qualifier="nope", ProvisionedConcurrentExecutions=1))
          == "ResourceNotFoundException")
    put = lam.put_provisioned_concurrency_config(FunctionName="conc", Qualifier="live",
                                                 ProvisionedConcurrentExecutions=3)
    check("a put answers IN_PROGRESS", put["Status"] == "IN_PROGRESS" and put["AllocatedProvisionedConcurrentExecutions"] == 0)
    time.sleep(1.1)
    got = lam.get_provisioned_concurrency_config(FunctionName="conc", Qualifier="live")
    check("…then READY with everything allocated", got["Status"] == "READY"
          and got["AllocatedProvisionedConcurrentExecutions"] == 3, got)
    listed = lam.list_provisioned_concurrency_configs(FunctionName="conc")["ProvisionedConcurrencyConfigs"]
    check("List=ALL lists it with the alias ARN", [c["FunctionArn"].rsplit(":", 1)[1] for c in listed] == ["live"])
    lam.put_provisioned_concurrency_config(FunctionName="conc", Qualifier="1", ProvisionedConcurrentExecutions=5000)
    time.sleep(1.1)
    failed = lam.get_provisioned_concurrency_config(FunctionName="conc", Qualifier="1")
    check("more than the unreserved pool ends FAILED with a StatusReason",
          failed["Status"] == "FAILED" and "unreserved" in failed.get("StatusReason", ""), failed)
    lam.delete_provisioned_concurrency_config(FunctionName="conc", Qualifier="1")
    check("a deleted config is gone (ProvisionedConcurrencyConfigNotFoundException)",
          error_code(lambda: lam.get_provisioned_concurrency_config(FunctionName="conc", Qualifier="1"))
          == "ProvisionedConcurrencyConfigNotFoundException")
    lam.put_function_event_invoke_config(FunctionName="conc", MaximumRetryAttempts=0)
    lam.put_function_event_invoke_config(FunctionName="conc", Qualifier="live", MaximumEventAgeInSeconds=600)
    base = lam.get_function_event_invoke_config(FunctionName="conc")
    live = lam.get_function_event_invoke_config(FunctionName="conc", Qualifier="live")
    check("event-invoke configs are kept per qualifier (moto: one for all)",
          base.get("MaximumRetryAttempts") == 0 and "MaximumEventAgeInSeconds" not in base
          and live.get("MaximumEventAgeInSeconds") == 600 and "MaximumRetryAttempts" not in live, (base, live))
    lam.put_function_event_invoke_config(FunctionName="conc", MaximumRetryAttempts=1)
    check("a second put replaces the first (moto keeps the first)",
          lam.get_function_event_invoke_config(FunctionName="conc").get("MaximumRetryAttempts") == 1)
    lam.update_function_event_invoke_config(FunctionName="conc", MaximumEventAgeInSeconds=120)
    updated = lam.get_function_event_invoke_config(FunctionName="conc")
    check("an update changes only what it names",
          updated.get("MaximumRetryAttempts") == 1 and updated.get("MaximumEventAgeInSeconds") == 120, updated)
    lam.delete_function_event_invoke_config(FunctionName="conc")
    check("a deleted event-invoke config is 404",
          error_code(lambda: lam.get_function_event_invoke_config(FunctionName="conc")) == "ResourceNotFoundException")
    control("/reset", {})


if __name__ == "__main__":
    for test in (test_service_table, test_signatures, test_paths_and_keys, test_faults, test_refusals,
                 test_lambda_emulation, test_layers, test_concurrency):
        print(f"== {test.__name__}")
        try:
            test()
        except Exception as error:  # noqa: BLE001
            check(f"{test.__name__} ran without an unexpected error", False, repr(error))
    print(f"{len(failures)} failure(s)")
    sys.exit(1 if failures else 0)
