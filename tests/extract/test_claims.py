"""Claim extraction: one sentence per construction -> the claim it must yield."""

from __future__ import annotations

from pathlib import Path

import pytest

from cartelkb.extract.claims import extract_claims
from cartelkb.records import ClaimRecord, DateRecord, MentionRecord

SEEDS = Path(__file__).resolve().parents[2] / "data" / "seeds"


@pytest.fixture(scope="session")
def nlp_claims():
    """The cartelkb pipeline, loaded once for this module's tests."""
    from cartelkb.extract.nlp import load_pipeline

    return load_pipeline()


def _mentions(doc) -> list[MentionRecord]:
    """The article's mentions: the real extractor when present, else doc.ents."""
    try:
        from cartelkb.extract.entities import extract_mentions
    except ImportError:
        extract_mentions = None
    if extract_mentions is not None:
        return list(extract_mentions(doc))
    out = []
    for ent in doc.ents:
        if ent.label_ not in {"PERSON", "ORG", "GPE", "LOC"}:
            continue
        out.append(
            MentionRecord(
                text=ent.text,
                start=ent.start_char,
                end=ent.end_char,
                label=ent.label_,
                name=ent.text,
                canonical=ent.ent_id_ or None,
                sent_start=ent.sent.start_char,
                sent_end=ent.sent.end_char,
            )
        )
    return out


def _date(text: str, phrase: str, value: str) -> DateRecord:
    start = text.index(phrase)
    return DateRecord(text=phrase, start=start, end=start + len(phrase), value=value)


def _claims(nlp, text: str, dates: list[DateRecord] | None = None) -> list[ClaimRecord]:
    doc = nlp(text)
    return list(extract_claims(doc, _mentions(doc), dates or []))


def _find(claims: list[ClaimRecord], action: str) -> ClaimRecord:
    found = [c for c in claims if c.action == action]
    assert found, f"no {action!r} claim in {[c.action for c in claims]}"
    return found[0]


def _text(arg) -> str | None:
    return arg.text if arg is not None else None


def _ref_text(text: str, arg) -> str | None:
    if arg is None or arg.ref_start is None:
        return None
    return text[arg.ref_start : arg.ref_end]


# sentence(s), action, expected fields (subject/object/source are surface texts;
# "ref" is the text of the mention the subject is linked to)
CASES = [
    pytest.param(
        "Mexico recently elected Claudia Sheinbaum as its next president.",
        "elect",
        {"subject": "Mexico", "object": "Claudia Sheinbaum", "negated": False, "hedged": False},
        id="active",
    ),
    pytest.param(
        "Ovidio Guzmán López was extradited to the United States.",
        "extradite",
        {"subject": None, "object": "Ovidio Guzmán López", "action_text": "extradited"},
        id="agentless-passive",
    ),
    pytest.param(
        "CJNG leader Nemesio Oseguera was indicted by a federal grand jury.",
        "indict",
        {"subject": "a federal grand jury", "object": "CJNG leader Nemesio Oseguera"},
        id="passive-with-agent",
    ),
    pytest.param(
        "Former US President Donald Trump offered to send American troops to Mexico.",
        "offer to send",
        {
            "subject": "Former US President Donald Trump",
            "object": "American troops",
            "action_text": "offered to send",
            "ref": "Donald Trump",
        },
        id="verb-chain-infinitive",
    ),
    pytest.param(
        "During his previous term, Trump considered designating Mexican cartels as terrorists.",
        "consider designate",
        {"subject": "Trump", "object": "Mexican cartels", "action_text": "considered designating"},
        id="verb-chain-gerund",
    ),
    pytest.param(
        "Sheinbaum rejected the proposal and emphasized respectful dialogue.",
        "emphasize",
        {"subject": "Sheinbaum", "object": "respectful dialogue"},
        id="coordinated-verbs-share-subject",
    ),
    pytest.param(
        "President Claudia Sheinbaum made headlines by rejecting this approach.",
        "reject",
        {"subject": "President Claudia Sheinbaum", "object": "this approach"},
        id="by-gerund-shares-subject",
    ),
    pytest.param(
        "Trump also pushed for stronger border security.",
        "push for",
        {"subject": "Trump", "object": "stronger border security", "action_text": "pushed for"},
        id="prepositional-object",
    ),
    pytest.param(
        "U.S. Senator Marco Rubio met with Claudia Sheinbaum in Mexico City.",
        "meet with",
        {
            "subject": "U.S. Senator Marco Rubio",
            "object": "Claudia Sheinbaum",
            "ref": "Marco Rubio",
        },
        id="prepositional-object-with",
    ),
    pytest.param(
        "President Sheinbaum has been clear in her rejection of foreign troop deployments.",
        "reject",
        {
            "subject": "her",
            "object": "foreign troop deployments",
            "action_text": "rejection",
            "ref": "Sheinbaum",
        },
        id="nominal-possessive",
    ),
    pytest.param(
        "Key to this cooperation was the sharing of intelligence between the U.S. and Mexican "
        "governments.",
        "share",
        {
            "subject": "the U.S. and Mexican governments",
            "object": "intelligence",
            "action_text": "sharing",
        },
        id="nominal-between",
    ),
    pytest.param(
        "The Mexican government was hopeful about its crackdown on cartels.",
        "be hopeful about",
        {"subject": "The Mexican government", "object": "its crackdown on cartels"},
        id="copular-adjective",
    ),
    pytest.param(
        "Cartels like CJNG, led by Nemesio Oseguera Cervantes, pose a major threat.",
        "lead",
        {"subject": "Nemesio Oseguera Cervantes", "object": "Cartels like CJNG"},
        id="participial-clause-with-agent",
    ),
    pytest.param(
        "Agents arrested Ismael Zambada, who leads the Sinaloa Cartel.",
        "lead",
        {"subject": "Ismael Zambada", "object": "the Sinaloa Cartel"},
        id="relative-clause",
    ),
    pytest.param(
        "The Justice Department said that Guzmán López had been extradited.",
        "extradite",
        {"subject": None, "object": "Guzmán López", "source": "The Justice Department"},
        id="said-that-content",
    ),
    pytest.param(
        "The Justice Department said that Guzmán López had been extradited.",
        "say",
        {
            "subject": "The Justice Department",
            "object": "Guzmán López had been extradited",
            "source": None,
        },
        id="said-speech-act",
    ),
    pytest.param(
        "Mexico has transferred 29 cartel figures to the United States, officials said.",
        "transfer",
        {"subject": "Mexico", "source": "officials"},
        id="said-after-content",
    ),
    pytest.param(
        "The Justice Department said in a statement that Guzmán López had been extradited.",
        "extradite",
        {"object": "Guzmán López", "source": "The Justice Department"},
        id="said-in-a-statement",
    ),
    pytest.param(
        "Guzmán López was extradited to the U.S., according to the Justice Department.",
        "extradite",
        {"object": "Guzmán López", "source": "the Justice Department"},
        id="according-to",
    ),
    pytest.param(
        "As reported by The New York Times, Sheinbaum rejected foreign troop deployments.",
        "reject",
        {"subject": "Sheinbaum", "source": "The New York Times"},
        id="as-reported-by",
    ),
    pytest.param(
        "The New York Times reported that Sheinbaum said Mexico would cooperate with the "
        "United States.",
        "cooperate with",
        {"subject": "Mexico", "source": "Sheinbaum", "chain": ["The New York Times"]},
        id="source-chain",
    ),
    pytest.param(
        '"We will not accept any foreign intervention," Sheinbaum said.',
        "accept",
        {"subject": "We", "source": "Sheinbaum", "negated": True, "negation_cue": "not"},
        id="straight-quotes",
    ),
    pytest.param(
        "“We will not accept any foreign intervention,” Sheinbaum said.",
        "say",
        {
            "subject": "Sheinbaum",
            "object": "We will not accept any foreign intervention",
            "negated": False,
        },
        id="curly-quotes-speech-act",
    ),
    pytest.param(
        "“Mexico will keep cooperating with the DEA. We will never accept foreign troops,” "
        "Sheinbaum said.",
        "keep cooperate with",
        {"subject": "Mexico", "source": "Sheinbaum", "negated": False},
        id="quote-spanning-two-sentences",
    ),
    pytest.param(
        "Sheinbaum did not attend the summit in Washington.",
        "attend",
        {"subject": "Sheinbaum", "negated": True, "negation_cue": "not"},
        id="negation-not",
    ),
    pytest.param(
        "The troops that Trump offered to send were never deployed.",
        "deploy",
        {"subject": None, "object": "The troops", "negated": True, "negation_cue": "never"},
        id="negation-never",
    ),
    pytest.param(
        "Sheinbaum denied that U.S. troops were operating in Mexico.",
        "operate in",
        {
            "subject": "U.S. troops",
            "source": "Sheinbaum",
            "negated": True,
            "negation_cue": "denied",
        },
        id="negation-by-denial",
    ),
    pytest.param(
        "This approach was intended not only to apprehend top figures but also to dismantle "
        "their infrastructure.",
        "intend to apprehend",
        {"negated": False},
        id="not-only-is-not-negation",
    ),
    pytest.param(
        "For instance, Donald Trump reportedly offered to send American troops to Mexico.",
        "offer to send",
        {"hedged": True, "hedge_cue": "reportedly", "negated": False},
        id="hedge-reportedly",
    ),
    pytest.param(
        "If elected, Trump might renew calls for aggressive measures.",
        "renew",
        {"subject": "Trump", "hedged": True, "hedge_cue": "might"},
        id="hedge-might",
    ),
    pytest.param(
        "The U.S. could sanction CJNG leaders.",
        "sanction",
        {"subject": "The U.S.", "hedged": True, "hedge_cue": "could"},
        id="hedge-could",
    ),
    pytest.param(
        "Sheinbaum is expected to uphold this stance.",
        "uphold",
        {"subject": "Sheinbaum", "object": "this stance", "hedged": True, "hedge_cue": "expected"},
        id="hedge-expected-to",
    ),
    pytest.param(
        "Sheinbaum rejected the possibility of U.S. military strikes on Mexican soil.",
        "strike",
        {"hedged": True, "hedge_cue": "possibility"},
        id="hedge-possibility-of",
    ),
    pytest.param(
        "The potential designation of eight cartels as terrorist groups alarmed Mexico.",
        "designate",
        {"subject": None, "object": "eight cartels", "hedged": True, "hedge_cue": "potential"},
        id="hedge-potential",
    ),
    pytest.param(
        "Rubio said the U.S. would not send troops to Mexico.",
        "send",
        {"subject": "the U.S.", "source": "Rubio", "hedged": False, "negated": True},
        id="reported-would-is-not-a-hedge",
    ),
    pytest.param(
        "Marco Rubio met Claudia Sheinbaum in Mexico City. He emphasized the fight against "
        "fentanyl trafficking.",
        "emphasize",
        {"subject": "He", "ref": "Marco Rubio"},
        id="pronoun-he-previous-sentence",
    ),
    pytest.param(
        "Cartels like CJNG pose a major threat. They traffic fentanyl into the U.S.",
        "traffic",
        {"subject": "They", "ref": "CJNG"},
        id="pronoun-they-previous-subject",
    ),
    pytest.param(
        "The U.S. and Mexico signed an agreement last year. Both nations exchange intelligence.",
        "exchange",
        {"subject": "Both nations", "ref": "U.S.", "object": "intelligence"},
        id="both-nations",
    ),
    pytest.param(
        "Sheinbaum rejected this approach. You can read more details and direct quotes in "
        "this AP News article.",
        "reject",
        {"subject": "Sheinbaum", "source": "AP News"},
        id="citation-sentence-source",
    ),
    pytest.param(
        "Reports of human rights abuses by security forces marred the government’s efforts.",
        "abuse",
        {"subject": "security forces", "source": "Reports", "hedged": True},
        id="reports-of-x-by-y",
    ),
]


@pytest.mark.parametrize(("text", "action", "expected"), CASES)
def test_claim(nlp_claims, text: str, action: str, expected: dict) -> None:
    claim = _find(_claims(nlp_claims, text), action)
    for key, value in expected.items():
        if key in {"subject", "object", "source"}:
            assert _text(getattr(claim, key)) == value, key
        elif key == "ref":
            assert _ref_text(text, claim.subject) == value
        elif key == "chain":
            assert [s.text for s in claim.source_chain] == value
        else:
            assert getattr(claim, key) == value, key


def test_coordinated_verbs_give_two_claims(nlp_claims) -> None:
    claims = _claims(
        nlp_claims, "Sheinbaum rejected the proposal and emphasized respectful dialogue."
    )
    assert [(_text(c.subject), c.action) for c in claims] == [
        ("Sheinbaum", "reject"),
        ("Sheinbaum", "emphasize"),
    ]


def test_date_inside_the_clause(nlp_claims) -> None:
    text = "Ovidio Guzmán López was extradited to the United States in September 2023."
    claims = _claims(nlp_claims, text, [_date(text, "September 2023", "2023-09")])
    assert _find(claims, "extradite").date == "2023-09"


def test_date_of_a_relative_clause_stays_there(nlp_claims) -> None:
    text = "Sheinbaum, who took office in October 2024, denied the report."
    claims = _claims(nlp_claims, text, [_date(text, "October 2024", "2024-10")])
    assert _find(claims, "take").date == "2024-10"
    assert _find(claims, "deny").date is None


def test_date_without_value_is_ignored(nlp_claims) -> None:
    text = "Mexico has historically opposed foreign troops."
    date = DateRecord(text="historically", start=11, end=23, value=None)
    claims = _claims(nlp_claims, text, [date])
    assert _find(claims, "oppose").date is None


@pytest.mark.parametrize(
    "text",
    [
        "It is expected that the talks will continue.",
        "This contributes to the nation’s opioid crisis.",
        "You can read more details in this article.",
    ],
)
def test_no_claim_without_content(nlp_claims, text: str) -> None:
    subjects = [_text(c.subject) for c in _claims(nlp_claims, text)]
    assert not {"It", "This", "You"} & set(subjects)


def test_fallback_to_doc_ents_links_arguments(nlp_claims) -> None:
    doc = nlp_claims("Mexico recently elected Claudia Sheinbaum as its next president.")
    claim = _find(list(extract_claims(doc)), "elect")
    assert claim.subject is not None and claim.subject.ref_start == 0
    assert claim.object is not None and claim.object.ref_start is not None


def _assert_offsets(text: str, claims: list[ClaimRecord]) -> None:
    for claim in claims:
        assert text[claim.start : claim.end] == claim.sentence
        assert claim.sentence == claim.sentence.strip()
        for arg in (claim.subject, claim.object, claim.source, *claim.source_chain):
            if arg is None:
                continue
            assert text[arg.start : arg.end] == arg.text
            assert (arg.ref_start is None) == (arg.ref_end is None)


@pytest.mark.parametrize("text", [p.values[0] for p in CASES])
def test_offsets_are_exact(nlp_claims, text: str) -> None:
    _assert_offsets(text, _claims(nlp_claims, text))


@pytest.mark.slow
@pytest.mark.parametrize("path", sorted(SEEDS.glob("*.txt")), ids=lambda p: p.name[:3])
def test_seed_articles_offsets(nlp_claims, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    claims = _claims(nlp_claims, text)
    assert claims
    _assert_offsets(text, claims)
