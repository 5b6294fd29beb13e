import AWSCore
import AWSLambda
import Foundation

/// The function resource-policy calls the routes and function-URL use cases need: the one reader
/// of a policy (`PolicyStatement.parse`) and the one way to add or remove a statement.
/// Implemented on the Lambda client by `LambdaPermissionsAPI`.
package protocol FunctionPermissions: Sendable {
    /// The function's ARN, qualified with `qualifier` (version or alias) when given.
    func functionARN(name: String, qualifier: String?) async throws -> String
    /// The statements of the function's resource policy; empty when it has none.
    func policy(function: String, qualifier: String?) async throws -> [PolicyStatement]
    /// `AddPermission`.
    func addPermission(function: String, qualifier: String?, permission: PermissionRequest) async throws
    /// `RemovePermission`.
    func removePermission(function: String, qualifier: String?, statementID: String) async throws
}

/// What `logs` needs to know about a function.
package protocol FunctionLookup: Sendable {
    /// The function's log group: `LoggingConfig.LogGroup`, else `/aws/lambda/NAME`.
    func logGroup(function: String) async throws -> String
    /// The version a qualifier means: a version number as is, an alias resolved to its version.
    func version(function: String, qualifier: String) async throws -> String
}

/// An `AddPermission` request: Lambda's own statement shape, the one way any use case asks for a
/// permission (routes, function URLs).
package typealias PermissionRequest = PermissionStatement

/// One statement of a function's resource policy, reduced to what equivalence needs.
package struct PolicyStatement: Sendable, Equatable {
    /// `Sid`.
    package var sid: String?
    /// `Effect` (`Allow`).
    package var effect: String?
    /// Service principals (`Principal.Service`, or a plain string principal).
    package var principals: [String]
    /// Actions.
    package var actions: [String]
    /// `Condition.ArnLike/ArnEquals."AWS:SourceArn"`, if any.
    package var sourceARN: String?
    /// `Condition.StringEquals."AWS:SourceAccount"`, if any.
    package var sourceAccount: String?
    /// Every condition key the statement tests, lowercased (`lambda:functionurlauthtype`, …).
    package var conditionKeys: [String]
    /// `Resource`: the function ARN, qualified when the statement is on an alias or version.
    package var resource: String?

    /// Creates a statement.
    package init(
        sid: String?, effect: String? = "Allow", principals: [String], actions: [String], sourceARN: String?,
        sourceAccount: String? = nil, conditionKeys: [String] = [], resource: String? = nil
    ) {
        self.sid = sid
        self.effect = effect
        self.principals = principals
        self.actions = actions
        self.sourceARN = sourceARN
        self.sourceAccount = sourceAccount
        self.conditionKeys = conditionKeys
        self.resource = resource
    }

    /// True when this statement already grants exactly `request` (same principal, an action
    /// covering it, the same SourceArn).
    package func grants(_ request: PermissionRequest) -> Bool {
        (effect ?? "Allow") == "Allow" && principals.contains(request.principal)
            && (actions.contains(request.action) || actions.contains("lambda:*") || actions.contains("*"))
            && sourceARN == request.sourceARN
    }

    /// Parses the `Policy` string GetPolicy returns: the one policy parser. Unknown shapes yield
    /// fewer statements, never an error.
    package static func parse(policyDocument: String) -> [PolicyStatement] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(policyDocument.utf8)) as? [String: Any] else {
            return []
        }
        let raw: [[String: Any]]
        if let list = object["Statement"] as? [[String: Any]] {
            raw = list
        } else if let one = object["Statement"] as? [String: Any] {
            raw = [one]
        } else {
            raw = []
        }
        return raw.map { statement in
            PolicyStatement(
                sid: statement["Sid"] as? String, effect: statement["Effect"] as? String,
                principals: strings(principal: statement["Principal"]), actions: strings(statement["Action"]),
                sourceARN: sourceARN(statement["Condition"]), sourceAccount: sourceAccount(statement["Condition"]),
                conditionKeys: conditionKeys(statement["Condition"]), resource: strings(statement["Resource"]).first)
        }
    }

    /// A string or a list of strings as a list.
    static func strings(_ value: Any?) -> [String] {
        if let text = value as? String { return [text] }
        return value as? [String] ?? []
    }

    /// `Principal` as a list: `Service` and `AWS` entries, or a plain string.
    static func strings(principal value: Any?) -> [String] {
        if let object = value as? [String: Any] { return strings(object["Service"]) + strings(object["AWS"]) }
        return strings(value)
    }

    /// The `AWS:SourceArn` condition value, from ArnLike, ArnEquals, StringEquals or StringLike.
    static func sourceARN(_ value: Any?) -> String? {
        conditionValue(value, key: "aws:sourcearn")
    }

    /// The `AWS:SourceAccount` condition value, from StringEquals or StringLike.
    static func sourceAccount(_ value: Any?) -> String? {
        conditionValue(value, key: "aws:sourceaccount")
    }

    /// The first value of condition key `key` (lowercased) under the usual tests.
    static func conditionValue(_ value: Any?, key wanted: String) -> String? {
        guard let condition = value as? [String: Any] else { return nil }
        for test in ["ArnLike", "ArnEquals", "StringEquals", "StringLike"] {
            guard let entries = condition[test] as? [String: Any] else { continue }
            for (key, value) in entries where key.lowercased() == wanted {
                return strings(value).first
            }
        }
        return nil
    }

    /// Every key under every test of `Condition`, lowercased and sorted.
    static func conditionKeys(_ value: Any?) -> [String] {
        guard let condition = value as? [String: Any] else { return [] }
        let keys = condition.values.compactMap { $0 as? [String: Any] }.flatMap(\.keys).map { $0.lowercased() }
        return Array(Set(keys)).sorted()
    }
}

/// The parts of a Lambda function ARN `arn:PARTITION:lambda:REGION:ACCOUNT:function:NAME[:QUALIFIER]`.
package struct FunctionARN: Sendable, Equatable {
    /// `aws`, `aws-cn`, `aws-us-gov`.
    package var partition: String
    /// The region.
    package var region: String
    /// The account ID.
    package var account: String
    /// The function name.
    package var name: String
    /// The version or alias, if qualified.
    package var qualifier: String?

    /// Parses an ARN; nil when it is not a Lambda function ARN.
    package init?(_ text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 7, parts[0] == "arn", parts[2] == "lambda", parts[5] == "function" else { return nil }
        partition = parts[1]
        region = parts[3]
        account = parts[4]
        name = parts[6]
        qualifier = parts.count > 7 ? parts[7] : nil
    }

    /// The unqualified ARN.
    package var unqualified: String { "arn:\(partition):lambda:\(region):\(account):function:\(name)" }

    /// The ARN with `qualifier`, or unqualified when nil.
    package func qualified(_ qualifier: String?) -> String {
        guard let qualifier, !qualifier.isEmpty else { return unqualified }
        return unqualified + ":" + qualifier
    }

    /// The SourceArn that lets API `apiID` call the function through any stage, method and path.
    package func executeAPISourceARN(apiID: String) -> String {
        "arn:\(partition):execute-api:\(region):\(account):\(apiID)/*/*"
    }
}
