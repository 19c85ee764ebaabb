import re

import pytest

from shouhu.i18n import LOCALES, negotiate, translate
from shouhu.i18n.messages import MESSAGES


def test_every_message_has_every_locale_with_the_same_placeholders():
    for key, entry in MESSAGES.items():
        assert set(entry) == set(LOCALES), key
        placeholders = {locale: set(re.findall(r"{(\w+)}", text)) for locale, text in entry.items()}
        assert placeholders["zh-CN"] == placeholders["en"], key


def test_chinese_texts_are_chinese():
    for key, entry in MESSAGES.items():
        assert re.search(r"[\u4e00-\u9fff]", entry["zh-CN"]), key


@pytest.mark.parametrize(
    ("header", "locale"),
    [(None, "zh-CN"), ("en", "en"), ("en-US,en;q=0.9", "en"), ("zh-CN,zh;q=0.9,en;q=0.8", "zh-CN"),
     ("fr-FR, en;q=0.5", "en"), ("de", "zh-CN"), ("en;q=0.2, zh;q=0.8", "zh-CN"), ("en;q=bad", "en")],
)
def test_negotiation(header, locale):
    assert negotiate(header) == locale


def test_parameters_are_filled():
    assert translate("password.too_short", "en", min=8) == "The password needs at least 8 characters."
