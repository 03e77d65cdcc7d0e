"""Tests for cartelkb.extract.nlp: model resolution and process settings for workers."""

from __future__ import annotations

import sys

import pytest

from cartelkb.errors import ModelNotFoundError
from cartelkb.extract import nlp


@pytest.fixture()
def no_blas_settings(monkeypatch):
    for name in nlp.BLAS_THREAD_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    return monkeypatch


def test_worker_gets_one_blas_thread_before_numpy_loads(no_blas_settings):
    no_blas_settings.delitem(sys.modules, "numpy", raising=False)
    assert nlp.limit_blas_threads() is True
    import os

    assert all(os.environ[name] == "1" for name in nlp.BLAS_THREAD_VARIABLES)


def test_a_users_own_blas_setting_wins(no_blas_settings):
    import os

    no_blas_settings.delitem(sys.modules, "numpy", raising=False)
    no_blas_settings.setenv("OPENBLAS_NUM_THREADS", "4")
    nlp.limit_blas_threads()
    assert os.environ["OPENBLAS_NUM_THREADS"] == "4"


def test_too_late_once_numpy_is_loaded(no_blas_settings):
    import os

    no_blas_settings.setitem(sys.modules, "numpy", object())
    assert nlp.limit_blas_threads() is False
    assert not any(name in os.environ for name in nlp.BLAS_THREAD_VARIABLES)


def test_missing_model_says_how_to_install_it():
    with pytest.raises(ModelNotFoundError) as info:
        nlp.resolve_model("en_core_web_xx_missing")
    assert "pip install en-core-web-xx-missing" in str(info.value)
    assert "--model" in str(info.value)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        (
            "Fugitive Extradited\n\nMexico extradited Carlos Mendoza to the United States.\n",
            ["Fugitive Extradited", "Mexico extradited Carlos Mendoza to the United States."],
        ),
        ("The U.S. officials said it. He left.", ["The U.S. officials said it.", "He left."]),
        ("He left. then she came.", ["He left.", "then she came."]),  # after a full stop: may
    ],
)
def test_a_lowercase_word_starts_no_sentence_inside_a_line(nlp, text, sentences):
    assert [s.text.strip() for s in nlp(text).sents] == sentences


def test_a_lines_first_word_is_no_sentence_alone(nlp):
    # The small parser split "Peter | Vance was ..." after the headline, and the NER,
    # which tags no name across a sentence start, lost the second "Peter Vance".
    doc = nlp(
        "Lakers Name Peter Vance as Head Coach\nPeter Vance was officially introduced as "
        "the new coach."
    )
    assert [s.text.strip() for s in doc.sents] == [
        "Lakers Name Peter Vance as Head Coach",
        "Peter Vance was officially introduced as the new coach.",
    ]
    assert [e.text for e in doc.ents if e.label_ == "PERSON"][-1:] == ["Peter Vance"]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        pytest.param(
            "Since taking office, the new governor has\ncriticized the Cerro Alto\n"
            "Accord and has cut its funding.\n",
            [
                "Since taking office, the new governor has criticized the Cerro Alto Accord and "
                "has cut its funding."
            ],
            id="a-hard-wrapped-sentence-is-one",
        ),
        pytest.param(
            "Signed at the\nMarch 2020\nU.S.-Peru summit, the accord replaced the old one.\n",
            ["Signed at the March 2020 U.S.-Peru summit, the accord replaced the old one."],
            id="a-wrap-after-a-number-before-a-hyphenated-name",
        ),
        pytest.param(
            "Police seized weapons from one of\nthe largest gangs in the region.\n",
            ["Police seized weapons from one of the largest gangs in the region."],
            id="a-line-ending-in-a-preposition",
        ),
        pytest.param(
            "Border Agents Seize Record Haul\nMEXICO CITY - Agents seized the haul.\n",
            ["Border Agents Seize Record Haul", "MEXICO CITY - Agents seized the haul."],
            id="a-headline-line-stays-apart",
        ),
        pytest.param(
            "Cartel violence keeps growing\nby Ana Ruiz\n",
            ["Cartel violence keeps growing", "by Ana Ruiz"],
            id="a-byline-under-a-lowercase-headline",
        ),
        pytest.param(
            "The agents left early.\nthe others stayed.\n",
            ["The agents left early.", "the others stayed."],
            id="after-a-full-stop",
        ),
    ],
)
def test_a_hard_wrapped_line_break_starts_no_sentence(nlp, text, sentences):
    assert [" ".join(s.text.split()) for s in nlp(text).sents] == sentences
