// swift-tools-version:6.0
import PackageDescription

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
        .target(name: "SigV4", dependencies: ["COpenSSL"]),
        .executableTarget(name: "sigv4-bench", dependencies: ["SigV4"]),
        .target(name: "AWSCore", dependencies: ["SigV4", "COpenSSL"]),
        .target(name: "AWSSTS", dependencies: ["AWSCore"]),
        .target(name: "AWSLambda", dependencies: ["AWSCore"]),
        .target(name: "AWSIAM", dependencies: ["AWSCore"]),
        .target(name: "AWSCloudWatchLogs", dependencies: ["AWSCore"]),
        .target(name: "AWSAPIGatewayV2", dependencies: ["AWSCore"]),
        .target(name: "AWSS3", dependencies: ["AWSCore", "SigV4"]),
        .target(name: "ZipArchive", dependencies: ["CZlib", "COpenSSL"]),
        .target(
            name: "Deployment",
            dependencies: [
                "AWSCore", "AWSSTS", "AWSLambda", "AWSIAM", "AWSCloudWatchLogs",
                "AWSAPIGatewayV2", "AWSS3", "ZipArchive",
                .product(name: "Yams", package: "Yams"),
            ]),
        .executableTarget(
            name: "lambdactl",
            dependencies: [
                "Deployment", "AWSCore", "AWSSTS",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .testTarget(name: "SigV4Tests", dependencies: ["SigV4"], resources: [.copy("Data")]),
        .testTarget(name: "AWSCoreTests", dependencies: ["AWSCore"]),
        .testTarget(name: "AWSSTSTests", dependencies: ["AWSSTS", "AWSCore"]),
        .testTarget(name: "ZipArchiveTests", dependencies: ["ZipArchive"]),
        .testTarget(
            name: "DeploymentTests",
            dependencies: [
                "Deployment", "AWSCore", "AWSLambda", "AWSCloudWatchLogs", "AWSAPIGatewayV2", "AWSIAM", "AWSS3", "SigV4",
            ]),
        .testTarget(name: "LambdaCtlTests", dependencies: ["lambdactl", "AWSCore", "AWSLambda", "Deployment"]),
        .testTarget(name: "IntegrationTests", dependencies: []),
    ]
)
