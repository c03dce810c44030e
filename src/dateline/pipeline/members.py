"""An event as the store keeps it: its analysed members, the entities they mention, and each
member framed (claims and lead). Read by the frame stage and by ``dateline event``, which then
need none of the ingest and analysis stages' imports (near-duplicate hashing alone pulls in
scipy: a second of every command's start)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from dateline.frame.members import ReportFrame, frame_report, frame_version
from dateline.models import Analysis, Article, Entity
from dateline.store import PlacementRow, Store, StoredArticle


def event_members(store: Store, event_id: str,
                  members: list[tuple[StoredArticle, PlacementRow]] | None = None,
                  ) -> tuple[list[tuple[Article, Analysis]], dict[str, Entity]]:
    """An event's analysed members in placement order, and the entities they mention;
    ``members``: the event's rows when the caller has read them already."""
    members = store.event_members(event_id) if members is None else members
    analysed = [(s.article, a) for s, _ in members if (a := store.analysis(s.article.id)) is not None]
    ids = sorted({m.entity for _, a in analysed for m in a.mentions if m.entity})
    return analysed, {e.id: e for i in ids if (e := store.entity(i)) is not None}


def report_frames(store: Store, analysed: list[tuple[Article, Analysis]],
                  fresh: dict[str, dict] | None = None) -> list[ReportFrame]:
    """Each report framed (claims and lead): those the store keeps, the others framed now and
    added to ``fresh`` (JSON form, for the caller to keep). That is most of the cost of framing
    an event, and an event that grows is framed again with every new member."""
    return frame_reports(store, [analysed], fresh)[0]


def frame_reports(store: Store, events: list[list[tuple[Article, Analysis]]], fresh: dict[str, dict] | None = None,
                  map_fn: Callable[..., Iterable[ReportFrame]] = map) -> list[list[ReportFrame]]:
    """:func:`report_frames` of several events' members at once: the kept frames read in one
    go, the others framed by ``map_fn`` (a pool's ordered map: framing one report needs nothing
    but the report)."""
    kept = store.kept_frames([a.id for members in events for a, _ in members], frame_version())
    todo = {a.id: (a, an) for members in events for a, an in members if a.id not in kept}
    framed = dict(zip(todo, map_fn(_frame_pair, todo.values())))
    if fresh is not None:
        fresh.update((article_id, frame.as_dict()) for article_id, frame in framed.items())
    return [[framed[a.id] if a.id in framed else ReportFrame.from_dict(kept[a.id]) for a, _ in members]
            for members in events]


def _frame_pair(pair: tuple[Article, Analysis]) -> ReportFrame:
    return frame_report(*pair)
