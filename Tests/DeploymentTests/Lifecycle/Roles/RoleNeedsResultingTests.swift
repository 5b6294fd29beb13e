import Testing
@testable import AWSLambda
@testable import Deployment

/// `RoleNeeds.resulting`: what the role needs once the asked-for settings are applied.
@Suite("Role needs of the resulting configuration")
struct RoleNeedsResultingTests {
    static let inVPC: FunctionConfiguration = {
        var configuration = FunctionConfiguration()
        configuration.vpcConfig = VPCConfig(subnetIDs: ["subnet-0123456789abcdef0"], securityGroupIDs: ["sg-0123456789abcdef0"])
        configuration.tracingConfig = TracingConfig(mode: "Active")
        return configuration
    }()

    static func desired(_ settings: FunctionSettings) -> DesiredConfiguration {
        var desired = DesiredConfiguration()
        desired.settings = settings
        return desired
    }

    @Test("attaching a VPC and turning tracing on need both policies before the update")
    func attachingNeedsPolicies() {
        let needs = RoleNeeds.resulting(
            current: FunctionConfiguration(),
            desired: Self.desired(FunctionSettings(
                vpc: .attach(subnets: ["subnet-0123456789abcdef0"], securityGroups: ["sg-0123456789abcdef0"], ipv6: nil),
                tracing: .active)),
            destinations: nil)
        #expect(needs == RoleNeeds(vpc: true, activeTracing: true, destinations: nil))
    }

    @Test("detaching the VPC and passthrough tracing drop the needs")
    func detachingDropsNeeds() {
        let needs = RoleNeeds.resulting(
            current: Self.inVPC, desired: Self.desired(FunctionSettings(vpc: .detach, tracing: .passThrough)),
            destinations: nil)
        #expect(needs == RoleNeeds(vpc: false, activeTracing: false, destinations: nil))
    }

    @Test("settings left alone keep what the function has; an IPv6 change keeps the VPC")
    func untouchedSettingsKeepNeeds() {
        #expect(RoleNeeds.resulting(current: Self.inVPC, desired: DesiredConfiguration(), destinations: nil)
            == RoleNeeds(vpc: true, activeTracing: true))
        #expect(RoleNeeds.resulting(current: Self.inVPC, desired: Self.desired(FunctionSettings(vpc: .ipv6(true))),
                                    destinations: ["arn:aws:sqs:us-east-1:123456789012:dlq"]).vpc)
    }
}
