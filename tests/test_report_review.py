"""``rdjson`` (reviewdog, fixes as review suggestions) and ``gitlab`` (Code Quality), each
checked against its published JSON schema (tests/schemas/SOURCE.md says where they are from)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema

from awesome_lint.model.document import Document
from awesome_lint.report.rdjson import position
from tests.conftest import Result

Cli = Callable[..., Result]
SCHEMAS = Path(__file__).parent / "schemas"


def _schema(name: str) -> Any:
    return json.loads((SCHEMAS / name).read_text(encoding="utf-8"))


RDJSON = _schema("rdjson-DiagnosticResult.json")
GITLAB_ISSUE = _schema("gitlab-codeclimate.json")
GITLAB_REPORT = _schema("gitlab-code-quality-report.json")


def _rdjson(cli: Cli, folder: Path, *args: str) -> Any:
    result = cli("--output-format", "rdjson", *args, "README.md", cwd=folder)
    assert result.code == 1, result.err
    log = json.loads(result.out)
    jsonschema.Draft4Validator(RDJSON).validate(log)
    return log


def test_rdjson_is_valid_and_carries_each_fix_as_a_suggestion(cli: Cli, seed_copy: Path) -> None:
    log = _rdjson(cli, seed_copy.parent)
    assert log["source"] == {"name": "awesome-lint", "url": log["source"]["url"]}
    assert log["source"]["url"].startswith("https://")
    [label] = [d for d in log["diagnostics"] if d["code"]["value"] == "AL105"]
    where = {"start": {"line": 127, "column": 5}, "end": {"line": 127, "column": 13}}
    assert label == {
        "message": 'Label "Dataset;" should be "Dataset:"',
        "location": {"path": "README.md", "range": where},
        "severity": "ERROR",
        "source": log["source"],
        "code": {"value": "AL105", "url": label["code"]["url"]},
        "suggestions": [{"range": where, "text": "Dataset:"}],
    }
    assert label["code"]["url"].endswith("#al105-field-label")
    json_count = len(
        json.loads(cli("--output-format", "json", "README.md", cwd=seed_copy.parent).out)
    )
    assert len(log["diagnostics"]) == json_count


def test_rdjson_suggests_unsafe_fixes_only_with_unsafe_fixes(cli: Cli, seed_copy: Path) -> None:
    def suggested(*args: str) -> set[str]:
        log = _rdjson(cli, seed_copy.parent, *args)
        return {d["code"]["value"] for d in log["diagnostics"] if "suggestions" in d}

    safe = suggested()
    assert "AL105" in safe
    unsafe = suggested("--unsafe-fixes") - safe
    assert unsafe  # the seed has a misspelling whose fix is unsafe
    assert all(code in {"AL401", "AL406", "AL201", "AL202", "AL204", "AL301"} for code in unsafe)


def test_rdjson_suggestions_applied_to_the_file_give_what_fix_writes(
    cli: Cli, tmp_path: Path
) -> None:
    # Columns are UTF-8 bytes: the CJK title and the BOM shift them, and the edits must land.
    text = "\ufeff# 强化学习\n\n- [强化 学习](https://example.com/rl) - 好的  工具,很好.\n"
    (tmp_path / "README.md").write_bytes(text.encode())
    log = _rdjson(cli, tmp_path, "--select", "AL404")
    data = (tmp_path / "README.md").read_bytes()
    starts = [0] + [i + 1 for i, b in enumerate(data) if b == ord("\n")]
    edits = []
    for d in log["diagnostics"]:
        for s in d["suggestions"]:
            begin, end = s["range"]["start"], s["range"]["end"]
            edits.append(
                (
                    starts[begin["line"] - 1] + begin["column"] - 1,
                    starts[end["line"] - 1] + end["column"] - 1,
                    s["text"].encode(),
                )
            )
    for begin, end, new in sorted(edits, reverse=True):
        data = data[:begin] + new + data[end:]
    cli("--fix", "--select", "AL404", "README.md", cwd=tmp_path)
    assert data == (tmp_path / "README.md").read_bytes()
    assert b"\xe5\xa5\xbd\xe7\x9a\x84 \xe5\xb7\xa5" in data  # the two spaces became one


def test_rdjson_columns_count_utf8_bytes_and_the_bom() -> None:
    document = Document.from_bytes("\ufeff中 x\né y".encode())
    assert position(document, 2) == {"line": 1, "column": 3 + 3 + 1 + 1}
    assert position(document, document.text.index("y")) == {"line": 2, "column": 4}


def _gitlab(cli: Cli, folder: Path) -> Any:
    result = cli("--output-format", "gitlab", "README.md", cwd=folder)
    assert result.code == 1, result.err
    issues = json.loads(result.out)
    jsonschema.Draft202012Validator(GITLAB_REPORT).validate(issues)
    for issue in issues:
        jsonschema.Draft7Validator(GITLAB_ISSUE).validate(issue)
    return issues


def test_gitlab_report_is_valid_with_unique_fingerprints(cli: Cli, seed_copy: Path) -> None:
    issues = _gitlab(cli, seed_copy.parent)
    [label] = [i for i in issues if i["check_name"] == "AL105"]
    assert label["description"] == 'AL105: Label "Dataset;" should be "Dataset:"'
    assert label["severity"] == "major"
    assert label["location"] == {"path": "README.md", "lines": {"begin": 127, "end": 127}}
    fingerprints = [i["fingerprint"] for i in issues]
    assert len(set(fingerprints)) == len(fingerprints)


def test_gitlab_fingerprints_survive_unrelated_lines_moving(cli: Cli, seed_copy: Path) -> None:
    before = _gitlab(cli, seed_copy.parent)
    text = seed_copy.read_text(encoding="utf-8")
    heading_end = text.index("\n") + 1
    seed_copy.write_text(text[:heading_end] + "\nA new paragraph.\n" + text[heading_end:])
    after = _gitlab(cli, seed_copy.parent)
    assert {i["fingerprint"] for i in after} == {i["fingerprint"] for i in before}
    moved = {i["fingerprint"]: i["location"]["lines"]["begin"] for i in after}
    assert all(moved[i["fingerprint"]] == i["location"]["lines"]["begin"] + 2 for i in before)


def test_gitlab_fingerprints_differ_for_lines_equal_but_for_whitespace(
    cli: Cli, tmp_path: Path
) -> None:
    entry = "[A](https://example.com/a) - Good  thing."
    (tmp_path / "README.md").write_text(f"# Awesome\n\n- {entry}\n-\t{entry}\n", encoding="utf-8")
    issues = _gitlab(cli, tmp_path)
    repeated = [i["fingerprint"] for i in issues if i["check_name"] == "AL404"]
    assert len(repeated) == 2
    assert len(set(repeated)) == 2
