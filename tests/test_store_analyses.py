import sqlite3

from dateline.models import Analysis, Article, Entity, Mention, Sentence, TimeExpression
from dateline.store import EntityFilter, StoredArticle, open_store
from dateline.store.migrations import LATEST, MIGRATIONS

TEXT = "Ana Lopes met Piet Smit in Porto. Lopes said the talks went well."


def _add(store, i, lang="en", text=TEXT):
    a = Article(id=f"{i:016x}", text=text, origin=f"t:{i}", lang=lang)
    store.add_batch([StoredArticle(a, None)], {})
    return a


def _analysis(article_id, ent_ana="PER:ana", ent_porto="LOC:porto"):
    return Analysis(
        article_id=article_id,
        sentences=(Sentence(0, 33), Sentence(34, 65)),
        mentions=(
            Mention(0, 9, "Ana Lopes", "PER", entity=ent_ana),
            Mention(14, 23, "Piet Smit", "PER", entity="PER:piet"),
            Mention(27, 32, "Porto", "LOC", entity=ent_porto, source="gazetteer"),
            Mention(34, 39, "Lopes", "PER", entity=ent_ana),
        ),
        times=(TimeExpression(0, 0, "", None, None, "day"),),
    )


ENTITIES = [
    Entity("PER:ana", "Ana Lopes", "PER", aliases={"en": ("Ana Lopes", "Lopes")}),
    Entity("PER:piet", "Piet Smit", "PER"),
    Entity("LOC:porto", "Porto", "LOC", country="PT", lat=41.15, lon=-8.61, kind="city", source="geonames",
           aliases={"en": ("Oporto", "Porto"), "pt": ("Porto",)}),
]


def test_v1_database_is_migrated_with_its_articles(tmp_path):
    db = tmp_path / "old.db"
    con = sqlite3.connect(db)
    con.executescript(MIGRATIONS[0])
    con.execute("PRAGMA user_version = 1")
    con.execute("INSERT INTO articles (id, origin, text, ingested_at) VALUES ('00000000000000aa', 'x', 'Old text.', 'now')")
    con.commit()
    con.close()
    with open_store(db) as store:
        assert store.schema_version() == LATEST
        assert store.count() == 1
        assert [s.article.id for s in store.unanalyzed()] == ["00000000000000aa"]


def test_analysis_round_trip_and_unanalyzed(store_at):
    with open_store(store_at()) as store:
        a, b = _add(store, 1), _add(store, 2, text="Другой текст.")
        store.add_analyses([_analysis(a.id)], ENTITIES, {"acronyms": "{}"})
        assert [s.article.id for s in store.unanalyzed()] == [b.id]
        got = store.analysis(a.id)
        assert got == _analysis(a.id)
        assert store.analysis(b.id) is None
        assert store.entity("LOC:porto") == ENTITIES[2]
        assert store.link_state() == {"acronyms": "{}"}


def test_reanalysis_replaces_and_entities_upsert(store_at):
    with open_store(store_at()) as store:
        a = _add(store, 1)
        store.add_analyses([_analysis(a.id)], ENTITIES, {})
        renamed = Entity("PER:ana", "Ana Maria Lopes", "PER")
        store.add_analyses([_analysis(a.id, ent_porto="LOC:porto")], [renamed], {})
        assert len(store.analysis(a.id).mentions) == 4
        assert store.entity("PER:ana").name == "Ana Maria Lopes"


def test_entity_summaries_and_mentions(store_at):
    with open_store(store_at()) as store:
        a, b = _add(store, 1, "en"), _add(store, 2, "pt")
        store.add_analyses([_analysis(a.id), _analysis(b.id)], ENTITIES, {})
        rows = store.entity_summaries()
        top = rows[0]
        assert top.entity.id == "PER:ana" and top.mentions == 4 and top.articles == 2
        assert top.languages == ("en", "pt")
        assert [r.entity.id for r in store.entity_summaries(EntityFilter(type="LOC"))] == ["LOC:porto"]
        assert [r.entity.id for r in store.entity_summaries(EntityFilter(name="smit"))] == ["PER:piet"]
        assert len(store.entity_summaries(EntityFilter(min_mentions=3))) == 1
        assert store.entity_summaries(EntityFilter(lang="de")) == []
        mentions = store.entity_mentions("PER:ana")
        assert [(art, lang, m.text) for art, lang, m in mentions] == [
            (a.id, "en", "Ana Lopes"), (a.id, "en", "Lopes"), (b.id, "pt", "Ana Lopes"), (b.id, "pt", "Lopes")]


def test_kept_frames_by_version_and_dropped_on_reanalysis(store_at):
    with open_store(store_at()) as store:
        a, b = _add(store, 1), _add(store, 2)
        store.add_analyses([_analysis(a.id), _analysis(b.id)], ENTITIES, {})
        kept = {a.id: {"claims": [{"kind": "place", "value": "LOC:porto"}], "lead": []}, b.id: {"claims": [], "lead": []}}
        store.keep_frames(kept, "v1")
        assert store.kept_frames([a.id, b.id, "unknown"], "v1") == kept
        assert store.kept_frames([a.id], "v2") == {}  # kept by another version of the code
        store.keep_frames({a.id: {"claims": [], "lead": [{"event": "x"}]}}, "v2")
        assert store.kept_frames([a.id], "v2") == {a.id: {"claims": [], "lead": [{"event": "x"}]}}
        assert store.kept_frames([a.id, b.id], "v1") == {b.id: {"claims": [], "lead": []}}
        store.add_analyses([_analysis(b.id, ent_porto="LOC:other")], [], {})  # a new analysis: frame again
        assert store.kept_frames([b.id], "v1") == {}
        many = [_add(store, 10 + i).id for i in range(1200)]  # more than one statement's parameters
        store.keep_frames({i: {} for i in many}, "v1")
        assert len(store.kept_frames(many, "v1")) == 1200


def test_a_record_without_a_place_gives_the_summary_the_place_as_linked_now(store_at):
    """An event placed while the linker was still at work names its place by the entity's name
    of then; a record with no place of its own must not leave that name on the event."""
    from dateline.store import ClusterStateChanges, EventRecordRow, PlacementRow

    with open_store(store_at()) as store:
        a = _add(store, 1)
        store.add_analyses([_analysis(a.id)], ENTITIES, {})
        store.add_placements([(PlacementRow(a.id, a.id, "new", None, {}), "s1")], [], ClusterStateChanges(b"1"))
        assert store.event_summary(a.id).place == "Porto"
        store.add_analyses([], [Entity("LOC:porto", "Porto (city)", "LOC", kind="city")], {})  # linked further
        store.set_records([EventRecordRow(a.id, {"members": [a.id]}, None, None, None, None, None)])
        assert store.event_summary(a.id).place == "Porto (city)"
        store.set_records([EventRecordRow(a.id, {"members": [a.id]}, None, None, "Lisboa", None, None)])
        assert store.event_summary(a.id).place == "Lisboa"  # the record's own place comes first
