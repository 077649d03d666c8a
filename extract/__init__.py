"""Extraction and tagging: pure functions over strings, no network, no database."""

from extract import native
from extract.models import Body, Pair

native.guard()  # before any compiled module is imported

__all__ = ["Body", "Pair", "extract_body", "tag_pairs"]


def __getattr__(name: str) -> object:
    """Load the heavy stage functions on first use (importing trafilatura costs ~0.5 s)."""
    if name == "extract_body":
        from extract.body import extract_body

        return extract_body
    if name == "tag_pairs":
        from extract.tagger import tag_pairs

        return tag_pairs
    raise AttributeError(name)
