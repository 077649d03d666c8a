"""One spider per source; each only navigates and yields `Page` items."""
