"""The voice of the document: statements, remarks and transcript turns as sources, and who
"I" and "we" are."""

from __future__ import annotations

import pytest

from cartelkb.extract.claims import extract_claims
from cartelkb.extract.entities import extract_mentions


def _rows(nlp, text: str, author: str | None = None) -> list[tuple[str | None, ...]]:
    """(subject, the text its link points at, action, source) of every claim."""
    doc = nlp(text)
    rows = []
    for c in extract_claims(doc, list(extract_mentions(doc)), [], author=author):
        linked = None
        if c.subject is not None and c.subject.ref_start is not None:
            linked = text[c.subject.ref_start : c.subject.ref_end]
        rows.append(
            (
                c.subject.text if c.subject else None,
                linked,
                c.action,
                c.source.text if c.source else None,
            )
        )
    return rows


# document -> its claims as (subject, linked to, action, source)
CASES = [
    pytest.param(
        "Opening Statement of Senator Jane Doerr\n\nThank you for coming. I have been "
        "monitoring the violence along the border closely.\n",
        None,
        [
            ("Jane Doerr", "Jane Doerr", "thank", "Jane Doerr"),
            ("I", "Jane Doerr", "monitor", "Jane Doerr"),
        ],
        id="a-titled-speaker-named-only-in-the-heading-is-i",
    ),
    pytest.param(
        "Statement by DEA Administrator Anne Milgram on Fentanyl Seizures\n\n"
        "We will not rest until the cartels are dismantled. The Sinaloa Cartel smuggled "
        "fentanyl into Arizona.\n",
        None,
        [
            ("We", "DEA", "rest", "Anne Milgram"),
            (None, None, "dismantle", "Anne Milgram"),
            ("The Sinaloa Cartel", "Sinaloa Cartel", "smuggle", "Anne Milgram"),
        ],
        id="statement-headline-speaker-and-we-as-the-office-in-the-title",
    ),
    pytest.param(
        "Treasury sanctioned the cartel. “We have seen a rising trend in violence,” said "
        "OFAC Acting Director John E. Smith.\n",
        None,
        [
            ("Treasury", "Treasury", "sanction", None),
            ("We", "OFAC", "see", "OFAC Acting Director John E. Smith"),
            ("OFAC Acting Director John E. Smith", "John E. Smith", "say", None),
        ],
        id="we-in-a-quotation-is-the-speaker's-office",
    ),
    pytest.param(
        "Reward Offers for Cartel Leaders\n\nToday the U.S. Department of State announced "
        "rewards for ten cartel leaders. We took this action with the Department of Justice.\n",
        None,
        [
            ("the U.S. Department of State", "U.S. Department of State", "announce", None),
            ("We", "U.S. Department of State", "take", None),
        ],
        id="release-we-is-the-issuing-agency-own-voice-has-no-source",
    ),
    pytest.param(
        "Transcript\n\nSECRETARY RUBIO: The cartels are terrorists.\n\nQ: Will you designate "
        "them?\n\nSECRETARY RUBIO: We designated them last week.\n",
        None,
        [
            ("The cartels", None, "be", "SECRETARY RUBIO"),
            ("We", None, "designate", "SECRETARY RUBIO"),
        ],
        id="transcript-turns",
    ),
    pytest.param(
        "Justice Department Charges Cartel Leaders\n\nAttorney General Merrick B. Garland: "
        "“Today we charged the leaders of the Sinaloa Cartel.”\n\nThe defendants face life "
        "in prison.\n",
        None,
        [
            ("we", "Justice Department", "charge", "Merrick B. Garland"),
            ("The defendants", None, "face", None),
        ],
        id="name-colon-statement-is-its-paragraph",
    ),
    pytest.param(
        "Cartel Violence Rises in Sinaloa\n\nBy John Smith\n\nI visited Culiacán in May. "
        "John Smith reports for Reuters from Mexico City.\n",
        "John Smith",
        [
            ("I", "John Smith", "visit", None),
            ("John Smith", "John Smith", "report for", None),
        ],
        id="byline-author-is-I-in-the-article's-own-voice",
    ),
    pytest.param(
        "Attorney General John Roe Statement on Fentanyl Seizures\n\nThe cartels smuggled "
        "fentanyl into Texas.\n",
        None,
        # The heading's title makes "John Roe" a person mention: the source is it.
        [("The cartels", None, "smuggle", "John Roe")],
        id="headline-title-name-statement",
    ),
    pytest.param(
        "Fentanyl Seizures Statement\n\nThe cartels smuggled fentanyl into Texas.\n",
        None,
        [("The cartels", None, "smuggle", None)],
        id="a-statement-headline-naming-no-official-has-no-speaker",
    ),
    pytest.param(
        "Fentanyl Seizures at the Border\n\nEL PASO – The Department of Homeland Security "
        "issued the following statement from Secretary Jane Doe on the seizures:\n\nThe "
        "cartels smuggled fentanyl into Texas.\n",
        None,
        [
            (
                "The Department of Homeland Security",
                "Department of Homeland Security",
                "issue",
                None,
            ),
            ("The cartels", None, "smuggle", "Jane Doe"),
        ],
        id="statement-from-an-official-introduced-by-the-office",
    ),
    pytest.param(
        "Cartel Designations\n\nJane Doe, Secretary of State\n\nThe cartels threaten the "
        "border. Jane Doe met Mexican officials in May.\n",
        "Jane Doe",
        [
            ("The cartels", None, "threaten", "Jane Doe"),
            ("Jane Doe", "Jane Doe", "meet", "Jane Doe"),
        ],
        id="an-official's-byline-makes-the-statement-theirs",
    ),
    pytest.param(
        "CONTACT: DEA Public Affairs\n\nThe DEA arrested two men in Texas.\n",
        None,
        [("The DEA", "DEA", "arrest", None)],
        id="a-lone-label-is-furniture-not-a-speaker",
    ),
]


@pytest.mark.parametrize(("text", "author", "expected"), CASES)
def test_voice_of_the_document(nlp, text, author, expected):
    assert _rows(nlp, text, author) == expected


def test_we_is_the_department_a_title_names(nlp):
    """No organization name before the speaker: "Attorney General" names the Department
    of Justice, which the remarks mention (TITLE_OFFICES)."""
    text = (
        "Attorney General Jeff Sessions Delivers Remarks on the Cartels\n\n"
        "We will not wait for Congress. This Department of Justice is determined to act.\n"
    )
    rows = [r for r in _rows(nlp, text) if r[2] == "wait for"]
    assert [r[:2] for r in rows] == [("We", "Department of Justice")]
