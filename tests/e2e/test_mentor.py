"""A mentor on a phone: today's students on the home card, a check-in in a few taps, the notice a
crisis signal brings, an observation reported by a teacher outside the team, and axe on the form.

The demo gives demo-mentor1 three students with no check-in yet today (周子涵, 吴昊然 and one more).
Tests that write use different students: 周子涵 here, the third student in test_offline.py."""

from __future__ import annotations

import re

import httpx
from playwright.sync_api import Page, expect

from tests.e2e.pages import PASSWORD, serious_violations, signed_in, student_row


def test_a_mentor_checks_in_from_the_home_screen_and_sees_it_done(page: Page):
    signed_in(page, "demo-mentor1")
    card = page.locator('section.card[data-role="MENTOR"]')
    expect(card.get_by_role("heading", name="我的学生")).to_be_visible()
    row = student_row(page, "周子涵")
    expect(row).to_contain_text("今天还没签到")
    # Not yet checked in first: every "done" row comes after every "to do" row.
    states = card.locator("li.student-row .checkin-state").all_inner_texts()
    assert states == sorted(states, key=lambda text: "已签到" in text)
    assert serious_violations(page) == []

    row.get_by_role("link", name="签到：周子涵").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("签到：周子涵")
    # Present and team-only are the defaults: a check-in can be one choice and one tap.
    expect(page.get_by_role("radio", name="在校")).to_be_checked()
    expect(page.get_by_role("radio", name="团队可见")).to_be_checked()
    page.get_by_role("radio", name="较好").check()
    page.get_by_role("button", name="提交签到").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("主页")
    confirmation = page.get_by_role("status").filter(has_text="已提交：周子涵的签到")
    expect(confirmation).to_be_visible()
    expect(confirmation).to_be_focused()
    expect(student_row(page, "周子涵")).to_contain_text("✓ 我今天已签到")
    expect(student_row(page, "周子涵")).to_contain_text("较好")
    expect(card).to_contain_text(re.compile(r"今天已签到 [1-9]\d*/\d+ 名学生"))


def test_a_crisis_signal_says_who_will_be_alerted_and_the_form_passes_axe(page: Page):
    signed_in(page, "demo-mentor1")
    student_row(page, "吴昊然").get_by_role("link", name="签到：吴昊然").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("签到：吴昊然")
    crisis = page.get_by_role("group", name=re.compile("危机信号"))
    early = page.get_by_role("group", name="早期迹象")
    expect(crisis.get_by_role("checkbox")).to_have_count(6)
    expect(early.get_by_role("checkbox", name="退缩回避")).to_be_visible()
    notice = page.get_by_text("系统会立即向专班负责人（班主任）和心理教师发出预警")
    expect(notice).to_have_count(0)
    early.get_by_role("checkbox", name="情绪低落").check()
    expect(notice).to_have_count(0)
    crisis.get_by_role("checkbox", name="自伤自残").check()
    expect(notice).to_be_visible()
    page.get_by_role("radio", name="有", exact=True).check()
    expect(page.get_by_label("谈话时长（分钟）")).to_be_visible()
    assert serious_violations(page) == []

    # Submitting without a mood is caught here, beside the question, and nothing is sent.
    crisis.get_by_role("checkbox", name="自伤自残").uncheck()
    page.get_by_role("button", name="提交签到").click()
    expect(page.get_by_role("alert").filter(has_text="请选择学生今天的心情")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("签到：吴昊然")
    assert serious_violations(page) == []


def test_the_check_in_form_fits_a_360px_phone_with_large_targets(page: Page):
    page.set_viewport_size({"width": 360, "height": 740})
    signed_in(page, "demo-mentor1")
    student_row(page, "周子涵").get_by_role("link", name="签到：周子涵").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("签到：周子涵")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    for control in [page.get_by_role("radio", name="很差"), page.get_by_role("checkbox", name="情绪失控"),
                    page.get_by_role("button", name="提交签到")]:
        box = control.bounding_box()
        assert box and box["height"] >= 44 and box["width"] >= 44, box


def _school_board_names(server: str) -> set[str]:
    """Students under care (from the counsellor's school board), so the observation below is
    about someone else and changes nothing the care tests look at."""
    with httpx.Client(base_url=server, headers={"Origin": server}) as client:
        login = "mutation($l: String!, $p: String!) { login(login: $l, password: $p) { __typename } }"
        client.post("/graphql", json={"query": login, "variables": {"l": "demo-counsellor", "p": PASSWORD}})
        board = client.post("/graphql", json={"query": "{ schoolBoard(first: 100) { nodes { student { name } } } }"})
        return {node["student"]["name"] for node in board.json()["data"]["schoolBoard"]["nodes"]}


def test_a_teacher_reports_an_observation_and_is_told_where_it_goes(page: Page, server: str):
    under_care = _school_board_names(server)
    signed_in(page, "demo-mentor2")
    page.get_by_role("link", name="报告观察到的异常情况").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("报告观察到的情况")
    expect(page.get_by_text("报告给学生的班主任和工作专班")).to_be_visible()
    expect(page.get_by_text("您看不到这名学生的档案")).to_be_visible()

    page.get_by_role("button", name="提交观察报告").click()
    expect(page.get_by_role("alert").filter(has_text="请先选择学生")).to_be_visible()

    students = page.get_by_role("group", name="选择学生").get_by_role("radio")
    expect(students.first).to_be_visible()
    assert serious_violations(page) == []
    names = [name.strip() for name in students.evaluate_all("els => els.map(e => e.labels[0].querySelector('.choice-label').textContent)")]
    name = next(n for n in names if n not in under_care)
    page.get_by_role("searchbox").fill(name)
    page.get_by_role("button", name="搜索").click()
    expect(students).to_have_count(1)
    page.get_by_role("radio", name=re.compile(f"^{name}")).check()
    page.get_by_label("您观察到的情况").fill("午休时一个人坐在楼梯口，叫他也不回应。")
    page.get_by_role("button", name="提交观察报告").click()
    done = page.get_by_role("status").filter(has_text=f"关于{name}的观察报告已送达班主任和工作专班")
    expect(done).to_be_visible()
    expect(done).to_be_focused()
