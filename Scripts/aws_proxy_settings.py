"""Function settings as real Lambda keeps them, which moto 5.2.1 does not.

moto stores `VpcConfig` (passed through untouched) but ignores `TracingConfig` and
`EphemeralStorage` on UpdateFunctionConfiguration and drops `LoggingConfig`,
`DeadLetterConfig` and `SnapStart` everywhere. So the proxy:

- validates them as AWS does before the request reaches moto (enum values, the /tmp range,
  the dead-letter ARN, log levels only with the JSON format, SnapStart only for Java 11+,
  Python 3.12+ and .NET 8+ and not with more than 512 MB of /tmp) and answers AWS's error;
- remembers them per function once moto accepted the call (an update merges `LoggingConfig`
  into the current one; `DeadLetterConfig: {TargetArn: ""}` removes the queue);
- puts them into every configuration it answers: CreateFunction, UpdateFunctionConfiguration,
  UpdateFunctionCode, GetFunction(Configuration), ListFunctions, ListVersionsByFunction,
  PublishVersion. A published version keeps the settings `$LATEST` had when it was published,
  with `SnapStart.OptimizationStatus` `On` when SnapStart applies to published versions.

`check` runs with the state lock held (before forwarding), `note` and `decorate` too.
"""

import copy
import re
import threading
from aws_proxy_json import bare_function as _bare, json_object as _json

SETTING_OPS = {"CreateFunction", "UpdateFunctionConfiguration"}
PUBLISHING = {"CreateFunction", "UpdateFunctionCode", "PublishVersion"}
APPLICATION_LEVELS = ["TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"]
SYSTEM_LEVELS = ["DEBUG", "INFO", "WARN"]
#: botocore's ResourceArn pattern for DeadLetterConfig.TargetArn (service-2.json).
TARGET_PATTERN = re.compile(r"^(arn:(aws[a-zA-Z-]*)?:[a-z0-9-.]+:.*)|()$")


def defaults(name):
    """What a function Lambda just created reports."""
    return {
        "TracingConfig": {"Mode": "PassThrough"},
        "EphemeralStorage": {"Size": 512},
        "LoggingConfig": {"LogFormat": "Text", "LogGroup": f"/aws/lambda/{name}"},
        "SnapStart": {"ApplyOn": "None", "OptimizationStatus": "Off"},
    }


def snap_start_supported(runtime):
    """Java 11+, Python 3.12+, .NET 8+."""
    runtime = runtime or ""
    for prefix, least in (("java", 11), ("python3.", 12), ("dotnet", 8)):
        match = re.match(re.escape(prefix) + r"(\d+)$", runtime)
        if match:
            return int(match.group(1)) >= least
    return False


def _enum(value, field, allowed):
    return (400, "ValidationException",
            f"1 validation error detected: Value '{value}' at '{field}' failed to satisfy constraint: "
            f"Member must satisfy enum value set: [{', '.join(allowed)}]")


class SettingsEmulation:
    """Checks, remembers and re-adds TracingConfig, EphemeralStorage, LoggingConfig,
    DeadLetterConfig and SnapStart."""

    def __init__(self):
        self.lock = threading.Lock()
        self.pending = {}

    def reset(self):
        with self.lock:
            self.pending.clear()

    def check(self, op, name, body, state_of, known):
        """An AWS refusal (status, code, message) for the settings in a request, or None;
        remembers what an accepted request asks for until moto answers."""
        if op not in SETTING_OPS:
            return None
        doc = _json(body)
        if op == "CreateFunction":
            name = _bare(doc.get("FunctionName"))
        if not name:
            return None
        current = copy.deepcopy(state_of(name).get("settings") or defaults(name)) \
            if op != "CreateFunction" and name in known else defaults(name)
        runtime = doc.get("Runtime") or (state_of(name).get("runtime") if name in known else None)
        wanted, refusal = self._merge(current, doc, name)
        if refusal:
            return refusal
        refusal = self._rules(wanted, runtime)
        if refusal:
            return refusal
        with self.lock:
            self.pending[name] = (wanted, runtime)
        return None

    def _merge(self, current, doc, name):
        wanted = current
        tracing = doc.get("TracingConfig")
        if isinstance(tracing, dict) and "Mode" in tracing:
            if tracing["Mode"] not in ("Active", "PassThrough"):
                return None, _enum(tracing["Mode"], "tracingConfig.mode", ["Active", "PassThrough"])
            wanted["TracingConfig"] = {"Mode": tracing["Mode"]}
        storage = doc.get("EphemeralStorage")
        if isinstance(storage, dict) and "Size" in storage:
            size = storage["Size"]
            if not isinstance(size, int) or size < 512 or size > 10240:
                bound = "greater than or equal to 512" if isinstance(size, int) and size < 512 \
                    else "less than or equal to 10240"
                return None, (400, "ValidationException",
                              f"1 validation error detected: Value '{size}' at 'ephemeralStorage.size' failed "
                              f"to satisfy constraint: Member must have value {bound}")
            wanted["EphemeralStorage"] = {"Size": size}
        logging = doc.get("LoggingConfig")
        if isinstance(logging, dict):
            merged = dict(wanted["LoggingConfig"])
            merged.update({k: v for k, v in logging.items() if v is not None})
            if merged.get("LogFormat") not in ("JSON", "Text"):
                return None, _enum(merged.get("LogFormat"), "loggingConfig.logFormat", ["JSON", "Text"])
            for key, field, allowed in (("ApplicationLogLevel", "loggingConfig.applicationLogLevel", APPLICATION_LEVELS),
                                        ("SystemLogLevel", "loggingConfig.systemLogLevel", SYSTEM_LEVELS)):
                if key in logging and logging[key] not in allowed:
                    return None, _enum(logging[key], field, allowed)
            if merged["LogFormat"] == "Text":
                if "ApplicationLogLevel" in logging or "SystemLogLevel" in logging:
                    return None, (400, "InvalidParameterValueException",
                                  "ApplicationLogLevel and SystemLogLevel are only supported when LogFormat is "
                                  "set to JSON.")
                merged.pop("ApplicationLogLevel", None)
                merged.pop("SystemLogLevel", None)
            else:
                merged.setdefault("ApplicationLogLevel", "INFO")
                merged.setdefault("SystemLogLevel", "INFO")
            if not merged.get("LogGroup"):
                merged["LogGroup"] = f"/aws/lambda/{name}"
            wanted["LoggingConfig"] = merged
        dead = doc.get("DeadLetterConfig")
        if isinstance(dead, dict) and "TargetArn" in dead:
            target = dead.get("TargetArn") or ""
            if not TARGET_PATTERN.match(target):
                return None, (400, "ValidationException",
                              f"1 validation error detected: Value '{target}' at 'deadLetterConfig.targetArn' "
                              "failed to satisfy constraint: Member must satisfy regular expression pattern: "
                              "(arn:(aws[a-zA-Z-]*)?:[a-z0-9-.]+:.*)|()")
            if target and target.split(":")[2:3] not in (["sqs"], ["sns"]):
                return None, (400, "InvalidParameterValueException",
                              "The DeadLetterConfig target ARN must be an SQS queue or an SNS topic.")
            if target:
                wanted["DeadLetterConfig"] = {"TargetArn": target}
            else:
                wanted.pop("DeadLetterConfig", None)
        snap = doc.get("SnapStart")
        if isinstance(snap, dict) and "ApplyOn" in snap:
            if snap["ApplyOn"] not in ("PublishedVersions", "None"):
                return None, _enum(snap["ApplyOn"], "snapStart.applyOn", ["PublishedVersions", "None"])
            wanted["SnapStart"] = {"ApplyOn": snap["ApplyOn"], "OptimizationStatus": "Off"}
        return wanted, None

    @staticmethod
    def _rules(wanted, runtime):
        if wanted["SnapStart"]["ApplyOn"] != "PublishedVersions":
            return None
        if not snap_start_supported(runtime):
            return (400, "InvalidParameterValueException",
                    f"{runtime} is not supported for SnapStart enabled functions.")
        if wanted["EphemeralStorage"]["Size"] > 512:
            return (400, "InvalidParameterValueException",
                    "SnapStart is not supported for functions with ephemeral storage greater than 512 MB.")
        return None

    def note(self, op, name, status, doc, state_of):
        """After moto answered: keep what the request set, snapshot a published version."""
        if op in SETTING_OPS:
            name = _bare(doc.get("FunctionName")) if op == "CreateFunction" and doc.get("FunctionName") else name
            with self.lock:
                pending = self.pending.pop(name, None)
            if 200 <= status < 300 and pending is not None:
                state = state_of(name)
                state["settings"], runtime = pending
                state["runtime"] = doc.get("Runtime") or runtime
        if op in PUBLISHING and 200 <= status < 300 and doc.get("FunctionName"):
            state = state_of(doc["FunctionName"])
            version = str(doc.get("Version") or "")
            if version and version != "$LATEST":
                settings = copy.deepcopy(state.get("settings") or defaults(doc["FunctionName"]))
                if settings["SnapStart"]["ApplyOn"] == "PublishedVersions":
                    settings["SnapStart"]["OptimizationStatus"] = "On"
                state.setdefault("version_settings", {}).setdefault(version, settings)

    def decorate(self, conf, state_of):
        """Puts the function's (or version's) settings into one configuration; True if changed."""
        if not isinstance(conf, dict) or "FunctionName" not in conf:
            return False
        name = conf["FunctionName"]
        state = state_of(name)
        version = str(conf.get("Version") or "$LATEST")
        settings = state.get("settings") if version == "$LATEST" else \
            (state.get("version_settings") or {}).get(version)
        settings = settings or defaults(name)
        conf.pop("DeadLetterConfig", None)
        conf.update(copy.deepcopy(settings))
        return True
