"""The `cartelkb` program's entry point: pause the cyclic GC, then load the CLI.

Kept separate from cli.py so the collector is paused before typer, SQLAlchemy and the
commands are imported: start-up allocates almost only objects that live as long as the
process, and the collector's passes over them cost a short look-up ~8% of its time.
`cli.run` turns it back on for the long commands.
"""

import gc


def run() -> None:
    gc.disable()
    from cartelkb.cli import run as run_cli

    run_cli()
