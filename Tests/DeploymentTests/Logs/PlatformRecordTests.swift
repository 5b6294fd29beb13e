import AWSCloudWatchLogs
import Deployment
import Foundation
import Testing

/// The JSON log format's platform records (`LoggingConfig.LogFormat = JSON`), understood as the
/// text format's START/REPORT lines. Samples shaped as the Lambda Developer Guide shows them.
@Suite("JSON-format platform records")
struct PlatformRecordTests {
    static let start =
        #"{"time":"2023-11-20T12:34:56.789Z","type":"platform.start","record":{"requestId":"6d68ca91-49c9-448d-89b8-7ca3e6dc66aa","version":"$LATEST"}}"#
    static let report =
        #"{"time":"2023-11-20T12:34:57.123Z","type":"platform.report","record":{"requestId":"6d68ca91-49c9-448d-89b8-7ca3e6dc66aa","metrics":{"durationMs":2.15,"billedDurationMs":3,"memorySizeMB":128,"maxMemoryUsedMB":68,"initDurationMs":150.3},"status":"success"}}"#
    static let application =
        #"{"timestamp":"2023-11-20T12:34:57.001Z","level":"INFO","message":"hello","requestId":"6d68ca91-49c9-448d-89b8-7ca3e6dc66aa"}"#
    static let id = "6d68ca91-49c9-448d-89b8-7ca3e6dc66aa"

    @Test("platform.start and platform.report read as the START and REPORT lines of the text format")
    func textLines() throws {
        #expect(PlatformRecord(Self.start)?.textLine == "START RequestId: \(Self.id) Version: $LATEST")
        let report = try #require(PlatformRecord(Self.report))
        #expect(report.metrics["billedDurationMs"] == 3)
        #expect(report.textLine == "REPORT RequestId: \(Self.id)\tDuration: 2.15 ms\tBilled Duration: 3 ms\tMemory Size: 128 MB\tMax Memory Used: 68 MB\tInit Duration: 150.3 ms")
        let timeout = #"{"time":"t","type":"platform.report","record":{"requestId":"r9","metrics":{"durationMs":3000.0},"status":"timeout"}}"#
        #expect(PlatformRecord(timeout)?.textLine == "REPORT RequestId: r9\tDuration: 3000 ms\tStatus: timeout")
    }

    @Test("application JSON lines, text lines and broken JSON are not platform records")
    func others() {
        #expect(PlatformRecord(Self.application) == nil)
        #expect(PlatformRecord("START RequestId: r1 Version: $LATEST") == nil)
        #expect(PlatformRecord(#"{"type":"platform.start","record":"#) == nil)
        #expect(PlatformRecord.equivalentLine(Self.application) == Self.application)
    }

    @Test("invoke --logs shows platform records as START/REPORT lines and keeps the rest")
    func readableTail() {
        let tail = [Self.start, Self.application, Self.report, ""].joined(separator: "\n")
        let lines = PlatformRecord.readable(tail).split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0] == "START RequestId: \(Self.id) Version: $LATEST")
        #expect(lines[1] == Self.application)
        #expect(lines[2].hasPrefix("REPORT RequestId: \(Self.id)\tDuration: 2.15 ms"))
    }

    @Test("--request-id follows one invocation from platform.start to platform.report")
    func requestID() async throws {
        let rig = TailRig()
        let t0 = rig.clock.nowMilliseconds
        let other = Self.start.replacingOccurrences(of: Self.id, with: "other")
        let lines = [other, Self.start, Self.application, Self.report, Self.start]
        for (index, text) in lines.enumerated() {
            rig.service.put(stream: "2026/11/23/[$LATEST]x", timestamp: t0 + Int64(index), message: text)
        }
        var options = rig.options()
        options.filter = LogEventFilter(requestID: Self.id)
        let outcome = try await rig.tail.run(options)
        #expect(outcome == .requestComplete)
        #expect(rig.messages == [Self.start, Self.application, Self.report])
    }

    @Test("--until-pattern REPORT matches a platform.report record")
    func untilReport() async throws {
        let rig = TailRig()
        let t0 = rig.clock.nowMilliseconds
        for (index, text) in [Self.start, Self.application, Self.report, "after"].enumerated() {
            rig.service.put(stream: "a", timestamp: t0 + Int64(index) * 10, message: text)
        }
        var options = rig.options()
        options.untilPattern = "^REPORT RequestId: [0-9a-f-]+\tDuration"
        let outcome = try await rig.tail.run(options)
        #expect(outcome == .matched)
        #expect(rig.messages.count == 3)
    }
}
