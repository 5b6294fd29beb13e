"""Self-test of the proxy's CloudWatch percentile answers (aws_proxy_metrics), with
query-protocol requests signed by botocore (its CloudWatch client speaks CBOR/JSON)."""

import re
import time
import urllib.error
import urllib.request
from urllib.parse import urlencode

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

from proxy_selftest import ENDPOINT, KEY, SECRET, check


def query(params):
    """(status, body) of a signed query-protocol CloudWatch request."""
    body = urlencode([("Version", "2010-08-01")] + params)
    request = AWSRequest(method="POST", url=ENDPOINT + "/", data=body,
                         headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
    SigV4Auth(Credentials(KEY, SECRET), "monitoring", "us-east-1").add_auth(request)
    try:
        with urllib.request.urlopen(urllib.request.Request(ENDPOINT + "/", data=body.encode(),
                                                           headers=dict(request.headers), method="POST")) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def values(text, query_id):
    """The Values of the result `query_id` in a GetMetricData answer."""
    member = re.search(r"<member><Id>" + query_id + r"</Id>.*?</StatusCode></member>", text, re.S)
    return [float(v) for v in re.findall(r"<member>([0-9.eE+-]+)</member>",
                                          re.search(r"<Values>(.*?)</Values>", member.group(0), re.S).group(1))] if member else None


def test_metric_percentiles():
    stamp = time.strftime("%Y-%m-%dT%H:%M:00Z", time.gmtime(time.time() - 120))
    start = time.strftime("%Y-%m-%dT%H:00:00Z", time.gmtime(time.time() - 7200))
    end = time.strftime("%Y-%m-%dT%H:%M:00Z", time.gmtime(time.time() + 120))
    put = [("Action", "PutMetricData"), ("Namespace", "SelfTest"), ("MetricData.member.1.MetricName", "Latency"),
           ("MetricData.member.1.Timestamp", stamp), ("MetricData.member.1.Dimensions.member.1.Name", "F"),
           ("MetricData.member.1.Dimensions.member.1.Value", "f")]
    put += [(f"MetricData.member.1.Values.member.{i}", str(i)) for i in range(1, 101)]
    check("PutMetricData (query protocol) through the proxy is accepted", query(put)[0] == 200)

    def stat(n, query_id, name):
        p = f"MetricDataQueries.member.{n}"
        return [(f"{p}.Id", query_id), (f"{p}.MetricStat.Metric.Namespace", "SelfTest"),
                (f"{p}.MetricStat.Metric.MetricName", "Latency"), (f"{p}.MetricStat.Metric.Dimensions.member.1.Name", "F"),
                (f"{p}.MetricStat.Metric.Dimensions.member.1.Value", "f"), (f"{p}.MetricStat.Period", "3600"),
                (f"{p}.MetricStat.Stat", name)]
    window = [("StartTime", start), ("EndTime", end), ("ScanBy", "TimestampAscending")]
    status, text = query([("Action", "GetMetricData")] + stat(1, "sum", "Sum") + stat(2, "med", "p50")
                         + stat(3, "high", "p99") + window)
    check("GetMetricData with percentiles is answered (moto alone fails with 500)", status == 200, text[:300])
    check("the percentiles are computed from the values put (nearest rank)",
          values(text, "med") == [50.0] and values(text, "high") == [99.0], text[:600])
    check("the other statistics still come from moto", values(text, "sum") == [5050.0], text[:600])
    status, text = query([("Action", "GetMetricData")] + stat(1, "sum", "Sum") + window)
    check("GetMetricData without a percentile goes to moto unchanged",
          status == 200 and "proxy-metrics" not in text and values(text, "sum") == [5050.0], text[:300])
