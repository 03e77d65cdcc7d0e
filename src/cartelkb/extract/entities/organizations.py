"""Organization names read across the article: head nouns, bare cartel names, programs, units."""

from __future__ import annotations

from spacy.tokens import Doc

from cartelkb.extract.entities.aliases import acronym_after
from cartelkb.extract.entities.drafts import Draft, positions_of
from cartelkb.extract.sentences import sentence_of
from cartelkb.extract.tokens import span_text
from cartelkb.knowledge import Knowledge, name_key
from cartelkb.lexicon import lexicon

_LEXICON = lexicon("entities")
GENERIC_HEADS = _LEXICON.words("generic_heads")
NOT_ORGANIZATION_HEADS = _LEXICON.words("not_organization_heads")
UNIT_HEADS = _LEXICON.words("unit_heads")
OPERATION_LEADS = _LEXICON.words("operation_leads")
GROUP_ARTICLES = frozenset({"Los", "Las"})
GROUP_NOUNS = {"cartel", "organization", "gang", "group", "cell"}


def refine_organizations(doc: Doc, drafts: list[Draft], kb: Knowledge) -> list[Draft]:
    """Organization mentions that need the rest of the article to be read right.

    - a law, program, plan or operation is no entity (whatever the NER's class, "Mérida
      Initiative" comes out PERSON at times), nor is the acronym it defines;
    - a head noun alone ("the Department") is the one organization of the article named
      with it, or nothing;
    - a bare name coordinated with known cartels is the cartel of that name;
    - an agency's unit ("the DEA's San Diego Field Division") is named with its owner,
      so that two agencies' field offices in one city stay apart.
    """
    orgs = [d for d in drafts if d.label == "ORG" and d.end - d.start >= 2]
    cartels = {d.start for d in drafts if d.canonical and kb.is_cartel(d.canonical)}
    out: list[Draft] = []
    not_orgs: set[str] = set()  # programs dropped, and the acronyms they define
    for d in drafts:
        words = [t.lower_ for t in doc[d.start : d.end]]
        if (
            not d.canonical
            and d.alias_of is None
            and (
                words[-1] in NOT_ORGANIZATION_HEADS
                or (len(words) >= 2 and words[0] in OPERATION_LEADS and d.label == "ORG")
            )
        ):
            acronym = acronym_after(doc, d.end, sentence_of(doc, d.start).end)
            if acronym is not None:
                not_orgs.add(doc[acronym[0] : acronym[1]].text)
            continue
        if d.end - d.start == 1 and not d.canonical and words[0] in GENERIC_HEADS:
            named = {
                (o.canonical or name_key(span_text(doc, o.start, o.end))): o
                for o in orgs
                if words[0] in {t.lower_ for t in doc[o.start : o.end]}
            }
            if len(named) != 1:
                continue  # "the Department" with no (or two) departments named: nobody
            target = next(iter(named.values()))
            d.label, d.canonical = "ORG", target.canonical
            d.name = " ".join(span_text(doc, target.start, target.end).split())
        elif d.end - d.start <= 2 and not d.canonical and cartels:
            # "the Sinaloa cartel, Jalisco New Generation, Gulf, Northeast and ...": a bare
            # name coordinated with known cartels is the cartel of that name.
            entry = kb.lookup(span_text(doc, d.start, d.end) + " Cartel")
            if entry is not None and _coordinated_with(doc, d, cartels):
                d.label, d.canonical = entry.type, entry.canonical
        elif d.label == "ORG" and not d.canonical and words[-1] in UNIT_HEADS:
            owner = next(
                (
                    o
                    for o in drafts
                    if o.label == "ORG" and o.end + 1 == d.start and doc[o.end].text in {"'s", "’s"}
                ),
                None,
            )
            if owner is not None:
                owner_name = owner.canonical or span_text(doc, owner.start, owner.end)
                d.name = f"{owner_name} {' '.join(span_text(doc, d.start, d.end).split())}"
        out.append(d)
    return [d for d in out if d.canonical or span_text(doc, d.start, d.end) not in not_orgs]


def _coordinated_with(doc: Doc, d: Draft, starts: set[int]) -> bool:
    """True when the draft's head is in one coordination (conj chain) with a listed draft."""

    def top(token):  # type: ignore[no-untyped-def]
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head
        return token

    root = top(doc[d.end - 1])
    return any(
        top(doc[s]) == root or top(doc[s].head) == root or top(doc[s]) == top(doc[d.start])
        for s in starts
    )


def governing_body(doc: Doc, d: Draft) -> Draft | None:
    """The administration a person heads, nested around the name: "the Trump
    administration" is an ORG holding the PERSON "Trump"."""
    if (
        d.label == "PERSON"
        and d.end < len(doc)
        and doc[d.end].lower_ == "administration"
        and not (d.start > 0 and doc[d.start - 1].text in {"-", "–"})  # "Biden-[Harris]"
    ):
        return Draft(d.start, d.end + 1, "ORG", source=d.source)
    return None


GOVERNMENT_WORDS = {"government", "governments"}


def national_government(doc: Doc, d: Draft, kb: Knowledge) -> Draft | None:
    """A known country's government named around its place or demonym: "the Mexican
    government", "the U.S. and Mexican governments", "the government of Mexico" -> an
    ORG with the government's entry (agencies file), nested around the country's
    mention, which stays. Only where "government" heads its phrase: in "Mexican
    government officials" the officials are named, not the government."""
    if d.label != "GPE" or d.canonical is None:
        return None
    if d.source == "demonym" and d.end < len(doc):
        word = doc[d.end]
        if word.lower_ not in GOVERNMENT_WORDS or word.dep_ in {"compound", "amod", "nmod"}:
            return None
        start, end = d.start, d.end + 1
    elif d.start >= 2 and doc[d.start - 1].lower_ == "of":
        if doc[d.start - 2].lower_ not in GOVERNMENT_WORDS:
            return None
        start, end = d.start - 2, d.end
    else:
        return None
    entry = kb.lookup(f"Government of {d.canonical}")
    if entry is None or entry.type != "ORG":
        return None
    return Draft(start, end, "ORG", canonical=entry.canonical, source="knowledge")


def add_article_named_groups(doc: Doc, drafts: list[Draft]) -> list[Draft]:
    """Criminal groups named with a Spanish article that the NER missed: "the [Los
    Rojos] cartel", "the [Las Garzas] drug trafficking organization". Mexican cartels and
    their cells are called so (Los Zetas, Los Chapitos, Los Viagras); the noun after the
    name ("cartel", "organization", "gang") says it is a group. Other occurrences follow
    from `people.add_repeated_names`.
    """
    taken = {i for d in drafts for i in range(d.start, d.end)}
    by_span = {(d.start, d.end): d for d in drafts}
    added = []
    for i in positions_of(doc, GROUP_ARTICLES):
        token = doc[i]
        end = token.i + 1
        while end < len(doc) and doc[end].is_title and doc[end].is_alpha and end - token.i <= 3:
            end += 1
        if end == token.i + 1 or end >= len(doc):
            continue
        if not (
            doc[end].lower_ in GROUP_NOUNS
            or (
                doc[end].lower_ in {"drug", "criminal"}
                and end + 1 < len(doc)
                and doc[end + 1].lower_ in GROUP_NOUNS | {"trafficking"}
            )
        ):
            continue
        found = by_span.get((token.i, end))
        if found is not None and found.canonical is None:
            found.label = "ORG"  # the NER's GPE or PERSON for the group's name
        elif not taken & set(range(token.i, end)):
            added.append(Draft(token.i, end, "ORG"))
    return sorted(drafts + added, key=lambda d: (d.start, d.end)) if added else drafts
