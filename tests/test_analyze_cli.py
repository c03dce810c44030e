"""`dateline analyze`: only unanalysed articles, linker state carried across runs."""

import json

from click.testing import CliRunner

from dateline.cli import main
from dateline.store import open_store


def run(*args):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exit_code in (0, 1), result.output
    return result


EN = ("GENEVA, March 3 (Reuters) - Foreign Minister Anna Kowalczyk of Poland met Swiss President "
      "Lukas Brunner in Geneva on Tuesday to discuss grain exports through the Baltic ports. "
      "Kowalczyk said the talks with Brunner had been useful.")
ES = ("GINEBRA, 3 mar (EFE).- La ministra de Exteriores de Polonia, Anna Kowalczyk, se reunió el martes "
      "en Ginebra con el presidente suizo, Lukas Brunner, para hablar de las exportaciones de cereales. "
      "Brunner calificó la reunión de constructiva.")


def test_ingest_without_analysis_then_analyze_once(tmp_path):
    db = tmp_path / "a.db"
    (tmp_path / "en.txt").write_text("date 2026-03-03\n\n" + EN)
    out = json.loads(run("ingest", tmp_path / "en.txt", "--db", db, "--no-analyze", "--json").output)
    assert "analyzed" not in out
    with open_store(db) as store:
        assert len(list(store.unanalyzed())) == 1
    first = json.loads(run("analyze", "--db", db, "--json").output)
    assert first["analyzed"] == 1 and first["mentions"] >= 4 and first["linked"] == first["mentions"]
    again = json.loads(run("analyze", "--db", db, "--json").output)
    assert again["analyzed"] == 0


def test_entities_link_across_runs_and_languages(tmp_path):
    db = tmp_path / "a.db"
    (tmp_path / "en.txt").write_text("date 2026-03-03\n\n" + EN)
    (tmp_path / "es.txt").write_text("date 2026-03-03\n\n" + ES)
    run("ingest", tmp_path / "en.txt", "--db", db)
    run("ingest", tmp_path / "es.txt", "--db", db)  # a second process: state comes from the store
    geneva = [e for e in json.loads(run("entities", "--db", db, "--json", "--type", "LOC").output)
              if e["name"] == "Geneva"]
    assert len(geneva) == 1 and geneva[0]["languages"] == ["en", "es"] and geneva[0]["country"] == "CH"
    people = json.loads(run("entities", "--db", db, "--json", "--type", "PER").output)
    brunner = [p for p in people if p["name"] == "Lukas Brunner"]
    assert len(brunner) == 1 and brunner[0]["languages"] == ["en", "es"]
    filtered = json.loads(run("entities", "--db", db, "--json", "--name", "brunner").output)
    assert [p["name"] for p in filtered] == ["Lukas Brunner"]
    assert run("entity", "PER:nope", "--db", db).exit_code == 1


def test_one_failing_article_does_not_stop_the_others(tmp_path, monkeypatch):
    from dateline import pipeline

    db = tmp_path / "a.db"
    for i, text in enumerate([EN, EN.replace("Geneva", "Bern") + " Zorbatron.", ES]):
        (tmp_path / f"{i}.txt").write_text(text)
    run("ingest", tmp_path, "--db", db, "--no-analyze")
    from dateline.pipeline import stages

    real = stages.analyze_article

    def analyze(article, *args):  # stands in for a bug that only one odd article triggers
        if "Zorbatron" in article.text:
            raise ValueError("odd article")
        return real(article, *args)

    monkeypatch.setattr(stages, "analyze_article", analyze)
    with open_store(db) as store:
        summary = pipeline.analyze_pending(store, batch_size=1)
        assert summary.analyzed == 2
        assert len(summary.failures) == 1 and "odd article" in summary.failures[0]
        [left] = list(store.unanalyzed())
        assert "Zorbatron" in left.article.text
