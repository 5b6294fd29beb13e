#!/usr/bin/env python3
"""The `Scripts/bench app` driver (called by Scripts/bench-app.sh with the harness env set).

bench-app.py BIN CHALICE WORKDIR — runs the four app measurements against the verifying proxy,
prints one table and exits 1 when a target fails. Every call is counted from the proxy's
request log (/__proxy/log); a write is any call that is not GET/HEAD and whose operation does
not start with Get/List/Describe/Head (IAM's and EventBridge's reads are POSTs).

  app-first / app-unchanged  the same app (BENCH_APP_PLAIN plain functions + BENCH_APP_SCHEDULES
                             scheduled ones, 20 + 10 by default: the Chalice app the issue measured,
                             133 / 182 calls) with `chalice deploy` and `lambdactl deploy`,
                             alternating, medians of LAMBDACTL_BENCH_RUNS (3); moto and the proxy
                             are reset before every first deploy, .chalice/deployed removed.
  triggers-routes-unchanged  20 functions, 10 with an SQS trigger (queues made beforehand with
                             boto3), 8 routes on one HTTP API: unchanged redeploy, no write, <= 2 s.
  quota-50-first             50 functions through a proxy answering 429 above 15 writes/s per API
                             (POST /__proxy/quota {"writes_per_second": 15}); skipped when the
                             proxy answers 404 there.
"""

import collections
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request

CONTROL = os.environ["LAMBDACTL_TEST_CONTROL"]
ENDPOINT = os.environ["LAMBDACTL_TEST_ENDPOINT"]
RUNS = int(os.environ.get("LAMBDACTL_BENCH_RUNS", "3"))
PLAIN = int(os.environ.get("BENCH_APP_PLAIN", "20"))
SCHEDULES = int(os.environ.get("BENCH_APP_SCHEDULES", "10"))
QUOTA = float(os.environ.get("BENCH_APP_QUOTA", "15"))
BUSY = float(os.environ.get("BENCH_APP_BUSY_SECONDS", "0"))
JOBS = ["--jobs", os.environ["BENCH_APP_JOBS"]] if os.environ.get("BENCH_APP_JOBS") else []
RUNTIME = "python3.11"  # what Chalice packages for under this venv's Python; both tools use it
READ_PREFIXES = ("Get", "List", "Describe", "Head", "GET ", "HEAD ")
BUSY_OPERATIONS = ("CreateFunction", "UpdateFunctionCode", "UpdateFunctionConfiguration")


def control(method, route, doc=None):
    data = json.dumps(doc).encode() if doc is not None else None
    request = urllib.request.Request(CONTROL + route, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as answer:
        return json.loads(answer.read() or b"null")


def reset():
    """Clears the proxy (faults, log, emulations) and moto (the proxy resets it too), then warms
    moto up: after a reset its first call of a service builds that service's backend (~0.7 s
    for Lambda), a cost of the stand-in that neither tool would meet in AWS."""
    control("POST", "/reset")
    if BUSY:
        control("POST", "/faults", {"lambda_busy_seconds": BUSY})
    warm_up()


def warm_up():
    """One read of every service the deploys call, straight to moto (not logged, not counted)."""
    import boto3  # from the moto venv (LAMBDACTL_TEST_PYTHON runs this driver)
    endpoint = os.environ.get("LAMBDACTL_TEST_MOTO_ENDPOINT") or ENDPOINT
    region = os.environ.get("AWS_REGION") or "us-east-1"
    def client(name):
        return boto3.client(name, endpoint_url=endpoint, region_name=region,
                            aws_access_key_id="test", aws_secret_access_key="test")
    client("lambda").list_functions()
    client("iam").list_roles()
    client("resourcegroupstaggingapi").get_resources()
    client("scheduler").list_schedule_groups()
    client("sqs").list_queues()
    client("apigatewayv2").get_apis()


def is_write(entry):
    return entry["method"] not in ("GET", "HEAD") and not str(entry["operation"]).startswith(READ_PREFIXES)


def measured(command, cwd, env):
    """Runs command with a cleared proxy log: (seconds, exit code, stderr tail, log entries)."""
    control("DELETE", "/log")
    start = time.perf_counter()
    try:
        done = subprocess.run(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True, timeout=900)
        code, stderr = done.returncode, done.stderr
    except subprocess.TimeoutExpired as expired:
        code, stderr = 124, f"{expired.stderr or ''}\ntimed out after 900 s"
    seconds = time.perf_counter() - start
    return seconds, code, stderr[-1500:], control("GET", "/log")


# --- the apps ----------------------------------------------------------------------------------

def handlers_source(names):
    return "".join(f"def {n}(event, context):\n    return event\n\n" for n in names)


def chalice_project(root):
    os.makedirs(f"{root}/.chalice", exist_ok=True)
    lines = ["from chalice import Chalice, Rate", "", "app = Chalice(app_name='benchapp')", ""]
    for i in range(PLAIN):
        lines += [f"@app.lambda_function(name='fn{i:02}')", f"def fn{i:02}(event, context):", "    return event", ""]
    for i in range(SCHEDULES):
        lines += [f"@app.schedule(Rate({5 + i}, unit=Rate.MINUTES), name='job{i:02}')",
                  f"def job{i:02}(event):", "    return {}", ""]
    with open(f"{root}/app.py", "w") as f:
        f.write("\n".join(lines))
    open(f"{root}/requirements.txt", "w").close()  # empty: nothing for pip to download
    with open(f"{root}/.chalice/config.json", "w") as f:
        json.dump({"version": "2.0", "app_name": "benchapp", "stages": {"dev": {}}}, f, indent=2)


def app_file(root, app, functions, apis=None):
    """Writes root/lambdactl.yml and root/src/app.py; functions: [(key, extra YAML lines)]."""
    os.makedirs(f"{root}/src", exist_ok=True)
    with open(f"{root}/src/app.py", "w") as f:
        f.write(handlers_source(key.replace("-", "_") for key, _ in functions))
    lines = [f"app: {app}", "defaults:", f"  runtime: {RUNTIME}", "  memory: 128", "  timeout: 60", "functions:"]
    for key, extra in functions:
        lines += [f"  {key}:", f"    handler: app.{key.replace('-', '_')}", "    code: src"]
        lines += [f"    {line}" for line in extra]
    if apis:
        lines.append("apis:")
        for name, routes in apis.items():
            lines += [f"  {name}:", "    routes:"]
            lines += [f'      "{route}": {target}' for route, target in routes]
    with open(f"{root}/lambdactl.yml", "w") as f:
        f.write("\n".join(lines) + "\n")


def same_app(root):
    functions = [(f"fn{i:02}", []) for i in range(PLAIN)]
    functions += [(f"job{i:02}", [f'triggers: [{{schedule: "rate({5 + i} minutes)"}}]']) for i in range(SCHEDULES)]
    app_file(root, "benchapp", functions)


def triggers_routes_app(root):
    functions = [(f"worker{i:02}", [f"triggers: [{{sqs: bench-q{i:02}}}]"]) for i in range(10)]
    functions += [(f"api{i:02}", []) for i in range(10)]
    routes = [(f"{verb} /items{i}", f"api{i:02}") for i, verb in zip(range(8), ["GET", "POST"] * 4)]
    app_file(root, "benchtr", functions, {"bench-api": routes})


def make_queues():
    import boto3  # from the moto venv (LAMBDACTL_TEST_PYTHON runs this driver)
    sqs = boto3.client("sqs", endpoint_url=ENDPOINT, region_name=os.environ["AWS_REGION"])
    for i in range(10):
        sqs.create_queue(QueueName=f"bench-q{i:02}")


# --- measurements ------------------------------------------------------------------------------

class Results:
    def __init__(self):
        self.rows, self.failed, self.notes = [], False, []

    def row(self, mode, ours, peer, target, ok, detail=""):
        ratio = f"{ours / peer:.2f}" if isinstance(ours, float) and isinstance(peer, float) and peer else "-"
        fmt = lambda v: f"{v:.3f} s" if isinstance(v, float) else str(v)
        self.rows.append((mode, fmt(ours), fmt(peer), ratio, target, ok, detail))
        self.failed |= ok == "FAIL"

    def print(self):
        print(f"| app (moto via verifying proxy, medians of {RUNS}) | lambdactl | Chalice 1.34 | ratio | target | result | calls |")
        print("|---|---|---|---|---|---|---|")
        for r in self.rows:
            print("| " + " | ".join(r) + " |")
        for note in self.notes:
            print(f"- {note}")


def calls(log):
    writes = sum(1 for e in log if is_write(e))
    return len(log), writes


def fail_note(results, what, code, stderr):
    results.notes.append(f"{what} exited {code}: " + " / ".join(stderr.strip().splitlines()[-3:]))


def bench_same_app(bin_, chalice, work, env, chalice_env, results):
    peer_dir, ours_dir = f"{work}/chalice", f"{work}/same"
    chalice_project(peer_dir)
    same_app(ours_dir)
    deploy = [bin_, "deploy", "-f", "lambdactl.yml", "--endpoint-url", ENDPOINT] + JOBS
    t = collections.defaultdict(list)
    c = {}
    ok = True
    for _ in range(RUNS):
        reset()
        shutil.rmtree(f"{peer_dir}/.chalice/deployed", ignore_errors=True)
        for key, cmd, cwd, e in (("peer-first", [chalice, "deploy"], peer_dir, chalice_env),
                                 ("peer-again", [chalice, "deploy"], peer_dir, chalice_env)):
            s, code, err, log = measured(cmd, cwd, e)
            if code:
                fail_note(results, f"chalice deploy ({key})", code, err); ok = False
            t[key].append(s); c[key] = calls(log)
        reset()
        for key in ("ours-first", "ours-again"):
            s, code, err, log = measured(deploy, ours_dir, env)
            if code:
                fail_note(results, f"lambdactl deploy ({key})", code, err); ok = False
            t[key].append(s)
            c[key] = max(c.get(key, (0, 0)), calls(log), key=lambda v: (v[1], v[0]))  # worst run's writes
    med = {k: statistics.median(v) for k, v in t.items()}
    desc = lambda k: f"{c[k][0]} ({c[k][1]} writes)"
    first_ok = ok and med["ours-first"] <= 0.8 * med["peer-first"]
    again_ok = ok and med["ours-again"] <= 0.5 * med["peer-again"] and c["ours-again"][1] == 0
    n = PLAIN + SCHEDULES
    results.row(f"first deploy, {n} functions ({SCHEDULES} scheduled)", med["ours-first"], med["peer-first"],
                "<= 0.8", "pass" if first_ok else "FAIL",
                f"lambdactl {desc('ours-first')}, Chalice {desc('peer-first')}")
    results.row("unchanged redeploy, same app", med["ours-again"], med["peer-again"],
                "<= 0.5, 0 writes", "pass" if again_ok else "FAIL",
                f"lambdactl {desc('ours-again')}, Chalice {desc('peer-again')}")


def bench_triggers_routes(bin_, work, env, results):
    root = f"{work}/triggers-routes"
    triggers_routes_app(root)
    reset()
    make_queues()
    deploy = [bin_, "deploy", "-f", "lambdactl.yml", "--endpoint-url", ENDPOINT] + JOBS
    s, code, err, log = measured(deploy, root, env)
    if code:
        fail_note(results, "lambdactl deploy (20 functions, 10 SQS, 8 routes: first)", code, err)
        results.row("unchanged redeploy, 20 functions, 10 SQS triggers, 8 routes", "-", "-", "<= 2 s, 0 writes",
                    "FAIL", "first deploy failed")
        return
    first = calls(log)
    times, worst = [], (0, 0)
    for _ in range(RUNS):
        s, code, err, log = measured(deploy, root, env)
        if code:
            fail_note(results, "lambdactl deploy (20 functions, 10 SQS, 8 routes: unchanged)", code, err)
        times.append(s)
        worst = max(worst, calls(log), key=lambda v: (v[1], v[0]))
    med = statistics.median(times)
    good = code == 0 and med <= 2.0 and worst[1] == 0
    results.row("unchanged redeploy, 20 functions, 10 SQS triggers, 8 routes", med, "-", "<= 2 s, 0 writes",
                "pass" if good else "FAIL", f"{worst[0]} ({worst[1]} writes); first deploy {first[0]} ({first[1]} writes) in {s:.2f} s")


def set_quota(value):
    """True when the proxy has the quota control; False when it answers 404."""
    try:
        control("POST", "/quota", {"writes_per_second": value})
        return True
    except urllib.error.HTTPError as error:
        if error.code == 404:
            return False
        raise


def bench_quota(bin_, work, env, results):
    root = f"{work}/quota50"
    app_file(root, "benchq", [(f"q{i:02}", []) for i in range(50)])
    reset()
    if not set_quota(QUOTA):
        results.row(f"first deploy, 50 functions, {QUOTA:g} writes/s per API", "skipped", "-",
                    "<= 1.3x floor, exit 0", "skipped",
                    "the proxy answered 404 on POST /__proxy/quota (no write quota on this branch)")
        return
    s, code, err, log = measured([bin_, "deploy", "-f", "lambdactl.yml", "--endpoint-url", ENDPOINT] + JOBS, root, env)
    if code:
        fail_note(results, "lambdactl deploy (50 functions under the quota)", code, err)
    # The proxy's own count per API (its key: service and operation, or method and resource shape
    # for REST calls logged as `METHOD path`), admitted and throttled.
    report = control("GET", "/quota")
    admitted, throttled = report.get("admitted", {}), report.get("throttled_total", 0)
    api, busiest = max(admitted.items(), key=lambda item: item[1], default=("-", 0))
    accepted = [e for e in log if is_write(e) and e.get("fault") != "quota"]
    # Emulated waits (BENCH_APP_BUSY_SECONDS, 0 by default): each function is busy after its create
    # and after each update; the --jobs workers (4 by default) take the 50 functions in turn.
    updates = collections.Counter(e["path"] for e in accepted if e["operation"] in BUSY_OPERATIONS[1:])
    waits = BUSY * (1 + max(updates.values(), default=0)) * -(-50 // int(os.environ.get("BENCH_APP_JOBS") or 4))
    floor = busiest / QUOTA + waits
    good = code == 0 and s <= 1.3 * floor
    results.row(f"first deploy, 50 functions, {QUOTA:g} writes/s per API", s, "-",
                f"<= 1.3 x {floor:.2f} s floor, exit 0", "pass" if good else "FAIL",
                f"{len(log)} ({len(accepted)} writes admitted, {throttled} throttled); busiest {api}: {busiest} "
                f"admitted; emulated waits {waits:.2f} s; ratio {s / floor:.2f}" if floor else "")
    set_quota(None)


def main():
    bin_, chalice, work = sys.argv[1:4]
    os.makedirs(work, exist_ok=True)
    env = dict(os.environ)
    chalice_env = dict(env, AWS_ENDPOINT_URL=ENDPOINT)
    results = Results()
    bench_same_app(bin_, chalice, work, env, chalice_env, results)
    bench_triggers_routes(bin_, work, env, results)
    bench_quota(bin_, work, env, results)
    reset()
    results.print()
    sys.exit(1 if results.failed else 0)


if __name__ == "__main__":
    main()
