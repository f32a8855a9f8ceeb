"""``python -m awesome_lint`` and the ``awesome-lint`` console script.

The process edge: Ctrl-C is one line and exit 130; a reader that went away (``| head -1``)
ends the run quietly with exit 0, as ruff does; a report that cannot be written at all
(stdout closed, ``>/dev/full``) is one line on stderr and exit 2. Never a traceback.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Sequence
from typing import TextIO, cast

EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C
EXIT_BROKEN_PIPE = 0  # the reader has all it wanted: ruff exits 0 here too


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except KeyboardInterrupt:
        _quiet_stdout()
        _say("awesome-lint: interrupted")
        return EXIT_INTERRUPTED


def _main(argv: Sequence[str] | None) -> int:
    import gc

    # A lint allocates millions of small objects and makes no reference cycles (measured: none
    # left per lint); at the default thresholds the cyclic collector walks them all again and
    # again, 6-10% of a big list's run. Collections still happen, a hundred times less often.
    gc.set_threshold(100_000, 50, 100)
    from awesome_lint.cli import run

    # None when the descriptor was closed (``>&-``) before Python started.
    stdout = sys.stdout or cast(TextIO, _Closed())
    stderr = sys.stderr or cast(TextIO, _Discard())
    try:
        code = run(argv, stdout=stdout, stderr=stderr)
        stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as error:
        _quiet_stdout()
        _say(f"awesome-lint: error: cannot write the report: {error.strerror or error}")
        return 2
    return code


class _Closed(io.TextIOBase):
    """A closed stdout: writing to it fails as writing to a closed descriptor does."""

    def write(self, text: str) -> int:
        import errno

        raise OSError(errno.EBADF, "stdout is closed")


class _Discard(io.TextIOBase):
    """A closed stderr: its notes go nowhere, and the exit code still says what happened."""

    def write(self, text: str) -> int:
        return len(text)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush has nothing to complain of."""
    if sys.stdout is None:
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _say(line: str) -> None:
    try:
        if sys.stderr is not None:
            sys.stderr.write(line + "\n")
            sys.stderr.flush()
    except (OSError, ValueError):
        pass  # stderr is gone too: the exit code says it


def entry() -> int:
    """The process itself (the console script and ``python -m``): ``main()``, then an exit
    that skips the interpreter's teardown.

    Freeing every module and the last objects one by one at exit cost ~16 ms of a
    ``--version`` run and ~24 ms of a big list's (measured), on every run of the pre-commit
    hook, for nothing: the OS takes the memory back at once. The report is flushed first; if
    a flush fails, the usual exit says so as it always did. Files are written and closed
    before ``main()`` returns, and there are no threads or atexit handlers to wait for. Tests
    call ``main()``, which returns.
    """
    code = main()
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        return code  # let the interpreter's own exit report it
    os._exit(code)


if __name__ == "__main__":
    sys.exit(entry())
