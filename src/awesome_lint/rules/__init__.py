"""One module per rule; the catalogue lives in ``awesome_lint.registry``."""
