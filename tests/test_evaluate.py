"""Tests for cartelkb.evaluate's matching rules (the scorer itself must be right)."""

from __future__ import annotations

import pytest

from cartelkb.evaluate import action_matches


@pytest.mark.parametrize(
    ("extracted", "gold"),
    [
        ("commit to", "be committed to eliminating"),
        ("plan", "planned to send"),
        ("reject", "rejects"),
        ("offer to send", "offer to send troops"),
        ("extradite", "was extradited"),
        ("kill", "killed"),
    ],
)
def test_actions_that_match(extracted, gold):
    assert action_matches(extracted, gold)


@pytest.mark.parametrize(
    ("extracted", "gold"),
    [("reject", "accept"), ("say", "deny"), ("", "say"), ("meet with", "")],
)
def test_actions_that_do_not_match(extracted, gold):
    assert not action_matches(extracted, gold)
