"""The web UI's map page over a real uvicorn server on loopback, and the builder of its shipped
world outlines (scripts/build_world_outlines.py) on a hand-written topology."""

from __future__ import annotations

import importlib.util
import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api_server import build_store, running
from dateline.api.app import create_app

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "build_world_outlines.py"
CHROMIUM = "/usr/bin/chromium"
DOT = re.compile(r'<a href="/events/([0-9a-f]+)"><circle cx="([-\d.]+)" cy="([-\d.]+)" r="([\d.]+)">'
                 r'<title>([^<]*)</title>')


def _outlines():
    spec = importlib.util.spec_from_file_location("build_world_outlines", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Two squares sharing an edge (arc 0), quantized and delta-encoded: the right one walks arc 0 backwards.
SQUARES = {"type": "Topology", "transform": {"scale": [0.5, 0.25], "translate": [10, 40]},
           "arcs": [[[4, 0], [0, 8]], [[4, 8], [-4, 0], [0, -8], [4, 0]], [[4, 0], [4, 0], [0, 8], [-4, 0]]],
           "objects": {"countries": {"type": "GeometryCollection", "geometries": [
               {"type": "MultiPolygon", "arcs": [[[0, 1]], [[2, -1]]], "properties": {"name": "Two & squares"}}]}}}


def test_topojson_arcs_rings_and_paths():
    build = _outlines()
    arcs = build.decode_arcs(SQUARES)
    assert arcs[0] == [(12, 40), (12, 42)]
    assert arcs[2] == [(12, 40), (14, 40), (14, 42), (12, 42)]
    left, right = build.rings(SQUARES["objects"]["countries"]["geometries"][0], arcs)
    assert left == [(12, 40), (12, 42), (10, 42), (10, 40), (12, 40)]
    assert right == [(12, 40), (14, 40), (14, 42), (12, 42), (12, 40)]  # arc 0 reversed closes it
    svg = build.world_svg(SQUARES)
    assert svg.count("<path") == 1 and 'data-name="Two &amp; squares"' in svg
    assert 'd="M192 50l0 -2 -2 0 0 2 2 0zM192 50l2 0 0 -2 -2 0 0 2z"' in svg  # x = lon + 180, y = 90 - lat
    ET.fromstring(svg)


def test_rings_across_the_antimeridian():
    build = _outlines()
    # a square from 170 E to 170 W: drawn whole at the right edge and again 360 degrees over at the left
    square = [(170, 10), (-170, 10), (-170, -10), (170, -10), (170, 10)]
    geometry = {"type": "Polygon", "arcs": [[0]]}
    assert build.country_path(geometry, [square]) == "M-10 80l20 0 0 20 -20 0 0 -20zM350 80l20 0 0 20 -20 0 0 -20z"
    # a ring once around the south pole (Antarctica) closes along the map's bottom edge
    around = [(-180, -80), (-90, -70), (0, -80), (90, -70), (180, -80), (-180, -80)]
    assert build.country_path(geometry, [around]) == "M0 170l90 -10 90 10 90 -10 90 10 0 10 -360 0z"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[str]:
    db = build_store(tmp_path_factory.mktemp("map"))
    with running(create_app(db, rate_per_minute=0)) as url:
        yield url


def _seeds_event(client: httpx.Client) -> dict:
    """The seeds' event (one event in English and Italian about Haftar) as the API gives it."""
    for e in client.get("/api/events", params={"limit": 200}).json()["events"]:
        if set(e["languages"]) >= {"en", "it"}:
            detail = client.get(f"/api/events/{e['id']}").json()
            if "Haftar" in json.dumps(detail):
                return detail
    raise AssertionError("no event of the seeds")


def test_map_page_draws_the_seeds_event_where_its_place_is(site):
    with httpx.Client(base_url=site, timeout=60) as client:
        page = client.get("/map")
        assert page.status_code == 200 and "Events on the map" in page.text
        assert page.text.count("<path") >= 150  # the outlines, inlined
        assert '<a href="/map">Map</a>' in page.text
        seeds = _seeds_event(client)
        place = seeds["record"]["place"]
        assert place["name"] in ("Benghazi", "Tripoli") and place["lat"] is not None
        dots = {m[0]: m for m in DOT.findall(page.text)}
        _, cx, cy, r, title = dots[seeds["id"]]
        assert abs(float(cx) - (place["lon"] + 180)) < 0.01 and abs(float(cy) - (90 - place["lat"])) < 0.01
        assert place["name"] in title and float(r) > 0
        assert f">{place['name']}</a>" in page.text  # in the list of places under the map

        # every event is a dot or counted as left off
        events = client.get("/api/events", params={"limit": 200}).json()["events"]
        unplaced = [e for e in events if (client.get(f"/api/events/{e['id']}").json()["record"]["place"] or {})
                    .get("lat") is None]
        assert len(dots) == len(events) - len(unplaced) >= 1
        if unplaced:
            assert f"{len(unplaced)} event{'s' if len(unplaced) != 1 else ''} left off" in page.text

        # the feed's filters: one that matches nothing drops the dot, one that matches keeps it
        none = client.get("/map", params={"lang": "zz"})
        assert none.status_code == 200 and not DOT.search(none.text) and "No event that matches" in none.text
        assert seeds["id"] not in client.get("/map", params={"until": "1999-01-01"}).text
        kept = client.get("/map", params={"lang": "it", "q": "Haftar"}).text
        assert seeds["id"] in {m[0] for m in DOT.findall(kept)}


def test_the_outlines_are_served_as_a_static_file(site):
    with httpx.Client(base_url=site, timeout=60) as client:
        svg = client.get("/static/world-110m.svg")
    assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")
    root = ET.fromstring(svg.content)
    assert root.get("viewBox") == "0 0 360 180"
    assert len(root.findall(".//{http://www.w3.org/2000/svg}path")) == 177
    assert len(svg.content) < 150_000


def test_the_map_in_a_real_browser(site):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with httpx.Client(base_url=site, timeout=60) as client:
        event_id = _seeds_event(client)["id"]
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        try:
            outside: list[str] = []
            phone = browser.new_page(viewport={"width": 375, "height": 800})
            phone.on("request", lambda r: outside.append(r.url) if not r.url.startswith(site) else None)
            phone.goto(site + "/map")
            assert phone.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")
            box = phone.locator("figure.map svg").bounding_box()
            assert 300 < box["width"] <= 375 and abs(box["height"] - box["width"] / 2) < 3  # scaled, 2:1
            phone.locator(f'a[href="/events/{event_id}"] circle').click()
            phone.wait_for_selector("article.report")
            assert phone.url.endswith(f"/events/{event_id}")
            assert outside == []
        finally:
            browser.close()
