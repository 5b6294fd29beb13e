"""Independent SigV4 verification with botocore, as AWS does it on the server side.

The request is rebuilt from the wire exactly: the headers named in SignedHeaders (and only
those), the raw path, the query re-encoded per RFC 3986 and sorted, and the SHA-256 of the body
actually received. botocore's SigV4Auth (S3: S3SigV4Auth) then recomputes the signature at the
request's own X-Amz-Date.
"""

import base64
import calendar
import hashlib
import hmac
import re
import time
from email.utils import parsedate_to_datetime
from urllib.parse import quote, unquote

from botocore.auth import S3SigV4Auth, SigV4Auth
from botocore.awsrequest import AWSRequest, HTTPHeaders
from botocore.credentials import Credentials

from aws_proxy_services import lookup

UNSIGNED_ACTIONS = {"AssumeRoleWithWebIdentity", "AssumeRoleWithSAML"}
SKEW_SECONDS = 300


class Verdict:
    """The outcome of verifying one request."""

    def __init__(self, ok, kind="", message="", service="", access_key="", detail="", answer_detail=""):
        self.ok, self.kind, self.message = ok, kind, message
        self.service, self.access_key, self.detail = service, access_key, detail
        # What AWS appends to the message it answers with (the canonical request, for mismatches).
        self.answer_detail = answer_detail


class _ExactHeaders:
    """Mixin: sign exactly the headers the client listed in SignedHeaders (as AWS does)."""

    signed_names = ()

    def headers_to_sign(self, request):
        chosen = HTTPHeaders()
        for name in self.signed_names:
            for value in request.headers.get_all(name) or []:
                chosen[name] = value
        return chosen


class _Auth(_ExactHeaders, SigV4Auth):
    pass


class _S3Auth(_ExactHeaders, S3SigV4Auth):
    pass


def amz_timestamp(epoch):
    """Epoch seconds → `20260101T000000Z`."""
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime(epoch))


def parse_amz_date(text):
    """`20260101T000000Z` → epoch seconds, or None."""
    try:
        return calendar.timegm(time.strptime(text, "%Y%m%dT%H%M%SZ"))
    except (TypeError, ValueError):
        return None


def canonical_query(raw_query, drop=()):
    """Decode every pair, re-encode with the RFC 3986 unreserved set, sort by key then value."""
    pairs = []
    for piece in raw_query.split("&"):
        if not piece:
            continue
        key, _, value = piece.partition("=")
        key, value = unquote(key), unquote(value)
        if key in drop:
            continue
        pairs.append((quote(key, safe="-_.~"), quote(value, safe="-_.~")))
    return "&".join(f"{k}={v}" for k, v in sorted(pairs))


def query_values(raw_query):
    """The decoded query as a dict (last value wins)."""
    out = {}
    for piece in raw_query.split("&"):
        if piece:
            key, _, value = piece.partition("=")
            out[unquote(key)] = unquote(value)
    return out


def parse_authorization(value):
    """The Credential, SignedHeaders and Signature fields of a SigV4 Authorization header."""
    if not value.startswith("AWS4-HMAC-SHA256 "):
        return None
    fields = {}
    for part in value[len("AWS4-HMAC-SHA256 "):].split(","):
        key, _, val = part.strip().partition("=")
        fields[key] = val
    if not {"Credential", "SignedHeaders", "Signature"} <= fields.keys():
        return None
    return fields


class KeyStore:
    """Access key id → (secret, session token or None). Caller holds the proxy lock."""

    def __init__(self):
        self.keys = {}

    def add(self, access_key, secret, token=None):
        """Adds or replaces one key pair."""
        self.keys[access_key] = (secret, token)

    def learn_from_sts(self, body):
        """Learns every temporary key pair an STS XML answer hands out."""
        text = body.decode("utf-8", "replace")
        for block in re.findall(r"<Credentials>(.*?)</Credentials>", text, re.S):
            found = {k: re.search(f"<{k}>(.*?)</{k}>", block, re.S) for k in
                     ("AccessKeyId", "SecretAccessKey", "SessionToken")}
            if found["AccessKeyId"] and found["SecretAccessKey"]:
                token = found["SessionToken"].group(1).strip() if found["SessionToken"] else None
                self.add(found["AccessKeyId"].group(1).strip(),
                         found["SecretAccessKey"].group(1).strip(), token)


def verify(keys, method, raw_path, headers, body, now, fallback_service):
    """Checks one request's SigV4 signature, date and token; returns a Verdict."""
    path, _, raw_query = raw_path.partition("?")
    query = query_values(raw_query)
    auth = headers.get("Authorization")
    presigned = auth is None and "X-Amz-Signature" in query
    if auth is None and not presigned:
        return Verdict(False, "missing", "Missing Authentication Token", fallback_service)
    if presigned:
        credential, signed, signature = (query.get("X-Amz-Credential", ""),
                                         query.get("X-Amz-SignedHeaders", ""), query["X-Amz-Signature"])
        amz_date, token = query.get("X-Amz-Date"), query.get("X-Amz-Security-Token")
    else:
        fields = parse_authorization(auth)
        if fields is None:
            return Verdict(False, "bad_signature", "Authorization header is not AWS4-HMAC-SHA256 "
                           "with Credential, SignedHeaders and Signature.", fallback_service)
        credential, signed, signature = fields["Credential"], fields["SignedHeaders"], fields["Signature"]
        amz_date, token = headers.get("X-Amz-Date"), headers.get("X-Amz-Security-Token")
        if amz_date is None and headers.get("Date"):
            try:
                amz_date = amz_timestamp(parsedate_to_datetime(headers["Date"]).timestamp())
            except (TypeError, ValueError):
                amz_date = None
    parts = credential.split("/")
    if len(parts) != 5 or parts[4] != "aws4_request":
        return Verdict(False, "bad_signature", f"Credential should be scoped correctly: {credential}",
                       fallback_service)
    access_key, scope_date, region, service = parts[0], parts[1], parts[2], parts[3]
    base = dict(service=service, access_key=access_key)
    s3_rules = lookup(service).signing == "s3"
    if access_key not in keys.keys:
        message = ("The AWS Access Key Id you provided does not exist in our records." if s3_rules
                   else "The security token included in the request is invalid.")
        return Verdict(False, "unknown_key", message, **base)
    secret, expected_token = keys.keys[access_key]
    if (token or None) != expected_token:
        return Verdict(False, "bad_token", "The security token included in the request is invalid.", **base)
    signed_at = parse_amz_date(amz_date)
    if signed_at is None:
        return Verdict(False, "bad_signature", "Authorization header requires existence of either a "
                       "'X-Amz-Date' or a 'Date' header.", **base)
    if presigned:
        expires = int(query.get("X-Amz-Expires", "0") or 0)
        if now > signed_at + expires:
            return Verdict(False, "expired", "Request has expired", **base)
    elif now - signed_at > SKEW_SECONDS:
        return Verdict(False, "expired", f"Signature expired: {amz_date} is now earlier than "
                       f"{amz_timestamp(now - SKEW_SECONDS)} ({amz_timestamp(now)} - 5 min.)", **base)
    elif signed_at - now > SKEW_SECONDS:
        return Verdict(False, "expired", f"Signature not yet current: {amz_date} is still later than "
                       f"{amz_timestamp(now + SKEW_SECONDS)} ({amz_timestamp(now)} + 5 min.)", **base)
    if scope_date != amz_date[:8]:
        return Verdict(False, "bad_signature", f"Date in Credential scope does not match YYYYMMDD "
                       f"from ISO-8601 version of date from HTTP: '{scope_date}' != '{amz_date[:8]}'", **base)
    global_region = lookup(service).global_region
    if global_region and region != global_region:
        return Verdict(False, "bad_signature", f"Credential should be scoped to a valid region, not "
                       f"'{region}'.", **base)
    names = [n.strip().lower() for n in signed.split(";") if n.strip()]
    if not presigned and "host" not in names:
        return Verdict(False, "bad_signature", "'Host' must be a 'SignedHeader' in the AWS Authorization.", **base)
    missing = [n for n in names if headers.get(n) is None]
    if missing:
        return Verdict(False, "bad_signature", f"SignedHeaders lists headers not in the request: "
                       f"{', '.join(missing)}", **base)
    real_hash = hashlib.sha256(body).hexdigest()
    sent_hash = headers.get("X-Amz-Content-SHA256")
    if s3_rules:
        payload = sent_hash or ("UNSIGNED-PAYLOAD" if presigned else real_hash)
        if re.fullmatch(r"[0-9a-f]{64}", payload) and payload != real_hash:
            return Verdict(False, "content_sha", "The provided 'x-amz-content-sha256' header does not "
                           "match what was computed.", **base)
    else:
        payload = real_hash
        if sent_hash is not None and sent_hash != real_hash:
            return Verdict(False, "bad_signature", _MISMATCH + " (x-amz-content-sha256 does not match "
                           "the body)", **base)
    request_headers = HTTPHeaders()
    for name in names:
        for value in headers.get_all(name) or []:
            request_headers[name] = value
    del request_headers["X-Amz-Content-SHA256"]
    request_headers["X-Amz-Content-SHA256"] = payload
    query_text = canonical_query(raw_query, drop={"X-Amz-Signature"} if presigned else ())
    host = headers.get("Host", "localhost")
    url = f"http://{host}{path}" + (f"?{query_text}" if query_text else "")
    request = AWSRequest(method=method, url=url, headers=request_headers, data=body)
    request.context["timestamp"] = amz_date
    signer = (_S3Auth if s3_rules else _Auth)(Credentials(access_key, secret), service, region)
    signer.signed_names = names
    canonical = signer.canonical_request(request)
    string_to_sign = signer.string_to_sign(request, canonical)
    expected = signer.signature(string_to_sign, request)
    if not hmac.compare_digest(expected, signature):
        # Like AWS, the answer quotes the canonical request, session token header included.
        answer = (f"\n\nThe Canonical String for this request should have been\n'{canonical}'\n\n"
                  f"The String-to-Sign should have been\n'{string_to_sign}'\n")
        return Verdict(False, "bad_signature", _MISMATCH, detail=f"canonical request:\n{canonical}\n"
                       f"string to sign:\n{string_to_sign}", answer_detail=answer, **base)
    return Verdict(True, "verified", "", **base)


_MISMATCH = ("The request signature we calculated does not match the signature you provided. "
             "Check your AWS Secret Access Key and signing method. Consult the service documentation "
             "for details.")


def sign(keys, spec, now):
    """Test helper: signs `spec` (method, path, headers, body/body_base64, service, region, date,
    access_key_id) with botocore and returns the headers to send."""
    access_key = spec.get("access_key_id") or next(iter(keys.keys))
    secret, token = keys.keys[access_key]
    body = base64.b64decode(spec["body_base64"]) if "body_base64" in spec else spec.get("body", "").encode()
    headers = HTTPHeaders()
    for name, value in (spec.get("headers") or {}).items():
        headers[name] = value
    service = spec.get("service", "sts")
    request = AWSRequest(method=spec.get("method", "POST"), url=spec["url"], headers=headers, data=body)
    request.context["timestamp"] = spec.get("date") or amz_timestamp(now)
    auth = (S3SigV4Auth if lookup(service).signing == "s3" else SigV4Auth)(
        Credentials(access_key, secret, token), service, spec.get("region", "us-east-1"))
    auth._modify_request_before_signing(request)
    canonical = auth.canonical_request(request)
    signature = auth.signature(auth.string_to_sign(request, canonical), request)
    auth._inject_signature_to_request(request, signature)
    return {k: v for k, v in request.headers.items()}
