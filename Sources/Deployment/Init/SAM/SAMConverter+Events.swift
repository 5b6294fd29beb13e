import Foundation
import Yams

extension SAMConverter {
    /// `Events`: triggers (`function.triggers`) and HTTP API routes.
    mutating func events(_ value: Node, function: SAMTemplate.Resource, into converted: inout ConvertedFunction) {
        guard let events = value.mapping else { return hand(value, "Events should be a mapping of event names to events") }
        var triggers: [SAMOutput] = []
        var restNoted = false
        for (nameNode, event) in events {
            let name = nameNode.string ?? ""
            let type = event.mapping?["Type"]?.string ?? ""
            let properties = event.mapping?["Properties"]?.mapping ?? Node.Mapping([])
            switch type {
            case "HttpApi", "Api":
                if type == "Api", !restNoted {
                    restNoted = true
                    note(nameNode, "REST API event \(name) converted to an HTTP API route; its payload is format 2.0 "
                        + "(event.requestContext.http.method, not event.httpMethod): check the handler reads it; "
                        + "its URL has no /Prod stage path")
                }
                if let route = route(nameNode, type: type, properties) { converted.routes.append(route) }
            case "SQS", "Kinesis", "DynamoDB":
                triggers += mappingTrigger(nameNode, type: type, properties).map { [$0] } ?? []
            case "S3": triggers += s3Trigger(nameNode, properties).map { [$0] } ?? []
            case "SNS": triggers += snsTrigger(nameNode, properties).map { [$0] } ?? []
            case "Schedule", "ScheduleV2": triggers += scheduleTrigger(nameNode, type: type, properties).map { [$0] } ?? []
            case "EventBridgeRule", "CloudWatchEvent": triggers += ruleTrigger(nameNode, properties).map { [$0] } ?? []
            default:
                hand(nameNode, "event \(name) of type \(type) has no lambdactl trigger; wire it by hand after deploying")
            }
        }
        if !triggers.isEmpty { converted.settings.set("triggers", .list(triggers)) }
    }

    /// Properties other than `known` of an event, each listed as not converted.
    mutating func leftOver(_ properties: Node.Mapping, known: [String], event: Node, type: String) {
        for (key, _) in properties where !known.contains(key.string ?? "") {
            hand(key, "\(type) event \(event.string ?? "") \(key.string ?? "") has no lambdactl key; set it by hand after deploying")
        }
    }

    /// An `HttpApi` or `Api` event as a route of its API.
    mutating func route(_ event: Node, type: String, _ properties: Node.Mapping) -> ConvertedRoute? {
        let apiKey = type == "HttpApi" ? "ApiId" : "RestApiId"
        var known = ["Path", "Method", apiKey, "PayloadFormatVersion"]
        // `Auth: {Authorizer: NONE}` only turns a default authorizer off: there is none here.
        if let auth = properties["Auth"]?.mapping, auth.count == 1, auth["Authorizer"]?.string == "NONE" { known.append("Auth") }
        leftOver(properties, known: known, event: event, type: type)
        if let version = properties["PayloadFormatVersion"]?.string, version != "2.0" {
            hand(properties["PayloadFormatVersion"], "payload format \(version): lambdactl's routes use 2.0; adapt the handler to it")
        }
        var apiID: String?
        if let reference = properties[apiKey] {
            guard let (resource, _) = resolver.reference(reference) else {
                hand(reference, "\(apiKey) does not name an API of the template; write the API's name under routes")
                return nil
            }
            apiID = resource.id
        }
        let api = apiSettings(apiID, type: type)
        let path = properties["Path"]?.string
        let method = properties["Method"]?.string
        let key: String
        switch (path, method) {
        case (nil, nil): key = "$default"
        case (let path?, let method?): key = "\(method.lowercased() == "any" ? "ANY" : method.uppercased()) \(path)"
        case (let path?, nil): key = "ANY \(path)"
        case (nil, _):
            hand(event, "\(type) event \(event.string ?? "") has a Method but no Path")
            return nil
        }
        return ConvertedRoute(api: api.name, stage: api.stage, cors: api.cors, key: key, line: SAMTemplate.line(event))
    }

    /// An `S3` event.
    mutating func s3Trigger(_ event: Node, _ properties: Node.Mapping) -> SAMOutput? {
        guard let bucketNode = properties["Bucket"], let bucket = text(bucketNode, .name, "S3 Bucket") else {
            if properties["Bucket"] == nil { hand(event, "S3 event needs Bucket") }
            return nil
        }
        var trigger = SAMOutputMap()
        trigger.set("s3", .text(bucket))
        if let events = properties["Events"], let list = list(events, .value, "S3 Events") {
            trigger.set("events", .list(list.map(SAMOutput.text)))
        }
        for rule in properties["Filter"]?.mapping?["S3Key"]?.mapping?["Rules"]?.sequence ?? Node.Sequence([]) {
            guard let name = rule.mapping?["Name"]?.string?.lowercased(), ["prefix", "suffix"].contains(name),
                let value = rule.mapping?["Value"].flatMap({ text($0, .value, "S3 filter \(name)") })
            else {
                hand(rule, "S3 filter rule should be Name: prefix or suffix with a Value")
                continue
            }
            trigger.set(name, .text(value))
        }
        leftOver(properties, known: ["Bucket", "Events", "Filter"], event: event, type: "S3")
        return .map(trigger)
    }

    /// An `SNS` event.
    mutating func snsTrigger(_ event: Node, _ properties: Node.Mapping) -> SAMOutput? {
        guard let topicNode = properties["Topic"], let topic = text(topicNode, .name, "SNS Topic") else {
            if properties["Topic"] == nil { hand(event, "SNS event needs Topic") }
            return nil
        }
        var trigger = SAMOutputMap()
        trigger.set("sns", .text(topic))
        if let policy = properties["FilterPolicy"] { trigger.set("filter_policy", json(policy, "FilterPolicy")) }
        leftOver(properties, known: ["Topic", "FilterPolicy"], event: event, type: "SNS")
        return .map(trigger)
    }

    /// A `Schedule` (EventBridge rule) or `ScheduleV2` (EventBridge Scheduler) event.
    mutating func scheduleTrigger(_ event: Node, type: String, _ properties: Node.Mapping) -> SAMOutput? {
        let expressionKey = type == "Schedule" ? "Schedule" : "ScheduleExpression"
        guard let expressionNode = properties[expressionKey], let expression = text(expressionNode, .value, expressionKey) else {
            if properties[expressionKey] == nil { hand(event, "\(type) event needs \(expressionKey)") }
            return nil
        }
        var trigger = SAMOutputMap()
        trigger.set("schedule", .text(expression))
        if type == "Schedule" {
            note(event, "schedule \(event.string ?? "") becomes an EventBridge Scheduler schedule (SAM's Schedule is an EventBridge rule)")
        }
        var known = [expressionKey, "Input", "Name"]
        if let (key, _) = SAMTemplate.pair(properties, "Description") {
            known.append("Description")
            note(key, "the schedule's Description is not kept (lambdactl's schedules are named, not described)")
        }
        if let zone = properties["ScheduleExpressionTimezone"] {
            known.append("ScheduleExpressionTimezone")
            trigger.set("timezone", text(zone, .value, "ScheduleExpressionTimezone").map(SAMOutput.text))
        }
        if let input = properties["Input"] { trigger.set("input", json(input, "Input")) }
        if let name = properties["Name"] { trigger.set("name", text(name, .value, "Name").map(SAMOutput.text)) }
        for key in ["Enabled", "State"] {
            guard let (keyNode, value) = SAMTemplate.pair(properties, key) else { continue }
            known.append(key)
            if value.bool == false || value.string == "DISABLED" {
                hand(keyNode, "a disabled schedule has no lambdactl form; it is written enabled (leave the trigger out to have none)")
            }
        }
        leftOver(properties, known: known, event: event, type: type)
        return .map(trigger)
    }

    /// An `EventBridgeRule` (or `CloudWatchEvent`) event.
    mutating func ruleTrigger(_ event: Node, _ properties: Node.Mapping) -> SAMOutput? {
        guard let pattern = properties["Pattern"] else {
            hand(event, "EventBridgeRule event needs Pattern")
            return nil
        }
        var trigger = SAMOutputMap()
        trigger.set("event_pattern", json(pattern, "Pattern"))
        if let bus = properties["EventBusName"] { trigger.set("event_bus", text(bus, .name, "EventBusName").map(SAMOutput.text)) }
        if let name = properties["RuleName"] { trigger.set("name", text(name, .value, "RuleName").map(SAMOutput.text)) }
        leftOver(properties, known: ["Pattern", "EventBusName", "RuleName"], event: event, type: "EventBridgeRule")
        return trigger["event_pattern"] == nil ? nil : .map(trigger)
    }

    /// A JSON value written as YAML (a mapping, list or JSON text), references resolved.
    mutating func json(_ node: Node, _ what: String) -> SAMOutput? {
        if let mapping = node.mapping, !SAMTemplate.isIntrinsic(node) {
            var map = SAMOutputMap()
            for (key, value) in mapping { map.set(key.string ?? "", json(value, what)) }
            return .map(map)
        }
        if let sequence = node.sequence, SAMTemplate.shortTag(node) == nil {
            return .list(sequence.compactMap { json($0, what) })
        }
        if SAMTemplate.shortTag(node) == nil, let scalar = node.scalar, scalar.style == .plain,
            node.int != nil || node.bool != nil || node.float != nil
        {
            return .plain(scalar.string)
        }
        return text(node, .value, what).map(SAMOutput.text)
    }
}
