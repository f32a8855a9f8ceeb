"""A config value that would check nothing, or crash the run, is one clear line and exit 2.

Issue 14: ``ignore = [""]`` turned every rule off, ``exclude = "127"`` was split into
characters, ``run-timeout = -1`` checked no link and said "All checks passed!", ``timeout = nan``
and ``exclude = ["(unclosed"]`` ended in "internal error" with the file's report lost, and a
misspelt ``required-fields`` or ``labels`` name was accepted and did nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Result

LIST = """\
# Papers

```
format:
- [title](paper link)
  - authors
  - Key: keywords
  - Note: notes
```

- [Paper One](https://arxiv.org/abs/2305.20081)
  - Ann Lee, Bob Chan
  - Key: preference learning
- [Paper Two](https://arxiv.org/abs/2305.20082)
  - Ann Lee
"""


def lint(tmp_path: Path, cli: Callable[..., Result], config: str, *args: str) -> Result:
    (tmp_path / "README.md").write_text(LIST)
    (tmp_path / ".awesome-lint.toml").write_text(config)
    return cli("--output-format", "concise", *args, "README.md", cwd=tmp_path)


def assert_config_error(result: Result, *words: str) -> None:
    assert result.code == 2, (result.code, result.out, result.err)
    lines = result.err.strip().splitlines()
    assert len(lines) == 1, result.err
    assert lines[0].startswith("awesome-lint: error: "), result.err
    assert ".awesome-lint.toml" in lines[0]
    for word in words:
        assert word in lines[0], lines[0]
    assert "internal error" not in result.err
    assert "Traceback" not in result.err


@pytest.mark.parametrize("key", ["select", "ignore", "extend-select", "unfixable"])
@pytest.mark.parametrize("empty", ['""', '"  "'])
def test_an_empty_selector_is_an_error_not_every_rule(
    tmp_path: Path, cli: Callable[..., Result], key: str, empty: str
) -> None:
    assert_config_error(lint(tmp_path, cli, f"{key} = [{empty}]\n"), repr(key), "empty")


def test_an_empty_select_list_is_an_error_not_no_rule(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    assert_config_error(lint(tmp_path, cli, "select = []\n"), "'select'", "no rule")


@pytest.mark.parametrize(
    ("setting", "key"),
    [
        ("timeout = nan", "timeout"),
        ("timeout = inf", "timeout"),
        ("timeout = 0", "timeout"),
        ("run-timeout = -1", "run-timeout"),
        ("run-timeout = nan", "run-timeout"),
        ("cache-ttl = -5", "cache-ttl"),
        ("host-interval = -0.5", "host-interval"),
        ("host-interval = true", "host-interval"),
        ('timeout = "10"', "timeout"),
        ("concurrency = 0", "concurrency"),
        ("concurrency = 2.5", "concurrency"),
        ("per-host = -1", "per-host"),
        ("retries = -1", "retries"),
        ("retries = true", "retries"),
        ("accept = [200.5]", "accept"),
        ("accept = [42]", "accept"),
        ('accept = "200"', "accept"),
    ],
)
def test_a_bad_number_is_an_error(
    tmp_path: Path, cli: Callable[..., Result], setting: str, key: str
) -> None:
    result = lint(tmp_path, cli, f"[check-links]\n{setting}\n")
    assert_config_error(result, f"check-links.{key}")


def test_good_numbers_are_read(tmp_path: Path) -> None:
    from awesome_lint.config import parse_settings

    settings = parse_settings(
        {
            "check-links": {
                "timeout": 2,
                "run-timeout": 30.5,
                "cache-ttl": 0,
                "host-interval": 0,
                "retries": 0,
                "concurrency": 8,
                "accept": [403, 999 - 400],
            }
        },
        tmp_path / ".awesome-lint.toml",
    )
    links = settings.check_links
    assert (links.timeout, links.run_timeout, links.cache_ttl, links.retries) == (2, 30.5, 0, 0)
    assert links.concurrency == 8 and links.accept == (403, 599)


@pytest.mark.parametrize(
    "setting",
    [
        'ignore = "AL4"',
        'words = "MuJoCo"',
        'required-fields = "title"',
        '[check-links]\nexclude = "127"',
    ],
)
def test_a_string_where_a_list_is_expected_is_an_error_not_its_characters(
    tmp_path: Path, cli: Callable[..., Result], setting: str
) -> None:
    assert_config_error(lint(tmp_path, cli, setting + "\n"), "must be a list of strings")


@pytest.mark.parametrize("pattern", ["(unclosed", "[z-a]", "a{2,1}", "*"])
def test_an_exclude_pattern_that_is_no_regular_expression_is_an_error(
    tmp_path: Path, cli: Callable[..., Result], pattern: str
) -> None:
    result = lint(tmp_path, cli, f"[check-links]\nexclude = [{pattern!r}]\n".replace("'", '"'))
    assert_config_error(result, "check-links.exclude", "not a regular expression")


def test_an_empty_exclude_pattern_is_an_error_not_every_url_skipped(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    result = lint(tmp_path, cli, '[check-links]\nexclude = [""]\n')
    assert_config_error(result, "check-links.exclude", "empty pattern")


def test_an_exponential_exclude_pattern_is_cut_off_and_its_urls_reported(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    pytest.importorskip("httpx")
    import time

    hostile = "https://example.org/" + "a" * 5_000 + "!"
    (tmp_path / "README.md").write_text(f"# Links\n\n- [one]({hostile})\n- [two]({hostile}b)\n")
    (tmp_path / ".awesome-lint.toml").write_text('[check-links]\nexclude = ["(a+)+$"]\n')
    started = time.monotonic()
    result = cli("--output-format", "concise", "--select", "AL503", "README.md", cwd=tmp_path)
    elapsed = time.monotonic() - started
    assert elapsed < 10, f"the exclude pattern ran for {elapsed:.1f}s"
    assert result.code == 1, result.err
    assert result.out.count("Link not checked: the exclude pattern '(a+)+$'") == 2, result.out
    assert "internal error" not in result.err


def test_exclude_patterns_still_skip_urls(tmp_path: Path, cli: Callable[..., Result]) -> None:
    (tmp_path / "README.md").write_text("# Links\n\n- [one](https://127.0.0.1:9/x)\n")
    (tmp_path / ".awesome-lint.toml").write_text('[check-links]\nexclude = ["^https://127\\\\."]\n')
    pytest.importorskip("httpx")
    result = cli("--output-format", "concise", "--select", "AL503", "README.md", cwd=tmp_path)
    assert result.code == 0, result.out + result.err  # excluded: never asked, never dead


@pytest.mark.parametrize(
    "setting", ['required-fields = ["title", "keywrd"]', '[labels]\nkeywrd = ["Tags"]']
)
def test_a_field_name_no_block_declares_is_an_error(
    tmp_path: Path, cli: Callable[..., Result], setting: str
) -> None:
    assert_config_error(lint(tmp_path, cli, setting + "\n"), "'keywrd'", "no field kind")


@pytest.mark.parametrize(
    "setting",
    [
        'required-fields = ["title", "authors", "keyword"]',
        'required-fields = ["title", "note"]',  # declared by the block: "- Note: notes"
        '[labels]\nkeyword = ["Key", "Keywords"]',
        '[labels]\nnote = ["Note", "Notes"]',
        '[labels]\nenvironment = ["Dataset"]',  # a kind, whether or not the block has it
    ],
)
def test_field_kinds_and_declared_fields_are_accepted(
    tmp_path: Path, cli: Callable[..., Result], setting: str
) -> None:
    result = lint(tmp_path, cli, setting + "\n")
    assert result.code in (0, 1), result.err
    assert "error" not in result.err


def test_a_custom_required_field_is_required(tmp_path: Path, cli: Callable[..., Result]) -> None:
    result = lint(tmp_path, cli, 'required-fields = ["title", "note"]\n', "--select", "AL102")
    assert result.code == 1, result.err
    assert result.out.count("AL102") == 2, result.out  # neither paper writes a Note


@pytest.mark.parametrize(
    "setting",
    [
        "[check-links]\ntimeout = nan",
        '[check-links]\nexclude = ["(unclosed"]',
        'ignore = [""]',
        'required-fields = ["keywrd"]',
    ],
)
def test_a_bad_value_never_costs_the_other_files_an_internal_error(
    tmp_path: Path, cli: Callable[..., Result], setting: str
) -> None:
    """With --config the error comes before any file is read; never "internal error"."""
    (tmp_path / "README.md").write_text(LIST)
    config = tmp_path / "lint.toml"
    config.write_text(setting + "\n")
    result = cli("--config", str(config), "README.md", cwd=tmp_path)
    assert result.code == 2
    assert "internal error" not in result.err and "Traceback" not in result.err
    assert len(result.err.strip().splitlines()) == 1, result.err


@pytest.mark.parametrize("value", ['"sorted"', "true", '"Alphabetical "'])
def test_a_bad_item_order_is_an_error(
    tmp_path: Path, cli: Callable[..., Result], value: str
) -> None:
    assert_config_error(lint(tmp_path, cli, f"item-order = {value}\n"), "item-order")


@pytest.mark.parametrize(
    ("setting", "words"),
    [
        ('include = "docs/*.md"', ("'include'", "list of strings")),
        ('exclude = [""]', ("'exclude'", "empty glob")),
        ('exclude = ["/"]', ("'exclude'", "empty glob")),
        ('per-file-ignores = "docs/*.md"', ("'per-file-ignores'", "table")),
        ('per-file-ignores = { "docs/*.md" = "AL4" }', ("per-file-ignores", "list of strings")),
        ('per-file-ignores = { "docs/*.md" = ["AL9"] }', ("per-file-ignores", "'AL9'", "no rule")),
        ('per-file-ignores = { "docs/*.md" = [""] }', ("per-file-ignores", "no rule")),
        ('per-file-ignores = { "" = ["AL4"] }', ("per-file-ignores", "empty glob")),
    ],
)
def test_bad_file_selection_keys_are_errors(
    tmp_path: Path, cli: Callable[..., Result], setting: str, words: tuple[str, ...]
) -> None:
    assert_config_error(lint(tmp_path, cli, setting + "\n"), *words)


def test_file_selection_keys_are_read(tmp_path: Path) -> None:
    from awesome_lint.config import parse_settings

    settings = parse_settings(
        {
            "include": ["docs/*.md"],
            "exclude": ["drafts"],
            "per-file-ignores": {"translations/**": ["al4", "AL501"]},
        },
        tmp_path / ".awesome-lint.toml",
    )
    assert (settings.include, settings.exclude) == (("docs/*.md",), ("drafts",))
    assert settings.per_file_ignores == (("translations/**", ("AL4", "AL501")),)
