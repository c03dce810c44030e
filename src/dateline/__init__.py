"""Dateline: raw news reports in any language -> a database of real-world events."""

__version__ = "0.1.0"
