import AWSCore
import Foundation

/// A hand-rolled EventBridge Scheduler client (rest-json, `/schedules/{Name}`,
/// `/schedule-groups/{Name}`, `/tags/{ResourceArn}`, signing name `scheduler`). Shapes follow
/// botocore `data/scheduler/2021-06-30/service-2.json`. Every call the API makes idempotent
/// takes a `clientToken` from the caller, so a retried call (the same bytes) is one change.
package struct SchedulerClient: Sendable {
    /// The underlying rest-json client.
    package let client: AWSClient

    /// Wraps a client built for the Scheduler endpoint.
    package init(client: AWSClient) {
        self.client = client
    }

    /// Creates a client for `endpoint` with `context`.
    package init(context: ClientContext, endpoint: ServiceEndpoint) {
        client = AWSClient(context: context, endpoint: endpoint, service: .scheduler)
    }

    /// `CreateSchedule` (`POST /schedules/{Name}`); answers the schedule's ARN.
    @discardableResult
    package func createSchedule(name: String, _ input: ScheduleInput, clientToken: String) async throws -> String {
        var body = input
        body.clientToken = clientToken
        let output: ScheduleARNOutput = try await client.restJSON(
            "CreateSchedule", method: "POST", path: Self.path("schedules", name), input: body)
        return output.scheduleARN ?? ""
    }

    /// `GetSchedule` (`GET /schedules/{Name}?groupName=`); nil when there is none (404).
    package func getSchedule(name: String, group: String? = nil) async throws -> Schedule? {
        do {
            return try await client.restJSON(
                "GetSchedule", method: "GET", path: Self.path("schedules", name), query: Self.groupQuery(group),
                as: Schedule.self)
        } catch let error as AWSServiceError where error.code == "ResourceNotFoundException" {
            return nil
        }
    }

    /// `UpdateSchedule` (`PUT /schedules/{Name}`): replaces the whole schedule; answers its ARN.
    @discardableResult
    package func updateSchedule(name: String, _ input: ScheduleInput, clientToken: String) async throws -> String {
        var body = input
        body.clientToken = clientToken
        let output: ScheduleARNOutput = try await client.restJSON(
            "UpdateSchedule", method: "PUT", path: Self.path("schedules", name), input: body)
        return output.scheduleARN ?? ""
    }

    /// `DeleteSchedule` (`DELETE /schedules/{Name}?clientToken=&groupName=`).
    package func deleteSchedule(name: String, group: String? = nil, clientToken: String) async throws {
        let query = [QueryItem("clientToken", clientToken)] + Self.groupQuery(group)
        let _: Empty = try await client.restJSON("DeleteSchedule", method: "DELETE", path: Self.path("schedules", name), query: query)
    }

    /// `ListSchedules` (`GET /schedules?ScheduleGroup=&NamePrefix=&NextToken=`), every page.
    package func listSchedules(group: String? = nil, namePrefix: String? = nil) async throws -> [ScheduleSummary] {
        try await Paginator.collect { token in
            var query: [QueryItem] = []
            if let group { query.append(QueryItem("ScheduleGroup", group)) }
            if let namePrefix { query.append(QueryItem("NamePrefix", namePrefix)) }
            if let token { query.append(QueryItem("NextToken", token)) }
            let page: ListSchedulesOutput = try await client.restJSON("ListSchedules", method: "GET", path: "/schedules", query: query)
            return (page.schedules ?? [], page.nextToken)
        }
    }

    /// `CreateScheduleGroup` (`POST /schedule-groups/{Name}`) with tags; answers its ARN.
    @discardableResult
    package func createScheduleGroup(name: String, tags: [String: String] = [:], clientToken: String) async throws -> String {
        let body = CreateScheduleGroupInput(clientToken: clientToken, tags: Self.tagList(tags))
        let output: ScheduleGroupARNOutput = try await client.restJSON(
            "CreateScheduleGroup", method: "POST", path: Self.path("schedule-groups", name), input: body)
        return output.scheduleGroupARN ?? ""
    }

    /// `GetScheduleGroup`; nil when there is none (404).
    package func getScheduleGroup(name: String) async throws -> ScheduleGroup? {
        do {
            return try await client.restJSON(
                "GetScheduleGroup", method: "GET", path: Self.path("schedule-groups", name), as: ScheduleGroup.self)
        } catch let error as AWSServiceError where error.code == "ResourceNotFoundException" {
            return nil
        }
    }

    /// `TagResource` (`POST /tags/{ResourceArn}`): a schedule group's ARN (schedules take no tags).
    package func tagResource(arn: String, tags: [String: String]) async throws {
        let _: Empty = try await client.restJSON(
            "TagResource", method: "POST", path: Self.path("tags", arn), input: TagsBody(tags: Self.tagList(tags)))
    }

    /// `ListTagsForResource` (`GET /tags/{ResourceArn}`) as a map.
    package func tags(ofResource arn: String) async throws -> [String: String] {
        let output: TagsBody = try await client.restJSON("ListTagsForResource", method: "GET", path: Self.path("tags", arn))
        return Dictionary((output.tags ?? []).map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }

    /// `/{collection}/{name}` with the name as one percent-encoded segment.
    static func path(_ collection: String, _ name: String) -> String {
        "/\(collection)/" + PercentEncoding.encode(name)
    }

    static func groupQuery(_ group: String?) -> [QueryItem] {
        group.map { [QueryItem("groupName", $0)] } ?? []
    }

    static func tagList(_ tags: [String: String]) -> [SchedulerTag] {
        tags.sorted { $0.key < $1.key }.map { SchedulerTag(key: $0.key, value: $0.value) }
    }
}
