"""What real S3 checks that moto does not: the request checksum on the calls that require one.

botocore marks PutPublicAccessBlock, PutBucketOwnershipControls, PutBucketEncryption,
PutBucketTagging, PutBucketLifecycleConfiguration (and a few more) `requestChecksumRequired`:
S3 refuses them without a Content-MD5 or an x-amz-checksum-* header, and refuses a checksum
that does not match the body. moto accepts them either way.
"""

import base64
import hashlib
import zlib

# Subresources whose PUT needs a checksum (botocore s3 2006-03-01: requestChecksumRequired).
CHECKSUM_REQUIRED = {"publicAccessBlock", "ownershipControls", "encryption", "tagging", "lifecycle",
                     "cors", "acl", "policy", "replication", "object-lock", "retention", "legal-hold",
                     "delete"}


def _crc32(body):
    return base64.b64encode(zlib.crc32(body).to_bytes(4, "big")).decode()


CHECKSUMS = {
    "x-amz-checksum-sha256": ("SHA256", lambda body: base64.b64encode(hashlib.sha256(body).digest()).decode()),
    "x-amz-checksum-sha1": ("SHA1", lambda body: base64.b64encode(hashlib.sha1(body).digest()).decode()),
    "x-amz-checksum-crc32": ("CRC32", _crc32),
}


def checksum_refusal(method, path, headers, body):
    """(status, code, message) when S3 would refuse the request for its checksum, else None."""
    if method not in ("PUT", "POST"):
        return None
    query = path.partition("?")[2]
    names = {part.partition("=")[0] for part in query.split("&") if part}
    if not names & CHECKSUM_REQUIRED:
        return None
    md5 = headers.get("Content-MD5")
    if md5:
        if md5 != base64.b64encode(hashlib.md5(body).digest()).decode():
            return 400, "InvalidDigest", "The Content-MD5 you specified did not match what we received."
        return None
    for header, (name, digest) in CHECKSUMS.items():
        value = headers.get(header)
        if value is not None:
            if value != digest(body):
                return 400, "BadDigest", f"The {name} you specified did not match the calculated checksum."
            return None
    return 400, "InvalidRequest", "Missing required header for this request: Content-MD5"
