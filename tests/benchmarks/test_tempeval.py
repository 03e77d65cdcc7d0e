"""Tests for cartelkb.benchmarks.tempeval and scripts/convert_tbaq.py."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from cartelkb.benchmarks import tempeval

ROOT = Path(__file__).resolve().parents[2]


def span(start: int, end: int, value: str = "2013", text: str = "") -> dict:
    return {"start": start, "end": end, "value": value, "text": text or f"{start}-{end}"}


def test_pairs_are_one_to_one_largest_overlap_first():
    gold = [span(0, 10), span(12, 20)]
    system = [span(5, 15), span(8, 20)]  # overlaps: g0-s0 5, g0-s1 2, g1-s0 3, g1-s1 8
    assert sorted(tempeval.pair(gold, system)) == [(0, 0), (1, 1)]
    assert tempeval.pair([span(0, 4)], [span(4, 8)]) == []  # touching is not overlapping


def test_span_scores():
    gold = [span(0, 10, "2013-03"), span(20, 25, "P1M"), span(30, 35, "2012")]
    system = [span(0, 10, "2013-03"), span(21, 25, "P2M"), span(40, 45, "2011")]
    errors: list[str] = []
    result = tempeval.score_spans(gold, system, errors, "doc")
    assert (result.gold, result.system, result.relaxed, result.strict, result.value) == (
        3,
        3,
        2,
        1,
        1,
    )
    assert result.relaxed_prf == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert result.value_prf == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert [e.split()[1] for e in errors] == ["VALUE", "MISSED", "EXTRA"]


def test_check_offsets():
    doc = {"doc_id": "d", "text": "On Friday, March 22", "timexes": [span(3, 9, text="Friday")]}
    assert tempeval.check_offsets([doc]) == []
    doc["timexes"].append(span(11, 16, text="Marc"))
    assert len(tempeval.check_offsets([doc])) == 1


def test_end_to_end_reads_timex_and_stored_values(nlp):
    text = "Officials met on March 3, 2013, and the talks are now over."
    gold = [
        {"start": 17, "end": 30, "text": "March 3, 2013", "type": "DATE", "value": "2013-03-03"},
        {"start": 50, "end": 53, "text": "now", "type": "DATE", "value": "PRESENT_REF"},
    ]
    assert tempeval.check_offsets([{"doc_id": "d", "text": text, "timexes": gold}]) == []
    docs = [{"doc_id": "d", "dct": "2013-03-22", "text": text, "timexes": gold}]
    result = tempeval.eval_end_to_end(docs, nlp)
    assert (result.timex.relaxed, result.timex.value) == (2, 2)
    # the knowledge base stores "now" as TimeML's PRESENT_REF (the time of the text)
    assert (result.stored.relaxed, result.stored.value) == (2, 2)
    norm = tempeval.eval_normalization(tempeval.timexes_of(docs))
    assert (norm.correct, norm.n, norm.by_type["DATE"]) == (2, 2, (2, 2))


@pytest.fixture(scope="module")
def convert_tbaq():
    spec = importlib.util.spec_from_file_location("convert_tbaq", ROOT / "scripts/convert_tbaq.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TML = b"""<?xml version="1.0" ?>
<TimeML>
<DOCID>wsj_0001</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1989-11-02" \
functionInDocument="CREATION_TIME">11/02/89</TIMEX3></DCT>
<TEXT>
Profits &amp; sales <EVENT eid="e1">rose</EVENT> <TIMEX3 tid="t1" type="DATE" value="1989-Q3" \
anchorTimeID="t0">in the <b>third</b> quarter</TIMEX3>, and <TIMEX3 tid="t2" type="DATE" \
value="PRESENT_REF"/>now <TIMEX3 tid="t3" type="DURATION" value="P2Y">two years</TIMEX3> later.
</TEXT>
</TimeML>
"""


def test_convert_tbaq_document(convert_tbaq):
    record, empty = convert_tbaq.convert(TML, "wsj_0001.tml", "TimeBank")
    assert empty == 1  # the non-consuming TIMEX3 is no extent
    assert record["doc_id"] == "wsj_0001" and record["dct"] == "1989-11-02"
    assert record["title"] is None and record["split"] == "train"
    text = record["text"]
    assert text == "\nProfits & sales rose in the third quarter, and now two years later.\n"
    assert [(t["text"], t["type"], t["value"], t["tid"]) for t in record["timexes"]] == [
        ("in the third quarter", "DATE", "1989-Q3", "t1"),
        ("two years", "DURATION", "P2Y", "t3"),
    ]
    assert record["timexes"][0]["attrs"] == {"anchorTimeID": "t0"}
    assert "attrs" not in record["timexes"][1]
    assert tempeval.check_offsets([record]) == []


def test_convert_tbaq_refuses_an_output_inside_the_repository(convert_tbaq, tmp_path):
    (tmp_path / "TimeBank").mkdir()
    (tmp_path / "TimeBank" / "wsj_0001.tml").write_bytes(TML)
    with pytest.raises(SystemExit):
        convert_tbaq.main([str(tmp_path), "--out", str(ROOT / "data" / "tbaq.jsonl")])
    out = tmp_path / "out" / "tbaq.jsonl"
    assert convert_tbaq.main([str(tmp_path), "--out", str(out)]) == 0
    (line,) = out.read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["timexes"][1]["value"] == "P2Y"


def test_platinum_offsets_hold(eval_dir):
    docs = tempeval.read_jsonl(eval_dir / "tempeval3" / tempeval.PLATINUM_DOCS)
    assert tempeval.check_offsets(docs) == []
    assert sum(len(d["timexes"]) for d in docs) == 138
