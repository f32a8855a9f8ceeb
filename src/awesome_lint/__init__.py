"""awesome-lint: a contribution-format linter for curated awesome lists."""

__version__ = "0.1.0"
