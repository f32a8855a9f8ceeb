"""Keys that let a translation's entry match the main list's when it links a localized page.

A translation often links the same thing in its own language: ``zh.snipaste.com`` for
``snipaste.com``, ``inkscape.org/zh/`` for ``inkscape.org``, ``apple.com.cn`` for
``apple.com``, ``apps.apple.com/cn/app/...`` for ``apps.apple.com/us/app/...``.
``locale_key`` folds those: a first host label that is a language or country code (with
three labels or more), a country's second-level domain (``.com.cn``, ``.co.jp``) or a country
domain (``.cn``, ``.de``) against ``.com``, path segments that are locale codes (``/zh/``,
``/zh-cn/``, ``/ja-jp/``, ``/us/``, ``/intl/zh-cn/``; not on code hosts, where the first
segments are owners), language query parameters (``?hl=zh-CN``), and an App Store page by its
app id. Codes that are
also common words of paths (``id``, ``it``, ``in``, ``do``, ``no``) are not folded.

``name_key`` is an entry's name to match by when even the folded urls differ: its title's text
case-folded, without punctuation, symbols or spaces.
"""

from __future__ import annotations

import re
import unicodedata

from awesome_lint.model.urls import canonical_url

_LANGUAGES = frozenset(
    {
        *("en", "zh", "ja", "ko", "de", "fr", "es", "ru", "pt", "tr", "vi", "ar", "fa", "hi"),
        *("th", "pl", "nl", "uk", "cs", "sv", "fi", "da", "nb", "el", "he", "hu", "ro", "bg"),
    }
)
_COUNTRIES = frozenset(
    {
        *("us", "gb", "cn", "tw", "hk", "jp", "kr", "de", "fr", "es", "ru", "br", "vn", "tr"),
        *("ir", "pl", "nl", "ua", "cz", "se", "mx", "ca", "au", "sg", "mo", "kp", "th"),
    }
)
_LOCALE = re.compile(r"(?P<language>[a-z]{2})(?:[-_](?P<region>[a-z]{2}|hans|hant))?")
_SECOND_LEVEL = frozenset({"com", "co", "net", "org"})
_CODE_HOSTS = frozenset({"github.com", "gitlab.com", "gitee.com", "bitbucket.org", "codeberg.org"})
_LANGUAGE_PARAMETERS = frozenset({"hl", "lang", "language", "locale", "lng", "ln"})
_APP_STORE = frozenset({"apps.apple.com", "itunes.apple.com"})
_APP_ID = re.compile(r"id\d{3,}")


def is_locale(segment: str) -> bool:
    """``zh``, ``zh-CN``, ``zh_Hans``, ``ja-jp``, ``cn``, ``us``: a language or country code."""
    match = _LOCALE.fullmatch(segment.casefold())
    if match is None:
        return False
    if match.group("region") is None:
        return match.group("language") in _LANGUAGES | _COUNTRIES
    return match.group("language") in _LANGUAGES


def locale_key(url: str) -> str:
    """``canonical_url`` with the locale folded out (see the module docstring)."""
    key = canonical_url(url)
    if ":" in key.split("/", 1)[0]:  # arxiv:..., openreview:..., a port or a relative url
        return key
    key, _, fragment = key.partition("#")
    key, _, query = key.partition("?")
    host, _, path = key.partition("/")
    if not host or "." not in host:
        return canonical_url(url)
    segments = [s for s in path.split("/") if s]
    if host in _APP_STORE:
        app = next((s for s in segments if _APP_ID.fullmatch(s)), None)
        if app is not None:
            return f"appstore:{app}"
    host = _fold_host(host)
    if host not in _CODE_HOSTS:
        segments = [
            s
            for i, s in enumerate(segments)
            if not is_locale(s)
            and not (s == "intl" and i + 1 < len(segments) and is_locale(segments[i + 1]))
        ]
    kept = [
        p
        for p in query.split("&")
        if p and p.split("=", 1)[0].casefold() not in _LANGUAGE_PARAMETERS
    ]
    key = host + "".join("/" + s for s in segments)
    if kept:
        key += "?" + "&".join(kept)
    if fragment:
        key += "#" + fragment
    return key


def _fold_host(host: str) -> str:
    labels = host.split(".")
    if len(labels) >= 3 and is_locale(labels[0]):
        labels = labels[1:]
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and labels[-1] in _COUNTRIES:
        labels = [*labels[:-2], "com" if labels[-2] == "co" else labels[-2]]
    elif len(labels) >= 2 and labels[-1] in _COUNTRIES:
        labels = [*labels[:-1], "com"]
    return ".".join(labels)


def name_key(text: str) -> str:
    """A name to match by: case-folded, letters and digits only (``Snipaste``, ``snip-aste``)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return "".join(c for c in text if c.isalnum())
