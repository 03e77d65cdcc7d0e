"""`python -m cartelkb` runs the command-line interface."""

from cartelkb._entry import run

run()
