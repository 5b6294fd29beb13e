"""GetResources for Lambda functions, answered as AWS does (moto 5.2.1 returns none).

The Resource Groups Tagging API finds a region's resources by tag. moto's GetResources never lists
Lambda functions (its list comes back empty even for tagged ones), so the proxy answers a
GetResources whose type filters include `lambda:function` (or are absent) from moto's own Lambda
state: every function (ListFunctions, all pages) with its tags (ListTags), filtered as AWS filters
(every TagFilter must match: the key present and, when Values are given, one of them). Other resource
types are not listed (lambdactl asks for functions only). No pagination token is returned.
"""

import http.client
import json
from urllib.parse import quote


def is_get_resources(headers):
    return (headers.get("X-Amz-Target") or "") == "ResourceGroupsTaggingAPI_20170126.GetResources"


def answer(upstream, headers, body):
    """(status, doc) for a GetResources request, from moto's Lambda state."""
    try:
        request = json.loads(body or b"{}")
    except ValueError:
        return 400, {"__type": "InvalidParameterException", "Message": "the body is not JSON"}
    types = request.get("ResourceTypeFilters") or []
    if types and not any(t in ("lambda", "lambda:function") for t in types):
        return 200, {"PaginationToken": "", "ResourceTagMappingList": []}
    filters = request.get("TagFilters") or []
    found = []
    for arn in _function_arns(upstream, headers):
        tags = _tags(upstream, headers, arn)
        if all(f.get("Key") in tags and (not f.get("Values") or tags[f["Key"]] in f["Values"]) for f in filters):
            found.append({"ResourceARN": arn, "Tags": [{"Key": k, "Value": v} for k, v in sorted(tags.items())]})
    return 200, {"PaginationToken": "", "ResourceTagMappingList": found}


def _lambda_headers(headers):
    """The caller's credential scope turned to Lambda's: moto routes a request by its scope's service."""
    auth = headers.get("Authorization") or ""
    scope = auth.partition("Credential=")[2].partition(",")[0].split("/")
    if len(scope) == 5:
        scope[3] = "lambda"
        auth = f"AWS4-HMAC-SHA256 Credential={'/'.join(scope)}, SignedHeaders=host, Signature=0"
    forwarded = {"Authorization": auth} if auth else {}
    if headers.get("X-Amz-Date"):
        forwarded["X-Amz-Date"] = headers["X-Amz-Date"]
    return forwarded


def _get(upstream, headers, path):
    host, port = upstream
    conn = http.client.HTTPConnection(host, port, timeout=60)
    forwarded = _lambda_headers(headers)
    try:
        conn.request("GET", path, headers=forwarded)
        response = conn.getresponse()
        data = response.read()
    finally:
        conn.close()
    try:
        return response.status, json.loads(data or b"{}")
    except ValueError:
        return response.status, {}


def _function_arns(upstream, headers):
    arns, marker = [], None
    while True:
        path = "/2015-03-31/functions/" + (f"?Marker={quote(marker)}" if marker else "")
        status, doc = _get(upstream, headers, path)
        if status != 200:
            return arns
        arns += [f["FunctionArn"] for f in doc.get("Functions") or [] if f.get("FunctionArn")]
        marker = doc.get("NextMarker")
        if not marker:
            return arns


def _tags(upstream, headers, arn):
    status, doc = _get(upstream, headers, f"/2017-03-31/tags/{quote(arn, safe='')}")
    return doc.get("Tags") or {} if status == 200 else {}
