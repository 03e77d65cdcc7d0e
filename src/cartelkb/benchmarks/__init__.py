"""Benchmark scorers and adapters (CaRB, ECB+, TempEval-3, gold corpora) for scripts/quality.py.

Nothing here is imported by the CLI. Scorers are pure functions over plain data; the
adapters run cartelkb over a benchmark's inputs through its public entry points.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Row:
    """One line of the quality table: a measure of cartelkb beside its comparison figure."""

    benchmark: str  # e.g. "CaRB dev"
    measure: str  # e.g. "F1"
    value: float | int | str | None
    reference: float | int | str | None = None  # baseline on the same data, or an anchor
    reference_label: str = ""  # what `reference` is ("OpenIE-4", "same-lemma baseline")
    detail: str = ""  # counts behind the value ("114/138")


@dataclass
class Result:
    """What one benchmark run produced.

    `errors` lists per-item mistakes and is filled for development splits only: test
    splits are measured, never analysed.
    """

    name: str
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0
