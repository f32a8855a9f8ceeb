"""``--check-metadata``: entries against their papers' records (lookup, cache, compare)."""
