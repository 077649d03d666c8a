"""Persist stage: the only package that imports sqlite_utils."""
