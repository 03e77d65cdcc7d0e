"""cartelkb's claims as CaRB tuples: run the extractor over CaRB sentences and score them.

Each CaRB sentence (PTB tokens) is detokenized (`benchmarks.tokens`), read with
`parse_text`, parsed with the cartelkb pipeline and extracted with `extract_article`,
like a one-sentence article. Every claim becomes a CaRB tuple (arg1, predicate, arg2,
further args) in the sentence's own tokens:

* arg1: the subject; for an agentless passive (no subject) the object moves to arg1,
  since the patient is the grammatical subject CaRB's gold uses ("All officers | are
  equipped with | ...");
* predicate: the claim's action words as written (`action_text`), the auxiliaries and
  adverbs of its verbs ("would *be* deleted", "*previously* reported": the verb group),
  and its negation and hedge cues when they sit on those verbs, in sentence order; an
  apposition, which writes no verb, gives its action ("be"). When the claim has no
  object, the first further argument's preposition closes the predicate ("served *as* |
  the first Prime Minister"), ReVerb's V+P relations;
* arg2 and after: the object, then the further arguments (`ClaimRecord.arguments`:
  recipient, location, time, other prepositional phrases) in text order, each with its
  preposition ("to the Flemish Community"). The source ("according to X") is not one;
* a coordinated object gives one tuple per conjunct ("includes A, B and C": three), as
  CaRB's annotators split coordinations; a claim with neither subject nor object none.

Character spans are mapped back to the benchmark's tokens through the detokenization
offsets, so "U.S.'s" in the text is "U.S. 's" in the tuple, as in the gold.

Confidence: CaRB sweeps a threshold over the confidences, so their ranking makes the
P-R curve and its AUC. A tuple starts at 1.0 and each way of reading that proved less
precise on CaRB dev multiplies it by its precision relative to the other tuples (rounded
to a tenth): a claim stated by an event noun 0.4, one without an object (its second slot
is a further argument) 0.6, the content of a reported statement 0.7; a tuple with one
slot is 0.1 (CaRB's matcher scores it 0 against any gold tuple with two). A shared or
repaired subject and a pronoun subject were as precise as the others on dev (0.62 and
0.64 against 0.64), so they do not lower it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cartelkb.benchmarks.carb import CarbScore, Extraction, load_gold, score
from cartelkb.benchmarks.tokens import Detokenized, detokenize
from cartelkb.records import ArgRecord, ClaimArgRecord, ClaimRecord

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token

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


def _preposition_start(doc: Doc, start: int, preposition: str) -> int:
    """Where a further argument's phrase begins: its preposition's first character when
    the preposition's words stand right before it ("[on behalf of] CJNG"), else `start`."""
    words = preposition.split()
    first = next((t.i for t in doc if t.idx >= start), None)
    if first is None or first < len(words):
        return start
    before = doc[first - len(words) : first]
    if [t.lower_ for t in before] == words:
        return before[0].idx
    return start


def _verb_group(doc: Doc, chars: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The auxiliaries and adverbs of the predicate's verbs ("would *be* deleted", "*has*
    sent", "*previously* reported"): the relation phrase is the whole verb group (Fader et
    al. 2011, ReVerb), while the claim's action keeps lemmas only."""
    starts = {s for s, _ in chars}
    extra: list[tuple[int, int]] = []
    for tok in doc:
        if tok.idx in starts and tok.pos_ in {"VERB", "AUX"}:
            for child in tok.children:
                if child.idx in starts:
                    continue
                if child.dep_ in {"aux", "auxpass"} or (
                    # "previously reported", "temporarily solved": the verb's own adverb
                    child.dep_ == "advmod" and child.pos_ == "ADV" and abs(child.i - tok.i) <= 2
                ):
                    extra.append((child.idx, child.idx + len(child.text)))
    return extra


def _in_group(cue: Token, verbs: set[int]) -> bool:
    """Whether a negation or hedge cue belongs to the predicate's verb group: a "not",
    modal or adverb on one of its verbs, or the raising verb above it ("is *expected* to
    uphold"); a condition's "if" or a report noun modifies the claim from outside."""
    if not cue.doc.has_annotation("DEP"):
        return True  # no parse to tell: keep it
    if cue.head.i in verbs and cue.dep_ in {"neg", "aux", "advmod"}:
        return True
    return any(child.i in verbs and child.dep_ == "xcomp" for child in cue.children)


def _join(tokens: Sequence[str], indexes: Sequence[int]) -> str:
    return " ".join(tokens[i] for i in sorted(set(indexes)))


def claim_tuple(
    claim: ClaimRecord, doc: Doc, det: Detokenized, tokens: Sequence[str]
) -> tuple[list[Extraction], bool]:
    """One claim as CaRB tuples in the benchmark's tokens (one per conjunct of a
    coordinated object).

    Returns:
        The tuples (none when the claim has no argument) and whether the action words
        were located in the parse (else the predicate is `action_text` as written).
    """

    def span_tokens(arg: ArgRecord, with_preposition: bool = True) -> list[int]:
        start = arg.start
        if with_preposition and isinstance(arg, ClaimArgRecord) and arg.preposition:
            start = _preposition_start(doc, arg.start, arg.preposition)
        return det.tokens_in(start, arg.end)

    first, rest = claim.subject, [claim.object, *_extra_args(claim)]
    args = [a for a in rest if a is not None]
    if first is None:
        if not args:
            return [], True
        first, args = args[0], args[1:]
    anchor = first.end if claim.subject is not None else first.start
    words = claim.action_text.split()
    pred_chars: list[tuple[int, int]] = []
    located = True
    if words:
        found = _locate_words(doc, words, claim.start, claim.end, anchor)
        located = bool(found)
        pred_chars = [(doc[i].idx, doc[i].idx + len(doc[i])) for i in found]
    verbs = {doc[i].i for i in found} if words and located else set()
    for cue in (claim.negation_cue, claim.hedge_cue):
        if cue:
            found = _locate_words(doc, cue.split(), claim.start, claim.end, anchor)
            pred_chars += [
                (doc[i].idx, doc[i].idx + len(doc[i])) for i in found if _in_group(doc[i], verbs)
            ]
    pred_chars += _verb_group(doc, pred_chars)
    pred_tokens = [i for s, e in pred_chars for i in det.tokens_in(s, e)]
    arg_tokens = [span_tokens(first), *(span_tokens(a) for a in args)]
    second = args[0] if args else None
    if isinstance(second, ClaimArgRecord) and second.preposition:
        # no object: the first argument's preposition closes the relation phrase ("served
        # *as* | the first Prime Minister"), the V+P pattern of ReVerb (Fader et al. 2011)
        arg_tokens[1] = span_tokens(second, with_preposition=False)
        start = _preposition_start(doc, second.start, second.preposition)
        pred_tokens += det.tokens_in(start, second.start)
    pred = _join(tokens, pred_tokens) if located else claim.action_text
    if not pred:
        pred = claim.action  # an apposition states "be" without writing it
    slot = 1 if claim.subject is not None and claim.object is not None else None
    extractions = [
        Extraction(
            pred=pred,
            args=tuple(_join(tokens, t) for t in variant),
            confidence=confidence(claim, 1 + len(args)),
        )
        for variant in _split_conjuncts(arg_tokens, slot, claim, doc, det)
    ]
    return extractions, located


def _split_conjuncts(
    arg_tokens: list[list[int]],
    slot: int | None,
    claim: ClaimRecord,
    doc: Doc,
    det: Detokenized,
) -> list[list[list[int]]]:
    """One tuple per conjunct of a coordinated object ("includes A, B and C": three), as
    CaRB's annotators split coordinations (Bhardwaj et al. 2019, and OpenIE6's
    coordination analysis, Kolluru et al. 2020); other arguments are kept whole."""
    if slot is None or claim.object is None:
        return [arg_tokens]
    obj = claim.object
    inside = [t for t in doc if obj.start <= t.idx < obj.end]
    root = next(
        (t for t in inside if not (obj.start <= t.head.idx < obj.end) or t.head.i == t.i), None
    )
    if root is None or root.pos_ not in {"NOUN", "PROPN", "NUM", "PRON"}:
        return [arg_tokens]
    conjuncts = [root, *(c for c in root.conjuncts if obj.start <= c.idx < obj.end)]
    if len(conjuncts) < 2:
        return [arg_tokens]
    others = {c.i for c in conjuncts}
    variants = []
    for conj in conjuncts:
        # its own words: not the conjuncts after it, nor the "and" and commas joining them
        drop: set[int] = set()
        for child in conj.children:
            if child.i in others:
                drop |= {t.i for t in child.subtree}
            elif child.dep_ in {"cc", "punct"} and child.i > conj.i:
                drop.add(child.i)
        own = [t for t in conj.subtree if t.i not in drop]
        chars = [i for t in own for i in det.tokens_in(t.idx, t.idx + len(t))]
        variants.append([*arg_tokens[:slot], sorted(set(chars)), *arg_tokens[slot + 1 :]])
    return variants


def confidence(claim: ClaimRecord, slots: int) -> float:
    """How likely the tuple is right, from how the claim was read (module docstring):
    each factor is the precision of tuples with that property relative to the others on
    CaRB dev, rounded to a tenth."""
    if slots < 2:
        return 0.1  # CaRB scores a tuple lacking the gold's second slot 0
    score = 1.0
    if claim.form == "noun":
        score *= 0.4  # an event noun: a relation the sentence does not state as a clause
    if claim.object is None:
        score *= 0.6  # the second slot is only a further argument
    if claim.source is not None:
        score *= 0.7  # the content of a reported statement, inside a longer sentence
    return round(score, 3)


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
            tuples, located = claim_tuple(claim, doc, det, tokens)
            run.pred_not_located += not located
            if not tuples:
                run.skipped_no_args += 1
            found.extend(tuples)
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
