"""Claim extraction: one sentence per construction -> the claim it must yield."""

from __future__ import annotations

from pathlib import Path

import pytest

from cartelkb.extract.claims import extract_claims
from cartelkb.records import ClaimRecord, DateRecord, MentionRecord

SEEDS = Path(__file__).resolve().parents[3] / "data" / "seeds"


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
# "ref"/"object_ref" are the texts of the mentions the subject/object are linked to)
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
        {"subject": "Both nations", "ref": None, "object": "intelligence"},
        id="both-nations-is-not-one-of-them",
    ),
    pytest.param(
        "The U.S. and Mexico signed an agreement last year. The two governments exchange "
        "intelligence.",
        "exchange",
        {"subject": "The two governments", "ref": None},
        id="the-two-governments-is-not-one-of-them",
    ),
    pytest.param(
        "Sheinbaum rejected this approach. You can read more details and direct quotes in "
        "this AP News article.",
        "reject",
        {"subject": "Sheinbaum", "source": None},
        id="a-citation-sentence-is-not-a-source",
    ),
    pytest.param(
        "The son of Joaquín Guzmán Loera pleaded guilty to trafficking charges.",
        "plead guilty to",
        {"subject": "The son of Joaquín Guzmán Loera", "ref": None},
        id="a-relative-of-x-is-not-x",
    ),
    pytest.param(
        "The leader of the Sinaloa Cartel was arrested in Culiacán.",
        "arrest",
        {"subject": None, "object": "The leader of the Sinaloa Cartel", "object_ref": None},
        id="a-leader-of-x-is-not-x",
    ),
    pytest.param(
        "Reports of human rights abuses by security forces marred the government’s efforts.",
        "abuse",
        {"subject": "security forces", "source": "Reports", "hedged": True},
        id="reports-of-x-by-y",
    ),
    pytest.param(
        "Over two dozen fugitives from Guatemala, accused of drug trafficking, murder, and "
        "kidnapping, were extradited to the United States on Tuesday.",
        "extradite",
        {"subject": None, "object": "Over two dozen fugitives from Guatemala"},
        id="approximator-read-as-preposition",
    ),
    pytest.param(
        "Ebrard rejected claims suggesting that Mexico was preparing retaliatory tariffs, "
        "calling them “pure speculation”.",
        "call",
        {"subject": "Ebrard", "source": None, "hedged": False},
        id="final-speech-participle-takes-main-subject",
    ),
    pytest.param(
        "Ebrard rejected claims suggesting that Mexico was preparing retaliatory tariffs, "
        "calling them “pure speculation”.",
        "prepare",
        {"subject": "Mexico", "source": "claims", "hedged": True, "hedge_cue": "suggesting"},
        id="reported-content-stays-hedged",
    ),
    pytest.param(
        "Ebrard said the tariffs would hurt both economies, warning of retaliation.",
        "warn of",
        {"subject": "Ebrard", "source": None},
        id="final-speech-participle-out-of-complement",
    ),
    pytest.param(
        "“We will not let up on the cartels,” said Under Secretary of Commerce for Industry "
        "and Security Alan F. Estevez in the announcement.",
        "let up on",
        {
            "source": "Under Secretary of Commerce for Industry and Security Alan F. Estevez",
            "negated": True,
        },
        id="quotative-inversion-long-title",
    ),
    pytest.param(
        "“We will not let up on the cartels,” said Under Secretary of Commerce for Industry "
        "and Security Alan F. Estevez in the announcement.",
        "say",
        {"ref": "Alan F. Estevez", "negated": False},
        id="quotative-inversion-speech-act",
    ),
    pytest.param(
        "Mexican officials did not alert the embassy until 5:15 p.m.",
        "alert",
        {"subject": "Mexican officials", "negated": False, "negation_cue": None},
        id="not-until-is-not-negation",
    ),
    pytest.param(
        "The governor was not informed until Tuesday.",
        "inform",
        {"object": "The governor", "negated": False},
        id="not-until-passive",
    ),
    pytest.param(
        "Three of those sanctioned, Luis Pérez Gómez and Ana Ruiz Torres, live in Culiacán.",
        "live in",
        {
            "subject": "Three of those sanctioned, Luis Pérez Gómez and Ana Ruiz Torres",
            "ref": "Luis Pérez Gómez",
        },
        id="apposition-names-the-description",
    ),
    pytest.param(
        "One of those arrested, Juan Carlos Rivera, was wanted for kidnapping.",
        "be wanted for",
        {"ref": "Juan Carlos Rivera", "object": "kidnapping", "hedged": False},
        id="wanted-is-a-state",
    ),
    pytest.param(
        "Salazar was wanted in connection with the killing of a deputy in 2008.",
        "kill",
        {"object": "a deputy", "hedged": False},
        id="wanted-is-not-a-hedge",
    ),
    pytest.param(
        "The reward offered for information leading to the arrest of Ismael Zambada rose to "
        "$15 million.",
        "arrest",
        {"object": "Ismael Zambada", "hedged": True, "hedge_cue": "reward"},
        id="reward-hedges-not-its-participle",
    ),
    pytest.param(
        "Zambada is a longtime partner of Joaquín Guzmán Loera.",
        "be partner of",
        {"subject": "Zambada", "object": "Joaquín Guzmán Loera"},
        id="copular-relation-between-names",
    ),
    pytest.param(
        "Several of the detainees were members of the Sinaloa Cartel.",
        "be member of",
        {"subject": "Several of the detainees", "object": "the Sinaloa Cartel"},
        id="copular-membership",
    ),
    pytest.param(
        "Ismael Zambada, a co-founder of the Sinaloa Cartel, was arrested in Texas, according "
        "to a Justice Department official.",
        "be co-founder of",
        {"subject": "Ismael Zambada", "object": "the Sinaloa Cartel", "source": None},
        id="appositive-relation",
    ),
    pytest.param(
        "Ismael Zambada, a co-founder of the Sinaloa Cartel, was arrested in Texas, according "
        "to a Justice Department official.",
        "arrest",
        {"object": "Ismael Zambada", "source": "a Justice Department official"},
        id="appositive-relation-keeps-main-claim",
    ),
    pytest.param(
        "Zambada is a longtime partner of Joaquín Guzmán Loera and is charged in several "
        "indictments.",
        "charge",
        {"subject": None, "object": "Zambada"},
        id="conjoined-passive-after-copula",
    ),
    pytest.param(
        "The government decided to act, sending troops to Sinaloa and arresting dozens of "
        "suspects.",
        "arrest",
        {"subject": "The government", "object": "dozens of suspects"},
        id="coordinated-participles-share-subject",
    ),
    pytest.param(
        "Two of those charged, Juan Pérez and Luis Gómez, live in Sinaloa. They run the "
        "cartel's operations in Culiacán.",
        "run",
        {"subject": "They", "ref": "Juan Pérez"},
        id="pronoun-they-prefers-plural-antecedent",
    ),
    pytest.param(
        "Two of those charged, Juan Pérez and Luis Gómez, live in Sinaloa. Both brothers were "
        "indicted in 2014.",
        "indict",
        {"object": "Both brothers", "subject": None, "object_ref": "Juan Pérez"},
        id="both-brothers",
    ),
    pytest.param(
        "Those extradited include men linked to cartels that were designated as terrorist "
        "groups by the State Department. They face charges in Texas.",
        "face",
        {"subject": "They", "ref": None},
        id="pronoun-they-not-a-singular-agency",
    ),
    pytest.param(
        "Those extradited include men linked to cartels that were designated as terrorist "
        "groups by the State Department. They face charges in Texas.",
        "designate",
        {"subject": "the State Department", "object": "cartels"},
        id="passive-agent-attached-to-noun",
    ),
    pytest.param(
        "The men were responsible for smuggling tons of cocaine into the United States.",
        "smuggle",
        {"subject": "The men", "object": "tons of cocaine"},
        id="responsible-for-gerund",
    ),
    pytest.param(
        "The Bureau manages the program in close coordination with the Drug Enforcement "
        "Administration.",
        "coordinate with",
        {"subject": "The Bureau", "object": "the Drug Enforcement Administration"},
        id="in-coordination-with",
    ),
    pytest.param(
        "Hundreds of suspects have been arrested since 2019 with the Department paying "
        "millions in rewards.",
        "pay",
        {"subject": "the Department", "object": "millions in rewards"},
        id="with-absolute-gerund",
    ),
    pytest.param(
        "Sheinbaum responded to an NBC News report on Monday. The report cited unnamed officials.",
        "cite",
        {"subject": "The report", "ref": "NBC News"},
        id="definite-description-head-match",
    ),
    pytest.param(
        "Known as “plaza bosses” for the Sinaloa Cartel, the brothers control the cartel's "
        "drug trafficking in Tijuana.",
        "traffic",
        {"subject": "the cartel", "object": "drug"},
        id="nominal-compound-is-object",
    ),
    pytest.param(
        "Treasury sanctioned ten Sinaloa Cartel financiers, a department statement said.\n"
        '"Today’s action targets the cartel’s financiers,” said Treasury official Brian E. '
        "Nelson. “Treasury remains committed to cutting off their funding.”",
        "remain committed to",
        {"subject": "Treasury", "source": "Treasury official Brian E. Nelson"},
        id="straight-quote-closed-by-curly-quote",
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
        elif key == "object_ref":
            assert _ref_text(text, claim.object) == value
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


@pytest.mark.parametrize(
    ("phrase", "value", "kind"),
    [
        ("life plus 30 years", "P30Y", "duration"),
        ("daily", "P1D", "set"),
        ("every Friday", "XXXX-WXX-5", "set"),
    ],
)
def test_date_must_be_a_point_in_time(nlp_claims, phrase: str, value: str, kind: str) -> None:
    text = f"Guzmán is serving a sentence of {phrase} in Colorado."
    if phrase != "life plus 30 years":
        text = f"The cartel moved cocaine {phrase} across the border."
    start = text.index(phrase)
    date = DateRecord(text=phrase, start=start, end=start + len(phrase), value=value, kind=kind)
    claims = [c for c in _claims(nlp_claims, text, [date]) if c.action in {"serve", "move"}]
    assert claims
    assert all(c.date is None for c in claims)


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


@pytest.mark.parametrize(
    "text",
    [
        "Culiacán, a city of 800,000, hosted the meeting.",
        "Mexico is part of the Mérida Initiative.",
    ],
)
def test_no_relation_without_two_names(nlp_claims, text: str) -> None:
    assert not [c for c in _claims(nlp_claims, text) if c.action.startswith("be ")]


def test_no_claim_from_a_possessive_pronoun_alone(nlp_claims) -> None:
    text = "We are grateful to the Mexican team for their collaboration in this matter."
    claims = _claims(nlp_claims, text)
    assert not [c for c in claims if c.action.startswith("collaborate")]
    assert not [c for c in claims if c.subject is not None and c.subject.text == "their"]


def test_time_is_not_an_object(nlp_claims) -> None:
    text = "The plane landed at around 9 a.m. in Tucson."
    claims = _claims(nlp_claims, text, [_date(text, "around 9 a.m.", "2024-07-25")])
    landed = [c for c in claims if c.action.startswith("land")]
    assert landed
    assert all(c.object is None or "a.m." not in c.object.text for c in landed)


def test_known_as_is_a_name_not_a_claim(nlp_claims) -> None:
    text = "Known as “plaza bosses” for the Sinaloa Cartel, the brothers control Tijuana."
    assert not [c for c in _claims(nlp_claims, text) if c.action.startswith("know")]


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
