"""A parent in the evening: tonight's home log from the home card, the streak going up, what the
school shares, the team's phone numbers — and never a warning level; after midnight, the log is
still for the evening just past.

demo-parent1 (周丽华, mother of 周子涵) has a streak and no log tonight; demo-parent2 (吴昊然's
father) is only looked at here, never written for."""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from playwright.sync_api import Browser, Page, expect

from tests.e2e.pages import serious_violations, signed_in, wait_for_service_worker

SHANGHAI = ZoneInfo("Asia/Shanghai")

LEVEL_WORDS = ["一般关注", "重点关注", "高危", "预警等级", "WATCH", "FOCUS", "SEVERE"]


def streak(card) -> int:
    text = card.locator(".streak").inner_text()
    found = re.search(r"已连续记录 (\d+) 天", text)
    return int(found.group(1)) if found else 0


def test_a_parent_records_tonight_and_the_card_shows_it_with_the_streak(page: Page):
    signed_in(page, "demo-parent1")
    card = page.locator('section.card[data-role="GUARDIAN"]')
    expect(card).to_contain_text("今晚还没记录")
    expect(card.locator(".streak")).to_contain_text("已连续记录")
    before = streak(card)
    expect(card.get_by_role("table")).to_contain_text("倾听 15 分钟")
    expect(card.get_by_role("table")).to_contain_text("运动 60 分钟")

    card.get_by_role("link", name="记录今晚：周子涵").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("家庭陪护记录：周子涵")
    expect(page.get_by_text("每天倾听一刻钟（15 分钟）")).to_be_visible()
    expect(page.get_by_text("每天运动一小时（60 分钟）")).to_be_visible()
    expect(page.get_by_label("记录哪一天")).to_have_value(re.compile(r"^\d{4}-\d{2}-\d{2}$"))
    listening = page.get_by_role("group", name=re.compile("^倾听孩子说话.*快速选择$"))
    listening.get_by_role("button", name="20 分钟").click()
    expect(page.get_by_label("倾听孩子说话（分钟）", exact=True)).to_have_value("20")
    exercise = page.get_by_role("group", name=re.compile("^运动.*快速选择$"))
    exercise.get_by_role("button", name="60 分钟").click()
    expect(page.get_by_text("✓ 已达到目标")).to_have_count(2)
    page.get_by_role("radio", name="全程陪护").check()
    page.get_by_role("radio", name="较好").check()
    page.get_by_label("其他情况").fill("晚饭后一起散步，聊了学校的运动会。")
    page.get_by_role("button", name="提交今晚的记录").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("主页")
    confirmation = page.get_by_role("status").filter(has_text="已提交：周子涵的家庭陪护记录")
    expect(confirmation).to_be_focused()
    expect(card).to_contain_text("✓ 今晚已记录")
    expect(card.locator(".streak")).to_have_text(f"已连续记录 {before + 1} 天")
    expect(card.get_by_role("link", name="记录今晚：周子涵")).to_have_count(0)
    # The log is among what the family sees.
    expect(card.locator(".shared-list")).to_contain_text("晚饭后一起散步")


def test_the_family_card_has_team_phones_and_no_warning_level(page: Page):
    signed_in(page, "demo-parent2")
    card = page.locator('section.card[data-role="GUARDIAN"]')
    expect(card).to_contain_text("吴昊然")
    expect(card.get_by_role("heading", name="工作专班联系人")).to_be_visible()
    calls = card.locator('a[href^="tel:"]')
    expect(calls.first).to_be_visible()
    expect(calls.first).to_have_accessible_name(re.compile(r"^拨打 .+：\d+"))
    text = card.inner_text()
    for word in LEVEL_WORDS:
        assert word not in text, word
    assert serious_violations(page) == []


def test_the_home_log_form_passes_axe_and_explains_a_missing_answer(page: Page):
    signed_in(page, "demo-parent2")
    # Tonight's log may already be in the demo data: then the card offers an earlier day.
    card = page.locator('section.card[data-role="GUARDIAN"]')
    card.get_by_role("link", name=re.compile("^(记录今晚|补记前几天)：吴昊然$")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("家庭陪护记录：吴昊然")
    page.get_by_role("checkbox", name="离家出走").check()
    expect(page.get_by_text("系统会立即向专班负责人（班主任）和心理教师发出预警")).to_be_visible()
    expect(page.get_by_role("link", name="查看求助热线")).to_be_visible()
    assert serious_violations(page) == []

    page.get_by_role("checkbox", name="离家出走").uncheck()
    page.get_by_role("button", name="提交今晚的记录").click()
    expect(page.get_by_role("alert").filter(has_text="请填写分钟数")).to_be_visible()
    expect(page.get_by_label("倾听孩子说话（分钟）", exact=True)).to_be_focused()
    expect(page.get_by_role("heading", level=1)).to_have_text("家庭陪护记录：吴昊然")


def test_after_midnight_the_home_log_is_for_the_evening_just_past_even_offline(
    browser: Browser, browser_context_args: dict
):
    """Online the server says which evening tonight's log is for; with no network the phone works it out
    from its clock in the school's time zone, not its own: here a phone set to New Zealand time, where
    00:30 in Shanghai is already 05:30 the next morning."""
    context = browser.new_context(**{**browser_context_args, "timezone_id": "Pacific/Auckland"})
    page = context.new_page()
    try:
        signed_in(page, "demo-parent2")
        wait_for_service_worker(page)
        card = page.locator('section.card[data-role="GUARDIAN"]')
        expect(card.locator(".streak")).to_be_visible()  # the card's figures are on the phone now

        # Three nights from now, half past midnight at the school; no network.
        night = datetime.combine(datetime.now(SHANGHAI).date() + timedelta(days=3), time(0, 30), tzinfo=SHANGHAI)
        evening = night.date() - timedelta(days=1)
        page.clock.set_fixed_time(night)
        context.set_offline(True)
        card.get_by_role("link", name=re.compile("^(记录今晚|补记前几天)：吴昊然$")).click()
        expect(page.get_by_role("heading", level=1)).to_have_text("家庭陪护记录：吴昊然")
        chooser = page.get_by_label("记录哪一天")
        expect(chooser).to_have_value(evening.isoformat())
        expect(chooser.locator("option").first).to_have_text(re.compile(f"^今晚（{evening.month}月{evening.day}日"))
        # Still the parent's choice: the evenings before are offered too.
        expect(chooser.locator("option")).to_have_count(7)
        chooser.select_option((evening - timedelta(days=1)).isoformat())
        expect(page.get_by_role("button", name="提交记录")).to_be_visible()
    finally:
        context.close()
