"""The lexicon loader: every packaged file validates, and malformed entries are refused."""

from __future__ import annotations

import pytest

from cartelkb.lexicon import LexiconError, available, lexicon, parse


def test_every_packaged_lexicon_loads() -> None:
    for name in available():
        lex = lexicon(name)
        assert lex.keys(), f"{name}.toml has no entries"


def test_kinds_are_returned_as_typed_values() -> None:
    lex = parse(
        "demo",
        {
            "verbs": {"about": "demo words", "words": "say  tell\nadd"},
            "listed": {"about": "demo list", "words": ["be", "do"]},
            "cues": {"about": "demo phrases", "phrases": ["according to", "as reported by"]},
            "lemmas": {"about": "demo map", "map": {"arrest": "arrest", "likely": True}},
            "names": {"about": "demo case", "case": "sensitive", "words": "DEA FBI"},
            "pats": {
                "about": "demo patterns",
                "patterns": [[{"LOWER": "according"}, {"LOWER": "to"}]],
            },
        },
    )
    assert lex.words("verbs") == frozenset({"say", "tell", "add"})
    assert lex.words("listed") == frozenset({"be", "do"})
    assert lex.phrases("cues") == ("according to", "as reported by")
    assert lex.mapping("lemmas") == {"arrest": "arrest", "likely": True}
    assert lex.words("names") == frozenset({"DEA", "FBI"})
    assert lex.patterns("pats") == [[{"LOWER": "according"}, {"LOWER": "to"}]]
    assert lex.kind("cues") == "phrases"
    # a copy: a caller changing its mapping does not change the next caller's
    lex.mapping("lemmas")["arrest"] = "x"
    assert lex.mapping("lemmas")["arrest"] == "arrest"


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ({"words": "say"}, "needs `about`"),
        ({"about": "x", "words": "say", "phrases": ["a b"]}, "exactly one of"),
        ({"about": "x"}, "exactly one of"),
        ({"about": "x", "words": "say", "colour": "red"}, "unknown keys: colour"),
        ({"about": "x", "words": "say Tell"}, "'Tell' is not lowercase"),
        ({"about": "x", "words": "say say"}, "lists 'say' twice"),
        ({"about": "x", "words": ["according to"]}, "holds a space"),
        ({"about": "x", "words": ""}, "is empty"),
        ({"about": "x", "words": 3}, "words must be"),
        ({"about": "x", "phrases": ["a b", "a b"]}, "a phrase twice"),
        ({"about": "x", "map": {"a": [1]}}, "must be a string, number or boolean"),
        ({"about": "x", "map": {}}, "non-empty table"),
        ({"about": "x", "case": "upper", "words": "a"}, "case must be"),
        ({"about": "x", "patterns": [[{"LOWERR": "a"}]]}, "not a spaCy pattern"),
        ({"about": "x", "patterns": [[]]}, "pattern 1 must be"),
    ],
)
def test_malformed_entries_are_refused_with_file_and_entry(
    entry: dict[str, object], message: str
) -> None:
    with pytest.raises(LexiconError, match="lexicons/demo.toml: \\[bad\\]") as caught:
        parse("demo", {"bad": entry})
    assert message in str(caught.value)


def test_missing_entry_or_wrong_kind_names_the_file() -> None:
    lex = parse("demo", {"cues": {"about": "x", "phrases": ["a b"]}})
    with pytest.raises(LexiconError, match=r"demo.toml has no entry \[verbs\]"):
        lex.words("verbs")
    with pytest.raises(LexiconError, match=r"\[cues\] is a phrases entry, not words"):
        lex.words("cues")


def test_missing_file_lists_the_packaged_ones() -> None:
    with pytest.raises(LexiconError, match="no lexicon 'nosuch'"):
        lexicon("nosuch")
