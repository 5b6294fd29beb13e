import Testing
@testable import Deployment

/// Trigger identity and names: deterministic, within AWS's limits, the hash kept when cut.
@Suite("Trigger naming")
struct TriggerNamingTests {
    static let queue = "arn:aws:sqs:us-east-1:123456789012:orders"

    @Test("a name is lambdactl-<function>-<kind>-<12 hex digits> and the same identity always gives it")
    func shape() {
        let identity = TriggerIdentity.mapping(.sqs, function: "orders-worker", qualifier: nil, sourceARN: Self.queue)
        let name = TriggerNaming.resourceName(for: identity)
        #expect(name.hasPrefix("lambdactl-orders-worker-sqs-"))
        #expect(name.count == "lambdactl-orders-worker-sqs-".count + 12)
        #expect(name == TriggerNaming.resourceName(for: identity))
        #expect(name.suffix(12).allSatisfy { $0.isHexDigit })
    }

    @Test("each part of the identity changes the hash: qualifier, source, kind, function")
    func identityParts() {
        let base = TriggerIdentity.mapping(.sqs, function: "f", qualifier: nil, sourceARN: Self.queue)
        let variants = [
            TriggerIdentity.mapping(.sqs, function: "f", qualifier: "live", sourceARN: Self.queue),
            TriggerIdentity.mapping(.sqs, function: "f", qualifier: nil, sourceARN: Self.queue + "2"),
            TriggerIdentity.mapping(.kinesis, function: "f", qualifier: nil, sourceARN: Self.queue),
            TriggerIdentity.mapping(.sqs, function: "g", qualifier: nil, sourceARN: Self.queue),
        ]
        for variant in variants { #expect(variant.hash != base.hash) }
        #expect(TriggerIdentity.mapping(.sqs, function: "f", qualifier: "", sourceARN: Self.queue) == base,
                "an empty qualifier is no qualifier")
    }

    @Test("components are length-prefixed, so moving text between them changes the hash")
    func unambiguous() {
        let a = TriggerIdentity(kind: .s3, function: "f", qualifier: nil, parts: ["ab", "c"])
        let b = TriggerIdentity(kind: .s3, function: "f", qualifier: nil, parts: ["a", "bc"])
        #expect(a.hash != b.hash)
    }

    @Test("S3 identity treats events as a set and an empty prefix as none")
    func s3Identity() {
        let one = TriggerIdentity.s3(
            function: "f", qualifier: nil, bucket: "b", events: ["s3:ObjectRemoved:*", "s3:ObjectCreated:*"], prefix: nil, suffix: "")
        let two = TriggerIdentity.s3(
            function: "f", qualifier: nil, bucket: "b", events: ["s3:ObjectCreated:*", "s3:ObjectRemoved:*", "s3:ObjectCreated:*"],
            prefix: "", suffix: nil)
        #expect(one == two)
        #expect(one.hash != TriggerIdentity.s3(
            function: "f", qualifier: nil, bucket: "b", events: ["s3:ObjectCreated:*"], prefix: "uploads/", suffix: nil).hash)
    }

    @Test("a rule pattern is compared as canonical JSON; the default bus is named")
    func rulePattern() {
        let spaced = TriggerIdentity.rule(function: "f", qualifier: nil, pattern: #"{"source": ["aws.ec2"], "detail-type": ["x"]}"#, bus: nil)
        let packed = TriggerIdentity.rule(function: "f", qualifier: nil, pattern: #"{"detail-type":["x"],"source":["aws.ec2"]}"#, bus: "default")
        #expect(spaced == packed)
        #expect(TriggerIdentity.canonicalJSON(#"{"b":1, "a":"x/y"}"#) == #"{"a":"x/y","b":1}"#)
    }

    @Test("a 64-character function name is cut to fit rule and schedule names, keeping the hash")
    func longNames() {
        let function = String(repeating: "a", count: 64)
        for kind in [TriggerKind.rule, .schedule, .s3, .dynamodb] {
            let identity = TriggerIdentity(kind: kind, function: function, qualifier: nil, parts: ["x"])
            let name = TriggerNaming.resourceName(for: identity)
            #expect(name.count == 64, "\(kind)")
            #expect(name.hasSuffix("-\(kind.rawValue)-\(identity.hash)"))
            #expect(TriggerNaming.looksOwned(name, function: function, kind: kind, limit: 64))
        }
    }

    @Test("two long function names with the same first 40 characters get different names")
    func noCollision() {
        let common = String(repeating: "orders-processing-", count: 3)
        let first = TriggerIdentity.schedule(function: common + "eu", qualifier: nil, expression: "rate(1 day)")
        let second = TriggerIdentity.schedule(function: common + "us", qualifier: nil, expression: "rate(1 day)")
        let names = [first, second].map { TriggerNaming.name(for: $0, limit: TriggerNaming.scheduleNameLimit) }
        #expect(names[0].count <= 64 && names[1].count <= 64)
        #expect(names[0] != names[1])
        #expect(names[0].dropLast(12) == names[1].dropLast(12), "the cut parts are equal; only the hash tells them apart")
    }

    @Test("statement ids fit 100 characters of [a-zA-Z0-9-_] and never need a cut for a 64-character function")
    func statementIDs() {
        let function = String(repeating: "f", count: 64)
        let identity = TriggerIdentity.sns(function: function, qualifier: "prod", topicARN: "arn:aws:sns:us-east-1:1:t")
        let sid = TriggerNaming.statementID(for: identity)
        #expect(sid == "lambdactl-\(function)-sns-\(identity.hash)")
        #expect(sid.count <= 100)
        #expect(sid.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
    }

    @Test("characters names may not hold become -")
    func sanitized() {
        let identity = TriggerIdentity.named(.rule, function: "my.fn:1", qualifier: nil, name: "n")
        #expect(TriggerNaming.resourceName(for: identity).hasPrefix("lambdactl-my-fn-1-rule-"))
    }

    @Test("looksOwned refuses other functions', other kinds' and hand-made names")
    func ownership() {
        let name = TriggerNaming.resourceName(for: .sns(function: "f", qualifier: nil, topicARN: "arn:aws:sns:us-east-1:1:t"))
        #expect(TriggerNaming.looksOwned(name, function: "f", kind: .sns, limit: 64))
        #expect(!TriggerNaming.looksOwned(name, function: "g", kind: .sns, limit: 64))
        #expect(!TriggerNaming.looksOwned(name, function: "f", kind: .sqs, limit: 64))
        #expect(!TriggerNaming.looksOwned("lambdactl-f-sns-nightly", function: "f", kind: .sns, limit: 64))
    }
}
