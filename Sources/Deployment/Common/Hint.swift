import AWSCore

/// What the user can do about a problem, as a value that names no flag or command: the caller
/// words it (`HintWording`), so a use case never names what its user types. The CLI words
/// `.checkAPI` as `check --api (and --region), or create it with lambdactl attach-routes`.
package enum Hint: Sendable, Equatable {
    /// A function that does not exist: check its name (and, when `qualified`, its versions and
    /// aliases) and the region.
    case checkFunction(String, qualified: Bool)
    /// A qualifier that names no alias or version: create one first, or leave the qualifier out.
    case createQualifierOrLeaveOut
    /// An alias that does not exist where a version would do: list the function's aliases, or
    /// give a version number.
    case listAliasesOrGiveVersion(function: String)
    /// An API that does not exist: check the API and the region, or create it by attaching routes.
    case checkAPI
    /// More than one API has the name: give the HTTP one's ID.
    case giveHTTPAPIID
    /// The API is not an HTTP API: give another name or an HTTP API's ID.
    case giveAnotherAPI
    /// The wait ran out: allow it longer, or look at the function in the console.
    case raiseWaitTimeout
    /// An alias that does not exist: create it, pointing at a version.
    case createAlias(function: String, alias: String)
    /// A version that does not exist: list the function's versions.
    case listVersions(function: String)
    /// Nothing to roll back to: choose the version to go to.
    case chooseVersion
    /// A rollout AWS cannot do between these versions: move the alias at once instead.
    case moveAliasAtOnce(function: String, alias: String)
    /// An alarm a rollout should watch that does not exist: list the function's alarms.
    case listAlarms(function: String)
    /// A named log group that does not exist: check its name and the region, or follow to wait.
    case checkLogGroupOrFollow
    /// A function's log group that does not exist yet: invoke it, or follow to wait.
    case invokeOrFollow
    /// A role name IAM does not know: give an existing role, or let lambdactl create one.
    case giveExistingRole
    /// The architecture cannot change in place: delete the function and deploy again.
    case deleteAndDeploy(function: String)
    /// No deploy config at the path: give its path, or start from the example.
    case giveConfigFile
    /// The config path is a directory: give the file in it.
    case giveConfigInDirectory(String)
    /// A DynamoDB table without a stream: turn its stream on (the AWS CLI command).
    case enableTableStream(table: String)
    /// A stream mapping's starting position cannot change: detach the trigger and attach it again.
    case detachAndAttachMapping(function: String, qualifier: String?, kind: String, source: String, position: String)
    /// Functions of an app's names exist without its tags: take them over, or rename them in `file`.
    case adoptOrRename(file: String)
}

/// How a caller words a `Hint`.
package protocol HintWording: Sendable {
    /// The hint as a clause (`check --api (and --region), …`).
    func text(_ hint: Hint) -> String
}

/// Hints in plain words that name no flag or command, for a problem no caller has worded.
package struct PlainHintWording: HintWording {
    /// Creates the wording.
    package init() {}

    package func text(_ hint: Hint) -> String {
        switch hint {
        case .checkFunction(let function, let qualified):
            "check the function name\(qualified ? ", the versions and aliases of \(function)" : "") and the region"
        case .createQualifierOrLeaveOut: "create the alias or version first, or leave out the qualifier"
        case .listAliasesOrGiveVersion(let function): "check the aliases of \(function), or give a version number"
        case .checkAPI: "check the API name or ID and the region, or create the API by attaching routes"
        case .giveHTTPAPIID: "give the ID of the HTTP one"
        case .giveAnotherAPI: "give another name or an HTTP API's ID"
        case .raiseWaitTimeout: "allow a longer wait or check the function in the console"
        case .createAlias(let function, let alias): "create alias \(alias) of \(function) first"
        case .listVersions(let function): "check the published versions of \(function)"
        case .chooseVersion: "choose the version to go to"
        case .moveAliasAtOnce(let function, let alias): "move alias \(alias) of \(function) at once instead"
        case .listAlarms(let function): "check the alarms on \(function)'s metrics"
        case .checkLogGroupOrFollow: "check the log group name and the region, or follow to wait for it"
        case .invokeOrFollow: "invoke the function first, or follow to wait"
        case .giveExistingRole: "give an existing role name or ARN, or none to have one created"
        case .deleteAndDeploy: "delete the function and deploy again"
        case .giveConfigFile: "give the config file's path or start from Config/lambdactl.example.yml"
        case .giveConfigInDirectory(let directory): "give the config file in it, e.g. \(directory)/lambdactl.yml"
        case .enableTableStream: "turn on the table's stream (StreamEnabled, StreamViewType NEW_AND_OLD_IMAGES) and try again"
        case .detachAndAttachMapping: "detach the trigger and attach it again with the new starting position"
        case .adoptOrRename(let file): "deploy again adopting them (tags them for the app), or give the functions another name: in \(file)"
        }
    }
}

/// An error whose sentence ends in a `Hint` the caller words: `facts` says what is wrong,
/// `hint` what to do about it, and `message(_:)` joins them.
package protocol HintedError: CategorizedError {
    /// What is wrong, naming no flag or command.
    var facts: String { get }
    /// What to do about it, when there is something.
    var hint: Hint? { get }
    /// What joins the facts and the hint (`; ` unless the sentence reads better with `: `).
    var hintSeparator: String { get }
}

extension HintedError {
    package var hintSeparator: String { "; " }

    /// The sentence for the user, with the hint worded as `wording` does: `facts; hint`.
    package func message(_ wording: some HintWording) -> String {
        guard let hint else { return facts }
        return facts + hintSeparator + wording.text(hint)
    }
}
