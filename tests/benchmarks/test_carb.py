"""Tests for cartelkb.benchmarks.carb: CaRB's default scorer, pair scores to whole curves."""

from __future__ import annotations

import pytest

from cartelkb.benchmarks import carb
from cartelkb.benchmarks.carb import Extraction, lenient_match, match, score, sentence_key


def ex(arg1: str, pred: str, *rest: str, conf: float = 1.0) -> Extraction:
    return Extraction(pred, (arg1, *rest), conf)


@pytest.mark.parametrize(
    ("gold", "system", "expected"),
    [
        # identical
        (ex("the cat", "sat on", "the mat"), ex("the cat", "sat on", "the mat"), (1.0, 1.0)),
        # per slot: pred 1/1 of 2, arg1 2/2, arg2 2 of 3 system words -> 5/6 and 5/6
        (
            ex("the cat", "sat on", "the mat"),
            ex("the cat", "sat", "the mat quickly"),
            (5 / 6, 5 / 6),
        ),
        # no predicate word in common: nothing, however good the arguments
        (ex("the cat", "sat on", "the mat"), ex("the cat", "lay", "the mat"), (0.0, 0.0)),
        # the system lacks the second argument the gold has
        (ex("the cat", "sat on", "the mat"), ex("the cat", "sat on"), (0.0, 0.0)),
        # a system "be" stands for a gold form of "be"
        (ex("Paris", "is", "a city"), ex("Paris", "be", "a city"), (1.0, 1.0)),
        (ex("He", "was born in", "1950"), ex("He", "be born", "1950"), (1.0, 4 / 5)),
        # tokens are matched as multisets: one system "the" serves one gold "the"
        (ex("the man", "saw", "the the dog"), ex("the man", "saw", "the dog"), (1.0, 5 / 6)),
        # case-sensitive, no stop-word removal
        (ex("The cat", "sat", "down"), ex("the cat", "sat", "down"), (3 / 4, 3 / 4)),
        # a third gold argument is joined to the second (binary view)
        (ex("He", "gave", "a book", "to her"), ex("He", "gave", "a book to her"), (1.0, 1.0)),
        # a system argument beyond the gold's arity is not counted against precision
        (ex("He", "slept"), ex("He", "slept", "soundly"), (1.0, 1.0)),
    ],
)
def test_pair_scores(gold, system, expected):
    p, r = match(gold, system)
    assert (p, r) == pytest.approx(expected)


def test_said_verbs_also_try_swapped_arguments():
    gold = ex("the minister", "said", "the plan failed")
    backwards = ex("the plan failed", "said", "the minister")
    assert lenient_match(gold.pred, gold.args, backwards.pred, backwards.args) == pytest.approx(
        (0.5, 0.5)
    )
    assert match(gold, backwards) == (1.0, 1.0)
    # not for other predicates
    other = ex("the plan failed", "surprised", "the minister")
    assert match(ex("the minister", "surprised", "the plan failed"), other) == pytest.approx(
        (0.5, 0.5)
    )


def test_sentence_key_drops_spaces_brackets_and_punctuation():
    assert sentence_key("He ( -LRB- Bob -RRB- ) said `` hi '' .") == "HeBobsaidhi"
    assert sentence_key("U.S. 's") == sentence_key("US's") == "USs"


def test_threshold_sweep_optimal_point_and_auc():
    gold = {
        "A eats B and C drinks D .": [ex("A", "eats", "B"), ex("C", "drinks", "D")],
        "E runs .": [ex("E", "runs", "fast")],
        "No gold tuple here .": [],
    }
    system = {
        "A eats B and C drinks D .": [
            ex("A", "eats", "B", conf=0.9),
            ex("X", "sleeps", "Y", conf=0.5),
        ],
        "Unscored sentence .": [ex("Q", "is", "R", conf=0.7)],
    }
    result = score(gold, system)
    # thresholds 0.5, 0.7 (from an unscored sentence), 0.9: at 0.5 both tuples are kept,
    # from 0.7 on only the correct one; "E runs ." counts toward recall throughout
    points = [x for c in result.curve for x in (c.threshold, c.precision, c.recall)]
    assert points == pytest.approx([0.5, 0.5, 1 / 3, 0.7, 1.0, 1 / 3, 0.9, 1.0, 1 / 3])
    # the first point of highest F1
    assert (result.precision, result.recall, result.f1) == pytest.approx((1.0, 1 / 3, 0.5))
    assert result.threshold == 0.7
    # trapezoids (1/3, .5) -> (1/3, .5) -> (1/3, 1) -> (0, 1)
    assert result.auc == pytest.approx(1 / 3)
    assert (result.sentences, result.gold_tuples, result.system_tuples) == (2, 3, 2)


def test_perfect_and_empty_systems():
    gold = {"A eats B .": [ex("A", "eats", "B")], "C drinks D .": [ex("C", "drinks", "D")]}
    perfect = score(gold, gold)
    assert (perfect.precision, perfect.recall, perfect.f1, perfect.auc) == (1.0, 1.0, 1.0, 1.0)
    nothing = score(gold, {})
    assert (nothing.precision, nothing.recall, nothing.f1, nothing.auc) == (0.0, 0.0, 0.0, 0.0)
    # keys are normalized: another tokenization of the same sentence still matches
    assert score(gold, {"A eats B": [ex("A", "eats", "B")]}).recall == 0.5


@pytest.mark.parametrize(
    ("system", "expected"),
    [
        # README table (a): P, R, optimal F1, AUC from CaRB's committed P-R curves
        ("openie4", (0.553, 0.437, 0.488, 0.272)),
        ("openie5", (0.521, 0.424, 0.467, 0.245)),
        ("clausie", (0.411, 0.496, 0.450, 0.224)),
    ],
)
def test_reference_outputs_reproduce_published_scores(eval_dir, system, expected):
    sentences, gold = carb.load_gold(eval_dir / "carb" / "test.jsonl")
    outputs = carb.load_system(
        eval_dir / "carb" / f"reference_outputs_test_{system}.jsonl", sentences
    )
    result = score(gold, outputs)
    got = tuple(round(x, 3) for x in (result.precision, result.recall, result.f1, result.auc))
    assert got == expected
    assert (result.sentences, result.gold_tuples) == (634, 2715)
