"""EventBridge Scheduler's checks of a schedule, which moto does not make.

CreateSchedule (`POST /schedules/{name}`) and UpdateSchedule (`PUT /schedules/{name}`) are
refused with 400 ValidationException when the expression is not one Scheduler takes:
`rate(value unit)` with a positive integer and `minute`/`hour`/`day` singular for 1, plural
otherwise; `cron(…)` with six fields, each in its range and syntax, and exactly one of
day-of-month / day-of-week `?`; `at(yyyy-mm-ddThh:mm:ss)` naming a real time. An unknown
`ScheduleExpressionTimezone` and a missing `FlexibleTimeWindow` are refused too. The same rules
as Sources/Deployment/Triggers/ScheduleExpression*.swift, written again here on purpose: the
proxy is an independent check of the client.
"""

import datetime
import json
import re

try:
    import zoneinfo
    ZONES = zoneinfo.available_timezones() | {"UTC"}
except Exception:  # pragma: no cover - no tz database
    ZONES = None

RATE = re.compile(r"^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$")
AT = re.compile(r"^at\((\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\)$")
MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"]
# (range, names, special tokens allowed, step allowed)
FIELDS = [((0, 59), [], False), ((0, 23), [], False), ((1, 31), [], True), ((1, 12), MONTHS, False),
          ((1, 7), DAYS, False), ((1970, 2199), [], False)]


def is_schedule_write(method, path):
    """The operation for CreateSchedule / UpdateSchedule requests, else None."""
    if not re.match(r"^/schedules/[^/?]+", path):
        return None
    return {"POST": "CreateSchedule", "PUT": "UpdateSchedule"}.get(method)


def _number(text, names, low):
    if text.isdigit():
        return int(text)
    upper = text.upper()
    return names.index(upper) + low if upper in names else None


def _item(item, index):
    (low, high), names, _ = FIELDS[index]
    base, slash, step = item.partition("/")
    if slash:
        if index == 4 or not step.isdigit() or not 1 <= int(step) <= high:
            return False
    if base == "*":
        return True
    bounds = base.split("-")
    if len(bounds) > 2:
        return False
    return all((n := _number(b, names, low)) is not None and low <= n <= high for b in bounds)


def _field(text, index):
    (low, high), names, _ = FIELDS[index]
    if text == "?":
        return index in (2, 4)
    if index == 2 and (text in ("L", "LW") or (text.endswith("W") and text[:-1].isdigit() and 1 <= int(text[:-1]) <= 31)):
        return True
    if index == 4:
        if text == "L" or (text.endswith("L") and (n := _number(text[:-1], names, low)) and low <= n <= high):
            return True
        if "#" in text:
            day, _, nth = text.partition("#")
            n = _number(day, names, low)
            return n is not None and low <= n <= high and nth.isdigit() and 1 <= int(nth) <= 5
    return all(item and _item(item, index) for item in text.split(","))


def expression_valid(expression):
    """Whether Scheduler takes `expression`."""
    match = RATE.match(expression)
    if match:
        value, unit = int(match.group(1)), match.group(2)
        return value >= 1 and unit.endswith("s") == (value != 1) and str(value) == match.group(1)
    match = AT.match(expression)
    if match:
        try:
            datetime.datetime(*map(int, match.groups()))
            return True
        except ValueError:
            return False
    if expression.startswith("cron(") and expression.endswith(")"):
        fields = expression[5:-1].split(" ")
        if len(fields) != 6 or not all(_field(f, i) for i, f in enumerate(fields)):
            return False
        return (fields[2] == "?") != (fields[4] == "?")
    return False


def check(method, path, body):
    """(status, code, message) when Scheduler would refuse this write, else None."""
    if not is_schedule_write(method, path):
        return None
    try:
        doc = json.loads(body or b"{}")
    except ValueError:
        return 400, "ValidationException", "Invalid request body"
    expression = doc.get("ScheduleExpression")
    if not isinstance(expression, str) or not expression_valid(expression):
        return 400, "ValidationException", f"Invalid Schedule Expression {expression}."
    zone = doc.get("ScheduleExpressionTimezone")
    if zone is not None and ZONES is not None and zone not in ZONES:
        return 400, "ValidationException", f"Invalid ScheduleExpressionTimezone {zone}."
    if not isinstance(doc.get("FlexibleTimeWindow"), dict):
        return 400, "ValidationException", "1 validation error detected: Value null at 'flexibleTimeWindow' failed to satisfy constraint: Member must not be null"
    return None


class ClientTokens:
    """Scheduler's idempotency tokens, which moto ignores: a CreateSchedule (or UpdateSchedule,
    CreateScheduleGroup) repeated with the same `ClientToken` and the same request gets the
    first one's answer instead of ConflictException, as on AWS — so two deploys that make the
    same schedule at once both succeed. Methods are called with the proxy's state lock held."""

    def __init__(self):
        self.seen = {}

    def reset(self):
        self.seen = {}

    @staticmethod
    def key(method, path, body):
        if method not in ("POST", "PUT") or not re.match(r"^/(schedules|schedule-groups)/[^/?]+$", path):
            return None
        try:
            doc = json.loads(body or b"{}")
        except ValueError:
            return None
        token = doc.get("ClientToken") if isinstance(doc, dict) else None
        return (method, path, token, json.dumps(doc, sort_keys=True)) if token else None

    def answered(self, method, path, body):
        """The stored answer of an identical earlier request, or None."""
        key = self.key(method, path, body)
        return self.seen.get(key) if key else None

    def remember(self, method, path, body, status, headers, out):
        key = self.key(method, path, body)
        if key and status == 200:
            self.seen[key] = (status, headers, out)
