"""Tests for cartelkb.benchmarks.coref against published worked examples.

Expected values are the test cases of the CoNLL reference scorer (Pradhan et al. 2014;
conll/reference-coreference-scorers, test/TestCases.README: TC-A from the paper, TC-D/E
from the B-cubed paper, Bagga and Baldwin 1998, TC-F..L from the MUC paper, Vilain et
al. 1995); where a case gives no CEAF-e figure it was computed by hand (noted).
"""

from __future__ import annotations

import pytest

from cartelkb.benchmarks.coref import PRF, b_cubed, ceaf_e, from_labels, muc, partition, score


def parts(spec: str) -> list[frozenset[str]]:
    """'{a} {bc} {def}' -> [{a}, {b, c}, {d, e, f}] (one letter per mention)."""
    return partition(set(group.strip("{}")) for group in spec.split())


KEY_A = "{a} {bc} {def}"


def close(prf: PRF, recall: float, precision: float) -> bool:
    return prf.recall == pytest.approx(recall) and prf.precision == pytest.approx(precision)


@pytest.mark.parametrize(
    ("response", "muc_rp", "bcub_rp", "ceafe_rp"),
    [
        # TC-A-1 perfect
        ("{a} {bc} {def}", (1, 1), (1, 1), (1, 1)),
        # TC-A-2 missing mentions/entities
        ("{a} {de}", (1 / 3, 1), (7 / 18, 1), (1.8 / 3, 1.8 / 2)),
        # TC-A-3 false-alarm mentions/entities
        (
            "{a} {bcx} {defy} {z}",
            (1, 3 / 5),
            (1, 55 / 108),
            ((1 + 4 / 5 + 6 / 7) / 3, (1 + 4 / 5 + 6 / 7) / 4),
        ),
        # TC-A-4 both
        ("{a} {bcx} {dy} {z}", (1 / 3, 1 / 3), (5 / 9, 17 / 42), (2.2 / 3, 2.2 / 4)),
        # TC-A-10 gold mentions, all singletons in the response (CEAF-e by hand:
        # phi4 a-a 1, bc-b 2/3, def-d 1/2)
        (
            "{a} {b} {c} {d} {e} {f}",
            (0, 0),
            (3 / 6, 1),
            ((1 + 2 / 3 + 1 / 2) / 3, (1 + 2 / 3 + 1 / 2) / 6),
        ),
        # TC-A-11 gold mentions, one cluster (CEAF-e by hand: phi4 def-abcdef = 6/9)
        ("{abcdef}", (1, 3 / 5), (1, 7 / 18), ((6 / 9) / 3, 6 / 9)),
        # TC-A-12 system mentions, singletons
        ("{a} {x} {y} {c} {d} {e} {z}", (0, 0), (13 / 36, 4 / 7), None),
        # TC-A-13 system mentions, one cluster
        ("{axycdez}", (1 / 3, 1 / 6), (17 / 36, 6 / 49), None),
    ],
)
def test_reference_scorer_cases_tc_a(response, muc_rp, bcub_rp, ceafe_rp):
    key, rsp = parts(KEY_A), parts(response)
    assert close(muc(key, rsp), *muc_rp)
    assert close(b_cubed(key, rsp), *bcub_rp)
    if ceafe_rp is not None:
        assert close(ceaf_e(key, rsp), *ceafe_rp)


def test_published_f_values_tc_a():
    # TC-A-2: B-cubed F .5599, MUC F .5, CEAF-e F .72; TC-A-4: .4683, 1/3, 4.4/7
    s = score(parts(KEY_A), parts("{a} {de}"))
    assert (s.b_cubed.f1, s.muc.f1, s.ceaf_e.f1) == pytest.approx((0.5599, 0.5, 0.72), abs=1e-4)
    s = score(parts(KEY_A), parts("{a} {bcx} {dy} {z}"))
    assert (s.b_cubed.f1, s.muc.f1, s.ceaf_e.f1) == pytest.approx(
        (0.4683, 1 / 3, 4.4 / 7), abs=1e-4
    )
    assert s.conll == pytest.approx((0.4683 + 1 / 3 + 4.4 / 7) / 3, abs=1e-4)


@pytest.mark.parametrize(
    ("key", "response", "muc_rp", "bcub_rp"),
    [
        # TC-D-1 and TC-E-1 (B-cubed paper): merging a small / two big clusters (TC-E-1
        # is written {123456789ABC} {67} in the README; its drawing and numbers merge
        # 1-5 with 8-C and keep 6-7 apart)
        ("{12345} {67} {89ABC}", "{12345} {6789ABC}", (9 / 9, 9 / 10), (12 / 12, 16 / 21)),
        ("{12345} {67} {89ABC}", "{1234589ABC} {67}", (9 / 9, 9 / 10), (1, 7 / 12)),
        # TC-F..L (MUC paper)
        ("{ABCD}", "{AB} {CD}", (2 / 3, 1), None),
        ("{AB} {CD}", "{ABCD}", (1, 2 / 3), None),
        ("{ABCD}", "{ABCD}", (1, 1), None),
        ("{ABC}", "{AC}", (1 / 2, 1), None),
        ("{BCDEGHJ}", "{ABC} {DEF} {GHI}", (3 / 6, 3 / 6), None),
        ("{ABC} {DEFG}", "{AB} {CD} {FGH}", (2 / 5, 2 / 4), None),
    ],
)
def test_reference_scorer_cases_muc_and_b_cubed_papers(key, response, muc_rp, bcub_rp):
    k, r = parts(key), parts(response)
    assert close(muc(k, r), *muc_rp)
    if bcub_rp is not None:
        assert close(b_cubed(k, r), *bcub_rp)


def test_tc_d_and_e_f_values():
    s = score(parts("{12345} {67} {89ABC}"), parts("{12345} {6789ABC}"))
    assert (s.b_cubed.f1, s.muc.f1) == pytest.approx((0.864864865, 0.947368421))
    s = score(parts("{12345} {67} {89ABC}"), parts("{1234589ABC} {67}"))
    assert (s.b_cubed.f1, s.muc.f1) == pytest.approx((0.736842105, 0.947368421))


def test_singleton_key_has_no_muc_links():
    # TC-N-1: only singletons in the key, matching response: MUC 0, B-cubed and CEAF-e 1
    key = parts("{a} {b} {c} {d} {e} {f}")
    s = score(key, key)
    assert (s.muc.f1, s.b_cubed.f1, s.ceaf_e.f1) == (0.0, 1.0, 1.0)
    # TC-M-2: one key entity, all-singleton response: MUC 0
    assert muc(parts("{abcdef}"), key).f1 == 0.0


def test_ceaf_e_takes_the_best_alignment_not_the_greedy_one():
    key = [frozenset({"a", "b", "x"}), frozenset({"c", "d"})]
    response = [frozenset({"a", "b", "c"}), frozenset({"x"})]
    # phi4: k1-r1 2*2/6 = .667, k1-r2 2*1/4 = .5, k2-r1 2*1/5 = .4, k2-r2 0. Best first
    # (greedy) gives k1-r1 alone, .667; the optimum is k1-r2 + k2-r1 = .9
    assert close(ceaf_e(key, response), 0.9 / 2, 0.9 / 2)


def test_partition_checks_and_labels():
    with pytest.raises(ValueError, match="two clusters"):
        partition([{"a", "b"}, {"b"}])
    assert sorted(map(sorted, from_labels({"a": 1, "b": 1, "c": 2}))) == [["a", "b"], ["c"]]
