"""docs/rules.md is generated from the rules' docstrings and every diagnostic's url lands on it."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from awesome_lint.registry import DOCS_URL, RULES
from awesome_lint.report.rule_doc import markdown_literals

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = ROOT / "scripts" / "gen_rules_doc.py"
RULES_MD = ROOT / "docs" / "rules.md"


def github_slug(heading: str) -> str:
    """GitHub's heading anchor: lower case, punctuation but '-' and '_' dropped, spaces to '-'."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def test_rules_md_is_up_to_date() -> None:
    check = subprocess.run(
        [sys.executable, str(GENERATOR), "--check"], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr + "(run: python scripts/gen_rules_doc.py)"


def test_check_mode_fails_on_a_stale_file(tmp_path: Path) -> None:
    stale = tmp_path / "rules.md"
    stale.write_text("# Rules\n")
    check = subprocess.run(
        [sys.executable, str(GENERATOR), "--check", "--output", str(stale)],
        capture_output=True,
        text=True,
    )
    assert check.returncode == 1
    assert "out of date" in check.stderr
    assert stale.read_text() == "# Rules\n"  # --check never writes


def test_every_rule_url_points_at_a_heading_of_rules_md() -> None:
    headings = re.findall(r"^#{1,6} (.+)$", RULES_MD.read_text(encoding="utf-8"), re.MULTILINE)
    anchors = {github_slug(h) for h in headings}
    for rule in RULES:
        page, _, anchor = rule.url.partition("#")
        assert page == DOCS_URL
        assert anchor in anchors, f"{rule.code}: no heading gives #{anchor}"


def test_each_section_carries_the_rules_fix_kind_and_docstring() -> None:
    text = RULES_MD.read_text(encoding="utf-8")
    for rule in RULES:
        section = text.split(f"### {rule.code} {rule.name}\n", 1)[1].split("\n### ", 1)[0]
        assert f"Fix: {rule.fix}" in section
        doc = markdown_literals(rule.doc)  # docs/rules.md writes ``x`` as `x`
        why = next((line for line in doc.splitlines() if line.startswith("Why:")), None)
        if why:
            assert why in section
