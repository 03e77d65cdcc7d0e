"""Tests of cartelkb.extract.reader, one file per module (a package, so their names stay unique)."""
