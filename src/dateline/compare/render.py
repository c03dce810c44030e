"""A comparison as text for people and as a JSON-able dict for ``--json`` and the API."""

from __future__ import annotations

from dataclasses import asdict

from dateline.compare.records import Comparison, Fact

_HEADINGS = (
    ("agreed", "Agreed by two or more independent sources"),
    ("single", "Reported by one source only"),
    ("differing", "Sources differ"),
)
_WIDTH = 160


def comparison_dict(comparison: Comparison) -> dict:
    """Plain dicts and lists, ready for ``json.dumps``."""
    return {
        "sources": [asdict(s) for s in comparison.sources],
        "agreed": [asdict(f) for f in comparison.agreed],
        "single": [asdict(f) for f in comparison.single],
        "differing": [asdict(f) for f in comparison.differing],
    }


def _clip(text: str, width: int = _WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _fact_lines(fact: Fact) -> list[str]:
    if fact.status == "agreed":
        head = f"  * {fact.subject}"
        if fact.kind in ("role", "date", "place", "number"):
            head += ": " + " | ".join(f"{r.source}: {r.value}" for r in fact.reports)
    elif fact.status == "single":
        head = f"  * [{fact.reports[0].source}] {fact.subject}"
    else:
        head = f"  * {fact.subject}: " + " | ".join(f"{r.source}: {r.value}" for r in fact.reports)
    lines = [head]
    for r in fact.reports:
        shown = set()
        for ev in r.evidence:
            if (ev.article_id, ev.sentence_start, ev.sentence) in shown:
                continue  # a sentence holding two spans of one fact is shown once
            shown.add((ev.article_id, ev.sentence_start, ev.sentence))
            lines.append(f"      [{r.source} {ev.lang or '?'}] {_clip(ev.sentence)}")
    return lines


def render_comparison(comparison: Comparison, *, kinds: tuple[str, ...] | None = None) -> str:
    """``kinds``: show only these fact kinds (participant, role, date, place, number, statement)."""
    srcs = ", ".join(f"{s.name} ({'/'.join(s.langs)}, {len(s.articles)} report{'s' * (len(s.articles) > 1)})"
                     for s in comparison.sources)
    out = [f"{len(comparison.sources)} independent source(s): {srcs}"]
    for status, heading in _HEADINGS:
        facts = [f for f in getattr(comparison, status) if kinds is None or f.kind in kinds]
        out.append("")
        out.append(f"{heading} ({len(facts)}):")
        for fact in facts:
            out.extend(_fact_lines(fact))
        if not facts:
            out.append("  (none)")
    return "\n".join(out) + "\n"
