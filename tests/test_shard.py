"""`ingest --shard K/N`: N processes given the same inputs divide them without overlap."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from cartelkb.cli import app
from cartelkb.config import in_shard, shard
from cartelkb.errors import ConfigError

runner = CliRunner()


@pytest.mark.parametrize(("text", "parsed"), [("1/4", (1, 4)), ("4/4", (4, 4)), ("1/1", (1, 1))])
def test_shard_parses(text, parsed):
    assert shard(text) == parsed


@pytest.mark.parametrize("text", ["0/4", "5/4", "4", "a/b", "1/0", "-1/2", "1/2/3", ""])
def test_bad_shard_is_a_clear_error(text):
    with pytest.raises(ConfigError, match="is not K/N with 1 <= K <= N"):
        shard(text)


@given(st.text(min_size=1), st.integers(min_value=1, max_value=12))
def test_every_key_is_in_exactly_one_shard(key, n):
    assert sum(in_shard(key, (k, n)) for k in range(1, n + 1)) == 1


def test_shards_spread_keys_evenly():
    keys = [f"{i:064x}" for i in range(4000)]
    sizes = [sum(in_shard(key, (k, 4)) for key in keys) for k in range(1, 5)]
    assert sum(sizes) == 4000
    assert all(800 < size < 1200 for size in sizes), sizes


def test_shards_of_one_database_store_every_article_once(tmp_path, seeds_dir):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    seeds = sorted(seeds_dir.glob("*.txt"))
    for seed in seeds:
        (corpus / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    # a copy under another name lands in the same shard as its original (keyed by content)
    (corpus / "copy.txt").write_text(seeds[0].read_text(encoding="utf-8"), encoding="utf-8")
    (corpus / "empty.txt").write_text("", encoding="utf-8")  # a failure, reported once
    db = tmp_path / "kb.db"
    summaries = []
    for k in (1, 2, 3):
        result = runner.invoke(
            app, ["ingest", str(corpus), "--db", str(db), "--shard", f"{k}/3", "-f", "json"]
        )
        assert result.exit_code in (0, 1), result.output
        summaries.append(json.loads(result.stdout))
    assert sum(s["added"] for s in summaries) == 5
    assert sum(s["unchanged"] for s in summaries) == 1  # the copy, after its original
    assert sum(s["failed"] for s in summaries) == 1
    for s in summaries:
        assert s["added"] + s["unchanged"] + s["failed"] + s["other_shards"] == 7
    assert summaries[-1]["articles"] == 5


def test_shard_summary_says_how_many_files_went_to_other_shards(tmp_path, seeds_dir):
    result = runner.invoke(
        app, ["ingest", str(seeds_dir), "--db", str(tmp_path / "kb.db"), "--shard", "1/5"]
    )
    assert result.exit_code == 0, result.output
    assert "left to other shards" in result.output
