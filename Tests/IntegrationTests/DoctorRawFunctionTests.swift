import Foundation
import Testing

/// `doctor NAME` on functions lambdactl itself would not create (a deprecated runtime; a VPC
/// configuration on a role without the VPC actions), made with a raw CreateFunction through
/// `lambdactl request`, through the built binary against moto behind the proxy.
@Suite(
    "doctor on functions made outside lambdactl", .serialized,
    .enabled(if: Harness.shouldRun, "needs the harness (Scripts/moto start)"))
struct DoctorRawFunctionTests: DoctorSuite {
    let proxy: LifecycleProxy

    init() async throws {
        proxy = try #require(LifecycleProxy.current)
        try await proxy.control("POST", "reset")
    }

    /// CreateFunction as the AWS CLI would send it, on the role lambdactl made for `doc-base`.
    func createRaw(_ name: String, runtime: String, extra: String = "") throws {
        let zip = try LifecycleZip.write(comment: name)
        let code = try Data(contentsOf: URL(fileURLWithPath: zip)).base64EncodedString()
        let body = #"{"FunctionName":"\#(name)","Runtime":"\#(runtime)","Handler":"app.handler","#
            + #""Role":"arn:aws:iam::123456789012:role/lambdactl-doc-base-role","Code":{"ZipFile":"\#(code)"}\#(extra)}"#
        try run(["request", "lambda", "POST", "/2015-03-31/functions", "--data", body])
    }

    @Test("a function on a deprecated runtime is an error naming the date, the table's source and the successor")
    func deprecatedRuntime() throws {
        try run(["create-function", "doc-base", "--code", try LifecycleZip.write(comment: "base"), "--runtime", "python3.13",
                 "--handler", "app.handler"])
        try createRaw("doc-old", runtime: "python3.8")
        let result = try run(["doctor", "doc-old", "--output", "json"], exit: 12)
        #expect(try codes(result.stdout) == ["runtime-deprecated"])
        let text = try run(["doctor", "doc-old"], exit: 12).stdout
        #expect(text.contains("python3.8 was deprecated on 2024-10-14") && text.contains("lambda-runtimes.html"), "\(text)")
        #expect(text.contains("lambdactl update-config doc-old --runtime python3."), "\(text)")
    }

    @Test("a VPC configuration on a role without the network-interface actions is an error naming the managed policy")
    func vpcRole() throws {
        try run(["create-function", "doc-base", "--code", try LifecycleZip.write(comment: "base"), "--runtime", "python3.13",
                 "--handler", "app.handler"])
        try createRaw(
            "doc-vpc", runtime: "python3.13",
            extra: #","VpcConfig":{"SubnetIds":["subnet-0abc"],"SecurityGroupIds":["sg-0abc"]}"#)
        let result = try run(["doctor", "doc-vpc", "--output", "json"], exit: 12)
        #expect(try codes(result.stdout) == ["role-missing-permission"])
        let text = try run(["doctor", "doc-vpc"], exit: 12).stdout
        #expect(text.contains("ec2:CreateNetworkInterface") && text.contains("AWSLambdaVPCAccessExecutionRole"), "\(text)")
    }
}
