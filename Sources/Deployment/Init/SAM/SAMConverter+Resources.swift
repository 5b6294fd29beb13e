import Foundation
import Yams

/// A layer of the template, as the file's `layers:` entry.
struct ConvertedLayer {
    /// The logical id.
    var id: String
    /// Its name (LayerName, else the logical id).
    var name: String
    /// The `layers:` entry.
    var entry: SAMOutputMap
}

extension SAMConverter {
    /// The template's sections besides `Resources`: conditions, mappings, outputs, globals other than `Function`.
    mutating func checkTopLevel() {
        if let (key, _) = SAMTemplate.pair(template.root, "Conditions") {
            hand(key, "Conditions have no lambdactl form; keep the resources and values your deploy uses, and deploy one file per variant")
        }
        if let (key, _) = SAMTemplate.pair(template.root, "Mappings") {
            note(key, "Mappings are not read; values taken from them (!FindInMap) are listed where they are used")
        }
        if let (key, _) = SAMTemplate.pair(template.root, "Outputs") {
            note(key, "Outputs are not converted; the deploy prints the functions' names and the API's URL")
        }
        for (key, value) in template.root["Parameters"]?.mapping ?? Node.Mapping([]) {
            let name = key.string ?? ""
            if value.mapping?["Default"] == nil {
                note(key, "parameter \(name) has no default: the file reads it as ${\(name)}, so export \(name) before deploying")
            }
            if let (constraint, _) = ["AllowedValues", "AllowedPattern", "MinValue", "MaxValue", "MinLength", "MaxLength"]
                .lazy.compactMap({ SAMTemplate.pair(value.mapping, $0) }).first
            {
                note(constraint, "parameter \(name): its constraints are not checked by the deploy")
            }
        }
        guard let globals = template.root["Globals"]?.mapping else { return }
        for (key, value) in globals {
            switch key.string ?? "" {
            case "Function": break
            case "HttpApi", "Api":
                let corsKey = key.string == "Api" ? "Cors" : "CorsConfiguration"
                for (property, _) in value.mapping ?? Node.Mapping([]) where ![corsKey, "Name"].contains(property.string ?? "") {
                    hand(property, "Globals.\(key.string ?? "").\(property.string ?? "") has no lambdactl form; set it on the API after deploying")
                }
            default:
                hand(key, "Globals.\(key.string ?? "") has no lambdactl form; only functions, layers and HTTP APIs are converted")
            }
        }
    }

    /// A resource lambdactl does not make: listed with what to do (its name is what the file uses).
    mutating func otherResource(_ resource: SAMTemplate.Resource) {
        // The name as the deploy reads it with the parameters' defaults (`items-dev`, not `items-${Stage:-dev}`).
        let written = resolver.name(of: resource)
        let name = (try? DeployConfigParser.interpolate(written, environment: [:], at: "")) ?? written
        let what: String
        switch resource.type {
        case "AWS::Serverless::HttpApi":
            httpAPIResource(resource)
            return
        case "AWS::Serverless::Api":
            restAPIResource(resource)
            return
        case "AWS::SQS::Queue": what = "create queue \(name) before deploying (triggers and policies refer to it by that name)"
        case "AWS::SNS::Topic": what = "create topic \(name) before deploying (the file refers to it by that name)"
        case "AWS::S3::Bucket": what = "create bucket \(name) before deploying (the file refers to it by that name)"
        case "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable":
            what = "create table \(name) before deploying (with its stream, if a trigger reads it; the file refers to it by that name)"
        case "AWS::Kinesis::Stream": what = "create stream \(name) before deploying (the file refers to it by that name)"
        case "AWS::IAM::Role": what = "create role \(name) before deploying, or leave role: out and give policies:"
        case "AWS::CloudWatch::Alarm":
            what = "write it as an entry of the function's alarms: (metric, statistic, threshold, comparison, period), or create alarm \(name)"
        case "AWS::Lambda::Permission", "AWS::Lambda::EventSourceMapping":
            what = "write it as an entry of the function's triggers:"
        case "AWS::Lambda::Function": what = "write it as a function of this file (runtime, handler, code)"
        default: what = "create it some other way (console, CloudFormation) before deploying"
        }
        hand(line: resource.line, "\(resource.type) \(resource.id) is not something lambdactl makes: \(what)")
    }

    /// `AWS::Serverless::HttpApi`: its name, CORS origins and stage are the API's keys; anything else is listed.
    mutating func httpAPIResource(_ resource: SAMTemplate.Resource) {
        for (key, value) in resource.properties {
            switch key.string ?? "" {
            case "Name", "StageName": break
            case "CorsConfiguration":
                if let cors = value.mapping {
                    for (corsKey, _) in cors where corsKey.string != "AllowOrigins" {
                        hand(corsKey, "HttpApi CORS \(corsKey.string ?? "") has no lambdactl key (only the origins); set it on the API after deploying")
                    }
                }
            default:
                hand(key, "HttpApi \(resource.id) \(key.string ?? "") has no lambdactl form; set it on the API after deploying")
            }
        }
    }

    /// `AWS::Serverless::Api` (a REST API): its routes become an HTTP API's; its REST-only settings are listed.
    mutating func restAPIResource(_ resource: SAMTemplate.Resource) {
        note(line: resource.line, "REST API \(resource.id) becomes an HTTP API of the same name (lambdactl makes HTTP APIs)")
        for (key, _) in resource.properties {
            switch key.string ?? "" {
            case "Name", "Cors": break
            case "StageName":
                note(key, "REST API \(resource.id)'s stage is not kept: the HTTP API serves at its $default stage (no /stage in the URL)")
            default:
                hand(key, "REST API \(resource.id) \(key.string ?? "") is a REST-API feature with no HTTP API form in lambdactl; "
                    + "set it up on the HTTP API by hand, or keep this API in SAM")
            }
        }
    }

    /// The API a resource id names, as the file names it, with its stage and CORS origins (the
    /// API's own, else `Globals.HttpApi`'s / `Globals.Api`'s). `type` is the event's (`HttpApi`, `Api`).
    func apiSettings(_ id: String?, type: String) -> (name: String, stage: String?, cors: [String]?) {
        let globals = template.root["Globals"]?.mapping?[type]?.mapping
        guard let id, let resource = template.resource(id) else {
            // SAM's implicit REST and HTTP APIs are one HTTP API here: either's global origins apply.
            let other = template.root["Globals"]?.mapping?[type == "Api" ? "HttpApi" : "Api"]?.mapping
            return (implicitAPIName, nil, cors(globals) ?? cors(other))
        }
        let name = resolver.name(of: resource)
        let stage = resource.properties["StageName"].flatMap { resolver.resolve($0, .value).text }
        // A REST API's stage (Prod) would put /Prod in every URL; the HTTP API keeps $default.
        let keepsStage = resource.type == "AWS::Serverless::HttpApi"
        return (name, keepsStage ? stage : nil, cors(resource.properties) ?? cors(globals))
    }

    /// The CORS origins of an API's properties (`CorsConfiguration.AllowOrigins`, or a REST API's `Cors`).
    func cors(_ properties: Node.Mapping?) -> [String]? {
        if let origins = properties?["CorsConfiguration"]?.mapping?["AllowOrigins"]?.sequence {
            return origins.compactMap { resolver.resolve($0, .value).text }
        }
        guard let cors = properties?["Cors"] else { return nil }
        guard let origin = cors.scalar?.string ?? cors.mapping?["AllowOrigin"]?.scalar?.string else { return nil }
        return [origin.trimmingCharacters(in: CharacterSet(charactersIn: "'"))]
    }

    /// The API SAM makes for events that name none: `Globals.HttpApi.Name` or `Globals.Api.Name`, else `<app>-api`.
    var implicitAPIName: String {
        let globals = template.root["Globals"]?.mapping
        for type in ["HttpApi", "Api"] {
            if let name = globals?[type]?.mapping?["Name"], let text = resolver.resolve(name, .value).text { return text }
        }
        return "\(appName)-api"
    }

    // MARK: Layers

    /// `AWS::Serverless::LayerVersion` as a `layers:` entry; nil (with a note) when its content is not local.
    mutating func layer(_ resource: SAMTemplate.Resource) -> ConvertedLayer? {
        let name = resolver.name(of: resource)
        var entry = SAMOutputMap()
        entry.set("name", .text(name))
        guard let content = resource.properties["ContentUri"] else {
            hand(line: resource.line, "layer \(resource.id) has no ContentUri; give the layer's directory as code:")
            return nil
        }
        guard let code = localPath(content, "layer \(resource.id) ContentUri", leftOut: "the layer is left out of the file") else {
            return nil
        }
        entry.set("code", .text(code))
        for (key, value) in resource.properties {
            switch key.string ?? "" {
            case "LayerName", "ContentUri": break
            case "CompatibleRuntimes": entry.set("compatible_runtimes", list(value, .value, "CompatibleRuntimes").map { .list($0.map(SAMOutput.text)) })
            case "CompatibleArchitectures":
                entry.set("compatible_architectures", list(value, .value, "CompatibleArchitectures").map { .list($0.map(SAMOutput.text)) })
            case "Description": entry.set("description", text(value, .value, "Description").map(SAMOutput.text))
            case "LicenseInfo": entry.set("license_info", text(value, .value, "LicenseInfo").map(SAMOutput.text))
            case "RetentionPolicy": note(key, "layer \(resource.id) RetentionPolicy: lambdactl keeps every layer version it published")
            default: hand(key, "layer \(resource.id) \(key.string ?? "") has no lambdactl key; set it by hand after deploying")
            }
        }
        if let method = resource.entry["Metadata"]?.mapping?["BuildMethod"] {
            note(method, "layer \(resource.id) is built by sam build (BuildMethod); build it into \(code) first (e.g. python/ with its packages)")
        }
        if resolver.isNamedByID(resource) { note(line: resource.line, "layer \(resource.id) has no LayerName: it is named \(name)") }
        return ConvertedLayer(id: resource.id, name: name, entry: entry)
    }
}
