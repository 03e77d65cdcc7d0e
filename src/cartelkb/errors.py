"""The one exception hierarchy: every user-facing failure is a CartelKBError."""

from __future__ import annotations


class CartelKBError(Exception):
    """A failure the user can act on; the message says what is wrong and what to do."""


class ConfigError(CartelKBError):
    """A setting (flag or environment variable) has a value cartelkb cannot use."""


class ModelNotFoundError(CartelKBError):
    """The configured spaCy pipeline is not installed."""


class InputError(CartelKBError):
    """An input path or file cannot be read as an article."""


class DatabaseError(CartelKBError):
    """The database cannot be opened, upgraded or written."""


class SchemaTooNewError(DatabaseError):
    """The database was written by a newer cartelkb than this one."""


class NotFoundError(CartelKBError):
    """A look-up (entity, article) matched nothing."""


class GoldFormatError(CartelKBError):
    """A gold annotation file does not follow the documented format."""
