"""Proxy self-test: deployed packages served at GetFunction's Code.Location (aws_proxy_code)."""

import io
import urllib.error
import urllib.request
import zipfile

from proxy_selftest import CONTROL, check, client, control, tiny_zip


def test_code_location():
    control("/reset", {})
    iam, lam = client("iam"), client("lambda")
    role = iam.create_role(RoleName="code-test-role", AssumeRolePolicyDocument="{}")["Role"]["Arn"]
    first = tiny_zip()
    lam.create_function(FunctionName="codefn", Runtime="python3.12", Role=role, Handler="i.h", Code={"ZipFile": first})
    location = lam.get_function(FunctionName="codefn")["Code"]["Location"]
    check("GetFunction's Code.Location points at the proxy", location.startswith(CONTROL + "/code/"), location)
    with urllib.request.urlopen(location) as answer:
        check("an unsigned GET of it answers the deployed zip", answer.read() == first)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("i.py", "def h(e, c):\n    return 2\n")
    lam.update_function_code(FunctionName="codefn", ZipFile=buffer.getvalue())
    updated = lam.get_function(FunctionName="codefn")["Code"]["Location"]
    with urllib.request.urlopen(updated) as answer:
        check("after UpdateFunctionCode it serves the new package", answer.read() == buffer.getvalue())
    control("/reset", {})
    try:
        urllib.request.urlopen(updated)
        check("reset forgets the packages (404)", False)
    except urllib.error.HTTPError as error:
        check("reset forgets the packages (404)", error.code == 404, error.code)
