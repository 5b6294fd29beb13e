#!/usr/bin/env python3
"""Local stand-in for the credential endpoints lambdactl reads outside AWS's APIs, for the
integration tests: the container endpoint (GET /creds), EC2 instance metadata (PUT
/latest/api/token, GET /latest/meta-data/iam/security-credentials/[ROLE]), the IAM Identity
Center portal (GET /federation/credentials) and sso-oidc CreateToken (POST /token).

Listens on 127.0.0.1 only, on the port given (0 = any free one), and prints the port on its
first line of stdout. The behaviour comes from a JSON file (argument 2), re-read on every
request so a test can change it:
  {"credentials": {"AccessKeyId": …, "SecretAccessKey": …, "Expiration"?: …},
   "container_token"?: "expected Authorization", "imds_token_status"?: 200,
   "portal_status"?: 200, "oidc"?: {"accessToken": …, "expiresIn": …, "refreshToken"?: …}}
GET /__fake/log answers every request seen: method, path, headers, body.
"""
import json
import os
import signal
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LOG, LOCK = [], threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    config_path = None

    def log_message(self, *args):
        pass

    def config(self):
        with open(self.config_path) as handle:
            return json.load(handle)

    def answer(self, status, body=b"", content_type="application/json", headers=()):
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
        elif isinstance(body, str):
            body = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        path = self.path.partition("?")[0]
        if path == "/__fake/log":
            with LOCK:
                return self.answer(200, list(LOG))
        with LOCK:
            LOG.append({"method": self.command, "path": path, "query": self.path.partition("?")[2],
                        "headers": {k.lower(): v for k, v in self.headers.items()},
                        "body": body.decode("utf-8", "replace")})
        config = self.config()
        credentials = config.get("credentials", {})
        if self.command == "GET" and path == "/creds":
            expected = config.get("container_token")
            if expected is not None and self.headers.get("Authorization") != expected:
                return self.answer(403, {"message": "bad authorization token"})
            return self.answer(200, dict(credentials, Token=credentials.get("Token", "")))
        if self.command == "PUT" and path == "/latest/api/token":
            status = config.get("imds_token_status", 200)
            return self.answer(status, "imds-session-token" if status == 200 else "", "text/plain")
        if self.command == "GET" and path.startswith("/latest/meta-data/iam/security-credentials/"):
            if config.get("imds_token_status", 200) == 200 and not self.headers.get("X-aws-ec2-metadata-token"):
                return self.answer(401, "", "text/plain")
            role = path.rsplit("/", 1)[1]
            if not role:
                return self.answer(200, "fake-role\n", "text/plain")
            return self.answer(200, dict(credentials, Code="Success", Token=credentials.get("Token", "")))
        if self.command == "GET" and path == "/federation/credentials":
            status = config.get("portal_status", 200)
            if status != 200:
                return self.answer(status, {"message": "Session token not found or invalid"},
                                   headers=[("x-amzn-ErrorType", "UnauthorizedException")])
            return self.answer(200, {"roleCredentials": {
                "accessKeyId": credentials.get("AccessKeyId"), "secretAccessKey": credentials.get("SecretAccessKey"),
                "expiration": config.get("portal_expiration_ms", 4102444800000)}})
        if self.command == "POST" and path == "/token":
            oidc = config.get("oidc")
            if not oidc:
                return self.answer(400, {"error": "invalid_grant"}, headers=[("x-amzn-ErrorType", "InvalidGrantException")])
            return self.answer(200, oidc)
        return self.answer(404, {"message": "no such fake route"})

    do_GET = do_PUT = do_POST = handle_any


def exit_when_stdin_closes():
    """The test holds our stdin open; when it goes away (even killed), so do we."""
    sys.stdin.buffer.read()
    os._exit(0)


def main():
    # A test runner may start us with SIGTERM blocked; make it stop us again.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    port, Handler.config_path = int(sys.argv[1]), sys.argv[2]
    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    print(server.server_address[1], flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
