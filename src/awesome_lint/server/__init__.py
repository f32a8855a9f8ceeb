"""``awesome-lint server``: a language server that lints Markdown lists as they are edited.

It speaks the Language Server Protocol over stdin and stdout (pygls, the ``lsp`` extra):
diagnostics on open, change and save; quick fixes, "fix all safe" and "disable for this line"
as code actions; a rule's documentation on hover. The modules below this one do the work:
``positions`` (offsets to protocol positions), ``session`` (linting open documents, settings
per folder), ``actions`` (code actions and hovers) and ``app`` (the protocol handlers).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

EXIT_OK, EXIT_ERROR = 0, 2
USAGE = "usage: awesome-lint server [--stdio]"


def main(argv: Sequence[str], err: TextIO) -> int:
    """Serve on stdin/stdout until the client says exit; 2 for bad arguments or no pygls.

    Serving ends the process (SystemExit with the protocol's exit code).
    """
    extra = [a for a in argv if a != "--stdio"]  # editors' clients often pass --stdio
    if extra:
        if extra[0] in ("-h", "--help"):
            err.write(USAGE + "\n")
            return EXIT_OK
        err.write(f"awesome-lint: error: unknown server argument {extra[0]!r} ({USAGE})\n")
        return EXIT_ERROR
    try:
        import lsprotocol  # noqa: F401
        import pygls  # noqa: F401
    except ImportError:
        err.write(
            "awesome-lint: error: the language server needs pygls: "
            "pip install 'awesome-lint[lsp]'\n"
        )
        return EXIT_ERROR
    from awesome_lint.server.app import serve

    # The protocol owned stdout and closed it: end here, with no report to flush after it.
    raise SystemExit(serve())
