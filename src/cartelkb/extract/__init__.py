"""Pure extractors: raw files and spaCy Docs in, pydantic records out."""
