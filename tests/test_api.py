"""`dateline serve`'s API end to end: a real uvicorn server on a loopback port over a store built
from the real seeds and fictional reports, spoken to over HTTP with httpx."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from api_server import KEYS, build_store, key_file, running
from dateline.api.app import create_app
from helpers import BACKENDS, SEEDS, location_for

pytestmark = pytest.mark.skipif(not SEEDS.exists(), reason="../shared/seeds not present")

MAX_BODY = 64 * 1024
ALICE = {"Authorization": f"Bearer {KEYS['alice']}"}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("api")


@pytest.fixture(scope="module", params=BACKENDS)
def db(request: pytest.FixtureRequest, folder: Path) -> str | Path:
    return build_store(folder, db=location_for(request, request.param, folder, "api"))


@pytest.fixture(scope="module")
def api(db: Path, folder: Path) -> Iterator[httpx.Client]:
    """The server as ``dateline serve --api-key-file`` runs it on 127.0.0.1 (no rate limit here)."""
    app = create_app(db, api_keys_file=key_file(folder), rate_per_minute=0, max_body_bytes=MAX_BODY)
    with running(app) as url, httpx.Client(base_url=url, timeout=120) as client:
        yield client


def error_of(response: httpx.Response, status: int) -> str:
    """The message of a JSON error response, after checking its status and its shape."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and body["error"]["status"] == status
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    return body["error"]["message"]


def all_events(api: httpx.Client) -> list[dict]:
    page = api.get("/api/events", params={"limit": 200}).json()
    assert page["next_cursor"] is None
    return page["events"]


# -- reading ------------------------------------------------------------------------------------
def test_events_page_and_filters(api: httpx.Client) -> None:
    events = all_events(api)
    assert len(events) >= 10
    seed = next(e for e in events if e["place"] == "Benghazi")
    assert set(seed["languages"]) == {"en", "it"} and seed["articles"] == 2

    only_it = api.get("/api/events", params={"lang": "it"}).json()["events"]
    assert {e["id"] for e in only_it} == {e["id"] for e in events if "it" in e["languages"]}
    assert api.get("/api/events", params={"place": "benghazi"}).json()["events"] == [seed]
    assert [e["id"] for e in api.get("/api/events", params={"q": "Haftar"}).json()["events"]] == [seed["id"]]
    assert [e["id"] for e in api.get("/api/events", params={"q": "Bengasi"}).json()["events"]] == [seed["id"]]
    two = api.get("/api/events", params={"min_sources": 2}).json()["events"]
    assert seed["id"] in {e["id"] for e in two} and all(e["sources"] >= 2 for e in two)
    dated = api.get("/api/events", params={"since": "2025-12-01", "until": "2025-12-31"}).json()["events"]
    assert [e["id"] for e in dated] == [seed["id"]]
    story = api.get("/api/events", params={"story": seed["story_id"]}).json()["events"]
    assert seed["id"] in {e["id"] for e in story}


def test_cursor_pages_have_no_duplicates_and_no_gaps(api: httpx.Client) -> None:
    whole = [e["id"] for e in all_events(api)]
    seen: list[str] = []
    cursor = None
    pages = 0
    while True:
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        page = api.get("/api/events", params=params).json()
        assert len(page["events"]) <= 3
        seen += [e["id"] for e in page["events"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert pages >= 4
    assert seen == whole  # same order, every event once


def test_event_detail_prefix_texts_and_errors(api: httpx.Client) -> None:
    seed = next(e for e in all_events(api) if e["place"] == "Benghazi")
    detail = api.get(f"/api/events/{seed['id'][:7]}").json()
    assert detail["id"] == seed["id"] and detail["record"]["type"] and len(detail["members"]) == 2
    assert "text" not in detail["members"][0] and "comparison" in detail
    with_texts = api.get(f"/api/events/{seed['id']}", params={"texts": 1}).json()
    assert all(m["text"] for m in with_texts["members"])

    assert "no event" in error_of(api.get("/api/events/0000000000000000"), 404)
    ids = [e["id"] for e in all_events(api)]
    shared = next(p for p in "0123456789abcdef" if sum(i.startswith(p) for i in ids) > 1)
    assert "give more of the id" in error_of(api.get(f"/api/events/{shared}"), 409)


def test_article_detail(api: httpx.Client) -> None:
    seed = next(e for e in all_events(api) if e["place"] == "Benghazi")
    member = api.get(f"/api/events/{seed['id']}").json()["members"][1]
    article = api.get(f"/api/articles/{member['article']}").json()
    assert article["id"] == member["article"] and article["event"] == seed["id"]
    assert article["analysis"]["sentences"] and article["entities"]
    m = article["analysis"]["mentions"][0]
    assert article["text"][m["start"]:m["end"]] == m["text"]
    error_of(api.get("/api/articles/ffffffffffffffff"), 404)


def test_entities_list_and_detail_with_colons(api: httpx.Client) -> None:
    places = api.get("/api/entities", params={"type": "LOC", "name": "bengh"}).json()
    benghazi = next(e for e in places if e["name"] == "Benghazi")
    assert ":" in benghazi["id"] and benghazi["type"] == "LOC" and set(benghazi["languages"]) >= {"en", "it"}
    detail = api.get(f"/api/entities/{benghazi['id']}").json()
    assert detail["id"] == benghazi["id"] and "Bengasi" in detail["names"]["Latin"]["it"]
    assert detail["events"] and detail["mention_count"] >= 2
    assert len(api.get("/api/entities", params={"limit": 3}).json()) == 3
    assert all(e["mentions"] >= 3 for e in api.get("/api/entities", params={"min_mentions": 3}).json())
    only_it = api.get("/api/entities", params={"lang": "it", "limit": 200}).json()
    assert only_it and all("it" in e["languages"] for e in only_it)
    error_of(api.get("/api/entities/LOC:nowhere-at-all"), 404)
    error_of(api.get("/api/entities", params={"type": "PLANET"}), 422)


def test_stories(api: httpx.Client) -> None:
    stories = api.get("/api/stories").json()
    assert stories and all({"id", "events", "headline"} <= set(s) for s in stories)
    big = max(stories, key=lambda s: s["events"])
    detail = api.get(f"/api/stories/{big['id']}").json()
    assert detail["events"] == big["events"] == len(detail["timeline"])
    days = [e["first_day"] for e in detail["timeline"]]
    assert days == sorted(days)
    assert all(s["events"] >= 2 for s in api.get("/api/stories", params={"min_events": 2}).json())
    error_of(api.get("/api/stories/nope"), 404)


def test_search_finds_the_italian_report_by_its_own_spelling(api: httpx.Client) -> None:
    found = api.get("/api/search", params={"q": "Bengasi"}).json()
    assert found["query"] == "Bengasi" and [r["lang"] for r in found["results"]] == ["it"]
    hit = found["results"][0]
    assert "Bengasi" in hit["snippet"] and hit["event"]
    some = api.get("/api/search", params={"q": "Haftar", "limit": 1}).json()["results"]
    rest = api.get("/api/search", params={"q": "Haftar", "limit": 1, "offset": 1}).json()["results"]
    assert len(some) == len(rest) == 1 and some[0]["article"] != rest[0]["article"]
    error_of(api.get("/api/search"), 422)
    error_of(api.get("/api/search", params={"q": "   "}), 400)


def test_concurrent_reads_each_on_its_own_connection(api: httpx.Client) -> None:
    ids = [e["id"] for e in all_events(api)]

    def fetch(event_id: str) -> int:
        with httpx.Client(base_url=str(api.base_url), timeout=120) as c:
            return c.get(f"/api/events/{event_id}").status_code

    with ThreadPoolExecutor(8) as pool:
        assert set(pool.map(fetch, ids * 2)) == {200}


# -- exports ------------------------------------------------------------------------------------
def test_export_csv(api: httpx.Client) -> None:
    events = all_events(api)
    r = api.get("/api/events", params={"format": "csv", "limit": 1})  # every event: limit does not apply
    assert r.headers["content-type"].startswith("text/csv")
    assert 'filename="dateline-events.csv"' in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert [row["event_id"] for row in rows] == [e["id"] for e in events]
    seed = next(row for row in rows if row["place"] == "Benghazi")
    assert seed["event_type"] and seed["place_country"] == "LY" and float(seed["lat"]) > 30
    assert seed["languages"] == "en; it" and len(seed["article_ids"].split("; ")) == 2
    only_it = api.get("/api/events", params={"format": "csv", "lang": "it"}).text
    assert len(list(csv.DictReader(io.StringIO(only_it)))) == sum("it" in e["languages"] for e in events)


def test_export_jsonl(api: httpx.Client) -> None:
    r = api.get("/api/events", params={"format": "jsonl"})
    assert r.headers["content-type"].startswith("application/x-ndjson")
    assert "dateline-events.jsonl" in r.headers["content-disposition"]
    lines = [json.loads(line) for line in r.text.splitlines()]
    assert [x["id"] for x in lines] == [e["id"] for e in all_events(api)]
    assert all(x["record"] and x["record"]["members"] for x in lines)


def test_export_plover(api: httpx.Client) -> None:
    r = api.get("/api/events", params={"format": "plover", "place": "Benghazi"})
    assert "dateline-events.plover.jsonl" in r.headers["content-disposition"]
    (event,) = [json.loads(line) for line in r.text.splitlines()]
    for name in ("event_id", "event_type", "mode", "context", "event_date", "source_actor", "target_actor",
                 "location", "headline", "sources", "languages", "article_ids", "evidence"):
        assert name in event
    assert event["event_type"] and event["event_date"] == "2025-12-17"
    assert event["location"]["name"] == "Benghazi" and event["location"]["country"] == "LY"
    assert event["location"]["lat"] and event["location"]["lon"]
    assert {"name", "entity", "country"} <= set(event["source_actor"])
    assert set(event["languages"]) == {"en", "it"} and len(event["article_ids"]) == 2
    ev = event["evidence"]
    assert {e["field"] for e in ev} >= {"event_type", "location", "event_date"}
    located = next(e for e in ev if e["field"] == "location" and e["span_start"] is not None)
    text = api.get(f"/api/articles/{located['article_id']}").json()["text"]
    assert text[located["span_start"]:located["span_end"]].lower().startswith(("bengh", "benga"))
    assert located["start"] <= located["span_start"] < located["span_end"] <= located["end"]


# -- errors and the document --------------------------------------------------------------------
def test_errors_are_json_in_one_shape(api: httpx.Client) -> None:
    assert "200" in error_of(api.get("/api/events", params={"limit": 201}), 422)
    error_of(api.get("/api/events", params={"since": "yesterday"}), 422)
    error_of(api.get("/api/events", params={"format": "xml"}), 422)
    assert "cursor" in error_of(api.get("/api/events", params={"cursor": "bm90LWEtY3Vyc29y"}), 400)
    assert "/openapi.json" in error_of(api.get("/api/no-such-thing"), 404)
    error_of(api.delete("/api/events"), 405)


def test_openapi_lists_every_path(api: httpx.Client) -> None:
    doc = api.get("/openapi.json").json()
    assert set(doc["paths"]) >= {"/api/events", "/api/events/{event_id}", "/api/articles/{article_id}",
                                 "/api/entities", "/api/entities/{entity_id}", "/api/stories",
                                 "/api/stories/{story_id}", "/api/search", "/api/reports", "/api/feeds"}
    assert "post" in doc["paths"]["/api/reports"]
    params = {p["name"] for p in doc["paths"]["/api/events"]["get"]["parameters"]}
    assert params >= {"lang", "since", "until", "place", "q", "story", "min_sources", "limit", "cursor", "format"}


def test_feeds_show_the_watchers_state_failing_first(db: Path) -> None:
    from dateline.store import FeedState, open_store

    with open_store(db) as store:
        store.save_feed(FeedState("https://a.example/ok.rss", added="2026-07-01T00:00:00Z", etag='"v1"', items=4),
                        [("https://a.example/1", None)])
        store.save_feed(FeedState("https://b.example/bad.rss", added="2026-07-01T00:00:00Z", failures=3,
                                  last_error="HTTP 500"))
    app = create_app(db, rate_per_minute=0)
    with running(app) as url:
        feeds = httpx.get(f"{url}/api/feeds", timeout=60).json()
    assert [(f["url"], f["failing"]) for f in feeds] == [("https://b.example/bad.rss", True),
                                                         ("https://a.example/ok.rss", False)]
    assert feeds[0]["last_error"] == "HTTP 500" and feeds[1]["etag"] == '"v1"' and feeds[1]["items"] == 4


# -- writing ------------------------------------------------------------------------------------
REPORT = {"id": "k-1", "lang": "en", "source": "Harbour Times", "published": "2026-07-03",
          "title": "Kestrel Bay ferry service suspended after engine fire",
          "text": "KESTREL BAY, July 3 - Ferry services between Kestrel Bay and Marrow Island were suspended on "
                  "Friday after an engine fire on the ferry Albatross, the port authority said. All 212 "
                  "passengers were brought ashore safely. Port director Ilse Varga said an inquiry had begun."}


def test_post_one_report_is_stored_and_placed(api: httpx.Client) -> None:
    r = api.post("/api/reports", json=REPORT, headers=ALICE)
    assert r.status_code == 201, r.text
    taken = r.json()
    assert taken["new"] == 1 and taken["rejected"] == 0
    (placed,) = taken["articles"]
    assert placed["status"] == "new" and placed["event"] and placed["story"]
    assert placed["input"] == "api:alice"
    event = api.get(f"/api/events/{placed['event']}").json()
    assert placed["article"] in [m["article"] for m in event["members"]]
    assert api.get("/api/search", params={"q": "Albatross"}).json()["results"][0]["article"] == placed["article"]

    again = api.post("/api/reports", json=REPORT, headers=ALICE)
    assert again.status_code == 200 and again.json()["duplicate"] == 1


def test_post_a_batch_as_json_lines(api: httpx.Client) -> None:
    second = {**REPORT, "id": "k-2", "source": "Island Courier", "title": "Albatross fire: ferries halted",
              "text": "Ferries to Marrow Island stopped on Friday after fire broke out in the engine room of the "
                      "Albatross off Kestrel Bay. The port authority said the 212 passengers were safe and an "
                      "inquiry into the fire on the Albatross was under way, director Ilse Varga said."}
    other = {"id": "k-3", "lang": "it", "published": "2026-07-20", "source": "Eco di Pralta",
             "text": "Il consiglio comunale di Pralta ha approvato giovedì il nuovo piano per la biblioteca civica, "
                     "che riaprirà in autunno dopo due anni di lavori. La sindaca Elsa Moroni ha ringraziato i "
                     "volontari che hanno catalogato i libri."}
    body = "\n".join([json.dumps(second), "{not json", json.dumps({"title": "no text"}), json.dumps(other)]) + "\n"
    r = api.post("/api/reports", content=body.encode(), headers={**ALICE, "Content-Type": "application/x-ndjson"})
    assert r.status_code == 201, r.text
    taken = r.json()
    assert taken["new"] == 2 and taken["rejected"] == 2
    reasons = {x["input"]: x["reason"] for x in taken["rejections"]}
    assert "invalid JSON on line 2" in reasons["api:alice:2"] and "no 'text'" in reasons["api:alice:3"]
    placed = {a["input"]: a for a in taken["articles"]}
    assert set(placed) == {"api:alice:1", "api:alice:4"}
    assert all(a["event"] and a["story"] for a in placed.values())
    same = api.post("/api/reports", content=json.dumps(other).encode(),
                    headers={**ALICE, "Content-Type": "application/jsonl"})
    assert same.status_code == 200 and same.json()["articles"][0]["article"] == placed["api:alice:4"]["article"]


def test_post_rejections_and_media_types(api: httpx.Client) -> None:
    r = api.post("/api/reports", json={"title": "no text"}, headers=ALICE)
    assert "no 'text'" in error_of(r, 422) and r.json()["error"]["rejections"]
    error_of(api.post("/api/reports", content=b"[1, 2]", headers={**ALICE, "Content-Type": "application/json"}), 422)
    assert "application/x-ndjson" in error_of(
        api.post("/api/reports", content=b"text", headers={**ALICE, "Content-Type": "text/plain"}), 415)


def test_writing_needs_a_valid_key(api: httpx.Client) -> None:
    r = api.post("/api/reports", json=REPORT)
    assert "API key" in error_of(r, 401) and r.headers["www-authenticate"].startswith("Bearer")
    r = api.post("/api/reports", json=REPORT, headers={"Authorization": "Bearer not-a-key"})
    assert "not valid" in error_of(r, 401) and r.headers["www-authenticate"].startswith("Bearer")
    error_of(api.post("/api/reports", json=REPORT, headers={"Authorization": KEYS["bob"]}), 401)  # no scheme
    bob = api.post("/api/reports", json=REPORT, headers={"Authorization": f"Bearer {KEYS['bob']}"})
    assert bob.status_code == 200  # stored already, by alice


def test_keys_are_kept_as_hashes(db: str) -> None:
    import hashlib

    from dateline.store import is_postgres, open_store

    with open_store(db) as store:
        kept = {r[0]: r[1] for r in store._db.execute("SELECT hash, name FROM api_keys")}
        dumped = "\n".join(str(tuple(r)) for r in store._db.execute("SELECT * FROM api_keys"))
    assert kept == {hashlib.sha256(k.encode()).hexdigest(): name for name, k in KEYS.items()}
    assert not any(k in dumped for k in KEYS.values())
    if not is_postgres(db):
        assert not any(k.encode() in Path(db).read_bytes() for k in KEYS.values())


def test_too_large_body_is_413(api: httpx.Client) -> None:
    big = {**REPORT, "text": "word " * (MAX_BODY // 4)}
    assert "limit" in error_of(api.post("/api/reports", json=big, headers=ALICE), 413)

    def chunks() -> Iterator[bytes]:  # no Content-Length: counted while read
        data = json.dumps(big).encode()
        for i in range(0, len(data), 8192):
            yield data[i:i + 8192]

    error_of(api.post("/api/reports", content=chunks(), headers={**ALICE, "Content-Type": "application/json"}), 413)


# -- servers configured otherwise ---------------------------------------------------------------
def test_without_keys_writing_is_refused_with_how_to(db: Path) -> None:
    with running(create_app(db, rate_per_minute=0)) as url, httpx.Client(base_url=url) as c:
        assert c.get("/api/events").status_code == 200
        assert "--api-key-file" in error_of(c.post("/api/reports", json=REPORT), 403)
        assert "--api-key-file" in error_of(c.post("/api/reports", json=REPORT, headers=ALICE), 403)


def test_rate_limit_is_429_with_retry_after(db: Path, folder: Path) -> None:
    app = create_app(db, api_keys_file=key_file(folder), rate_per_minute=3)
    with running(app) as url, httpx.Client(base_url=url) as c:
        assert [c.get("/api/stories").status_code for _ in range(3)] == [200] * 3
        r = c.get("/api/stories")
        assert "3 a minute" in error_of(r, 429) and int(r.headers["retry-after"]) >= 1
        # a key has its own bucket, apart from the client address's
        assert c.get("/api/stories", headers=ALICE).status_code == 200


def test_a_public_bind_needs_keys_for_reads(db: Path, folder: Path) -> None:
    # configured as bound to every address, served on loopback only
    app = create_app(db, api_keys_file=key_file(folder), host="0.0.0.0", rate_per_minute=0)
    with running(app) as url, httpx.Client(base_url=url) as c:
        r = c.get("/api/events")
        assert "API key" in error_of(r, 401) and r.headers["www-authenticate"].startswith("Bearer")
        assert c.get("/api/events", headers=ALICE).status_code == 200
        assert c.get("/api/search", params={"q": "Haftar"}, headers=ALICE).status_code == 200
    with running(create_app(db, host="192.0.2.10", rate_per_minute=0)) as url, httpx.Client(base_url=url) as c:
        assert "--api-key-file" in error_of(c.get("/api/events"), 403)


def test_loopback_rule() -> None:
    from dateline.api.auth import is_loopback

    assert all(is_loopback(h) for h in ("127.0.0.1", "127.8.9.1", "::1", "[::1]", "localhost"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "::", "192.168.1.5", "example.org", ""))


def test_a_write_while_another_process_writes_is_503(db: Path, folder: Path) -> None:
    from dateline.store import open_store

    app = create_app(db, api_keys_file=key_file(folder), rate_per_minute=0, busy_seconds=0.3)
    with running(app) as url, httpx.Client(base_url=url, timeout=60) as c, open_store(db) as other:
        with other.writing():  # as `dateline ingest` holds it for a batch (an flock, like another process's)
            r = c.post("/api/reports", json={**REPORT, "id": "busy"}, headers=ALICE)
            assert "retry" in error_of(r, 503) and int(r.headers["retry-after"]) >= 1
            assert c.get("/api/events").status_code == 200  # readers never wait
        assert c.post("/api/reports", json=REPORT, headers=ALICE).status_code in (200, 201)


def test_guessing_keys_is_rate_limited(db: Path, folder: Path) -> None:
    app = create_app(db, api_keys_file=key_file(folder), rate_per_minute=2)
    with running(app) as url, httpx.Client(base_url=url) as c:
        bad = {"Authorization": "Bearer guess"}
        assert [c.post("/api/reports", json=REPORT, headers=bad).status_code for _ in range(3)] == [401, 401, 429]


def test_the_web_ui_is_served_by_the_same_app_when_there(db: Path) -> None:
    pytest.importorskip("dateline.web.routes")
    with running(create_app(db, rate_per_minute=0)) as url:
        r = httpx.get(url + "/", timeout=60)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
