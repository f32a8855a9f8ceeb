"""One canonical form per url, so that two spellings of the same link compare equal.

Folded: an arXiv paper is its id (abs, pdf, ``.pdf``, ``vN``, html, www, browse, export, http
all equal); an OpenReview paper is its id (forum or pdf); on GitHub the owner/repo is
case-folded and ``.git`` dropped; everywhere the scheme (http/https), ``www.``, default ports
and a trailing slash are dropped. Paths, queries and fragments are otherwise kept as written.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

_ARXIV_HOST = re.compile(r"^(?:[a-z0-9-]+\.)*(?:arxiv\.org|ar5iv\.org)$")
_ARXIV_PATH = re.compile(
    r"^/(?:abs|pdf|html|format|ps)/"
    r"(?P<id>\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?/\d{7})"
    r"(?:v\d+)?(?:\.pdf)?/?$",
    re.IGNORECASE,
)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)
_DEFAULT_PORTS = {"80", "443"}


def arxiv_id(url: str) -> str | None:
    """The arXiv id a url points at (``2305.20081``, ``cs/0112017``), without its version."""
    lower = url.lower()
    if "arxiv.org" not in lower and "ar5iv.org" not in lower:
        return None  # the host must end so: most urls are settled without splitting them
    parts = _split(url)
    if parts is None:
        return None
    return _arxiv_path_id(parts[0], parts[1])


def _arxiv_path_id(host: str, path: str) -> str | None:
    if not host.endswith(("arxiv.org", "ar5iv.org")) or not _ARXIV_HOST.match(host):
        return None
    match = _ARXIV_PATH.match(path)
    if match is None:
        return None
    paper = match.group("id")
    return paper if "/" not in paper else paper.lower()


def canonical_url(url: str) -> str:
    """A key equal for every spelling of the same link (see the module docstring)."""
    url = url.strip().strip("<>")
    parts = _split(url)
    if parts is None:
        return url.rstrip("/")
    host, path, query, fragment = parts
    paper = _arxiv_path_id(host, path)
    if paper is not None:
        return f"arxiv:{paper}"
    if host == "openreview.net" and path.rstrip("/") in ("/forum", "/pdf"):
        ids = parse_qs(query).get("id")
        if ids:
            return f"openreview:{ids[0]}"
    if host == "github.com":
        segments = path.strip("/").split("/")
        if len(segments) >= 2:
            segments[0] = segments[0].lower()
            segments[1] = segments[1].lower().removesuffix(".git")
        path = "/" + "/".join(segments)
    path = path.rstrip("/")
    key = host + path
    if query:
        key += "?" + query
    if fragment:
        key += "#" + fragment
    return key


# The common shape, split without urlsplit (a third of find_papers on a classic list): a host
# of letters, digits, dots and hyphens, no user name, no port, no blank anywhere.
_PLAIN = re.compile(
    r"[A-Za-z][A-Za-z0-9+.-]*://([A-Za-z0-9.-]+)((?:/[^?#\s]*)?)(?:\?([^#\s]*))?(?:#(\S*))?"
)


def _split(url: str) -> tuple[str, str, str, str] | None:
    """(host without www. or default port, path, query, fragment), or None if not absolute."""
    url = url.strip()
    plain = _PLAIN.fullmatch(url)
    if plain is not None:
        host, path, query, fragment = plain.groups("")
        return host.lower().removeprefix("www."), path, query, fragment
    return _split_slowly(url)


def _split_slowly(url: str) -> tuple[str, str, str, str] | None:
    if not _SCHEME.match(url):
        if not url.lower().startswith("www."):
            return None
        url = "http://" + url
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    host = (parts.hostname or "").lower().removeprefix("www.")
    if port is not None and str(port) not in _DEFAULT_PORTS:
        host = f"{host}:{port}"
    return host, parts.path, parts.query, parts.fragment


_CODE_HOSTS = frozenset(
    {
        *("github.com", "gitlab.com", "bitbucket.org", "huggingface.co", "gitee.com", "pypi.org"),
        *("codeberg.org", "sourceforge.net", "colab.research.google.com", "kaggle.com"),
    }
)
_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://(?:[^/@]*@)?([^/:?#]*)", re.IGNORECASE)


def link_kind(url: str) -> str:
    """What a title link points at: ``"code"`` (a repository host) or ``"paper"`` (the rest).

    A paper and its code repository may share a title; they are two entries, not one listed
    twice, so AL302 compares titles only between links of one kind.
    """
    match = _HOST.match(url.strip())
    if match is None:
        return "paper"
    host = match.group(1).lower().removeprefix("www.")
    if host in _CODE_HOSTS:
        return "code"
    return "paper"
