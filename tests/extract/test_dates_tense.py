"""cartelkb.extract.dates.tense: the tense of the clause around a date, read from the parse."""

from __future__ import annotations

import pytest

from cartelkb.extract.dates.tense import clause_tense, is_adverbial, narrates_the_past


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The suspect was arrested in August.", [("August", "past")]),
        ("He testified on Monday.", [("Monday", "past")]),
        ("Sheinbaum said Tuesday that the troops would stay.", [("Tuesday", "past")]),
        ("The minister will travel to Washington in May.", [("May", "future")]),
        ("We'll know more in January.", [("January", "future")]),
        ("The law won't take effect until July.", [("July", "future")]),
        ("The government is going to announce the plan in March.", [("March", "future")]),
        ("Officials plan to visit the border in June.", [("June", "future")]),
        ("The summit is scheduled for May.", [("May", "future")]),
        ("On Tuesday, the league plans to hold a news conference.", [("Tuesday", "future")]),
        ("The vote, set to take place in June, was delayed.", [("June", "future")]),
        # present perfect says nothing; in the present, "until" names an end point ahead
        ("The DEA has worked with Mexico since 2019.", [("2019", None)]),
        ("The program runs until December.", [("December", "future")]),
        # modals and the plain present leave the tense open
        ("The agency could release the report in April.", [("April", None)]),
        ("The cartel is expanding in 2024.", [("2024", None)]),
    ],
)
def test_clause_tense(nlp, text, expected):
    doc = nlp(text)
    got = [(ent.text, clause_tense(ent)) for ent in doc.ents if ent.label_ == "DATE"]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police said on Monday that he fled in March.", [("Monday", False), ("March", True)]),
        ("The man had escaped in February.", [("February", True)]),
        ("The man escaped in February.", [("February", False)]),
        ("Police say he escaped in February.", [("February", False)]),
    ],
)  # fmt: skip
def test_narrates_the_past(nlp, text, expected):
    doc = nlp(text)
    got = [(ent.text, narrates_the_past(ent)) for ent in doc.ents if ent.label_ == "DATE"]
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Police arrested him on June 3, 2009.", [("June 3, 2009", True)]),
        ("In March 2009, troops arrived.", [("March 2009", True)]),
        ("He rejected the August 1988 cease-fire.", [("August 1988", False)]),
    ],
)
def test_is_adverbial(nlp, text, expected):
    doc = nlp(text)
    assert [(ent.text, is_adverbial(ent)) for ent in doc.ents if ent.label_ == "DATE"] == expected
