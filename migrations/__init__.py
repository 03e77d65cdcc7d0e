"""Alembic migration scripts (shipped in the package as cartelkb._migrations)."""
