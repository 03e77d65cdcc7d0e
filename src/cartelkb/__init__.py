"""cartelkb: news articles on US-Mexico security policy into a traceable knowledge base."""

__version__ = "0.1.0"
