"""A real browser check: `cartelkb serve` on the seeds, pages loaded in headless Chromium.

Needs Datasette (`pip install -e ".[serve]"`) and Chromium (Debian: `apt-get install -y
chromium`; elsewhere set CARTELKB_CHROMIUM to its path); skipped, with the reason,
when either is missing. Run it alone with `pytest -m browser`.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",  # the tests run as root in CI
    "--disable-gpu",
    # No network but the loopback here: keep Chromium from calling home.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]


def chromium() -> str | None:
    configured = os.environ.get("CARTELKB_CHROMIUM")
    if configured:
        return configured if Path(configured).exists() else None
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def browser() -> str:
    if importlib.util.find_spec("datasette") is None:
        pytest.skip('Datasette is not installed (pip install -e ".[serve]")')
    path = chromium()
    if path is None:
        pytest.skip("Chromium not found (apt-get install -y chromium, or set CARTELKB_CHROMIUM)")
    return path


@pytest.fixture(scope="module")
def server(browser, seeded_db, tmp_path_factory) -> Iterator[str]:
    """`cartelkb serve` on a geocoded copy of the seeds, on a free port of 127.0.0.1."""
    from cartelkb.geocode import geocode_places
    from cartelkb.store.db import open_database, session_scope

    path = tmp_path_factory.mktemp("browser") / "kb.db"
    source = sqlite3.connect(seeded_db.removeprefix("sqlite:///"))
    target = sqlite3.connect(path)
    with target:
        source.backup(target)
    source.close()
    target.close()
    engine = open_database(f"sqlite:///{path}", write=True)
    with session_scope(engine) as session:
        geocode_places(session)
    engine.dispose()

    port = free_port()
    log = tmp_path_factory.mktemp("browser-log") / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "cartelkb", "serve", "--db", str(path), "--port", str(port)],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{base}/-/versions.json", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"cartelkb serve did not start:\n{log.read_text()}")
                time.sleep(0.3)
        yield f"{base}/kb"
    finally:
        process.terminate()  # cartelkb stops Datasette on SIGTERM
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def dom(browser: str, url: str) -> str:
    """The page as Chromium rendered it, scripts run (the map is drawn by JavaScript)."""
    with tempfile.TemporaryDirectory(prefix="cartelkb-chromium-") as profile:
        result = subprocess.run(
            [
                browser,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={profile}",
                "--virtual-time-budget=5000",
                "--dump-dom",
                url,
            ],  # fmt: skip
            capture_output=True,
            text=True,
            timeout=90,
        )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def cells(html: str) -> list[str]:
    """The text of the result table's cells."""
    found = re.findall(r"<td[^>]*>(.*?)</td>", html, flags=re.S)
    return [re.sub(r"<[^>]+>", "", c).strip() for c in found]


def test_who_is_page(browser, server):
    html = dom(browser, f"{server}/who_is?name=Sheinbaum")
    assert "Who is X?" in html
    assert "returning 1 row" in html
    assert {"Claudia Sheinbaum", "PERSON", "Sheinbaum"} <= set(cells(html))


def test_claims_about_page(browser, server):
    html = dom(browser, f"{server}/claims_about?name=Sheinbaum")
    assert "returning 16 rows" in html
    assert "reject" in cells(html)


def test_places_page_draws_the_map(browser, server):
    html = dom(browser, f"{server}/places?country=mx")
    assert "returning 4 rows" in html
    assert {"Mexico", "Guerrero", "Mexico City", "Michoacán"} <= set(cells(html))
    assert "leaflet-container" in html  # datasette-cluster-map drew its map
    assert html.count("leaflet-marker-icon") + html.count("marker-cluster-") >= 2


def test_table_page_shows_rows_with_labels(browser, server, seeded_db):
    with sqlite3.connect(seeded_db.removeprefix("sqlite:///")) as conn:
        entity_id, mentions = conn.execute(
            "SELECT e.id, count(*) FROM entities e JOIN mentions m ON m.entity_id = e.id "
            "WHERE e.name = 'Claudia Sheinbaum' GROUP BY e.id"
        ).fetchone()
    html = dom(browser, f"{server}/mentions?entity_id={entity_id}")
    assert f"{mentions} rows" in html
    # The foreign key is shown by the entity's name, linked to its row.
    assert re.search(rf'<a href="/kb/entities/{entity_id}">Claudia Sheinbaum</a>', html)
    entities = dom(browser, f"{server}/entities?type=PERSON")
    assert "Claudia Sheinbaum" in cells(entities)


def test_full_text_search_on_articles_and_claims(browser, server, seeded_db):
    with sqlite3.connect(seeded_db.removeprefix("sqlite:///")) as conn:
        (articles,) = conn.execute(
            "SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'Sheinbaum'"
        ).fetchone()
        (claims,) = conn.execute(
            "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'fentanyl'"
        ).fetchone()
    assert articles == 3 and claims > 0  # three seeds name her; several claims fentanyl
    html = dom(browser, f"{server}/articles?_search=Sheinbaum")
    assert f"{articles} rows where search matches" in html
    page = dom(browser, f"{server}/claims?_search=fentanyl")
    assert f"{claims} rows where search matches" in page
