"""A malformed request gets a 400 with a translated message and a stable code: never a server
error, never a closed connection, and never an answer to a question the client did not ask."""

from __future__ import annotations

import json

import pytest

from shouhu.schools.models import SchoolClass
from tests.support import error_codes

pytestmark = pytest.mark.usefixtures("demo")

TWO_OPERATIONS = "query A { me { account { id } } } query B { __typename }"
CREATE_CLASS = 'mutation Make{n} {{ createClass(input: {{grade: 7, name: "{n}班"}}) {{ __typename }} }}'


async def _send(client, body: dict | str, locale: str):
    content = body if isinstance(body, str) else json.dumps(body)
    return await client.http.post(
        "/graphql", content=content, headers={"content-type": "application/json", "accept-language": locale}
    )


CASES = [
    # (id, body, code, Chinese message, English message)
    ("unknown-operation-name", {"query": TWO_OPERATIONS, "operationName": "C"}, "UNKNOWN_OPERATION",
     "operationName 指定的操作在请求中不存在。", "The operation named in operationName is not in the request."),
    ("operation-name-of-a-single-other", {"query": "query A { __typename }", "operationName": "B"}, "UNKNOWN_OPERATION",
     "operationName 指定的操作在请求中不存在。", "The operation named in operationName is not in the request."),
    ("several-operations-no-name", {"query": TWO_OPERATIONS}, "OPERATION_NAME_REQUIRED",
     "请求中有多个操作，请用 operationName 指明要执行哪一个。",
     "The request contains several operations: name the one to run in operationName."),
    ("empty-document", {"query": ""}, "NO_OPERATION",
     "请求中没有可执行的操作（query 或 mutation）。", "The request contains no operation (query or mutation) to run."),
    ("blank-document", {"query": "  \n\t "}, "NO_OPERATION",
     "请求中没有可执行的操作（query 或 mutation）。", "The request contains no operation (query or mutation) to run."),
    ("comments-only", {"query": "# nothing here\n"}, "NO_OPERATION",
     "请求中没有可执行的操作（query 或 mutation）。", "The request contains no operation (query or mutation) to run."),
    ("fragments-only", {"query": "fragment F on Query { __typename }"}, "NO_OPERATION",
     "请求中没有可执行的操作（query 或 mutation）。", "The request contains no operation (query or mutation) to run."),
    ("subscription", {"query": "subscription { me { account { id } } }"}, "OPERATION_NOT_SUPPORTED",
     "不支持订阅（subscription）操作。", "Subscriptions are not supported."),
    ("operation-name-not-a-string", {"query": "{ __typename }", "operationName": 42}, "BAD_REQUEST",
     "请求格式不正确：query 须为字符串，variables 须为对象，operationName 须为字符串。",
     "Malformed request: query must be a string, variables an object and operationName a string."),
    ("operation-name-a-list", {"query": "{ __typename }", "operationName": ["A"]}, "BAD_REQUEST",
     "请求格式不正确：query 须为字符串，variables 须为对象，operationName 须为字符串。",
     "Malformed request: query must be a string, variables an object and operationName a string."),
    ("variables-a-list", {"query": "{ __typename }", "variables": [1]}, "BAD_REQUEST",
     "请求格式不正确：query 须为字符串，variables 须为对象，operationName 须为字符串。",
     "Malformed request: query must be a string, variables an object and operationName a string."),
    ("variables-a-string", {"query": "{ __typename }", "variables": "{}"}, "BAD_REQUEST",
     "请求格式不正确：query 须为字符串，variables 须为对象，operationName 须为字符串。",
     "Malformed request: query must be a string, variables an object and operationName a string."),
    ("no-query", {"variables": {}}, "BAD_REQUEST",
     "请求格式不正确：query 须为字符串，variables 须为对象，operationName 须为字符串。",
     "Malformed request: query must be a string, variables an object and operationName a string."),
    ("null-for-required-variable",
     {"query": "mutation($login: String!) { login(login: $login, password: \"x\") { __typename } }", "variables": {"login": None}},
     "BAD_VARIABLE", "变量 $login 的值不正确：类型不符，或缺少必填的值。",
     "The value of variable $login is wrong: the wrong type, or a required value is missing."),
    ("missing-required-variable",
     {"query": "mutation($login: String!) { login(login: $login, password: \"x\") { __typename } }"},
     "BAD_VARIABLE", "变量 $login 的值不正确：类型不符，或缺少必填的值。",
     "The value of variable $login is wrong: the wrong type, or a required value is missing."),
    ("variable-of-the-wrong-type",
     {"query": "query($first: Int!) { classes(first: $first) { __typename } }", "variables": {"first": "twenty"}},
     "BAD_VARIABLE", "变量 $first 的值不正确：类型不符，或缺少必填的值。",
     "The value of variable $first is wrong: the wrong type, or a required value is missing."),
    ("input-missing-a-field",
     {"query": "mutation($input: ClassInput!) { createClass(input: $input) { __typename } }", "variables": {"input": {"grade": 7}}},
     "BAD_VARIABLE", "变量 $input 的值不正确：类型不符，或缺少必填的值。",
     "The value of variable $input is wrong: the wrong type, or a required value is missing."),
    ("unknown-enum-value",
     {"query": "mutation($kinds: [NotificationKind!]!) { setNotificationKinds(enabled: $kinds) { __typename } }",
      "variables": {"kinds": ["NOT_A_KIND"]}},
     "BAD_VARIABLE", "变量 $kinds 的值不正确：类型不符，或缺少必填的值。",
     "The value of variable $kinds is wrong: the wrong type, or a required value is missing."),
    ("malformed-date-variable",
     {"query": "query($since: Date) { counsellorSchedule(since: $since) { id } }", "variables": {"since": "tomorrow"}},
     "BAD_VARIABLE", "变量 $since 的值不正确：类型不符，或缺少必填的值。",
     "The value of variable $since is wrong: the wrong type, or a required value is missing."),
    ("malformed-date-literal", {"query": '{ counsellorSchedule(since: "tomorrow") { id } }'}, "GRAPHQL_VALIDATION_FAILED",
     "查询不符合接口定义（未知字段或参数错误）。", "The query does not match the API (unknown field or wrong argument)."),
    ("json-nested-past-the-decoder", "[" * 100_00 + "]" * 100_00, "BAD_JSON",
     "请求内容不是有效的 JSON。", "The request body is not valid JSON."),
]


@pytest.mark.parametrize(("body", "code", "zh", "en"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
async def test_bad_requests_get_a_translated_400_with_a_stable_code(client, body, code, zh, en):
    for locale, message in (("zh-CN", zh), ("en", en)):
        response = await _send(client, body, locale)
        assert response.status_code == 400, response.text
        assert response.headers["content-type"] == "application/json"
        answer = response.json()
        assert error_codes(answer) == [code]
        assert answer["errors"][0]["message"] == message
        assert answer.get("data") is None


async def test_a_bad_variable_names_itself(client):
    wrong_type = next(case[1] for case in CASES if case[0] == "variable-of-the-wrong-type")
    response = await _send(client, wrong_type, "en")
    assert response.json()["errors"][0]["extensions"]["field"] == "first"


async def test_unknown_operation_name_keeps_the_connection_open(client):
    """It used to answer a plain-text 500 and close the connection."""
    refused = await _send(client, {"query": TWO_OPERATIONS, "operationName": "C"}, "en")
    assert refused.status_code == 400
    assert "connection" not in refused.headers or refused.headers["connection"] != "close"
    assert (await _send(client, {"query": "{ __typename }"}, "en")).json() == {"data": {"__typename": "Query"}}


async def test_the_named_operation_is_the_one_that_runs(client):
    response = await _send(client, {"query": TWO_OPERATIONS, "operationName": "B"}, "en")
    assert response.status_code == 200 and response.json() == {"data": {"__typename": "Query"}}


async def test_several_mutations_without_a_name_run_none_of_them(new_client):
    from tests.support import signed_in_as

    admin = await signed_in_as(new_client, "demo-admin")
    before = await SchoolClass.all().count()
    document = " ".join(CREATE_CLASS.format(n=n) for n in (1, 2))
    response = await _send(admin, {"query": document}, "en")
    assert error_codes(response.json()) == ["OPERATION_NAME_REQUIRED"]
    assert await SchoolClass.all().count() == before
    # Named, exactly the one asked for runs: the count above could have moved.
    named = await _send(admin, {"query": document, "operationName": "Make2"}, "en")
    assert named.json()["data"]["createClass"]["__typename"] == "SchoolClass"
    assert await SchoolClass.filter(name__in=["1班", "2班"]).values_list("name", flat=True) == ["2班"]
