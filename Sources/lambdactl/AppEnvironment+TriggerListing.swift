import Deployment

extension AppEnvironment {
    /// `triggers NAME`: the handlers' listings with the routes, URLs and permissions.
    func triggerOverview() throws -> TriggerOverview {
        TriggerOverview(wiring: try triggerWiring(), reader: InvokePathsReader(lambda: try lambda(), gateway: try apiGateway()))
    }
}
