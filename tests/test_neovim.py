"""Neovim (headless) runs the docs/editors.md snippet, attaches to the server, gets diagnostics."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import FIXTURES

ROOT = Path(__file__).resolve().parent.parent
EMOJI = FIXTURES / "server" / "emoji" / "README.md"
CHECK = """
vim.wait(30000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local out = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local lsp = d.user_data and d.user_data.lsp or {}
  table.insert(out, string.format("%s %d %d", d.code or lsp.code, d.lnum, d.col))
end
vim.fn.writefile(out, os.getenv("NVIM_OUT"))
vim.cmd("qa!")
"""


def documented_snippet() -> str:
    text = (ROOT / "docs" / "editors.md").read_text("utf-8")
    neovim = text.split("\n## Neovim\n", 1)[1]
    match = re.search(r"```lua\n(.*?)```", neovim, re.DOTALL)
    assert match, "docs/editors.md: no lua snippet under ## Neovim"
    return match.group(1)


@pytest.mark.skipif(
    shutil.which("nvim") is None, reason="nvim not installed (apt-get install neovim)"
)
def test_neovim_attaches_and_shows_the_diagnostics(tmp_path: Path) -> None:
    pytest.importorskip("pygls", reason="the server needs the 'lsp' extra")
    scripts = Path(sys.executable).parent
    if not (scripts / "awesome-lint").exists():
        pytest.skip("the awesome-lint console script is not installed beside this Python")
    (tmp_path / "init.lua").write_text(documented_snippet(), encoding="utf-8")
    (tmp_path / "check.lua").write_text(CHECK, encoding="utf-8")
    shutil.copy(EMOJI, tmp_path / "README.md")
    out = tmp_path / "out.txt"
    env = {**os.environ, "PATH": f"{scripts}{os.pathsep}{os.environ.get('PATH', '')}"}
    env["NVIM_OUT"] = str(out)
    env["XDG_CONFIG_HOME"] = env["XDG_DATA_HOME"] = env["XDG_STATE_HOME"] = str(tmp_path / "xdg")
    subprocess.run(
        ["nvim", "--headless", "-u", "init.lua", "-c", "luafile check.lua", "README.md"],
        cwd=tmp_path,
        env=env,
        timeout=90,
        check=True,
        capture_output=True,
    )
    line = EMOJI.read_text("utf-8").split("\n")[4]
    # Neovim keeps columns as byte offsets: the server's UTF-16 range, converted back exactly.
    trailing = len(line.rstrip(" ").encode("utf-8"))
    assert out.read_text("utf-8").split() == ["AL405", "4", str(trailing), "AL407", "5", "2"]
