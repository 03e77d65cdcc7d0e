"""Tests for cartelkb.knowledge.sdn: the legacy SDN CSV, Remarks, names, distinctive a.k.a.s.

`data/sdn_sample.csv` holds real rows of OFAC's list of 2024-05-03 (bytes as published).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from cartelkb.errors import CartelKBError
from cartelkb.knowledge.sdn import (
    SDN_COLUMNS,
    SdnAlias,
    SdnEntry,
    SdnFormatError,
    display_name,
    mark_distinctive,
    parse_date,
    parse_list,
    parse_remarks,
    person_name,
    read_jsonl,
    title_case,
    write_jsonl,
)

SAMPLE = Path(__file__).parent / "data" / "sdn_sample.csv"


@pytest.fixture(scope="module")
def entries() -> dict[int, SdnEntry]:
    return {e.sdn_id: e for e in parse_list(SAMPLE)}


def test_only_narcotics_entries_are_kept(entries):
    assert 36 not in entries  # AEROCARIBBEAN AIRLINES, program CUBA
    assert sorted(entries) == [
        7226,
        11440,
        13149,
        13420,
        13447,
        15001,
        17671,
        17674,
        20109,
        31145,
        39593,
        41897,
    ]


def test_nemesio_oseguera_cervantes(entries):
    e = entries[17674]
    assert e.sdn_name == "OSEGUERA CERVANTES, Nemesio"
    assert e.name == "Nemesio Oseguera Cervantes"
    assert e.type == "PERSON"
    assert e.programs == ["SDNTK", "ILLICIT-DRUGS-EO14059"]
    assert e.dob == ["1966-07-17", "1964-07-17"]
    assert e.pob == ["Naranjo de Chila, Aguililla, Michoacan, Mexico"]
    assert e.nationality == ["Mexico"]
    assert e.gender == "Male"
    assert [(a.name, a.kind, a.rule) for a in e.aliases] == [
        ("Mencho", "aka", None),
        ("El Mencho", "derived", "spanish-article"),
    ]


def test_year_of_birth_and_an_article_form_already_listed(entries):
    e = entries[7226]
    assert e.name == "Ismael Zambada Garcia"
    assert e.dob == ["1948"]
    # 'El Mayo' is listed beside 'Mayo': nothing is derived.
    assert [(a.name, a.kind) for a in e.aliases] == [("El Mayo", "aka"), ("Mayo", "aka")]


def test_curp_and_a_linked_organization_resolved_to_its_sdn_id(entries):
    e = entries[20109]
    assert [(i.type, i.number, i.country) for i in e.ids] == [
        ("CURP", "OECA580820HMNSRN04", "Mexico")
    ]
    assert [(link.name, link.sdn_id) for link in e.links] == [
        ("CARTEL DE JALISCO NUEVA GENERACION", 17671)
    ]
    assert entries[17671].name == "Cartel de Jalisco Nueva Generacion"
    assert entries[17671].type == "ORG"


def test_links_keep_the_final_abbreviation_and_an_unlisted_target_has_no_id(entries):
    e = entries[13447]
    assert [(i.type, i.number) for i in e.ids] == [
        ("RFC", "GAPG4908307H1"),
        ("CURP", "GAPG490830MSLSYD06"),
    ]
    assert [(link.name, link.sdn_id) for link in e.links] == [
        ("GRUPO IMPERGOZA, S.A. DE C.V.", 13420),
        ("DESARROLLOS EVEREST, S.A. DE C.V.", None),  # not in the sample
    ]


def test_an_alias_written_surname_first_is_shown_in_reading_order(entries):
    assert [a.name for a in entries[15001].aliases] == ["Chapo Isidro", "Chapito Isidro"]


def test_former_names_of_an_organization(entries):
    e = entries[11440]
    assert e.name == "Sinaloa Cartel"
    assert [(a.name, a.kind) for a in e.aliases] == [
        ("Mexican Federation", "fka"),
        ("Guadalajara Cartel", "fka"),
    ]


def test_a_truncated_remarks_cell_drops_its_cut_statement(entries):
    e = entries[39593]
    assert e.remarks_truncated is True
    assert e.dob == ["1974-09-05"]
    assert e.nationality == ["United Kingdom"]
    assert e.gender == "Male"


def test_several_dates_and_places_of_birth(entries):
    e = entries[31145]
    assert e.dob == ["1982-06-02", "1982-11-08", "1986-08-25", "1977-06-28"]
    assert e.pob == ["Puerto Vallarta, Jalisco, Mexico", "Amatan, Chiapas, Mexico"]


@pytest.mark.parametrize(
    ("written", "type_", "shown"),
    [
        ("OSEGUERA CERVANTES, Nemesio", "PERSON", "Nemesio Oseguera Cervantes"),
        ("ZAMBADA NIEBLA, Monica del Rosario", "PERSON", "Monica del Rosario Zambada Niebla"),
        ("GRUPO IMPERGOZA, S.A. DE C.V.", "ORG", "Grupo Impergoza, S.A. de C.V."),
        ("A.A.M. PEIJNENBURG HOLDING B.V.", "ORG", "A.A.M. Peijnenburg Holding B.V."),
        ("PRODUZIONI PECA, S. DE R.L. DE C.V.", "ORG", "Produzioni Peca, S. de R.L. de C.V."),
        ("YOULI TECHNOLOGY DEVELOPMENT CO., LTD.", "ORG", "Youli Technology Development Co., Ltd."),
        ("KHAN & SCHIRINDEL GMBH", "ORG", "Khan & Schirindel GmbH"),
        ("RODRIGUEZ OLIVERA DTO", "ORG", "Rodriguez Olivera DTO"),
        ("MONTOYA LUNA E HIJOS Y CIA. S.C.S.", "ORG", "Montoya Luna e Hijos y Cia. S.C.S."),
    ],
)
def test_display_names(written, type_, shown):
    assert display_name(written, type_) == shown


def test_mixed_case_text_is_kept_as_written():
    assert title_case("Tony Montana") == "Tony Montana"
    assert person_name("ZHOU, William") == "William Zhou"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("17 Jul 1966", "1966-07-17"),
        ("Feb 1960", "1960-02"),
        ("1948", "1948"),
        ("circa 1960", "1960~"),
        ("1961 to 1963", "1961/1963"),
        ("sometime", None),
        ("31 Foo 1960", None),
    ],
)
def test_parse_date(text, value):
    assert parse_date(text) == value


def test_remarks_of_no_kept_kind_are_skipped():
    remarks = parse_remarks(
        "Passport 040070827 (Mexico); Website www.x.mx; alt. POB Durango, Mexico."
    )
    assert remarks.pob == ["Durango, Mexico"]
    assert remarks.aliases == [] and remarks.ids == []
    assert parse_remarks("-0- ").aliases == []


def test_distinctive_aliases_on_real_rows(entries):
    listed = list(entries.values())
    mark_distinctive(listed, english=frozenset({"mayo"}))
    flags = {(e.sdn_id, a.name): a.distinctive for e in listed for a in e.aliases}
    assert flags[(17674, "Mencho")] is True
    assert flags[(17674, "El Mencho")] is True
    assert flags[(7226, "El Mayo")] is True
    assert flags[(7226, "Mayo")] is False  # an English word
    # 'Moreno' and its article form are a.k.a.s of two entries: of neither.
    assert flags[(41897, "Moreno")] is False
    assert flags[(31145, "Moreno")] is False
    assert flags[(41897, "El Moreno")] is False
    assert flags[(31145, "El Chino")] is True  # only one entry of the sample has it


def test_a_one_word_alias_that_is_a_listed_persons_name_is_not_distinctive():
    person = SdnEntry(1, "CASTRO, Lucas", "Lucas Castro", "PERSON", ["SDNTK"])
    nicknamed = SdnEntry(
        2, "X, Y", "Y X", "PERSON", ["SDNTK"], aliases=[SdnAlias("Castro", "aka", "CASTRO")]
    )
    mark_distinctive([person, nicknamed], english=frozenset())
    assert nicknamed.aliases[0].distinctive is False


def test_jsonl_round_trip(tmp_path, entries):
    path = tmp_path / "sdn.jsonl"
    count = write_jsonl(path, {"list_date": "2024-05-03"}, entries.values())
    assert count == 12
    with path.open(encoding="utf-8") as fh:
        about, back = read_jsonl(fh)
    assert about == {"list_date": "2024-05-03"}
    assert {e.sdn_id: e for e in back} == entries


# --- malformed files -------------------------------------------------------------------


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "sdn.csv"
    path.write_text(text, encoding="utf-8")
    return path


GOOD = (
    '17674,"OSEGUERA CERVANTES, Nemesio","individual","SDNTK",'
    "-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n"
)


def test_a_row_of_another_width_names_its_line(tmp_path):
    path = _write(tmp_path, GOOD + '99,"X","individual"\n')
    with pytest.raises(SdnFormatError, match=r"line 2: expected 12 comma-separated columns"):
        parse_list(path, sdn_label="sdn.csv")


def test_a_header_row_is_refused(tmp_path):
    header = ",".join(SDN_COLUMNS) + "\n"
    path = _write(tmp_path, header + GOOD)
    with pytest.raises(SdnFormatError, match=r"line 1: ent_num 'ent_num' is not a number"):
        parse_list(path)


def test_a_repeated_ent_num_is_refused(tmp_path):
    path = _write(tmp_path, GOOD + GOOD)
    with pytest.raises(SdnFormatError, match=r"line 2: ent_num 17674 appears twice"):
        parse_list(path)


def test_an_empty_file_is_refused(tmp_path):
    with pytest.raises(SdnFormatError, match="has no records"):
        parse_list(_write(tmp_path, "\n\x1a\n"))


def test_a_bad_alt_type_names_its_line(tmp_path):
    alt = tmp_path / "alt.csv"
    alt.write_text('17674,1,"aka","MENCHO",-0- \n17674,2,"xyz","EL M",-0- \n', encoding="utf-8")
    with pytest.raises(SdnFormatError, match=r"alt.csv line 2: alt_type 'xyz'"):
        parse_list(_write(tmp_path, GOOD), alt)


def test_strong_aliases_from_alt_csv(tmp_path):
    alt = tmp_path / "alt.csv"
    alt.write_text('17674,1,"aka","OSEGUERA, Ruben",-0- \n', encoding="utf-8")
    (entry,) = parse_list(_write(tmp_path, GOOD), alt)
    assert [(a.name, a.kind) for a in entry.aliases] == [("Ruben Oseguera", "aka")]


def test_format_errors_are_user_errors():
    assert issubclass(SdnFormatError, CartelKBError)


def test_the_packaged_file_holds_the_narcotics_entries():
    from cartelkb.knowledge import sanctions_list

    about, listed = sanctions_list()
    assert about["list_date"] == "2024-05-03"
    assert len(listed) == 1929
    assert sum(e.type == "PERSON" for e in listed) == 1038
    mencho = next(e for e in listed if e.sdn_id == 17674)
    assert [(a.name, a.distinctive) for a in mencho.aliases] == [
        ("Mencho", True),
        ("El Mencho", True),
    ]
