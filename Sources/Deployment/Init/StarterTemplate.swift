import Foundation

/// The starter project `init` writes for a runtime (pure): a commented single-function
/// `lambdactl.yml` and a hello function in `src/`, following the runtime family's handler
/// convention (`RuntimeRules.checkHandler`).
package enum StarterTemplate {
    /// The runtime families a starter exists for.
    package static let families: [RuntimeFamily] = [.python, .nodejs, .ruby, .provided]

    /// The runtimes a starter can be written for on `today`: the catalog's runtimes of those
    /// families that Lambda does not refuse for new functions.
    package static func runtimes(today: String) -> [String] {
        RuntimeCatalog.runtimes.filter { families.contains($0.family) && !($0.blockCreate.map { $0 <= today } ?? false) }
            .map(\.identifier)
    }

    /// The files for `runtime` and function `name`: the config (`configPath`) first.
    /// `header` lines become the file's opening comments (the CLI says how to deploy it).
    /// Throws a usage error for a runtime without a starter, listing those with one.
    package static func files(runtime: String, name: String, configPath: String, header: [String], today: String) throws
        -> [InitFile]
    {
        let valid = runtimes(today: today)
        guard valid.contains(runtime), let family = RuntimeCatalog.info(runtime)?.family else {
            throw InitError(.usage, "no starter for runtime \(runtime); one of: \(valid.joined(separator: ", "))")
        }
        let code = source(family)
        var yaml = header.map { "# \($0)\n" }.joined()
        yaml += """
            # Every key: docs/deploy.md; a JSON Schema for editors: Config/lambdactl.schema.json.
            function:
              name: \(YAMLText.scalar(name))
              runtime: \(runtime)
              handler: \(code.handler)\(String(repeating: " ", count: max(1, 21 - code.handler.count)))# \(code.handlerNote)
              code: src                     # a directory (zipped deterministically) or a .zip
              memory: 128                   # MB, 128–10240
              timeout: 10                   # seconds, 1–900
              # architecture: arm64         # x86_64 (Lambda's default) or arm64
              # description: what it does
              # environment:                # the WHOLE environment: variables not listed are removed
              #   LOG_LEVEL: info
              # env_file: lambdactl.env     # KEY=VALUE lines (keep it out of version control)
              # role: my-role               # left out: lambdactl-NAME-role is created with logging rights
              # policies: [AmazonS3ReadOnlyAccess]   # more rights for the role lambdactl created
              # triggers:                   # what invokes it: sqs, kinesis, dynamodb, s3, schedule, event_pattern, sns
              #   - schedule: rate(1 hour)
              # alarms: [errors]
            # publish: true                 # publish a version when something changed
            # alias: live                   # and point this alias at it (implies publish)
            # rollout: {steps: [10, 50], interval: 2m, alarms: [errors]}   # move the alias step by step; back on ALARM
            # routes:                       # an HTTP API in front of the function
            #   api: \(name)-api
            #   routes: ["GET /hello"]

            """
        var files = [InitFile(path: configPath, contents: yaml)]
        files += code.files
        return files
    }

    /// The hello function of a family.
    struct Source {
        var handler: String
        var handlerNote: String
        var files: [InitFile]
    }

    static func source(_ family: RuntimeFamily) -> Source {
        switch family {
        case .nodejs:
            Source(
                handler: "index.handler", handlerNote: "FILE.FUNCTION: handler in src/index.mjs",
                files: [
                    InitFile(
                        path: "src/index.mjs",
                        contents: """
                            export const handler = async (event) => {
                              console.log(JSON.stringify(event));
                              return { statusCode: 200, body: JSON.stringify({ message: "hello" }) };
                            };

                            """)
                ])
        case .ruby:
            Source(
                handler: "function.handler", handlerNote: "FILE.FUNCTION: handler in src/function.rb",
                files: [
                    InitFile(
                        path: "src/function.rb",
                        contents: """
                            require "json"

                            def handler(event:, context:)
                              puts JSON.generate(event)
                              { statusCode: 200, body: JSON.generate(message: "hello") }
                            end

                            """)
                ])
        case .provided:
            Source(
                handler: "bootstrap", handlerNote: "OS-only runtime: Lambda runs src/bootstrap",
                files: [
                    InitFile(
                        path: "src/bootstrap",
                        contents: """
                            #!/bin/sh
                            # A placeholder for an OS-only runtime: Lambda runs the executable named
                            # bootstrap at the package's root, which reads events from the Lambda
                            # runtime API (AWS_LAMBDA_RUNTIME_API) and posts the answers back. Build your
                            # program (Swift, Rust, Go, C…) as a Linux binary for the function's
                            # architecture, name it bootstrap, and put it here in place of this script.
                            echo "src/bootstrap is lambdactl's placeholder: replace it with your program built as bootstrap" >&2
                            exit 1

                            """, executable: true)
                ])
        default:
            Source(
                handler: "app.handler", handlerNote: "FILE.FUNCTION: handler in src/app.py",
                files: [
                    InitFile(
                        path: "src/app.py",
                        contents: """
                            import json


                            def handler(event, context):
                                print(json.dumps(event))
                                return {"statusCode": 200, "body": json.dumps({"message": "hello"})}

                            """)
                ])
        }
    }
}
