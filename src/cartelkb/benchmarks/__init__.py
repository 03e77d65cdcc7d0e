"""Benchmark scorers and adapters (CaRB, ECB+, TempEval-3, gold corpora) for scripts/quality.py.

Nothing here is imported by the CLI. Scorers (`carb`, `coref`, `tempeval`) are pure
functions over plain data; adapters (`carb_system`, `ecbplus`, `gold`) run cartelkb over a
benchmark's inputs through its public entry points; `suite` runs them all into one table.
"""
