import Deployment

/// Hints worded with the commands and flags the user types (`check --api (and --region), or
/// create it with lambdactl attach-routes`); the use cases hand them over as `Hint` values.
struct CommandLineHints: HintWording {
    func text(_ hint: Hint) -> String {
        switch hint {
        case .checkFunction(let function, let qualified):
            "check the name with lambdactl list-functions"
                + (qualified ? ", the version or alias with lambdactl versions \(function)" : "") + " and the region (--region)"
        case .createQualifierOrLeaveOut: "create it first (lambdactl alias or publish-version) or leave out --qualifier"
        case .listAliasesOrGiveVersion(let function):
            "list its aliases with lambdactl versions \(function), or pass a version number to --qualifier"
        case .checkAPI: "check --api (and --region), or create it with lambdactl attach-routes"
        case .giveHTTPAPIID: "pass --api with the ID of the HTTP one"
        case .giveAnotherAPI: "pass --api with another name or an HTTP API's ID"
        case .raiseWaitTimeout: "raise --wait-timeout or check the function in the console"
        case .createAlias(let function, let alias): "create it with: lambdactl alias \(function) \(alias) --to-version N"
        case .listVersions(let function): "see its versions with: lambdactl versions \(function)"
        case .chooseVersion: "choose one with --to-version N"
        case .moveAliasAtOnce(let function, let alias):
            "move it at once with: lambdactl alias \(function) \(alias) --to-version N (deploy: --no-rollout)"
        case .listAlarms(let function): "see the alarms on its metrics with: lambdactl alarms \(function)"
        case .checkLogGroupOrFollow: "check --log-group and --region, or use --follow to wait for it"
        case .invokeOrFollow: "invoke the function first, or use --follow to wait"
        case .giveExistingRole: "pass an existing role name or ARN to --role, or omit it"
        case .deleteAndDeploy(let function): "delete the function (lambdactl delete-function \(function)) and deploy again"
        case .giveConfigFile: "pass -f PATH or start from Config/lambdactl.example.yml"
        case .giveConfigInDirectory(let directory): "pass -f with the config file in it, e.g. -f \(directory)/lambdactl.yml"
        case .enableTableStream(let table):
            "turn its stream on first, e.g. aws dynamodb update-table --table-name \(table) "
                + "--stream-specification StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES"
        case .detachAndAttachMapping(let function, let qualifier, let kind, let source, let position):
            "run lambdactl detach-trigger \(function)\(qualifier.map { " --qualifier \($0)" } ?? "") --\(kind) \(source), then "
                + "lambdactl attach-trigger \(function)\(qualifier.map { " --qualifier \($0)" } ?? "") --\(kind) \(source) "
                + "--starting-position \(position) (with your other options)"
        case .adoptOrRename(let file):
            "rerun with --adopt to tag them for the app and deploy, or give the functions another name: in \(file)"
        }
    }
}
