import Foundation
import Testing

/// Creates a function in moto: argv[1] its name.
private let createFunction = """
    import io, zipfile
    iam = client("iam")
    role = iam.create_role(RoleName="r-" + sys.argv[1], AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive: archive.writestr("index.py", "def handler(e, c): return e")
    client("lambda").create_function(FunctionName=sys.argv[1], Runtime="python3.12", Role=role,
        Handler="index.handler", Code={"ZipFile": buffer.getvalue()})
    """

/// Puts AWS/Lambda datapoints through the proxy with query-protocol PutMetricData (so the proxy
/// keeps them for percentiles): argv[1] function, argv[2] JSON [[metric, minutes ago, [values]], …].
private let putMetrics = """
    import os, datetime, urllib.request
    from urllib.parse import urlencode
    from botocore.auth import SigV4Auth
    from botocore.awsrequest import AWSRequest
    from botocore.credentials import Credentials
    PROXY = os.environ["LAMBDACTL_TEST_ENDPOINT"]
    KEYS = Credentials(os.environ["LAMBDACTL_TEST_ACCESS_KEY_ID"], os.environ["LAMBDACTL_TEST_SECRET_ACCESS_KEY"])
    now = datetime.datetime.now(datetime.timezone.utc)
    points = json.loads(sys.argv[2])
    for start in range(0, len(points), 20):
        params = [("Action", "PutMetricData"), ("Version", "2010-08-01"), ("Namespace", "AWS/Lambda")]
        for i, (metric, ago, values) in enumerate(points[start:start + 20], 1):
            p = f"MetricData.member.{i}"
            stamp = (now - datetime.timedelta(minutes=ago)).strftime("%Y-%m-%dT%H:%M:%SZ")
            params += [(f"{p}.MetricName", metric), (f"{p}.Timestamp", stamp),
                       (f"{p}.Dimensions.member.1.Name", "FunctionName"), (f"{p}.Dimensions.member.1.Value", sys.argv[1])]
            params += [(f"{p}.Values.member.{k}", str(v)) for k, v in enumerate(values, 1)]
        body = urlencode(params)
        request = AWSRequest(method="POST", url=PROXY + "/", data=body,
                             headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"})
        SigV4Auth(KEYS, "monitoring", REGION).add_auth(request)
        urllib.request.urlopen(urllib.request.Request(PROXY + "/", data=body.encode(), headers=dict(request.headers), method="POST")).read()
    """

/// Runs lambdactl in a pseudo-terminal, sends Ctrl-C after argv[1] seconds and prints the exit
/// status and what it wrote as JSON: argv[2] its environment (JSON), argv[3] the binary, argv[4:]
/// its arguments.
private let inTerminal = """
    import os, pty, signal, select
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(sys.argv[3], sys.argv[3:], json.loads(sys.argv[2]))
    output, deadline = b"", time.time() + float(sys.argv[1])
    while time.time() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try: output += os.read(fd, 65536)
            except OSError: break
    os.kill(pid, signal.SIGINT)
    while True:
        try:
            chunk = os.read(fd, 65536)
            if not chunk: break
            output += chunk
        except OSError: break
    _, status = os.waitpid(pid, 0)
    print(json.dumps({"status": os.waitstatus_to_exitcode(status), "output": output.decode("utf-8", "replace")}))
    """

extension LogsRoutesIntegration {
    @Suite("metrics against the harness (data seeded with PutMetricData)")
    struct MetricsAgainstHarness {
        static func seeded() throws -> String {
            let function = LogsRoutesHarness.unique("metrics")
            try LogsRoutesHarness.python(createFunction, arguments: [function])
            var points: [[Any]] = []
            for ago in stride(from: 2, to: 60, by: 5) {
                points.append(["Invocations", ago, [10]])
                points.append(["Errors", ago, [ago == 7 ? 2 : 0]])
                points.append(["Duration", ago, [100, 200, 300, 400, 1_000]])
            }
            let data = try JSONSerialization.data(withJSONObject: points)
            try LogsRoutesHarness.python(putMetrics, arguments: [function, String(decoding: data, as: UTF8.self)])
            return function
        }

        @Test("text: one row per metric within 80 columns, totals, maxima and the proxy's percentiles")
        func text() throws {
            let function = try Self.seeded()
            let result = try CommandRunner.run(
                ["metrics", function, "--since", "2h", "--period", "5m"], environment: LogsRoutesHarness.commandEnvironment)
            #expect(result.exitCode == 0, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.allSatisfy { $0.count <= 80 }, "\(result.stdout)")
            #expect(lines.first?.hasPrefix("\(function)  5m periods  ") == true, "\(result.stdout)")
            #expect(lines.contains { $0.hasPrefix("Invocations") && $0.hasSuffix("total 120") }, "\(result.stdout)")
            #expect(lines.contains { $0.hasPrefix("Errors") && $0.hasSuffix("total 2") }, "\(result.stdout)")
            #expect(lines.contains { $0.hasPrefix("Error rate") && $0.hasSuffix("overall 1.67%") }, "\(result.stdout)")
            #expect(lines.contains { $0.hasPrefix("Duration avg") && $0.hasSuffix("max 400 ms") }, "\(result.stdout)")
            #expect(lines.contains { $0.hasPrefix("Duration p50") && $0.hasSuffix("max 300 ms") }, "\(result.stdout)")
            #expect(lines.contains { $0.hasPrefix("Duration p99") && $0.hasSuffix("max 1 s") }, "\(result.stdout)")
            #expect(lines.contains { $0.hasPrefix("Throttles") && $0.hasSuffix("no data") }, "\(result.stdout)")
            #expect(lines.contains { $0.contains("▁") || $0.contains("█") })
            #expect(!result.stdout.contains("\u{1B}["), "no colour off a terminal")
        }

        @Test("JSON: the timestamps and values of each metric, and a missing function exits 4 with one line")
        func json() throws {
            let function = try Self.seeded()
            let result = try CommandRunner.run(
                ["metrics", function, "--since", "1h", "--period", "1m", "--output", "json"], environment: LogsRoutesHarness.commandEnvironment)
            #expect(result.exitCode == 0, "\(result.stderr)")
            let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            #expect(object["function"] as? String == function && object["period"] as? Int == 60)
            let metrics = try #require(object["metrics"] as? [[String: Any]])
            let invocations = try #require(metrics.first { $0["id"] as? String == "invocations" })
            #expect((invocations["values"] as? [Double])?.count == 12)
            #expect((invocations["timestamps"] as? [String])?.count == 12)
            #expect((invocations["summary"] as? [String: Any])?["total"] as? Double == 120)
            let p99 = try #require(metrics.first { $0["id"] as? String == "duration_p99" })
            #expect(Set(p99["values"] as? [Double] ?? []) == [1_000])

            let missing = try CommandRunner.run(["metrics", function + "-nope"], environment: LogsRoutesHarness.commandEnvironment)
            #expect(missing.exitCode == 4)
            #expect(missing.stderr.split(separator: "\n").count == 1 && missing.stderr.contains("does not exist"), "\(missing.stderr)")
        }

        @Test("--watch in a terminal redraws in place and in colour; Ctrl-C exits 130; NO_COLOR turns colour off")
        func watch() throws {
            let function = try Self.seeded()
            var environment = LogsRoutesHarness.commandEnvironment.compactMapValues { $0 }
            environment["TERM"] = "xterm"
            func run(_ extra: [String: String]) throws -> (status: Int, output: String) {
                let env = String(decoding: try JSONSerialization.data(withJSONObject: environment.merging(extra) { $1 }), as: UTF8.self)
                let text = try LogsRoutesHarness.python(
                    inTerminal, arguments: ["4", env, CommandRunner.binary.path, "metrics", function, "--since", "1h", "--period", "1m", "--watch"])
                let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
                return (object["status"] as? Int ?? -1, object["output"] as? String ?? "")
            }
            let colored = try run([:])
            #expect(colored.status == 130, "\(colored.output)")
            #expect(colored.output.contains("\u{1B}[H\u{1B}[J") && colored.output.contains("Invocations"), "\(colored.output)")
            #expect(colored.output.contains("\u{1B}[36m"), "\(colored.output)")
            let plain = try run(["NO_COLOR": "1"])
            #expect(plain.status == 130)
            #expect(plain.output.contains("Invocations") && !plain.output.contains("\u{1B}[36m"), "\(plain.output)")
        }
    }
}

/// Creates alarms in moto and sets one's state: argv[1] the function.
private let createAlarms = """
    cw = client("cloudwatch")
    f = sys.argv[1]
    cw.put_metric_alarm(AlarmName=f + "-errors", Namespace="AWS/Lambda", MetricName="Errors",
        Dimensions=[{"Name": "FunctionName", "Value": f}], Statistic="Sum", Period=60, EvaluationPeriods=1,
        Threshold=1, ComparisonOperator="GreaterThanOrEqualToThreshold", TreatMissingData="notBreaching")
    cw.put_metric_alarm(AlarmName=f + "-live-p99", Namespace="AWS/Lambda", MetricName="Duration",
        Dimensions=[{"Name": "FunctionName", "Value": f}, {"Name": "Resource", "Value": f + ":live"}],
        ExtendedStatistic="p99", Period=300, EvaluationPeriods=3, Threshold=1500, ComparisonOperator="GreaterThanThreshold")
    cw.put_metric_alarm(AlarmName=f + "x-errors", Namespace="AWS/Lambda", MetricName="Errors",
        Dimensions=[{"Name": "FunctionName", "Value": f + "x"}], Statistic="Sum", Period=60, EvaluationPeriods=1,
        Threshold=1, ComparisonOperator="GreaterThanOrEqualToThreshold")
    cw.set_alarm_state(AlarmName=f + "-errors", StateValue="ALARM", StateReason="Threshold Crossed: 1 datapoint [3.0]")
    """

extension LogsRoutesIntegration {
    @Suite("alarms against the harness")
    struct AlarmsAgainstHarness {
        @Test("lists the function's alarms (not another's) with state, reason and last change, as text and JSON")
        func listing() throws {
            let function = LogsRoutesHarness.unique("alarms")
            try LogsRoutesHarness.python(createFunction, arguments: [function])
            let empty = try CommandRunner.run(["alarms", function], environment: LogsRoutesHarness.commandEnvironment)
            #expect(empty.exitCode == 0 && empty.stdout == "no alarms on \(function)'s metrics\n", "\(empty.stderr)")
            try LogsRoutesHarness.python(createAlarms, arguments: [function])
            let text = try CommandRunner.run(["alarms", function], environment: LogsRoutesHarness.commandEnvironment)
            #expect(text.exitCode == 0, "\(text.stderr)")
            let lines = text.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 5, "\(text.stdout)")
            #expect(lines[1].hasPrefix("\(function)-errors ") && lines[1].contains(" ALARM ") && lines[1].contains("Errors Sum >= 1 (1m ×1)"))
            #expect(lines[2] == "  Threshold Crossed: 1 datapoint [3.0]")
            #expect(lines[3].contains("Duration p99 > 1,500 (5m ×3) on \(function):live"), "\(text.stdout)")
            #expect(!text.stdout.contains("\(function)x-errors"))
            let json = try CommandRunner.run(["alarms", function, "--output", "json"], environment: LogsRoutesHarness.commandEnvironment)
            let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let alarms = try #require(object["alarms"] as? [[String: Any]])
            #expect(alarms.map { $0["name"] as? String } == ["\(function)-errors", "\(function)-live-p99"])
            #expect(alarms[0]["state"] as? String == "ALARM" && alarms[0]["updated"] is String)
            #expect(alarms[1]["statistic"] as? String == "p99")
        }
    }
}
