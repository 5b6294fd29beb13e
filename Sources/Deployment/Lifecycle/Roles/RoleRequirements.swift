import AWSLambda
import Foundation

/// The settings of a function that its execution role must allow: a VPC, active tracing, and
/// the targets it sends events to (dead-letter queue or topic, async destinations).
///
/// This is the hook for every setting that needs a permission: a caller that knows a function's
/// desired dead-letter target or async destinations passes them in `destinations`; VPC and
/// tracing come from the configuration the function will have (`init(configuration:)`).
package struct RoleNeeds: Sendable, Equatable {
    /// The function runs in a VPC (it has subnets).
    package var vpc: Bool
    /// X-Ray tracing is `Active`.
    package var activeTracing: Bool
    /// The dead-letter target and async destination ARNs; nil when the caller does not know
    /// them (the `lambdactl-destinations` policy is then left as it is).
    package var destinations: [String]?

    /// Creates needs.
    package init(vpc: Bool = false, activeTracing: Bool = false, destinations: [String]? = nil) {
        self.vpc = vpc
        self.activeTracing = activeTracing
        self.destinations = destinations
    }

    /// The needs of a function configured as `configuration` (VPC subnets, tracing mode);
    /// `destinations` as the caller knows them.
    package init(configuration: FunctionConfiguration, destinations: [String]? = nil) {
        self.init(
            vpc: !(configuration.vpcConfig?.subnetIDs ?? []).isEmpty,
            activeTracing: configuration.tracingConfig?.mode?.lowercased() == "active", destinations: destinations)
    }
}

/// What an execution role needs for `RoleNeeds` (pure): the managed policies and the inline
/// `lambdactl-destinations` policy, scoped to the destination ARNs.
package struct RoleRequirements: Sendable, Equatable {
    /// The inline policy lambdactl keeps for dead-letter and async destinations.
    package static let destinationsPolicyName = "lambdactl-destinations"
    /// The managed policy a function in a VPC needs (ENI create/describe/delete).
    package static func vpcPolicy(partition: String) -> String {
        "arn:\(partition):iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
    }
    /// The managed policy active tracing needs (PutTraceSegments, PutTelemetryRecords).
    package static func tracingPolicy(partition: String) -> String {
        "arn:\(partition):iam::aws:policy/AWSXRayDaemonWriteAccess"
    }

    /// Managed policies that settings require, sorted.
    package var managedPolicies: [String]
    /// The managed policies lambdactl attaches for settings, in this partition (each one is
    /// detached again when the setting goes, unless the user listed it).
    package var settingPolicies: [String]
    /// The `lambdactl-destinations` document: nil when there is nothing to send to, and no
    /// opinion at all (`destinationsKnown == false`) when the destinations are unknown.
    package var destinationsDocument: String?
    /// False when the caller did not know the destinations.
    package var destinationsKnown: Bool

    /// Computes the requirements in `partition` (`aws`, `aws-cn`, `aws-us-gov`).
    package init(_ needs: RoleNeeds, partition: String) {
        let vpc = Self.vpcPolicy(partition: partition)
        let tracing = Self.tracingPolicy(partition: partition)
        settingPolicies = [vpc, tracing].sorted()
        var managed: [String] = []
        if needs.vpc { managed.append(vpc) }
        if needs.activeTracing { managed.append(tracing) }
        managedPolicies = managed.sorted()
        destinationsKnown = needs.destinations != nil
        let statements = Self.destinationStatements(needs.destinations ?? [])
        destinationsDocument = statements.isEmpty ? nil : PolicyDocument.text(statements)
    }

    /// One statement per action, each scoped to the ARNs of its service, in a stable order.
    static func destinationStatements(_ arns: [String]) -> [IAMStatement] {
        var byAction: [String: Set<String>] = [:]
        for arn in arns {
            guard let action = action(for: arn) else { continue }
            byAction[action, default: []].insert(arn)
        }
        return byAction.keys.sorted().map {
            IAMStatement(effect: "Allow", actions: [$0], resources: byAction[$0]!.sorted())
        }
    }

    /// The action that sends to `arn`, chosen from its service: SQS `sqs:SendMessage`, SNS
    /// `sns:Publish`, Lambda `lambda:InvokeFunction`, EventBridge `events:PutEvents`; nil for
    /// anything else.
    package static func action(for arn: String) -> String? {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count >= 6, parts[0] == "arn" else { return nil }
        switch parts[2] {
        case "sqs": return "sqs:SendMessage"
        case "sns": return "sns:Publish"
        case "lambda": return "lambda:InvokeFunction"
        case "events": return "events:PutEvents"
        default: return nil
        }
    }

    /// The partition of an ARN (`arn:aws-cn:…` → `aws-cn`), `aws` when it is not an ARN.
    package static func partition(of arn: String) -> String {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count > 2, parts[0] == "arn", !parts[1].isEmpty else { return "aws" }
        return String(parts[1])
    }
}

extension RoleNeeds {
    /// Nothing needed and no destinations known.
    package var isEmpty: Bool { !vpc && !activeTracing && destinations == nil }

    /// Whether the role is worth reading at all (pure): the user asked for something, or the
    /// function has or will have a setting that needs a permission. Otherwise nothing is read,
    /// so an unchanged run stays read-free on IAM.
    package static func concernsRole(_ request: RolePolicyRequest, needs: RoleNeeds, current: FunctionConfiguration?) -> Bool {
        !request.isEmpty || !needs.isEmpty || !(current.map { RoleNeeds(configuration: $0) }?.isEmpty ?? true)
    }

    /// The needs of the configuration `current` will have once `desired` is applied (for a new
    /// function `current` is empty). The one hook for settings that need permissions: VPC
    /// subnets and tracing mode are read from the result; a `DesiredConfiguration` that can
    /// change them applies its values here. `destinations` must be the complete set of the
    /// function's dead-letter and async destination ARNs, or nil when not known.
    package static func resulting(
        current: FunctionConfiguration, desired: DesiredConfiguration, destinations: [String]?
    ) -> RoleNeeds {
        var needs = RoleNeeds(configuration: current, destinations: destinations)
        switch desired.settings.vpc {
        case .attach(let subnets, _, _): needs.vpc = !subnets.isEmpty
        case .detach: needs.vpc = false
        case .ipv6, nil: break
        }
        if let tracing = desired.settings.tracing { needs.activeTracing = tracing == .active }
        return needs
    }
}
