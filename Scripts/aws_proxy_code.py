"""Deployed packages for GetFunction's `Code.Location` (the proxy's `function-lifecycle` emulation).

moto 5.2.1 answers GetFunction of a zip function with a `Code.Location` that points nowhere
reachable, so nothing can download what was deployed (`lambdactl init --download-code`). The
proxy keeps the bytes of every `ZipFile` that CreateFunction and UpdateFunctionCode passed with a
2xx answer, content-addressed by their CodeSha256 (base64 SHA-256, as Lambda reports it), and
rewrites GetFunction answers whose configuration's CodeSha256 it holds to
`Code: {RepositoryType: S3, Location: http://PROXY/__proxy/code/<hex sha256>}`; a GET of that
path (unsigned, like AWS's presigned URL, and not logged) answers the zip. Packages staged in S3
(`S3Bucket`/`S3Key`) are not kept.
"""

import base64
import hashlib
import json
import re
import threading

CODE_PATH = re.compile(r"^/__proxy/code/(?P<sha>[0-9a-f]{64})$")


class CodePackages:
    """The packages seen, by hex SHA-256; thread-safe."""

    def __init__(self):
        self.lock = threading.Lock()
        self.packages = {}

    def reset(self):
        with self.lock:
            self.packages = {}

    def remember(self, op, request_body):
        """Keeps the ZipFile of a CreateFunction / UpdateFunctionCode request moto accepted."""
        if op not in ("CreateFunction", "UpdateFunctionCode"):
            return
        try:
            doc = json.loads(request_body or b"{}")
        except ValueError:
            return
        code = doc.get("Code") if op == "CreateFunction" else doc
        encoded = code.get("ZipFile") if isinstance(code, dict) else None
        if not encoded:
            return
        try:
            data = base64.b64decode(encoded)
        except ValueError:
            return
        with self.lock:
            self.packages[hashlib.sha256(data).hexdigest()] = data

    def locate(self, answer, host):
        """GetFunction's answer with `Code.Location` pointing at the proxy, when it holds the package."""
        try:
            doc = json.loads(answer or b"{}")
        except ValueError:
            return answer
        sha = (doc.get("Configuration") or {}).get("CodeSha256") if isinstance(doc, dict) else None
        try:
            key = base64.b64decode(sha).hex() if sha else None
        except ValueError:
            key = None
        with self.lock:
            if not key or key not in self.packages:
                return answer
        doc["Code"] = {"RepositoryType": "S3", "Location": f"http://{host}/__proxy/code/{key}"}
        return json.dumps(doc).encode()

    def serve(self, path):
        """(status, body) for a GET of /__proxy/code/<sha>, or None when the path is another."""
        match = CODE_PATH.match(path)
        if not match:
            return None
        with self.lock:
            data = self.packages.get(match.group("sha"))
        if data is None:
            return 404, b"<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>"
        return 200, data
