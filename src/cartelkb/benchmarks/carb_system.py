"""cartelkb's claims as CaRB tuples: run the extractor over CaRB sentences and score them.

Each CaRB sentence (PTB tokens) is detokenized (`benchmarks.tokens`), read with
`parse_text`, parsed with the cartelkb pipeline and extracted with `extract_article`,
like a one-sentence article. Every claim becomes one CaRB tuple in the sentence's own
tokens:

* arg1: the subject; for an agentless passive (no subject) the object moves to arg1,
  since the patient is the grammatical subject CaRB's gold uses ("All officers | are
  equipped with | ...");
* predicate: the claim's action words as written (`action_text`) plus its negation and
  hedge cue words, in sentence order. Auxiliaries cartelkb does not keep in the action
  ("would *be* deleted") are not added: the tuple shows what cartelkb extracted;
* further args: the object, then any other argument field a claim record may carry
  (n-ary fields), in text order. The source ("according to X") is not an argument;
* a claim with neither subject nor object gives no tuple.

Character spans are mapped back to the benchmark's tokens through the detokenization
offsets, so "U.S.'s" in the text is "U.S. 's" in the tuple, as in the gold.

Confidence: CaRB sweeps a threshold over confidences, so a ranking matters for AUC. The
score is the number of the tuple's first two slots that are filled (arg1, arg2): 1.0 with
both, 0.5 with one. CaRB's matcher gives 0 to a tuple lacking a slot the gold has, and
nearly every gold tuple has two, so one-slot tuples are ranked last.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cartelkb.benchmarks.carb import CarbScore, Extraction, load_gold, score
from cartelkb.benchmarks.tokens import Detokenized, detokenize
from cartelkb.records import ArgRecord, ClaimRecord

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Claim fields that are not arguments of the relation (or are handled explicitly).
NOT_ARGUMENTS = frozenset({"subject", "object", "source", "source_chain"})


@dataclass
class SystemRun:
    """cartelkb's tuples for one split, with what the conversion had to give up on."""

    extractions: dict[str, list[Extraction]]
    claims: int = 0
    skipped_no_args: int = 0  # claims with neither subject nor object
    pred_not_located: int = 0  # action words not found in the parse (kept as written)
    changed_by_reader: int = 0  # sentences whose text parse_text altered
    examples: list[tuple[str, list[Extraction]]] = field(default_factory=list)


def _extra_args(claim: ClaimRecord) -> list[ArgRecord]:
    """Argument fields beyond subject/object (none today; n-ary records may add them)."""
    extra: list[ArgRecord] = []
    for name in type(claim).model_fields:
        if name in NOT_ARGUMENTS:
            continue
        value = getattr(claim, name)
        if isinstance(value, ArgRecord):
            extra.append(value)
        elif isinstance(value, list):
            extra.extend(v for v in value if isinstance(v, ArgRecord))
    return sorted(extra, key=lambda a: a.start)


def _locate_words(doc: Doc, words: Sequence[str], lo: int, hi: int, anchor: int) -> list[int]:
    """Token indexes spelling `words` in order inside chars [lo, hi), nearest `anchor`.

    `action_text` is the action's tokens joined by spaces, without offsets; the tokens may
    be discontinuous ("did not *say*"), so each start candidate is extended greedily.
    """
    tokens = [t for t in doc if lo <= t.idx < hi]
    best: list[int] = []
    best_distance = None
    for k, first in enumerate(tokens):
        if first.text != words[0]:
            continue
        found = [first.i]
        rest = iter(tokens[k + 1 :])
        for word in words[1:]:
            nxt = next((t for t in rest if t.text == word), None)
            if nxt is None:
                break
            found.append(nxt.i)
        if len(found) != len(words):
            continue
        distance = abs(first.idx - anchor)
        if best_distance is None or distance < best_distance:
            best, best_distance = found, distance
    return best


def _join(tokens: Sequence[str], indexes: Sequence[int]) -> str:
    return " ".join(tokens[i] for i in sorted(set(indexes)))


def claim_tuple(
    claim: ClaimRecord, doc: Doc, det: Detokenized, tokens: Sequence[str]
) -> tuple[Extraction | None, bool]:
    """One claim as a CaRB tuple in the benchmark's tokens.

    Returns:
        The tuple (None when the claim has no argument) and whether the action words
        were located in the parse (else the predicate is `action_text` as written).
    """

    def span_tokens(arg: ArgRecord) -> list[int]:
        return det.tokens_in(arg.start, arg.end)

    first, rest = claim.subject, [claim.object, *_extra_args(claim)]
    args = [a for a in rest if a is not None]
    if first is None:
        if not args:
            return None, True
        first, args = args[0], args[1:]
    anchor = first.end if claim.subject is not None else first.start
    words = claim.action_text.split()
    pred_chars: list[tuple[int, int]] = []
    located = True
    if words:
        found = _locate_words(doc, words, claim.start, claim.end, anchor)
        located = bool(found)
        pred_chars = [(doc[i].idx, doc[i].idx + len(doc[i])) for i in found]
    for cue in (claim.negation_cue, claim.hedge_cue):
        if cue:
            found = _locate_words(doc, cue.split(), claim.start, claim.end, anchor)
            pred_chars += [(doc[i].idx, doc[i].idx + len(doc[i])) for i in found]
    pred_tokens = [i for s, e in pred_chars for i in det.tokens_in(s, e)]
    pred = _join(tokens, pred_tokens) if located else claim.action_text
    extraction = Extraction(
        pred=pred,
        args=(
            _join(tokens, span_tokens(first)),
            *(_join(tokens, span_tokens(a)) for a in args),
        ),
        confidence=1.0 if args else 0.5,
    )
    return extraction, located


def run_split(sentences: Sequence[str], nlp: Language, *, examples: int = 0) -> SystemRun:
    """cartelkb's tuples for CaRB sentences (space-separated PTB tokens), by sentence."""
    from cartelkb.extract import extract_article
    from cartelkb.extract.reader import parse_text

    model = str(nlp.meta.get("cartelkb_model", "?"))
    run = SystemRun(extractions={})
    token_lists = [s.split() for s in sentences]
    dets = [detokenize(t) for t in token_lists]
    raws = [parse_text(d.text, f"carb:{i}") for i, d in enumerate(dets)]
    for sentence, tokens, det, raw, doc in zip(
        sentences, token_lists, dets, raws, nlp.pipe(r.text for r in raws), strict=True
    ):
        if raw.text != det.text:
            # Offsets would no longer refer to the detokenized sentence.
            run.changed_by_reader += 1
            run.extractions[sentence] = []
            continue
        extraction = extract_article(raw, doc, model)
        found = run.extractions.setdefault(sentence, [])
        for claim in extraction.claims:
            run.claims += 1
            ex, located = claim_tuple(claim, doc, det, tokens)
            run.pred_not_located += not located
            if ex is None:
                run.skipped_no_args += 1
            else:
                found.append(ex)
        if len(run.examples) < examples:
            run.examples.append((sentence, found))
    return run


def evaluate_split(
    path: Path, nlp: Language
) -> tuple[CarbScore, SystemRun, dict[str, list[Extraction]]]:
    """Score cartelkb on one CaRB split file (dev.jsonl or test.jsonl).

    Returns:
        The score, the system run, and the gold tuples by sentence (for error listing).
    """
    sentences, gold = load_gold(path)
    run = run_split([sentences[i] for i in sorted(sentences)], nlp)
    return score(gold, run.extractions), run, gold


def iter_errors(
    gold: dict[str, list[Extraction]], system: dict[str, list[Extraction]], limit: int = 40
) -> Iterator[str]:
    """Sentences with gold tuples no system tuple matched (for dev error analysis only)."""
    from cartelkb.benchmarks.carb import match

    shown = 0
    for sentence, gold_exs in gold.items():
        if not gold_exs:
            continue
        sys_exs = system.get(sentence, [])
        missed = [g for g in gold_exs if not any(match(g, s)[1] > 0 for s in sys_exs)]
        if not missed:
            continue
        yield f"CaRB dev: {sentence}"
        for g in missed:
            yield f"    missed: {g.args[0]} | {g.pred} | {' ; '.join(g.args[1:])}"
        for s in sys_exs:
            yield f"    system: {s.args[0]} | {s.pred} | {' ; '.join(s.args[1:])}"
        shown += 1
        if shown >= limit:
            return
