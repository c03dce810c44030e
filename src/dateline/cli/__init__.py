"""The ``dateline`` command: a thin face over the service functions, the pipeline and the evaluations."""

from dateline.cli.commands import main

__all__ = ["main"]
