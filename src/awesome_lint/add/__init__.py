"""``awesome-lint add``: a new entry in the list's own format (``style``, ``writer``,
``placement``; ``command`` is its edge: arguments, reading, writing)."""
