"""The protocol handlers: documents in, diagnostics, code actions and hovers out.

Linting runs on one worker thread, so the server keeps reading messages while a big list is
linted. Every open, change, save and close of a document takes a new ticket; a lint starts
after a short pause (``DEBOUNCE``) only if its ticket is still the newest, and its result is
published only if no newer ticket was taken while it ran: the latest text wins and an older
lint never overwrites a newer one.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from awesome_lint import __version__
from awesome_lint.config import ConfigError
from awesome_lint.fixer import FixError
from awesome_lint.server import actions
from awesome_lint.server.positions import UTF16, Positions
from awesome_lint.server.session import Linted, SettingsCache, fix_all, lint

DEBOUNCE = 0.005  # seconds of quiet after a change: a burst of edits (a paste, an undo) lints once
MARKDOWN_LANGUAGES = frozenset({"markdown", "mdx"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})


class AwesomeLintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("awesome-lint", __version__)
        self.settings = SettingsCache()
        self.linted: dict[str, Linted] = {}
        self.tickets: dict[str, int] = {}
        self.markdown: set[str] = set()
        self.shown_errors: set[str] = set()
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="awesome-lint")
        self.lock = asyncio.Lock()
        self.tasks: set[asyncio.Task[None]] = set()

    @property
    def encoding(self) -> str:
        encoding = self.workspace.position_encoding
        return str(getattr(encoding, "value", encoding) or UTF16)

    def positions(self, linted: Linted) -> Positions:
        return Positions(linted.document, self.encoding)

    def schedule(self, uri: str, delay: float) -> None:
        ticket = self.tickets[uri] = self.tickets.get(uri, 0) + 1
        task = asyncio.get_running_loop().create_task(self._lint_later(uri, ticket, delay))
        self.tasks.add(task)  # a task nobody holds may be collected before it ran
        task.add_done_callback(self.tasks.discard)

    def forget(self, uri: str) -> None:
        self.tickets[uri] = self.tickets.get(uri, 0) + 1  # a lint still running is dropped
        self.linted.pop(uri, None)
        self.markdown.discard(uri)
        self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri, []))

    async def _lint_later(self, uri: str, ticket: int, delay: float) -> None:
        await asyncio.sleep(delay)
        async with self.lock:
            if self.tickets.get(uri) != ticket:
                return  # a newer change: its own task lints the newer text
            linted = await self.lint_now(uri)
            if self.tickets.get(uri) != ticket:
                return
            if linted is None:
                self.linted.pop(uri, None)
                diagnostics: list[types.Diagnostic] = []
                version = self.workspace.get_text_document(uri).version
            else:
                self.linted[uri] = linted
                positions = self.positions(linted)
                diagnostics = [actions.diagnostic(d, positions, uri) for d in linted.diagnostics]
                version = linted.version
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri, diagnostics, version)
            )

    async def lint_now(self, uri: str) -> Linted | None:
        """A lint of the document's current text; None when its config is broken."""
        document = self.workspace.get_text_document(uri)
        path = to_fs_path(uri) if uri.startswith("file:") else None
        folder = Path(path).parent if path else Path(self.workspace.root_path or ".")
        try:
            selection = self.settings.for_folder(folder)
        except ConfigError as error:
            self.config_error(str(error))
            return None
        text, version = document.source, document.version
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(
                self.worker, lint, text, path or "<stdin>", version, selection, self.linted.get(uri)
            )
        except ConfigError as error:
            self.config_error(str(error))
            return None
        except Exception as error:  # a bug costs this lint, never the server
            self.window_log_message(
                types.LogMessageParams(
                    types.MessageType.Error,
                    f"awesome-lint: internal error linting {uri}: {type(error).__name__}: {error}",
                )
            )
            return None

    async def current(self, uri: str) -> Linted | None:
        """The lint of the text as it is now: the last one, or a new one if the text moved on."""
        if uri not in self.markdown:
            return None
        linted = self.linted.get(uri)
        document = self.workspace.get_text_document(uri)
        if linted is not None and linted.document.text == document.source:
            return linted
        return await self.lint_now(uri)

    def config_error(self, message: str) -> None:
        """Shown once in the editor (each distinct message), logged every time."""
        self.window_log_message(types.LogMessageParams(types.MessageType.Error, message))
        if message in self.shown_errors:
            return
        self.shown_errors.add(message)
        self.window_show_message(
            types.ShowMessageParams(types.MessageType.Error, f"awesome-lint: {message}")
        )

    def resolves_edits(self) -> bool:
        """Whether the client fills a code action's edit in later (codeAction/resolve)."""
        text_document = self.client_capabilities.text_document
        code_action = text_document.code_action if text_document else None
        support = code_action.resolve_support if code_action else None
        return bool(support and "edit" in support.properties)


def _is_markdown(document: types.TextDocumentItem) -> bool:
    if document.language_id in MARKDOWN_LANGUAGES:
        return True
    return Path(document.uri.split("?", 1)[0]).suffix.lower() in MARKDOWN_SUFFIXES


async def did_open(ls: AwesomeLintServer, params: types.DidOpenTextDocumentParams) -> None:
    if _is_markdown(params.text_document):
        ls.markdown.add(params.text_document.uri)
        ls.schedule(params.text_document.uri, 0)


async def did_change(ls: AwesomeLintServer, params: types.DidChangeTextDocumentParams) -> None:
    if params.text_document.uri in ls.markdown:
        ls.schedule(params.text_document.uri, DEBOUNCE)


async def did_save(ls: AwesomeLintServer, params: types.DidSaveTextDocumentParams) -> None:
    if params.text_document.uri in ls.markdown:
        ls.schedule(params.text_document.uri, 0)  # the files beside it may have changed too


async def did_close(ls: AwesomeLintServer, params: types.DidCloseTextDocumentParams) -> None:
    if params.text_document.uri in ls.markdown:
        ls.forget(params.text_document.uri)


def _wants(only: list[str] | None, kind: str) -> bool:
    return only is None or any(kind == k or kind.startswith(k + ".") for k in only)


async def code_action(
    ls: AwesomeLintServer, params: types.CodeActionParams
) -> list[types.CodeAction] | None:
    uri = params.text_document.uri
    linted = await ls.current(uri)
    if linted is None:
        return None
    positions = ls.positions(linted)
    only = [str(getattr(k, "value", k)) for k in params.context.only or ()] or None
    found = actions.at(
        linted, positions.offset(params.range.start), positions.offset(params.range.end)
    )
    result: list[types.CodeAction] = []
    if _wants(only, actions.QUICK_FIX):
        result.extend(actions.quick_fixes(linted, found, positions, uri))
        result.extend(actions.disable_line(linted, found, positions, uri))
    if _wants(only, actions.FIX_ALL) and actions.fixable(linted):
        if ls.resolves_edits():
            action = actions.fix_all_action(linted, None, positions, uri)
            action.data = {"uri": uri}
            result.append(action)
        else:
            fixed = await _fixed(ls, linted)
            if fixed is not None:
                result.append(actions.fix_all_action(linted, fixed, positions, uri))
    return result


async def resolve_code_action(ls: AwesomeLintServer, action: types.CodeAction) -> types.CodeAction:
    data: Any = action.data
    uri = data.get("uri") if isinstance(data, dict) else None
    if action.kind != actions.FIX_ALL or not isinstance(uri, str):
        return action
    linted = await ls.current(uri)
    if linted is not None:
        fixed = await _fixed(ls, linted)
        if fixed is not None:
            action.edit = actions.whole_edit(linted, fixed, ls.positions(linted), uri)
    return action


async def _fixed(ls: AwesomeLintServer, linted: Linted) -> str | None:
    try:
        return await asyncio.get_running_loop().run_in_executor(ls.worker, fix_all, linted)
    except FixError as error:
        ls.window_log_message(
            types.LogMessageParams(types.MessageType.Warning, f"awesome-lint: {error}")
        )
        return None


async def hover(ls: AwesomeLintServer, params: types.HoverParams) -> types.Hover | None:
    linted = await ls.current(params.text_document.uri)
    if linted is None:
        return None
    positions = ls.positions(linted)
    return actions.hover(linted, positions.offset(params.position), positions)


def build() -> AwesomeLintServer:
    """A server with its handlers registered (one per process; nothing global)."""
    ls = AwesomeLintServer()
    ls.feature(types.TEXT_DOCUMENT_DID_OPEN)(did_open)
    ls.feature(types.TEXT_DOCUMENT_DID_CHANGE)(did_change)
    ls.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))(did_save)
    ls.feature(types.TEXT_DOCUMENT_DID_CLOSE)(did_close)
    ls.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, actions.FIX_ALL],
            resolve_provider=True,
        ),
    )(code_action)
    ls.feature(types.CODE_ACTION_RESOLVE)(resolve_code_action)
    ls.feature(types.TEXT_DOCUMENT_HOVER)(hover)
    return ls


def serve() -> int:
    """Serve until the client says exit: 0 after a shutdown request, else 1 (as the spec says)."""
    ls = build()
    ls.start_io()
    return 0 if getattr(ls.protocol, "_shutdown", True) else 1
