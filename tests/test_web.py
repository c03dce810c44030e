"""The web UI over a real uvicorn server on loopback: pages with httpx, and the seeds' event in a
real headless Chromium (Debian's, driven by Playwright, which downloads nothing)."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from api_server import build_store, running
from dateline.api.app import create_app
from dateline.cli import main
from helpers import EN_SEED, IT_SEED

CHROMIUM = "/usr/bin/chromium"
DOCS_SHOTS = Path(__file__).resolve().parents[1] / "docs" / "screenshots"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("web")
    db = build_store(folder)
    hostile = folder / "hostile.txt"
    hostile.write_text("title: <script>alert(1)</script> Harbour vote\n\nThe council of Valdoria voted on "
                       "Monday to rebuild the <b>harbour</b> wall, the mayor said after the meeting.\n",
                       encoding="utf-8")
    assert CliRunner().invoke(main, ["ingest", str(hostile), "--db", str(db), "--no-progress"]).exit_code == 0
    with running(create_app(db, rate_per_minute=0)) as url:
        yield url


def _seeds_event(client: httpx.Client) -> str:
    events = client.get("/api/events", params={"limit": 200}).json()["events"]
    return next(e["id"] for e in events if set(e["languages"]) >= {"en", "it"} and "Haftar" in json.dumps(
        client.get(f"/api/events/{e['id']}").json()))


def test_pages_render_and_escape(site):
    with httpx.Client(base_url=site, timeout=60) as client:
        feed = client.get("/")
        assert feed.status_code == 200 and "Events, latest first" in feed.text
        assert "<script>alert(1)</script>" not in feed.text
        # the hostile title, escaped wherever it is shown: on the page of the event that holds it
        # (its own or, where the clusterer joined it to the Valdoria strike, that one) and in search
        events = client.get("/api/events", params={"limit": 200}).json()["events"]
        hostile = next(e["id"] for e in events if "alert(1)" in json.dumps(client.get(f"/api/events/{e['id']}").json()))
        for path in (f"/events/{hostile}", "/search?q=council"):
            shown = client.get(path).text
            assert "<script>alert(1)</script>" not in shown and "&lt;script&gt;alert(1)&lt;/script&gt;" in shown, path
        event_id = _seeds_event(client)
        page = client.get(f"/events/{event_id}").text
        assert page.count('class="report"') == 2 and 'mark class="differing"' in page
        for path in ("/stories", "/entities", "/search?q=Bengasi", "/search?q=", "/static/style.css"):
            assert client.get(path).status_code == 200, path
        missing = client.get("/events/ffffffffffffffff")
        assert missing.status_code == 404 and "no event with id" in missing.text
        entity = client.get("/api/entities", params={"name": "haftar"}).json()[0]["id"]
        assert "Events over time" in client.get(f"/entities/{entity}").text
        results = client.get("/search", params={"q": "Bengasi"}).text
        assert 'class="result" lang="it"' in results and 'class="result" lang="en"' not in results


def _browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"CI: {CHROMIUM} is missing (.ci/run installs Debian's chromium)")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    return sync_playwright()


def test_the_seeds_event_in_a_real_browser(site, tmp_path):
    shots = DOCS_SHOTS if os.environ.get("DATELINE_SCREENSHOTS") else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    with httpx.Client(base_url=site, timeout=60) as client:
        event_id = _seeds_event(client)
    with _browser() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync"])
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            outside: list[str] = []
            page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(site) else None)
            page.goto(site + "/")
            assert page.locator("li.event").count() >= 2
            page.screenshot(path=str(shots / "feed.png"))
            page.locator(f'a[href="/events/{event_id}"]').first.click()
            page.wait_for_selector("article.report")
            reports = page.locator("article.report")
            assert reports.count() == 2
            assert {reports.nth(i).get_attribute("lang") for i in range(2)} == {"en", "it"}
            # the office of Munir, named differently by the two reports, is marked in each
            for i in range(2):
                differing = reports.nth(i).locator("mark.differing")
                assert differing.count() >= 1
                assert any(w in " ".join(differing.all_inner_texts()) for w in ("Commander", "capo", "Capo", "chief"))
            page.locator("li.fact.differing").first.click()
            assert page.locator("mark.focus").count() >= 2
            page.screenshot(path=str(shots / "event.png"), full_page=False)
            page.fill("header input[name=q]", "Bengasi")
            page.press("header input[name=q]", "Enter")
            page.wait_for_selector("li.result")
            assert page.locator('li.result[lang="it"]').count() >= 1 and page.locator('li.result[lang="en"]').count() == 0
            phone = browser.new_page(viewport={"width": 375, "height": 800})
            for path in ("/", f"/events/{event_id}"):
                phone.goto(site + path)
                assert phone.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth"), path
            phone.screenshot(path=str(shots / "event-phone.png"))
            assert outside == []  # every asset from the server itself
        finally:
            browser.close()
    if shots is not DOCS_SHOTS:
        shutil.rmtree(shots, ignore_errors=True)
