#!/usr/bin/env python3
"""Self-test of the verifying proxy, through boto3 and hand-made requests.

Run with the harness up (`. .tmp/harness/env`), e.g. by Scripts/test. Exits non-zero on failure.
"""

import hashlib
import json
import sys
import time
import urllib.request
from urllib.parse import urlsplit

import boto3
from botocore.auth import S3SigV4Auth, SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.config import Config
from botocore.credentials import Credentials
from botocore.exceptions import ClientError

import aws_proxy_services
from proxy_selftest import ENDPOINT, KEY, NO_RETRY, SECRET, check, client, control, error_code, failures, raw, tiny_zip
from proxy_selftest_code import test_code_location
from proxy_selftest_mappings import test_mapping_emulation
from proxy_selftest_deny import test_deny_operations
from proxy_selftest_metrics import test_metric_percentiles
from proxy_selftest_quota import test_concurrent_emulations, test_write_quota


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


def test_vpc_permission_emulation():
    """After the VPC access policy is attached, a VPC function's update is refused for a while."""
    control("/reset", {})
    iam, lam = client("iam"), client("lambda")
    role = iam.create_role(RoleName="vpc-role", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    lam.create_function(FunctionName="vpcfn", Runtime="python3.12", Role=role, Handler="i.h",
                        Code={"ZipFile": tiny_zip()})
    vpc = {"SubnetIds": ["subnet-1"], "SecurityGroupIds": ["sg-1"]}
    control("/faults", {"vpc_permission_seconds": 2})
    check("a VPC update with a role that never got the VPC policy passes (no window started)",
          error_code(lambda: lam.update_function_configuration(FunctionName="vpcfn", VpcConfig=vpc)) is None)
    iam.attach_role_policy(
        RoleName="vpc-role", PolicyArn="arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole")
    lam.get_function_configuration(FunctionName="vpcfn")
    try:
        lam.update_function_configuration(FunctionName="vpcfn", Timeout=7)
        refusal = None
    except ClientError as error:
        refusal = error.response["Error"]
    check("right after AttachRolePolicy a VPC function's update → InvalidParameterValueException CreateNetworkInterface",
          refusal is not None and refusal["Code"] == "InvalidParameterValueException"
          and "CreateNetworkInterface" in refusal["Message"], refusal)
    check("a function outside a VPC is not refused",
          error_code(lambda: lam.update_function_configuration(
              FunctionName="vpcfn", VpcConfig={"SubnetIds": [], "SecurityGroupIds": []})) is None)
    time.sleep(2.1)
    check("once the permission has propagated the VPC update passes",
          error_code(lambda: lam.update_function_configuration(FunctionName="vpcfn", VpcConfig=vpc)) is None)
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
        "sqs": ("POST", "/", {"X-Amz-Target": "AmazonSQS.GetQueueUrl", "Content-Type": "application/x-amz-json-1.0"},
                b'{"QueueName":"q"}'),
        "sns": ("POST", "/", {"Content-Type": "application/x-www-form-urlencoded"},
                b"Action=ListSubscriptionsByTopic&Version=2010-03-31&TopicArn=arn"),
        "events": ("POST", "/", {"X-Amz-Target": "AWSEvents.DescribeRule", "Content-Type": "application/x-amz-json-1.1"},
                   b'{"Name":"r"}'),
        "scheduler": ("GET", "/schedules/nightly?groupName=lambdactl", {}, b""),
        "kinesis": ("POST", "/", {"X-Amz-Target": "Kinesis_20131202.DescribeStreamSummary",
                                 "Content-Type": "application/x-amz-json-1.1"}, b'{"StreamName":"s"}'),
        "dynamodb": ("POST", "/", {"X-Amz-Target": "DynamoDB_20120810.DescribeTable",
                                  "Content-Type": "application/x-amz-json-1.0"}, b'{"TableName":"t"}'),
        "tagging": ("POST", "/", {"X-Amz-Target": "ResourceGroupsTaggingAPI_20170126.GetResources",
                                 "Content-Type": "application/x-amz-json-1.1"}, b'{}'),
        "monitoring": ("POST", "/", {"Content-Type": "application/x-www-form-urlencoded"},
                       b"Action=DescribeAlarms&Version=2010-08-01"),
    }
    missing = {"query": b"<Code>MissingAuthenticationToken</Code>", "rest-xml": b"<Code>AccessDenied</Code>"}
    check("every row of the table has a sample request", set(samples) == set(aws_proxy_services.BY_NAME) - {
        alias for row in aws_proxy_services.SERVICES for alias in row.aliases}, sorted(samples))
    for row in aws_proxy_services.SERVICES:
        model = session.client(row.model or row.signing_name, region_name="us-east-1",
                               aws_access_key_id=KEY, aws_secret_access_key=SECRET).meta.service_model
        metadata = model.metadata
        # A model whose first protocol is newer (smithy-rpc-v2-cbor) still lists the one we speak
        # (CloudWatch lists cbor, json and query; moto and lambdactl speak query).
        spoken = {protocols[p].format(metadata.get("jsonVersion", ""))
                  for p in [model.protocol, *metadata.get("protocols", [])] if p in protocols}
        names = (row.signing_name, *row.aliases)
        check(f"table: {row.signing_name} signs and speaks as botocore's model says",
              model.signing_name in names and row.protocol in spoken
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
    first = lam.list_function_event_invoke_configs(FunctionName="conc", MaxItems=1)
    rest = lam.list_function_event_invoke_configs(FunctionName="conc", Marker=first.get("NextMarker", ""))
    listed = [c.get("FunctionArn", "").rsplit(":", 1)[-1]
              for c in first["FunctionEventInvokeConfigs"] + rest["FunctionEventInvokeConfigs"]]
    check("every qualifier's event-invoke config is listed, page by page (moto: 404)",
          listed == ["conc", "live"] and "NextMarker" in first and "NextMarker" not in rest, (first, rest))
    lam.delete_function_event_invoke_config(FunctionName="conc")
    check("a deleted event-invoke config is 404",
          error_code(lambda: lam.get_function_event_invoke_config(FunctionName="conc")) == "ResourceNotFoundException")
    control("/reset", {})


def test_s3_notifications():
    """PutBucketNotificationConfiguration is refused as S3 refuses it: a function that has not
    let s3.amazonaws.com invoke it for this bucket, or two entries that overlap."""
    control("/reset", {})
    iam, lam = client("iam"), client("lambda")
    s3 = boto3.client("s3", endpoint_url=ENDPOINT, region_name="us-east-1", aws_access_key_id=KEY,
                      aws_secret_access_key=SECRET, config=NO_RETRY.merge(Config(s3={"addressing_style": "path"})))
    role = iam.create_role(RoleName="notify-role", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    fn = lam.create_function(FunctionName="thumbs", Runtime="python3.12", Role=role, Handler="i.h",
                             Code={"ZipFile": tiny_zip()})["FunctionArn"]
    s3.create_bucket(Bucket="photos")
    queue = {"QueueArn": "arn:aws:sqs:us-east-1:123456789012:q", "Events": ["s3:ObjectCreated:*"],
             "Filter": {"Key": {"FilterRules": [{"Name": "prefix", "Value": "logs/"}]}}}
    ours = {"Id": "lambdactl-thumbs-s3-0123456789ab", "LambdaFunctionArn": fn, "Events": ["s3:ObjectCreated:Put"],
            "Filter": {"Key": {"FilterRules": [{"Name": "prefix", "Value": "uploads/"}]}}}

    def put(*functions, queues=(queue,), **extra):
        return error_code(lambda: s3.put_bucket_notification_configuration(
            Bucket="photos", NotificationConfiguration={"QueueConfigurations": list(queues),
                                                        "LambdaFunctionConfigurations": list(functions)}, **extra))

    def message():
        entry = control("/log")[-1]
        return entry.get("fault")

    check("a notification for a function without an s3.amazonaws.com permission → InvalidArgument",
          put(ours) == "InvalidArgument" and message() == "emulated:InvalidArgument")
    check("… and nothing was written", "LambdaFunctionConfigurations" not in
          s3.get_bucket_notification_configuration(Bucket="photos"))
    check("with x-amz-skip-destination-validation S3 skips the permission check",
          put(ours, SkipDestinationValidation=True) is None)
    lam.add_permission(FunctionName="thumbs", StatementId="other-bucket", Action="lambda:InvokeFunction",
                       Principal="s3.amazonaws.com", SourceArn="arn:aws:s3:::elsewhere", SourceAccount="123456789012")
    check("a permission for another bucket does not validate this one", put(ours) == "InvalidArgument")
    lam.add_permission(FunctionName="thumbs", StatementId="photos", Action="lambda:InvokeFunction",
                       Principal="s3.amazonaws.com", SourceArn="arn:aws:s3:::photos", SourceAccount="123456789012")
    check("with the permission for this bucket the configuration is written", put(ours) is None)
    stored = s3.get_bucket_notification_configuration(Bucket="photos")
    check("… queue and function entries both stored", len(stored.get("QueueConfigurations", [])) == 1
          and len(stored.get("LambdaFunctionConfigurations", [])) == 1, stored)
    overlapping = dict(ours, Filter={"Key": {"FilterRules": [{"Name": "prefix", "Value": "logs/2026/"}]}})
    check("an entry sharing ObjectCreated with the queue under an overlapping prefix → InvalidArgument",
          put(overlapping) == "InvalidArgument")
    suffixed = dict(ours, Filter={"Key": {"FilterRules": [{"Name": "suffix", "Value": ".jpg"}]}})
    check("no prefix overlaps every prefix when the events overlap", put(suffixed) == "InvalidArgument")
    removed = dict(ours, Events=["s3:ObjectRemoved:*"])
    del removed["Filter"]
    outcome = put(removed)
    check("other event types never overlap", outcome is None, outcome)
    check("an empty configuration is always accepted", put(queues=()) is None)
    control("/reset", {})


def test_scheduler_expressions():
    """CreateSchedule / UpdateSchedule are refused with ValidationException for expressions,
    time zones and flexible windows Scheduler refuses; good ones reach moto."""
    control("/reset", {})
    scheduler = client("scheduler")
    target = {"Arn": "arn:aws:lambda:us-east-1:123456789012:function:f",
              "RoleArn": "arn:aws:iam::123456789012:role/lambdactl-scheduler"}

    def create(name, expression, **extra):
        extra.setdefault("FlexibleTimeWindow", {"Mode": "OFF"})
        return error_code(lambda: scheduler.create_schedule(Name=name, ScheduleExpression=expression,
                                                            Target=target, **extra))

    for index, expression in enumerate(["rate(1 minute)", "rate(5 minutes)", "cron(0 2 * * ? *)",
                                        "cron(0/15 8-17 ? * MON-FRI *)", "cron(0 0 L * ? *)",
                                        "cron(0 9 ? * 2#1 2026-2030)", "at(2026-12-24T18:00:00)"]):
        check(f"Scheduler accepts {expression}", create(f"good-{index}", expression) is None)
    for index, expression in enumerate(["rate(1 minutes)", "rate(5 minute)", "rate(0 minutes)", "rate(30 seconds)",
                                        "cron(0 2 * * *)", "cron(0 2 * * MON *)", "cron(0 2 ? * ? *)",
                                        "cron(60 2 * * ? *)", "cron(0 2 ? * 8 *)", "at(2026-02-30T00:00:00)",
                                        "at(2026-12-24 18:00:00)", "every day"]):
        check(f"Scheduler refuses {expression}", create(f"bad-{index}", expression) == "ValidationException")
    check("an unknown time zone → ValidationException",
          create("zone", "rate(1 day)", ScheduleExpressionTimezone="Mars/Olympus") == "ValidationException")
    check("a known time zone is accepted",
          create("zone", "rate(1 day)", ScheduleExpressionTimezone="Europe/Berlin") is None)
    check("UpdateSchedule is checked too", error_code(lambda: scheduler.update_schedule(
        Name="zone", ScheduleExpression="rate(1 days)", Target=target, FlexibleTimeWindow={"Mode": "OFF"}))
          == "ValidationException")
    control("/reset", {})


def test_settings():
    control("/reset", {})
    iam, lam = client("iam"), client("lambda")
    role = iam.create_role(RoleName="settings-role", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    base = dict(Runtime="python3.12", Role=role, Handler="i.h", Code={"ZipFile": tiny_zip()})
    created = lam.create_function(FunctionName="set", **base)
    check("a new function reports AWS's defaults",
          created.get("TracingConfig") == {"Mode": "PassThrough"} and created.get("EphemeralStorage") == {"Size": 512}
          and created.get("LoggingConfig") == {"LogFormat": "Text", "LogGroup": "/aws/lambda/set"}
          and created.get("SnapStart") == {"ApplyOn": "None", "OptimizationStatus": "Off"}
          and "DeadLetterConfig" not in created, created)
    dlq = "arn:aws:sqs:us-east-1:123456789012:dlq"
    lam.update_function_configuration(
        FunctionName="set", TracingConfig={"Mode": "Active"}, EphemeralStorage={"Size": 1024},
        LoggingConfig={"LogFormat": "JSON", "ApplicationLogLevel": "DEBUG", "LogGroup": "/custom/group"},
        DeadLetterConfig={"TargetArn": dlq})
    got = lam.get_function(FunctionName="set")["Configuration"]
    listed = [f for f in lam.list_functions()["Functions"] if f["FunctionName"] == "set"][0]
    config = lam.get_function_configuration(FunctionName="set")
    check("UpdateFunctionConfiguration keeps tracing, /tmp, logging and the dead-letter queue",
          got.get("TracingConfig") == {"Mode": "Active"} and got.get("EphemeralStorage") == {"Size": 1024}
          and got.get("LoggingConfig") == {"LogFormat": "JSON", "ApplicationLogLevel": "DEBUG",
                                           "SystemLogLevel": "INFO", "LogGroup": "/custom/group"}
          and got.get("DeadLetterConfig") == {"TargetArn": dlq}, got)
    check("GetFunctionConfiguration and ListFunctions show the same settings",
          all(c.get(k) == got.get(k) for c in (listed, config)
              for k in ("TracingConfig", "EphemeralStorage", "LoggingConfig", "DeadLetterConfig")), (listed, config))
    check("log levels with the Text format → InvalidParameterValueException",
          error_code(lambda: lam.update_function_configuration(
              FunctionName="set", LoggingConfig={"LogFormat": "Text", "ApplicationLogLevel": "WARN"}))
          == "InvalidParameterValueException")
    check("/tmp above 10240 MB → ValidationException",
          error_code(lambda: lam.update_function_configuration(FunctionName="set", EphemeralStorage={"Size": 20000}))
          == "ValidationException")
    check("a dead-letter target that is no queue or topic → InvalidParameterValueException",
          error_code(lambda: lam.update_function_configuration(
              FunctionName="set", DeadLetterConfig={"TargetArn": "arn:aws:s3:::bucket"}))
          == "InvalidParameterValueException")
    check("SnapStart with 1024 MB of /tmp → InvalidParameterValueException",
          error_code(lambda: lam.update_function_configuration(FunctionName="set", SnapStart={"ApplyOn": "PublishedVersions"}))
          == "InvalidParameterValueException")
    lam.update_function_configuration(FunctionName="set", DeadLetterConfig={"TargetArn": ""},
                                      LoggingConfig={"LogFormat": "Text"}, EphemeralStorage={"Size": 512},
                                      SnapStart={"ApplyOn": "PublishedVersions"})
    got = lam.get_function(FunctionName="set")["Configuration"]
    check("TargetArn '' removes the queue; Text drops the levels; SnapStart on $LATEST is Off",
          "DeadLetterConfig" not in got and got["LoggingConfig"] == {"LogFormat": "Text", "LogGroup": "/custom/group"}
          and got["SnapStart"] == {"ApplyOn": "PublishedVersions", "OptimizationStatus": "Off"}, got)
    version = lam.publish_version(FunctionName="set")["Version"]
    lam.update_function_configuration(FunctionName="set", SnapStart={"ApplyOn": "None"}, TracingConfig={"Mode": "PassThrough"})
    pinned = lam.get_function(FunctionName="set", Qualifier=version)["Configuration"]
    check("a published version keeps its settings, SnapStart optimization On",
          pinned["SnapStart"] == {"ApplyOn": "PublishedVersions", "OptimizationStatus": "On"}
          and pinned["TracingConfig"] == {"Mode": "Active"}, pinned)
    check("SnapStart on python3.11 → InvalidParameterValueException, nothing created",
          error_code(lambda: lam.create_function(FunctionName="set2", SnapStart={"ApplyOn": "PublishedVersions"},
                                                 **dict(base, Runtime="python3.11")))
          == "InvalidParameterValueException"
          and error_code(lambda: lam.get_function(FunctionName="set2")) == "ResourceNotFoundException")
    made = lam.create_function(FunctionName="set3", TracingConfig={"Mode": "Active"}, EphemeralStorage={"Size": 2048},
                               VpcConfig={"SubnetIds": ["subnet-0123456789abcdef0"],
                                          "SecurityGroupIds": ["sg-0123456789abcdef0"],
                                          "Ipv6AllowedForDualStack": True}, **base)
    check("CreateFunction keeps tracing, /tmp and the VPC with IPv6",
          made["TracingConfig"] == {"Mode": "Active"} and made["EphemeralStorage"] == {"Size": 2048}
          and made["VpcConfig"].get("Ipv6AllowedForDualStack") is True, made)
    control("/reset", {})


if __name__ == "__main__":
    for test in (test_service_table, test_signatures, test_paths_and_keys, test_faults, test_refusals,
                 test_lambda_emulation, test_mapping_emulation, test_layers, test_s3_notifications,
                 test_scheduler_expressions, test_settings, test_vpc_permission_emulation, test_concurrency,
                 test_deny_operations, test_write_quota, test_concurrent_emulations, test_metric_percentiles,
                 test_code_location):
        print(f"== {test.__name__}")
        try:
            test()
        except Exception as error:  # noqa: BLE001
            check(f"{test.__name__} ran without an unexpected error", False, repr(error))
    print(f"{len(failures)} failure(s)")
    sys.exit(1 if failures else 0)
