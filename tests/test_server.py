"""`awesome-lint server` end to end: a real LSP client process (pytest-lsp) drives the server."""

from __future__ import annotations

import asyncio
import io
import json
import shutil
import subprocess
import sys
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import pytest

pytest_lsp = pytest.importorskip("pytest_lsp", reason="the 'test' extra installs pytest-lsp")
from lsprotocol import types  # noqa: E402
from pygls.protocol import default_converter  # noqa: E402
from pytest_lsp import ClientServerConfig, LanguageClient  # noqa: E402
from pytest_lsp.client import DEFAULT_CLIENT_FEATURES, register_lsp_features  # noqa: E402

from awesome_lint.cli import run  # noqa: E402
from awesome_lint.config import Settings  # noqa: E402
from awesome_lint.linter import lint_text  # noqa: E402
from awesome_lint.registry import BY_CODE, select_rules  # noqa: E402
from awesome_lint.report.rule_doc import explain  # noqa: E402

from .conftest import FIXTURES, SEED  # noqa: E402

SERVER = [sys.executable, "-m", "awesome_lint", "server"]
PUBLISH = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS
EMOJI = FIXTURES / "server" / "emoji" / "README.md"
BROKEN = FIXTURES / "server" / "broken-config"
TIMEOUT = 30


class RecordingClient(LanguageClient):
    """pytest-lsp's client, keeping every publishDiagnostics in order (not just the last)."""

    published: list[types.PublishDiagnosticsParams]


def recording_client() -> LanguageClient:
    client = RecordingClient(converter_factory=default_converter)
    client.published = []

    def record(ls: RecordingClient, params: types.PublishDiagnosticsParams) -> None:
        ls.diagnostics[params.uri] = params.diagnostics
        ls.published.append(params)

    features = dict(DEFAULT_CLIENT_FEATURES)
    features[PUBLISH] = record
    register_lsp_features(client, features)
    return client


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=SERVER, client_factory=recording_client)
)
async def client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    yield
    await lsp_client.shutdown_session()


async def start(client: RecordingClient, *encodings: str) -> types.InitializeResult:
    general = types.GeneralClientCapabilities(position_encodings=list(encodings) or None)
    capabilities = types.ClientCapabilities(general=general)
    return await client.initialize_session(types.InitializeParams(capabilities=capabilities))


def uri_of(path: Path) -> str:
    return path.resolve().as_uri()


def open_doc(client: RecordingClient, path: Path, text: str | None = None) -> str:
    uri = uri_of(path)
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(
                uri, "markdown", 1, path.read_text("utf-8") if text is None else text
            )
        )
    )
    return uri


def change_doc(client: RecordingClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(version, uri),
            [types.TextDocumentContentChangeWholeDocument(text)],
        )
    )


async def diagnostics_of(
    client: RecordingClient, uri: str, version: int = 1
) -> Sequence[types.Diagnostic]:
    """The diagnostics published for ``version`` of the document."""

    async def published() -> types.PublishDiagnosticsParams:
        while True:
            for params in reversed(client.published):  # type: ignore[attr-defined]
                if params.uri == uri and params.version == version:
                    return params  # type: ignore[no-any-return]
            await client.wait_for_notification(PUBLISH)

    return (await asyncio.wait_for(published(), TIMEOUT)).diagnostics


def offset_of(text: str, position: types.Position, encoding: str = "utf-16") -> int:
    """The test's own conversion: lines split on "\\n", columns in ``encoding`` units."""
    start = sum(len(line) + 1 for line in text.split("\n")[: position.line])
    line = text.split("\n")[position.line]
    column = 0
    for i, char in enumerate(line):
        if column >= position.character:
            return start + i
        column += 1 if encoding == "utf-32" else len(char.encode("utf-16-le")) // 2
    return start + len(line)


def apply(text: str, edits: Sequence[types.TextEdit]) -> str:
    spans = sorted(
        ((offset_of(text, e.range.start), offset_of(text, e.range.end), e.new_text) for e in edits),
        reverse=True,
    )
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def edits_of(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    assert action.edit is not None and action.edit.changes is not None
    return list(action.edit.changes[uri])


def codes(text: str) -> list[str]:
    return [d.code for d in lint_text(text, Settings(), select_rules(None, (), ()))]


async def actions_at(
    client: RecordingClient, uri: str, range_: types.Range, only: list[str] | None = None
) -> list[types.CodeAction]:
    found = await client.text_document_code_action_async(
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri),
            range_,
            types.CodeActionContext(diagnostics=[], only=only),  # type: ignore[arg-type]
        )
    )
    return [a for a in found or () if isinstance(a, types.CodeAction)]


@pytest.mark.asyncio
async def test_open_publishes_what_the_command_line_reports(client: RecordingClient) -> None:
    await start(client, "utf-32")  # columns in code points, as the CLI's json counts them
    uri = open_doc(client, SEED)
    got = await diagnostics_of(client, uri)
    out = io.StringIO()
    assert run(["--output-format", "json", str(SEED)], stdout=out, stderr=io.StringIO()) == 1
    expected = [
        (
            d["code"],
            d["location"]["row"] - 1,
            d["location"]["column"] - 1,
            d["end_location"]["row"] - 1,
            d["end_location"]["column"] - 1,
            d["message"],
            d["url"],
        )
        for d in json.loads(out.getvalue())
    ]
    assert len(expected) > 20
    assert [
        (
            d.code,
            d.range.start.line,
            d.range.start.character,
            d.range.end.line,
            d.range.end.character,
            d.message,
            d.code_description.href if d.code_description else None,
        )
        for d in got
    ] == expected
    assert {d.severity for d in got} == {types.DiagnosticSeverity.Error}
    assert got[0].code_description is not None
    assert got[0].code_description.href.startswith(
        "https://github.com/awesome-lint/awesome-lint/blob/main/docs/rules.md#al"
    )


@pytest.mark.asyncio
async def test_a_change_publishes_the_new_set_and_close_clears_it(client: RecordingClient) -> None:
    await start(client)
    text = EMOJI.read_text("utf-8")
    uri = open_doc(client, EMOJI, text)
    assert [d.code for d in await diagnostics_of(client, uri)] == ["AL405", "AL407"]
    fixed = text.replace("things.   \n", "things.\n")
    changed = fixed + "- [Tool](https://example.com/tool) - Good,bad.  \t\n"
    change_doc(client, uri, 2, changed)
    now = await diagnostics_of(client, uri, 2)
    assert [d.code for d in now] == codes(changed)
    assert [(d.code, d.range.start.line) for d in now if d.code == "AL405"] == [("AL405", 6)]
    client.text_document_did_close(
        types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri))
    )
    await asyncio.wait_for(client.wait_for_notification(PUBLISH), TIMEOUT)
    assert list(client.diagnostics[uri]) == []


@pytest.mark.asyncio
async def test_the_latest_text_wins(client: RecordingClient) -> None:
    """Changes sent faster than a lint: the last version is published, none after it."""
    await start(client)
    text = SEED.read_text("utf-8")
    uri = open_doc(client, SEED, text)
    await diagnostics_of(client, uri)
    for version in range(2, 8):
        change_doc(client, uri, version, text + "\nword " * version)
    final = text.replace("Dataset;", "Dataset:")
    change_doc(client, uri, 8, final)
    last = await diagnostics_of(client, uri, 8)
    assert "AL105" not in [d.code for d in last]
    await asyncio.sleep(0.5)  # anything still in flight would arrive now
    versions = [p.version for p in client.published if p.uri == uri]  # type: ignore[attr-defined]
    assert versions == sorted(versions)
    assert versions[-1] == 8
    assert len(versions) < 8  # the burst of changes was linted fewer times than it was sent


@pytest.mark.asyncio
async def test_quick_fixes_and_fix_all_leave_the_list_clean_of_those_codes(
    client: RecordingClient,
) -> None:
    await start(client)
    text = SEED.read_text("utf-8")
    uri = open_doc(client, SEED, text)
    found = await diagnostics_of(client, uri)
    label = next(d for d in found if d.code == "AL105")
    offered = await actions_at(client, uri, label.range)
    fix = next(a for a in offered if a.title.startswith("AL105:") and "disable" not in a.title)
    assert fix.kind == types.CodeActionKind.QuickFix and fix.is_preferred
    assert fix.diagnostics and fix.diagnostics[0].code == "AL105"
    quick = apply(text, edits_of(fix, uri))
    assert codes(text).count("AL105") - codes(quick).count("AL105") == 1
    assert "Dataset:" in quick.splitlines()[label.range.start.line]

    mixed = next(d for d in found if d.code == "AL406")  # "DOmain": an unsafe fix
    unsafe = [
        a
        for a in await actions_at(client, uri, mixed.range, ["quickfix"])
        if a.title.startswith("AL406:") and "disable" not in a.title
    ]
    assert unsafe and unsafe[0].title.endswith("(unsafe)") and not unsafe[0].is_preferred

    whole = types.Range(types.Position(0, 0), types.Position(0, 0))
    fix_all = await actions_at(client, uri, whole, ["source.fixAll"])
    assert [a.kind for a in fix_all] == ["source.fixAll.awesome-lint"]
    fixed = apply(text, edits_of(fix_all[0], uri))
    safe = {d.code for d in found if BY_CODE[d.code].fix == "safe"}
    assert {"AL105", "AL405", "AL408"} <= safe
    assert safe.isdisjoint(codes(fixed)), codes(fixed)
    assert "AL406" in codes(fixed)  # the unsafe fix is left for a person to choose


@pytest.mark.asyncio
async def test_disable_for_this_line_silences_that_diagnostic_only(client: RecordingClient) -> None:
    await start(client)
    text = SEED.read_text("utf-8")
    uri = open_doc(client, SEED, text)
    label = next(d for d in await diagnostics_of(client, uri) if d.code == "AL105")
    offered = await actions_at(client, uri, label.range)
    disable = next(a for a in offered if a.title == "AL105: disable for this line")
    silenced = apply(text, edits_of(disable, uri))
    line = text.splitlines()[label.range.start.line]
    indent = line[: len(line) - len(line.lstrip())]
    assert silenced.splitlines()[label.range.start.line : label.range.start.line + 2] == [
        f"{indent}<!-- awesome-lint-disable-next-line AL105 -->",
        line,
    ]
    before, after = codes(text), codes(silenced)
    before.remove("AL105")
    assert sorted(after) == sorted(before)


@pytest.mark.asyncio
async def test_hover_on_a_diagnostic_explains_its_rule(client: RecordingClient) -> None:
    await start(client)
    uri = open_doc(client, EMOJI)
    padded = next(d for d in await diagnostics_of(client, uri) if d.code == "AL407")
    middle = types.Position(padded.range.start.line, padded.range.start.character + 3)
    shown = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), middle)
    )
    assert shown is not None and isinstance(shown.contents, types.MarkupContent)
    assert explain(BY_CODE["AL407"]) in shown.contents.value
    assert shown.range == padded.range
    nowhere = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(0, 2))
    )
    assert nowhere is None


@pytest.mark.asyncio
@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8"])
async def test_emoji_and_cjk_before_the_defect_give_the_right_range(
    client: RecordingClient, encoding: str
) -> None:
    result = await start(client, encoding)
    assert result.capabilities.position_encoding == encoding
    text = EMOJI.read_text("utf-8")
    uri = open_doc(client, EMOJI, text)
    trailing = next(d for d in await diagnostics_of(client, uri) if d.code == "AL405")
    line = text.split("\n")[4]
    prefix = line.rstrip(" ")
    expected = len(
        prefix.encode(encoding.replace("utf-16", "utf-16-le").replace("utf-32", "utf-32-le"))
    )
    expected //= {"utf-8": 1, "utf-16": 2, "utf-32": 4}[encoding]
    assert trailing.range == types.Range(
        types.Position(4, expected), types.Position(4, expected + 3)
    )
    if encoding == "utf-16":
        assert expected == len(prefix) + 2  # the rocket and U+2000B are two units each
    # The fix lands on the same characters when applied in the client's units.
    if encoding != "utf-8":
        fix = next(
            a
            for a in await actions_at(client, uri, trailing.range, ["quickfix"])
            if a.title.startswith("AL405:")
        )
        edits = edits_of(fix, uri)
        first = offset_of(text, edits[0].range.start, encoding)
        last = offset_of(text, edits[0].range.end, encoding)
        assert text[first:last] == "   "


@pytest.mark.asyncio
async def test_a_malformed_config_is_shown_once_and_the_server_keeps_serving(
    client: RecordingClient, tmp_path: Path
) -> None:
    await start(client)
    folder = tmp_path / "list"
    shutil.copytree(BROKEN, folder)
    readme = folder / "README.md"
    uri = open_doc(client, readme)
    await diagnostics_of(client, uri)  # none: nothing is checked with a config it cannot read
    change_doc(client, uri, 2, readme.read_text("utf-8") + "\n")
    assert list(await diagnostics_of(client, uri, 2)) == []
    other = folder / "OTHER.md"
    other.write_text("text   \n", encoding="utf-8")
    await diagnostics_of(client, open_doc(client, other))
    shown = [m for m in client.messages if "invalid TOML" in m.message]
    assert len(shown) == 1, client.messages
    assert shown[0].type == types.MessageType.Error
    assert str(folder / ".awesome-lint.toml") in shown[0].message
    # Still serving: another folder lints, and the repaired config is read on the next change.
    elsewhere = tmp_path / "EMOJI.md"
    elsewhere.write_text(EMOJI.read_text("utf-8"), encoding="utf-8")
    assert [d.code for d in await diagnostics_of(client, open_doc(client, elsewhere))] == [
        "AL405",
        "AL407",
    ]
    (folder / ".awesome-lint.toml").write_text('select = ["AL4"]\n', encoding="utf-8")
    change_doc(client, uri, 3, readme.read_text("utf-8"))
    assert [d.code for d in await diagnostics_of(client, uri, 3)] == ["AL405"]
    assert len(client.messages) == 1


@pytest.mark.asyncio
async def test_only_markdown_documents_are_linted(client: RecordingClient, tmp_path: Path) -> None:
    await start(client)
    script = tmp_path / "notes.py"
    script.write_text("x = 1   \n", encoding="utf-8")
    uri = script.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "python", 1, "x = 1   \n"))
    )
    markdown = open_doc(client, EMOJI)
    await diagnostics_of(client, markdown)
    assert uri not in client.diagnostics


def test_without_pygls_the_server_names_the_extra() -> None:
    code = (
        "import sys; sys.modules['pygls'] = None; "
        "from awesome_lint.__main__ import main; sys.exit(main(['server']))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "pip install 'awesome-lint[lsp]'" in done.stderr
    assert done.stdout == ""


@pytest.mark.asyncio
async def test_a_config_naming_an_unknown_field_is_an_error_as_on_the_command_line(
    client: RecordingClient, tmp_path: Path
) -> None:
    await start(client)
    shutil.copy(EMOJI, tmp_path / "README.md")
    (tmp_path / ".awesome-lint.toml").write_text('required-fields = ["keywrd"]\n', "utf-8")
    uri = open_doc(client, tmp_path / "README.md")
    assert list(await diagnostics_of(client, uri)) == []
    assert [m.type for m in client.messages] == [types.MessageType.Error]
    assert "required-fields names 'keywrd'" in client.messages[0].message


@pytest.mark.asyncio
async def test_fix_all_is_resolved_later_for_a_client_that_resolves_edits(
    client: RecordingClient,
) -> None:
    resolve = types.ClientCodeActionResolveOptions(properties=["edit"])
    capabilities = types.ClientCapabilities(
        text_document=types.TextDocumentClientCapabilities(
            code_action=types.CodeActionClientCapabilities(resolve_support=resolve)
        )
    )
    await client.initialize_session(types.InitializeParams(capabilities=capabilities))
    text = EMOJI.read_text("utf-8")
    uri = open_doc(client, EMOJI, text)
    await diagnostics_of(client, uri)
    nowhere = types.Range(types.Position(0, 0), types.Position(0, 0))
    (lazy,) = await actions_at(client, uri, nowhere, ["source.fixAll.awesome-lint"])
    assert lazy.edit is None  # computed only when the user picks it
    resolved = await client.code_action_resolve_async(lazy)
    assert codes(apply(text, edits_of(resolved, uri))) == []
