"""An event as the store keeps it: its analysed members, the entities they mention, and each
member framed (claims and lead). Read by the frame stage and by ``dateline event``, which then
need none of the ingest and analysis stages' imports (near-duplicate hashing alone pulls in
scipy: a second of every command's start)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

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
    return next(frame_reports(store, [analysed], fresh))


def frame_reports(store: Store, events: list[list[tuple[Article, Analysis]]], fresh: dict[str, dict] | None = None,
                  map_fn: Callable[..., Iterable[tuple[ReportFrame, dict]]] = map) -> Iterator[list[ReportFrame]]:
    """:func:`report_frames` of several events' members at once, event by event as their
    reports are framed: the kept frames read in one go, the others framed by ``map_fn`` (a
    pool's ordered map: framing one report needs nothing but the report), so the caller can
    build one event's record while the workers frame the next events' reports."""
    kept = store.kept_frames([a.id for members in events for a, _ in members], frame_version())
    todo = {a.id: (a, an) for members in events for a, an in members if a.id not in kept}
    results = zip(todo, map_fn(_framed_pair if fresh is not None else _framed_alone, todo.values()))
    framed: dict[str, ReportFrame] = {}
    for members in events:
        for a, _ in members:
            while a.id not in kept and a.id not in framed:
                article_id, (frame, as_dict) = next(results)
                framed[article_id] = frame
                if fresh is not None:
                    fresh[article_id] = as_dict
        yield [framed[a.id] if a.id in framed else ReportFrame.from_dict(kept[a.id]) for a, _ in members]


def _framed_pair(pair: tuple[Article, Analysis]) -> tuple[ReportFrame, dict]:
    """A report framed, and its JSON form (made where it was framed: a worker, off the writer)."""
    frame = frame_report(*pair)
    return frame, frame.as_dict()


def _framed_alone(pair: tuple[Article, Analysis]) -> tuple[ReportFrame, None]:
    return frame_report(*pair), None
