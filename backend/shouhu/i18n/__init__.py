"""The message catalogue: every user-facing text of the backend, in Simplified Chinese and English."""

from __future__ import annotations

from shouhu.i18n.messages import MESSAGES

LOCALES = ("zh-CN", "en")
DEFAULT_LOCALE = "zh-CN"


def negotiate(accept_language: str | None) -> str:
    """Pick zh-CN or en from an Accept-Language header (the PWA sends its UI language)."""
    if not accept_language:
        return DEFAULT_LOCALE
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(accept_language.split(",")):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        ranked.append((-quality, position, tag.strip().lower()))
    for _, _, tag in sorted(ranked):
        if tag.startswith("zh"):
            return "zh-CN"
        if tag.startswith("en"):
            return "en"
    return DEFAULT_LOCALE


class Term(str):
    """A parameter that is itself a catalogue key (a weekday's name, say): translated into the
    message's own language."""


def translate(key: str, locale: str = DEFAULT_LOCALE, **params: object) -> str:
    entry = MESSAGES[key]
    text = entry.get(locale) or entry[DEFAULT_LOCALE]
    if not params:
        return text
    return text.format(**{name: translate(v, locale) if isinstance(v, Term) else v for name, v in params.items()})
