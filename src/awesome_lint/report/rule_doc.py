"""A rule's documentation as Markdown: for ``--explain`` and for docs/rules.md.

The rules' docstrings write code the reStructuredText way (````x````); Markdown wants
```x```. Examples (``Okay:`` and ``ALxxx:`` lines) become fenced ``markdown`` blocks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from awesome_lint.registry import RuleSpec

FIX_KINDS = {
    "safe": "safe: `--fix` applies it",
    "unsafe": "unsafe: applied only with `--fix --unsafe-fixes`",
    "none": "none: only the author can repair it",
}
_EXAMPLE = re.compile(r"^(Okay|AL\d{3}):\s?(.*)$")
_LITERAL = re.compile(r"``((?:[^`\n]|`(?!`)|\n(?![ \t]*\n))+?)``")  # within a paragraph
_FENCE = re.compile(r"^\s*(```|~~~)")


def markdown_literals(text: str) -> str:
    """````x```` as ```x```; a literal holding a backtick keeps two, padded: ```` `` a`b `` ````.
    Fenced code is left as written."""
    chunks: list[list[str]] = [[]]  # prose and fenced code, alternating
    for line in text.split("\n"):
        if _FENCE.match(line):
            chunks[-1].append(line)
            chunks.append([])
        else:
            chunks[-1].append(line)
    return "\n".join(
        _LITERAL.sub(_literal, "\n".join(chunk)) if i % 2 == 0 else "\n".join(chunk)
        for i, chunk in enumerate(chunks)
    )


def _literal(match: re.Match[str]) -> str:
    inner = match.group(1)
    return f"`` {inner.strip()} ``" if "`" in inner else f"`{inner}`"


def sentence(summary: str) -> str:
    summary = summary.strip()
    if not summary:
        return ""
    summary = summary[0].upper() + summary[1:]
    return summary if summary.endswith((".", "!", "?")) else summary + "."


def section(rule: RuleSpec, level: int = 3) -> list[str]:
    """The rule's section: heading ``ALxxx name``, summary, fix kind, prose, examples."""
    doc_lines = rule.doc.splitlines()
    lines = [f"{'#' * level} {rule.code} {rule.name}", "", sentence(rule.summary), ""]
    lines.append(f"Fix: {FIX_KINDS[rule.fix]}.")
    if not rule.default:
        lines.append(f"Off by default: runs only with `--select {rule.code}` (or its option).")
    prose: list[str] = []
    examples: list[tuple[str, list[str]]] = []
    for line in doc_lines[1:]:
        match = _EXAMPLE.match(line)
        if match:
            label = match.group(1)
            aligned = len(line) > 7 and not line[len(label) + 1 : 7].strip()
            examples.append((label, [line[7:] if aligned else match.group(2)]))
        elif examples and line.strip():
            examples[-1][1].append(line[7:] if line[:7].isspace() else line.strip())
        elif not examples:
            prose.append(line)
    text = markdown_literals("\n".join(prose).strip())
    if text:
        lines += ["", text]
    for label, example in examples:
        lines += ["", f"{label}:", "", "```markdown", *example, "```"]
    return lines


def explain(rule: RuleSpec) -> str:
    """``--explain``: the rule's section as a Markdown page, with its docs link."""
    return "\n".join([*section(rule, level=1), "", f"Docs: <{rule.url}>"]) + "\n"


FIX_MARKS = {"safe": "[*]", "unsafe": "[unsafe]", "none": ""}


def rule_table(rules: Sequence[RuleSpec]) -> str:
    """``--list-rules``: code, name, fix mark and summary, each in its own aligned column."""
    name_width = max(len(r.name) for r in rules)
    mark_width = max(len(mark) for mark in FIX_MARKS.values())
    rows = []
    for r in rules:
        off = "" if r.default else " (off by default)"
        row = (
            f"{r.code}  {r.name:<{name_width}}  {FIX_MARKS[r.fix]:<{mark_width}}  {r.summary}{off}"
        )
        rows.append(row.rstrip())
    return "\n".join(rows) + "\n"
