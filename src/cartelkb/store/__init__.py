"""Persistence: SQLAlchemy models, engine/session handling and the repository."""
