import Foundation
import Yams

/// What a template value is needed as, which decides what a reference to a resource becomes.
enum SAMPurpose {
    /// What CloudFormation's `Ref` gives (a queue's URL, a topic's ARN, most others' names):
    /// environment values, descriptions.
    case value
    /// A name lambdactl looks up (a trigger's source, a role, an alarm).
    case name
    /// An exact ARN (a dead-letter queue, a destination).
    case arn
    /// An ARN in a policy statement: region and account may stay wildcards.
    case policy
}

/// A resolved template value: lambdactl.yml text (`${NAME:-default}` for a parameter, `$${` for
/// a literal `${`), or why it cannot be written.
enum SAMResolved: Equatable {
    case text(String)
    case failure(String)

    /// The text, nil for a failure.
    var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }
}

/// Resolves `!Ref`, `!Sub`, `!GetAtt` and `!Join` (short and long forms) against the template's
/// parameters and resources (pure). Parameters become `${NAME:-default}`; resources their names
/// (a `*Name` property, else the logical id) or ARNs built from them.
struct SAMValueResolver {
    var template: SAMTemplate

    /// The property that names a resource of each type.
    static let nameProperty: [String: String] = [
        "AWS::Serverless::Function": "FunctionName", "AWS::Lambda::Function": "FunctionName",
        "AWS::Serverless::LayerVersion": "LayerName", "AWS::Lambda::LayerVersion": "LayerName",
        "AWS::SQS::Queue": "QueueName", "AWS::SNS::Topic": "TopicName", "AWS::S3::Bucket": "BucketName",
        "AWS::DynamoDB::Table": "TableName", "AWS::Serverless::SimpleTable": "TableName", "AWS::Kinesis::Stream": "Name",
        "AWS::IAM::Role": "RoleName", "AWS::CloudWatch::Alarm": "AlarmName", "AWS::Serverless::HttpApi": "Name",
        "AWS::Serverless::Api": "Name", "AWS::Serverless::StateMachine": "Name",
        "AWS::StepFunctions::StateMachine": "StateMachineName", "AWS::Events::EventBus": "Name", "AWS::SSM::Parameter": "Name",
    ]

    /// The name a resource gets: its name property when it resolves, else its logical id
    /// (lower-cased for a bucket, whose names are lower case).
    func name(of resource: SAMTemplate.Resource) -> String {
        if let key = Self.nameProperty[resource.type], let node = resource.properties[key], let text = resolve(node, .value).text {
            return text
        }
        return resource.type == "AWS::S3::Bucket" ? resource.id.lowercased() : resource.id
    }

    /// True when the resource has no name property and so is named by its logical id.
    func isNamedByID(_ resource: SAMTemplate.Resource) -> Bool {
        guard let key = Self.nameProperty[resource.type] else { return true }
        return resource.properties[key] == nil
    }

    /// The resource a `!Ref X` or `!GetAtt X.Attr` names, and the attribute (nil for `Ref`).
    func reference(_ node: Node) -> (resource: SAMTemplate.Resource, attribute: String?)? {
        guard let (function, argument) = SAMTemplate.intrinsic(node) else { return nil }
        switch function {
        case "Ref":
            guard let id = argument.string, let resource = template.resource(id) else { return nil }
            return (resource, nil)
        case "GetAtt":
            guard let (id, attribute) = Self.getAttParts(argument), let resource = template.resource(id) else { return nil }
            return (resource, attribute)
        default:
            return nil
        }
    }

    /// `X.Arn` or `[X, Arn]`.
    static func getAttParts(_ argument: Node) -> (String, String)? {
        if let text = argument.string, let dot = text.firstIndex(of: ".") {
            return (String(text[..<dot]), String(text[text.index(after: dot)...]))
        }
        if let list = argument.sequence, list.count == 2, let id = list[0].string, let attribute = list[1].string {
            return (id, attribute)
        }
        return nil
    }

    /// `node` as lambdactl.yml text for `purpose`.
    func resolve(_ node: Node, _ purpose: SAMPurpose) -> SAMResolved {
        guard let (function, argument) = SAMTemplate.intrinsic(node) else {
            guard let scalar = node.scalar else { return .failure("a list or mapping where one value belongs") }
            return .text(Self.escape(scalar.string))
        }
        switch function {
        case "Ref":
            guard let id = argument.string else { return .failure("!Ref needs a name") }
            return ref(id, purpose)
        case "GetAtt":
            guard let (id, attribute) = Self.getAttParts(argument) else { return .failure("!GetAtt needs RESOURCE.ATTRIBUTE") }
            return getAtt(id, attribute, purpose)
        case "Sub":
            return sub(argument, purpose)
        case "Join":
            guard let list = argument.sequence, list.count == 2, let delimiter = list[0].string, let items = list[1].sequence else {
                return .failure("!Join needs [DELIMITER, [VALUES]]")
            }
            var parts: [String] = []
            for item in items {
                switch resolve(item, purpose) {
                case .text(let text): parts.append(text)
                case .failure(let why): return .failure(why)
                }
            }
            return .text(parts.joined(separator: Self.escape(delimiter)))
        case "If", "Equals", "Not", "And", "Or", "Condition":
            return .failure("conditions (!\(function)) have no lambdactl form; write the value the condition gives for your deploy")
        default:
            return .failure("!\(function) has no lambdactl form; write the value it gives")
        }
    }

    /// `!Ref NAME`: a parameter, a pseudo parameter or a resource.
    func ref(_ id: String, _ purpose: SAMPurpose) -> SAMResolved {
        if let parameter = template.parameters[id] {
            guard let fallback = parameter.defaultText else { return .text("${\(id)}") }
            guard !fallback.contains("}") else { return .failure("parameter \(id)'s default holds a }, which ${\(id):-…} cannot") }
            return .text("${\(id):-\(fallback)}")
        }
        if id.hasPrefix("AWS::") { return pseudo(id, purpose) }
        guard let resource = template.resource(id) else { return .failure("!Ref \(id) names nothing in the template") }
        let name = self.name(of: resource)
        switch purpose {
        case .name: return .text(name)
        case .arn, .policy: return arn(resource, purpose) ?? .failure("the ARN of \(resource.type) \(id) is not known before it exists")
        case .value:
            switch resource.type {
            case "AWS::SQS::Queue": return .text("https://sqs.\(region(purpose)).amazonaws.com/\(account(purpose))/\(name)")
            case "AWS::SNS::Topic", "AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine":
                return arn(resource, purpose) ?? .text(name)
            case "AWS::Serverless::LayerVersion", "AWS::Lambda::LayerVersion", "AWS::SecretsManager::Secret", "AWS::KMS::Key":
                return .failure("!Ref \(id) gives an ARN or id known only once it exists")
            default: return .text(name)
            }
        }
    }

    /// `!GetAtt ID.ATTRIBUTE`.
    func getAtt(_ id: String, _ attribute: String, _ purpose: SAMPurpose) -> SAMResolved {
        guard let resource = template.resource(id) else { return .failure("!GetAtt \(id).\(attribute) names nothing in the template") }
        let name = self.name(of: resource)
        switch attribute {
        case "Arn", "TopicArn":
            if purpose == .name { return .text(name) }
            return arn(resource, purpose) ?? .failure("the ARN of \(resource.type) \(id) is not known before it exists")
        case "QueueName", "TopicName", "Name": return .text(name)
        case "QueueUrl": return .text("https://sqs.\(region(purpose)).amazonaws.com/\(account(purpose))/\(name)")
        case "StreamArn" where purpose == .name: return .text(name)
        default: return .failure("!GetAtt \(id).\(attribute) is known only once the resource exists")
        }
    }

    /// The ARN of a resource of the template, built from its name.
    func arn(_ resource: SAMTemplate.Resource, _ purpose: SAMPurpose) -> SAMResolved? {
        let name = self.name(of: resource)
        let (p, r, a) = (partition, region(purpose), account(purpose))
        let text: String? =
            switch resource.type {
            case "AWS::SQS::Queue": "arn:\(p):sqs:\(r):\(a):\(name)"
            case "AWS::SNS::Topic": "arn:\(p):sns:\(r):\(a):\(name)"
            case "AWS::S3::Bucket": "arn:\(p):s3:::\(name)"
            case "AWS::DynamoDB::Table", "AWS::Serverless::SimpleTable": "arn:\(p):dynamodb:\(r):\(a):table/\(name)"
            case "AWS::Kinesis::Stream": "arn:\(p):kinesis:\(r):\(a):stream/\(name)"
            case "AWS::Serverless::Function", "AWS::Lambda::Function": "arn:\(p):lambda:\(r):\(a):function:\(name)"
            case "AWS::IAM::Role": "arn:\(p):iam::\(a):role/\(name)"
            case "AWS::Events::EventBus": "arn:\(p):events:\(r):\(a):event-bus/\(name)"
            case "AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine": "arn:\(p):states:\(r):\(a):stateMachine:\(name)"
            case "AWS::CloudWatch::Alarm": "arn:\(p):cloudwatch:\(r):\(a):alarm:\(name)"
            case "AWS::SSM::Parameter": "arn:\(p):ssm:\(r):\(a):parameter" + (name.hasPrefix("/") ? name : "/\(name)")
            default: nil
            }
        return text.map(SAMResolved.text)
    }

    /// `!Sub TEXT` or `!Sub [TEXT, {VAR: VALUE}]`.
    func sub(_ argument: Node, _ purpose: SAMPurpose) -> SAMResolved {
        var text: String
        var variables: Node.Mapping?
        if let scalar = argument.scalar {
            text = scalar.string
        } else if let list = argument.sequence, list.count == 2, let first = list[0].scalar {
            text = first.string
            variables = list[1].mapping
        } else {
            return .failure("!Sub needs TEXT or [TEXT, {VARIABLES}]")
        }
        var result = ""
        while let start = text.range(of: "${") {
            result += Self.escape(String(text[..<start.lowerBound]))
            guard let end = text[start.upperBound...].firstIndex(of: "}") else {
                result += Self.escape(String(text[start.lowerBound...]))
                text = ""
                break
            }
            let reference = String(text[start.upperBound..<end])
            text = String(text[text.index(after: end)...])
            if reference.hasPrefix("!") {
                result += "$${" + reference.dropFirst() + "}"
                continue
            }
            let resolved: SAMResolved
            if let variable = variables?[reference] {
                resolved = resolve(variable, purpose)
            } else if let dot = reference.firstIndex(of: "."), !reference.hasPrefix("AWS::") {
                resolved = getAtt(String(reference[..<dot]), String(reference[reference.index(after: dot)...]), purpose)
            } else {
                resolved = ref(reference, purpose)
            }
            switch resolved {
            case .text(let value): result += value
            case .failure(let why): return .failure(why)
            }
        }
        return .text(result + Self.escape(text))
    }

    /// `AWS::Region` and the other pseudo parameters.
    func pseudo(_ id: String, _ purpose: SAMPurpose) -> SAMResolved {
        switch id {
        case "AWS::Region": .text(region(purpose))
        case "AWS::AccountId": .text(account(purpose))
        case "AWS::Partition": .text(partition)
        case "AWS::URLSuffix": .text("amazonaws.com")
        case "AWS::StackName": .failure("AWS::StackName has no meaning outside a stack; write the name you want")
        case "AWS::NoValue": .failure("AWS::NoValue (used with conditions) has no lambdactl form; leave the key out")
        default: .failure("\(id) has no lambdactl form")
        }
    }

    /// The region as lambdactl.yml text: the variable, with a wildcard default in a policy.
    func region(_ purpose: SAMPurpose) -> String { purpose == .policy ? "${AWS_REGION:-*}" : "${AWS_REGION}" }
    /// The account as lambdactl.yml text.
    func account(_ purpose: SAMPurpose) -> String { purpose == .policy ? "${AWS_ACCOUNT_ID:-*}" : "${AWS_ACCOUNT_ID}" }
    /// The partition as lambdactl.yml text.
    var partition: String { "${AWS_PARTITION:-aws}" }

    /// Literal text with `${` written as `$${` (lambdactl.yml expands `${…}`).
    static func escape(_ text: String) -> String { text.replacingOccurrences(of: "${", with: "$${") }
}
