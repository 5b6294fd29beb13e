import AWSCore
import AWSTestSupport
import Foundation
import Testing
@testable import AWSScheduler

/// SchedulerClient on the wire: rest-json paths, `ClientToken` in bodies and the delete query,
/// 404s as nil, and `NextToken` paging.
@Suite("The Scheduler client's paths, client tokens, errors and paging")
struct SchedulerClientTests {
    let transport = ScriptedTransport()
    var scheduler: SchedulerClient { SchedulerClient(context: testContext(transport), endpoint: testEndpoint("scheduler")) }
    static let input = ScheduleInput(
        groupName: "lambdactl", scheduleExpression: "cron(0 2 * * ? *)", scheduleExpressionTimezone: "Europe/Berlin",
        target: ScheduleTarget(arn: "arn:aws:lambda:us-east-1:123456789012:function:f", roleARN: "arn:aws:iam::123456789012:role/s"))

    @Test("CreateSchedule posts the schedule to /schedules/{Name} with FlexibleTimeWindow OFF and the client token")
    func create() async throws {
        transport.on("POST /schedules/{name}", json(200, #"{"ScheduleArn":"arn:aws:scheduler:us-east-1:123456789012:schedule/lambdactl/nightly"}"#))
        let arn = try await scheduler.createSchedule(name: "nightly", Self.input, clientToken: "tok-1")
        #expect(arn == "arn:aws:scheduler:us-east-1:123456789012:schedule/lambdactl/nightly")
        let request = try #require(transport.sent.first)
        #expect(request.path == "/schedules/nightly")
        #expect(request.headers["Authorization"]?.contains("/us-east-1/scheduler/aws4_request") == true)
        #expect(jsonBody(request) as NSDictionary == [
            "GroupName": "lambdactl", "ScheduleExpression": "cron(0 2 * * ? *)", "ScheduleExpressionTimezone": "Europe/Berlin",
            "FlexibleTimeWindow": ["Mode": "OFF"], "ClientToken": "tok-1",
            "Target": ["Arn": "arn:aws:lambda:us-east-1:123456789012:function:f", "RoleArn": "arn:aws:iam::123456789012:role/s"],
        ])
    }

    @Test("UpdateSchedule puts the whole schedule; DeleteSchedule sends clientToken and groupName in the query")
    func updateAndDelete() async throws {
        transport.on("PUT /schedules/{name}", json(200, #"{"ScheduleArn":"arn:s"}"#))
        transport.on("DELETE /schedules/{name}", json(200, "{}"))
        #expect(try await scheduler.updateSchedule(name: "a b", Self.input, clientToken: "tok-2") == "arn:s")
        try await scheduler.deleteSchedule(name: "nightly", group: "lambdactl", clientToken: "tok-3")
        #expect(transport.sent[0].path == "/schedules/a%20b")
        #expect(jsonBody(transport.sent[0])["ClientToken"] as? String == "tok-2")
        #expect(transport.sent[1].query == [QueryItem("clientToken", "tok-3"), QueryItem("groupName", "lambdactl")])
    }

    @Test("GetSchedule reads the schedule by group; a missing one (404) is nil, other errors throw with their code")
    func get() async throws {
        transport.on(
            "GET /schedules/{name}",
            json(200, """
                {"Arn":"arn:s","Name":"nightly","GroupName":"lambdactl","ScheduleExpression":"rate(5 minutes)",\
                "FlexibleTimeWindow":{"Mode":"OFF"},"State":"ENABLED","CreationDate":1.7e9,\
                "Target":{"Arn":"arn:f","RoleArn":"arn:r","Input":"{}"}}
                """),
            restJSONError(404, "ResourceNotFoundException", "Schedule nightly does not exist."),
            restJSONError(400, "ValidationException", "bad name", requestID: "sch-1"))
        let schedule = try #require(try await scheduler.getSchedule(name: "nightly", group: "lambdactl"))
        #expect(schedule.scheduleExpression == "rate(5 minutes)" && schedule.target?.input == "{}" && schedule.state == "ENABLED")
        #expect(transport.sent[0].query == [QueryItem("groupName", "lambdactl")])
        #expect(try await scheduler.getSchedule(name: "nightly") == nil)
        let error = await #expect(throws: AWSServiceError.self) { try await scheduler.getSchedule(name: "x") }
        #expect(error?.code == "ValidationException" && error?.message == "bad name" && error?.requestID == "sch-1")
    }

    @Test("ListSchedules filters by group and name prefix and follows NextToken")
    func list() async throws {
        transport.on(
            "GET /schedules",
            json(200, #"{"Schedules":[{"Name":"a","GroupName":"lambdactl","State":"ENABLED","Target":{"Arn":"arn:f"}}],"NextToken":"n"}"#),
            json(200, #"{"Schedules":[{"Name":"b"}]}"#))
        let schedules = try await scheduler.listSchedules(group: "lambdactl", namePrefix: "lambdactl-f-")
        #expect(schedules.map(\.name) == ["a", "b"])
        #expect(schedules.first?.targetARN == "arn:f")
        #expect(transport.sent[1].query == [
            QueryItem("ScheduleGroup", "lambdactl"), QueryItem("NamePrefix", "lambdactl-f-"), QueryItem("NextToken", "n"),
        ])
    }

    @Test("schedule groups are created with tags and a client token; tags read back as a map")
    func groupsAndTags() async throws {
        transport.on("POST /schedule-groups/{name}", json(200, #"{"ScheduleGroupArn":"arn:g"}"#))
        transport.on("GET /schedule-groups/{name}", json(200, #"{"Arn":"arn:g","Name":"lambdactl","State":"ACTIVE"}"#))
        transport.on("POST /tags/{arn}", json(200, "{}"))
        transport.on("GET /tags/{arn}", json(200, #"{"Tags":[{"Key":"lambdactl:managed","Value":"true"}]}"#))
        #expect(try await scheduler.createScheduleGroup(name: "lambdactl", tags: ["lambdactl:managed": "true"], clientToken: "t") == "arn:g")
        #expect(try await scheduler.getScheduleGroup(name: "lambdactl")?.state == "ACTIVE")
        try await scheduler.tagResource(arn: "arn:aws:scheduler:us-east-1:123456789012:schedule-group/lambdactl", tags: ["a": "1"])
        #expect(try await scheduler.tags(ofResource: "arn:g") == ["lambdactl:managed": "true"])
        #expect(jsonBody(transport.sent[0]) as NSDictionary == ["ClientToken": "t", "Tags": [["Key": "lambdactl:managed", "Value": "true"]]])
        #expect(transport.sent[2].path == "/tags/arn%3Aaws%3Ascheduler%3Aus-east-1%3A123456789012%3Aschedule-group%2Flambdactl")
    }
}
