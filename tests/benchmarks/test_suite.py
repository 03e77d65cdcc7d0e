"""Tests for cartelkb.benchmarks.suite and scripts/quality.py: one table, no test errors."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from cartelkb.benchmarks import suite
from cartelkb.config import DEFAULT_MODEL

ROOT = Path(__file__).resolve().parents[2]

SENTENCES = [
    (
        "The police arrested two men in Tijuana .",
        [
            {"pred": "arrested", "args": ["The police", "two men", "in Tijuana"]},
            # an implicit relation no claim states: always missed
            {"pred": "is in", "args": ["Tijuana", "Mexico"]},
        ],
    ),
    (
        "Officials said the border would close .",
        [
            {"pred": "said", "args": ["Officials", "the border would close"]},
            {"pred": "would close", "args": ["the border"]},
        ],
    ),
]


@pytest.fixture()
def tiny_eval(tmp_path: Path) -> Path:
    """An eval folder with two-sentence CaRB dev and test splits."""
    folder = tmp_path / "eval" / "carb"
    folder.mkdir(parents=True)
    for split in ("dev", "test"):
        with (folder / f"{split}.jsonl").open("w", encoding="utf-8") as handle:
            for i, (sentence, gold) in enumerate(SENTENCES):
                row = {"sent_id": i, "sentence": sentence, "gold": gold}
                handle.write(json.dumps(row) + "\n")
    return tmp_path / "eval"


def context(eval_dir: Path, tmp_path: Path, errors: bool) -> suite.Context:
    return suite.Context(
        eval_dir=eval_dir,
        gold_dir=tmp_path / "gold",
        seeds_dir=ROOT / "data" / "seeds",
        dev_dir=tmp_path / "dev",
        tbaq=None,
        model=DEFAULT_MODEL,
        errors=errors,
    )


def test_errors_are_listed_for_dev_splits_only(tiny_eval, tmp_path, nlp):
    dev, test = suite.run_carb(context(tiny_eval, tmp_path, errors=True))
    assert (dev.name, dev.test, test.name, test.test) == ("CaRB dev", False, "CaRB test", True)
    # the same sentences: the dev split lists what was missed, the test split nothing
    assert dev.errors and not test.errors
    assert [r.measure for r in test.rows] == ["P", "R", "F1", "AUC", "tuples"]
    assert test.rows[2].reference == "48.8 (OpenIE-4)"
    lines = suite.render([dev, test], 1.0, errors=True)
    assert any(line.startswith("CaRB dev: ") for line in lines)
    test.errors = ["leaked"]
    with pytest.raises(ValueError, match="test split"):
        suite.render([test], 1.0)


def test_missing_data_is_a_note_not_a_crash(tmp_path):
    ctx = context(tmp_path / "nowhere", tmp_path, errors=False)
    results = suite.run_ecbplus(ctx) + suite.run_dev(ctx)
    assert [r.rows for r in results] == [[], [], []]
    lines = suite.render(results, 0.0)
    assert sum("skipped (see notes)" in line for line in lines) == 3
    assert any("dev corpus skipped:" in line and "not scored" in line for line in lines)


@pytest.fixture(scope="module")
def quality():
    spec = importlib.util.spec_from_file_location("quality", ROOT / "scripts" / "quality.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_quality_script_json(quality, tiny_eval, tmp_path, nlp, capsys):
    code = quality.main(
        ["--only", "carb", "--only", "dev", "--format", "json", "--errors"]
        + ["--eval", str(tiny_eval), "--dev", str(tmp_path / "dev")]
    )
    assert code == 0
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    by_name = {r["name"]: r for r in data["results"]}
    assert list(by_name) == ["CaRB dev", "CaRB test", "dev corpus"]
    assert by_name["CaRB test"]["split"] == "test" and by_name["CaRB test"]["errors"] == []
    assert by_name["CaRB dev"]["errors"]
    assert 0 <= by_name["CaRB test"]["details"]["f1"] <= 1
    # one progress line before and after each benchmark, on stderr
    assert captured.err.count("quality [") == 4
