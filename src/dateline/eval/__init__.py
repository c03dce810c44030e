"""Metrics and dataset loaders behind the ``dateline eval`` commands."""
