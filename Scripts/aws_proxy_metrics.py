"""GetMetricData's percentile statistics, answered as CloudWatch does (moto 5.2.1 fails with 500).

moto computes only Sum, Average, Minimum, Maximum and SampleCount; a MetricStat with `p50`, `p99`
or `p99.9` makes its GetMetricData fail (HTTP 500). The proxy keeps the values of every
PutMetricData that passes through it and moto accepts, and answers a GetMetricData that asks for
a percentile itself: the other queries go to moto (renumbered, in one request) and the percentile
queries are computed from the kept values — per period of `[StartTime, EndTime)`, the datapoints
whose metric, namespace and dimension set match exactly (as moto matches), the nearest-rank
percentile. Values put straight into moto, bypassing the proxy, have no percentiles. No paging.
"""

import math
import re
import threading
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from urllib.parse import parse_qs, urlencode

PERCENTILE = re.compile(r"^p(\d{1,2}(\.\d+)?|100)$")
NS = "http://monitoring.amazonaws.com/doc/2010-08-01/"


def _fields(body):
    return {k: v[0] for k, v in parse_qs((body or b"").decode("utf-8", "replace"), keep_blank_values=True).items()}


def _time(text):
    text = text.strip()
    if re.fullmatch(r"\d+(\.\d+)?", text):
        return datetime.fromtimestamp(float(text), timezone.utc)
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(timezone.utc)


def _members(fields, prefix):
    """The indices N of `prefix.member.N.*` present, in order."""
    found = {int(m.group(1)) for k in fields for m in [re.match(re.escape(prefix) + r"\.member\.(\d+)(\.|$)", k)] if m}
    return sorted(found)


def _dimensions(fields, prefix):
    return frozenset((fields.get(f"{prefix}.Dimensions.member.{i}.Name", ""),
                      fields.get(f"{prefix}.Dimensions.member.{i}.Value", ""))
                     for i in _members(fields, f"{prefix}.Dimensions"))


class MetricStore:
    """The values of the PutMetricData calls moto accepted, kept for percentile answers."""

    def __init__(self):
        self.lock = threading.Lock()
        self.points = []  # (namespace, name, dimensions, timestamp, value)

    def reset(self):
        """Forgets every kept value (the control API's reset, as moto's reset forgets its own)."""
        with self.lock:
            self.points = []

    def record(self, body):
        fields = _fields(body)
        namespace = fields.get("Namespace", "")
        now = datetime.now(timezone.utc)
        added = []
        for n in _members(fields, "MetricData"):
            p = f"MetricData.member.{n}"
            stamp = _time(fields[f"{p}.Timestamp"]) if f"{p}.Timestamp" in fields else now
            dims = _dimensions(fields, p)
            values = [float(fields[f"{p}.Value"])] if f"{p}.Value" in fields else []
            for i in _members(fields, f"{p}.Values"):
                count = int(float(fields.get(f"{p}.Counts.member.{i}", "1")))
                values += [float(fields[f"{p}.Values.member.{i}"])] * count
            added += [(namespace, fields.get(f"{p}.MetricName", ""), dims, stamp, v) for v in values]
        with self.lock:
            self.points += added

    def percentile_queries(self, body):
        """The indices of the MetricDataQueries whose Stat is a percentile (empty: moto answers)."""
        fields = _fields(body)
        return [n for n in _members(fields, "MetricDataQueries")
                if PERCENTILE.match(fields.get(f"MetricDataQueries.member.{n}.MetricStat.Stat", ""))]

    def answer(self, body, forward):
        """(status, headers, xml) for a GetMetricData with percentile queries; `forward(body)` asks moto."""
        fields = _fields(body)
        wanted = set(self.percentile_queries(body))
        rest = [n for n in _members(fields, "MetricDataQueries") if n not in wanted]
        results = []
        status, headers = 200, {"Content-Type": "text/xml"}
        if rest:
            kept = {k: v for k, v in fields.items() if not k.startswith("MetricDataQueries.")}
            for new, old in enumerate(rest, 1):
                prefix = f"MetricDataQueries.member.{old}."
                kept.update({f"MetricDataQueries.member.{new}." + k[len(prefix):]: v
                             for k, v in fields.items() if k.startswith(prefix)})
            status, headers, out = forward(urlencode(kept).encode())
            if status != 200:
                return status, headers, out
            found = ET.fromstring(out).find(f".//{{{NS}}}MetricDataResults")
            results = list(found) if found is not None else []
        start, end = _time(fields["StartTime"]), _time(fields["EndTime"])
        descending = fields.get("ScanBy", "TimestampDescending") == "TimestampDescending"
        members = [ET.tostring(m, encoding="unicode").replace("ns0:", "").replace(f' xmlns:ns0="{NS}"', "")
                   for m in results]
        for n in sorted(wanted):
            members.append(self._member(fields, f"MetricDataQueries.member.{n}", start, end, descending))
        return status, {"Content-Type": "text/xml"}, (
            f'<GetMetricDataResponse xmlns="{NS}"><GetMetricDataResult><MetricDataResults>{"".join(members)}'
            f"</MetricDataResults><Messages/></GetMetricDataResult><ResponseMetadata><RequestId>proxy-metrics"
            f"</RequestId></ResponseMetadata></GetMetricDataResponse>").encode()

    def _member(self, fields, p, start, end, descending):
        metric = f"{p}.MetricStat.Metric"
        namespace, name = fields.get(f"{metric}.Namespace", ""), fields.get(f"{metric}.MetricName", "")
        dims, stat = _dimensions(fields, metric), fields[f"{p}.MetricStat.Stat"]
        period = int(fields.get(f"{p}.MetricStat.Period", "60"))
        rank = float(stat[1:])
        with self.lock:
            values = [(s, v) for ns, m, d, s, v in self.points
                      if ns == namespace and m == name and (not dims or d == dims) and start <= s < end]
        buckets = {}
        for stamp, value in values:
            index = int((stamp - start).total_seconds() // period)
            buckets.setdefault(index, []).append(value)
        points = []
        for index in sorted(buckets, reverse=descending):
            ordered = sorted(buckets[index])
            at = max(0, math.ceil(rank / 100 * len(ordered)) - 1)
            stamp = datetime.fromtimestamp(start.timestamp() + index * period, timezone.utc)
            points.append((stamp.strftime("%Y-%m-%dT%H:%M:%SZ"), ordered[at]))
        label = fields.get(f"{p}.Label") or f"{name} {stat}"
        stamps = "".join(f"<member>{s}</member>" for s, _ in points)
        numbers = "".join(f"<member>{v!r}</member>" for _, v in points)
        return (f"<member><Id>{fields.get(f'{p}.Id', '')}</Id><Label>{label}</Label><Timestamps>{stamps}</Timestamps>"
                f"<Values>{numbers}</Values><StatusCode>Complete</StatusCode></member>")
