"""Every benchmark in one run, one table: the library behind scripts/quality.py.

Each benchmark yields one `Result` per split. Test splits (CaRB test, ECB+ test,
TempEval-3 platinum) are measured and reported but never analysed: their results carry
no per-item errors, whatever is asked (`render` refuses a test result that has some).
Development splits (CaRB dev, ECB+ dev, TBAQ, the seeds, data/dev) list their errors when
`Context.errors` is set.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

    from cartelkb.benchmarks.coref import CorefScores
    from cartelkb.benchmarks.tempeval import EndToEnd, Normalization


@dataclass
class Row:
    """One line of the quality table: a measure of cartelkb beside its comparison figure."""

    measure: str
    value: float | int | None  # a rate in [0, 1] (shown as %), or a count (int)
    reference: str = ""  # a baseline on the same data, or a published anchor, with its name
    detail: str = ""  # counts behind the value


@dataclass
class Result:
    """One benchmark split: its rows, notes on the setting, and (dev only) its errors."""

    name: str  # e.g. "CaRB dev"
    test: bool  # a test split: measured, never analysed
    rows: list[Row] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    details: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0


@dataclass
class Context:
    """Where the data is, and what to run with."""

    eval_dir: Path  # ../shared/eval
    gold_dir: Path  # ../shared/gold
    seeds_dir: Path  # data/seeds
    dev_dir: Path  # data/dev (gold: data/dev/gold.json)
    tbaq: Path | None  # TBAQ-cleaned JSON Lines (scripts/convert_tbaq.py), or None
    model: str
    errors: bool = False  # list errors of development splits
    _nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from cartelkb.extract.nlp import load_pipeline

            self._nlp = load_pipeline(self.model)
        return self._nlp


def _pct(value: float) -> str:
    return f"{100 * value:.1f}"


def _missing(name: str, test: bool, path: Path, hint: str = "") -> Result:
    shown = path.absolute()
    if shown.is_relative_to(Path.cwd()):
        shown = shown.relative_to(Path.cwd())
    return Result(name, test, notes=[f"{name} skipped: {shown} not found{hint}"])


# --- CaRB -------------------------------------------------------------------------------

# ../shared/eval/carb/README.md table (a): OpenIE-4 on the test split.
OPENIE4 = {"precision": 0.553, "recall": 0.437, "f1": 0.488, "auc": 0.272}


def run_carb(ctx: Context) -> list[Result]:
    from cartelkb.benchmarks import carb_system

    folder = ctx.eval_dir / "carb"
    results = []
    for split in ("dev", "test"):
        test = split == "test"
        name = f"CaRB {split}"
        path = folder / f"{split}.jsonl"
        if not path.is_file():
            results.append(_missing(name, test, path))
            continue
        started = time.perf_counter()
        scored, run, gold = carb_system.evaluate_split(path, ctx.nlp)
        result = Result(name, test)
        for measure, key in (("P", "precision"), ("R", "recall"), ("F1", "f1"), ("AUC", "auc")):
            reference = f"{_pct(OPENIE4[key])} (OpenIE-4)" if test else ""
            detail = ""
            if key == "f1":
                detail = f"at confidence >= {scored.threshold}"
            result.rows.append(Row(measure, getattr(scored, key), reference, detail))
        result.rows.append(
            Row(
                "tuples",
                scored.system_tuples,
                "",
                f"gold {scored.gold_tuples} in {scored.sentences} sentences; "
                f"{run.claims} claims, {run.skipped_no_args} without arguments",
            )
        )
        if not test:
            result.notes.append(
                "CaRB: confidence from how each claim was read (1.0, x0.4 event noun, "
                "x0.6 no object, x0.7 reported content; 0.1 one slot: see "
                "benchmarks/carb_system.py); no published dev figures (OpenIE-4's are on test)"
            )
            if ctx.errors:
                result.errors = list(carb_system.iter_errors(gold, run.extractions))
        result.details = {
            "precision": scored.precision,
            "recall": scored.recall,
            "f1": scored.f1,
            "auc": scored.auc,
            "threshold": scored.threshold,
            "sentences": scored.sentences,
            "gold_tuples": scored.gold_tuples,
            "system_tuples": scored.system_tuples,
            "claims": run.claims,
            "claims_without_arguments": run.skipped_no_args,
            "predicates_not_located": run.pred_not_located,
            "sentences_changed_by_reader": run.changed_by_reader,
        }
        result.seconds = time.perf_counter() - started
        results.append(result)
    return results


# --- ECB+ -------------------------------------------------------------------------------

BARHOM_CLUSTER_LEMMA = 67.4  # CoNLL F1, ECB+ test, all gold entity mentions (Barhom 2019)


def _coref_dict(scores: CorefScores) -> dict[str, Any]:
    return {
        "muc": asdict(scores.muc) | {"f1": scores.muc.f1},
        "b_cubed": asdict(scores.b_cubed) | {"f1": scores.b_cubed.f1},
        "ceaf_e": asdict(scores.ceaf_e) | {"f1": scores.ceaf_e.f1},
        "conll_f1": scores.conll,
    }


def run_ecbplus(ctx: Context) -> list[Result]:
    from cartelkb.benchmarks import ecbplus

    folder = ctx.eval_dir / "ecbplus"
    results = []
    for split in ("dev", "test"):
        test = split == "test"
        name = f"ECB+ {split}"
        if not (folder / f"{split}_docs.jsonl").is_file():
            results.append(_missing(name, test, folder / f"{split}_docs.jsonl"))
            continue
        started = time.perf_counter()
        run = ecbplus.evaluate_split(
            folder, split, ctx.nlp, model=ctx.model, errors=ctx.errors and not test
        )
        result = Result(name, test, errors=run.errors)
        result.rows.append(
            Row(
                "named mentions",
                run.named,
                "",
                f"of {run.candidates} HUM/NON/LOC ({run.gold_mentions} gold mentions); "
                f"{run.gold_clusters} gold entities",
            )
        )
        for measure, ours, theirs in (
            ("MUC F1", run.system.muc.f1, run.baseline.muc.f1),
            ("B3 F1", run.system.b_cubed.f1, run.baseline.b_cubed.f1),
            ("CEAF-e F1", run.system.ceaf_e.f1, run.baseline.ceaf_e.f1),
        ):
            result.rows.append(Row(measure, ours, f"{_pct(theirs)} (same lemma)"))
        result.rows.append(
            Row(
                "CoNLL F1",
                run.system.conll,
                f"{_pct(run.baseline.conll)} (same lemma)",
                f"entities: cartelkb {run.system_clusters}, lemma {run.baseline_clusters}; "
                f"{run.unlinked} mentions not in the KB",
            )
        )
        if test:
            result.notes.append(
                f"ECB+: published anchor CLUSTER+LEMMA {BARHOM_CLUSTER_LEMMA} CoNLL F1 "
                "(Barhom et al. 2019) is on ALL gold entity mentions (pronouns, "
                "descriptions) with document pre-clustering: another setting than these "
                "named mentions, not comparable number for number"
            )
        else:
            result.notes.append(
                "ECB+: named mentions = gold HUM/NON/LOC mentions whose head (parsed by the "
                f"pipeline) is NNP/NNPS; {run.preposition_heads} candidates headed by a "
                "preposition ('in Canada') are not named mentions by that definition"
            )
        result.details = {
            "documents": run.documents,
            "gold_mentions": run.gold_mentions,
            "candidates": run.candidates,
            "named_mentions": run.named,
            "gold_entities": run.gold_clusters,
            "cartelkb": _coref_dict(run.system) | {"entities": run.system_clusters},
            "same_lemma": _coref_dict(run.baseline) | {"entities": run.baseline_clusters},
            "unlinked": run.unlinked,
            "preposition_heads": run.preposition_heads,
        }
        result.seconds = time.perf_counter() - started
        results.append(result)
    return results


# --- TempEval-3 -------------------------------------------------------------------------


def _tempeval_result(
    name: str, test: bool, norm: Normalization, e2e: EndToEnd, anchors: bool
) -> Result:
    from cartelkb.benchmarks.tempeval import ANCHORS

    def anchor(column: int) -> str:
        if not anchors:
            return ""
        return " / ".join(f"{row[column]:.1f} ({n})" for n, row in ANCHORS.items())

    result = Result(name, test)
    result.rows.append(
        Row("value accuracy, gold spans", norm.accuracy, "", f"{norm.correct}/{norm.n}")
    )
    timex, stored = e2e.timex, e2e.stored
    result.rows += [
        Row(
            "relaxed F1",
            timex.relaxed_prf[2],
            anchor(0),
            f"{timex.relaxed} pairs; {timex.system} system, {timex.gold} gold",
        ),
        Row("strict F1", timex.strict_f1, anchor(3)),
        Row("value F1 (TIMEX3)", timex.value_prf[2], anchor(4), f"{timex.value} correct"),
        Row(
            "value F1 (KB values)",
            stored.value_prf[2],
            anchor(4),
            f"{stored.value} correct; all {stored.system} stored records",
        ),
    ]
    result.details = {
        "normalization": {"n": norm.n, "correct": norm.correct, "by_type": norm.by_type},
        "timex": timex.as_dict(),
        "kb_values": stored.as_dict(),
        "documents": e2e.documents,
        "model": e2e.model,
    }
    return result


def run_tempeval(ctx: Context) -> list[Result]:
    from cartelkb.benchmarks import tempeval

    folder = ctx.eval_dir / "tempeval3"
    results = []
    name = "TempEval-3 platinum"
    if (folder / tempeval.PLATINUM_DOCS).is_file():
        started = time.perf_counter()
        norm = tempeval.eval_normalization(tempeval.read_jsonl(folder / tempeval.PLATINUM_TIMEXES))
        e2e = tempeval.eval_end_to_end(
            tempeval.read_jsonl(folder / tempeval.PLATINUM_DOCS), ctx.nlp
        )
        result = _tempeval_result(name, True, norm, e2e, anchors=True)
        result.notes.append(
            "TempEval-3: anchors are UzZaman et al. 2013 Table 3 (HeidelTime-t / SUTime); "
            "KB values = every stored date record with its stored value (vague ones have "
            "none), the dct as the article date"
        )
        result.seconds = time.perf_counter() - started
        results.append(result)
    else:
        results.append(_missing(name, True, folder / tempeval.PLATINUM_DOCS))
    name = "TempEval-3 TBAQ dev"
    if ctx.tbaq is None or not ctx.tbaq.is_file():
        path = ctx.tbaq or tempeval.DEFAULT_TBAQ
        results.append(_missing(name, False, path, " (write it with scripts/convert_tbaq.py)"))
        return results
    started = time.perf_counter()
    docs = tempeval.read_jsonl(ctx.tbaq)
    problems = tempeval.check_offsets(docs)
    if problems:
        raise ValueError(f"{ctx.tbaq}: {len(problems)} timex offsets are wrong: {problems[0]}")
    norm = tempeval.eval_normalization(tempeval.timexes_of(docs), errors=ctx.errors)
    e2e = tempeval.eval_end_to_end(docs, ctx.nlp, errors=ctx.errors)
    result = _tempeval_result(name, False, norm, e2e, anchors=False)
    result.errors = [f"TBAQ normalization: {e}" for e in norm.errors] + [
        f"TBAQ end to end: {e}" for e in e2e.errors
    ]
    result.seconds = time.perf_counter() - started
    results.append(result)
    return results


# --- hand-annotated corpora -------------------------------------------------------------


def _gold_result(name: str, corpus: Path, gold: Path, ctx: Context) -> Result:
    from cartelkb.benchmarks.gold import evaluate_corpus

    started = time.perf_counter()
    report, failed, manifest_note = evaluate_corpus(corpus, gold, model=ctx.model)
    result = Result(name, False)
    if manifest_note:
        result.notes.append(f"{name}: {manifest_note}")
    for label, shown, detail in report.rows():
        if label == "articles scored":
            missing = f"; not found: {detail}" if detail else ""
            result.rows.append(Row(label, report.articles_scored, "", f"{gold.name}{missing}"))
        elif "/" in detail:
            hit, total = (int(x) for x in detail.split("/"))
            result.rows.append(Row(label, hit / total if total else None, "", detail))
        else:
            result.rows.append(Row(label, int(shown), "", detail))
    if failed:
        result.notes.append(f"{name}: {failed} files failed to ingest")
    if ctx.errors:
        result.errors = [f"{name}: {p}" for p in report.problems]
    result.details = report.model_dump(exclude={"problems"})
    result.seconds = time.perf_counter() - started
    return result


def run_seeds(ctx: Context) -> list[Result]:
    gold = ctx.gold_dir / "seeds.json"
    if not gold.is_file():
        return [_missing("seeds", False, gold)]
    return [_gold_result("seeds", ctx.seeds_dir, gold, ctx)]


def run_dev(ctx: Context) -> list[Result]:
    gold = ctx.dev_dir / "gold.json"
    if not gold.is_file():
        return [
            _missing("dev corpus", False, gold, " (the dev corpus is not written yet): not scored")
        ]
    return [_gold_result("dev corpus", ctx.dev_dir, gold, ctx)]


BENCHMARKS: dict[str, Callable[[Context], list[Result]]] = {
    "carb": run_carb,
    "ecbplus": run_ecbplus,
    "tempeval3": run_tempeval,
    "seeds": run_seeds,
    "dev": run_dev,
}


# --- output -----------------------------------------------------------------------------


def _show(value: float | int | None) -> str:
    if value is None:
        return "n/a"
    if isinstance(value, int):
        return str(value)
    return _pct(value)


def render(results: Sequence[Result], seconds: float, *, errors: bool = False) -> list[str]:
    """The quality table (rates in %), the notes, and with `errors` the dev errors.

    Raises:
        ValueError: a test split carries errors (they must never be listed).
    """
    header = ("benchmark", "measure", "cartelkb", "baseline / anchor", "detail")
    lines: list[tuple[str, ...]] = []
    for result in results:
        if result.test and result.errors:
            raise ValueError(f"{result.name} is a test split: its errors are not listed")
        if not result.rows:
            lines.append((result.name, "-", "-", "", "skipped (see notes)"))
        for i, row in enumerate(result.rows):
            name = result.name if i == 0 else ""
            lines.append((name, row.measure, _show(row.value), row.reference, row.detail))
    widths = [max(len(r[c]) for r in [header, *lines]) for c in range(4)]

    def fmt(r: tuple[str, ...]) -> str:
        cells = [
            r[0].ljust(widths[0]),
            r[1].ljust(widths[1]),
            r[2].rjust(widths[2]),
            r[3].ljust(widths[3]),
            r[4],
        ]
        return "  ".join(cells).rstrip()

    out = [fmt(header), "  ".join("-" * w for w in widths) + "  ------"]
    previous = None
    for r in lines:
        if r[0] and previous is not None:
            out.append("")
        out.append(fmt(r))
        previous = r
    out.append("")
    out.append("Rates in %. Test splits (CaRB test, ECB+ test, TempEval-3 platinum) are measured,")
    out.append("never analysed: no per-item errors are listed for them.")
    notes = [n for result in results for n in result.notes]
    if notes:
        out += ["", "Notes:"] + [f"- {n}" for n in notes]
    if errors:
        out += ["", "Errors on development splits:"]
        out += [e for result in results if not result.test for e in result.errors] or ["(none)"]
    out += ["", f"total {seconds:.1f} s"]
    return out


def as_json(results: Iterable[Result], seconds: float) -> dict[str, Any]:
    """The results for scripts (errors of test splits are never included)."""
    return {
        "results": [
            {
                "name": r.name,
                "split": "test" if r.test else "dev",
                "rows": [asdict(row) for row in r.rows],
                "notes": r.notes,
                "details": r.details,
                "errors": [] if r.test else r.errors,
                "seconds": round(r.seconds, 1),
            }
            for r in results
        ],
        "seconds": round(seconds, 1),
    }
