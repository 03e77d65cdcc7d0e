"""`cartelkb eval`: precision and recall of the knowledge base against a hand annotation."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from cartelkb.cli import app
from cartelkb.cli._common import (
    DbOption,
    SummaryFormat,
    SummaryFormatOption,
    Table,
    emit_json,
    long_running,
    out,
    row,
    session,
)


@app.command("eval")
def evaluate(
    gold: Annotated[
        Path, typer.Argument(help="Gold annotation JSON (format: see README).", show_default=False)
    ],
    db: DbOption = None,
    fmt: SummaryFormatOption = SummaryFormat.table,
) -> None:
    """Score the knowledge base against a hand annotation of some of its articles.

    Reports precision/recall for entities (per article and across articles), dates,
    claims and metadata. Annotate a sample of your own corpus and measure.

    Example: cartelkb eval ../shared/gold/seeds.json --format json
    """
    long_running()
    from cartelkb.evaluate import evaluate as run_eval

    with session(db) as s:
        report = run_eval(s, gold)
    if fmt is SummaryFormat.json:
        emit_json(report.model_dump(mode="json"))
        return
    table = Table(title=f"Quality against {gold.name}", title_justify="left")
    for column in ("measure", "value", "detail"):
        table.add_column(column)
    for measure in report.rows():
        table.add_row(*row(*measure))
    out.print(table)
    for problem in report.problems[:40]:
        out.print(*row(f"  - {problem}"))
