import AWSCore
import Deployment
import Testing
@testable import lambdactl

/// The use cases hand over values that name no flag or command; these are the lines the CLI
/// prints for them, word for word.
@Suite("The CLI words the use cases' hints with its commands and flags")
struct UseCaseWordingTests {
    @Test(
        "errors that end in a hint print the command or flag to use",
        arguments: [
            (LifecycleError(.refused, "function nope does not exist (Function not found: nope)", hint: .checkFunction("nope", qualified: false)),
             "function nope does not exist (Function not found: nope); check the name with lambdactl list-functions and the region (--region)"),
            (LifecycleError(.refused, "function f with qualifier live does not exist (x)", hint: .checkFunction("f", qualified: true)),
             "function f with qualifier live does not exist (x); check the name with lambdactl list-functions, the version or alias with lambdactl versions f and the region (--region)"),
            (LifecycleError(.waitFailed, "gave up waiting after 4s for f to become ready (still Pending)", hint: .raiseWaitTimeout),
             "gave up waiting after 4s for f to become ready (still Pending); raise --wait-timeout or check the function in the console"),
            (LifecycleError(.usage, "f has no alias live", hint: .createAlias(function: "f", alias: "live")),
             "f has no alias live; create it with: lambdactl alias f live --to-version N"),
            (LifecycleError(.usage, "f has no version 9", hint: .listVersions(function: "f")), "f has no version 9; see its versions with: lambdactl versions f"),
            (LifecycleError(.usage, "alias live points at version 1 and there is no earlier version to roll back to", hint: .chooseVersion),
             "alias live points at version 1 and there is no earlier version to roll back to; choose one with --to-version N"),
            (LifecycleError(.usage, "no IAM role named r", hint: .giveExistingRole), "no IAM role named r; pass an existing role name or ARN to --role, or omit it"),
        ])
    func lifecycleHints(error: LifecycleError, line: String) {
        #expect(ErrorText.oneLine(error) == line)
        #expect(!error.description.contains("--") && !error.description.contains("lambdactl "))
    }

    @Test(
        "routes and permission errors print the flag to check",
        arguments: [
            (RoutesError("no HTTP API named or with ID nope in this region", hint: .checkAPI, category: .refused),
             "no HTTP API named or with ID nope in this region; check --api (and --region), or create it with lambdactl attach-routes"),
            (RoutesError("API shop (ws1) is a WEBSOCKET API; routes need an HTTP API", hint: .giveAnotherAPI, separator: ": ", category: .usage),
             "API shop (ws1) is a WEBSOCKET API; routes need an HTTP API: pass --api with another name or an HTTP API's ID"),
            (RoutesError("2 APIs are named shop (h1 HTTP, ws1 WEBSOCKET)", hint: .giveHTTPAPIID, separator: ": ", category: .usage),
             "2 APIs are named shop (h1 HTTP, ws1 WEBSOCKET): pass --api with the ID of the HTTP one"),
            (RoutesError("function hello has no alias or version 'ghost'", hint: .createQualifierOrLeaveOut, category: .refused),
             "function hello has no alias or version 'ghost'; create it first (lambdactl alias or publish-version) or leave out --qualifier"),
            (RoutesError("function hello has no alias 'ghost'", hint: .listAliasesOrGiveVersion(function: "hello"), category: .refused),
             "function hello has no alias 'ghost'; list its aliases with lambdactl versions hello, or pass a version number to --qualifier"),
        ])
    func routesHints(error: RoutesError, line: String) {
        #expect(ErrorText.oneLine(error) == line)
    }

    @Test("logs: a missing group, a stop condition and a bad pattern name the logs options")
    func logs() {
        #expect(ErrorText.oneLine(LogGroupMissingError(group: "/g", named: true))
            == "log group /g does not exist: check --log-group and --region, or use --follow to wait for it")
        #expect(ErrorText.oneLine(LogGroupMissingError(group: "/aws/lambda/f"))
            == "log group /aws/lambda/f does not exist yet: invoke the function first, or use --follow to wait")
        #expect(ErrorText.oneLine(LogStopError.idle("5s")) == "no new log event for 5s (--idle-timeout)")
        #expect(ErrorText.oneLine(LogStopError.notWithin("3s", awaitingPattern: true)) == "no line matched --until-pattern within 3s (--max-duration)")
        #expect(ErrorText.oneLine(LogStopError.notWithin("3s", awaitingPattern: false)) == "the request did not finish within 3s (--max-duration)")
        #expect(ErrorText.oneLine(LogsOptionError.invalidUntilPattern("(")) == "--until-pattern is not a valid regular expression: (")
    }

    @Test("request: query, header and target problems name the option")
    func rawRequest() {
        #expect(ErrorText.oneLine(RawRequestError.queryNotKeyValue("novalue")) == "--query takes key=value, got 'novalue'")
        #expect(ErrorText.oneLine(RawRequestError.headerNotNameValue(":x")) == "--header takes name:value, got ':x'")
        #expect(ErrorText.oneLine(RawRequestError.headerLineBreak("X-A: b")) == "--header must be one line; remove the line break from 'X-A: b…'")
        #expect(ErrorText.oneLine(RawRequestError.missingTarget(kind: "ACTION", example: "GetCallerIdentity"))
            == "this service needs --target ACTION, e.g. --target GetCallerIdentity")
        #expect(ErrorText.oneLine(RawRequestError.relativePath) == "PATH must start with /, e.g. /2015-03-31/functions")
    }

    @Test("a CORS origin that is not one names --cors-origin")
    func corsOrigin() throws {
        #expect(UseCaseErrorText.line(try #require(CORSOrigin.problem("example.com")))
            == "--cors-origin 'example.com' is not an origin; give * or an origin such as https://example.com or http://localhost:3000")
        #expect(UseCaseErrorText.line(try #require(CORSOrigin.problem("https://example.com/")))
            == "--cors-origin 'https://example.com/' has more than scheme, host and port; give * or an origin such as "
                + "https://example.com or http://localhost:3000 (no path, not even a trailing /)")
    }

    @Test("package warnings name --exclude, package --layer and update-code")
    func packageWarnings() {
        #expect(PackagingErrorText.line(.likelySecrets([".env", "config/.env.production", "certs/server.key", "a.pem", "b.key", "id_rsa"]))
            == ".env, config/.env.production, certs/server.key and 3 more are in the package: secrets in a zip are readable by anyone "
                + "who can get the function; leave them out with --exclude or .lambdaignore and pass values as environment "
                + "variables or from Secrets Manager")
        #expect(PackagingErrorText.line(.extensionsInFunction)
            == "extensions/ in a function package is never started; Lambda only starts extensions from a layer, so publish it as a layer (package --layer to build one)")
        #expect(PackagingErrorText.line(.overDirectUpload(zippedBytes: 60 * 1_048_576))
            == "package is 60.0 MB zipped, over the 50 MB direct upload limit: it needs S3 (update-code uploads through S3 automatically)")
    }

    @Test("a deploy config path that is missing or a directory names -f")
    func configPath() {
        #expect(ErrorText.oneLine(DeployConfigError("lambdactl.yml not found", category: .localInput, hint: .giveConfigFile))
            == "lambdactl.yml not found; pass -f PATH or start from Config/lambdactl.example.yml")
        #expect(ErrorText.oneLine(DeployConfigError("app is a directory", category: .localInput, hint: .giveConfigInDirectory("app")))
            == "app is a directory; pass -f with the config file in it, e.g. -f app/lambdactl.yml")
    }

    @Test("a failed deploy step's hint is worded with commands in the report; other errors keep their line")
    func deployReport() {
        let error = DeployConfigError(
            "f runs on x86_64 and the config asks for arm64; deploy cannot change the architecture",
            hint: .deleteAndDeploy(function: "f"), separator: ": ")
        #expect(ErrorText.hinted(error) == "f runs on x86_64 and the config asks for arm64; deploy cannot change the architecture: "
            + "delete the function (lambdactl delete-function f) and deploy again")
        #expect(ErrorText.hinted(DeployConfigError("d.yml:3: function.memory should be a whole number")) == nil)
        let noCredentials = ErrorText.hinted(CredentialsError.noneFound(tried: ["environment"]))
        #expect(noCredentials?.contains("--profile") == true, "a deploy report words AWSCore's errors with the global options")
        #expect(Deploy.rerunAdvice == "fix the cause and run the same lambdactl deploy again: it reads what exists and changes only what still differs")
    }
}
