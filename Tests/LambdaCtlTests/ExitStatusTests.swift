import AWSCore
import ArgumentParser
import Deployment
import Testing
@testable import lambdactl

@Suite("Exit codes")
struct ExitStatusTests {
    struct Failure: CategorizedError {
        let category: ErrorCategory
    }

    @Test(
        "each category has its documented code",
        arguments: [
            (ErrorCategory.usage, Int32(2)), (.configuration, 3), (.refused, 4), (.unavailable, 5),
            (.conflict, 6), (.waitFailed, 7), (.functionError, 8), (.localInput, 9), (.stopCondition, 10), (.rolledBack, 11),
            (.unexpected, 1),
        ])
    func categoryCodes(category: ErrorCategory, code: Int32) {
        #expect(ExitStatus.code(for: Failure(category: category)) == code)
    }

    @Test(
        "a logs run ends 0 normally, 10 when what it waited for did not happen, 130 on Ctrl-C",
        arguments: [
            (LogTailOutcome.finished, Int32(0)), (.matched, 0), (.requestComplete, 0), (.reachedUntil, 0),
            (.maxDuration(awaited: false), 0), (.maxDuration(awaited: true), 10), (.idleTimeout, 10), (.interrupted, 130),
        ])
    func logsOutcomes(outcome: LogTailOutcome, code: Int32) {
        #expect(ExitStatus.code(for: outcome) == code)
    }

    @Test("every category is in the table, and no two share a code")
    func tableIsComplete() {
        #expect(Set(ExitStatus.table.map(\.0)) == Set(ErrorCategory.allCases))
        #expect(Set(ExitStatus.table.map(\.1)).count == ExitStatus.table.count)
    }

    @Test("doctor's findings code (12) is no category's code")
    func findingsCodeIsDistinct() {
        #expect(ExitStatus.findings == 12)
        #expect(!ExitStatus.table.map(\.1).contains(ExitStatus.findings))
    }

    @Test("init's needs-a-hand code (13) is no category's code and not doctor's")
    func needsHandCodeIsDistinct() {
        #expect(ExitStatus.needsHand == 13)
        #expect(!ExitStatus.table.map(\.1).contains(ExitStatus.needsHand) && ExitStatus.needsHand != ExitStatus.findings)
    }

    @Test("argument errors are usage errors; help is success; cancellation is 130; anything else is 1")
    func otherErrors() {
        #expect(ExitStatus.code(for: ValidationError("bad")) == 2)
        #expect(ExitStatus.code(for: CleanExit.helpRequest()) == 0)
        #expect(ExitStatus.code(for: CancellationError()) == 130)
        struct Unknown: Error {}
        #expect(ExitStatus.code(for: Unknown()) == 1)
    }

    @Test("AWS errors map through their category")
    func awsErrors() {
        #expect(ExitStatus.code(for: AWSServiceError(code: "ResourceNotFoundException", message: "", requestID: nil, status: 404)) == 4)
        #expect(ExitStatus.code(for: AWSServiceError(code: "PreconditionFailedException", message: "", requestID: nil, status: 412)) == 6)
        #expect(ExitStatus.code(for: AWSTransportFailure(underlying: .timedOut, operation: "X", endpoint: "e", attempts: 3)) == 5)
    }

    @Test("an answer that cannot be decoded is exit 1 naming the operation, never 5 (throttled/unavailable)")
    func undecodableAnswer() {
        let error = AWSResponseDecodingError(operation: "FilterLogEvents", detail: "events[0].timestamp: not a number")
        #expect(ExitStatus.code(for: error) == 1)
        #expect(String(describing: error).hasPrefix("FilterLogEvents: "))
    }
}

@Suite("request command helpers")
struct RequestSupportTests {
    @Test("--signing-time parses the SigV4 basic format and nothing else")
    func signingTime() throws {
        let date = try #require(SigningTime.parse("20150830T123600Z"))
        #expect(date.timeIntervalSince1970 == 1_440_938_160)
        #expect(SigningTime.parse("2015-08-30T12:36:00Z") == nil)
        #expect(SigningTime.parse("20150830T1236Z") == nil)
    }

    @Test("a dry run masks the session token and, for a live time, the signature")
    func dryRunMasks() {
        let text = SigningStagesText.render(
            ("GET\n/\n\nx-amz-security-token:TOK123\n", "AWS4-HMAC-SHA256\n…", "AWS4-HMAC-SHA256 Credential=A/…, SignedHeaders=host, Signature=abc"),
            sessionToken: "TOK123", maskSignature: true)
        #expect(!text.contains("TOK123"))
        #expect(!text.contains("Signature=abc"))
    }
}

@Suite("request input checks")
struct RequestInputTests {
    @Test("--signing-time refuses fields out of range instead of rolling them over")
    func signingTimeRanges() {
        #expect(SigningTime.parse("20151399T999999Z") == nil)
        #expect(SigningTime.parse("20150230T120000Z") == nil)
        #expect(SigningTime.parse("20150830T123600Z") != nil)
    }
}
