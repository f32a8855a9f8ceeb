"""Offline English spelling tuned for lists of ML and RL papers (used by AL401).

Importing this package reads no data; ``load_speller()`` reads it on first use.
"""

from awesome_lint.spelling.speller import Speller, Suggestion, known_typo, load_speller

__all__ = ["Speller", "Suggestion", "known_typo", "load_speller"]
