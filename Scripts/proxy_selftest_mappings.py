"""Proxy self-test: the event-source-mapping emulation (Scripts/aws_proxy_mappings.py)."""

import time

from botocore.exceptions import ClientError

from proxy_selftest import check, client, control, error_code, tiny_zip


def test_mapping_emulation():
    """Event-source mappings: transitional states, ResourceInUseException meanwhile, the
    duplicate refused naming the existing UUID, unknown UUIDs as 404."""
    control("/reset", {})
    iam, lam, sqs = client("iam"), client("lambda"), client("sqs")
    role = iam.create_role(RoleName="esm-role", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    lam.create_function(FunctionName="esm", Runtime="python3.12", Role=role, Handler="i.h",
                        Code={"ZipFile": tiny_zip()})
    url = sqs.create_queue(QueueName="esm-queue")["QueueUrl"]
    arn = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
    control("/faults", {"mapping_busy_seconds": 2})
    created = lam.create_event_source_mapping(FunctionName="esm", EventSourceArn=arn, BatchSize=5)
    uuid = created["UUID"]
    check("a new mapping is Creating", created["State"] == "Creating", created["State"])
    check("GetEventSourceMapping shows Creating meanwhile",
          lam.get_event_source_mapping(UUID=uuid)["State"] == "Creating")
    check("ListEventSourceMappings shows Creating meanwhile",
          [m["State"] for m in lam.list_event_source_mappings(FunctionName="esm")["EventSourceMappings"]]
          == ["Creating"])
    check("update while Creating → ResourceInUseException",
          error_code(lambda: lam.update_event_source_mapping(UUID=uuid, BatchSize=7)) == "ResourceInUseException")
    check("delete while Creating → ResourceInUseException",
          error_code(lambda: lam.delete_event_source_mapping(UUID=uuid)) == "ResourceInUseException")
    try:
        lam.create_event_source_mapping(FunctionName="esm", EventSourceArn=arn)
        duplicate = {}
    except ClientError as caught:
        duplicate = caught.response
    check("a duplicate create → 409 ResourceConflictException naming the existing UUID as AWS words it",
          duplicate.get("ResponseMetadata", {}).get("HTTPStatusCode") == 409
          and duplicate.get("Error", {}).get("Code") == "ResourceConflictException"
          and duplicate.get("Error", {}).get("Message") ==
          f'An event source mapping with SQS arn (" {arn} ") and function (" esm ") already exists. '
          f"Please update or delete the existing mapping with UUID {uuid}", duplicate.get("Error"))
    version = lam.publish_version(FunctionName="esm")["Version"]
    lam.create_alias(FunctionName="esm", Name="live", FunctionVersion=version)
    on_alias = lam.create_event_source_mapping(FunctionName="esm:live", EventSourceArn=arn)
    check("the same queue on the function's alias is another identity", on_alias["UUID"] != uuid)
    check("a mapping on an alias keeps the alias in its FunctionArn (moto answers the version)",
          on_alias["FunctionArn"].endswith(":function:esm:live")
          and lam.get_event_source_mapping(UUID=on_alias["UUID"])["FunctionArn"].endswith(":function:esm:live")
          and [m["FunctionArn"] for m in lam.list_event_source_mappings(FunctionName="esm:live")["EventSourceMappings"]
               if m["UUID"] == on_alias["UUID"]] == [on_alias["FunctionArn"]], on_alias["FunctionArn"])
    time.sleep(2.1)
    check("after the window the mapping is Enabled", lam.get_event_source_mapping(UUID=uuid)["State"] == "Enabled")
    updated = lam.update_event_source_mapping(UUID=uuid, BatchSize=7)
    check("an update goes Updating", updated["State"] == "Updating", updated["State"])
    disabled = error_code(lambda: lam.update_event_source_mapping(UUID=uuid, Enabled=False))
    time.sleep(2.1)
    check("a second update during Updating is refused, and it settles with the update applied",
          disabled == "ResourceInUseException" and lam.get_event_source_mapping(UUID=uuid)["BatchSize"] == 7)
    check("disabling goes Disabling", lam.update_event_source_mapping(UUID=uuid, Enabled=False)["State"] == "Disabling")
    time.sleep(2.1)
    unknown = "00000000-0000-4000-8000-000000000000"
    for name, call in (("update", lambda: lam.update_event_source_mapping(UUID=unknown, BatchSize=1)),
                       ("delete", lambda: lam.delete_event_source_mapping(UUID=unknown)),
                       ("get", lambda: lam.get_event_source_mapping(UUID=unknown))):
        check(f"{name} of an unknown UUID → 404 ResourceNotFoundException",
              error_code(call) == "ResourceNotFoundException")
    lam.delete_event_source_mapping(UUID=uuid)
    check("after a delete the mapping is gone and the queue takes a new one",
          error_code(lambda: lam.get_event_source_mapping(UUID=uuid)) == "ResourceNotFoundException"
          and lam.create_event_source_mapping(FunctionName="esm", EventSourceArn=arn)["UUID"] != uuid)
    lost_answer_meets_refusals(lam, arn)
    control("/reset", {})


def failure(call):
    """The exception's class name (a lost answer is a closed connection, not a ClientError), or None."""
    try:
        call()
        return None
    except Exception as caught:  # noqa: BLE001
        return type(caught).__name__


def lost_answer_meets_refusals(lam, arn):
    """A create whose answer is lost was carried out: its retry is refused as a duplicate, and
    one mapping exists (the proxy used to skip the duplicate check for lost answers)."""
    control("/faults", {"mapping_busy_seconds": 0})
    time.sleep(2.1)
    for mapping in lam.list_event_source_mappings(FunctionName="esm")["EventSourceMappings"]:
        lam.delete_event_source_mapping(UUID=mapping["UUID"])
    control("/faults", {"lost_answer_rate": 1.0,
                        "fault_operations": ["CreateEventSourceMapping"]})
    lost = [failure(lambda: lam.create_event_source_mapping(FunctionName="esm", EventSourceArn=arn)) for _ in range(2)]
    control("/faults", {"lost_answer_rate": 0, "fault_operations": []})
    remaining = lam.list_event_source_mappings(FunctionName="esm", EventSourceArn=arn)["EventSourceMappings"]
    check("two creates with lost answers leave one mapping (the second met the duplicate refusal)",
          len(remaining) == 1 and all(code is not None for code in lost), (lost, len(remaining)))
    try:
        lam.create_event_source_mapping(FunctionName="esm", EventSourceArn=arn)
        again = None
    except Exception as caught:  # noqa: BLE001
        again = str(caught)
    check("the next create is refused naming that mapping's UUID",
          again is not None and remaining and remaining[0]["UUID"] in again, again)
