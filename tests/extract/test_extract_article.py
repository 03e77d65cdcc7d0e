"""`extract_article` leaves nothing behind on the Doc: its caches are released, and no
reference cycle of the extractors keeps the Doc alive once the caller drops it (a Doc
kept by a cycle waits for a full garbage collection, which then has to traverse it)."""

from __future__ import annotations

import gc

from spacy.tokens import Doc

from cartelkb.extract import extract_article, reader

TEXT = (
    "WASHINGTON – The Drug Enforcement Administration said Friday that agents arrested\n"
    'Juan Roe, known as "El Tigre", in Sinaloa. "We will not rest," Administrator Jane Doe\n'
    "said. I am proud of them, she added, and the cartel may respond, according to officials.\n"
)


def _raw(tmp_path):
    path = tmp_path / "release.txt"
    path.write_text(TEXT, encoding="utf-8")
    return reader.read_article(path)


def test_the_doc_caches_are_released_and_rebuilt_alike(nlp, tmp_path):
    raw = _raw(tmp_path)
    doc = nlp(raw.text)
    first = extract_article(raw, doc, "m")
    assert first.claims and first.mentions  # the sentence scans did run
    assert not [k for k in doc.user_data if str(k).startswith("cartelkb_")]
    # the tables come back on demand: a second extraction reads the same
    assert extract_article(raw, doc, "m") == first


def test_an_extracted_doc_is_freed_without_the_garbage_collector(nlp, tmp_path):
    raw = _raw(tmp_path)
    extract_article(raw, nlp(raw.text), "m")  # lexicons and matchers loaded before
    enabled = gc.isenabled()
    gc.disable()
    try:
        gc.collect()
        doc = nlp(raw.text)
        address = id(doc)
        extraction = extract_article(raw, doc, "m")
        assert extraction.claims
        del doc, extraction
        alive = [o for o in gc.get_objects() if isinstance(o, Doc) and id(o) == address]
        assert not alive, "a reference cycle keeps the extracted Doc alive"
    finally:
        if enabled:
            gc.enable()
