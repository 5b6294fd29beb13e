"""A per-API write quota, as AWS's control planes enforce them (the `/__proxy/quota` control).

AWS limits each API of a service's control plane on its own (Lambda: about 15 requests per
second for most writes, per region) and answers above it with that service's throttling error:
Lambda 429 TooManyRequestsException with `Reason: CallerRateLimitExceeded`, query services 400
Throttling, JSON services ThrottlingException, S3 503 SlowDown (each row's `throttle` in
aws_proxy_services, built by aws_proxy_shapes.throttle_answer).

`POST /__proxy/quota {"writes_per_second": N}` sets it (null lifts it; /__proxy/reset clears it
and the counts). Each (service, API) that writes — any operation whose name does not start with
Get, List, Describe or Head; for a request logged as `METHOD path`, any method but GET and HEAD —
may have N requests admitted in any sliding second; a request beyond that is answered with the
throttle and not admitted (it does not use up quota). `GET /__proxy/quota` reports the setting
and, per API (`"service Operation"`), how many requests were admitted and throttled, so a
benchmark can print them.

All methods are called with the proxy's state lock held.
"""

import re
import time
from collections import deque

READS = ("Get", "List", "Describe", "Head")


def api_key(service, method, operation, path):
    """The API a request counts against, or None when it reads.

    Named operations count by name. A request logged as `METHOD path` (S3, API Gateway) counts
    by method, resource shape (segments holding an id become `*`) and sub-resource, so
    PutBucketNotificationConfiguration and PutObject are two APIs, as on S3.
    """
    if " " not in operation:
        return None if operation.startswith(READS) else f"{service} {operation}"
    if method in ("GET", "HEAD"):
        return None
    bare, _, query = path.partition("?")
    shape = "/".join("*" if re.search(r"[^a-z-]", part) else part for part in bare.strip("/").split("/") if part)
    sub = sorted({item.partition("=")[0] for item in query.split("&") if item and not item.startswith("X-Amz-")})
    return f"{service} {method} /{shape}" + (f"?{'&'.join(sub)}" if sub else "")


class WriteQuota:
    """Sliding one-second windows of admitted writes per API, and what was throttled."""

    def __init__(self, clock=time.monotonic):
        self.clock = clock
        self.reset()

    def reset(self):
        """No quota; counts cleared."""
        self.per_second = None
        self.windows = {}
        self.admitted = {}
        self.throttled = {}

    def configure(self, doc):
        """Applies `{"writes_per_second": N | null}`; returns the report."""
        if "writes_per_second" in doc:
            value = doc["writes_per_second"]
            self.per_second = None if value is None else max(1, int(value))
            self.windows = {}
        return self.report()

    def report(self):
        """The setting and the counts per API."""
        return {"writes_per_second": self.per_second, "admitted": dict(self.admitted),
                "throttled": dict(self.throttled), "throttled_total": sum(self.throttled.values())}

    def admit(self, service, method, operation, path):
        """True when the request may proceed; False when the quota throttles it."""
        key = api_key(service, method, operation, path)
        if key is None or self.per_second is None:
            return True
        now = self.clock()
        window = self.windows.setdefault(key, deque())
        while window and window[0] <= now - 1.0:
            window.popleft()
        if len(window) >= self.per_second:
            self.throttled[key] = self.throttled.get(key, 0) + 1
            return False
        window.append(now)
        self.admitted[key] = self.admitted.get(key, 0) + 1
        return True
