"""The sanctions list in a knowledge base: loading it, matching entities to it, its status.

The database holds one list at a time (`sanctions_entries`, `sanctions_aliases`,
`sanctions_links`): the packaged one (data/sdn_narcotics.jsonl, OFAC's SDN list of the
date it names) until a user loads a newer download with `cartelkb knowledge load`.
`match_entities` then records which persons and organizations of the knowledge base
are listed (`entity_sanctions`, with the rule and the evidence); `link_sanctions` does
both steps and is what ingest calls at its end.

Matching is strict, because a wrong match puts sanctions facts on the wrong person:

- `name`: the entity's name, or one of its names seen in the texts, is the entry's full
  listed name ("Nemesio Oseguera Cervantes"), same class (PERSON, ORG);
- `aka`: one of the entity's names is a distinctive a.k.a. of the entry ("El Mencho";
  see `sdn.mark_distinctive`: never an English word, a surname or a shared nickname);
- a surname alone never matches (derived look-up keys are not compared, except the
  gazetteer's own aliases of a known entity), and an entity whose names point to two
  entries by its strongest rule is matched to neither.

Every look-up is a join on indexed keys, so the cost grows with the size of the list,
not of the knowledge base.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, insert, or_, select

from cartelkb.knowledge.keys import name_key

if TYPE_CHECKING:
    from sqlalchemy.engine import Connection
    from sqlalchemy.orm import Session

    from cartelkb.knowledge.sdn import SdnEntry

PACKAGED = "packaged"
# Entity names compared with the list: those seen in texts, the gazetteer's, curated ones;
# of the derived look-up keys only the gazetteer's aliases of a known entity (rule
# "knowledge"), never surnames or initials.
COMPARED_KINDS = ("surface", "knowledge", "curated")
RULES = ("name", "aka")  # strongest first
_CHUNK = 500


@dataclass
class MatchReport:
    """What `match_entities` changed: entities matched in all, rows added and removed."""

    matched: int = 0
    added: int = 0
    removed: int = 0
    ambiguous: list[str] = field(default_factory=list)  # entity names matched to 2+ entries


@dataclass
class ListStatus:
    """The list a database uses (`cartelkb knowledge show`)."""

    source: str
    list_date: str | None
    loaded: bool  # False: nothing in the database yet (the packaged list comes at ingest)
    entries: int = 0
    persons: int = 0
    organizations: int = 0
    aliases: int = 0
    links: int = 0
    links_resolved: int = 0
    matched_entities: int = 0


@dataclass
class LoadReport:
    """What `load_file` loaded, and the matching it redid."""

    source: str
    list_date: str | None
    entries: int
    persons: int
    organizations: int
    aliases: int
    links: int
    links_resolved: int
    match: MatchReport


def _tables() -> Any:
    from cartelkb.store.models import EntitySanction, SanctionsAlias, SanctionsEntry, SanctionsLink

    return (
        SanctionsEntry.__table__,
        SanctionsAlias.__table__,
        SanctionsLink.__table__,
        EntitySanction.__table__,
    )


def _joined(values: list[str]) -> str | None:
    return "; ".join(values) or None


def replace_list(
    session: Session, entries: list[SdnEntry], *, source: str, list_date: str | None
) -> None:
    """Make `entries` the database's list (the old one and its matches go)."""
    entry_t, alias_t, link_t, match_t = _tables()
    for table in (match_t, link_t, alias_t, entry_t):
        session.execute(delete(table))
    entry_rows = [
        {
            "sdn_id": e.sdn_id,
            "sdn_name": e.sdn_name,
            "name": e.name,
            "name_key": name_key(e.name),
            "type": e.type,
            "programs": "; ".join(e.programs),
            "title": e.title,
            "dob": _joined(e.dob),
            "pob": _joined(e.pob),
            "nationality": _joined(e.nationality),
            "citizenship": _joined(e.citizenship),
            "gender": e.gender,
            "ids": _joined(
                [f"{i.type} {i.number}" + (f" ({i.country})" if i.country else "") for i in e.ids]
            ),
            "source": source,
            "list_date": list_date,
        }
        for e in entries
    ]
    alias_rows = [
        {
            "sdn_id": e.sdn_id,
            "alias": a.name,
            "alias_key": name_key(a.name),
            "kind": a.kind,
            "rule": a.rule,
            "written": a.written,
            "distinctive": a.distinctive,
        }
        for e in entries
        for a in e.aliases
    ]
    link_rows = [
        {"sdn_id": e.sdn_id, "target_name": link.name, "target_sdn_id": link.sdn_id}
        for e in entries
        for link in e.links
    ]
    for table, rows in ((entry_t, entry_rows), (alias_t, alias_rows), (link_t, link_rows)):
        if rows:
            session.execute(insert(table), rows)


def packaged_entries() -> tuple[dict[str, Any], list[SdnEntry]]:
    """(about, entries) of the packaged list."""
    from cartelkb.knowledge import sanctions_list

    return sanctions_list()


def ensure_list(session: Session) -> bool:
    """Load the packaged list when the database has none; True when it did."""
    entry_t = _tables()[0]
    if session.execute(select(entry_t.c.sdn_id).limit(1)).first() is not None:
        return False
    about, entries = packaged_entries()
    replace_list(session, entries, source=PACKAGED, list_date=about.get("list_date"))
    return True


def load_file(
    session: Session,
    sdn: Path,
    alt: Path | None = None,
    *,
    list_date: str | None = None,
    english: frozenset[str] | None = None,
) -> LoadReport:
    """Replace the database's list with a downloaded SDN list, then match entities again.

    Args:
        sdn: the legacy sdn.csv.
        alt: its alt.csv, for the strong aliases (optional).
        list_date: the list's date (YYYY-MM-DD); default: the file's modification day.
        english: English words for `mark_distinctive` (default: the spaCy pipeline's).

    Raises:
        SdnFormatError: a malformed file, with the line.
        ConfigError: a list date that is not YYYY-MM-DD.
    """
    from cartelkb.errors import ConfigError
    from cartelkb.knowledge.officials import load_officials
    from cartelkb.knowledge.sdn import english_words, mark_distinctive, parse_list

    if list_date is None:
        list_date = date.fromtimestamp(Path(sdn).stat().st_mtime).isoformat()
    else:
        try:
            list_date = date.fromisoformat(list_date).isoformat()
        except ValueError:
            raise ConfigError(f"--date {list_date!r} is not a date: give YYYY-MM-DD") from None
    entries = parse_list(sdn, alt, sdn_label=str(sdn), alt_label=str(alt))
    if not entries:
        from cartelkb.knowledge.sdn import SdnFormatError

        raise SdnFormatError(
            f"{sdn} has no entry of the narcotics programs (SDNT, SDNTK, "
            "ILLICIT-DRUGS-EO14059): is it the SDN list?"
        )
    officials = [n for o in load_officials() for n in o.names()]
    mark_distinctive(entries, english_words() if english is None else english, officials)
    source = Path(sdn).name + (f" + {Path(alt).name}" if alt else "")
    replace_list(session, entries, source=source, list_date=list_date)
    links = [link for e in entries for link in e.links]
    return LoadReport(
        source=source,
        list_date=list_date,
        entries=len(entries),
        persons=sum(e.type == "PERSON" for e in entries),
        organizations=sum(e.type == "ORG" for e in entries),
        aliases=sum(len(e.aliases) for e in entries),
        links=len(links),
        links_resolved=sum(link.sdn_id is not None for link in links),
        match=match_entities(session),
    )


def _candidates(session: Session) -> dict[int, dict[str, dict[int, str]]]:
    """entity id -> rule -> SDN id -> evidence, from indexed joins on name keys."""
    from cartelkb.store.schema import entities, entity_aliases

    entry_t, alias_t, _, _ = _tables()
    found: dict[int, dict[str, dict[int, str]]] = defaultdict(lambda: defaultdict(dict))
    compared = or_(
        entity_aliases.c.kind.in_(COMPARED_KINDS),
        (entity_aliases.c.kind == "derived") & (entity_aliases.c.rule == "knowledge"),
    )
    # The entity's canonical name is the entry's listed name.
    for row in session.execute(
        select(entities.c.id, entities.c.name, entry_t.c.sdn_id, entry_t.c.sdn_name).join(
            entry_t,
            (entry_t.c.name_key == entities.c.name_key) & (entry_t.c.type == entities.c.type),
        )
    ):
        found[row.id]["name"][row.sdn_id] = f"entity name {row.name!r} = SDN name {row.sdn_name!r}"
    # One of the entity's other names is the listed name.
    for row in session.execute(
        select(
            entity_aliases.c.entity_id,
            entity_aliases.c.alias,
            entity_aliases.c.kind,
            entry_t.c.sdn_id,
            entry_t.c.sdn_name,
        )
        .join(entry_t, entry_t.c.name_key == entity_aliases.c.alias_key)
        .join(entities, entities.c.id == entity_aliases.c.entity_id)
        .where(compared, entities.c.type == entry_t.c.type)
    ):
        found[row.entity_id]["name"].setdefault(
            row.sdn_id, f"{row.kind} alias {row.alias!r} = SDN name {row.sdn_name!r}"
        )
    # A name or alias of the entity is a distinctive a.k.a. of the entry.
    aka = (
        select(
            alias_t.c.sdn_id, alias_t.c.alias, alias_t.c.alias_key, alias_t.c.kind, entry_t.c.type
        )
        .join(entry_t, entry_t.c.sdn_id == alias_t.c.sdn_id)
        .where(alias_t.c.distinctive.is_(True))
        .subquery()
    )
    for row in session.execute(
        select(entities.c.id, entities.c.name, aka.c.sdn_id, aka.c.alias, aka.c.kind).join(
            aka, (aka.c.alias_key == entities.c.name_key) & (aka.c.type == entities.c.type)
        )
    ):
        found[row.id]["aka"].setdefault(
            row.sdn_id, f"entity name {row.name!r} = SDN {_kind(row.kind)} {row.alias!r}"
        )
    for row in session.execute(
        select(
            entity_aliases.c.entity_id,
            entity_aliases.c.alias,
            entity_aliases.c.kind.label("entity_kind"),
            aka.c.sdn_id,
            aka.c.alias.label("sdn_alias"),
            aka.c.kind,
        )
        .join(aka, aka.c.alias_key == entity_aliases.c.alias_key)
        .join(entities, entities.c.id == entity_aliases.c.entity_id)
        .where(compared, entities.c.type == aka.c.type)
    ):
        found[row.entity_id]["aka"].setdefault(
            row.sdn_id,
            f"{row.entity_kind} alias {row.alias!r} = SDN {_kind(row.kind)} {row.sdn_alias!r}",
        )
    return found


def _kind(kind: str) -> str:
    return {"aka": "a.k.a.", "fka": "f.k.a.", "nka": "n.k.a.", "derived": "derived a.k.a."}.get(
        kind, kind
    )


def match_entities(session: Session) -> MatchReport:
    """Record which entities are on the list (`entity_sanctions`); idempotent.

    Rows no longer supported (an entity renamed, a newer list) are removed, new ones
    added, unchanged ones kept. See the module docstring for the rules.
    """
    from cartelkb.store.schema import entities

    _, _, _, match_t = _tables()
    report = MatchReport()
    wanted: dict[tuple[int, int], tuple[str, str]] = {}
    for entity_id, by_rule in _candidates(session).items():
        for rule in RULES:
            ids = by_rule.get(rule)
            if not ids:
                continue
            if len(ids) == 1:
                sdn_id, evidence = next(iter(ids.items()))
                wanted[(entity_id, sdn_id)] = (rule, evidence)
            else:
                name = session.scalar(select(entities.c.name).where(entities.c.id == entity_id))
                report.ambiguous.append(str(name))
            break
    have = {
        (r.entity_id, r.sdn_id): (r.id, r.rule, r.evidence)
        for r in session.execute(
            select(
                match_t.c.id,
                match_t.c.entity_id,
                match_t.c.sdn_id,
                match_t.c.rule,
                match_t.c.evidence,
            )
        )
    }
    stale = [
        row_id
        for pair, (row_id, rule, evidence) in have.items()
        if wanted.get(pair) != (rule, evidence)
    ]
    for i in range(0, len(stale), _CHUNK):
        session.execute(delete(match_t).where(match_t.c.id.in_(stale[i : i + _CHUNK])))
    kept = {pair for pair, (row_id, _, _) in have.items() if row_id not in set(stale)}
    rows = [
        {"entity_id": e, "sdn_id": s, "rule": rule, "evidence": evidence}
        for (e, s), (rule, evidence) in sorted(wanted.items())
        if (e, s) not in kept
    ]
    if rows:
        session.execute(insert(match_t), rows)
    report.matched = len({e for e, _ in wanted})
    report.added = len(rows)
    report.removed = len(stale)
    report.ambiguous.sort()
    return report


def link_sanctions(session: Session) -> MatchReport:
    """The step ingest runs last: the packaged list if the database has none, then
    `match_entities`. Cheap when nothing changed (a few indexed joins)."""
    ensure_list(session)
    return match_entities(session)


def list_status(db: Connection | Session) -> ListStatus:
    """Which list the database uses, and how much of it (Core only: a read command)."""
    from cartelkb.store.schema import (
        entity_sanctions,
        sanctions_aliases,
        sanctions_entries,
        sanctions_links,
    )

    row = db.execute(
        select(
            sanctions_entries.c.source,
            sanctions_entries.c.list_date,
            func.count().label("n"),
            func.sum((sanctions_entries.c.type == "PERSON").cast(_int())).label("persons"),
        ).group_by(sanctions_entries.c.source, sanctions_entries.c.list_date)
    ).first()
    if row is None:
        about, entries = packaged_entries()
        return ListStatus(
            source=PACKAGED,
            list_date=about.get("list_date"),
            loaded=False,
            entries=len(entries),
            persons=sum(e.type == "PERSON" for e in entries),
            organizations=sum(e.type == "ORG" for e in entries),
            aliases=sum(len(e.aliases) for e in entries),
            links=sum(len(e.links) for e in entries),
            links_resolved=sum(1 for e in entries for x in e.links if x.sdn_id is not None),
        )
    count = lambda stmt: int(db.scalar(stmt) or 0)  # noqa: E731
    return ListStatus(
        source=row.source,
        list_date=row.list_date,
        loaded=True,
        entries=int(row.n),
        persons=int(row.persons or 0),
        organizations=int(row.n) - int(row.persons or 0),
        aliases=count(select(func.count()).select_from(sanctions_aliases)),
        links=count(select(func.count()).select_from(sanctions_links)),
        links_resolved=count(
            select(func.count()).where(sanctions_links.c.target_sdn_id.is_not(None))
        ),
        matched_entities=count(select(func.count(entity_sanctions.c.entity_id.distinct()))),
    )


def _int() -> Any:
    from sqlalchemy import Integer

    return Integer
