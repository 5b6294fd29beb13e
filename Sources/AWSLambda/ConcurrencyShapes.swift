import Foundation

/// GetFunctionConcurrency's answer and PutFunctionConcurrency's body and answer.
package struct FunctionConcurrency: Codable, Sendable, Equatable {
    /// The reserved concurrency; nil when none is reserved.
    package var reservedConcurrentExecutions: Int?
    enum CodingKeys: String, CodingKey { case reservedConcurrentExecutions = "ReservedConcurrentExecutions" }
    package init(reservedConcurrentExecutions: Int?) { self.reservedConcurrentExecutions = reservedConcurrentExecutions }
}

/// The `ProvisionedConcurrencyStatusEnum` values.
package enum ProvisionedConcurrencyStatus {
    /// Lambda is still allocating the environments.
    package static let inProgress = "IN_PROGRESS"
    /// All requested environments are allocated.
    package static let ready = "READY"
    /// The allocation failed; `StatusReason` says why.
    package static let failed = "FAILED"
}

/// One provisioned-concurrency configuration (Get/Put answers and ListProvisionedConcurrencyConfigs items).
package struct ProvisionedConcurrencyConfig: Codable, Sendable, Equatable {
    /// The version or alias ARN (list items only).
    package var functionARN: String?
    package var requested: Int?
    package var available: Int?
    package var allocated: Int?
    /// `IN_PROGRESS`, `READY` or `FAILED`.
    package var status: String?
    /// Why the allocation failed.
    package var statusReason: String?
    package var lastModified: String?
    enum CodingKeys: String, CodingKey {
        case functionARN = "FunctionArn", requested = "RequestedProvisionedConcurrentExecutions"
        case available = "AvailableProvisionedConcurrentExecutions"
        case allocated = "AllocatedProvisionedConcurrentExecutions", status = "Status"
        case statusReason = "StatusReason", lastModified = "LastModified"
    }
    package init(
        functionARN: String? = nil, requested: Int?, available: Int? = nil, allocated: Int? = nil,
        status: String?, statusReason: String? = nil, lastModified: String? = nil
    ) {
        self.functionARN = functionARN
        self.requested = requested
        self.available = available
        self.allocated = allocated
        self.status = status
        self.statusReason = statusReason
        self.lastModified = lastModified
    }

    /// The qualifier the config is for: the part of `FunctionArn` after the function name.
    package var qualifier: String? {
        guard let arn = functionARN else { return nil }
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count >= 8 ? String(parts[7]) : nil
    }
}

/// GetAccountSettings' answer.
package struct AccountSettings: Codable, Sendable, Equatable {
    package var accountLimit: AccountLimit?
    package var accountUsage: AccountUsage?
    enum CodingKeys: String, CodingKey { case accountLimit = "AccountLimit", accountUsage = "AccountUsage" }
    package init(accountLimit: AccountLimit?, accountUsage: AccountUsage? = nil) {
        self.accountLimit = accountLimit
        self.accountUsage = accountUsage
    }
}

/// The account's limits in the region.
package struct AccountLimit: Codable, Sendable, Equatable {
    package var concurrentExecutions: Int?
    /// What no function has reserved.
    package var unreservedConcurrentExecutions: Int?
    package var totalCodeSize: Int64?
    enum CodingKeys: String, CodingKey {
        case concurrentExecutions = "ConcurrentExecutions"
        case unreservedConcurrentExecutions = "UnreservedConcurrentExecutions", totalCodeSize = "TotalCodeSize"
    }
    package init(concurrentExecutions: Int?, unreservedConcurrentExecutions: Int?, totalCodeSize: Int64? = nil) {
        self.concurrentExecutions = concurrentExecutions
        self.unreservedConcurrentExecutions = unreservedConcurrentExecutions
        self.totalCodeSize = totalCodeSize
    }
}

/// The account's usage in the region.
package struct AccountUsage: Codable, Sendable, Equatable {
    package var totalCodeSize: Int64?
    package var functionCount: Int64?
    enum CodingKeys: String, CodingKey { case totalCodeSize = "TotalCodeSize", functionCount = "FunctionCount" }
}

/// An asynchronous-invocation configuration (Get/Put/UpdateFunctionEventInvokeConfig).
/// `LastModified` (a timestamp) is not decoded: nothing here needs it.
package struct EventInvokeConfig: Codable, Sendable, Equatable {
    /// The function, version or alias ARN (answers only).
    package var functionARN: String?
    /// 0–2.
    package var maximumRetryAttempts: Int?
    /// 60–21600 seconds.
    package var maximumEventAgeInSeconds: Int?
    package var destinationConfig: DestinationConfig?
    enum CodingKeys: String, CodingKey {
        case functionARN = "FunctionArn", maximumRetryAttempts = "MaximumRetryAttempts"
        case maximumEventAgeInSeconds = "MaximumEventAgeInSeconds", destinationConfig = "DestinationConfig"
    }
    package init(
        functionARN: String? = nil, maximumRetryAttempts: Int? = nil, maximumEventAgeInSeconds: Int? = nil,
        destinationConfig: DestinationConfig? = nil
    ) {
        self.functionARN = functionARN
        self.maximumRetryAttempts = maximumRetryAttempts
        self.maximumEventAgeInSeconds = maximumEventAgeInSeconds
        self.destinationConfig = destinationConfig
    }
}

/// Where Lambda sends the records of asynchronous invocations.
package struct DestinationConfig: Codable, Sendable, Equatable {
    package var onSuccess: Destination?
    package var onFailure: Destination?
    enum CodingKeys: String, CodingKey { case onSuccess = "OnSuccess", onFailure = "OnFailure" }
    package init(onSuccess: Destination? = nil, onFailure: Destination? = nil) {
        self.onSuccess = onSuccess
        self.onFailure = onFailure
    }
}

/// One destination (`{"Destination": ARN}`).
package struct Destination: Codable, Sendable, Equatable {
    package var destination: String?
    enum CodingKeys: String, CodingKey { case destination = "Destination" }
    package init(_ destination: String?) { self.destination = destination }
}
