"""Every corpus list and its CRLF, BOM, tab and truncated variants lint and fix safely."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, Result

LISTS = sorted((FIXTURES / "corpus").glob("*/README.md"))
URL = re.compile(r"https?://[^\s)\]>\"'<）]+")  # AL108 drops a typed "）", by design


def _variants(data: bytes) -> dict[str, bytes]:
    lf = data.replace(b"\r\n", b"\n")
    return {
        "crlf": lf.replace(b"\n", b"\r\n"),
        "bom": b"\xef\xbb\xbf" + data,
        "tabs": re.sub(rb"(?m)^((?:  )+)", lambda m: b"\t" * (len(m.group(1)) // 2), lf),
        "truncated": lf[: len(lf) * 2 // 3].rsplit(b"\xc0", 1)[0],
    }


def _decodable(data: bytes) -> bytes:
    # Truncating may cut a multi-byte character: drop the partial tail, as an editor would.
    return data.decode("utf-8", "ignore").encode("utf-8") if not data.startswith(b"\xef") else data


@pytest.mark.parametrize("readme", LISTS, ids=[p.parent.name for p in LISTS])
def test_variants_lint_and_fix_without_losing_urls(
    cli: Callable[..., Result], tmp_path: Path, readme: Path
) -> None:
    for name, data in _variants(readme.read_bytes()).items():
        data = _decodable(data)
        target = tmp_path / "README.md"
        target.write_bytes(data)
        fixed = cli("--fix", "--unsafe-fixes", "-q", "README.md", cwd=tmp_path)
        assert fixed.code in (0, 1), f"{name}: {fixed.err}"
        before = set(URL.findall(data.decode("utf-8-sig")))
        after = set(URL.findall(target.read_bytes().decode("utf-8-sig")))
        assert before <= after, f"{name}: lost {sorted(before - after)[:3]}"
