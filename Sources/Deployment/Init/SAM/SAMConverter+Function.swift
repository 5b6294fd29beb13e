import Foundation
import Yams

/// A function of the template, converted.
struct ConvertedFunction {
    /// The logical id.
    var id: String
    /// Its name (FunctionName, else the logical id).
    var name: String
    /// Its keys under `function:` (or under its key in `functions:`).
    var settings = SAMOutputMap()
    /// `AutoPublishAlias`, with its line.
    var alias: (name: String, line: Int?)?
    /// Routes: the API's name, its stage and CORS origins, the route key and its line.
    var routes: [ConvertedRoute] = []
    /// The template's layers it uses, by name.
    var fileLayers: [String] = []
}

/// One route of an event.
struct ConvertedRoute {
    /// The API's name.
    var api: String
    /// The API's stage (nil: `$default`).
    var stage: String?
    /// The API's CORS origins.
    var cors: [String]?
    /// The route key (`GET /items`, `$default`).
    var key: String
    /// The event's line.
    var line: Int?
}

extension SAMConverter {
    /// The properties of `Globals.Function` merged under the function's, as SAM merges them:
    /// maps key by key, lists appended to the globals', anything else the function's.
    static func merged(_ globals: Node.Mapping?, _ own: Node.Mapping) -> Node.Mapping {
        guard let globals else { return own }
        var pairs = Array(globals.map { ($0.key, $0.value) })
        for (key, value) in own {
            guard let index = pairs.firstIndex(where: { $0.0.string == key.string }) else {
                pairs.append((key, value))
                continue
            }
            let base = pairs[index].1
            if let a = base.mapping, let b = value.mapping, !SAMTemplate.isIntrinsic(base), !SAMTemplate.isIntrinsic(value) {
                pairs[index] = (key, .mapping(merged(a, b)))
            } else if let a = base.sequence, let b = value.sequence, SAMTemplate.shortTag(base) == nil, SAMTemplate.shortTag(value) == nil {
                pairs[index] = (key, .sequence(Node.Sequence(Array(a) + Array(b))))
            } else {
                pairs[index] = (key, value)
            }
        }
        return Node.Mapping(pairs)
    }

    /// One `AWS::Serverless::Function`; nil (with a note) when its code cannot be written.
    mutating func function(_ resource: SAMTemplate.Resource, isApp: Bool) -> ConvertedFunction? {
        let properties = Self.merged(template.functionGlobals, resource.properties)
        let name = resolver.name(of: resource)
        var converted = ConvertedFunction(id: resource.id, name: name)
        if let condition = SAMTemplate.pair(resource.entry, "Condition") {
            hand(condition.key, "function \(resource.id) has a Condition; conditions have no lambdactl form (it is converted as if it held)")
        }
        if let packageType = properties["PackageType"], packageType.string == "Image" {
            hand(line: resource.line, "function \(resource.id) is a container image (PackageType: Image), which lambdactl does not deploy; "
                + "left out of the file (build a zip package, or keep it in SAM)")
            return nil
        }
        if properties["InlineCode"] != nil {
            hand(line: resource.line, "function \(resource.id) has InlineCode; left out of the file: "
                + "save the code in a directory and add the function with code: pointing at it")
            return nil
        }
        guard let runtime = properties["Runtime"], let handler = properties["Handler"] else {
            hand(line: resource.line, "function \(resource.id) needs Runtime and Handler (here or in Globals.Function); left out of the file")
            return nil
        }
        converted.settings.set("name", .text(name))
        converted.settings.set("runtime", text(runtime, .value, "Runtime").map(SAMOutput.text))
        converted.settings.set("handler", text(handler, .value, "Handler").map(SAMOutput.text))
        if let codeURI = properties["CodeUri"] {
            guard let code = localPath(codeURI, "function \(resource.id) CodeUri", leftOut: "the function is left out of the file") else {
                return nil
            }
            converted.settings.set("code", .text(code))
        } else {
            note(line: resource.line, "function \(resource.id) has no CodeUri: its code is the template's directory")
            converted.settings.set("code", .text(pathPrefix.isEmpty ? "." : pathPrefix))
        }
        if resolver.isNamedByID(resource) { note(line: resource.line, "function \(resource.id) has no FunctionName: it is named \(name)") }
        if let method = resource.entry["Metadata"]?.mapping?["BuildMethod"] {
            note(method, "function \(resource.id) is built by sam build (BuildMethod); build it and point code: at the result")
        }
        for (key, value) in properties {
            functionProperty(key, value, resource: resource, into: &converted, isApp: isApp)
        }
        if converted.settings["role"] != nil, converted.settings["policies"] != nil {
            note(line: resource.line, "function \(resource.id) has Role and Policies: lambdactl gives policies only to a role it made, so policies: is left out")
            converted.settings.remove("policies")
        }
        return converted
    }

    /// One property of a function (merged with the globals).
    mutating func functionProperty(
        _ key: Node, _ value: Node, resource: SAMTemplate.Resource, into converted: inout ConvertedFunction, isApp: Bool
    ) {
        let property = key.string ?? ""
        let id = resource.id
        switch property {
        case "Runtime", "Handler", "CodeUri", "FunctionName", "PackageType": break
        case "MemorySize": converted.settings.set("memory", number(value, "MemorySize"))
        case "Timeout": converted.settings.set("timeout", number(value, "Timeout"))
        case "Description": converted.settings.set("description", text(value, .value, "Description").map(SAMOutput.text))
        case "Environment":
            guard let variables = value.mapping?["Variables"] else { return hand(key, "Environment needs Variables:") }
            converted.settings.set("environment", textMap(variables, "environment variable"))
        case "Tags": converted.settings.set("tags", textMap(value, "tag"))
        case "Layers": layers(value, into: &converted)
        case "Architectures":
            guard let architectures = list(value, .value, "Architectures"), let first = architectures.first else { return }
            if architectures.count > 1 { hand(value, "Architectures lists more than one; a function has one") }
            converted.settings.set("architecture", .text(first))
        case "Tracing":
            guard let mode = text(value, .value, "Tracing") else { return }
            converted.settings.set("tracing", .text(mode == "Active" ? "active" : mode == "PassThrough" ? "passthrough" : mode))
        case "VpcConfig": vpc(value, into: &converted)
        case "ReservedConcurrentExecutions": converted.settings.set("reserved_concurrency", number(value, property))
        case "ProvisionedConcurrencyConfig":
            guard let count = value.mapping?["ProvisionedConcurrentExecutions"] else {
                return hand(key, "ProvisionedConcurrencyConfig needs ProvisionedConcurrentExecutions")
            }
            if properties(of: resource)["AutoPublishAlias"] == nil {
                return hand(key, "ProvisionedConcurrencyConfig needs AutoPublishAlias: provisioned concurrency goes on an alias")
            }
            converted.settings.set("provisioned_concurrency", number(count, "ProvisionedConcurrentExecutions"))
        case "AutoPublishAlias":
            if let alias = text(value, .value, property) { converted.alias = (alias, SAMTemplate.line(value)) }
        case "FunctionUrlConfig": functionURL(value, into: &converted)
        case "DeadLetterQueue":
            guard let target = value.mapping?["TargetArn"] else { return hand(key, "DeadLetterQueue needs TargetArn") }
            converted.settings.set("dead_letter", text(target, .arn, "DeadLetterQueue TargetArn").map(SAMOutput.text))
        case "EventInvokeConfig": eventInvokeConfig(value, into: &converted)
        case "Policies": converted.settings.set("policies", policies(value, function: id))
        case "Role": converted.settings.set("role", text(value, .name, "Role").map(SAMOutput.text))
        case "EphemeralStorage":
            guard let size = value.mapping?["Size"] else { return hand(key, "EphemeralStorage needs Size") }
            converted.settings.set("ephemeral_storage", number(size, "EphemeralStorage Size"))
        case "LoggingConfig": logging(value, into: &converted)
        case "SnapStart":
            guard let applyOn = value.mapping?["ApplyOn"].flatMap({ text($0, .value, "SnapStart ApplyOn") }) else { return }
            converted.settings.set("snap_start", .text(applyOn == "PublishedVersions" ? "published-versions" : "none"))
        case "Events": events(value, function: resource, into: &converted)
        case "DeploymentPreference":
            let alias = properties(of: resource)["AutoPublishAlias"]
            converted.settings.set("rollout", rollout(value, function: id, hasAlias: alias != nil))
        case "AutoPublishCodeSha256", "VersionDescription", "AutoPublishAliasAllProperties":
            note(key, "\(property) is not needed: a version is published whenever the code or configuration changed")
        default:
            hand(key, "function \(id) \(property) has no lambdactl key; set it by hand after deploying (it is left out)")
        }
    }

    /// A function's properties with the globals merged under them.
    func properties(of resource: SAMTemplate.Resource) -> Node.Mapping {
        Self.merged(template.functionGlobals, resource.properties)
    }

    /// `Layers`: the template's layers by name, others as ARNs.
    mutating func layers(_ value: Node, into converted: inout ConvertedFunction) {
        guard let items = value.sequence, SAMTemplate.shortTag(value) == nil else {
            // A list parameter (CommaDelimitedList of layer ARNs).
            if let arns = list(value, .arn, "Layers") { converted.settings.set("layers", .list(arns.map(SAMOutput.text))) }
            return
        }
        var arns: [SAMOutput] = []
        for item in items {
            if let (resource, _) = resolver.reference(item), resource.type == "AWS::Serverless::LayerVersion" {
                converted.fileLayers.append(resolver.name(of: resource))
            } else if let arn = text(item, .arn, "layer") {
                arns.append(.text(arn))
            }
        }
        if !arns.isEmpty { converted.settings.set("layers", .list(arns)) }
    }

    /// `VpcConfig`.
    mutating func vpc(_ value: Node, into converted: inout ConvertedFunction) {
        guard let config = value.mapping else { return hand(value, "VpcConfig should be a mapping") }
        var vpc = SAMOutputMap()
        for (key, item) in config {
            switch key.string ?? "" {
            case "SubnetIds": vpc.set("subnets", list(item, .value, "SubnetIds").map { .list($0.map(SAMOutput.text)) })
            case "SecurityGroupIds": vpc.set("security_groups", list(item, .value, "SecurityGroupIds").map { .list($0.map(SAMOutput.text)) })
            case "Ipv6AllowedForDualStack": vpc.set("ipv6", bool(item, "Ipv6AllowedForDualStack").map { .plain($0 ? "true" : "false") })
            default: hand(key, "VpcConfig \(key.string ?? "") has no lambdactl key")
            }
        }
        converted.settings.set("vpc", .map(vpc))
    }

    /// `FunctionUrlConfig`.
    mutating func functionURL(_ value: Node, into converted: inout ConvertedFunction) {
        guard let config = value.mapping else { return hand(value, "FunctionUrlConfig should be a mapping") }
        var url = SAMOutputMap()
        for (key, item) in config {
            switch key.string ?? "" {
            case "AuthType": url.set("auth", text(item, .value, "AuthType").map { .text($0.lowercased()) })
            case "Cors":
                for (corsKey, corsValue) in item.mapping ?? Node.Mapping([]) {
                    if corsKey.string == "AllowOrigins" {
                        url.set("cors_origins", list(corsValue, .value, "AllowOrigins").map { .list($0.map(SAMOutput.text)) })
                    } else {
                        hand(corsKey, "function URL CORS \(corsKey.string ?? "") has no lambdactl key (only the origins); set it on the URL after deploying")
                    }
                }
            case "InvokeMode":
                if item.string != "BUFFERED" { hand(key, "function URL InvokeMode \(item.string ?? "") has no lambdactl key; set it on the URL after deploying") }
            default: hand(key, "FunctionUrlConfig \(key.string ?? "") has no lambdactl key")
            }
        }
        if url["auth"] == nil { url.set("auth", .text("aws_iam")) }
        converted.settings.set("function_url", .map(url))
    }

    /// `EventInvokeConfig`.
    mutating func eventInvokeConfig(_ value: Node, into converted: inout ConvertedFunction) {
        guard let config = value.mapping else { return hand(value, "EventInvokeConfig should be a mapping") }
        var async = SAMOutputMap()
        for (key, item) in config {
            switch key.string ?? "" {
            case "MaximumRetryAttempts": async.set("max_retries", number(item, "MaximumRetryAttempts"))
            case "MaximumEventAgeInSeconds": async.set("max_event_age", seconds(item, "MaximumEventAgeInSeconds"))
            case "DestinationConfig":
                for (side, destination) in item.mapping ?? Node.Mapping([]) {
                    let target = side.string == "OnSuccess" ? "on_success" : side.string == "OnFailure" ? "on_failure" : nil
                    guard let target else { hand(side, "DestinationConfig \(side.string ?? "") is neither OnSuccess nor OnFailure"); continue }
                    guard let arn = destination.mapping?["Destination"] else {
                        hand(side, "\(side.string ?? "") without Destination (SAM would create the queue or topic): "
                            + "create one and give its ARN as async.\(target)")
                        continue
                    }
                    async.set(target, text(arn, .arn, "\(side.string ?? "") Destination").map(SAMOutput.text))
                }
            default: hand(key, "EventInvokeConfig \(key.string ?? "") has no lambdactl key")
            }
        }
        converted.settings.set("async", .map(async))
    }

    /// `LoggingConfig`.
    mutating func logging(_ value: Node, into converted: inout ConvertedFunction) {
        guard let config = value.mapping else { return hand(value, "LoggingConfig should be a mapping") }
        var logging = SAMOutputMap()
        for (key, item) in config {
            let target: String? =
                switch key.string ?? "" {
                case "LogFormat": "format"
                case "ApplicationLogLevel": "level"
                case "SystemLogLevel": "system_level"
                case "LogGroup": "group"
                default: nil
                }
            guard let target else { hand(key, "LoggingConfig \(key.string ?? "") has no lambdactl key"); continue }
            guard let resolved = text(item, .name, "LoggingConfig \(key.string ?? "")") else { continue }
            logging.set(target, .text(target == "group" ? resolved : resolved.lowercased()))
        }
        converted.settings.set("logging", .map(logging))
    }
}
