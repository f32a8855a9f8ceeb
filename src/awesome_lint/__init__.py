"""awesome-lint: a contribution-format linter for curated awesome lists."""

# The one place the version is written: pyproject.toml reads it (dynamic), `--version` prints
# it, and CONTRIBUTING.md's release checklist bumps it.
__version__ = "0.1.0"
