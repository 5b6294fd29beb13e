import AWSCore
import AWSLambda
import Foundation

/// `create-function`: package, find or create the role, create, wait until Active.
package struct FunctionCreator: Sendable {
    /// What to create.
    package struct Request: Sendable {
        package var name: String
        package var codePath: String
        package var runtime: String
        package var handler: String
        package var role: String?
        package var configuration: DesiredConfiguration
        package var architectures: [String]?
        package var tags: [String: String]
        package var publish: Bool
        package var s3Bucket: String?
        /// What the user asked of the execution role (only a role lambdactl creates is changed).
        package var policies: RolePolicyRequest = RolePolicyRequest()
        /// What the function's settings need from the role (VPC, tracing, destinations); nil:
        /// derived from `configuration` (`RoleNeeds.resulting`).
        package var roleNeeds: RoleNeeds?
        /// Tags for the role when lambdactl creates it (an app's ownership), besides its own.
        package var roleTags: [String: String] = [:]
        /// A role already found or made by the caller (an app's shared role), used as it is:
        /// not looked up again, never changed, never deleted if the creation fails.
        package var knownRole: RoleProvisioner.Resolved?

        /// Creates a request.
        package init(
            name: String, codePath: String, runtime: String, handler: String, role: String? = nil,
            configuration: DesiredConfiguration = DesiredConfiguration(), architectures: [String]? = nil,
            tags: [String: String] = [:], publish: Bool = false, s3Bucket: String? = nil,
            policies: RolePolicyRequest = RolePolicyRequest(), roleNeeds: RoleNeeds? = nil
        ) {
            self.policies = policies
            self.roleNeeds = roleNeeds
            self.name = name
            self.codePath = codePath
            self.runtime = runtime
            self.handler = handler
            self.role = role
            self.configuration = configuration
            self.architectures = architectures
            self.tags = tags
            self.publish = publish
            self.s3Bucket = s3Bucket
        }
    }

    /// What was created.
    package struct Result: Sendable, Encodable {
        package var functionName: String
        package var functionArn: String
        package var version: String
        package var codeSha256: String
        package var state: String
        package var role: String
        package var roleCreated: Bool
    }

    /// The shared services.
    package var services: LifecycleServices
    /// How long a just-created role may take to become assumable (AWS: seconds, sometimes minutes).
    package var rolePropagationBudget: Duration

    /// Creates the use case.
    package init(services: LifecycleServices, rolePropagationBudget: Duration = .seconds(90)) {
        self.services = services
        self.rolePropagationBudget = rolePropagationBudget
    }

    /// Runs it.
    package func run(_ request: Request) async throws -> Result {
        try NameRules.checkNewFunctionName(request.name)
        let runtimeWarnings = try RuntimeRules.check(
            runtime: request.runtime, for: .create, today: services.today, option: services.naming.subject(.runtime))
        try RuntimeRules.checkHandler(
            request.handler, runtime: request.runtime, option: services.naming.subject(.handler))
        try request.configuration.validate()
        let blank = FunctionConfiguration(functionName: request.name, runtime: request.runtime)
        if let problem = FunctionSettingsPlan.problem(
            current: blank, desired: request.configuration.settings, runtime: request.runtime, ephemeralStorage: nil)
        {
            throw LifecycleError(problem)
        }
        runtimeWarnings.forEach(services.warn)
        try EnvironmentSize.check(request.configuration.setEnvironment)
        try request.policies.validate()
        try services.loader.validate(request.codePath)
        let artifact = try await services.loader.load(request.codePath)
        let provisioner = RoleProvisioner(iam: services.iam)
        let known = request.knownRole
        let role: RoleProvisioner.Resolved
        if var known {
            // Made (if at all) by the caller for many functions: never this function's to remove.
            known.created = false
            role = known
        } else {
            role = try await provisioner.resolve(
                role: request.role, function: request.name, now: services.time.now(), tags: request.roleTags)
        }
        let converger = RolePolicyConverger(iam: services.iam, warn: services.warn)
        let needs = request.roleNeeds
            ?? RoleNeeds.resulting(
                current: FunctionConfiguration(), desired: request.configuration,
                destinations: Self.newDestinations(request.configuration.settings.deadLetter))
        // A role that existed: read (and for one the user supplied, refused) before any write.
        var prepared = role.created
            ? nil
            : known != nil
                ? RolePolicyConverger.Prepared.none(roleName: role.name)
                : try await converger.prepare(
                roleARN: role.arn, function: request.name, request: request.policies, needs: needs)
        if role.created { services.progress("created role \(role.name)") }
        let created: FunctionConfiguration
        let rolePlan: RolePolicyConverger.Prepared
        do {
            if prepared == nil {
                prepared = try await converger.prepare(
                    roleARN: role.arn, function: request.name, request: request.policies, needs: needs, justCreated: true)
            }
            rolePlan = prepared!
            try await converger.applyBefore(rolePlan)
            rolePlan.plan.lines.forEach { services.progress("role \(role.name): \($0)") }
            let staged = try await services.stager.stage(artifact, name: request.name, bucket: request.s3Bucket, key: nil)
            let desired = request.configuration
            var input = CreateFunctionInput(
                functionName: request.name, runtime: request.runtime, role: role.arn, handler: request.handler,
                code: staged.source, description: desired.description, timeout: desired.timeout,
                memorySize: desired.memorySize, environment: desired.setEnvironment.isEmpty ? nil : desired.setEnvironment,
                layers: desired.layers, architectures: request.architectures,
                tags: request.tags.isEmpty ? nil : request.tags, publish: request.publish)
            input.settings = FunctionSettingsPlan.creationFields(
                name: request.name, runtime: request.runtime, desired: desired.settings)
            created = try await create(
                input, retryRoleErrors: role.mayStillPropagate, retryVPCErrors: rolePlan.owned && needs.vpc,
                codeSHA256: artifact.codeSHA256)
        } catch where error is CancellationError || Task.isCancelled {
            // Ctrl-C: keep the role (the rerun reuses it and waits for it again) and say what exists.
            services.progress(Self.interruptedText(role: role, function: request.name))
            throw CancellationError()
        } catch {
            if role.created { await removeUnusedRole(role, function: request.name, provisioner: provisioner) }
            throw error
        }
        // With --publish the answer describes version 1, not $LATEST: read $LATEST's own state.
        let ready = try await services.waiter.waitUntilReady(request.name, current: request.publish ? nil : created)
        try await converger.applyAfter(rolePlan)
        return Result(
            functionName: ready.functionName ?? request.name, functionArn: ready.functionARN ?? "",
            version: created.version ?? ready.version ?? "$LATEST", codeSha256: ready.codeSHA256 ?? artifact.codeSHA256,
            state: ready.state ?? "Active", role: role.arn, roleCreated: role.created)
    }

    /// What exists after an interruption before the function was created, and what to do.
    static func interruptedText(role: RoleProvisioner.Resolved, function: String) -> String {
        let state = role.created ? "role \(role.name) was created" : "role \(role.name) exists"
        return "interrupted: \(state), function \(function) was not created; run the same command again to finish (it reuses the role)"
    }

    /// Deletes the role this run created unless a function of that name uses it (a lost answer
    /// may have created the function after all), so a refused CreateFunction leaves nothing
    /// behind. Best effort: the original error is what the user needs to see.
    func removeUnusedRole(_ role: RoleProvisioner.Resolved, function: String, provisioner: RoleProvisioner) async {
        do {
            let existing = try await services.lambda.getFunctionConfiguration(function)
            guard existing.role != role.arn else { return }
        } catch let error as AWSServiceError where error.isNotFound {
            // No function: the role is unused.
        } catch {
            return
        }
        if (try? await provisioner.deleteIfCreatedByLambdactl(role.name)) == true {
            services.progress("deleted role \(role.name) again: the function was not created")
        }
    }

    /// CreateFunction, retrying "role cannot be assumed" with backoff (2 s doubling to 10 s)
    /// within `rolePropagationBudget`, and only for a role that may still be propagating
    /// (`RoleProvisioner.Resolved.mayStillPropagate`).
    /// A "function already exists" answer to a retried attempt whose first answer was lost is
    /// recognised: the existing function with our code and role is the one this run created.
    func create(_ input: CreateFunctionInput, retryRoleErrors: Bool, retryVPCErrors: Bool = false, codeSHA256: String)
        async throws
        -> FunctionConfiguration
    {
        let start = services.time.now()
        var delay = Duration.seconds(2)
        while true {
            do {
                return try await services.lambda.createFunction(input)
            } catch let error as AWSServiceError where error.code == "ResourceConflictException" {
                guard let existing = try? await services.lambda.getFunctionConfiguration(input.functionName),
                    existing.codeSHA256 == codeSHA256, existing.role == input.role,
                    existing.handler == input.handler, existing.runtime == input.runtime
                else { throw error }
                services.progress("\(input.functionName) already exists with this code, role, runtime and handler: using it")
                return existing
            } catch let error as AWSServiceError
                where (retryRoleErrors && Self.isRolePropagationError(error))
                || (retryVPCErrors && PropagationRetry.isVPCPermissionError(error))
            {
                let elapsed = services.time.now().timeIntervalSince(start)
                guard elapsed + FunctionWaiter.seconds(delay) <= FunctionWaiter.seconds(rolePropagationBudget) else {
                    throw error
                }
                services.progress("waiting for the role to reach Lambda… \(DurationText.format(seconds: elapsed))")
                try await services.time.sleep(delay)
                delay = min(delay * 2, .seconds(10))
            }
        }
    }

    /// True for Lambda's "The role defined for the function cannot be assumed by Lambda".
    static func isRolePropagationError(_ error: AWSServiceError) -> Bool {
        error.code == "InvalidParameterValueException" && error.message.contains("cannot be assumed by Lambda")
    }
}

extension FunctionCreator {
    /// A new function's complete destination set: it has no asynchronous configuration yet, so
    /// only its dead-letter target; nil (the destination policy left alone) when none is given.
    static func newDestinations(_ deadLetter: DeadLetterChange?) -> [String]? {
        if case .target(let arn) = deadLetter { [arn] } else { nil }
    }
}
