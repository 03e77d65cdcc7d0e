"""Doc -> claims: who did or said what to whom, according to whom, from the parse."""

from __future__ import annotations

from cartelkb.extract.claims.extractor import extract_claims

__all__ = ["extract_claims"]
