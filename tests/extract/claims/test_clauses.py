"""Clause rules beyond the core table (test_claims.py): characterizations, appositions,
participles, places, the form of a claim, recovered subjects, inverted reporting verbs,
event nouns said and quotations continued."""

from __future__ import annotations

import pytest

from cartelkb.extract.claims import extract_claims
from cartelkb.extract.entities import extract_mentions


def _rows(nlp, text: str) -> list[tuple[object, ...]]:
    """(subject, action, object, source, form, subject_recovered) of every claim."""
    doc = nlp(text)
    out = []
    for c in extract_claims(doc, list(extract_mentions(doc))):
        out.append(
            (
                c.subject.text if c.subject else None,
                c.action,
                c.object.text if c.object else None,
                c.source.text if c.source else None,
                c.form,
                c.subject_recovered,
            )
        )
    return out


CASES = [
    pytest.param(
        "Agents questioned convicted smuggler Pedro Ortiz Luna in Lima.",
        [
            ("Agents", "question", "convicted smuggler Pedro Ortiz Luna", None, "clause", False),
            (None, "convict", "convicted smuggler Pedro Ortiz Luna", None, "clause", False),
        ],
        id="a-participle-before-a-persons-name-is-a-passive",
    ),
    pytest.param(
        "The convicted men left Lima.",
        [("The convicted men", "leave", "Lima", None, "clause", False)],
        id="a-participle-before-a-common-noun-stays-a-modifier",
    ),
    pytest.param(
        "All property of the two firms in Spain is frozen.",
        [(None, "freeze", "All property of the two firms in Spain", None, "clause", False)],
        id="a-participle-read-as-an-adjective-is-a-passive",
    ),
    pytest.param(
        "In 2019, she was one of 12 fugitives extradited to Spain from Peru for trial.",
        [
            (
                "she",
                "be",
                "one of 12 fugitives extradited to Spain from Peru for trial",
                None,
                "clause",
                False,
            ),
            (None, "extradite", "12 fugitives", None, "clause", False),
        ],
        id="participle-modifier-is-a-passive-claim",
    ),
    pytest.param(
        "The smugglers named yesterday are Ana Ruiz and Luis Vega.",
        [
            (None, "name", "The smugglers", None, "clause", False),
            ("The smugglers", "be", "Ana Ruiz and Luis Vega", None, "clause", False),
        ],
        id="participle-tagged-past-tense-is-passive",
    ),
    pytest.param(
        "The company based in Texas denied the charges.",
        [("The company", "deny", "the charges", None, "clause", False)],
        id="stative-participle-modifier-is-no-claim",
    ),
    pytest.param(
        "CJNG is one of the most powerful cartels in Mexico.",
        [("CJNG", "be", "one of the most powerful cartels in Mexico", None, "clause", False)],
        id="copula-characterization",
    ),
    pytest.param(
        "The violence is unprecedented.",
        [("The violence", "be", "unprecedented", None, "clause", False)],
        id="copula-adjective",
    ),
    pytest.param(
        "Jacob Dreyer, the institute's chief economist, retired.",
        [
            ("Jacob Dreyer", "be", "the institute's chief economist", None, "apposition", False),
            ("Jacob Dreyer", "retire", None, None, "clause", False),
        ],
        id="apposition-describes-a-name",
    ),
    pytest.param(
        "OFAC designated eight plaza bosses working directly for Ismael Zambada Garcia.",
        [
            (
                "OFAC",
                "designate",
                "eight plaza bosses working directly for Ismael Zambada Garcia",
                None,
                "clause",
                False,
            ),
            ("eight plaza bosses", "work for", "Ismael Zambada Garcia", None, "clause", False),
        ],
        id="participle-with-a-named-complement",
    ),
    pytest.param(
        "The cartel operates in Jalisco.",
        [("The cartel", "operate in", "Jalisco", None, "clause", False)],
        id="locative-complement-verb-keeps-its-object",
    ),
    pytest.param(
        "The delegations met in Mexico City.",
        [("The delegations", "meet", None, None, "clause", False)],
        id="place-after-another-verb-is-where",
    ),
    pytest.param(
        "Sheinbaum rejected the proposal and emphasized dialogue.",
        [
            ("Sheinbaum", "reject", "the proposal", None, "clause", False),
            ("Sheinbaum", "emphasize", "dialogue", None, "clause", True),
        ],
        id="shared-subject-is-recovered",
    ),
    pytest.param(
        "Jorge Costilla-Sanchez has pleaded guilty to conspiracy to possess cocaine as well as "
        "two counts of assault on a federal officer, announced Acting U.S. Attorney Abe "
        "Martinez.",
        [
            (
                "Jorge Costilla-Sanchez",
                "plead guilty",
                "two counts of assault on a federal officer",
                "Acting U.S. Attorney Abe Martinez",
                "clause",
                False,
            ),
            (
                "Acting U.S. Attorney Abe Martinez",
                "announce",
                "Jorge Costilla-Sanchez has pleaded guilty to conspiracy to possess cocaine as "
                "well as two counts of assault on a federal officer",
                None,
                "clause",
                True,
            ),
        ],
        id="inverted-reporting-verb-parsed-as-conjunct",
    ),
    pytest.param(
        "During their remarks, Secretary Napolitano and Secretary Gómez-Mont emphasized the "
        "unparalleled level of collaboration between the United States and Mexico.",
        [
            (
                "Secretary Napolitano and Secretary Gómez-Mont",
                "emphasize",
                "the unparalleled level of collaboration between the United States and Mexico",
                None,
                "clause",
                False,
            ),
            (
                "the United States and Mexico",
                "collaborate",
                None,
                "Secretary Napolitano and Secretary Gómez-Mont",
                "noun",
                False,
            ),
        ],
        id="event-noun-in-what-a-speaker-emphasized",
    ),
    pytest.param(
        '"The extradition marks the end of a long investigation," said William Sherman. '
        '"This extradition illustrates that the DEA will pursue these traffickers."',
        [
            (
                "The extradition",
                "mark",
                "the end of a long investigation",
                "William Sherman",
                "clause",
                False,
            ),
            (
                "William Sherman",
                "say",
                "The extradition marks the end of a long investigation",
                None,
                "clause",
                False,
            ),
            (
                "This extradition",
                "illustrate",
                "the DEA will pursue these traffickers",
                "William Sherman",
                "clause",
                False,
            ),
            ("the DEA", "pursue", "these traffickers", "William Sherman", "clause", False),
        ],
        id="a-quotation-continuing-the-last-is-its-speaker's",
    ),
]


CASES += [
    pytest.param(
        "Eduardo Arellano-Felix Extradited From Mexico To The United States\n\nHe arrived today.",
        [
            (None, "extradite", "Eduardo Arellano-Felix", None, "clause", False),
            ("He", "arrive", None, None, "clause", False),
        ],
        id="headline-passive-without-auxiliary",
    ),
    pytest.param(
        "Navy Seizes Two Tons of Cocaine Off Panama, Arrests Crew\n\nThe ship docked today.",
        [
            ("Navy", "seize", "Two Tons of Cocaine Off Panama", None, "clause", True),
            ("The ship", "dock", None, None, "clause", False),
        ],
        id="headline-present-tense-verb-in-title-case",
    ),
    pytest.param(
        "New Sanctions Target Cartel Lawyers\n\nThe rules apply today.",
        [("The rules", "apply", None, None, "clause", False)],
        id="headline-plural-noun-before-its-verb-is-no-verb",
    ),
    pytest.param(
        "Congress Slaps Sanctions on Foreign Banks\n\nThe vote was close.",
        [("The vote", "be", "close", None, "clause", False)],
        id="headline-noun-with-its-preposition-is-no-verb",
    ),
    pytest.param(
        "Nemesio Oseguera Cervantes is the leader of CJNG.",
        [("Nemesio Oseguera Cervantes", "lead", "CJNG", None, "clause", False)],
        id="agentive-relational-noun-gives-its-verb",
    ),
    pytest.param(
        "Sinaloa Cartel leader Ismael Zambada-Garcia was charged.",
        [
            ("Ismael Zambada-Garcia", "lead", "Sinaloa Cartel", None, "title", False),
            (None, "charge", "Sinaloa Cartel leader Ismael Zambada-Garcia", None, "clause", False),
        ],
        id="title-before-a-name",
    ),
    pytest.param(
        "Los Pelones leader Pedro Ruiz Salas was captured.",
        [
            ("Pedro Ruiz Salas", "lead", "Los Pelones", None, "title", False),
            (None, "capture", "Los Pelones leader Pedro Ruiz Salas", None, "clause", False),
        ],
        id="title-before-a-name-with-a-group-the-ner-left-unnamed",
    ),
    pytest.param(
        "Cartel leader Pedro Ruiz Salas was captured.",
        [(None, "capture", "Cartel leader Pedro Ruiz Salas", None, "clause", False)],
        id="title-before-a-name-with-a-common-noun-names-no-group",
    ),
    pytest.param(
        "WASHINGTON – On the heels of the meeting in Mexico City, the U.S. Department of the "
        "Treasury's Office of Foreign Assets Control (OFAC) today designated 54 lieutenants.",
        [
            (
                "the U.S. Department of the Treasury's Office of Foreign Assets Control (OFAC)",
                "designate",
                "54 lieutenants",
                None,
                "clause",
                True,
            )
        ],
        id="subject-swallowed-by-a-fronted-phrase-before-a-time",
    ),
]

CASES += [
    pytest.param(
        "SAN DIEGO, CA - Eduardo Arellano-Felix was extradited today.",
        [(None, "extradite", "Eduardo Arellano-Felix", None, "clause", False)],
        id="dateline-is-no-part-of-an-argument",
    ),
    pytest.param(
        "The FBI conducted an investigation into the cartel.",
        [("The FBI", "investigate", "the cartel", None, "clause", False)],
        id="support-verb-takes-the-event-noun's-verb",
    ),
    pytest.param(
        '"The prosecution underscores our resolve," said Moreno.',
        [
            ("The prosecution", "underscore", "our resolve", "Moreno", "clause", False),
            ("Moreno", "say", "The prosecution underscores our resolve", None, "clause", False),
        ],
        id="final-period-is-never-a-subject",
    ),
    pytest.param(
        "Costilla-Sanchez helped provide leadership to the Gulf Cartel.",
        [("Costilla-Sanchez", "help provide", "leadership", None, "clause", False)],
        id="help-with-a-bare-infinitive-is-one-action",
    ),
    pytest.param(
        "U.S. Attorney Ryan Patrick announced the charges Tuesday along with Mark Smith and "
        "Luis Perez.",
        [
            ("U.S. Attorney Ryan Patrick", "announce", "the charges", None, "clause", False),
            ("Mark Smith and Luis Perez", "announce", "the charges", None, "clause", True),
        ],
        id="along-with-names-co-agents",
    ),
    pytest.param(
        "Mexico's efforts to combat drug traffickers have grown.",
        [
            ("Mexico", "make effort to combat", "drug traffickers", None, "noun", False),
            ("Mexico's efforts", "grow", None, None, "clause", False),
        ],
        id="possessor-of-efforts-to-act-is-the-agent",
    ),
    pytest.param(
        "The synthetic opioid fentanyl is a key driver of the opioid crisis.",
        [("The synthetic opioid fentanyl", "drive", "the opioid crisis", None, "clause", False)],
        id="copula-with-an-agentive-noun-is-its-verb",
    ),
    pytest.param(
        "Mexico has been a collaborator in U.S. drug control policy.",
        [("Mexico", "collaborate in", "U.S. drug control policy", None, "clause", False)],
        id="agentive-noun-keeps-its-own-preposition",
    ),
    pytest.param(
        "The court accepted Cardenas-Guillen's guilty pleas to five felony offenses.",
        [
            (
                "The court",
                "accept",
                "Cardenas-Guillen's guilty pleas to five felony offenses",
                None,
                "clause",
                False,
            ),
            ("Cardenas-Guillen", "plead to", "five felony offenses", None, "noun", False),
        ],
        id="possessor-of-a-plea-pleads",
    ),
    pytest.param(
        "Guzman's escape was an embarrassment for President Enrique Pena Nieto.",
        [("Guzman's escape", "embarrass", "President Enrique Pena Nieto", None, "clause", False)],
        id="copula-with-a-predicate-noun-is-its-verb",
    ),
    pytest.param(
        "The DEA is doing this through enforcement actions, including seizures of fentanyl.",
        [
            ("The DEA", "do", "this", None, "clause", False),
            ("The DEA", "seize", "fentanyl", None, "noun", True),
        ],
        id="event-noun-of-the-means-is-done-by-the-subject",
    ),
    pytest.param(
        "Fentanyl was seized through the arrest of two couriers.",
        [
            (None, "seize", "Fentanyl", None, "clause", False),
            (None, "arrest", "two couriers", None, "noun", False),
        ],
        id="means-of-a-passive-has-no-agent",
    ),
    pytest.param(
        "DHS is on the frontlines fighting against cartels.",
        [("DHS", "fight against", "cartels", None, "clause", True)],
        id="participle-on-the-frontlines-is-the-subject's",
    ),
    pytest.param(
        "They met in a city hosting the summit.",
        [("They", "meet", None, None, "clause", False)],
        id="participle-on-another-place-is-not-the-subject's",
    ),
    pytest.param(
        "FBI Director Robert S. Mueller III and ATF Acting Director Kenneth E. Melson also "
        "participated in the announcement.",
        [
            (
                "FBI Director Robert S. Mueller III and ATF Acting Director Kenneth E. Melson",
                "participate in",
                "the announcement",
                None,
                "clause",
                False,
            )
        ],
        id="subject-split-in-two-by-the-parser-is-one-coordination",
    ),
    pytest.param(
        "He took every opportunity to terrorize the innocent.",
        [
            ("He", "take", "every opportunity to terrorize the innocent", None, "clause", False),
            ("He", "terrorize", "the innocent", None, "clause", True),
        ],
        id="took-every-opportunity-to-act-acts",
    ),
    pytest.param(
        "The visit provided an opportunity to discuss security priorities.",
        [
            (
                "The visit",
                "provide",
                "an opportunity to discuss security priorities",
                None,
                "clause",
                False,
            )
        ],
        id="an-opportunity-provided-is-not-taken",
    ),
    pytest.param(
        "The cartels use labs to produce fentanyl.",
        [
            ("The cartels", "use", "labs", None, "clause", False),
            ("The cartels", "produce", "fentanyl", None, "clause", True),
        ],
        id="use-x-to-act-acts",
    ),
    pytest.param(
        "Mexico deployed troops to reinforce the border.",
        [("Mexico", "deploy", "troops", None, "clause", False)],
        id="other-purpose-clauses-are-intentions",
    ),
    pytest.param(
        "The bureau fulfilled a role.",
        [("The bureau", "fulfill", "a role", None, "clause", False)],
        id="lemma-in-us-spelling",
    ),
    pytest.param(
        "The agency is proud to announce new charges.",
        [("The agency", "announce", "new charges", None, "clause", False)],
        id="emotive-factive-adjective-is-the-act",
    ),
    pytest.param(
        "We’re proud to announce new charges.",
        [("We", "announce", "new charges", None, "clause", False)],
        id="typographic-contraction-of-be-is-a-copula",
    ),
    pytest.param(
        "The agency is happy to help local police.",
        [("The agency", "be happy to help", "local police", None, "clause", False)],
        id="other-adjectives-only-offer",
    ),
    pytest.param(
        "Madam Chairwoman, thank you for holding the hearing.",
        [("Madam Chairwoman", "hold", "the hearing", None, "clause", True)],
        id="thank-you-for-gerund-is-done-by-the-name-addressed",
    ),
    pytest.param(
        "The senator praised Mexico for extraditing the cartel leader.",
        [
            ("The senator", "praise", "Mexico", None, "clause", False),
            ("Mexico", "extradite", "the cartel leader", None, "clause", True),
        ],
        id="credited-object-did-the-for-gerund",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_clauses(nlp, text, expected):
    assert _rows(nlp, text) == expected
