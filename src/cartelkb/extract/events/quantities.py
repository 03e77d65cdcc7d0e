"""Amounts in a Doc, normalized: money, drug mass, pills, people, prison terms, rates.

Normalization rules (the tables are in `lexicons/events.toml`):

- money keeps its currency (ISO 4217): "$5 million", "US$10 million", "USD $10 million",
  "5 millones de dólares" -> 5000000.0 USD; "100 million pesos" -> 1e8 MXN. Nothing is
  converted: a rate would be a guess. "$" is USD (US sources; pesos are read only from
  MXN, "pesos" or "Mex$").
- drug mass in kilograms: pounds x 0.45359237 ("1,200 pounds" -> 544.31 kg), a bare English
  "ton" is the US short ton, 907.18474 kg ("2 tons" -> 1814.37 kg); "metric ton", "tonne"
  and "tonelada" are 1,000 kg. The item is the noun after "of" ("of cocaine").
- pills are counted ("4 million fentanyl pills" -> 4000000 pill); doses are not pills.
- people: a number counting a people noun ("29 fugitives", "10,000 troops") or an event
  noun that counts people ("1,186 arrests") -> person.
- prison terms as ISO 8601 durations: "25 years" -> P25Y, "30 years and 6 months" ->
  P30Y6M, "life" (in prison, sentence, imprisonment) -> value "life".
- rates in percent: "a 25% tariff", "25 percent".

A qualifier written before the amount ("more than", "up to") is kept in `approximate`;
the amount is the number written. Vague amounts ("thousands of troops") are no quantity.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from cartelkb.extract.claims.syntax import child_of, has_child
from cartelkb.extract.events.numbers import is_number_word, parse_digits, read_number
from cartelkb.extract.events.vocab import (
    APPROXIMATORS,
    CURRENCY_PREFIXES,
    CURRENCY_WORDS,
    EVENT_COUNT_TYPES,
    LIFE_TERMS,
    MASS_UNITS,
    NOUN_TRIGGERS,
    PEOPLE_NOUNS,
    PERCENT_WORDS,
    PILL_NOUNS,
    TERM_UNITS,
)
from cartelkb.extract.tokens import children_of
from cartelkb.extract.tokens import texts as token_texts

_PREFIXES = sorted(CURRENCY_PREFIXES, key=len, reverse=True)
_APPROX = sorted((p.split() for p in APPROXIMATORS), key=len, reverse=True)
_PERCENT = sorted((p.split() for p in PERCENT_WORDS), key=len, reverse=True)
_LIFE_AFTER = {"in", "sentence", "sentences", "imprisonment", "term", "terms"}
_COUNT_NOUNS = {lemma for lemma, t in NOUN_TRIGGERS.items() if t in EVENT_COUNT_TYPES}


@dataclass
class Quantity:
    """A normalized amount over tokens [first, last] of a Doc; `anchor` is the token it
    attaches to in the parse (the unit, the counted noun, the number)."""

    kind: str
    first: int
    last: int
    anchor: int
    amount: float | None = None
    unit: str | None = None
    value: str | None = None
    approximate: str | None = None
    item: str | None = None

    def span(self, doc: Doc) -> tuple[int, int]:
        """Character offsets of the amount as written."""
        return doc[self.first].idx, doc[self.last].idx + len(doc[self.last].text)


def _split_prefix(text: str) -> tuple[str | None, str]:
    """A currency prefix glued to a numeral ("USD$10" -> USD, "10")."""
    for prefix in _PREFIXES:
        if text.startswith(prefix) and len(text) > len(prefix):
            rest = text[len(prefix) :]
            if parse_digits(rest) is not None:
                return CURRENCY_PREFIXES[prefix], rest
    return None, text


def _match_words(tokens: list[str], at: int, phrases: list[list[str]]) -> int:
    """Length of the longest phrase of `phrases` at `tokens[at]` (0 when none)."""
    for phrase in phrases:
        if [t.lower() for t in tokens[at : at + len(phrase)]] == phrase:
            return len(phrase)
    return 0


def _approximator(doc: Doc, first: int, floor: int) -> tuple[str | None, int]:
    """The qualifier ending just before token `first` ("more than"), and where it starts."""
    for phrase in _APPROX:
        start = first - len(phrase)
        if start < floor:
            continue
        if [t.lower_ for t in doc[start:first]] == phrase:
            return " ".join(t.text for t in doc[start:first]), start
    return None, first


def _of_item(unit: Token) -> str | None:
    """What a unit measures: the noun phrase after "of" ("pounds of methamphetamine")."""
    for child in children_of(unit):
        if child.dep_ == "prep" and child.lower_ == "of":
            for pobj in children_of(child):
                if pobj.dep_ == "pobj":
                    words = [t for t in pobj.subtree if t.dep_ not in {"cc", "conj", "punct"}]
                    words = [t for t in words if t.i <= pobj.i or t.head.i == pobj.i]
                    kept = [t for t in words if t.i <= pobj.i]
                    return " ".join(t.text for t in kept) or None
    return None


def _counted(doc: Doc, last: int) -> Token | None:
    """The noun a number counts: its head when it is the number's nummod/compound head."""
    tok = doc[last]
    head = tok.head
    for _ in range(3):
        if head.i == tok.i:
            return None
        if head.pos_ in {"NOUN", "PROPN"} and tok.dep_ in {"nummod", "compound", "quantmod"}:
            return head
        if head.pos_ == "NUM" or head.lower_ in {"-", "‐"}:
            tok, head = head, head.head
            continue
        return None
    return None


def find_quantities(doc: Doc, sent: Span, words: list[str] | None = None) -> list[Quantity]:
    """The normalized amounts of one sentence, in text order.

    Args:
        words: the texts of all the Doc's tokens, when the caller has them already.
    """
    found: list[Quantity] = []
    if words is None:
        words = token_texts(doc)
    i, end = sent.start, sent.end
    while i < end:
        if not _may_start(words[i]):
            i += 1
            continue
        tok = doc[i]
        first = i
        currency: str | None = None
        # a currency before the number: "$", "US$", "USD $", or glued: "USD$10"
        if tok.text in CURRENCY_PREFIXES and i + 1 < end:
            currency = CURRENCY_PREFIXES[tok.text]
            if i + 2 < end and doc[i + 1].text in CURRENCY_PREFIXES:
                i += 1
            i += 1
            tok = doc[i]
        glued, rest = _split_prefix(tok.text)
        if glued is not None:
            currency = glued
            number_words = [rest, *words[i + 1 : end]]
        elif is_number_word(tok.text):
            number_words = words[i:end]
        elif tok.lower_ in LIFE_TERMS and _is_life_term(doc, i):
            found.append(Quantity("term", i, i, i, value="life"))
            i += 1
            continue
        else:
            i = first + 1
            continue
        read = read_number(number_words)
        if read is None:
            i = first + 1
            continue
        amount, width = read
        last = i + width - 1
        approx, _ = _approximator(doc, first, sent.start)
        q = _unit(doc, first, last, end, amount, currency)
        if q is not None:
            q.approximate = approx
            found.append(q)
            i = q.last + 1
        else:
            i = last + 1
    return found


def _may_start(word: str) -> bool:
    """A cheap test before the parse is read: can a quantity start at this word?"""
    return (
        word[:1].isdigit()
        or word in CURRENCY_PREFIXES
        or word[:1] in {"$", "€", "£"}
        or word.startswith(("US", "MX", "Mex", "C$"))
        or is_number_word(word)
        or word.lower() in LIFE_TERMS
    )


def _is_life_term(doc: Doc, i: int) -> bool:
    """ "life" as a prison term: "to life", "life in prison", "a life sentence"."""
    tok = doc[i]
    nxt = doc[i + 1].lower_ if i + 1 < len(doc) else ""
    prev = doc[i - 1].lower_ if i > 0 else ""
    if tok.lower_ != "life" and tok.lemma_.lower() not in LIFE_TERMS:
        return False
    if nxt == "in":
        after = {t.lower_ for t in doc[i + 2 : i + 5]}
        return bool(after & {"prison", "jail"})
    return nxt in _LIFE_AFTER or (prev == "to" and nxt in {"", ".", ",", ";", "without"})


def _unit(
    doc: Doc, first: int, last: int, end: int, amount: float, currency: str | None
) -> Quantity | None:
    """The quantity a number makes with what follows it (a unit, a currency, a noun)."""
    j = last + 1
    nxt = doc[j] if j < end else None
    two = f"{doc[j].lower_} {doc[j + 1].lower_}" if j + 1 < end else ""
    if currency is None and nxt is not None:
        if nxt.lower_ == "de" and j + 1 < end and doc[j + 1].lower_ in CURRENCY_WORDS:
            return Quantity("money", first, j + 1, j + 1, amount, CURRENCY_WORDS[doc[j + 1].lower_])
        if two in CURRENCY_WORDS:
            return Quantity("money", first, j + 1, j + 1, amount, CURRENCY_WORDS[two])
        if nxt.lower_ in CURRENCY_WORDS:
            return Quantity("money", first, j, j, amount, CURRENCY_WORDS[nxt.lower_])
    if currency is not None:
        return Quantity("money", first, last, last, amount, currency)
    if nxt is None:
        return None
    width = _match_words([t.text for t in doc[j:end]], 0, _PERCENT)
    if width:
        return Quantity("rate", first, j + width - 1, j + width - 1, amount, "percent")
    # a hyphenated unit: "10-year sentence"
    unit_at = j + 1 if nxt.text in {"-", "‐"} and j + 1 < end else j
    unit = doc[unit_at]
    for key, width in ((two, 2), (unit.lower_, 1), (unit.lemma_.lower(), 1)):
        if width == 2 and unit_at != j:
            continue
        if key in MASS_UNITS:
            head = doc[unit_at + width - 1]
            kg = round(amount * MASS_UNITS[key], 2)
            return Quantity("drug", first, head.i, head.i, kg, "kg", item=_of_item(head))
    if unit.lower_ in TERM_UNITS:
        return _term(doc, first, unit_at, end, amount)
    counted = _counted(doc, last)
    if counted is not None:
        lemma = counted.lemma_.lower()
        if counted.lower_ in PILL_NOUNS or lemma in PILL_NOUNS:
            item = " ".join(t.text for t in doc[last + 1 : counted.i + 1])
            return Quantity("pills", first, counted.i, counted.i, amount, "pill", item=item)
        if (lemma in PEOPLE_NOUNS or lemma in _COUNT_NOUNS) and amount != 1:
            item = " ".join(t.text for t in doc[last + 1 : counted.i + 1])
            # the text runs to the counted noun when only its modifiers come between
            close = counted.i > last and counted.i - last <= 4
            stop = counted.i if close else last
            return Quantity("people", first, stop, counted.i, amount, "person", item=item)
    # "all three of the original leaders"
    of = child_of(doc[last], "prep", lower="of")
    if of is not None:
        pobj = child_of(of, "pobj")
        if (
            pobj is not None
            and amount != 1  # "one of the leaders" names one person, it counts nothing
            and pobj.lemma_.lower() in PEOPLE_NOUNS
            and not has_child(pobj, "nummod")
        ):
            return Quantity("people", first, last, pobj.i, amount, "person", item=pobj.text)
    return None


def _term(doc: Doc, first: int, unit_at: int, end: int, amount: float) -> Quantity:
    """A prison term from its first unit on: "30 years and 6 months" -> P30Y6M."""
    parts: dict[str, float] = {}
    last = unit_at
    parts[TERM_UNITS[doc[unit_at].lower_]] = amount
    k = unit_at + 1
    while k + 2 < end and doc[k].lower_ in {"and", ","}:
        read = read_number([t.text for t in doc[k + 1 : end]])
        if read is None:
            break
        more, width = read
        unit = doc[k + 1 + width] if k + 1 + width < end else None
        if unit is None or unit.lower_ not in TERM_UNITS:
            break
        parts[TERM_UNITS[unit.lower_]] = more
        last = unit.i
        k = unit.i + 1
    value = "P" + "".join(f"{_num(parts[d])}{d}" for d in ("Y", "M", "W", "D") if d in parts)
    unit_name = doc[unit_at].lemma_.lower() if len(parts) == 1 else None
    return Quantity("term", first, last, unit_at, amount, unit_name, value=value)


def _num(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)
