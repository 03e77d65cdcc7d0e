"""Tests for cartelkb.benchmarks.carb_system: claims rendered as CaRB tuples."""

from __future__ import annotations

import pytest

from cartelkb.benchmarks.carb import Extraction, score
from cartelkb.benchmarks.carb_system import claim_tuple, run_split
from cartelkb.benchmarks.tokens import detokenize
from cartelkb.records import ArgRecord, ClaimRecord


def words(text: str) -> list[str]:
    """A sentence written as space-separated tokens, the way benchmarks ship them."""
    return text.split()


@pytest.fixture(scope="module")
def blank():
    import spacy

    return spacy.blank("en")


def arg(text: str, sentence: str, occurrence: int = 0) -> ArgRecord:
    start = -1
    for _ in range(occurrence + 1):
        start = sentence.index(text, start + 1)
    return ArgRecord(text=text, start=start, end=start + len(text))


def claim(sentence: str, action_text: str, subject=None, obj=None, **flags) -> ClaimRecord:
    return ClaimRecord(
        subject=subject,
        action=action_text.lower(),
        action_text=action_text,
        object=obj,
        sentence=sentence,
        start=0,
        end=len(sentence),
        **flags,
    )


def test_arguments_come_back_as_benchmark_tokens(blank):
    tokens = words("Mexico 's president did n't reject the U.S. -LRB- American -RRB- plan .")
    det = detokenize(tokens)
    text = det.text
    assert text == "Mexico's president didn't reject the U.S. (American) plan."
    c = claim(
        text,
        "reject",
        subject=arg("Mexico's president", text),
        obj=arg("the U.S. (American) plan", text),
        negated=True,
        negation_cue="n't",
    )
    [ex], located = claim_tuple(c, blank(text), det, tokens)
    assert located
    assert ex == Extraction(
        "n't reject", ("Mexico 's president", "the U.S. -LRB- American -RRB- plan"), 1.0
    )


def test_agentless_passive_puts_the_patient_first(blank):
    tokens = words("Two men were arrested and charged .")
    det = detokenize(tokens)
    text = det.text
    c = claim(text, "charged", obj=arg("Two men", text))
    [ex], _ = claim_tuple(c, blank(text), det, tokens)
    assert ex == Extraction("charged", ("Two men",), 0.1)
    assert claim_tuple(claim(text, "arrested"), blank(text), det, tokens) == ([], True)


def test_action_words_nearest_the_subject_are_taken(blank):
    # "said" occurs twice: the one after this claim's subject is the predicate
    tokens = words("Bob said Ann said no .")
    det = detokenize(tokens)
    text = det.text
    c = claim(text, "said", subject=arg("Ann", text), obj=arg("no", text))
    [ex], _ = claim_tuple(c, blank(text), det, tokens)
    assert ex.pred == "said" and ex.args == ("Ann", "no")
    # action words the parse does not have are kept as written
    c = claim(text, "stated", subject=arg("Ann", text), obj=arg("no", text))
    [ex], located = claim_tuple(c, blank(text), det, tokens)
    assert not located and ex.pred == "stated"


def test_run_split_scores_a_tiny_corpus(nlp):
    sentences = [
        "The police arrested two men in Tijuana on Friday .",
        "Mexico 's president rejected the plan .",
    ]
    run = run_split(sentences, nlp)
    assert run.changed_by_reader == 0
    found = {(e.args[0], e.pred, e.args[1]) for exs in run.extractions.values() for e in exs}
    assert ("The police", "arrested", "two men") in found
    assert ("Mexico 's president", "rejected", "the plan") in found
    gold = {
        sentences[0]: [Extraction("arrested", ("The police", "two men"))],
        sentences[1]: [Extraction("rejected", ("Mexico 's president", "the plan"))],
    }
    assert score(gold, run.extractions).recall == 1.0


@pytest.mark.slow
def test_dev_split_tuples_use_the_sentence_tokens(eval_dir, nlp):
    """On all of CaRB dev: the reader keeps every sentence, every predicate is located in
    the parse, and every tuple slot is made of the sentence's own tokens, in order (an
    apposition's predicate is the "be" it does not write)."""
    from cartelkb.benchmarks.carb import load_gold

    sentences, _ = load_gold(eval_dir / "carb" / "dev.jsonl")
    run = run_split(list(sentences.values()), nlp)
    assert (run.changed_by_reader, run.pred_not_located) == (0, 0)
    assert run.claims > len(sentences)
    for sentence, extractions in run.extractions.items():
        tokens = sentence.split()
        for ex in extractions:
            for slot in (ex.pred if ex.pred != "be" else "", *ex.args):
                it = iter(tokens)
                assert all(word in it for word in slot.split()), (slot, sentence)


# CaRB sentence -> the tuples (arg1, predicate, further args...) and confidences
TUPLES = [
    pytest.param(
        "Guzmán was extradited from Mexico to the United States on Friday .",
        [(("Guzmán", "was extradited from", "Mexico", "to the United States", "on Friday"), 1.0)],
        id="further-arguments-with-prepositions-first-closes-the-predicate",
    ),
    pytest.param(
        "He served as the first Prime Minister of Australia .",
        [(("He", "served as", "the first Prime Minister of Australia"), 0.6)],
        id="no-object-lowers-confidence",
    ),
    pytest.param(
        "The district includes three elementary schools , two middle schools and one high school .",
        [
            (("The district", "includes", "three elementary schools"), 1.0),
            (("The district", "includes", "two middle schools"), 1.0),
            (("The district", "includes", "one high school"), 1.0),
        ],
        id="coordinated-object-one-tuple-per-conjunct",
    ),
    pytest.param(
        "BNL previously reported that its branch had taken on loans .",
        [
            (("BNL", "previously reported", "its branch had taken on loans"), 1.0),
            (("its branch", "had taken on", "loans"), 0.7),
        ],
        id="verb-group-and-reported-content",
    ),
    pytest.param(
        "Jacob Dreyer , the institute 's chief economist , retired .",
        [
            (("Jacob Dreyer", "be", "the institute 's chief economist"), 1.0),
            (("Jacob Dreyer", "retired"), 0.1),
        ],
        id="apposition-says-be-one-slot-is-last",
    ),
    pytest.param(
        "The British capture of Madrid ended the war .",
        [
            (("British", "capture", "Madrid"), 0.4),
            (("The British capture of Madrid", "ended", "the war"), 1.0),
        ],
        id="event-noun-lowers-confidence",
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), TUPLES)
def test_claims_as_tuples(nlp, sentence, expected):
    run = run_split([sentence], nlp)
    found = [((e.args[0], e.pred, *e.args[1:]), e.confidence) for e in run.extractions[sentence]]
    assert found == expected
