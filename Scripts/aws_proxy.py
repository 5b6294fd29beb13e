#!/usr/bin/env python3
"""Verifying, fault-injecting loopback proxy in front of moto (see docs/harness.md).

An importable module: `python Scripts/aws_proxy.py …` runs `main()` (Scripts/moto does), and a
test can `import aws_proxy` from Scripts/ to drive `Handler` and `ProxyState` directly. The
services it knows come from one table, aws_proxy_services.SERVICES.

Every request's SigV4 signature is checked with botocore before it reaches moto; bad ones get
the AWS-shaped 403 of their service. Faults (throttling, 5xx, resets, lost answers, clock offset)
and real-Lambda behaviour (Pending/InProgress windows, 409s, RevisionId, role propagation) are
switched on through the unsigned control API under /__proxy/.
"""

import argparse
import contextlib
import base64
import http.client
import json
import os
import random
import socket
import struct
import sys
import threading
import time
import uuid
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from aws_proxy_code import CodePackages
from aws_proxy_deny import denial_for
from aws_proxy_concurrency import ANSWERED as CONCURRENCY_ANSWERED, ConcurrencyEmulation
from aws_proxy_lambda import LambdaEmulation, lambda_operation, lambda_resource
from aws_proxy_notifications import bucket_of, check as notification_refusal, is_notification_put, NotificationWrites
from aws_proxy_quota import WriteQuota
from aws_proxy_s3 import checksum_refusal
from aws_proxy_scheduler import check as schedule_refusal, ClientTokens
import aws_proxy_conflicts
import aws_proxy_killpoint
import aws_proxy_tagging
from aws_proxy_metrics import MetricStore
from aws_proxy_services import emulates
from aws_proxy_shapes import (auth_error, detect_service, error_answer, new_request_id, operation_name,
                              server_error_answer, throttle_answer)
from aws_proxy_verify import UNSIGNED_ACTIONS, KeyStore, parse_authorization, query_values, sign, verify

HOP_BY_HOP = {"connection", "keep-alive", "proxy-connection", "transfer-encoding", "te", "trailer",
              "upgrade", "expect", "content-length", "proxy-authorization", "proxy-authenticate"}
FAULT_KEYS = ("throttle_rate", "error5xx_rate", "reset_rate", "lost_answer_rate")


class ProxyState:
    """Everything the handlers share, guarded by one lock."""

    def __init__(self, upstream, static_keys):
        self.lock = threading.Lock()
        self.resource_locks = {}
        self.upstream = upstream
        self.static_keys = static_keys
        self.keys = KeyStore()
        self.faults = {}
        self.rng = random.Random()
        self.log = []
        self.lambda_emulation = LambdaEmulation()
        self.quota = WriteQuota()
        self.metrics = MetricStore()
        self.notification_writes = NotificationWrites()
        self.client_tokens = ClientTokens()
        self.code_packages = CodePackages()
        self.reset_locked()

    def resource_lock(self, key):
        """The lock of one Lambda resource (a function, mapping or layer); a null context for None.

        A request on a resource holds its lock from the emulation's check through moto's answer
        to the rewrite, so check → moto → record is atomic per resource (a second update of a
        busy function sees the first one's InProgress, a read sees moto and the emulation agree)
        while calls on different functions run concurrently, as on AWS. Taken before the state
        lock, never while holding it; a request holds at most one.
        """
        if key is None:
            return contextlib.nullcontext()
        with self.lock:
            return self.resource_locks.setdefault(key, threading.Lock())

    def reset_locked(self):
        """Clears faults, log, learned keys and emulation state (lock held or not yet shared)."""
        self.faults = {}
        self.rng = random.Random()
        self.log = []
        self.keys = KeyStore()
        for access_key, secret in self.static_keys:
            self.keys.add(access_key, secret)
        self.lambda_emulation.reset()
        self.quota.reset()
        self.client_tokens.reset()
        self.metrics.reset()
        self.code_packages.reset()

    def now(self):
        """The proxy's clock: real time shifted by `clock_offset_seconds`."""
        return time.time() + float(self.faults.get("clock_offset_seconds") or 0)

    def roll_fault(self, service, operation):
        """Which fault (if any) to inject into this request."""
        services = self.faults.get("fault_services")
        operations = self.faults.get("fault_operations")
        if (services and service not in services) or (operations and operation not in operations):
            return None
        draw, edge = self.rng.random(), 0.0
        for key in FAULT_KEYS:
            edge += float(self.faults.get(key) or 0)
            if draw < edge:
                return key[: -len("_rate")]
        return None


def refusal_for(faults, service, operation):
    """(status, code, message) when `refuse_operations` names `operation`, else None.

    The setting maps an operation name (as in the log) to `{"status", "code", "message"}` (each
    optional; default 403 AccessDeniedException, an IAM-style "not authorized" message) or to a
    bare error code. It holds until removed (`{"refuse_operations": null}`).
    """
    spec = (faults.get("refuse_operations") or {}).get(operation)
    if spec is None:
        return None
    if isinstance(spec, str):
        spec = {"code": spec}
    message = spec.get("message") or (
        f"User: arn:aws:iam::123456789012:user/lambdactl-test is not authorized to perform: "
        f"{service}:{operation} because no identity-based policy allows the {service}:{operation} action")
    return int(spec.get("status") or 403), spec.get("code") or "AccessDeniedException", message


class Handler(BaseHTTPRequestHandler):
    """One request: control API, or verify → maybe fault → forward → rewrite → answer."""

    protocol_version = "HTTP/1.1"
    server_version = "lambdactl-harness-proxy"
    state: ProxyState = None
    verbose = False

    def log_message(self, fmt, *args):
        if self.verbose:
            sys.stderr.write("proxy: " + (fmt % args) + "\n")

    def read_body(self):
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks = []
            while True:
                size = int(self.rfile.readline().split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline() not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                chunks.append(self.rfile.read(size))
                self.rfile.readline()
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def answer(self, status, headers, body, request_id=None, now=None):
        before, self.before_answer = getattr(self, "before_answer", None), None
        if before:
            before()
        self.send_response_only(status)
        lower = {k.lower() for k in headers}
        if "x-amzn-requestid" not in lower and "x-amz-request-id" not in lower:
            self.send_header("x-amzn-RequestId", request_id or new_request_id())
        self.send_header("Date", formatdate(now if now is not None else self.state.now(), usegmt=True))
        for name, value in headers.items():
            if name.lower() not in HOP_BY_HOP and name.lower() != "date":
                self.send_header(name, value)
        if self.command == "HEAD" and "content-length" in {k.lower() for k in self.upstream_headers}:
            self.send_header("Content-Length", self.upstream_headers["content-length"])
        else:
            self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD" and body:
            self.wfile.write(body)
        self.close_connection = True

    def abort(self):
        """Closes the socket with a reset and no answer."""
        self.close_connection = True
        try:
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
        except OSError:
            pass

    def handle_any(self):
        self.upstream_headers = {}
        body = self.read_body()
        if self.path.startswith("/__proxy/"):
            return self.control(body)
        state = self.state
        auth = parse_authorization(self.headers.get("Authorization") or "")
        credential = auth["Credential"] if auth else query_values(self.path.partition("?")[2]).get(
            "X-Amz-Credential", "")
        scope = credential.split("/")[3] if credential.count("/") == 4 else None
        service = detect_service(scope, self.path, self.headers, body)
        operation = operation_name(service, self.command, self.path, self.headers, body)
        request_id = new_request_id()
        entry = {"time": time.time(), "method": self.command, "path": self.path.partition("?")[0],
                 "query": self.path.partition("?")[2], "service": service, "operation": operation,
                 "body_size": len(body), "access_key_id": None, "verified": False, "verdict": None,
                 "reason": None, "status": None, "fault": None, "request_id": request_id}
        early = None
        with state.lock:
            state.log.append(entry)
            now = state.now()
            if emulates(service, "credential-exchange") and self.path.startswith("/federation/credentials"):
                early = self.sso_credentials(entry, now)
            elif operation in UNSIGNED_ACTIONS and not self.headers.get("Authorization"):
                entry.update(verified=True, verdict="unsigned-allowed")
            else:
                verdict = verify(state.keys, self.command, self.path, self.headers, body, now, service)
                entry.update(access_key_id=verdict.access_key or None, verified=verdict.ok,
                             verdict=verdict.kind, reason=(verdict.message + "\n" + verdict.detail).strip())
                if not verdict.ok:
                    early = auth_error(service, verdict.kind, verdict.message + verdict.answer_detail, request_id)
                    entry["status"] = early[0]
            if early is None and not state.quota.admit(service, self.command, operation, self.path):
                early = throttle_answer(service, request_id)
                entry.update(status=early[0], fault="quota")
        if early:
            return self.answer(*early, request_id, now)
        lambda_op, function = lambda_operation(self.command, self.path.partition("?")[0]) \
            if emulates(service, "function-lifecycle") else (None, None)
        lambda_op = lambda_op and ConcurrencyEmulation.operation(lambda_op, self.command, self.path.partition("?")[2])
        lock_key = lambda_resource(lambda_op, function, self.path, body)
        if lock_key is None and emulates(service, "duplicate-refusals"):
            lock_key = aws_proxy_conflicts.api_resource(self.command, self.path)
        if lock_key is None and emulates(service, "client-tokens") and self.command in ("POST", "PUT"):
            lock_key = ("scheduler", self.path.partition("?")[0])  # token check → moto → record, atomic
        with state.resource_lock(lock_key):
            if emulates(service, "notification-validation") and is_notification_put(self.command, self.path):
                with state.notification_writes.writing(self.path, self.headers) as busy:
                    if not busy:
                        bucket = bucket_of(self.path, self.headers)
                        self.before_answer = lambda: state.notification_writes.release(bucket)
                    if busy:
                        status, headers, out = error_answer(service, *busy, request_id)
                        entry.update(status=status, fault="emulated:" + busy[1])
                        return self.answer(status, headers, out, request_id, now)
                    return self.proceed(entry, body, service, operation, request_id, lambda_op, function)
            return self.proceed(entry, body, service, operation, request_id, lambda_op, function)

    def proceed(self, entry, body, service, operation, request_id, lambda_op, function):
        state = self.state
        with state.lock:
            now = state.now()
            fault = state.roll_fault(service, operation)
            entry["fault"] = fault
            refusal = None
            refused = refusal_for(state.faults, service, operation) or denial_for(state.faults, service, operation)
            # A lost answer is a request AWS carried out: it meets the same refusals (a duplicate mapping).
            if lambda_op and fault in (None, "lost_answer") and not refused:
                refusal = state.lambda_emulation.check(lambda_op, function, body, state.faults, now)
                refusal = refusal or state.lambda_emulation.concurrency.check_reserved(
                    lambda_op, function, body, state.faults)
            if emulates(service, "content-checksums") and fault is None and not refused:
                refusal = checksum_refusal(self.command, self.path, self.headers, body)
            if emulates(service, "schedule-expressions") and fault is None and not refused:
                refusal = schedule_refusal(self.command, self.path.partition("?")[0], body)
        if lambda_op and fault is None and not refused and not refusal:  # asks moto: outside the lock
            refusal, body = state.lambda_emulation.layers.admit(lambda_op, function, body, state.upstream, self.headers)
        if emulates(service, "duplicate-refusals") and fault in (None, "lost_answer") and not refused and not refusal:
            refusal = aws_proxy_conflicts.refusal(state.upstream, self.headers, self.command, self.path, body)
        if (emulates(service, "notification-validation") and fault is None and not refused and not refusal
                and is_notification_put(self.command, self.path)):  # asks moto for the function policy
            refusal = notification_refusal(self.path, self.headers, body, state.upstream)
        if refused:
            status, headers, out = error_answer(service, *refused, request_id)
            entry.update(status=status, fault="refused:" + refused[1])
            return self.answer(status, headers, out, request_id, now)
        if fault == "reset":
            return self.abort()
        if fault in ("throttle", "error5xx"):
            with state.lock:
                unavailable = state.rng.random() < 0.5
            status, headers, out = (throttle_answer(service, request_id) if fault == "throttle"
                                    else server_error_answer(service, request_id, unavailable))
            entry["status"] = status
            return self.answer(status, headers, out, request_id, now)
        if refusal:
            status, code, message = refusal
            status, headers, out = error_answer(service, status, code, message, request_id)
            entry.update(status=status, fault=("lost_answer+" if fault == "lost_answer" else "") + "emulated:" + code)
            if fault == "lost_answer":
                return self.abort()
            return self.answer(status, headers, out, request_id, now)
        if lambda_op in CONCURRENCY_ANSWERED:
            return self.answer_concurrency(entry, lambda_op, function, body, request_id)
        if emulates(service, "tagged-functions") and fault is None and aws_proxy_tagging.is_get_resources(self.headers):
            status, doc = aws_proxy_tagging.answer(state.upstream, self.headers, body)
            entry["status"] = status
            return self.answer(status, {"Content-Type": "application/x-amz-json-1.1"}, json.dumps(doc).encode(), request_id)
        bare_path = self.path.partition("?")[0]
        with state.lock:
            repeated = (state.client_tokens.answered(self.command, bare_path, body)
                        if emulates(service, "client-tokens") else None)
        if repeated:
            status, headers, out = repeated
            entry.update(status=status, fault="emulated:client-token-repeat")
            return self.answer(status, headers, out, request_id)
        if (emulates(service, "metric-percentiles") and fault is None and operation == "GetMetricData"
                and state.metrics.percentile_queries(body)):
            status, headers, out = state.metrics.answer(body, lambda changed: self.forward(changed, replaced=True))
            entry["status"] = status
            return self.answer(status, headers, out, None, now)
        status, headers, out = self.forward(body)
        if emulates(service, "metric-percentiles") and status == 200 and operation == "PutMetricData":
            state.metrics.record(body)
        with state.lock:
            now = state.now()
            if emulates(service, "client-tokens"):
                state.client_tokens.remember(self.command, bare_path, body, status, headers, out)
            if emulates(service, "issued-credentials") and status == 200:
                state.keys.learn_from_sts(out)
            if emulates(service, "role-creation") and status == 200 and operation == "CreateRole":
                self.note_role(body, now)
            if emulates(service, "role-creation") and status == 200 and operation in ("AttachRolePolicy", "DetachRolePolicy"):
                self.note_role_policy(operation, body, now)
            if lambda_op:
                out = state.lambda_emulation.record(lambda_op, function, status, out, state.faults, now, body)
                state.lambda_emulation.concurrency.note(lambda_op, function, status, body, self.path, state.faults, now)
                if 200 <= status < 300:
                    state.code_packages.remember(lambda_op, body)
                if lambda_op == "GetFunction" and status == 200:
                    out = state.code_packages.locate(out, self.headers.get("Host") or "127.0.0.1")
        entry["status"] = status
        with state.lock:
            kill = status < 300 and aws_proxy_killpoint.due(state.faults, service, self.command, operation, self.path)
        if kill:
            entry["fault"] = f"killed-client:{aws_proxy_killpoint.kill_client(self.client_address, self.server.server_address[1])}"
            return self.abort()
        if fault == "lost_answer":
            return self.abort()
        return self.answer(status, headers, out, None, now)

    def answer_concurrency(self, entry, op, function, body, request_id):
        """Answers an operation moto cannot do (aws_proxy_concurrency): existence from moto, then state."""
        state, query = self.state, self.path.partition("?")[2]
        emulation = state.lambda_emulation.concurrency
        found = emulation.lookup(op, function, query, state.upstream, self.headers)
        with state.lock:
            now = state.now()
            result = emulation.answer(op, function, query, body, found, state.faults, now)
        if len(result) == 3:
            status, headers, out = error_answer("lambda", *result, request_id)
            entry.update(status=status, fault="emulated:" + result[1])
            return self.answer(status, headers, out, request_id, now)
        status, doc = result
        entry["status"] = status
        out = json.dumps(doc).encode() if doc is not None else b""
        return self.answer(status, {"Content-Type": "application/json"}, out, request_id, now)

    def note_role(self, body, now):
        from urllib.parse import parse_qs
        names = parse_qs(body.decode("utf-8", "replace")).get("RoleName")
        if names:
            self.state.lambda_emulation.role_created(names[0], now)

    def note_role_policy(self, operation, body, now):
        from urllib.parse import parse_qs
        form = parse_qs(body.decode("utf-8", "replace"))
        role, arn = (form.get("RoleName") or [""])[0], (form.get("PolicyArn") or [""])[0]
        permissions = self.state.lambda_emulation.permissions
        if operation == "AttachRolePolicy":
            permissions.attached(role, arn, now)
        else:
            permissions.detached(role, arn)

    def forward(self, body, replaced=False):
        """Sends the request to moto; `replaced`: `body` is not the one received (its length is recomputed)."""
        host, port = self.state.upstream
        conn = http.client.HTTPConnection(host, port, timeout=600)
        try:
            headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_BY_HOP
                       and not (replaced and k.lower() == "content-length")}
            conn.request(self.command, self.path, body=body if body or self.command in
                         ("POST", "PUT", "PATCH") else None, headers=headers)
            response = conn.getresponse()
            out = response.read()
            self.upstream_headers = {k.lower(): v for k, v in response.getheaders()}
            return response.status, dict(response.getheaders()), out
        finally:
            conn.close()

    def sso_credentials(self, entry, now):
        """Emulates the SSO portal's GetRoleCredentials (unsigned, bearer token); lock held."""
        if not self.headers.get("x-amz-sso_bearer_token"):
            entry.update(status=401, verdict="missing-bearer-token")
            return (401, {"Content-Type": "application/json", "x-amzn-ErrorType": "UnauthorizedException"},
                    b'{"message":"Session token not found or invalid"}')
        access_key = "AKIDSSO" + uuid.uuid4().hex[:13].upper()
        secret, token = uuid.uuid4().hex + uuid.uuid4().hex[:8], "SSOTOKEN" + uuid.uuid4().hex * 3
        self.state.keys.add(access_key, secret, token)
        entry.update(status=200, verified=True, verdict="unsigned-allowed")
        doc = {"roleCredentials": {"accessKeyId": access_key, "secretAccessKey": secret,
                                   "sessionToken": token, "expiration": int((now + 3600) * 1000)}}
        return 200, {"Content-Type": "application/json"}, json.dumps(doc).encode()

    def control(self, body):
        state, route = self.state, self.path.partition("?")[0]
        package = state.code_packages.serve(route) if self.command == "GET" else None
        if package:
            return self.answer(package[0], {"Content-Type": "application/zip"}, package[1])
        try:
            doc = json.loads(body) if body else {}
        except ValueError:
            return self.answer(400, {"Content-Type": "application/json"}, b'{"error":"bad json"}')
        with state.lock:
            if route == "/__proxy/faults" and self.command == "POST":
                for key, value in doc.items():
                    if value is None:
                        state.faults.pop(key, None)
                    else:
                        state.faults[key] = value
                if "seed" in doc:
                    state.rng = random.Random(doc["seed"])
                result = state.faults
            elif route == "/__proxy/faults":
                result = state.faults
            elif route == "/__proxy/reset" and self.command == "POST":
                state.reset_locked()
                result = {"reset": True}
            elif route == "/__proxy/log" and self.command == "DELETE":
                state.log = []
                result = {"cleared": True}
            elif route == "/__proxy/log":
                since = int(dict(p.partition("=")[::2] for p in self.path.partition("?")[2].split("&")
                                 if p).get("since", 0))
                result = state.log[since:]
            elif route == "/__proxy/keys" and self.command == "POST":
                state.keys.add(doc["access_key_id"], doc["secret_access_key"], doc.get("session_token"))
                result = {"added": doc["access_key_id"]}
            elif route == "/__proxy/sign" and self.command == "POST":
                result = {"headers": sign(state.keys, doc, state.now())}
            elif route == "/__proxy/quota" and self.command == "POST":
                result = state.quota.configure(doc)
            elif route == "/__proxy/quota":
                result = state.quota.report()
            elif route == "/__proxy/health":
                result = {"ok": True, "now": state.now()}
            else:
                return self.answer(404, {"Content-Type": "application/json"}, b'{"error":"no such route"}')
            out = json.dumps(result).encode()
        if route == "/__proxy/reset":
            self.reset_moto()
        return self.answer(200, {"Content-Type": "application/json"}, out)

    def reset_moto(self):
        host, port = self.state.upstream
        conn = http.client.HTTPConnection(host, port, timeout=60)
        try:
            conn.request("POST", "/moto-api/reset", body=b"")
            conn.getresponse().read()
            conn.request("POST", "/moto-api/config", body=b'{"lambda":{"use_docker":false}}')
            conn.getresponse().read()
        finally:
            conn.close()

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = do_PATCH = do_OPTIONS = handle_any


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=0, help="listen port on 127.0.0.1 (0: any free)")
    parser.add_argument("--port-file", help="write the bound port here once listening")
    parser.add_argument("--upstream", required=True, help="moto's URL, e.g. http://127.0.0.1:5000")
    parser.add_argument("--key", action="append", default=[], help="ACCESS_KEY_ID:SECRET (repeatable)")
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    upstream = urlsplit(args.upstream)
    if upstream.hostname not in ("127.0.0.1", "localhost", "::1"):
        parser.error("upstream must be a loopback address")
    keys = [tuple(k.split(":", 1)) for k in args.key]
    env_key = os.environ.get("LAMBDACTL_TEST_ACCESS_KEY_ID")
    if env_key and os.environ.get("LAMBDACTL_TEST_SECRET_ACCESS_KEY"):
        keys.append((env_key, os.environ["LAMBDACTL_TEST_SECRET_ACCESS_KEY"]))
    Handler.state = ProxyState(("127.0.0.1", upstream.port), keys)
    Handler.verbose = args.verbose
    ThreadingHTTPServer.request_queue_size = 128
    server = ThreadingHTTPServer(("127.0.0.1", args.port), Handler)
    server.daemon_threads = True
    if args.port_file:
        with open(args.port_file + ".tmp", "w") as handle:
            handle.write(str(server.server_address[1]))
        os.replace(args.port_file + ".tmp", args.port_file)
    print(f"aws-proxy listening on 127.0.0.1:{server.server_address[1]} → {args.upstream}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
