"""Stage `compare`, second half: the claims of one event's reports compared across sources
and languages: agreed by several independent sources, reported by one, or differing."""

from dateline.compare.event import compare_event
from dateline.compare.records import Comparison, Evidence, Fact, Report, Source
from dateline.compare.render import comparison_dict, render_comparison

__all__ = ["Comparison", "Evidence", "Fact", "Report", "Source", "compare_event", "comparison_dict",
           "render_comparison"]
