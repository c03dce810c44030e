"""Online clustering into events and stories, and the clustering metrics.

All texts here are written for these tests (no evaluation data)."""

from __future__ import annotations

import json
import random
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest

from dateline.clean import clean
from dateline.cluster import ClusterIndex, OnlineClusterer
from dateline.eval.bcubed import bcubed
from dateline.eval.clustering import adjusted_rand, evaluate_clustering, pairwise
from dateline.models import RawDocument
from dateline.pipeline import Analyzer
from dateline.read import read_inputs

ROOT = Path(__file__).resolve().parents[1]

EN = """Dam breach floods villages near Tarnowskie Gory

TARNOWSKIE GORY, April 14 2027 - A dam on the Stola river burst on Wednesday 14 April 2027 and flooded
four villages near Tarnowskie Gory in southern Poland, forcing 1250 residents from their homes, regional
governor Marek Zawadzki said. Firefighters rescued 37 people from rooftops and the army sent 400 soldiers."""

ES = """Rotura de una presa inunda pueblos cerca de Tarnowskie Gory

Una presa del rio Stola se rompio el miercoles 14 de abril de 2027 e inundo cuatro pueblos cerca de
Tarnowskie Gory, en el sur de Polonia, y obligo a 1250 vecinos a dejar sus casas, dijo el gobernador
regional Marek Zawadzki. Los bomberos rescataron a 37 personas de los tejados y el ejercito envio 400 soldados."""

EN_COPY = """Dam breach floods villages near Tarnowskie Gory, Poland

TARNOWSKIE GORY, April 14 2027 - A dam on the Stola river burst on Wednesday 14 April 2027 and flooded
four villages near Tarnowskie Gory in southern Poland, forcing 1250 residents from their homes, regional
governor Marek Zawadzki said on Wednesday. Firefighters rescued 37 people from rooftops and the army sent 400 soldiers."""

SAME_DAY = """Tarnowskie Gory chess festival opens with record entry

TARNOWSKIE GORY, April 14 2027 - The international chess festival opened in Tarnowskie Gory on Wednesday
14 April 2027 with 612 players from 28 countries, organiser Helena Brzozowska said. Grandmaster Tomas
Lindqvist of Sweden, the defending champion, won his first game against a local junior in 31 moves."""


def _analysed(analyzer: Analyzer, name: str, text: str, lang: str):
    article = clean(RawDocument(name, data=text.encode(), meta={"lang": lang}))
    return article, analyzer.analyze(article)[0]


@pytest.fixture(scope="module")
def docs():
    analyzer = Analyzer()
    found = {name: _analysed(analyzer, name, text, lang) for name, text, lang in (
        ("en", EN, "en"), ("es", ES, "es"), ("copy", EN_COPY, "en"), ("chess", SAME_DAY, "en"))}
    found["background"] = _generated(analyzer, 60, seed=3)
    return found


def _run(items, background=(), **params):
    """A clusterer that has first seen ``background`` (its word statistics need a stream: with
    three documents every word is as rare as any other), then places ``items``."""
    clusterer = OnlineClusterer(**params)
    for item in background:
        clusterer.add(*item)
    return clusterer, [clusterer.add(*item) for item in items]


def test_two_languages_join_one_event_and_same_day_place_stays_apart(docs):
    clusterer, placed = _run([docs["en"], docs["chess"], docs["es"]], docs["background"])
    en, chess, es = placed
    assert es.event == en.event == docs["en"][0].id  # an event is named after its first article
    assert es.story == en.story
    assert chess.event != en.event  # same day, same town, another happening
    assert not es.evidence.new_event and es.evidence.basis == "head"
    assert es.evidence.event_probability >= clusterer.events.threshold
    assert any(k.startswith(("PER:", "LOC:")) for k in es.evidence.shared)
    assert es.evidence.reasons and all(v > 0 for _, v in es.evidence.reasons)


def test_near_duplicate_stays_in_the_event(docs):
    copy = replace(docs["copy"][0], duplicate_of=docs["en"][0].id)
    _, placed = _run([docs["en"], docs["chess"], (copy, docs["copy"][1])])
    assert placed[2].event == placed[0].event and placed[2].evidence.basis == "duplicate"
    # without the dedupe stage's pointer the text alone still ties it
    _, placed = _run([docs["en"], docs["chess"], docs["copy"]], docs["background"])
    assert placed[2].event == placed[0].event


def test_a_grown_event_absorbs_a_small_event_of_the_same_happening(docs):
    # a threshold no report reaches (above 1): the Spanish report starts an event of its own; when the
    # English event grows (here by a syndicated copy), the event head judges the Spanish event
    # as one article against it and absorbs it; the chess festival on the same day stays apart
    copy = (replace(docs["copy"][0], duplicate_of=docs["en"][0].id), docs["copy"][1])
    items = [docs["en"], docs["chess"], docs["es"], copy]
    en_id, chess_id, es_id = (docs[k][0].id for k in ("en", "chess", "es"))
    clusterer, placed = _run(items, docs["background"], event_threshold=1.01)  # the shipped merge probability
    assert placed[2].evidence.new_event and placed[2].event == es_id
    merges = clusterer.drain_event_merges()
    assert [(gone, keep) for gone, keep, _ in merges] == [(es_id, en_id)]  # the older event keeps its id
    assert merges[0][2] >= clusterer.event_merge
    assert clusterer.event_id(es_id) == en_id and clusterer.event_id(chess_id) == chess_id
    assert clusterer.drain_event_merges() == []
    # the alias survives a save and a reload
    resumed = OnlineClusterer(event_threshold=1.01)
    resumed.load_state(json.loads(json.dumps(clusterer.export_state())))
    assert resumed.event_id(es_id) == en_id
    # a probability no head gives: nothing is absorbed
    clusterer, _ = _run(items, docs["background"], event_threshold=1.01, event_merge=1.01)
    assert clusterer.drain_event_merges() == [] and clusterer.event_id(es_id) == es_id


def test_written_year_from_the_day_or_the_latest_year_stated():
    from datetime import date

    from dateline.cluster.vectors import written_year
    from dateline.models import Analysis, TimeExpression

    def times(*spec):
        return Analysis("a", (), (), tuple(TimeExpression(0, 1, "x", first, first, "day", anchor) for first, anchor in spec))

    assert written_year(date(2027, 4, 14).toordinal(), times(("2019-01-01", None))) == 2027
    # undated: the latest year written out; a resolved relative date ("last Monday") says nothing
    assert written_year(None, times(("2005-05-23", None), ("2001-06-27", None), ("2031-01-01", "dateline"))) == 2005
    assert written_year(None, times((None, None))) is None


def test_deterministic_and_resumable(docs):
    order = docs["background"][:30] + [docs[k] for k in ("en", "chess", "es", "copy")] + docs["background"][30:]

    def labels(clusterer, placed):
        return [(p.event, clusterer.story_id(p.story)) for p in placed]

    once = labels(*_run(order))
    assert once == labels(*_run(order))
    # stopping half way, saving the state through JSON and going on gives the same placements
    clusterer = OnlineClusterer()
    head = [clusterer.add(*item) for item in order[:20]]
    resumed = OnlineClusterer()
    resumed.load_state(json.loads(json.dumps(clusterer.export_state())))
    tail = [resumed.add(*item) for item in order[20:]]
    assert labels(resumed, head + tail) == once

    # a state written the earlier way (version 1: the centroids' sums by term, document
    # frequencies as a table per field) still loads and goes on the same way
    from dateline.cluster.vectors import FIELDS
    state = clusterer.export_state()
    vocab = clusterer.vectoriser.vocab
    old = {**state, "version": 1, "vocab": {"fields": list(vocab.fields)},
           "df": {f: {t: int(vocab.df[i]) for i, t in enumerate(vocab.terms) if vocab.fields[i] == k}
                  for k, f in enumerate(FIELDS)}}
    del old["vocabulary"]
    for name, layer in (("events", clusterer.events), ("stories", clusterer.stories)):
        old["layers"][name] = {**state["layers"][name], "live": [
            {k: v for k, v in {**c.to_dict(vocab), "sums": c.sums}.items() if k not in ("ids", "vals", "fld", "norm2")}
            for c in layer.live.values()]}
    from_old = OnlineClusterer()
    from_old.load_state(json.loads(json.dumps(old)))
    assert labels(from_old, head + [from_old.add(*item) for item in order[20:]]) == once


@pytest.mark.parametrize("params", [
    dict(story_warmup=12, prune_every=5, window_articles=6, story_window_articles=15),
    # every story meets the next and every grown event absorbs its small neighbours
    dict(story_warmup=12, story_merge=0.0, story_merge_min=1, event_merge=0.0, event_merge_max=20),
    # terms seen once are forgotten at every prune: the kept terms are replaced
    dict(story_warmup=12, prune_every=5, window_articles=6, story_window_articles=15, forget_min=0),
])
def test_state_kept_in_parts_gives_back_the_whole_state(docs, params):
    """What export_changes hands a store, applied to what it kept, loads into the same clusterer:
    through joins, new clusters, event absorptions, story merges, prunes and the warm-up's rebuilt
    story layer (small windows and frequent prunes, or merges at any closeness, make them happen)."""
    order = docs["background"][:30] + [docs[k] for k in ("en", "chess", "es", "copy")] + docs["background"][30:]
    clusterer = OnlineClusterer(**params)
    kept = {"terms": [], "clusters": {}}  # what a store keeps
    seen = Counter()
    for k, item in enumerate(order):
        clusterer.add(*item)
        seen["story merges"] += len(clusterer.drain_merges())
        seen["event merges"] += len(clusterer.drain_event_merges())
        if k % 4 != 3 and k != len(order) - 1:
            continue
        changes = json.loads(json.dumps(clusterer.export_changes()))
        for layer in changes["reset"]:
            kept["clusters"][layer] = {}
            seen["reset"] += 1
        for layer, index in changes["gone"]:
            del kept["clusters"][layer][index]
            seen["gone"] += 1
        for layer, index, state in changes["clusters"]:
            seen["new" if index not in kept["clusters"][layer] else "changed"] += 1
            kept["clusters"][layer][index] = state
        if changes["terms_reset"]:
            kept["terms"] = []
            seen["terms reset"] += 1
        if changes["terms"]:
            kept["terms"].append(changes["terms"])
        seen["unchanged"] += sum(len(c) for c in kept["clusters"].values()) - len(changes["clusters"])
        loaded = OnlineClusterer(**params)
        loaded.load_parts(changes["core"], kept["terms"], {k: list(v.values()) for k, v in kept["clusters"].items()})
        assert json.dumps(loaded.export_state(), sort_keys=True) == json.dumps(clusterer.export_state(), sort_keys=True)
    # the layers at the start and the warm-up; prunes (first case) or merges (second) happened
    assert seen["reset"] >= 3 and seen["new"] and seen["changed"] and seen["unchanged"] and seen["gone"], seen
    assert ("prune_every" in params) or (seen["story merges"] and seen["event merges"]), seen
    assert bool(seen["terms reset"]) == ("forget_min" in params), seen
    # the loaded one goes on as the original does
    more = docs["background"][10:20]
    assert [loaded.add(*item) for item in more] == [clusterer.add(*item) for item in more]
    # a gap in the kept terms is an error, not a shifted vocabulary
    with pytest.raises(ValueError, match="terms from id"):
        OnlineClusterer(**params).load_parts(changes["core"], kept["terms"][1:], {})


def test_forgetting_keeps_what_live_clusters_hold(docs):
    """Terms seen once whose clusters are gone are forgotten; the live clusters' sums and the
    document frequencies of every other term stay as they were, under new ids."""
    import numpy as np

    order = docs["background"] + [docs[k] for k in ("en", "chess", "es", "copy")]
    clusterer = OnlineClusterer(story_warmup=12, prune_every=10**9, window_articles=6, story_window_articles=15,
                                forget_min=None)
    for item in order:
        clusterer.add(*item)
    clusterer._prune(clusterer.position)  # the clusters out of the window go; nothing is forgotten
    vocab = clusterer.vectoriser.vocab
    before_terms = {(f, t): int(vocab.df[i]) for i, (t, f) in enumerate(zip(vocab.terms, vocab.fields))}
    held = {(vocab.fields[i], vocab.terms[i]) for layer in (clusterer.events, clusterer.stories)
            for c in layer.live.values() for i in c.ids.tolist()}
    sums = {c.id: c.sums for layer in (clusterer.events, clusterer.stories) for c in layer.live.values()}
    clusterer.forget_min = 0
    clusterer._forget()
    after_terms = {(f, t): int(vocab.df[i]) for i, (t, f) in enumerate(zip(vocab.terms, vocab.fields))}
    gone = set(before_terms) - set(after_terms)
    assert clusterer.forgotten == len(gone) > 0.2 * len(before_terms)
    assert all(before_terms[k] == 1 and k not in held for k in gone)
    assert all(after_terms[k] == before_terms[k] for k in after_terms)
    assert {c.id: c.sums for layer in (clusterer.events, clusterer.stories) for c in layer.live.values()} == sums
    assert all(np.all(np.diff(c.ids) > 0) for layer in (clusterer.events, clusterer.stories) for c in layer.live.values())
    # a forgotten term seen again is a new term; the stream goes on
    placed = clusterer.add(*docs["background"][0])
    assert placed.event and len(vocab) == len(vocab.terms) == len(vocab.fields)


def test_kept_counts_and_batched_ngram_ids_match_a_fresh_computation(docs, monkeypatch):
    """Two shortcuts of the clusterer give what the plain computation gives: each centroid's
    per-field term counts, kept up to date through merges, caps and absorptions, and the n-gram
    ids of a text, looked up for all its new words at once (also when the word cache empties)."""
    import numpy as np

    from dateline.cluster import vectors
    from dateline.cluster.centroid import _NF
    from dateline.similarity.features import word_ngrams

    # the absorption case: the Spanish event is absorbed when the English one grows
    copy = (replace(docs["copy"][0], duplicate_of=docs["en"][0].id), docs["copy"][1])
    clusterer, _ = _run([docs["en"], docs["chess"], docs["es"], copy], docs["background"], event_threshold=1.01,
                        max_terms=20)
    assert clusterer.drain_event_merges()
    for layer in (clusterer.events, clusterer.stories):
        for c in layer.live.values():
            assert c.counts().tolist() == np.bincount(c.fld, minlength=_NF).tolist()
            # every report has hundreds of lead n-grams: the counts went through caps
            assert c.counts()[vectors.FIELDS.index("lead_chars")] <= 2 * 20

    monkeypatch.setattr(vectors, "_WORD_CACHE", 8)
    text = EN + " " + ES + " " + EN
    batched, plain = vectors.Vocabulary(), vectors.Vocabulary()
    for chunk in (text[:400], text):
        grams = batched.gram_ids(4, vectors.normalize_for_id(chunk).split())
        ids = [i for w in vectors.normalize_for_id(chunk).split() for i in plain.lookup(4, word_ngrams(w))]
        assert list(grams.items()) == list(Counter(ids).items())
    assert batched.terms == plain.terms


def test_warmup_second_look_restories_early_events_and_resumes(docs):
    bg = docs["background"]
    # the copy of the dam report arrives after the warm-up and joins an early event
    order = bg[:30] + [docs[k] for k in ("en", "chess", "es")] + bg[30:37] + [docs["copy"]] + bg[37:]
    warmup = 40

    def run(split=None):
        clusterer, placed, moves = OnlineClusterer(story_warmup=warmup), [], []
        for k, item in enumerate(order):
            if k == split:  # save the state through JSON and go on with a new clusterer
                state = json.loads(json.dumps(clusterer.export_state()))
                clusterer = OnlineClusterer(story_warmup=warmup)
                clusterer.load_state(state)
            placed.append(clusterer.add(*item))
            moves.append(clusterer.drain_moves())
        moved = {e: s for m in moves for e, s in m}
        return clusterer, placed, moves, [(p.event, clusterer.story_id(moved.get(p.event, p.story))) for p in placed]

    clusterer, placed, moves, labels = run()
    # the second look comes once, at the warm-up's end, and names the story of every event so far
    assert [k for k, m in enumerate(moves) if m] == [warmup - 1]
    assert {e for e, _ in moves[warmup - 1]} == {p.event for p in placed[:warmup]}
    # later articles of an early event go to the story the second look gave it
    moved = dict(moves[warmup - 1])
    later = [(p.event, clusterer.story_id(p.story)) for p in placed[warmup:] if p.event in moved]
    assert later and all(story == clusterer.story_id(moved[e]) for e, story in later)
    # the dam breach (three reports, two languages) keeps one story
    story = dict(zip(("en", "chess", "es", "copy"), (labels[k][1] for k in (30, 31, 32, 40))))
    assert story["en"] == story["es"] == story["copy"]
    # a state saved during the warm-up carries the early articles: resuming changes nothing
    assert run(split=20)[3] == labels


_SYLLABLES = ["ka", "lo", "mer", "vi", "tan", "dro", "sel", "pu", "ren", "gos", "fi", "bar", "tul", "nek", "zo"]


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(parts)).capitalize()


def _generated(analyzer: Analyzer, count: int, seed: int) -> list:
    rng = random.Random(seed)
    out = []
    for i in range(count):
        town, person, firm = _name(rng, 3), f"{_name(rng, 2)} {_name(rng, 3)}", _name(rng, 3)
        words = " ".join(_name(rng, 2).lower() for _ in range(12))
        day = rng.choice(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])
        month = rng.choice(["March", "April", "May"])
        # the function words, weekdays and months of any real stream, so that IDF learns they are common
        text = (f"{firm} opens plant in {town}\n\n{person}, head of {firm}, said on {day} that the company "
                f"had opened a plant in {town} in {month} with {rng.randint(10, 999)} workers. The local "
                f"council and the regional office of the ministry were at the opening. Reports from the "
                f"town mention {words}.")
        out.append(_analysed(analyzer, f"gen{seed}-{i}", text, "en"))
    return out


def test_candidates_come_from_the_index():
    clusterer = OnlineClusterer()
    judged = []
    for item in _generated(Analyzer(), 200, seed=7):
        before = clusterer.judged_total
        clusterer.add(*item)
        judged.append(clusterer.judged_total - before)
    # never more than the candidate budget for events plus stories, whatever the store holds
    assert max(judged) <= clusterer.events.k + clusterer.stories.k
    assert clusterer.judged_total <= 200 * (clusterer.events.k + clusterer.stories.k)


def test_stories_merge_through_shared_entities():
    # two stories grow apart (different words), then share their entities: they become one
    layer_params = dict(story_merge=0.3, story_merge_min=2, story_threshold=0.99)
    clusterer = OnlineClusterer(**layer_params)
    analyzer = Analyzer()
    texts = [
        ("m1", "en", "Ostrava mayor Jana Kralova opened the new Odra bridge on Monday with transport minister Pavel Benes."),
        ("m2", "en", "Jana Kralova said the Odra bridge in Ostrava cost less than planned, Pavel Benes agreed."),
        ("m3", "cs", "Primatorka Jana Kralova a ministr Pavel Benes otevreli v Ostrave novy most pres Odru."),
        ("m4", "cs", "Jana Kralova a Pavel Benes v Ostrave: most pres Odru je hotov drive."),
    ]
    placed = [clusterer.add(*_analysed(analyzer, n, t, lang)) for n, lang, t in texts]
    stories = {clusterer.story_id(p.story) for p in placed}
    assert len(stories) == 1
    assert clusterer.story_count == 1


def test_index_skips_keys_held_by_too_many_clusters():
    index = ClusterIndex(max_postings=3)
    for cluster in range(5):
        index.add(cluster, ["e:country", f"e:person{cluster}"], alive=lambda c: True, new_cluster=True)
    assert "e:country" in index.stop
    found = index.candidates(["e:country", "e:person4"], alive=lambda c: True, k=5)
    assert [c for c, _, _ in found] == [4]
    # postings of clusters outside the window are pruned before a key is stopped
    index2 = ClusterIndex(max_postings=2)
    for cluster in range(5):
        index2.add(cluster, ["e:x"], alive=lambda c, now=cluster: c >= now - 1, new_cluster=True)
    assert "e:x" not in index2.stop and sorted(index2.postings["e:x"]) == [3, 4]


def test_pairwise_and_bcubed_by_hand():
    pred = ["a", "a", "a", "b", "b"]
    gold = [1, 1, 2, 2, 2]
    # predicted pairs: 3 in a + 1 in b = 4; gold pairs: 1 + 3 = 4; shared: (0,1) and (3,4) = 2
    assert pairwise(pred, gold) == {"precision": 0.5, "recall": 0.5, "f1": 0.5}
    # BCubed precision: items 0,1: 2/3; item 2: 1/3; items 3,4: 2/2 -> (2/3+2/3+1/3+1+1)/5 = 11/15
    # BCubed recall: items 0,1: 2/2; item 2: 1/3; items 3,4: 2/3 -> (1+1+1/3+2/3+2/3)/5 = 11/15
    b = bcubed(pred, gold)
    assert b["precision"] == pytest.approx(11 / 15) and b["recall"] == pytest.approx(11 / 15)
    assert pairwise(["x"] * 3, [1, 2, 3]) == {"precision": 0.0, "recall": 0.0, "f1": 0.0}
    assert adjusted_rand(pred, ["p", "p", "p", "q", "q"]) == pytest.approx(1.0)
    assert adjusted_rand([1, 2, 3, 4], [1, 1, 2, 2]) == pytest.approx(0.0)


def test_evaluate_clustering_on_a_small_file(tmp_path, docs):
    path = tmp_path / "gold.jsonl"
    # a stream to learn word statistics from first, each background report its own cluster
    rows = [(a.id, "en", a.text, f"bg{i}") for i, (a, _) in enumerate(docs["background"])]
    rows += [("a1", "en", EN, "flood"), ("a2", "en", EN_COPY, "flood"), ("a3", "en", SAME_DAY, "chess")]
    path.write_text("".join(json.dumps({"id": i, "lang": lang, "title": None, "text": t, "cluster": c}) + "\n"
                            for i, lang, t, c in rows), encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    result = evaluate_clustering(path, level="event", predictions=out, shuffle_seed=1)
    assert result["articles"] == len(rows) and result["clusters"]["gold"] == len(rows) - 1
    for metric in ("bcubed", "pairwise"):
        assert set(result[metric]) == {"precision", "recall", "f1"}
        assert all(0.0 <= v <= 1.0 for v in result[metric].values())
    assert 0.0 <= result["order"]["agreement_ari"] <= 1.0 and "bcubed_f1_shuffled" in result["order"]
    assert result["peak_memory_mib"] > 0 and result["articles_per_second"]["end_to_end"] > 0
    preds = {p["id"]: p["cluster"] for p in map(json.loads, out.read_text(encoding="utf-8").splitlines())}
    assert list(preds)[-3:] == ["a1", "a2", "a3"]
    assert preds["a1"] == preds["a2"] != preds["a3"]  # the copy joins, the same-day chess report does not


def _example_events() -> tuple[list[str], list[str], list[str]]:
    """Gold event of each bundled example document, in reading order, the event it got and its language."""
    manifest = json.loads((ROOT / "examples" / "MANIFEST.json").read_text(encoding="utf-8"))
    gold_of = {(m["file"], m.get("item")): m["event"] for m in manifest}
    analyzer, clusterer = Analyzer(), OnlineClusterer()
    feed_items: dict[str, int] = {}
    gold, predicted, langs = [], [], []
    for doc in read_inputs([str(ROOT / "examples")]):
        assert isinstance(doc, RawDocument), doc
        origin = doc.origin
        if origin.startswith("http"):  # feed items come in feed order
            key = ("feeds/northbridge-world.rss", feed_items.setdefault("feed", 0))
            feed_items["feed"] += 1
        elif ".jsonl:" in origin:
            key = ("jsonl/reports.jsonl", int(origin.rsplit(":", 1)[1]) - 1)
        else:
            key = (Path(origin).name, None)
        gold.append(gold_of[key])
        article = clean(doc)
        predicted.append(clusterer.add(article, analyzer.analyze(article)[0]).event)
        langs.append(article.lang)
    return gold, predicted, langs


def test_bundled_examples_form_their_events():
    """The manifest's five events, each recovered whole: reports in five, four, four and two
    languages (one in Cyrillic) join across languages, and the workshop fire of E5, in the same
    city on the same day from the same agency as the strike of E3, stays apart. Before the
    language-free head and URL dates (2026-12-01) the French, Russian, Italian and German reports
    of E1-E4 stayed apart: BCubed F1 0.86."""
    gold, predicted, langs = _example_events()
    assert len(gold) == 19
    assert predicted[1] == predicted[0]  # 02 is a near-duplicate of 01
    assert {lang for g, lang in zip(gold, langs) if g == "E3"} == {"fr", "es", "ru", "de"}
    events: dict[str, set[str]] = {}
    for g, p in zip(gold, predicted):
        events.setdefault(p, set()).add(g)
    assert sorted(sorted(g) for g in events.values()) == [["E1"], ["E2"], ["E3"], ["E4"], ["E5"]]
    assert bcubed(predicted, gold)["f1"] == 1.0


def test_event_head_judges_a_dated_article_in_a_language_its_cluster_lacks_on_language_free_evidence():
    import numpy as np

    from dateline.cluster.centroid import FEATURE_NAMES, LANGUAGE_FREE
    from dateline.cluster.head import Heads

    event = Heads.load().event
    assert event.across is not None and event.across.threshold == event.threshold
    assert all(w == 0.0 for n, w in zip(FEATURE_NAMES, event.across.weights) if n not in LANGUAGE_FREE)
    at = FEATURE_NAMES.index
    row = np.zeros(len(FEATURE_NAMES))  # dated (day_missing 0), same day, no article in its language
    row[[at("entities_cos"), at("entities_sqrt_cos"), at("top1_in_cluster"), at("cluster_top1_in_article")]] = 1.0
    worded = row.copy()
    worded[[at("stems_cos"), at("stems_sqrt_cos")]] = 0.8
    # words cannot be compared across the languages: their overlap is evidence neither way
    across = event.across.probabilities(row[None, :])[0]
    assert event.probabilities(np.vstack([row, worded])).tolist() == pytest.approx([across, across])
    assert event.contributions(worded)["stems_cos"] == 0.0
    # undated, or the cluster holds the article's language: the full head, where words count
    for flag in ("day_missing", "same_lang_share"):
        r, w = row.copy(), worded.copy()
        r[at(flag)] = w[at(flag)] = 1.0
        p_row, p_worded = event.probabilities(np.vstack([r, w]))
        assert p_worded > p_row and p_row != pytest.approx(event.across.probabilities(r[None, :])[0])
        assert event.contributions(w)["stems_cos"] != 0.0


def test_heads_file_matches_the_features_and_explains_its_scores():
    import numpy as np

    from dateline.cluster.centroid import FEATURE_NAMES
    from dateline.cluster.head import HeadError, Heads, model_path

    model = json.loads(model_path().read_text(encoding="utf-8"))
    heads = Heads.from_dict(model)
    assert 0.0 < heads.event.threshold < 1.0 and 0.0 < heads.story.threshold < 1.0
    row = np.linspace(0.0, 1.0, len(FEATURE_NAMES))
    logit = sum(heads.event.contributions(row).values()) + heads.event.bias
    assert heads.event.probabilities(row[None, :])[0] == pytest.approx(1.0 / (1.0 + np.exp(-logit)))
    with pytest.raises(HeadError, match="retrain"):
        Heads.from_dict({**model, "feature_names": model["feature_names"][:-1]})


def _in_order(terms) -> list:
    """Terms as the vocabulary hands out ids: each field's terms and counts in their order."""
    return [list(f.items()) if isinstance(f, Counter) else list(f) for f in terms.fields] + [terms.day, terms.year]


def test_terms_a_worker_takes_before_linking_are_those_of_the_linked_analysis():
    from dateline.cluster import vectors
    from dateline.pipeline.stages import tagged_with_terms

    analyzer = Analyzer()
    texts = [("en", EN, "en"), ("es", ES, "es"),
             # linking splits the role off the tagged "Mayor John Peterson": the masked lead is cut again
             ("role", "Prime Minister Anna Kovacs opened the new bridge in Port Elm on Monday, 3 March 2025. "
                      "Mayor John Peterson said the 1200 metre bridge cost 40 million euros.", "en")]
    moved = 0
    for name, text, lang in texts:
        article = clean(RawDocument(name, data=text.encode(), meta={"lang": lang}))
        unlinked, early = tagged_with_terms(article)
        analysis, _ = analyzer.link(article, unlinked)
        moved += vectors._spans(analysis) != early.spans
        assert _in_order(vectors.relinked(early, article, analysis)) == _in_order(vectors.article_terms(article, analysis))
        entities = vectors.FIELDS.index("entities")  # the linker's ids: none before linking
        assert early.fields[entities] != vectors.article_terms(article, analysis).fields[entities]
    assert moved >= 1
