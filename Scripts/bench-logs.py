#!/usr/bin/env python3
"""Logs benchmark helper (see Scripts/bench-logs.sh).

  bench-logs.py seed GROUP COUNT       put COUNT events into GROUP (5 streams), straight to moto
  bench-logs.py latency BIN GROUP N    follow GROUP with BIN; put N events ~0.7 s apart; print the
                                       median and max seconds from PutLogEvents returning to the line
"""
import os
import statistics
import subprocess
import sys
import threading
import time

import boto3


def client():
    return boto3.client("logs", endpoint_url=os.environ["LAMBDACTL_TEST_MOTO_ENDPOINT"],
                        region_name=os.environ.get("LAMBDACTL_TEST_REGION", "us-east-1"),
                        aws_access_key_id="test", aws_secret_access_key="test")


def seed(group, count):
    logs = client()
    logs.create_log_group(logGroupName=group)
    streams = [f"2026/11/23/[$LATEST]bench{i}" for i in range(5)]
    for stream in streams:
        logs.create_log_stream(logGroupName=group, logStreamName=stream)
    now = int(time.time() * 1000) - 60_000
    for index, stream in enumerate(streams):
        events = [{"timestamp": now + n * 5 + index, "message": f"event {n * 5 + index} of the benchmark, padded to look like a log line"}
                  for n in range(count // len(streams))]
        for start in range(0, len(events), 5000):
            logs.put_log_events(logGroupName=group, logStreamName=stream, logEvents=events[start:start + 5000])


def latency(binary, group, count):
    logs = client()
    logs.create_log_group(logGroupName=group)
    logs.create_log_stream(logGroupName=group, logStreamName="s")
    env = dict(os.environ, AWS_ACCESS_KEY_ID=os.environ["LAMBDACTL_TEST_ACCESS_KEY_ID"],
               AWS_SECRET_ACCESS_KEY=os.environ["LAMBDACTL_TEST_SECRET_ACCESS_KEY"],
               AWS_REGION=os.environ.get("LAMBDACTL_TEST_REGION", "us-east-1"),
               AWS_ENDPOINT_URL=os.environ["LAMBDACTL_TEST_ENDPOINT"])
    process = subprocess.Popen([binary, "logs", "--log-group", group, "--follow", "--since", "1m",
                                "--until-pattern", "^stop$"], stdout=subprocess.PIPE, env=env, text=True)
    printed = {}

    def reader():
        for line in process.stdout:
            printed[line.rstrip("\n").split(" ", 1)[-1]] = time.monotonic()

    thread = threading.Thread(target=reader, daemon=True)
    thread.start()
    time.sleep(2)
    put = {}
    for n in range(count):
        logs.put_log_events(logGroupName=group, logStreamName="s",
                            logEvents=[{"timestamp": int(time.time() * 1000), "message": f"probe {n}"}])
        put[f"probe {n}"] = time.monotonic()
        time.sleep(0.7 + (n % 3) * 0.11)
    time.sleep(3)
    logs.put_log_events(logGroupName=group, logStreamName="s",
                        logEvents=[{"timestamp": int(time.time() * 1000), "message": "stop"}])
    process.wait(timeout=30)
    thread.join(timeout=5)
    delays = [printed[key] - put[key] for key in put if key in printed]
    missing = len(put) - len(delays)
    print(f"{statistics.median(delays):.3f} {max(delays):.3f} {missing}")


if __name__ == "__main__":
    if sys.argv[1] == "seed":
        seed(sys.argv[2], int(sys.argv[3]))
    else:
        latency(sys.argv[2], sys.argv[3], int(sys.argv[4]))
