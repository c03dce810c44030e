#!/usr/bin/env python3
"""Ingest throughput and peak memory at growing sizes.

For each size N the script generates N distinct articles from the bundled examples
(``examples/``), writes them as one JSON Lines file in a temporary folder, and runs

    dateline ingest FILE.jsonl --db TMP/bench.db --no-progress --no-analyze --json

in a fresh child process, once per repeat, each time into a new database. It reports:

- articles/s: N divided by the wall time of the whole child (start-up and imports included);
- peak RSS: the ``ru_maxrss`` of the ingesting process, read with ``os.wait4`` for that child
  alone (on Linux this is the largest resident set of the process or of any child it waited
  for, not their sum);
- tree peak: the largest sum of proportional set sizes (PSS) over the process and its
  descendants, sampled from ``/proc`` every 0.1 s (Linux only; blank elsewhere). It matters when
  the pipeline runs worker processes; being sampled, it can miss a short spike;
- the ingest summary's counts, so that a run where articles were classified as (near-)duplicate
  or rejected is visible: generated articles are meant to be all new.

Generated articles are deterministic (same N, same seed, same files) and are not copies of one
another: each keeps the dateline and lead of one example report (syndicated copies listed with
``near_duplicate_of`` in MANIFEST.json are left out), a random 40 % of that report's
other sentences in a shuffled order, a few sentences from other reports in the same language, and
generated sentences (names, places, numbers drawn from the article's own seeded generator) making
up about half of its words; people's names and figures of the borrowed text are swapped too.
``--check`` measures this on the generated set (word 3-shingles, as the near-duplicate stage
uses) without running the CLI.

Usage:
    python bench/ingest_bench.py                       # sizes 1000,10000, 3 repeats
    python bench/ingest_bench.py --sizes 1000 --repeats 1 --json
    python bench/ingest_bench.py --sizes 2000 --check  # generator statistics only
    python bench/ingest_bench.py --write out.jsonl --sizes 500   # keep a generated file

Numbers are for comparing runs on one machine; nothing here asserts a timing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import html
import json
import os
import platform
import random
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHINGLE = 3  # as dateline.dedupe

# --------------------------------------------------------------------------------------------
# Reading the examples


@dataclass(frozen=True)
class Report:
    name: str
    lang: str
    title: str | None
    source: str | None
    published: dt.date | None
    dateline: str | None
    lead: str  # first sentence, after the dateline
    sentences: tuple[str, ...]  # the others


_META = re.compile(r"^\s*(title|source|url|date)\s*:?\s+(.*)$", re.IGNORECASE)
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SENT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"»”]))\s+(?=[«\"“A-ZÀ-ÖØ-ÞА-ЯЁ0-9])")
_TAG = re.compile(r"<[^>]+>")


def _split_sentences(text: str) -> list[str]:
    out: list[str] = []
    for para in re.split(r"\n\s*\n|\n", text):
        para = " ".join(para.split())
        if para:
            out.extend(s.strip() for s in _SENT.split(para) if s.strip())
    return out


def _parse_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    m = _DATE.search(value)
    if m:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    try:  # RFC 822, from the feed
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(value).date()
    except (TypeError, ValueError):
        return None


def _report(name: str, entry: dict, body: str, title: str | None, source: str | None,
            published: dt.date | None) -> Report:
    body = body.strip()
    byline = entry.get("byline")
    if byline and body.endswith(byline):
        body = body[: -len(byline)].rstrip()
    dateline = entry.get("dateline")
    if dateline and dateline in body:
        body = body.split(dateline, 1)[1].strip()
    sentences = _split_sentences(body)
    published = published or _parse_date(entry.get("published"))
    return Report(name, entry["lang"], title, source, published, dateline, sentences[0], tuple(sentences[1:]))


def load_examples(folder: Path = EXAMPLES) -> list[Report]:
    """The example reports listed in MANIFEST.json, reduced to dateline, lead and sentences."""
    manifest = json.loads((folder / "MANIFEST.json").read_text(encoding="utf-8"))
    reports: list[Report] = []
    feeds: dict[str, list[ET.Element]] = {}
    jsonl: dict[str, list[dict]] = {}
    ns = {"content": "http://purl.org/rss/1.0/modules/content/"}
    for entry in manifest:
        if entry.get("near_duplicate_of"):
            continue  # a syndicated copy would make its articles near-duplicates of the original's
        path = folder / entry["file"]
        name = entry["file"] + (f"#{entry['item']}" if "item" in entry else "")
        if path.suffix == ".txt":
            lines = path.read_text(encoding="utf-8").splitlines()
            meta: dict[str, str] = {}
            while lines and (m := _META.match(lines[0])):
                key, rest = m[1].lower(), m[2]
                if key == "date" and (d := _DATE.match(rest)):  # " date 2026-03-04 Text goes on"
                    meta[key], rest = d[0], rest[d.end():].strip()
                    lines[0] = rest
                    if rest:
                        break
                else:
                    meta[key] = rest
                lines.pop(0)
            reports.append(_report(name, entry, "\n".join(lines), meta.get("title"), meta.get("source"),
                                   _parse_date(meta.get("date"))))
        elif path.suffix in (".rss", ".xml"):
            items = feeds.setdefault(entry["file"], ET.parse(path).getroot().findall("./channel/item"))
            item = items[entry["item"]]
            raw = item.findtext("content:encoded", default="", namespaces=ns)
            text = html.unescape(_TAG.sub("", raw.replace("</p>", "\n")))
            reports.append(_report(name, entry, text, item.findtext("title"), None,
                                   _parse_date(item.findtext("pubDate"))))
        elif path.suffix == ".jsonl":
            if entry["file"] not in jsonl:
                lines = path.read_text(encoding="utf-8").splitlines()
                jsonl[entry["file"]] = [json.loads(x) for x in lines if x.strip()]
            records = jsonl[entry["file"]]
            rec = records[entry["item"]]
            reports.append(_report(name, entry, rec["text"], rec.get("title"), rec.get("source"),
                                   _parse_date(rec.get("published"))))
    return reports


# --------------------------------------------------------------------------------------------
# Generating distinct articles

FIRST = {
    "en": "Alice Brian Carla Derek Emma Felix Grace Henry Irene James "
          "Karen Liam Maya Nathan Olivia Peter Rachel Simon Tessa Victor",
    "fr": "Amélie Bastien Camille Denis Élodie François Gaëlle Hugo Inès Jérôme "
          "Laure Mathieu Nadia Olivier Pauline Rémi Sophie Thibault Valérie Yann",
    "de": "Anja Bernd Claudia Dieter Eva Frank Gabi Heiko Ines Jan "
          "Katja Lars Monika Nils Petra Ralf Silke Thomas Ute Volker",
    "es": "Alba Bruno Carmen Diego Elena Fernando Gloria Héctor Inés Javier "
          "Lorena Manuel Nuria Óscar Paula Raúl Silvia Tomás Verónica Xavier",
    "it": "Alessia Bruno Chiara Davide Elena Fabio Giorgia Ivan Laura Matteo "
          "Nicoletta Paolo Roberta Sergio Teresa Ugo Valeria Andrea Fulvio Irene",
    "pt": "Ana Bruno Catarina Diogo Eduarda Filipe Gonçalo Helena Inês João "
          "Leonor Miguel Nuno Patrícia Rita Sérgio Teresa Vasco Beatriz Tiago",
    "ru": "Анна Борис Вера Глеб Дарья Егор Жанна Илья Ксения Лев "
          "Марина Никита Ольга Павел Рита Сергей Татьяна Фёдор Юлия Ярослав",
}
LAST = {
    "en": "Abbott Barker Collins Dawson Ellis Fletcher Gordon Harper Ingram Jennings "
          "Kemp Lawson Marsh Norris Owens Preston Quinn Russell Sutton Turner",
    "fr": "Aubert Barbier Chevalier Durand Fournier Garnier Hubert Joly Lacroix Mercier "
          "Noël Perrin Renaud Simon Texier Vidal Boucher Caron Lemaire Roux",
    "de": "Albrecht Brandt Dietrich Engel Fischer Graf Hahn Jäger Keller Lorenz "
          "Meyer Neumann Otto Pohl Richter Schuster Vogel Wolf Ziegler Krüger",
    "es": "Álvarez Blanco Castro Delgado Escobar Fuentes Gil Herrera Iglesias Jiménez "
          "León Molina Navarro Ortiz Pastor Ramos Santos Torres Vega Zamora",
    "it": "Amato Barbieri Colombo Ricci Esposito Ferri Galli Lombardi Marini "
          "Neri Orlando Pellegrini Rinaldi Santoro Testa Villa Bruni Conti Fabbri Greco",
    "pt": "Almeida Barros Cardoso Duarte Esteves Faria Gomes Henriques Lopes Macedo "
          "Neves Oliveira Pereira Queirós Ribeiro Simões Teixeira Vieira Matos Cunha",
    "ru": "Андреев Белов Волков Григорьев Демидов Ершов Жуков Зайцев Исаев Козлов "
          "Лебедев Морозов Никитин Орлов Попов Романов Соколов Тихонов Фролов Яковлев",
}
PLACES = {
    "en": "Leeds Bristol Dundee Cardiff Halifax Galway Perth Hobart Dunedin Exeter",
    "fr": "Lyon Nantes Rennes Dijon Grenoble Lille Reims Tours Brest Annecy",
    "de": "Kassel Erfurt Bremen Ulm Rostock Trier Passau Görlitz Aachen Jena",
    "es": "Burgos Cádiz León Murcia Oviedo Soria Teruel Vigo Huesca Lugo",
    "it": "Bergamo Lecce Pavia Trento Udine Ancona Siena Cagliari Matera Rovigo",
    "pt": "Braga Évora Viseu Faro Coimbra Aveiro Leiria Guarda Beja Tomar",
    "ru": "Тверь Казань Самара Пермь Омск Томск Курск Тула Псков Вологда",
}
# Generated sentences: short templates whose fixed words rarely run to three in a row, so that
# nearly every word 3-shingle holds a drawn slot (name, place, figure, noun, weekday).
TEMPLATES = {
    "en": [
        "{name} of {place} counted {n} {noun} on {day}.",
        "In {place}, {name} reported {n} {noun} since {day}.",
        "{name} expects {n} more {noun} in {place} within {m} days.",
        "By {day}, {place} had {n} {noun}, {name} said.",
        "{name} ({place}) put the number of {noun} at {n} after {m} days.",
    ],
    "fr": [
        "{name}, à {place}, a recensé {n} {noun} {day}.",
        "Selon {name}, {place} compte {n} {noun} depuis {day}.",
        "{name} prévoit {n} {noun} de plus à {place} sous {m} jours.",
        "À {place}, {n} {noun} ont été signalés jusqu'à {day}, d'après {name}.",
        "{name} ({place}) évoque {n} {noun} en {m} jours.",
    ],
    "de": [
        "{name} aus {place} zählte am {day} {n} {noun}.",
        "Laut {name} gab es in {place} seit {day} {n} {noun}.",
        "{name} erwartet in {place} binnen {m} Tagen {n} weitere {noun}.",
        "In {place} wurden bis {day} {n} {noun} erfasst, sagte {name}.",
        "{name} ({place}) nannte {n} {noun} in {m} Tagen.",
    ],
    "es": [
        "{name}, en {place}, contabilizó {n} {noun} el {day}.",
        "Según {name}, {place} suma {n} {noun} desde el {day}.",
        "{name} prevé {n} {noun} más en {place} en {m} días.",
        "En {place} se registraron {n} {noun} hasta el {day}, dijo {name}.",
        "{name} ({place}) habló de {n} {noun} en {m} días.",
    ],
    "it": [
        "{name}, a {place}, ha contato {n} {noun} {day}.",
        "Secondo {name}, {place} registra {n} {noun} da {day}.",
        "{name} prevede altri {n} {noun} a {place} entro {m} giorni.",
        "A {place} sono stati censiti {n} {noun} fino a {day}, ha detto {name}.",
        "{name} ({place}) parla di {n} {noun} in {m} giorni.",
    ],
    "pt": [
        "{name}, em {place}, contabilizou {n} {noun} até {day}.",
        "Segundo {name}, {place} soma {n} {noun} desde {day}.",
        "{name} prevê mais {n} {noun} em {place} dentro de {m} dias.",
        "Em {place} foram registados {n} {noun} até {day}, disse {name}.",
        "{name} ({place}) falou em {n} {noun} em {m} dias.",
    ],
    "ru": [
        "{name} из города {place} насчитал {n} {noun} в {day}.",
        "По данным, которые привел {name}, в городе {place} зарегистрировано {n} {noun}.",
        "{name} ожидает еще {n} {noun} в городе {place} в течение {m} дней.",
        "В городе {place} к {day} учтено {n} {noun}, сообщил {name}.",
        "{name} ({place}) говорит о {n} {noun} за {m} дней.",
    ],
}
NOUNS = {
    "en": "claims permits complaints inspections vehicles volunteers households shipments contracts patients "
          "tickets applications visitors passengers reports meetings repairs deliveries calls requests",
    "fr": "demandes dossiers plaintes contrôles véhicules bénévoles foyers livraisons contrats patients "
          "billets visiteurs passagers rapports réunions réparations appels inscriptions chantiers colis",
    "de": "Anträge Beschwerden Kontrollen Fahrzeuge Helfer Haushalte Lieferungen Verträge Patienten Tickets "
          "Besucher Fahrgäste Berichte Sitzungen Reparaturen Anrufe Anmeldungen Baustellen Pakete Meldungen",
    "es": "solicitudes expedientes quejas inspecciones vehículos voluntarios hogares envíos contratos "
          "pacientes billetes visitantes pasajeros informes reuniones reparaciones llamadas "
          "inscripciones obras paquetes",
    "it": "richieste pratiche reclami controlli veicoli volontari famiglie spedizioni contratti pazienti "
          "biglietti visitatori passeggeri rapporti riunioni riparazioni chiamate iscrizioni cantieri pacchi",
    "pt": "pedidos processos queixas inspeções veículos voluntários famílias envios contratos doentes "
          "bilhetes visitantes passageiros relatórios reuniões reparações chamadas inscrições "
          "obras encomendas",
    "ru": "заявок жалоб проверок автомобилей добровольцев семей поставок контрактов пациентов билетов "
          "посетителей пассажиров отчетов совещаний ремонтов звонков обращений объектов посылок сообщений",
}
DAYS = {
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche",
    "de": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag",
    "es": "lunes martes miércoles jueves viernes sábado domingo",
    "it": "lunedì martedì mercoledì giovedì venerdì sabato domenica",
    "pt": "segunda-feira terça-feira quarta-feira quinta-feira sexta-feira sábado domingo",
    "ru": "понедельник вторник среду четверг пятницу субботу воскресенье",
}
# People named in the examples; in generated articles they are swapped for generated names.
EXAMPLE_PEOPLE = [
    "Kittipong Rattanachai", "Chan Sopheap", "Regula Amstutz", "Karim Benali", "Philippe Tavernier",
    "Markus Hollenbach", "Sabine Ertl", "Jürgen Pfister", "Henrique Furtado",
    "Карим Бенали", "Филипп Тавернье",
]
# Whole numbers, not parts of decimals, times or codes ("5.8", "4:12", "6 h 40", "0512 GMT").
_NUMBER = re.compile(r"(?<![\w.,:])(?:\d{1,3}(?:[.,]\d{3})+|\d+)(?![\w]|[.,:]\d|\s?h\b|\s[A-Z]{3}\b)")


def _lang(lang: str) -> str:
    return lang if lang in TEMPLATES else "en"


def _person(rng: random.Random, lang: str) -> str:
    lang = _lang(lang)
    return f"{rng.choice(FIRST[lang].split())} {rng.choice(LAST[lang].split())}"


def _generated_sentence(rng: random.Random, lang: str) -> str:
    lang = _lang(lang)
    return rng.choice(TEMPLATES[lang]).format(
        name=_person(rng, lang), place=rng.choice(PLACES[lang].split()),
        noun=rng.choice(NOUNS[lang].split()), day=rng.choice(DAYS[lang].split()),
        n=rng.randint(2, 9999), m=rng.randint(2, 90),
    )


def _swap(text: str, rng: random.Random, people: dict[str, str]) -> str:
    """Replace the examples' people by this article's own (``people``: old name -> new name),
    then nudge about half the figures."""
    for real, new in people.items():
        text = text.replace(real, new)
        # later mentions by one part of the name ("Kittipong said", "Hollenbach told")
        for old_part, new_part in zip(real.split(), new.split()):
            text = re.sub(rf"\b{re.escape(old_part)}\b", new_part, text)

    def nudge(m: re.Match) -> str:
        digits = m[0].replace(",", "").replace(".", "")
        if rng.random() < 0.5 or (len(digits) == 4 and digits.startswith(("19", "20"))):
            return m[0]  # keep years and half the figures
        return str(int(digits) + rng.randint(1, 97))

    return _NUMBER.sub(nudge, text)


def generate(reports: list[Report], n: int, seed: int = 2026) -> list[dict]:
    """``n`` distinct JSON Lines records built from the example reports."""
    pool: dict[str, dict[str, str]] = {}  # lang -> sentence -> the report it came from
    for r in reports:
        for s in r.sentences:
            pool.setdefault(r.lang, {}).setdefault(s, r.name)
    out = []
    for i in range(n):
        rng = random.Random(seed * 1_000_003 + i)
        base = reports[i % len(reports)]
        lang = base.lang
        kept = [s for s in base.sentences if rng.random() < 0.4]
        others = [s for s, name in pool.get(lang, {}).items() if name != base.name]
        borrowed = rng.sample(others, min(len(others), rng.randint(1, 3)))
        whole = " ".join((base.lead, *base.sentences, *borrowed))
        people = {real: _person(rng, lang) for real in EXAMPLE_PEOPLE if real in whole}
        body = [_swap(s, rng, people) for s in kept + borrowed]
        words = sum(len(s.split()) for s in body) + len(base.lead.split())
        generated: list[str] = []
        # generated sentences make up about half of the article's words (at least three sentences)
        while len(generated) < 3 or sum(len(s.split()) for s in generated) < words:
            generated.append(_generated_sentence(rng, lang))
        body += generated
        rng.shuffle(body)
        lead = _swap(base.lead, rng, people)
        first = f"{base.dateline} {lead}" if base.dateline else lead
        paragraphs = [first]
        while body:
            k = rng.randint(1, 3)
            paragraphs.append(" ".join(body[:k]))
            body = body[k:]
        published = (base.published or dt.date(2026, 3, 1)) + dt.timedelta(days=(i // len(reports)) % 60)
        title = base.title or " ".join(base.lead.split()[:9]).rstrip(",.;:")
        out.append({
            "id": f"bench-{i:07d}",
            "url": f"https://bench.example.org/{lang}/{published:%Y/%m/%d}/{i:07d}",
            "title": f"{_swap(title, rng, people)} ({i})",
            "published": published.isoformat(),
            "lang": lang,
            "source": base.source or "Bench Wire",
            "text": "\n\n".join(paragraphs),
        })
    return out


def write_jsonl(records: list[dict], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for rec in records:
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    return path


# --------------------------------------------------------------------------------------------
# Checking the generator: how different are the articles, by the near-duplicate stage's measure


def _words(text: str) -> list[str]:
    """Words as dateline.text.ids.normalize_for_id folds them."""
    return re.sub(r"[\W_]+", " ", unicodedata.normalize("NFKC", text).casefold()).split()


def _shingles(text: str) -> set[str]:
    words = _words(text)
    return {" ".join(words[k:k + SHINGLE]) for k in range(len(words) - SHINGLE + 1)}


def check(records: list[dict], reports: list[Report], sample: int = 2000) -> dict:
    """For the first ``sample`` generated articles: the Jaccard of word 3-shingles of every pair
    that shares any shingle (the near-duplicate stage calls a pair copies at 0.6), and the share
    of each article's shingles that are not in the example it was made from."""
    recs = records[:sample]
    lengths = [len(r["text"].split()) for r in recs]
    sh = [_shingles(r["text"]) for r in recs]
    base_sh = [_shingles(" ".join((r.dateline or "", r.lead) + r.sentences)) for r in reports]
    new_share = [len(x - base_sh[i % len(reports)]) / max(1, len(x)) for i, x in enumerate(sh)]
    postings: dict[str, list[int]] = {}
    shared: dict[tuple[int, int], int] = {}
    for d, shingles in enumerate(sh):
        for g in shingles:
            docs = postings.setdefault(g, [])
            for e in docs:
                shared[(e, d)] = shared.get((e, d), 0) + 1
            docs.append(d)

    def jaccard(pair: tuple[int, int]) -> float:
        return shared[pair] / (len(sh[pair[0]]) + len(sh[pair[1]]) - shared[pair])

    jac = sorted(map(jaccard, shared))
    worst = max(shared, key=jaccard, default=None)
    ids = {hashlib.sha256(" ".join(_words(r["text"])).encode()).hexdigest() for r in recs}
    return {
        "articles_checked": len(recs),
        "distinct_texts": len(ids),
        "words_mean": round(statistics.mean(lengths), 1),
        "words_min_max": [min(lengths), max(lengths)],
        "pairs_sharing_a_shingle": len(jac),
        "pair_jaccard_p99": round(jac[int(0.99 * (len(jac) - 1))], 3) if jac else None,
        "pair_jaccard_max": round(jac[-1], 3) if jac else None,
        "closest_pair": [recs[worst[0]]["id"], recs[worst[1]]["id"]] if worst else None,
        "pairs_at_or_above_0.6": sum(1 for j in jac if j >= 0.6),
        "new_shingle_share_min": round(min(new_share), 3),
        "new_shingle_share_mean": round(statistics.mean(new_share), 3),
    }


# --------------------------------------------------------------------------------------------
# Running the CLI and measuring it


def _children_of(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children") as f:
            return [int(x) for x in f.read().split()]
    except FileNotFoundError:  # kernel without CONFIG_PROC_CHILDREN: scan every process's parent
        kids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                kids.append(int(stat.parent.name))
        return kids
    except OSError:
        return []


def _memory_kb(pid: int) -> int:
    """Proportional set size (shared pages divided among the processes sharing them), so that
    summing over forked workers does not count the parent's pages once per worker; resident set
    size where the kernel has no smaps_rollup."""
    for path, key in ((f"/proc/{pid}/smaps_rollup", "Pss:"), (f"/proc/{pid}/status", "VmRSS:")):
        try:
            with open(path) as f:
                for line in f:
                    if line.startswith(key):
                        return int(line.split()[1])
        except OSError:
            continue
    return 0


class TreeSampler(threading.Thread):
    """Largest total memory (PSS) of a process and its descendants, sampled from /proc."""

    def __init__(self, pid: int, interval: float = 0.1) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_kb = 0
        self.available = Path(f"/proc/{pid}/status").exists()
        self._halt = threading.Event()

    def run(self) -> None:
        while self.available and not self._halt.is_set():
            total, todo, seen = 0, [self.pid], set()
            while todo:
                p = todo.pop()
                if p in seen:
                    continue
                seen.add(p)
                total += _memory_kb(p)
                todo.extend(_children_of(p))
            self.peak_kb = max(self.peak_kb, total)
            self._halt.wait(self.interval)

    def stop(self) -> None:
        self._halt.set()
        self.join()


def default_cli() -> list[str]:
    exe = Path(sys.executable).parent / "dateline"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("dateline")
    return [found] if found else [sys.executable, "-m", "dateline.cli"]


def _summary(stdout: str) -> dict:
    try:
        data = json.loads(stdout)
    except ValueError:
        data = None
        for line in reversed(stdout.splitlines()):
            try:
                data = json.loads(line)
                break
            except ValueError:
                continue
    if not isinstance(data, dict):
        return {}
    for key in ("summary", "counts"):
        if isinstance(data.get(key), dict):
            data = {**data, **data[key]}
    return data


def run_once(cli: list[str], jsonl: Path, workdir: Path, n: int) -> dict:
    db = workdir / "bench.db"
    for p in workdir.glob("bench.db*"):
        p.unlink()
    cmd = [*cli, "ingest", str(jsonl), "--db", str(db), "--no-progress", "--no-analyze", "--json"]
    out_path, err_path = workdir / "stdout.txt", workdir / "stderr.txt"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL)
        sampler = TreeSampler(proc.pid)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        sampler.stop()
    proc.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
    stdout = out_path.read_text(encoding="utf-8", errors="replace")
    stderr = err_path.read_text(encoding="utf-8", errors="replace")
    # ru_maxrss: kilobytes on Linux, bytes on macOS
    max_rss_mb = usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    summary = _summary(stdout)
    counts = {k: summary.get(k) for k in ("read", "new", "duplicate", "near_duplicate", "rejected")}
    result = {
        "returncode": proc.returncode,
        "seconds": round(seconds, 3),
        "articles_per_s": round(n / seconds, 1),
        "max_rss_mb": round(max_rss_mb, 1),
        "tree_peak_mb": round(sampler.peak_kb / 1024, 1) if sampler.available else None,
        "user_s": round(usage.ru_utime, 2),
        "sys_s": round(usage.ru_stime, 2),
        **counts,
    }
    if proc.returncode != 0 or not summary:
        result["stderr_tail"] = stderr[-2000:]
        result["stdout_tail"] = stdout[-500:]
    return result


# --------------------------------------------------------------------------------------------


def print_table(results: list[dict]) -> None:
    def cell(value: object, fmt: str = "") -> str:
        return "-" if value is None else format(value, fmt)

    print(f"\n{'size':>7} {'median art/s':>13} {'peak RSS MB':>12} {'tree MB':>8} "
          f"{'new':>6} {'near-dup':>8} {'dup':>5} {'rej':>5}  runs (art/s)")
    for s in results:
        last = s["runs"][-1]  # counts are the same in every run: each starts from an empty database
        runs = ", ".join(f"{x['articles_per_s']:.1f}" for x in s["runs"])
        print(f"{s['size']:>7} {s['median_articles_per_s']:>13.1f} {s['peak_rss_mb']:>12.1f} "
              f"{cell(s['tree_peak_mb'], '.1f'):>8} {cell(last['new']):>6} {cell(last['near_duplicate']):>8} "
              f"{cell(last['duplicate']):>5} {cell(last['rejected']):>5}  {runs}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000", help="comma-separated article counts (1000,10000)")
    ap.add_argument("--repeats", type=int, default=3, help="runs per size; the median is reported (3)")
    ap.add_argument("--json", action="store_true", help="print the results as one JSON object")
    ap.add_argument("--seed", type=int, default=2026, help="generator seed (default 2026)")
    ap.add_argument("--examples", type=Path, default=EXAMPLES, help="folder with MANIFEST.json (examples/)")
    ap.add_argument("--cli", default=None, help="command running Dateline (the dateline beside this Python)")
    ap.add_argument("--check", action="store_true", help="only generate; report how distinct they are")
    ap.add_argument("--write", type=Path, default=None, help="only generate the largest size into this file")
    args = ap.parse_args(argv)

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    if not sizes or min(sizes) < 1 or args.repeats < 1:
        ap.error("--sizes needs positive counts and --repeats at least 1")
    reports = load_examples(args.examples)
    log = (lambda *a: print(*a, file=sys.stderr)) if args.json else print

    if args.write or args.check:
        records = generate(reports, max(sizes), args.seed)
        if args.write:
            write_jsonl(records, args.write)
            log(f"wrote {len(records)} articles to {args.write}")
        if args.check:
            stats = check(records, reports)
            lines = [f"{k:>28}: {v}" for k, v in stats.items()]
            print(json.dumps(stats, indent=2) if args.json else "\n".join(lines))
        return 0

    cli = shlex.split(args.cli) if args.cli else default_cli()
    results = []
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmp:
        workdir = Path(tmp)
        for n in sizes:
            jsonl = write_jsonl(generate(reports, n, args.seed), workdir / f"articles-{n}.jsonl")
            runs = []
            for r in range(args.repeats):
                log(f"size {n}: run {r + 1}/{args.repeats} ...")
                runs.append(run_once(cli, jsonl, workdir, n))
                if runs[-1]["returncode"] not in (0,):
                    log(f"  exit status {runs[-1]['returncode']}: {runs[-1].get('stderr_tail', '')[-600:]}")
            ok = [x for x in runs if x["returncode"] == 0] or runs
            results.append({
                "size": n,
                "input_mb": round(jsonl.stat().st_size / 1e6, 2),
                "median_articles_per_s": statistics.median(x["articles_per_s"] for x in ok),
                "median_seconds": statistics.median(x["seconds"] for x in ok),
                "peak_rss_mb": max(x["max_rss_mb"] for x in ok),
                "tree_peak_mb": max((x["tree_peak_mb"] or 0) for x in ok) or None,
                "runs": runs,
            })

    report = {
        "benchmark": "ingest",
        "command": shlex.join([*cli, "ingest", "FILE.jsonl", "--db", "TMP/bench.db", 
                              "--no-progress", "--no-analyze", "--json"]),
        "repeats": args.repeats,
        "seed": args.seed,
        "machine": {"python": platform.python_version(), "platform": platform.platform(),
                    "cpus": os.cpu_count()},
        "sizes": results,
    }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_table(results)
        machine = report["machine"]
        print(f"\n{report['command']}  ({machine['cpus']} CPUs, Python {machine['python']})")
    return 0 if all(x["returncode"] == 0 for s in results for x in s["runs"]) else 1


if __name__ == "__main__":
    sys.exit(main())
