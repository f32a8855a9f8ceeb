"""``--output-format sarif``: valid SARIF 2.1.0 with stable fingerprints, for code scanning."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from awesome_lint.registry import BY_CODE
from tests.conftest import Result

SCHEMA = json.loads(
    (Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8")
)


def sarif(cli: Callable[..., Result], *args: str, cwd: Path | None = None) -> dict[str, Any]:
    result = cli("--output-format", "sarif", *args, cwd=cwd)
    assert result.code in (0, 1), result.err
    log: dict[str, Any] = json.loads(result.out)
    return log


def validate(log: dict[str, Any]) -> None:
    jsonschema.Draft4Validator(SCHEMA).validate(log)


def fingerprints(log: dict[str, Any]) -> list[str]:
    return [r["partialFingerprints"]["awesomeLintLineHash/v1"] for r in log["runs"][0]["results"]]


@pytest.fixture
def seed_dir(seed_copy: Path) -> Path:
    return seed_copy.parent


def test_seed_log_is_valid_sarif_2_1_0(cli: Callable[..., Result], seed_dir: Path) -> None:
    log = sarif(cli, "README.md", cwd=seed_dir)
    validate(log)
    run = log["runs"][0]
    assert log["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["tool"]["driver"]["name"] == "awesome-lint"
    assert run["results"], "the seed has diagnostics"


def test_results_match_the_json_output(cli: Callable[..., Result], seed_dir: Path) -> None:
    log = sarif(cli, "README.md", cwd=seed_dir)
    as_json = json.loads(cli("--output-format", "json", "README.md", cwd=seed_dir).out)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    results = log["runs"][0]["results"]
    assert len(results) == len(as_json)
    for result, expected in zip(results, as_json, strict=True):
        assert result["ruleId"] == expected["code"]
        assert rules[result["ruleIndex"]]["id"] == expected["code"]
        assert rules[result["ruleIndex"]]["helpUri"] == BY_CODE[expected["code"]].url
        assert result["message"]["text"] == expected["message"]
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"] == {"uri": "README.md", "uriBaseId": "%SRCROOT%"}
        assert location["region"] == {
            "startLine": expected["location"]["row"],
            "startColumn": expected["location"]["column"],
            "endLine": expected["end_location"]["row"],
            "endColumn": expected["end_location"]["column"],
        }
        if expected["fix"] is None:
            assert "fixes" not in result
            continue
        [change] = result["fixes"][0]["artifactChanges"]
        assert [
            {
                "content": r["insertedContent"]["text"],
                "location": {
                    "row": r["deletedRegion"]["startLine"],
                    "column": r["deletedRegion"]["startColumn"],
                },
                "end_location": {
                    "row": r["deletedRegion"]["endLine"],
                    "column": r["deletedRegion"]["endColumn"],
                },
            }
            for r in change["replacements"]
        ] == expected["fix"]["edits"]


def test_same_run_twice_gives_identical_fingerprints(
    cli: Callable[..., Result], seed_dir: Path
) -> None:
    first = fingerprints(sarif(cli, "README.md", cwd=seed_dir))
    second = fingerprints(sarif(cli, "README.md", cwd=seed_dir))
    assert first == second
    assert len(set(first)) == len(first), "each result has its own fingerprint"


def test_fingerprints_survive_unrelated_lines_moving(
    cli: Callable[..., Result], seed_dir: Path
) -> None:
    before = sarif(cli, "README.md", cwd=seed_dir)
    readme = seed_dir / "README.md"
    text = readme.read_text(encoding="utf-8")
    readme.write_text(text.replace("\n\n", "\n\nA new paragraph.\n\n", 1), encoding="utf-8")
    after = sarif(cli, "README.md", cwd=seed_dir)
    moved = [
        r["locations"][0]["physicalLocation"]["region"]["startLine"]
        for r in after["runs"][0]["results"]
    ]
    was = [
        r["locations"][0]["physicalLocation"]["region"]["startLine"]
        for r in before["runs"][0]["results"]
    ]
    assert moved == [line + 2 for line in was]
    assert fingerprints(after) == fingerprints(before)


def test_the_same_mistake_twice_gets_two_fingerprints(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    entry = (
        "- [Paper](https://arxiv.org/abs/2305.20081)\n"
        "   - Ann Lee\n   - Keyword: x\n   - Dataset; [BBQ](https://github.com/nyu-mll/BBQ)\n"
    )
    block = (
        "```\nformat:\n- [title](paper link)\n"
        "   - author1\n   - Keyword: k\n   - Dataset: d\n```\n\n"
    )
    (tmp_path / "README.md").write_text("# List\n\n" + block + entry + "\n" + entry)
    log = sarif(cli, "--select", "AL105", "README.md", cwd=tmp_path)
    validate(log)
    prints = fingerprints(log)
    assert len(prints) == 2
    assert prints[0] != prints[1]
    assert prints[0].split(":")[0] == prints[1].split(":")[0]  # same line text, next occurrence


def test_clean_file_gives_a_valid_log_with_no_results(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    (tmp_path / "README.md").write_text("# Nothing to see\n")
    log = sarif(cli, "README.md", cwd=tmp_path)
    validate(log)
    assert log["runs"][0]["results"] == []


def test_file_outside_the_working_directory_gets_an_absolute_file_uri(
    cli: Callable[..., Result], seed_copy: Path, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    log = sarif(cli, str(seed_copy), cwd=elsewhere)
    validate(log)
    artifact = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert artifact == {"uri": seed_copy.resolve().as_uri()}


def test_every_rule_is_described_with_its_docs_url(
    cli: Callable[..., Result], seed_dir: Path
) -> None:
    rules = sarif(cli, "README.md", cwd=seed_dir)["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == list(BY_CODE)
    for rule in rules:
        spec = BY_CODE[rule["id"]]
        assert rule["name"] == spec.name
        assert rule["helpUri"] == spec.url
        assert rule["shortDescription"]["text"]
        assert rule["defaultConfiguration"]["level"] == "error"
