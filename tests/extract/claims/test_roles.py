"""Roles: subjects a verb inherits or leaves out, read off the parse and the voice."""

from __future__ import annotations

import pytest

from cartelkb.extract.claims import extract_claims
from cartelkb.extract.entities import extract_mentions


def _subjects(nlp, text: str, action: str) -> list[str | None]:
    doc = nlp(text)
    return [
        c.subject.text if c.subject else None
        for c in extract_claims(doc, list(extract_mentions(doc)))
        if c.action == action
    ]


@pytest.mark.parametrize(
    ("text", "subjects"),
    [
        pytest.param(
            "Opening Statement of Senator Jane Doerr\n\nMadam Chairwoman, thank you for "
            "holding this hearing.\n",
            ["Jane Doerr"],
            id="the-statements-speaker-thanks-the-name-addressed",
        ),
        pytest.param(
            "“Luis, thank you for coming,” said Ana Ruiz, the governor of Sonora.\n",
            ["Ana Ruiz"],
            id="the-quotations-speaker-thanks",
        ),
        pytest.param(
            "Opening Statement of Senator Jane Doerr\n\nWe thank you for holding this hearing.\n",
            ["We"],
            id="a-subject-of-its-own-stays",
        ),
    ],
)
def test_thank_you_has_the_speaker_as_subject(nlp, text, subjects):
    assert _subjects(nlp, text, "thank") == subjects


@pytest.mark.parametrize(
    ("text", "action", "subjects"),
    [
        pytest.param(
            "Sheriff Dana Holt joined state prosecutors today to announce the arrest of 40 "
            "gang members.",
            "announce",
            ["Sheriff Dana Holt"],
            id="officials-gathered-to-announce-announced",
        ),
        pytest.param(
            "The agents deployed to the border to stop the smugglers.",
            "stop",
            [],
            id="other-purpose-clauses-are-intentions",
        ),
    ],
)
def test_a_gatherings_announcement_is_made(nlp, text, action, subjects):
    assert _subjects(nlp, text, action) == subjects


@pytest.mark.parametrize(
    ("text", "action", "subjects"),
    [
        pytest.param(
            "The mayor accepted cash from the gang in exchange for ignoring its shipments.",
            "ignore",
            ["The mayor"],
            id="in-exchange-for",
        ),
        pytest.param(
            "Two officers took payments in return for warning the gang about raids.",
            "warn",
            ["Two officers"],
            id="in-return-for",
        ),
    ],
)
def test_a_complex_prepositions_gerund_shares_the_subject(nlp, text, action, subjects):
    assert _subjects(nlp, text, action) == subjects


def test_a_gerund_along_with_a_clause_shares_its_subject(nlp):
    text = (
        "The Navy patrols the coast through inspections of boats, along with stopping "
        "smugglers at the ports."
    )
    assert _subjects(nlp, text, "stop") == ["The Navy"]


def _roles(nlp, text: str) -> list[tuple[str | None, str, str | None]]:
    doc = nlp(text)
    return [
        (c.subject.text if c.subject else None, c.action, c.object.text if c.object else None)
        for c in extract_claims(doc, list(extract_mentions(doc)))
    ]


def test_object_control_verb_after_a_passive_is_passive(nlp) -> None:
    # the tagger reads "told" as a past tense: without an object, it shares "was"
    rows = _roles(nlp, "The smuggler was arrested and told to leave the country.")
    assert (None, "tell to leave", "The smuggler") in rows
    assert ("The smuggler", "tell to leave", "the country") not in rows


def test_subject_control_verb_after_a_passive_stays_active(nlp) -> None:
    rows = _roles(nlp, "The smuggler was arrested and tried to flee.")
    assert ("The smuggler", "try to flee", None) in rows


def _misattached_by(nlp, text: str, host: str):
    """`text` parsed, with its "by" hung on `host` as the parser sometimes does."""
    doc = nlp(text)
    [by] = [t for t in doc if t.lower_ == "by"]
    by.head = next(t for t in doc if t.text == host)
    return [
        (c.subject.text if c.subject else None, c.action)
        for c in extract_claims(doc, list(extract_mentions(doc)))
    ]


def test_a_means_gerund_on_a_locative_participle_is_the_clauses(nlp) -> None:
    rows = _misattached_by(
        nlp,
        "Prosecutors focused on groups operating in Sonora by targeting their suppliers.",
        "operating",
    )
    assert ("Prosecutors", "target") in rows
    assert ("groups", "target") not in rows


def test_a_means_gerund_on_another_participle_stays_its_own(nlp) -> None:
    rows = _misattached_by(
        nlp, "Prosecutors focused on groups smuggling gold by bribing their guards.", "smuggling"
    )
    assert ("groups", "bribe") in rows


def test_a_participle_alone_in_parentheses_is_said_of_the_name_before(nlp) -> None:
    rows = _roles(
        nlp,
        "The suspects are Pedro Ruiz Salas (arrested), Juan Ortega Mena (at large) and "
        "Luis Vega Soto (extradited).",
    )
    assert (None, "arrest", "Pedro Ruiz Salas") in rows
    assert (None, "extradite", "Luis Vega Soto") in rows


def test_a_parenthesized_participle_after_a_quoted_alias_is_said_of_it(nlp) -> None:
    rows = _roles(nlp, "The suspects include Juan Ortega Mena alias “El Flaco” (captured).")
    assert (None, "capture", "El Flaco") in rows
    assert (None, "capture", "The suspects") not in rows


def test_a_parenthesized_participle_after_a_common_noun_says_nothing(nlp) -> None:
    assert _roles(nlp, "The report (attached) was long.") == [("The report", "be", "long")]
