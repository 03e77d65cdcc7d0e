"""Plain-text pages for the everyday look-ups: entity cards and claims, wrapped and indented.

`cartelkb query` and `cartelkb claims` print text, not tables, so they use the standard
library's textwrap instead of rich (whose import is ~15 ms of a ~250 ms look-up). Styles
are ANSI bold/dim/underline, only on a terminal and never with NO_COLOR
(https://no-color.org); piped output is plain text. Text from articles never reaches the
stream raw: `Page` shows its control characters and bidi overrides as escapes
(`cartelkb.terminal.printable`) before adding its own styles.
"""

from __future__ import annotations

import os
import re
import shutil
import textwrap
from collections.abc import Iterable
from typing import Any, TextIO

from cartelkb.terminal import printable

ROLE_HEADINGS = {
    "subject": "As subject",
    "object": "As object",
    "source": "As source",
    "argument": "As another argument (to whom, where, ...)",
}
# how a further argument is introduced on a claim block: its preposition, and the
# role when the preposition does not say it ("to whom: him", "when: today")
_ROLE_LABELS = {"recipient": "to whom", "location": "where", "time": "when"}
_CODES = {"bold": "1", "dim": "2", "underline": "4", "cyan": "36"}


class Page:
    """Lines written to a stream, wrapped to its width."""

    def __init__(self, stream: TextIO, *, width: int | None = None, color: bool | None = None):
        self.stream = stream
        tty = hasattr(stream, "isatty") and stream.isatty()
        self.width = width or (shutil.get_terminal_size((80, 24)).columns if tty else 80)
        if color is None:
            color = tty and "NO_COLOR" not in os.environ and os.environ.get("TERM") != "dumb"
        self.color = color

    def styled(self, text: str, *styles: str) -> str:
        """`text` made printable, then styled (on a terminal)."""
        text = printable(text)
        if not self.color or not styles or not text:
            return text
        codes = ";".join(_CODES[s] for s in styles)
        return f"\x1b[{codes}m{text}\x1b[0m"

    def line(self, text: str = "", *styles: str, tail: str = "") -> None:
        """One line: `text` in `styles`, then `tail` unstyled (both made printable)."""
        self.stream.write(self.styled(text, *styles) + printable(tail) + "\n")

    def wrapped(self, text: str, *styles: str, indent: int = 2, hang: int = 0) -> None:
        """`text` wrapped to the width; continuation lines indented `hang` more."""
        lines = textwrap.wrap(
            printable(text, keep_whitespace=True),
            width=max(self.width - indent - 1, 20),
            subsequent_indent=" " * hang,
            break_long_words=True,
            break_on_hyphens=False,
        ) or [""]
        for line in lines:
            self.stream.write(" " * indent + self.styled(line, *styles) + "\n")


def party(text: str | None, entity: str | None, members: list[str] | None = None) -> str:
    """A claim's argument as written, with the entity it was linked to when different
    (every entity of a coordination: "the US and Mexico [United States; Mexico]")."""
    if text is None:
        return "—"
    if members and len(members) > 1:
        return f"{text} [{'; '.join(members)}]"
    if entity and entity != text:
        return f"{text} [{entity}]"
    return text


def argument(a: Any) -> str:
    """A further argument as a phrase: "from Mexico", "to whom: reporters", "when: on
    Friday", with its entities in brackets."""
    members = list(a.entities)
    phrase = party(a.text, members[0] if members else None, members)
    if a.preposition:
        phrase = f"{a.preposition} {phrase}"
    label = _ROLE_LABELS.get(a.role)
    return f"{label}: {phrase}" if label else phrase


def flags(c: Any) -> str:
    found = []
    if c.negated:
        found.append(f"negated ({c.negation_cue})" if c.negation_cue else "negated")
    if c.hedged:
        found.append(f"hedged ({c.hedge_cue})" if c.hedge_cue else "hedged")
    return ", ".join(found)


def when(value: str | None) -> str:
    """A stored date value as people read it: TimeML's decade "198" is "the 1980s",
    its century "19" "the 1900s"; other values as stored."""
    if value is None:
        return ""
    if re.fullmatch(r"[0-9]{3}", value):
        return f"the {value}0s"
    if re.fullmatch(r"[0-9]{2}", value):
        return f"the {value}00s"
    return value


def shown(count: int, total: int) -> str:
    return f" ({total})" if count == total else f" (newest {count} of {total})"


def claim(page: Page, c: Any) -> None:
    """One claim: who, action, whom; its further arguments; source, offsets, date and
    flags; the sentence."""
    head = f"{party(c.subject, c.subject_entity, c.subject_entities)}  {c.action}"
    if c.object is not None:
        head += f"  {party(c.object, c.object_entity, c.object_entities)}"
    details = [f"article {c.article_id}, chars {c.start}-{c.end}"]
    if c.source is not None:
        details.insert(0, f"according to {party(c.source, c.source_entity)}")
    if c.date:
        details.append(f"date {when(c.date)}")
    stance = flags(c)
    if stance:
        details.append(stance)
    page.wrapped(head, "bold")
    if c.arguments:
        page.wrapped(" · ".join(argument(a) for a in c.arguments), indent=4, hang=2)
    page.wrapped(" · ".join(details), "dim")
    page.wrapped(f"“{c.sentence}”")
    page.line()


def claims(
    page: Page,
    found: Iterable[Any],
    *,
    by_role: bool,
    totals: dict[str, int] | None = None,
) -> None:
    """Claims under a heading per role (entity card) or one heading (claim search)."""
    groups: dict[str, list[Any]] = {}
    for c in found:
        groups.setdefault((c.role or "") if by_role else "", []).append(c)
    for key, members in groups.items():
        total = (totals or {}).get(key, len(members))
        heading = ROLE_HEADINGS.get(key, "Claims") + shown(len(members), total)
        page.line(heading, "bold", "underline")
        for c in members:
            claim(page, c)


def card(page: Page, card: Any, *, limit: int) -> None:
    """An entity card: name, aliases, roles, counts, articles, claims by role."""
    page.line(card.name, "bold", tail=f"  ({card.type}, entity #{card.id})")
    if card.aliases:
        page.wrapped("also: " + "; ".join(card.aliases), hang=2)
    if card.roles:
        page.wrapped("roles: " + "; ".join(card.roles), hang=2)
    offices = getattr(card, "offices", None)
    if offices:
        page.wrapped("offices: " + "; ".join(o.label for o in offices), hang=2)
    page.line(
        f"  {card.mention_count} mentions in {card.article_count} articles, "
        f"{sum(card.claim_counts.values())} claims"
    )
    sanctions(page, getattr(card, "sanctions", ()), getattr(card, "linked_organizations", ()))
    page.line("Articles" + shown(len(card.articles), card.article_count), "bold", "underline")
    for a in card.articles:
        mentions = f"{a.mentions} mention{'s' if a.mentions != 1 else ''}"
        outlet = f" — {a.outlet}" if a.outlet else ""
        page.wrapped(
            f"#{a.id}  {a.published or 'undated'}  {a.title or a.source_path}{outlet}  "
            f"({mentions})",
            hang=4,
        )
    page.line()
    if card.relations:
        relation_lines(page, card.name, card.relations)
    if card.events:
        page.line("Events" + shown(len(card.events), card.event_count), "bold", "underline")
        for e in card.events:
            event(page, e)
    if card.claims:
        claims(page, card.claims, by_role=True, totals=card.claim_counts)
    if card.truncated:
        page.line(f"(newest {limit} of each shown; --limit 0 shows all)")


def sanctions(page: Page, found: Iterable[Any], linked: Iterable[Any]) -> None:
    """The SDN entries an entity was matched to, and what they are linked to."""
    found, linked = list(found), list(linked)
    if not found:
        return
    for s in found:
        dated = f", list of {s.list_date}" if s.list_date else ""
        page.line(f"Sanctions (OFAC SDN{dated})", "bold", "underline")
        page.wrapped(f"SDN {s.sdn_id}  {s.sdn_name} — {', '.join(s.programs)}", hang=2)
        facts = [
            ("title", [s.title] if s.title else []),
            ("DOB", s.dob),
            ("POB", s.pob),
            ("nationality", s.nationality),
            ("citizen", s.citizenship),
            ("gender", [s.gender] if s.gender else []),
            ("ids", s.ids),
        ]
        for label, values in facts:
            if values:
                page.wrapped(f"{label}: " + "; ".join(values), indent=4, hang=2)
        if s.aliases:
            names = [a.name + (" (derived)" if a.kind == "derived" else "") for a in s.aliases]
            page.wrapped("a.k.a.: " + "; ".join(names), indent=4, hang=2)
        page.wrapped(f"matched by {s.rule}: {s.evidence}", "dim", indent=4, hang=2)
    if linked:
        people = any(x.type == "PERSON" for x in linked)
        heading = "Linked to" if people else "Linked organizations"
        page.line(f"{heading} ({len(linked)})", "bold", "underline")
        for x in linked:
            listed = f" (SDN {x.sdn_id})" if x.sdn_id else " (not listed)"
            kb = f" → {x.entity_name} (entity #{x.entity_id})" if x.entity_id else ""
            page.wrapped(f"{x.name}{listed}{kb}", hang=2)
    page.line()


def articles(page: Page, found: Iterable[Any]) -> None:
    """An article list: id, date, title (else the file), outlet, what was extracted."""
    found = list(found)
    page.line(f"Articles ({len(found)})", "bold", "underline")
    for a in found:
        outlet = f" — {a.outlet}" if a.outlet else ""
        page.wrapped(
            f"#{a.id}  {a.published or 'undated'}  {a.title or a.source_path}{outlet}",
            hang=4,
        )
        page.wrapped(
            f"{a.mentions} mentions of {a.entities} entities, {a.dates} dates, {a.claims} claims",
            "dim",
            indent=6,
        )


def search_hits(page: Page, hits: Iterable[Any]) -> None:
    """Search results under a heading per kind: where, then the matching words in [ ]."""
    hits = list(hits)
    if not hits:
        page.line("Nothing matches.")
        return
    for kind, heading in (("article", "Articles"), ("claim", "Claims")):
        found = [h for h in hits if h.kind == kind]
        if not found:
            continue
        page.line(f"{heading} ({len(found)})", "bold", "underline")
        for h in found:
            where = f"article #{h.article_id}" + (f", claim #{h.claim_id}" if h.claim_id else "")
            page.wrapped(f"{where}  {h.published or 'undated'}  {h.title or ''}".rstrip(), "dim")
            page.wrapped(h.snippet, indent=4, hang=0)
        page.line()


def timeline(page: Page, found: Any) -> None:
    """A timeline: one block per date, each claim under its track, with its sentence."""
    title = found.entity + (f" with {found.with_entity}" if found.with_entity else "")
    page.line(f"Timeline of {title}", "bold", tail=f"  ({len(found.entries)} dated claims)")
    if not found.entries:
        page.line("No dated claim.")
    current = None
    for e in found.entries:
        day = e.claim.date if e.dated_by == "claim" else e.claim.article_published
        if day != current:
            current = day
            page.line()
            page.line(when(day), "bold", tail="" if e.dated_by == "claim" else "  (article date)")
        head = f"[{e.track}] {party(e.claim.subject, e.claim.subject_entity)}  {e.claim.action}"
        if e.claim.object is not None:
            head += f"  {party(e.claim.object, e.claim.object_entity)}"
        if e.claim.source is not None:
            head += f"  (according to {party(e.claim.source, e.claim.source_entity)})"
        stance = flags(e.claim)
        if stance:
            head += f"  [{stance}]"
        page.wrapped(head, hang=4)
        page.wrapped(f"“{e.claim.sentence}”", "dim", indent=4, hang=1)
        page.wrapped(
            f"article {e.claim.article_id}, chars {e.claim.start}-{e.claim.end}", "dim", indent=4
        )
    if found.undated:
        page.line()
        page.line(f"({found.undated} claims have no date: see `cartelkb query --entity`)")


def corroboration(page: Page, groups: Iterable[Any]) -> None:
    """Groups of one claim stated in several articles: sources, then each statement."""
    groups = list(groups)
    if not groups:
        page.line("No claim is stated by more than one source.")
        return
    for g in groups:
        head = f"{g.subject}  {g.action}" + (f"  {g.object}" if g.object else "")
        page.wrapped(head, "bold")
        flag = "  CONTRADICTED" if g.contradiction else ""
        page.wrapped(
            f"{g.source_count} sources in {g.articles} articles: " + "; ".join(g.sources) + flag,
            "dim",
            hang=2,
        )
        for c in g.claims:
            stance = " (negated)" if c.negated else ""
            page.wrapped(f"article {c.article_id}{stance}: “{c.sentence}”", indent=4, hang=2)
        page.line()


_RELATION_WORDS = {
    "leader_of": "leader",
    "member_of": "member",
    "relative_of": "relative",
    "associate_of": "associate",
}


def relation_label(r: Any, name: str) -> str:
    """A relation as a phrase: "leader of CJNG", "son of Joaquín Guzmán Loera", "position:
    Attorney General"; an incoming one names the other party first."""
    word = r.title or _RELATION_WORDS.get(r.type, r.type)
    if r.type == "position":
        if r.direction == "out":
            return f"position: {word}" + (f", {r.other}" if r.other else "")
        return f"{r.other}: {word} of it"
    if r.direction == "out":
        return f"{word} of {r.other}" if r.other else word
    return f"{r.other}: {word} of {name}"


def relation_lines(page: Page, name: str, found: Iterable[Any]) -> None:
    """The Relations section of a card: one line per statement, with its article count."""
    found = list(found)
    page.line(f"Relations ({len(found)})", "bold", "underline")
    for r in found:
        count = f" ({r.article_count} articles)" if r.article_count > 1 else ""
        stance = ", ".join(
            flag
            for flag, on in (
                ("hedged", all(e.hedged for e in r.evidence)),
                ("negated", all(e.negated for e in r.evidence)),
            )
            if on
        )
        where = r.evidence[0]
        page.wrapped(
            f"{relation_label(r, name)}{count}" + (f" · {stance}" if stance else ""), hang=2
        )
        page.wrapped(
            f"article {where.article_id}, chars {where.start}-{where.end}", "dim", indent=4
        )
    page.line()


def quantity(q: Any) -> str:
    """A normalized amount as read: "5000000 USD (up to; $5 million)", "P25Y", "life"."""
    if q.kind == "term":
        core = q.value or q.text
    else:
        amount = q.amount
        shown_amount = f"{amount:,.2f}".rstrip("0").rstrip(".") if amount is not None else "?"
        core = f"{shown_amount} {q.unit or ''}".strip()
        if q.item and q.kind in {"drug", "pills"}:
            core += f" of {q.item}" if q.kind == "drug" else ""
    notes = "; ".join(n for n in (q.approximate, q.text if q.text != core else None) if n)
    return f"{core} ({notes})" if notes else core


def event(page: Page, e: Any) -> None:
    """One event: type, parties and amounts; where it is and its flags; the sentence."""
    who = [party(p, n) for p, n in zip(e.patients, e.patient_entities, strict=False)]
    head = f"{e.type}  “{e.trigger}”"
    if who:
        head += "  " + "; ".join(who)
    if e.agent:
        head += f"  by {party(e.agent, e.agent_entity)}"
    if e.quantities:
        head += "  · " + "; ".join(quantity(q) for q in e.quantities)
    details = [f"article {e.article_id}, chars {e.trigger_start}-{e.trigger_end}"]
    if e.location:
        details.append(f"in {party(e.location, e.location_entity)}")
    if e.date:
        details.append(f"date {when(e.date)}")
    if e.role:
        details.append(f"as {e.role}")
    stance = flags(e)
    if stance:
        details.append(stance)
    page.wrapped(head, "bold", hang=2)
    page.wrapped(" · ".join(details), "dim")
    page.wrapped(f"“{e.sentence}”")
    page.line()


def events(page: Page, found: Iterable[Any]) -> None:
    """An event list under one heading."""
    found = list(found)
    page.line(f"Events ({len(found)})", "bold", "underline")
    for e in found:
        event(page, e)
