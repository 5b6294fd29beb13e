// swift-tools-version:6.0
import PackageDescription

/// The commit `Scripts/release` builds from (`LAMBDACTL_BUILD_COMMIT`, hex with an optional
/// `-dirty`); `lambdactl --version` prints it. A plain `swift build` has none.
let buildCommit: String? = Context.environment["LAMBDACTL_BUILD_COMMIT"].flatMap { value in
    let hex = value.hasSuffix("-dirty") ? String(value.dropLast(6)) : value
    let isCommit = !hex.isEmpty && hex.count <= 40 && hex.allSatisfy { "0123456789abcdef".contains($0) }
    return isCommit ? value : nil
}

let package = Package(
    name: "lambdactl",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lambdactl", targets: ["lambdactl"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "COpenSSL", pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]),
        .systemLibrary(
            name: "CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "CBuildInfo",
            cSettings: buildCommit.map { [.define("LAMBDACTL_BUILD_COMMIT", to: "\"\($0)\"")] } ?? []),
        .target(name: "SigV4", dependencies: ["COpenSSL"]),
        .executableTarget(name: "sigv4-bench", dependencies: ["SigV4"]),
        .target(name: "AWSCore", dependencies: ["SigV4", "COpenSSL"]),
        .target(name: "AWSSTS", dependencies: ["AWSCore"]),
        .target(name: "AWSSSO", dependencies: ["AWSCore", "COpenSSL"]),
        .target(name: "AWSLambda", dependencies: ["AWSCore"]),
        .target(name: "AWSIAM", dependencies: ["AWSCore"]),
        .target(name: "AWSCloudWatchLogs", dependencies: ["AWSCore"]),
        .target(name: "AWSCloudWatch", dependencies: ["AWSCore"]),
        .target(name: "AWSAPIGatewayV2", dependencies: ["AWSCore"]),
        .target(name: "AWSS3", dependencies: ["AWSCore", "SigV4"]),
        .target(name: "AWSSQS", dependencies: ["AWSCore"]),
        .target(name: "AWSSNS", dependencies: ["AWSCore"]),
        .target(name: "AWSEventBridge", dependencies: ["AWSCore"]),
        .target(name: "AWSScheduler", dependencies: ["AWSCore"]),
        .target(name: "AWSKinesis", dependencies: ["AWSCore"]),
        .target(name: "AWSDynamoDB", dependencies: ["AWSCore"]),
        .target(name: "AWSResourceGroupsTagging", dependencies: ["AWSCore"]),
        .target(name: "ZipArchive", dependencies: ["CZlib", "COpenSSL"]),
        .target(
            name: "Deployment",
            dependencies: [
                "AWSCore", "AWSSTS", "AWSLambda", "AWSIAM", "AWSCloudWatchLogs",
                "AWSAPIGatewayV2", "AWSS3", "AWSSQS", "AWSSNS", "AWSEventBridge", "AWSScheduler",
                "AWSKinesis", "AWSDynamoDB", "AWSResourceGroupsTagging", "AWSCloudWatch", "ZipArchive", "SigV4",
                .product(name: "Yams", package: "Yams"),
            ]),
        .executableTarget(
            name: "lambdactl",
            dependencies: [
                "Deployment", "AWSCore", "AWSSTS", "AWSSSO", "CBuildInfo",
                "AWSLambda", "AWSIAM", "AWSCloudWatchLogs", "AWSAPIGatewayV2", "AWSS3", "ZipArchive",
                "AWSSQS", "AWSSNS", "AWSEventBridge", "AWSScheduler", "AWSKinesis", "AWSDynamoDB",
                "AWSResourceGroupsTagging", "AWSCloudWatch",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(name: "SigV4Tests", dependencies: ["SigV4"], resources: [.copy("Data")]),
        .testTarget(name: "AWSCoreTests", dependencies: ["AWSCore", "AWSTestSupport"]),
        .target(name: "AWSTestSupport", dependencies: ["AWSCore"], path: "Tests/AWSTestSupport"),
        .testTarget(name: "AWSSTSTests", dependencies: ["AWSSTS", "AWSCore", "AWSTestSupport"]),
        .testTarget(name: "AWSSSOTests", dependencies: ["AWSSSO", "AWSCore", "AWSTestSupport"]),
        .testTarget(name: "AWSLambdaTests", dependencies: ["AWSLambda", "AWSCore", "AWSTestSupport"]),
        .testTarget(name: "AWSIAMTests", dependencies: ["AWSIAM", "AWSCore", "AWSTestSupport"]),
        .testTarget(name: "AWSCloudWatchLogsTests", dependencies: ["AWSCloudWatchLogs", "AWSCore", "AWSTestSupport"]),
        .testTarget(name: "AWSCloudWatchTests", dependencies: ["AWSCloudWatch", "AWSCore", "AWSTestSupport"]),
        .testTarget(name: "AWSAPIGatewayV2Tests", dependencies: ["AWSAPIGatewayV2", "AWSCore", "AWSTestSupport"]),
        .testTarget(name: "AWSS3Tests", dependencies: ["AWSS3", "AWSCore", "AWSTestSupport"]),
        .testTarget(name: "AWSSQSTests", dependencies: ["AWSSQS", "AWSCore", "AWSTestSupport"]),
        .testTarget(name: "AWSSNSTests", dependencies: ["AWSSNS", "AWSCore", "AWSTestSupport"]),
        .testTarget(name: "AWSEventBridgeTests", dependencies: ["AWSEventBridge", "AWSCore", "AWSTestSupport"]),
        .testTarget(name: "AWSSchedulerTests", dependencies: ["AWSScheduler", "AWSCore", "AWSTestSupport"]),
        .testTarget(name: "AWSKinesisTests", dependencies: ["AWSKinesis", "AWSCore", "AWSTestSupport"]),
        .testTarget(name: "AWSDynamoDBTests", dependencies: ["AWSDynamoDB", "AWSCore", "AWSTestSupport"]),
        .testTarget(
            name: "AWSResourceGroupsTaggingTests", dependencies: ["AWSResourceGroupsTagging", "AWSCore", "AWSTestSupport"]),
        .testTarget(name: "ZipArchiveTests", dependencies: ["ZipArchive"]),
        .testTarget(
            name: "DeploymentTests",
            dependencies: [
                "Deployment", "AWSCore", "AWSLambda", "AWSCloudWatchLogs", "AWSAPIGatewayV2", "AWSIAM", "AWSS3", "AWSSTS",
                "SigV4", "ZipArchive", "AWSTestSupport",
                "AWSSQS", "AWSKinesis", "AWSDynamoDB", "AWSSNS", "AWSEventBridge", "AWSScheduler", "AWSCloudWatch",
            ]),
        .testTarget(
            name: "LambdaCtlTests",
            dependencies: [
                "lambdactl", "AWSCore", "AWSLambda", "AWSCloudWatch", "Deployment",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // AWSCore and AWSLambda only for the suites that drive the client itself against the
        // harness (RateQuotaTests: many concurrent calls from one process); the rest run the binary.
        .testTarget(name: "IntegrationTests", dependencies: ["AWSCore", "AWSLambda"]),
    ]
)
