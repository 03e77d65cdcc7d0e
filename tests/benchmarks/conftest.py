"""Fixtures of the benchmark tests: where ../shared/eval is (tests skip when it is absent)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EVAL = Path(os.environ.get("CARTELKB_SHARED", ROOT.parent / "shared")) / "eval"


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    """../shared/eval, the converted benchmark data (see its README.md)."""
    if not EVAL.is_dir():
        pytest.skip(f"benchmark data not found at {EVAL} (../shared is absent)")
    return EVAL
