import Foundation

extension SAMConverter {
    /// The single-function form: `function:`, `layers:`, `alias:`, `routes:`.
    mutating func singleFile(_ function: ConvertedFunction, layers: [ConvertedLayer]) -> SAMOutputMap {
        var file = SAMOutputMap()
        var settings = function.settings
        let rollout = settings["rollout"]
        settings.remove("rollout")
        file.set("function", .map(settings))
        if !layers.isEmpty {
            file.set("layers", .list(layers.map { .map($0.entry) }))
            for layer in layers where !function.fileLayers.contains(layer.name) {
                note(line: nil, "layer \(layer.name) is attached to \(function.name) (the single-function form attaches every layer of the file)")
            }
        }
        if let alias = function.alias { file.set("alias", .text(alias.name)) }
        if let rollout = rollout ?? nil { file.set("rollout", rollout) }
        let apis = Dictionary(grouping: function.routes, by: \.api)
        if let first = function.routes.first {
            for route in function.routes where route.api != first.api {
                hand(line: route.line, "route \(route.key) is on a second API (\(route.api)); a single function's file has one API: "
                    + "put it on \(first.api) or deploy it from another file")
            }
            var routes = SAMOutputMap()
            routes.set("api", .text(first.api))
            let keys = unique(apis[first.api] ?? [])
            routes.set("routes", .list(keys.map { .text($0.key) }))
            if let stage = first.stage { routes.set("stage", .text(stage)) }
            if let cors = first.cors { routes.set("cors_origins", .list(cors.map(SAMOutput.text))) }
            file.set("routes", .map(routes))
        }
        return file
    }

    /// The app form: `app:`, `defaults:`, `layers:`, `functions:`, `apis:`, `alias:`.
    mutating func appFile(_ functions: [ConvertedFunction], layers: [ConvertedLayer]) -> SAMOutputMap {
        var file = SAMOutputMap()
        file.set("app", .text(appName))
        var keyed: [(key: String, settings: SAMOutputMap)] = []
        let written = Set(layers.map(\.name))
        for var function in functions {
            for missing in function.fileLayers where !written.contains(missing) {
                hand(line: template.resource(function.id)?.line,
                    "function \(function.id) uses layer \(missing), which is not in the file (see its line); give its version ARN under layers:")
            }
            function.fileLayers = function.fileLayers.filter(written.contains)
            var settings = function.settings
            settings.remove("rollout")
            let key = DeployValidation.isName(function.name, maxLength: 64) ? function.name : function.id
            if key == function.name { settings.remove("name") }
            let layerNames = function.fileLayers.map(SAMOutput.text)
            if !layerNames.isEmpty {
                let arns: [SAMOutput] = if case .list(let items)? = settings["layers"] { items } else { [] }
                settings.set("layers", .list(layerNames + arns))
            }
            keyed.append((key, settings))
        }
        var defaults = SAMOutputMap()
        for name in ["runtime", "handler", "code", "memory", "timeout", "architecture", "tracing"] {
            let values = keyed.map { $0.settings[name] }
            guard let first = values.first, let value = first, values.allSatisfy({ $0 == value }) else { continue }
            defaults.set(name, value)
            for index in keyed.indices { keyed[index].settings.remove(name) }
        }
        for name in ["environment", "tags"] {
            let shared = Self.sharedEntries(keyed.map { $0.settings[name] })
            guard !shared.isEmpty else { continue }
            defaults.set(name, .map(SAMOutputMap(pairs: shared)))
            for index in keyed.indices {
                guard case .map(var own)? = keyed[index].settings[name] else { continue }
                for (key, _) in shared { own.remove(key) }
                if own.isEmpty { keyed[index].settings.remove(name) } else { keyed[index].settings.set(name, .map(own)) }
            }
        }
        if !defaults.isEmpty { file.set("defaults", .map(defaults)) }
        if !layers.isEmpty { file.set("layers", .list(layers.map { .map($0.entry) })) }
        var functionsMap = SAMOutputMap()
        for (key, settings) in keyed { functionsMap.set(key, .map(settings)) }
        file.set("functions", .map(functionsMap))
        let keyOf = Dictionary(zip(functions.map(\.id), keyed.map(\.key)), uniquingKeysWith: { a, _ in a })
        var apis = SAMOutputMap()
        var apiOrder: [String] = []
        var routesByAPI: [String: [(ConvertedRoute, String)]] = [:]
        for function in functions {
            for route in function.routes {
                if routesByAPI[route.api] == nil { apiOrder.append(route.api) }
                routesByAPI[route.api, default: []].append((route, keyOf[function.id] ?? function.name))
            }
        }
        for api in apiOrder {
            let entries = routesByAPI[api] ?? []
            var routes = SAMOutputMap()
            for (route, target) in entries {
                if let taken = routes[route.key], taken != .text(target) {
                    hand(line: route.line, "route \(route.key) of \(api) is given to two functions; an HTTP API route invokes one")
                    continue
                }
                routes.set(route.key, .text(target))
            }
            var entry = SAMOutputMap()
            entry.set("routes", .map(routes))
            if let cors = entries.first?.0.cors { entry.set("cors_origins", .list(cors.map(SAMOutput.text))) }
            if let stage = entries.first?.0.stage { entry.set("stage", .text(stage)) }
            apis.set(api, .map(entry))
        }
        if !apis.isEmpty { file.set("apis", .map(apis)) }
        appAlias(functions, into: &file)
        appRollout(functions, into: &file)
        return file
    }

    /// The app's `rollout:` from the functions' `DeploymentPreference`: the app form has one for
    /// every changed function (they roll out together), so the first one's steps and interval,
    /// and every function's alarms (one firing alarm rolls them all back).
    mutating func appRollout(_ functions: [ConvertedFunction], into file: inout SAMOutputMap) {
        let rollouts = functions.compactMap { function -> (id: String, map: SAMOutputMap)? in
            guard case .map(let map)? = function.settings["rollout"] else { return nil }
            return (function.id, map)
        }
        guard var first = rollouts.first?.map else { return }
        var alarms: [SAMOutput] = []
        for (id, rollout) in rollouts {
            if rollout["steps"] != first["steps"] || rollout["interval"] != first["interval"] {
                note(line: template.resource(id)?.line,
                    "function \(id)'s DeploymentPreference differs from \(rollouts[0].id)'s; the app form has one rollout: for every "
                        + "function (they roll out together): the file uses \(rollouts[0].id)'s steps and interval")
            }
            if case .list(let names)? = rollout["alarms"] {
                for name in names where !alarms.contains(name) { alarms.append(name) }
            }
        }
        if !alarms.isEmpty { first.set("alarms", .list(alarms)) }
        file.set("rollout", .map(first))
    }

    /// The app's `alias:` from the functions' `AutoPublishAlias` (the app form has one for all).
    mutating func appAlias(_ functions: [ConvertedFunction], into file: inout SAMOutputMap) {
        let aliases = functions.compactMap(\.alias)
        guard let first = aliases.first else { return }
        for alias in aliases where alias.name != first.name {
            hand(line: alias.line, "AutoPublishAlias \(alias.name) differs from \(first.name); the app form has one alias for every function: "
                + "the file uses \(first.name)")
        }
        for function in functions where function.alias == nil {
            note(line: template.resource(function.id)?.line,
                "function \(function.id) has no AutoPublishAlias; in the app form it gets alias \(first.name) too (and published versions)")
        }
        file.set("alias", .text(first.name))
    }

    /// The entries every one of `maps` holds with the same value (the environment `Globals` gave
    /// them all), which the app form's `defaults:` can hold once: its maps merge key by key.
    static func sharedEntries(_ maps: [SAMOutput?]) -> [(key: String, value: SAMOutput)] {
        var all: [SAMOutputMap] = []
        for map in maps {
            guard case .map(let entries)? = map else { return [] }
            all.append(entries)
        }
        guard let first = all.first else { return [] }
        return first.pairs.filter { pair in all.allSatisfy { $0[pair.key] == pair.value } }
    }

    /// Routes with each key once (the first one kept), a duplicate listed.
    mutating func unique(_ routes: [ConvertedRoute]) -> [ConvertedRoute] {
        var seen: Set<String> = []
        var result: [ConvertedRoute] = []
        for route in routes {
            if seen.insert(route.key.uppercased()).inserted {
                result.append(route)
            } else {
                hand(line: route.line, "route \(route.key) is given twice; it is written once")
            }
        }
        return result
    }
}
