"""OFAC's SDN list in its legacy CSV format -> narcotics entries: names, a.k.a.s, dates, links.

The legacy `sdn.csv` has no header row and twelve columns (ent_num, SDN_Name, SDN_Type,
Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks);
`-0-` means empty. A person's facts live in Remarks, as `; `-separated statements
("DOB 17 Jul 1966; alt. DOB 17 Jul 1964; POB Aguililla, Michoacan, Mexico; a.k.a.
'Mencho'; Linked To: CARTEL DE JALISCO NUEVA GENERACION."), which `parse_remarks` reads
by their leading keyword, never by position. The optional `alt.csv` (ent_num, alt_num,
alt_type, alt_name, alt_remarks) adds the list's strong aliases.

Everything here is pure (text in, records out): `scripts/build_sdn.py` writes the
packaged `data/sdn_narcotics.jsonl` with it, and `cartelkb knowledge load` reads a newer
list a user downloaded into the database.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cartelkb.errors import CartelKBError
from cartelkb.knowledge.keys import name_key

NARCOTICS_PROGRAMS = frozenset({"SDNT", "SDNTK", "ILLICIT-DRUGS-EO14059"})
SDN_COLUMNS = (
    "ent_num",
    "SDN_Name",
    "SDN_Type",
    "Program",
    "Title",
    "Call_Sign",
    "Vess_type",
    "Tonnage",
    "GRT",
    "Vess_flag",
    "Vess_owner",
    "Remarks",
)
ALT_COLUMNS = ("ent_num", "alt_num", "alt_type", "alt_name", "alt_remarks")
EMPTY = "-0-"
# SDN_Type: "individual" is a person, an empty type an entity (organization or company);
# vessels and aircraft are neither and are left out.
TYPES = {"individual": "PERSON", "": "ORG"}
# Identity numbers worth keeping: the Mexican population registry (CURP) and tax (RFC)
# keys tell two people of the same name apart; passports and the like are left out.
KEPT_IDS = {"C.U.R.P.": "CURP", "CURP": "CURP", "R.F.C.": "RFC", "RFC": "RFC"}
ALIAS_KINDS = {"a.k.a.": "aka", "f.k.a.": "fka", "n.k.a.": "nka"}
ARTICLES = {"el", "la", "los", "las", "the"}

_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
# Words of a name written in lower case after the first: Spanish and English particles.
_PARTICLES = frozenset(
    [
        "de",
        "del",
        "la",
        "las",
        "los",
        "y",
        "e",
        "da",
        "das",
        "do",
        "dos",
        "van",
        "der",
        "von",
        "of",
        "the",
        "and",
        "for",
        "en",
        "para",
    ]
)
# Legal forms of companies in their usual spelling ("S.A. de C.V." is kept as written).
_LEGAL_FORMS = {
    "INC": "Inc",
    "LTD": "Ltd",
    "LTDA": "Ltda",
    "CO": "Co",
    "CORP": "Corp",
    "CIA": "Cia",
    "LIMITED": "Limited",
    "LLC": "LLC",
    "GMBH": "GmbH",
    "DTO": "DTO",  # drug trafficking organization
}
_ROMAN = frozenset(["II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII"])


class SdnFormatError(CartelKBError):
    """An SDN list file does not follow the legacy CSV format."""


@dataclass
class SdnAlias:
    """Another name of an entry: as the list writes it, and as a name is displayed.

    `kind`: aka, fka, nka (from Remarks or alt.csv), or derived: the Spanish article
    form of a one-word nickname ('Mencho' -> "El Mencho", rule "spanish-article"), as
    Spanish-language reporting names the person; not written in the list itself.
    `distinctive`: the name can stand alone in a text and mean this entry (see
    `mark_distinctive`); a common word or a surname cannot.
    """

    name: str
    kind: str
    written: str
    rule: str | None = None
    distinctive: bool = True


@dataclass
class SdnId:
    """An identity number the list gives (CURP and RFC only)."""

    type: str
    number: str
    country: str | None = None


@dataclass
class SdnLink:
    """A "Linked To:" target: the name as written, and the SDN id it names if found."""

    name: str
    sdn_id: int | None = None


@dataclass
class SdnEntry:
    """One designated person or organization of the narcotics programs."""

    sdn_id: int
    sdn_name: str
    name: str
    type: str
    programs: list[str]
    title: str | None = None
    aliases: list[SdnAlias] = field(default_factory=list)
    dob: list[str] = field(default_factory=list)
    pob: list[str] = field(default_factory=list)
    nationality: list[str] = field(default_factory=list)
    citizenship: list[str] = field(default_factory=list)
    gender: str | None = None
    ids: list[SdnId] = field(default_factory=list)
    links: list[SdnLink] = field(default_factory=list)
    remarks_truncated: bool = False

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SdnEntry:
        data = dict(data)
        data["aliases"] = [SdnAlias(**a) for a in data.get("aliases", [])]
        data["ids"] = [SdnId(**i) for i in data.get("ids", [])]
        data["links"] = [SdnLink(**link) for link in data.get("links", [])]
        return cls(**data)


@dataclass
class Remarks:
    """What `parse_remarks` reads from a Remarks cell."""

    aliases: list[tuple[str, str]] = field(default_factory=list)  # (kind, as written)
    dob: list[str] = field(default_factory=list)
    pob: list[str] = field(default_factory=list)
    nationality: list[str] = field(default_factory=list)
    citizenship: list[str] = field(default_factory=list)
    gender: str | None = None
    ids: list[SdnId] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    truncated: bool = False
    unknown: list[str] = field(default_factory=list)  # statements of no kept kind


# --- names ------------------------------------------------------------------------------


def _case_word(word: str, first: bool) -> str:
    """One word of an upper-case name in its usual case."""
    lead = re.match(r"^[(\"']*", word)
    trail = re.search(r"[,;:)\"']*$", word)
    head = lead.group(0) if lead else ""
    tail = trail.group(0) if trail else ""
    core = word[len(head) : len(word) - len(tail)] if tail else word[len(head) :]
    if not core:
        return word
    bare = core.rstrip(".")
    if bare.upper() in _LEGAL_FORMS and not first:
        fixed = _LEGAL_FORMS[bare.upper()] + core[len(bare) :]
    elif "." in bare or bare.upper() in _ROMAN:
        fixed = core.upper()  # initials and abbreviations: S.A., C.V., A.A.M.
    elif core.isalpha() and not re.search(r"[AEIOUYÁÉÍÓÚaeiouyáéíóú]", core):
        fixed = core.upper()  # no vowel: an acronym (CJNG, DTO, SRL)
    elif not first and core.lower() in _PARTICLES:
        fixed = core.lower()
    else:
        fixed = re.sub(
            r"[^\W\d_]+",
            lambda m: m.group(0)[:1].upper() + m.group(0)[1:].lower(),
            core,
        )
        # O'BRIEN -> O'Brien, but the apostrophe of a plural stays ("Hermano's")
        fixed = re.sub(r"'(S)\b", lambda m: "'" + m.group(1).lower(), fixed)
    return head + fixed + tail


def title_case(text: str) -> str:
    """An upper-case name in its usual case, keeping abbreviations and acronyms.

    "CARTEL DE JALISCO NUEVA GENERACION" -> "Cartel de Jalisco Nueva Generacion",
    "GRUPO IMPERGOZA, S.A. DE C.V." -> "Grupo Impergoza, S.A. de C.V.",
    "A.A.M. PEIJNENBURG HOLDING B.V." -> "A.A.M. Peijnenburg Holding B.V.".
    Text that is not all in capitals is returned as written.
    """
    text = " ".join(text.split())
    if text != text.upper():
        return text
    words = text.split(" ")
    return " ".join(_case_word(w, i == 0) for i, w in enumerate(words))


def person_name(written: str) -> str:
    """A listed person's name in reading order: "OSEGUERA CERVANTES, Nemesio" ->
    "Nemesio Oseguera Cervantes" (surnames, upper case in the list, title-cased)."""
    written = " ".join(written.split())
    if "," not in written:
        return title_case(written)
    surnames, given = (part.strip() for part in written.split(",", 1))
    surnames = " ".join(_case_word(w, i == 0) for i, w in enumerate(surnames.split()))
    if given.isupper():
        given = " ".join(_case_word(w, i == 0) for i, w in enumerate(given.split()))
    return f"{given} {surnames}".strip() if given else surnames


def display_name(written: str, type_: str) -> str:
    """The name of an entry or alias as a reader writes it (PERSON or ORG)."""
    if type_ == "PERSON":
        return person_name(written)
    return title_case(written)


# --- remarks ----------------------------------------------------------------------------


def parse_date(text: str) -> str | None:
    """A DOB as ISO at its stated precision, EDTF "~" for circa, "/" for a range.

    "17 Jul 1966" -> "1966-07-17", "Feb 1960" -> "1960-02", "1948" -> "1948",
    "circa 1960" -> "1960~", "1961 to 1963" -> "1961/1963"; None when unreadable.
    """
    text = " ".join(text.strip().rstrip(".").split())
    if " to " in text:
        parts = [parse_date(p) for p in text.split(" to ", 1)]
        return f"{parts[0]}/{parts[1]}" if all(parts) else None
    approx = ""
    if text.lower().startswith("circa "):
        approx, text = "~", text[6:]
    m = re.fullmatch(r"(?:(\d{1,2}) )?(?:([A-Za-z]{3})[a-z]* )?(\d{4})", text)
    if not m:
        return None
    day, month, year = m.groups()
    if month is None:
        return None if day else year + approx
    number = _MONTHS.get(month.lower())
    if number is None:
        return None
    value = f"{year}-{number:02d}" + (f"-{int(day):02d}" if day else "")
    return value + approx


def _statements(remarks: str) -> tuple[list[str], bool]:
    """Remarks split into statements; whether the cell was cut off.

    The legacy format caps Remarks (about 1,000 characters): a cell that does not end
    with "." was truncated, and its last statement is incomplete, so it is dropped.
    """
    text = remarks.strip()
    if not text or text == EMPTY:
        return [], False
    truncated = not text.endswith(".")
    parts = [p.strip() for p in text.split("; ")]
    if truncated:
        parts = parts[:-1]
    elif parts and not re.search(r"(?:^|\s)(?:[A-Za-z]\.)+[A-Za-z]\.$", parts[-1]):
        # The final period closes the cell, unless it ends an abbreviation ("S.A. DE C.V.").
        parts[-1] = parts[-1][:-1]
    return [p for p in parts if p], truncated


_ID_RE = re.compile(
    r"^(?P<type>\S+) (?:No\. )?(?P<number>[^()]+?)(?: \((?P<country>[^)]+)\))?(?: .*)?$"
)


def parse_remarks(remarks: str) -> Remarks:
    """Read the statements of a Remarks cell by their leading keyword.

    Kept: a.k.a./f.k.a./n.k.a. names, DOB, POB, nationality, citizen, Gender, CURP and
    RFC numbers, "Linked To:" targets (each possibly prefixed "alt."); other statements
    (passports, addresses, websites) are listed in `unknown` when their keyword is not
    recognized, and otherwise skipped.
    """
    out = Remarks()
    statements, out.truncated = _statements(remarks)
    for statement in statements:
        text = statement[5:] if statement.startswith("alt. ") else statement
        keyword = text.split(" ", 1)[0]
        rest = text[len(keyword) :].strip()
        if keyword in ALIAS_KINDS:
            name = rest
            if name.startswith("'") and name.endswith("'") and len(name) >= 2:
                name = name[1:-1]
            if name.strip():
                out.aliases.append((ALIAS_KINDS[keyword], " ".join(name.split())))
        elif keyword == "DOB":
            value = parse_date(rest)
            if value:
                out.dob.append(value)
            else:
                out.unknown.append(statement)
        elif keyword == "POB":
            out.pob.append(rest)
        elif keyword == "nationality":
            out.nationality.append(rest)
        elif keyword == "citizen":
            out.citizenship.append(rest)
        elif keyword == "Gender":
            out.gender = rest
        elif keyword == "Linked" and rest.startswith("To:"):
            out.links.append(rest[3:].strip())
        elif keyword in KEPT_IDS:
            m = _ID_RE.match(text)
            if m:
                out.ids.append(
                    SdnId(KEPT_IDS[keyword], m.group("number").strip(), m.group("country"))
                )
    return out


# --- files ------------------------------------------------------------------------------


def _decode(data: bytes, label: str) -> str:
    # Treasury's files have been UTF-8 and, earlier, Windows-1252; try them in that order.
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise SdnFormatError(f"{label}: neither UTF-8 nor Windows-1252 text")


def _cell(value: str) -> str:
    value = value.strip()
    return "" if value == EMPTY else value


def read_rows(
    source: str | Path | bytes, columns: tuple[str, ...], label: str
) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) for each record of a legacy OFAC CSV file.

    Raises:
        SdnFormatError: a row of another width, or an ent_num that is not a number,
            naming the file and the line.
    """
    if isinstance(source, (str, Path)):
        path = Path(source)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise SdnFormatError(f"cannot read {label}: {exc.strerror or exc}") from None
    else:
        data = source
    text = _decode(data, label)
    reader = csv.reader(io.StringIO(text, newline=""))
    found = False
    try:
        for row in reader:
            line = reader.line_num
            if not row or (len(row) == 1 and row[0].strip() in {"", "\x1a"}):
                continue  # blank lines and the DOS end-of-file mark the download ends with
            if len(row) != len(columns):
                raise SdnFormatError(
                    f"{label} line {line}: expected {len(columns)} comma-separated columns "
                    f"({', '.join(columns)}), found {len(row)}; is this the legacy CSV format?"
                )
            record = dict(zip(columns, (_cell(v) for v in row), strict=True))
            if not record["ent_num"].isdigit():
                raise SdnFormatError(
                    f"{label} line {line}: ent_num {record['ent_num']!r} is not a number "
                    "(the legacy format has no header row)"
                )
            found = True
            yield line, record
    except csv.Error as exc:
        raise SdnFormatError(f"{label} line {reader.line_num}: {exc}") from None
    if not found:
        raise SdnFormatError(f"{label} has no records")


def programs_of(cell: str) -> list[str]:
    """ "SDNTK] [ILLICIT-DRUGS-EO14059" -> ["SDNTK", "ILLICIT-DRUGS-EO14059"]."""
    return [p.strip() for p in cell.replace("[", " ").replace("]", " ").split() if p.strip()]


def parse_list(
    sdn: str | Path | bytes,
    alt: str | Path | bytes | None = None,
    *,
    programs: frozenset[str] = NARCOTICS_PROGRAMS,
    sdn_label: str = "sdn.csv",
    alt_label: str = "alt.csv",
) -> list[SdnEntry]:
    """The entries of the given programs in an SDN list, with their links resolved.

    Args:
        sdn: the legacy sdn.csv (a path or its bytes).
        alt: the matching alt.csv, for the strong aliases (optional).
        programs: keep entries of any of these programs.
    """
    all_names: dict[str, list[int]] = {}
    entries: list[SdnEntry] = []
    remarks_of: dict[int, Remarks] = {}
    seen: set[int] = set()
    for line, row in read_rows(sdn, SDN_COLUMNS, sdn_label):
        sdn_id = int(row["ent_num"])
        if sdn_id in seen:
            raise SdnFormatError(f"{sdn_label} line {line}: ent_num {sdn_id} appears twice")
        seen.add(sdn_id)
        all_names.setdefault(name_key(row["SDN_Name"]), []).append(sdn_id)
        kind = row["SDN_Type"].lower()
        if kind not in TYPES or not set(programs_of(row["Program"])) & programs:
            continue
        if not row["SDN_Name"]:
            raise SdnFormatError(f"{sdn_label} line {line}: entry {sdn_id} has no SDN_Name")
        type_ = TYPES[kind]
        remarks = parse_remarks(row["Remarks"])
        remarks_of[sdn_id] = remarks
        entries.append(
            SdnEntry(
                sdn_id=sdn_id,
                sdn_name=row["SDN_Name"],
                name=display_name(row["SDN_Name"], type_),
                type=type_,
                programs=programs_of(row["Program"]),
                title=row["Title"] or None,
                dob=remarks.dob,
                pob=remarks.pob,
                nationality=remarks.nationality,
                citizenship=remarks.citizenship,
                gender=remarks.gender,
                ids=remarks.ids,
                remarks_truncated=remarks.truncated,
            )
        )
    strong: dict[int, list[tuple[str, str]]] = {}
    if alt is not None:
        kinds = {"aka": "aka", "fka": "fka", "nka": "nka"}
        for line, row in read_rows(alt, ALT_COLUMNS, alt_label):
            alt_kind = kinds.get(row["alt_type"].lower().replace(".", ""))
            if alt_kind is None:
                raise SdnFormatError(
                    f"{alt_label} line {line}: alt_type {row['alt_type']!r} is not aka, fka or nka"
                )
            if row["alt_name"]:
                strong.setdefault(int(row["ent_num"]), []).append((alt_kind, row["alt_name"]))
    for entry in entries:
        written = strong.get(entry.sdn_id, []) + remarks_of[entry.sdn_id].aliases
        entry.aliases = _aliases(entry, written)
        for target in remarks_of[entry.sdn_id].links:
            ids = all_names.get(name_key(target), [])
            entry.links.append(SdnLink(target, ids[0] if len(ids) == 1 else None))
    return entries


def _aliases(entry: SdnEntry, written: Iterable[tuple[str, str]]) -> list[SdnAlias]:
    out: list[SdnAlias] = []
    keys = {name_key(entry.name)}
    for kind, text in written:
        if entry.type == "ORG" and text.isupper() and " " not in text and len(text) <= 4:
            shown = text  # a short one-word name of an organization is an acronym (BLO)
        else:
            shown = display_name(text, entry.type) if "," in text else title_case(text)
        key = name_key(shown)
        if key and key not in keys:
            keys.add(key)
            out.append(SdnAlias(shown, kind, text))
    if entry.type == "PERSON":
        article = "La" if (entry.gender or "").lower() == "female" else "El"
        for alias in list(out):
            word = alias.name
            if alias.kind != "derived" and word.isalpha() and word.lower() not in ARTICLES:
                form = f"{article} {word}"
                if name_key(form) not in keys:
                    keys.add(name_key(form))
                    out.append(SdnAlias(form, "derived", alias.written, rule="spanish-article"))
    return out


# --- distinctive names ------------------------------------------------------------------


def english_words(model: str | None = None) -> frozenset[str]:
    """English words (WordNet's nouns, verbs, adjectives, adverbs) from the lemmatizer
    tables of the installed spaCy pipeline, lower case; empty when it has none."""
    import glob

    from cartelkb.config import DEFAULT_MODEL
    from cartelkb.extract.nlp import resolve_model

    try:
        import spacy.util
        from spacy.lookups import Lookups

        root = spacy.util.get_package_path(resolve_model(model or DEFAULT_MODEL))
    except Exception:  # noqa: BLE001 - no pipeline: no English test, said by the caller
        return frozenset()
    found = glob.glob(str(root / "*" / "lemmatizer" / "lookups" / "lookups.bin"))
    if not found:
        return frozenset()
    lookups = Lookups()
    lookups.from_bytes(Path(found[0]).read_bytes())
    if not lookups.has_table("lemma_index"):
        return frozenset()
    words: set[str] = set()
    for values in lookups.get_table("lemma_index").values():
        words.update(w.lower() for w in values if w.isalpha())
    return frozenset(words)


def mark_distinctive(
    entries: list[SdnEntry], english: frozenset[str], other_names: Iterable[str] = ()
) -> None:
    """Set `distinctive` on every alias: may the name alone, in a text, mean this entry?

    A name of two words or more may ('El Mencho', 'Tony Montana'), unless its last word
    is a single character ('El M'). A one-word name may only when it is not an English
    word ('Fox', 'Mayo', 'Chino' are), not a given name or surname of a listed person
    or of `other_names` ('Moreno', 'Chuy' as a surname would not be), has four letters
    or more, and is the alias of one entry only. Sharing is checked for every alias: a
    name two entries go by ('El Chino') is distinctive for neither.
    """
    name_words: set[str] = set()
    for entry in entries:
        if entry.type == "PERSON":
            name_words.update(name_key(entry.name).split())
    for name in other_names:
        name_words.update(name_key(name).split())
    owners: Counter[str] = Counter()
    for entry in entries:
        for key in {name_key(a.name) for a in entry.aliases} | {name_key(entry.name)}:
            owners[key] += 1
    for entry in entries:
        for alias in entry.aliases:
            key = name_key(alias.name)
            words = key.split()
            if owners[key] > 1 or not words:
                alias.distinctive = False
            elif len(words) >= 2:
                alias.distinctive = len(words[-1]) > 1
            else:
                word = words[0]
                alias.distinctive = (
                    word.isalpha()
                    and len(word) >= 4
                    and word not in english
                    and word not in name_words
                )


# --- the packaged file ------------------------------------------------------------------


def write_jsonl(path: Path, about: dict[str, Any], entries: Iterable[SdnEntry]) -> int:
    """Write the packaged file: an `about` line (source, date, licence), one entry a line."""
    count = 0
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write(json.dumps({"about": about}, ensure_ascii=False, sort_keys=True) + "\n")
        for entry in entries:
            fh.write(json.dumps(entry.to_json(), ensure_ascii=False, sort_keys=True) + "\n")
            count += 1
    return count


def read_jsonl(lines: Iterable[str]) -> tuple[dict[str, Any], list[SdnEntry]]:
    """(about, entries) of a file `write_jsonl` wrote."""
    about: dict[str, Any] = {}
    entries: list[SdnEntry] = []
    for line in lines:
        if not line.strip():
            continue
        data = json.loads(line)
        if "about" in data and len(data) == 1:
            about = data["about"]
        else:
            entries.append(SdnEntry.from_json(data))
    return about, entries
