"""Latency of `awesome-lint server`: didChange to publishDiagnostics, warm, vs a cold CLI lint.

For the seed list and generated 1,000- and 10,000-entry lists (bench/generate.py, 10% defects)
it starts one server, opens the list (the first lint warms it), then sends changes one at a
time (a trailing space added to or taken from the last line, so every version has a lint to
publish) and times each from sending didChange to receiving the publishDiagnostics of that
version. The time includes the server's debounce (app.DEBOUNCE). The cold row runs
`awesome-lint --output-format concise FILE` as a fresh process, as pre-commit does.

    .venv/bin/python bench/lsp_latency.py [--runs 10] [--quick]

Needs the `lsp` extra (pygls). Not a timed test: a shared machine moves these numbers.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "seed" / "README.md"
TARGET_SEED_MS = 50.0
TARGET_10K_RATIO = 0.5


async def warm_latencies(path: Path, runs: int) -> tuple[list[float], float]:
    """Seconds from each didChange to its publishDiagnostics, and the first (cold) lint."""
    client = LanguageClient("lsp-latency", "1")
    published: dict[int, float] = {}
    arrived = asyncio.Event()

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_publish(_: LanguageClient, params: types.PublishDiagnosticsParams) -> None:
        published[params.version or 0] = time.perf_counter()
        arrived.set()

    async def wait_for(version: int) -> float:
        while version not in published:
            arrived.clear()
            await asyncio.wait_for(arrived.wait(), 600)
        return published[version]

    await client.start_io(sys.executable, "-m", "awesome_lint", "server")
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
    client.initialized(types.InitializedParams())
    uri = path.resolve().as_uri()
    text = path.read_text("utf-8")
    started = time.perf_counter()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "markdown", 1, text))
    )
    first = await wait_for(1) - started
    lines = text.count("\n")
    end = types.Position(lines, 0)
    latencies = []
    for version in range(2, runs + 2):
        # Alternately add and remove one trailing space at the end of the text.
        if version % 2 == 0:
            change = types.TextDocumentContentChangePartial(types.Range(end, end), " ")
        else:
            change = types.TextDocumentContentChangePartial(
                types.Range(end, types.Position(lines, 1)), ""
            )
        sent = time.perf_counter()
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version, uri), [change]
            )
        )
        latencies.append(await wait_for(version) - sent)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return latencies, first


def cold_cli(path: Path, runs: int) -> list[float]:
    command = [sys.executable, "-m", "awesome_lint", "--output-format", "concise", str(path)]
    subprocess.run(command, capture_output=True)  # untimed warm-up (file cache)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(command, capture_output=True)
        times.append(time.perf_counter() - started)
        if done.returncode not in (0, 1):
            raise SystemExit(f"awesome-lint failed on {path}: {done.stderr.decode()}")
    return times


def generated(folder: Path, entries: int) -> Path:
    out = folder / f"list-{entries}.md"
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "generate.py"),
            "--entries",
            str(entries),
            "--defect-rate",
            "0.1",
            "-o",
            str(out),
        ],
        check=True,
    )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="changes per list (default 10)")
    parser.add_argument("--quick", action="store_true", help="seed and 1,000 entries only")
    args = parser.parse_args()
    compileall.compile_dir(ROOT / "src" / "awesome_lint", quiet=1)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        lists = [("seed", SEED), ("1,000 entries", generated(Path(tmp), 1000))]
        if not args.quick:
            lists.append(("10,000 entries", generated(Path(tmp), 10_000)))
        for name, path in lists:
            runs = args.runs if "10,000" not in name else max(3, args.runs // 2)
            warm, first = asyncio.run(warm_latencies(path, runs))
            cold = cold_cli(path, min(runs, 5))
            rows.append((name, statistics.median(warm), min(warm), first, statistics.median(cold)))
    print(
        "| list | warm didChange→publish (median) | min | first lint in server"
        " | cold CLI | warm / cold |"
    )
    print("|---|---|---|---|---|---|")
    for name, warm, low, first, cold in rows:
        print(
            f"| {name} | {warm * 1000:.0f} ms | {low * 1000:.0f} ms | {first * 1000:.0f} ms"
            f" | {cold * 1000:.0f} ms | {warm / cold:.2f}x |"
        )
    seed_ms = rows[0][1] * 1000
    print(
        f"\nseed: {seed_ms:.0f} ms (target ≤ {TARGET_SEED_MS:.0f} ms): "
        + ("met" if seed_ms <= TARGET_SEED_MS else "NOT met")
    )
    if len(rows) > 2:
        ratio = rows[2][1] / rows[2][4]
        print(
            f"10,000 entries: {ratio:.2f}x cold CLI (target ≤ {TARGET_10K_RATIO}x): "
            + ("met" if ratio <= TARGET_10K_RATIO else "NOT met")
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
