"""Whether two articles, in any languages, report the same event."""
