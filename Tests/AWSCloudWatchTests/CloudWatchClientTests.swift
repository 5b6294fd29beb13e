import AWSCore
import AWSTestSupport
import Foundation
import Testing
@testable import AWSCloudWatch

/// CloudWatchClient on the wire: query-protocol form bodies (version 2010-08-01, signed for
/// `monitoring`), GetMetricData paging by `NextToken`, alarms as XML members.
@Suite("The CloudWatch client's metric data and alarms")
struct CloudWatchClientTests {
    let transport = ScriptedTransport()
    var cloudWatch: CloudWatchClient { CloudWatchClient(context: testContext(transport), endpoint: testEndpoint("monitoring")) }

    static func page(_ id: String, _ points: [(String, String)], status: String, next: String?) -> HTTPResponse {
        let stamps = points.map { "<member>\($0.0)</member>" }.joined()
        let values = points.map { "<member>\($0.1)</member>" }.joined()
        return xml(
            200,
            """
            <GetMetricDataResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><GetMetricDataResult>\
            <MetricDataResults><member><Id>\(id)</Id><Label>l</Label><Timestamps>\(stamps)</Timestamps>\
            <Values>\(values)</Values><StatusCode>\(status)</StatusCode></member></MetricDataResults>\
            \(next.map { "<NextToken>\($0)</NextToken>" } ?? "")<Messages/></GetMetricDataResult>\
            <ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></GetMetricDataResponse>
            """)
    }

    @Test("GetMetricData sends each query as members, oldest first, and joins the pages of one id")
    func metricDataPages() async throws {
        transport.on(
            "GetMetricData",
            Self.page("inv", [("2026-12-03T10:00:00Z", "3.0")], status: "PartialData", next: "t2"),
            Self.page("inv", [("2026-12-03T10:05:00Z", "4.5"), ("2026-12-03T10:10:00Z", "None")], status: "Complete", next: nil))
        let metric = MetricIdentity(namespace: "AWS/Lambda", name: "Invocations", dimensions: [MetricDimension("FunctionName", "f")])
        let results = try await cloudWatch.metricData(
            [MetricDataQuery(id: "inv", source: .metric(metric, period: 300, stat: "Sum"))],
            start: Date(timeIntervalSince1970: 1_796_292_000), end: Date(timeIntervalSince1970: 1_796_302_800))
        #expect(results.count == 1)
        #expect(results[0].values == [3.0, 4.5])
        #expect(results[0].timestamps == [Date(timeIntervalSince1970: 1_796_292_000), Date(timeIntervalSince1970: 1_796_292_300)])
        #expect(results[0].statusCode == "Complete")
        let first = formParameters(transport.sent[0])
        #expect(transport.sent[0].headers["Authorization"]?.contains("/us-east-1/monitoring/aws4_request") == true)
        #expect(first == [
            "Action": "GetMetricData", "Version": "2010-08-01",
            "MetricDataQueries.member.1.Id": "inv",
            "MetricDataQueries.member.1.MetricStat.Metric.Namespace": "AWS/Lambda",
            "MetricDataQueries.member.1.MetricStat.Metric.MetricName": "Invocations",
            "MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name": "FunctionName",
            "MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value": "f",
            "MetricDataQueries.member.1.MetricStat.Period": "300", "MetricDataQueries.member.1.MetricStat.Stat": "Sum",
            "MetricDataQueries.member.1.ReturnData": "true",
            "StartTime": "2026-12-03T10:00:00Z", "EndTime": "2026-12-03T13:00:00Z", "ScanBy": "TimestampAscending",
        ])
        #expect(formParameters(transport.sent[1])["NextToken"] == "t2")
    }

    @Test("an expression query sends Expression and Period instead of MetricStat")
    func expressionQuery() async throws {
        transport.on("GetMetricData", Self.page("rate", [], status: "Complete", next: nil))
        _ = try await cloudWatch.metricData(
            [MetricDataQuery(id: "rate", source: .expression("100*e/i", period: 60), label: "rate", returnData: false)],
            start: Date(timeIntervalSince1970: 0), end: Date(timeIntervalSince1970: 60))
        let form = formParameters(transport.sent[0])
        #expect(form["MetricDataQueries.member.1.Expression"] == "100*e/i")
        #expect(form["MetricDataQueries.member.1.Period"] == "60")
        #expect(form["MetricDataQueries.member.1.Label"] == "rate")
        #expect(form["MetricDataQueries.member.1.ReturnData"] == "false")
        #expect(form["MetricDataQueries.member.1.MetricStat.Stat"] == nil)
    }

    static let alarmMember = """
        <member><AlarmName>hello-errors</AlarmName><AlarmArn>arn:aws:cloudwatch:us-east-1:123456789012:alarm:hello-errors</AlarmArn>\
        <StateValue>ALARM</StateValue><StateReason>Threshold Crossed</StateReason>\
        <StateUpdatedTimestamp>2026-12-03T12:00:00.000Z</StateUpdatedTimestamp><MetricName>Errors</MetricName>\
        <Namespace>AWS/Lambda</Namespace><Statistic>Sum</Statistic><Dimensions><member><Name>FunctionName</Name>\
        <Value>hello</Value></member></Dimensions><Period>60</Period><EvaluationPeriods>1</EvaluationPeriods>\
        <Threshold>1.0</Threshold><ComparisonOperator>GreaterThanOrEqualToThreshold</ComparisonOperator>\
        <TreatMissingData>notBreaching</TreatMissingData><AlarmActions><member>arn:aws:sns:us-east-1:123456789012:alerts</member>\
        </AlarmActions><OKActions/></member>
        """

    @Test("DescribeAlarms reads state, reason, last change and definition, follows NextToken, and skips metric-math alarms")
    func describeAlarms() async throws {
        transport.on(
            "DescribeAlarms",
            xml(200, "<DescribeAlarmsResponse><DescribeAlarmsResult><MetricAlarms>\(Self.alarmMember)</MetricAlarms><NextToken>n</NextToken></DescribeAlarmsResult></DescribeAlarmsResponse>"),
            xml(200, "<DescribeAlarmsResponse><DescribeAlarmsResult><MetricAlarms><member><AlarmName>math</AlarmName><Metrics><member><Id>m</Id></member></Metrics></member></MetricAlarms></DescribeAlarmsResult></DescribeAlarmsResponse>"))
        let alarms = try await cloudWatch.describeAlarms(prefix: "hello-")
        #expect(alarms.count == 1)
        let alarm = try #require(alarms.first)
        #expect(alarm.state == "ALARM" && alarm.stateReason == "Threshold Crossed")
        #expect(alarm.stateUpdated == Date(timeIntervalSince1970: 1_796_299_200))
        #expect(alarm.definition == AlarmDefinition(
            name: "hello-errors", namespace: "AWS/Lambda", metricName: "Errors", dimensions: [MetricDimension("FunctionName", "hello")],
            statistic: "Sum", period: 60, evaluationPeriods: 1, threshold: 1, comparisonOperator: "GreaterThanOrEqualToThreshold",
            treatMissingData: "notBreaching", alarmActions: ["arn:aws:sns:us-east-1:123456789012:alerts"]))
        #expect(formParameters(transport.sent[0])["AlarmNamePrefix"] == "hello-")
        #expect(formParameters(transport.sent[0])["AlarmTypes.member.1"] == "MetricAlarm")
        #expect(formParameters(transport.sent[1])["NextToken"] == "n")
    }

    @Test("PutMetricAlarm sends a percentile as ExtendedStatistic, actions and tags as members")
    func putAlarm() async throws {
        transport.on("PutMetricAlarm", xml(200, "<PutMetricAlarmResponse/>"))
        let alarm = AlarmDefinition(
            name: "hello-duration-p99", namespace: "AWS/Lambda", metricName: "Duration",
            dimensions: [MetricDimension("FunctionName", "hello"), MetricDimension("Resource", "hello:live")],
            statistic: "p99", period: 300, evaluationPeriods: 3, datapointsToAlarm: 2, threshold: 1500.5,
            comparisonOperator: "GreaterThanThreshold", alarmActions: ["arn:t"])
        try await cloudWatch.putMetricAlarm(alarm, tags: ["lambdactl:app": "shop"])
        let form = formParameters(transport.sent[0])
        #expect(form["ExtendedStatistic"] == "p99" && form["Statistic"] == nil)
        #expect(form["Dimensions.member.2.Value"] == "hello:live")
        #expect(form["Threshold"] == "1500.5" && form["DatapointsToAlarm"] == "2")
        #expect(form["AlarmActions.member.1"] == "arn:t" && form["OKActions.member.1"] == nil)
        #expect(form["Tags.member.1.Key"] == "lambdactl:app" && form["Tags.member.1.Value"] == "shop")
    }

    @Test("DeleteAlarms sends at most 100 names per call; errors carry code and request id")
    func deleteAndErrors() async throws {
        transport.on("DeleteAlarms", xml(200, "<DeleteAlarmsResponse/>"), xml(200, "<DeleteAlarmsResponse/>"))
        try await cloudWatch.deleteAlarms((1...150).map { "a\($0)" })
        #expect(transport.sent.count == 2)
        #expect(formParameters(transport.sent[1])["AlarmNames.member.50"] == "a150")
        transport.on("DescribeAlarmsForMetric", queryError(400, "InvalidParameterValue", "bad", requestID: "rq-9"))
        let error = await #expect(throws: AWSServiceError.self) {
            try await cloudWatch.describeAlarms(for: MetricIdentity(namespace: "AWS/Lambda", name: "Errors", dimensions: []))
        }
        #expect(error?.code == "InvalidParameterValue" && error?.requestID == "rq-9")
    }

    @Test("a throttling answer is the service's own code, retried")
    func throttling() {
        #expect(RetryPolicy.isRetryable(.service(code: "Throttling", status: 400), serviceCodes: ServiceDescriptor.cloudWatch.throttlingCodes))
    }
}
