"""The ``dateline`` command: a thin face over the service functions, the pipeline and the evaluations."""

from dateline.cli.commands import main
from dateline.cli import serve_cmd  # noqa: F401  (registers `dateline serve`)
from dateline.cli import export_cmd  # noqa: F401  (registers `dateline export`)
from dateline.cli import watch_cmd  # noqa: F401  (registers `dateline watch`)
from dateline.cli import copy_cmd  # noqa: F401  (registers `dateline copy`)

__all__ = ["main"]
