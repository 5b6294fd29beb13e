import Deployment
import Foundation

extension DoctorText {
    /// The role, SourceAccount and layer fixes as commands or steps.
    static func roleFix(_ fix: DoctorFix) -> String {
        switch fix {
        case .reattachTrigger(let function, let kind, let source, let sid):
            "lambdactl detach-trigger \(function) --\(kind) \(source), then lambdactl attach-trigger \(function) --\(kind) \(source) "
                + "(adds SourceArn and SourceAccount); or remove it: lambdactl request lambda DELETE /2015-03-31/functions/\(function)/policy/\(sid)"
        case .grantRole(let function, let role, let owned, let actions, let resource, let managed):
            switch (owned, managed) {
            case (true, let policy?): "lambdactl update-config \(function) --policy \(policy)"
            case (true, nil):
                "add a statement allowing \(actions.joined(separator: ", ")) on \(resource) to the policy file, then "
                    + "lambdactl update-config \(function) --policy-file FILE"
            case (false, let policy?): "attach \(policy) to role \(role) (lambdactl does not change roles it did not create)"
            case (false, nil):
                "attach a policy allowing \(actions.joined(separator: ", ")) on \(resource) to role \(role) (lambdactl does not change roles it did not create)"
            }
        case .replaceLayer(let function, let layer, let runtime, let architecture):
            "publish a version for \(runtime.map { "\($0)/" } ?? "")\(architecture) (lambdactl publish-layer … --compatible-runtime, "
                + "--compatible-architecture) and give it with lambdactl update-config \(function) --layer ARN, or drop \(layer)"
        default: Self.fix(fix)
        }
    }
}
