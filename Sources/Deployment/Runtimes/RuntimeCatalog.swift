/// One Lambda-managed runtime and its lifecycle dates (UTC, `YYYY-MM-DD`).
package struct RuntimeInfo: Sendable, Equatable {
    /// The identifier passed as `Runtime` (`python3.13`).
    package var identifier: String
    /// The language family, which decides what a handler looks like.
    package var family: RuntimeFamily
    /// The day Lambda deprecates it (no more patches or support); nil when not announced.
    package var deprecation: String?
    /// From this day CreateFunction with it is refused.
    package var blockCreate: String?
    /// From this day UpdateFunctionCode / UpdateFunctionConfiguration with it are refused.
    package var blockUpdate: String?

    /// Creates an entry.
    package init(_ identifier: String, _ family: RuntimeFamily, deprecation: String?, blockCreate: String?, blockUpdate: String?) {
        self.identifier = identifier
        self.family = family
        self.deprecation = deprecation
        self.blockCreate = blockCreate
        self.blockUpdate = blockUpdate
    }
}

/// A runtime's language family.
package enum RuntimeFamily: String, Sendable, Equatable, CaseIterable {
    case nodejs, python, java, dotnet, ruby, provided, go
}

/// The Lambda runtimes lambdactl knows, with their deprecation and block dates: the one table
/// `create-function`, `update-config`, `deploy` and a later `doctor` read.
///
/// Source: AWS Lambda Developer Guide. The stored copy of "Lambda runtimes"
/// (https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.md and .html) could only be read
/// as far as its introduction, so the rows of its "Supported runtimes" table were checked against
/// the same dates on the guide's per-language pages (as stored, no date shown, read 2026-12-01):
/// lambda-nodejs.html, lambda-python.html/.md, lambda-java.md, lambda-csharp.md, lambda-ruby.html,
/// runtimes-provided.html. Copies of different ages disagree; where they do, the copy listing the
/// newest runtimes and the latest dates was used. Rows marked `unverified` (the "Deprecated
/// runtimes" table, and provided.al2) have no current AWS copy that could be read; they keep their
/// earlier values and must be checked against the page itself.
/// AWS adds runtimes and moves dates: update the rows and `asOf` together. Runtimes deprecated
/// before 2021 with both blocks long past are listed too, so their names are recognised rather
/// than "unknown".
package enum RuntimeCatalog {
    /// When the table was taken from AWS's page.
    package static let asOf = "2026-12"
    /// Where it was taken from.
    package static let source = "https://docs.aws.amazon.com/lambda/latest/dg/lambda-runtimes.html"

    /// Every known runtime, newest first within each family (the first of a family that is not
    /// deprecated is the suggested successor).
    package static let runtimes: [RuntimeInfo] = [
        // Node.js
        RuntimeInfo("nodejs24.x", .nodejs, deprecation: "2028-04-30", blockCreate: "2028-06-01", blockUpdate: "2028-07-01"),
        RuntimeInfo("nodejs22.x", .nodejs, deprecation: "2027-04-30", blockCreate: "2027-06-01", blockUpdate: "2027-07-01"),
        RuntimeInfo("nodejs20.x", .nodejs, deprecation: "2026-04-30", blockCreate: "2026-08-31", blockUpdate: "2026-09-30"),
        RuntimeInfo("nodejs18.x", .nodejs, deprecation: "2025-09-01", blockCreate: "2026-03-09", blockUpdate: "2026-04-08"), // unverified
        RuntimeInfo("nodejs16.x", .nodejs, deprecation: "2024-06-12", blockCreate: "2026-02-28", blockUpdate: "2026-03-31"), // unverified
        RuntimeInfo("nodejs14.x", .nodejs, deprecation: "2023-12-04", blockCreate: "2024-01-09", blockUpdate: "2025-03-12"), // unverified
        RuntimeInfo("nodejs12.x", .nodejs, deprecation: "2023-03-31", blockCreate: "2023-03-31", blockUpdate: "2023-04-30"), // unverified
        RuntimeInfo("nodejs10.x", .nodejs, deprecation: "2021-07-30", blockCreate: "2021-07-30", blockUpdate: "2022-02-14"), // unverified
        RuntimeInfo("nodejs8.10", .nodejs, deprecation: "2020-03-06", blockCreate: "2020-03-06", blockUpdate: "2020-03-06"), // unverified
        RuntimeInfo("nodejs6.10", .nodejs, deprecation: "2019-08-12", blockCreate: "2019-08-12", blockUpdate: "2019-08-12"), // unverified
        RuntimeInfo("nodejs4.3", .nodejs, deprecation: "2020-03-05", blockCreate: "2020-03-05", blockUpdate: "2020-03-05"), // unverified
        RuntimeInfo("nodejs4.3-edge", .nodejs, deprecation: "2020-03-05", blockCreate: "2020-03-05", blockUpdate: "2020-03-05"), // unverified
        RuntimeInfo("nodejs", .nodejs, deprecation: "2016-10-31", blockCreate: "2016-10-31", blockUpdate: "2016-10-31"), // unverified
        // Python
        RuntimeInfo("python3.14", .python, deprecation: "2029-06-30", blockCreate: "2029-07-31", blockUpdate: "2029-08-31"),
        RuntimeInfo("python3.13", .python, deprecation: "2029-06-30", blockCreate: "2029-07-31", blockUpdate: "2029-08-31"),
        RuntimeInfo("python3.12", .python, deprecation: "2028-10-31", blockCreate: "2028-11-30", blockUpdate: "2029-01-10"),
        RuntimeInfo("python3.11", .python, deprecation: "2027-06-30", blockCreate: "2027-07-31", blockUpdate: "2027-08-31"),
        RuntimeInfo("python3.10", .python, deprecation: "2026-10-31", blockCreate: "2026-11-30", blockUpdate: "2027-01-15"),
        RuntimeInfo("python3.9", .python, deprecation: "2025-12-15", blockCreate: "2026-06-01", blockUpdate: "2026-07-01"), // unverified
        RuntimeInfo("python3.8", .python, deprecation: "2024-10-14", blockCreate: "2026-02-28", blockUpdate: "2026-03-31"), // unverified
        RuntimeInfo("python3.7", .python, deprecation: "2023-12-04", blockCreate: "2024-01-09", blockUpdate: "2025-03-12"), // unverified
        RuntimeInfo("python3.6", .python, deprecation: "2022-07-18", blockCreate: "2022-07-18", blockUpdate: "2022-08-29"), // unverified
        RuntimeInfo("python2.7", .python, deprecation: "2021-07-15", blockCreate: "2021-07-15", blockUpdate: "2022-05-30"), // unverified
        // Java
        RuntimeInfo("java25", .java, deprecation: "2029-06-30", blockCreate: "2029-07-31", blockUpdate: "2029-08-31"),
        RuntimeInfo("java21", .java, deprecation: "2029-06-30", blockCreate: "2029-07-31", blockUpdate: "2029-08-31"),
        RuntimeInfo("java17", .java, deprecation: "2027-06-30", blockCreate: "2027-07-31", blockUpdate: "2027-08-31"),
        RuntimeInfo("java11", .java, deprecation: "2027-06-30", blockCreate: "2027-07-31", blockUpdate: "2027-08-31"),
        RuntimeInfo("java8.al2", .java, deprecation: "2027-06-30", blockCreate: "2027-07-31", blockUpdate: "2027-08-31"),
        RuntimeInfo("java8", .java, deprecation: "2024-01-08", blockCreate: "2024-02-08", blockUpdate: "2025-03-12"), // unverified
        // .NET
        RuntimeInfo("dotnet10", .dotnet, deprecation: "2028-11-14", blockCreate: "2028-12-14", blockUpdate: "2029-01-15"),
        RuntimeInfo("dotnet8", .dotnet, deprecation: "2026-11-10", blockCreate: "2027-02-01", blockUpdate: "2027-03-03"),
        RuntimeInfo("dotnet6", .dotnet, deprecation: "2024-11-12", blockCreate: "2026-02-28", blockUpdate: "2026-03-31"), // unverified
        RuntimeInfo("dotnet7", .dotnet, deprecation: "2024-05-14", blockCreate: "2024-05-14", blockUpdate: "2024-05-14"), // unverified
        RuntimeInfo("dotnet5.0", .dotnet, deprecation: "2022-05-10", blockCreate: "2022-05-10", blockUpdate: "2022-05-10"), // unverified
        RuntimeInfo("dotnetcore3.1", .dotnet, deprecation: "2023-04-03", blockCreate: "2023-04-03", blockUpdate: "2023-05-03"), // unverified
        RuntimeInfo("dotnetcore2.1", .dotnet, deprecation: "2022-01-05", blockCreate: "2022-01-05", blockUpdate: "2022-04-13"), // unverified
        RuntimeInfo("dotnetcore2.0", .dotnet, deprecation: "2019-05-30", blockCreate: "2019-05-30", blockUpdate: "2019-05-30"), // unverified
        RuntimeInfo("dotnetcore1.0", .dotnet, deprecation: "2019-07-27", blockCreate: "2019-07-27", blockUpdate: "2019-07-27"), // unverified
        // Ruby
        RuntimeInfo("ruby3.4", .ruby, deprecation: "2028-03-31", blockCreate: "2028-04-30", blockUpdate: "2028-05-31"),
        RuntimeInfo("ruby3.3", .ruby, deprecation: "2027-03-31", blockCreate: "2027-04-30", blockUpdate: "2027-05-31"),
        RuntimeInfo("ruby3.2", .ruby, deprecation: "2026-03-31", blockCreate: "2026-08-31", blockUpdate: "2026-09-30"),
        RuntimeInfo("ruby2.7", .ruby, deprecation: "2023-11-27", blockCreate: "2024-01-09", blockUpdate: "2025-03-12"), // unverified
        RuntimeInfo("ruby2.5", .ruby, deprecation: "2021-07-30", blockCreate: "2021-07-30", blockUpdate: "2022-03-31"), // unverified
        // OS-only runtimes
        RuntimeInfo("provided.al2023", .provided, deprecation: "2029-06-30", blockCreate: "2029-07-31", blockUpdate: "2029-08-31"),
        RuntimeInfo("provided.al2", .provided, deprecation: "2026-06-30", blockCreate: "2026-07-31", blockUpdate: "2026-08-31"), // unverified
        RuntimeInfo("provided", .provided, deprecation: "2024-01-08", blockCreate: "2024-02-08", blockUpdate: "2025-03-12"), // unverified
        RuntimeInfo("go1.x", .go, deprecation: "2024-01-08", blockCreate: "2024-02-08", blockUpdate: "2025-03-12"), // unverified
    ]

    /// The entry for `identifier`, nil when the table does not know it.
    package static func info(_ identifier: String) -> RuntimeInfo? {
        runtimes.first { $0.identifier == identifier }
    }

    /// The newest runtime of `family` that is not deprecated on `today` (`go` moves to
    /// `provided.al2023`, as AWS advises).
    package static func successor(for family: RuntimeFamily, today: String) -> String? {
        let target = family == .go ? RuntimeFamily.provided : family
        return runtimes.first { $0.family == target && !($0.deprecation.map { $0 <= today } ?? false) }?.identifier
    }
}
