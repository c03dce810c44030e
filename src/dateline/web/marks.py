"""A report's text as HTML with the comparison's facts marked at their offsets."""

from __future__ import annotations

from html import escape

from markupsafe import Markup

_RANK = {"agreed": 1, "single": 2, "differing": 3, "mention": 1, "time": 2}  # where spans overlap, the strongest status shows


def fact_spans(comparison: dict, article_id: str) -> list[tuple[int, int, str, str]]:
    """(start, end, status, fact key) of every piece of evidence in ``article_id``'s text."""
    spans = []
    for status in ("agreed", "single", "differing"):
        for fact in comparison.get(status, []):
            for report in fact["reports"]:
                for ev in report["evidence"]:
                    if ev["article_id"] == article_id and ev["end"] > ev["start"]:
                        spans.append((ev["start"], ev["end"], status, fact["key"]))
    return spans


def marked(text: str, spans: list[tuple[int, int, str, str]]) -> Markup:
    """``text`` escaped, each span inside ``<mark class=STATUS data-fact=KEY>``; paragraphs as <p>.
    The text is cut at every span boundary and each piece takes the strongest span over it."""
    cuts = sorted({0, len(text), *(s for s, _, _, _ in spans), *(e for _, e, _, _ in spans)})
    out = []
    for a, b in zip(cuts, cuts[1:]):
        over = [sp for sp in spans if sp[0] <= a and b <= sp[1]]
        piece = escape(text[a:b]).replace("\n\n", "</p><p>").replace("\n", "<br>")
        if over:
            status, key = max(((st, k) for _, _, st, k in over), key=lambda x: _RANK[x[0]])
            out.append(f'<mark class="{status}" data-fact="{escape(key)}">{piece}</mark>')
        else:
            out.append(piece)
    return Markup("<p>" + "".join(out) + "</p>")


def mention_spans(analysis: dict | None) -> list[tuple[int, int, str, str]]:
    """An article's mentions and time expressions as spans (class ``mention`` / ``time``)."""
    if not analysis:
        return []
    return ([(m["start"], m["end"], "mention", m.get("entity") or m["type"]) for m in analysis["mentions"]]
            + [(t["start"], t["end"], "time", t.get("first") or t["text"]) for t in analysis["times"]])
