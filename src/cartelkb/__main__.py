"""`python -m cartelkb` runs the command-line interface."""

from cartelkb.cli import run

run()
