import AWSLambda
import Testing
@testable import Deployment

/// The complete destination set the role's `lambdactl-destinations` policy is scoped to.
@Suite("A function's complete destination set: dead-letter target plus every qualifier's destinations")
struct FunctionDestinationsTests {
    let base = "arn:aws:lambda:us-east-1:123456789012:function:f"
    let dlq = "arn:aws:sqs:us-east-1:123456789012:dlq"
    let failed = "arn:aws:sns:us-east-1:123456789012:failed"
    let done = "arn:aws:sqs:us-east-1:123456789012:done"

    func config(_ qualifier: String?, onSuccess: String? = nil, onFailure: String? = nil) -> EventInvokeConfig {
        EventInvokeConfig(
            functionARN: base + (qualifier.map { ":\($0)" } ?? ""),
            destinationConfig: DestinationConfig(onSuccess: Destination(onSuccess ?? ""), onFailure: Destination(onFailure ?? "")))
    }

    @Test("the dead-letter target and every qualifier's destinations, sorted, once each, no empty ones")
    func union() {
        let arns = FunctionDestinations.merge(
            deadLetter: dlq, configs: [config(nil, onFailure: failed), config("live", onSuccess: done, onFailure: failed)],
            replacing: nil)
        #expect(arns == [failed, done, dlq].sorted())
    }

    @Test("the given qualifier's destinations replace what Lambda has for it; other qualifiers stay")
    func replaced() {
        let configs = [config(nil, onFailure: failed), config("live", onSuccess: done)]
        let other = "arn:aws:events:us-east-1:123456789012:event-bus/default"
        let arns = FunctionDestinations.merge(
            deadLetter: nil, configs: configs,
            replacing: .init(qualifier: "live", settings: AsyncInvokeSettings(onFailure: other)))
        #expect(arns == [other, failed].sorted())
        let cleared = FunctionDestinations.merge(
            deadLetter: nil, configs: configs, replacing: .init(qualifier: "$LATEST", settings: nil))
        #expect(cleared == [done])
    }

    @Test("no dead-letter target and no configurations: an empty set (the policy is removed), not nil")
    func empty() {
        #expect(FunctionDestinations.merge(deadLetter: "", configs: [], replacing: nil) == [])
        #expect(FunctionDestinations.merge(deadLetter: nil, configs: [config(nil)], replacing: nil) == [])
    }
}

@Suite("A new function's destination set")
struct NewFunctionDestinationsTests {
    @Test("a new function sends only to its dead-letter target; without one the policy is left alone")
    func newFunction() {
        #expect(FunctionCreator.newDestinations(.target("arn:aws:sqs:us-east-1:123456789012:dlq")) == ["arn:aws:sqs:us-east-1:123456789012:dlq"])
        #expect(FunctionCreator.newDestinations(nil) == nil)
        #expect(FunctionCreator.newDestinations(.remove) == nil)
    }
}
