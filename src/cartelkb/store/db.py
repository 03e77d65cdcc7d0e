"""Engine, sessions, SQLite pragmas, and bringing any database to the latest schema."""

from __future__ import annotations

import contextlib
import importlib.util
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError

from cartelkb.config import busy_timeout, display_db
from cartelkb.errors import DatabaseError, SchemaTooNewError
from cartelkb.store.schema import SCHEMA_HEAD

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import Session

MIGRATION_LOCK_ID = 7_214_401  # PostgreSQL advisory lock held while the schema is upgraded
# PostgreSQL SQLSTATEs after which running the same transaction again is the cure:
# serialization_failure, deadlock_detected; with `unique`, also unique_violation (another
# process inserted the same row first; the retry finds it).
RETRY_SQLSTATES = frozenset({"40001", "40P01"})
UNIQUE_VIOLATION = "23505"
WRITE_ATTEMPTS = 5  # runs of one article's transaction before its error is raised


def is_retryable(exc: BaseException, *, unique: bool = False) -> bool:
    """Whether a failed PostgreSQL transaction should simply be run again.

    Args:
        exc: the error the transaction raised.
        unique: also retry a unique violation (a concurrent insert of the same key).

    Returns:
        False for every SQLite error (SQLite writers wait on the write lock instead).
    """
    if not isinstance(exc, DBAPIError):
        return False
    state = getattr(exc.orig, "sqlstate", None)  # psycopg 3
    return state in RETRY_SQLSTATES or (unique and state == UNIQUE_VIOLATION)


# SQLite's own words for faults of the environment, and what the user can do about each.
_SQLITE_FAULTS = (
    (
        "database or disk is full",
        "the disk holding {db} is full: free some space and run the "
        "same command again (the article being written was rolled back; nothing stored is lost)",
    ),
    (
        "readonly database",
        "{db} is read-only: make the file and its folder writable, or "
        "give another --db (nothing was written)",
    ),
    (
        "unable to open database file",
        "cannot open or create {db}: check that its folder "
        "exists and is writable, or give another --db",
    ),
    (
        "database is locked",
        "{db} is locked by another process (waited {timeout:g} s): let it "
        "finish, then run the same command again (CARTELKB_BUSY_TIMEOUT sets the wait)",
    ),
    (
        "database table is locked",
        "{db} is locked by another process (waited {timeout:g} s): "
        "let it finish, then run the same command again",
    ),
    (
        "file is not a database",
        "{db} is not an SQLite database (or is encrypted): give the "
        "path of a cartelkb database, or a new file name, with --db; the file was not changed",
    ),
    (
        "database disk image is malformed",
        "{db} is damaged (SQLite: database disk image is "
        "malformed): restore it from a backup, or try `sqlite3 {db} .recover`; it was not "
        "changed",
    ),
    (
        "disk i/o error",
        "reading or writing {db} failed (disk I/O error): check the disk, then "
        "run the same command again",
    ),
)


# Schema objects Alembic's models do not describe: SQLite's FTS5 search tables (and the
# shadow tables FTS5 keeps beside them) and PostgreSQL's search indexes (migration 0006).
SEARCH_TABLE_PREFIXES = ("articles_fts", "claims_fts")
SEARCH_INDEXES = frozenset({"ix_articles_search", "ix_claims_search"})


def is_search_object(name: str | None) -> bool:
    """Whether a table or index belongs to full-text search, not to the models."""
    return name is not None and (name.startswith(SEARCH_TABLE_PREFIXES) or name in SEARCH_INDEXES)


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic's `include_name` hook: compare the models, not the search objects."""
    return not (type_ in ("table", "index") and is_search_object(name))


def describe_error(exc: BaseException, url: str | object) -> str:
    """A one-line message for a database failure: what is wrong and what to do.

    Args:
        exc: the SQLAlchemy (or driver) error.
        url: the database URL, shown as `display_db` shows it.
    """
    db = display_db(url)  # type: ignore[arg-type]
    orig = getattr(exc, "orig", None) or exc
    detail = " ".join(str(orig).split())  # one line, without SQLAlchemy's "Background" note
    lowered = detail.lower()
    for needle, message in _SQLITE_FAULTS:
        if needle in lowered:
            return message.format(db=db, timeout=busy_timeout())
    return f"database {db}: {detail}"


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # Foreign keys are off by default in SQLite; a long busy timeout makes concurrent
    # writers wait instead of failing. (WAL is set once the schema is known: see
    # open_database; a database we refuse must not be converted.)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout() * 1000)}")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _sqlite_autocommit_driver(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin.
    dbapi_connection.isolation_level = None


def _begin_immediate(conn) -> None:  # type: ignore[no-untyped-def]
    # A writer takes SQLite's write lock when its transaction starts, so the look-ups it
    # makes before inserting (is this entity known?) cannot race another writer.
    conn.exec_driver_sql("BEGIN IMMEDIATE")


def make_engine(url: str, *, write: bool = False) -> Engine:
    """Create an engine; for SQLite, with pragmas on every connection.

    Args:
        url: SQLAlchemy URL.
        write: for SQLite, start every transaction with BEGIN IMMEDIATE (writers only;
            readers keep deferred transactions and never wait for the write lock).
    """
    try:
        if url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"timeout": busy_timeout()})
            event.listen(engine, "connect", _sqlite_pragmas)
            if write:
                event.listen(engine, "connect", _sqlite_autocommit_driver)
                event.listen(engine, "begin", _begin_immediate)
        else:
            engine = create_engine(url, pool_pre_ping=True)
    except (SQLAlchemyError, ImportError, ValueError) as exc:
        raise DatabaseError(f"cannot use database {display_db(url)!r}: {exc}") from exc
    return engine


def migrations_dir() -> Path:
    """Where the Alembic scripts are: the packaged copy (cartelkb._migrations)."""
    spec = importlib.util.find_spec("cartelkb._migrations")
    if spec is not None and spec.submodule_search_locations:
        return Path(next(iter(spec.submodule_search_locations)))
    return Path(__file__).resolve().parents[3] / "migrations"


def alembic_config(connection=None) -> Config:  # type: ignore[no-untyped-def]
    """An Alembic Config that runs on `connection` (no alembic.ini needed)."""
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def current_revision(engine: Engine) -> str | None:
    """The database's Alembic revision, or None for an empty database."""
    with engine.connect() as conn:
        return _revision(conn)


def _revision(conn) -> str | None:  # type: ignore[no-untyped-def]
    if not inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in scripts.walk_revisions()}


def upgrade(engine: Engine) -> None:
    """Bring the database to the latest schema with Alembic (the only schema creator).

    Raises:
        SchemaTooNewError: the database has a revision this cartelkb does not know.
        DatabaseError: the upgrade failed.
    """
    revision = current_revision(engine)
    if revision == SCHEMA_HEAD:
        return  # the common case, decided without importing Alembic (~0.3 s)
    from alembic import command

    if revision is not None and revision not in _known_revisions():
        raise SchemaTooNewError(
            f"database {display_db(engine.url)} has schema revision {revision!r}, "
            "written by a newer cartelkb; upgrade cartelkb (pip install -U cartelkb) "
            "to use it. The database was not changed."
        )
    if engine.dialect.name == "postgresql":
        # DDL is transactional on PostgreSQL: the first process to take the lock creates
        # the schema in one transaction; the others wait for it, then find it current.
        with engine.begin() as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": MIGRATION_LOCK_ID})
            if _revision(conn) != SCHEMA_HEAD:
                command.upgrade(alembic_config(conn), "head")
        return
    for attempt in range(5):
        try:
            with engine.begin() as conn:
                command.upgrade(alembic_config(conn), "head")
            return
        except OperationalError as exc:
            # Two processes creating a fresh database at once: the loser sees "already
            # exists" or a lock; wait and look again, the winner's schema is fine.
            if current_revision(engine) == SCHEMA_HEAD:
                return
            if attempt == 4:
                raise DatabaseError(f"could not upgrade the database schema: {exc}") from exc
            time.sleep(0.2 * (attempt + 1))


def open_database(url: str, *, create: bool = True, write: bool = False) -> Engine:
    """Open a database and make sure its schema is current.

    Args:
        url: SQLAlchemy URL.
        create: when False, a missing SQLite file is an error instead of being created
            (read-only commands must not leave empty databases behind).
        write: the caller writes (see `make_engine`).

    Raises:
        DatabaseError: missing file (with create=False) or unusable database.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database and not create:
        path = Path(parsed.database)
        if not path.exists():
            raise DatabaseError(
                f"no database at {path}; run `cartelkb ingest PATH` first or pass --db"
            )
    engine = make_engine(url, write=write)
    try:
        upgrade(engine)
        if engine.dialect.name == "sqlite":
            # WAL lets queries read while an ingest writes; it is a persistent property
            # of the file, set here once the database is known to be ours.
            # Outside any transaction (SQLite refuses the switch inside one).
            raw = engine.raw_connection()
            try:
                raw.driver_connection.execute("PRAGMA journal_mode=WAL")  # type: ignore[union-attr]
            finally:
                raw.close()
    except SQLAlchemyError as exc:
        raise DatabaseError(describe_error(exc, url)) from exc
    return engine


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One transaction: commit on success, roll back on any error.

    A fault of the environment (disk full, read-only file, lock timeout, lost server)
    is raised as a DatabaseError saying what to do; a PostgreSQL error that a retry of
    the transaction cures (`is_retryable`) is raised as it is, for the caller to retry.
    """
    from sqlalchemy.orm import sessionmaker  # the read side (read_scope) never needs the ORM

    factory = sessionmaker(bind=engine, expire_on_commit=False)
    session = factory()
    try:
        yield session
        session.commit()
    except OperationalError as exc:
        _rollback(session)
        if is_retryable(exc, unique=True):
            raise
        raise DatabaseError(describe_error(exc, engine.url)) from exc
    except BaseException:
        _rollback(session)
        raise
    finally:
        session.close()


def _rollback(session: Session) -> None:
    # The connection may be gone (disk I/O error, server lost): nothing to undo then.
    with contextlib.suppress(SQLAlchemyError):
        session.rollback()


@contextmanager
def read_scope(engine: Engine) -> Iterator[Connection]:
    """A Core connection for read-only look-ups (no ORM, no commit)."""
    try:
        with engine.connect() as conn:
            yield conn
    except OperationalError as exc:
        raise DatabaseError(describe_error(exc, engine.url)) from exc
