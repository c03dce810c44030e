"""Stage-runner for a living monitor: poll feeds and pages around the clock and run each new item
through the whole pipeline (``dateline watch``)."""
