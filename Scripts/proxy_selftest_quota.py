"""Proxy self-test: the per-API write quota (aws_proxy_quota) and the emulations under concurrent
requests (per-function locks in aws_proxy.py, S3's OperationAborted in aws_proxy_notifications)."""

import threading
import time

from botocore.exceptions import ClientError

from proxy_selftest import check, client, control, tiny_zip

def outcome(call):
    """("ok", None) or (HTTP status, code, the error's parsed response)."""
    try:
        call()
        return ("ok",)
    except ClientError as error:
        return error.response["ResponseMetadata"]["HTTPStatusCode"], error.response["Error"]["Code"], error.response


def in_threads(calls, threads=6):
    """Runs the calls from `threads` threads at once; their outcomes in call order."""
    results = [None] * len(calls)
    start = threading.Barrier(threads)

    def worker(offset):
        start.wait()
        for index in range(offset, len(calls), threads):
            results[index] = outcome(calls[index])

    workers = [threading.Thread(target=worker, args=(n,)) for n in range(threads)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join()
    return results


def test_write_quota():
    """Above N writes a second per API: the service's own throttle; reads pass; reset lifts it."""
    control("/reset", {})
    lam, iam = client("lambda"), client("iam")
    setting = control("/quota", {"writes_per_second": 5})
    check("quota: POST /__proxy/quota sets writes_per_second", setting.get("writes_per_second") == 5, setting)
    zipped = tiny_zip()
    began = time.monotonic()
    results = in_threads([lambda: lam.publish_layer_version(LayerName="quota", Content={"ZipFile": zipped})
                          for _ in range(24)])
    took = time.monotonic() - began
    throttled = [r for r in results if r[0] != "ok"]
    check("quota: a burst of 24 writes from 6 threads → some throttled, at most 5 a second admitted",
          throttled and len(results) - len(throttled) <= 5 * (int(took) + 1), (len(throttled), took))
    check("quota: Lambda's throttle is 429 TooManyRequestsException, Reason CallerRateLimitExceeded",
          all(r[0] == 429 and r[1] == "TooManyRequestsException" and r[2].get("Reason") == "CallerRateLimitExceeded"
              and r[2].get("Type") == "User" for r in throttled), throttled[:1])
    reads = in_threads([lambda: lam.list_layer_versions(LayerName="quota") for _ in range(24)])
    check("quota: 24 reads at once are never throttled", all(r == ("ok",) for r in reads), reads[:2])
    iam_results = in_threads([lambda n=n: iam.create_role(RoleName=f"quota-{n}", AssumeRolePolicyDocument="{}")
                              for n in range(12)])
    iam_throttled = [r for r in iam_results if r[0] != "ok"]
    check("quota: IAM (query) answers 400 Throttling", iam_throttled and all(
        r[:2] == (400, "Throttling") for r in iam_throttled), iam_results[:1])
    report = control("/quota")
    check("quota: GET /__proxy/quota counts the throttled per API",
          report["throttled"].get("lambda PublishLayerVersion") == len(throttled)
          and report["throttled"].get("iam CreateRole") == len(iam_throttled)
          and report["throttled_total"] == len(throttled) + len(iam_throttled), report)
    check("quota: throttled requests are logged with fault 'quota'",
          sum(1 for e in control("/log") if e["fault"] == "quota") == len(throttled) + len(iam_throttled))
    control("/reset", {})
    check("quota: /__proxy/reset lifts it", control("/quota")["writes_per_second"] is None)
    again = in_threads([lambda: lam.publish_layer_version(LayerName="quota", Content={"ZipFile": zipped})
                        for _ in range(12)])
    check("quota: after reset a burst of writes all pass", all(r == ("ok",) for r in again), again[:1])
    control("/reset", {})


def test_concurrent_emulations():
    """Busy state and S3 notification writes stay right when requests arrive at once."""
    control("/reset", {})
    control("/faults", {"lambda_busy_seconds": 2})
    lam, s3, iam = client("lambda"), client("s3"), client("iam")
    role = iam.create_role(RoleName="race-role", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    base = dict(Runtime="python3.12", Role=role, Handler="i.h", Code={"ZipFile": tiny_zip()})
    for name in ("busy-a", "busy-b"):
        lam.create_function(FunctionName=name, **base)
    time.sleep(2.1)
    updates = in_threads([lambda n=n: lam.update_function_configuration(FunctionName="busy-a", MemorySize=128 + n)
                          for n in range(6)])
    check("concurrency: 6 updates of one function at once → exactly one accepted, the rest 409",
          updates.count(("ok",)) == 1 and all(r[:2] == (409, "ResourceConflictException") for r in updates
                                              if r != ("ok",)), [r[:2] for r in updates])
    state = lam.get_function_configuration(FunctionName="busy-a")
    check("concurrency: the accepted update is InProgress with its memory",
          state["LastUpdateStatus"] == "InProgress" and 128 <= state["MemorySize"] < 134, state)
    control("/faults", {"lambda_busy_seconds": None})
    both = in_threads([lambda name=name: lam.update_function_configuration(FunctionName=name, Timeout=9)
                       for name in ("busy-b", "busy-b-missing")], threads=2)
    check("concurrency: updates of different functions do not wait for each other's lock",
          both[0] == ("ok",) and both[1][1] == "ResourceNotFoundException", both)
    s3.create_bucket(Bucket="notify-race")
    empty = {"QueueConfigurations": [], "TopicConfigurations": [], "LambdaFunctionConfigurations": []}
    puts = in_threads([lambda: s3.put_bucket_notification_configuration(
        Bucket="notify-race", NotificationConfiguration=empty) for _ in range(8)], threads=8)
    check("concurrency: concurrent notification writes to one bucket → 409 OperationAborted for the overlap",
          ("ok",) in puts and any(r[:2] == (409, "OperationAborted") for r in puts)
          and all(r == ("ok",) or r[:2] == (409, "OperationAborted") for r in puts),
          [r[:2] for r in puts])
    check("concurrency: one notification write at a time always passes",
          all(outcome(lambda: s3.put_bucket_notification_configuration(
              Bucket="notify-race", NotificationConfiguration=empty)) == ("ok",) for _ in range(3)))
    control("/reset", {})
