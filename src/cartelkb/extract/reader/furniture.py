"""Page furniture: which lines of a page are its template (share rows, ads, banners, footers).

Whole lines go when they match a regular expression below (the shapes with a variable
part), a phrase of data/furniture.txt (see `phrases`) or a run of them, a credit line, or a
contact line (a phone number and a few words); a date label alone goes when its date
follows on the next line; blocks go with their heading (breadcrumbs above the headline,
numbered ones too, "Topics"/"Related Content" lists, all after an end-of-release mark); a
trailing link phrase or photo credit is cut off a line whose beginning is article text.
"""

from __future__ import annotations

import re

from cartelkb.extract.reader.bylines import is_person_name
from cartelkb.extract.reader.datelines import DATE_LABEL, PLACE_PARTICLES, parse_date
from cartelkb.extract.reader.lines import (
    MAX_FURNITURE_CHARS,
    alternation,
    has_sentence_break,
    is_sentence,
)
from cartelkb.extract.reader.phrases import BULLET, furniture_phrases, is_phrase, phrase_form
from cartelkb.lexicon import lexicon

_LEX = lexicon("reader")

# How many entries a furniture heading ("Topics", "Related Content") takes with it when
# article text may follow; in a page's tail the block runs to the end.
_MAX_BLOCK_ENTRIES = 12

# A share button: a verb or button label, or the name of a network (share_networks).
_SHARE_TARGET = (
    r"(?:share|e-?mail(?:\s+this(?:\s+(?:page|article|story))?)?|tweet|print(?:\s+this)?"
    rf"|copy\s+link|blogthis!?|{alternation(_LEX.words('share_networks'))})"
)
_FOLLOW_NETWORK = alternation(_LEX.words("follow_networks"))

# Whole lines that are page furniture (comment widgets, share rows, ads, calls to action).
# The shapes come from common CMS templates: WordPress ("Leave a Reply", "Share this:"),
# Blogger ("No comments:", "Post a Comment", "Newer Post Older Post Home"), news sites
# ("Advertisement", "Story continues below advertisement", "Sign up for ...").
_FURNITURE = re.compile(
    rf"""(?:
        advertisement(?:\s*[-–—:]?\s*(?:scroll|continue|story)\b.*)?
      | (?:sponsored(?:\s+content)?|paid\s+content|promoted)
      | story\s+continues\s+below(?:\s+(?:this\s+)?advertisement)?
      | share\s+this(?:\s+(?:article|story|post|page))?\s*[:!]?
      | share(?:\s+(?:on|via|to)\s+\S+)?\s*:?
      | {_SHARE_TARGET}(?:\s*[|·•,/]?\s*(?:share\s+(?:on|to)\s+)?{_SHARE_TARGET})*
      | subscribe(?:\s+(?:to|now|for|today|here)\b.*)?
      | follow\s+us\b.*
      | follow\s+.{{1,60}}?\s+on\s+{_FOLLOW_NETWORK}\b.*
      | click\s+here\b.*
      | sign\s+up\s+(?:for|to|now|today|here)\b.*
      | (?:no|\d+|one)\s+comments?(?:\s+yet)?
      | (?:log|sign)\s*in\s+to\s+(?:comment|reply|post\s+a\s+comment|join\s+the\s+discussion)\b.*
      | you\s+must\s+be\s+logged\s+in\s+to\s+post\s+a\s+comment
      | (?:leave|post|add|write)\s+a\s+(?:comment|reply)
      | be\s+the\s+first\s+to\s+comment
      | comments\s+are\s+closed
      | there\s+are\s+no\s+comments(?:\s+yet)?
      | (?:view|show|load|hide|read)\s+(?:all\s+)?(?:\d+\s+)?comments?
      | newer\s+posts?\s+older\s+posts?(?:\s+home)?
      | \d{{1,3}}[\s-]*min(?:ute)?s?\s+read
      # Release numbers: "Press Release No. 25-123", gob.mx "Comunicado No. 309", state.gov
      # "PRN: 2009/756" (press release number).
      | (?:(?:press|news)\s+)?release\s+(?:no|num|number|\#)\.?\s*:?\s*[\w./-]{{1,20}}
      | prn\s*:?\s*\d[\w./-]{{0,19}}
      # CRS product numbers on their own line (a page footer): "IN11859", "R41576".
      | (?-i:(?:IN|IF|RL|RS|R)\d{{4,5}})
      # A bare address: "https://crsreports.congress.gov" (a PDF's page footer).
      | (?:https?://|www\.)\S+
      # A media player's clock: "0:00 0:04:02 0:00".
      | \d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:\s*/?\s*\d{{1,2}}:\d{{2}}(?::\d{{2}})?)+
      | (?:comunicado|bolet[ií]n)(?:\s+de\s+prensa)?\s+(?:no\.?|n[úu]m\.?|\#)?
            \s*:?\s*\d[\w./-]{{0,19}}
      # Wire-service notices: "Copyright 2025 The Associated Press. All rights reserved."
      | copyright\s+(?:©\s*)?(?:19|20)\d{{2}}\b[^\n]{{0,80}}
      | (?:copyright|©)[^\n]{{0,120}}rights\s+reserved\b[^\n]{{0,120}}
      | copyright\s*(?:©|\(c\))[^\n]{{0,100}}
      | (?:©|\(c\)\s*(?:19|20)\d{{2}}\b)[^\n]{{0,100}}
      # Photo credits on a line of their own: "Photo: Jane Doe/Reuters", "AP Photo/Jane
      # Doe", "REUTERS/Jane Doe", "Credit: Getty Images".
      | (?:photo|photograph|foto|image|picture)s?(?:\s+(?:credit|courtesy|illustration))?
            \s*:\s*\S[^\n]{{0,100}}
      | (?:photo|photograph|foto)(?:\s+illustration)?\s+by\s+(?-i:[A-Z])[^\n]{{0,100}}
      | (?:(?:AP|AFP|EFE|Reuters|Xinhua|Bloomberg)\s+)?(?:photo|foto)s?/[^\n]{{1,80}}
      | (?:REUTERS|AFP|EFE)/[^\n]{{1,60}}
      | (?:photo\s+)?credits?\s*:\s*\S[^\n]{{0,80}}
      | getty\s+images
    )\s*[.:!]?""",
    re.IGNORECASE | re.VERBOSE,
)

# A photo credit ending a caption line: "Soldiers patrol Culiacán. (AP Photo/Jane Doe)".
# Only the credit goes. It must be the bracketed agency form (a slash, "by" or "via"
# inside), so a sentence ending "(photo below)" is left alone.
_CREDIT_PHRASE = re.compile(
    r"""(?P<phrase>\(\s*
        (?:(?:(?:AP|AFP|EFE|Reuters|Xinhua|Bloomberg|Getty)\s+)?(?:photo|foto|photograph|image)s?
              (?:/|\s+by\s+|\s*:\s*)[^()\n]{1,80}
          | (?:AP|AFP|EFE|Reuters)\s+(?:photo|foto|photograph|image)s?
          | (?:REUTERS|AFP|EFE)/[^()\n]{1,60}
          | [^()\n]{1,60}/[^()\n]{1,40}\s+via\s+(?:AP|Getty\s+Images|Reuters|AFP)
        )\s*\))\s*$""",
    re.IGNORECASE | re.VERBOSE,
)

# Reuters-style credit lines: "Reporting by Jane Doe in Mexico City; Editing by John Roe".
_CREDIT_ROLE = re.compile(
    r"(?:additional\s+)?(?:reporting|writing|editing|research|graphics|compiled|translation)"
    r"(?:\s+(?:and|&)\s+(?:reporting|writing|editing|research))?\s+by\s+(?P<names>.+)",
    re.IGNORECASE,
)

# A bare "Comments" heading is furniture only when a comment widget (or nothing) follows:
# "Comments" can also head a real section ("Comments from officials").
_COMMENTS_HEADING = re.compile(r"(?:comments?|comments?\s*\(\d+\)|reader\s+comments)\s*:?", re.I)

# Link phrases that end a line ("... capabilities. More articles at X's Blog"). Only the
# phrase goes; the sentence before it is article text. They must start the line or follow
# the end of a sentence, so prose such as "you can read more details in ..." never matches.
_LINK_PHRASE = re.compile(
    r"""(?:^|(?<=[.!?:;"”’»)\]])\s+)
    (?P<phrase>
        (?:more\s+(?:articles|stories|posts|news|coverage|from\s+this\s+author)\s+(?:at|from|on|by)\b
          | read\s+more(?:\s+(?:at|on|from|in|here)\b|\s*[:»›→…]|\s*$)
          | read\s+the\s+(?:full|rest\s+of\s+the|original|complete)\s+(?:story|article|post|report)
          | continue\s+reading\b
        )
        [^\n]{0,150}
    )$""",
    re.IGNORECASE | re.VERBOSE,
)


def furniture_lines(keys: list[str]) -> set[int]:
    """Indices of the lines that are page furniture (see parse_text for the kinds)."""
    drop = {
        i
        for i, k in enumerate(keys)
        if k
        and len(k) <= MAX_FURNITURE_CHARS
        and (
            _FURNITURE.fullmatch(BULLET.sub("", k))
            or is_phrase(k, "line")
            or _is_credit_line(k)
            or is_contact_line(k)
            or _is_phrase_run(k)
        )
    }
    _drop_numbered_trail(keys, drop)
    _drop_date_labels(keys, drop)
    # Site names above the headline: only while nothing but furniture precedes them.
    for i, k in enumerate(keys):
        if not k or i in drop:
            continue
        if not is_phrase(k, "masthead"):
            break
        drop.add(i)
    _drop_breadcrumbs(keys, drop)
    _drop_after_end_mark(keys, drop)
    _drop_heading_blocks(keys, drop)
    for i, k in enumerate(keys):
        if k and _COMMENTS_HEADING.fullmatch(k):
            nxt = next((j for j in range(i + 1, len(keys)) if keys[j]), None)
            if nxt is None or nxt in drop:
                drop.add(i)
    return drop


# A North American phone number: "(202) 307-7977", "202-226-8467", "1-866-DHS-2-ICE" (a
# vanity number spells some digits).
PHONE = re.compile(
    r"(?<![\w-])(?:\+?1[-.\s])?(?:\(\d{3}\)\s*|\d{3}[-.\s])\d{3}[-.\s]\d{4}(?![\w-])"
    r"|(?<![\w-])1-\d{3}-(?=[A-Z0-9-]*[A-Z])[A-Z0-9](?:-?[A-Z0-9]){6}(?![\w-])"
)
# Words a contact line may hold besides its numbers and addresses ("Media Contact",
# "Report Crimes: Email or Call"): a few, and no sentence.
_CONTACT_MAX_WORDS = 6
_EMAIL = re.compile(r"\S+@\S+\.\w+")


def is_contact_line(key: str) -> bool:
    """A press-contact or hotline line: a phone number and at most a few words around it
    ("(202) 307-7977", "Media Contact 202-226-8467", "Report Crimes: Email or Call
    1-866-DHS-2-ICE"). A sentence giving a number ("Call 555-123-4567 to report.") stays."""
    if len(key) > 120 or not PHONE.search(key):
        return False
    rest = _EMAIL.sub(" ", PHONE.sub(" ", key))
    words = re.findall(r"[^\W\d_][\w'’-]*", rest)
    if len(words) > _CONTACT_MAX_WORDS:
        return False
    return not rest.rstrip().endswith((".", "!", "?"))


# At most this many words in a line read as a run of furniture phrases.
_RUN_MAX_WORDS = 40


def _is_phrase_run(key: str) -> bool:
    """A line that is several furniture phrases run together, as scrapes join the items of a
    banner or a menu: "Skip to content Skip to footer Site map", "US flag signifying ...
    website   Official website of the Department of Homeland Security"."""
    words = key.split()
    if not 2 <= len(words) <= _RUN_MAX_WORDS:
        return False
    starts = furniture_phrases()["line"].first_words
    if phrase_form(words[0]) not in starts:
        return False  # cheap test first: this runs on every short line
    # ends[j]: words[:j] splits into phrases.
    ends = [True] + [False] * len(words)
    for j in range(1, len(words) + 1):
        ends[j] = any(
            ends[i] and is_phrase(" ".join(words[i:j]), "line")
            for i in range(j)
            if i == 0 or ends[i]
        )
    return ends[-1]


# One item of an ordered breadcrumb list: "1. Home", "  2. Newsroom" (dhs.gov, cbp.gov).
_NUMBERED_ITEM = re.compile(r"(?P<n>\d{1,2})\.\s+\S.*")


def _drop_numbered_trail(keys: list[str], drop: set[int]) -> None:
    """A breadcrumb written as an ordered list at the top of the page: "1. Home", "2.
    Newsroom", ..., its last item often the headline. Only a run that starts "1. Home"
    (or its Spanish "Inicio") above any prose, each item on the next line, numbered on."""
    for i, k in enumerate(keys):
        if not k or i in drop:
            continue
        if is_sentence(k):
            return
        first = _NUMBERED_ITEM.fullmatch(k)
        if first is None or first.group("n") != "1":
            continue
        if phrase_form(k[first.end("n") + 1 :].strip()) not in ("home", "inicio"):
            continue
        run, n = [i], 1
        for j in range(i + 1, len(keys)):
            item = _NUMBERED_ITEM.fullmatch(keys[j])
            if item is None or int(item.group("n")) != n + 1:
                break
            run.append(j)
            n += 1
        if len(run) >= 2:
            drop.update(run)
        return


def _drop_date_labels(keys: list[str], drop: set[int]) -> None:
    """A date label alone on its line ("Release Date", "Published:") when the date is on the
    next line: the label goes, the date stays as the dateline."""
    for i, k in enumerate(keys):
        if not k or i in drop or len(k) > 40:
            continue
        label = DATE_LABEL.match(k)
        if label is None or k[label.end() :].strip():
            continue
        nxt = next((j for j in range(i + 1, len(keys)) if keys[j] and j not in drop), None)
        if nxt is not None and parse_date(keys[nxt]) is not None:
            drop.add(i)


_CRUMB_SEPARATOR = re.compile(r"[/›>»|•·\\]+")
_CRUMB_MAX_WORDS = 4


def _drop_breadcrumbs(keys: list[str], drop: set[int]) -> None:
    """A navigation trail at the top of the page: "Current News / ArcaMax", one item a line.

    Scrapes keep a lone separator line between the trail's items. Above the first long
    line, a separator alone on its line goes, with the short items (a few words, no
    sentence punctuation) right before and after it.
    """

    def prose(k: str) -> bool:
        words = len(k.split())
        return words > 12 or (words >= 6 and k.rstrip()[-1] in '.!?"”’')

    first_prose = next(
        (i for i, k in enumerate(keys) if k and i not in drop and prose(k)), len(keys)
    )
    content = [i for i in range(first_prose) if keys[i] and i not in drop]
    for pos, i in enumerate(content):
        if not _CRUMB_SEPARATOR.fullmatch(keys[i].replace(" ", "")):
            continue
        drop.add(i)
        for near in (
            content[pos - 1] if pos else None,
            content[pos + 1] if pos + 1 < len(content) else None,
        ):
            if near is None or near >= first_prose:
                continue
            words = keys[near].split()
            if len(words) <= _CRUMB_MAX_WORDS and keys[near][-1] not in '.!?"”’':
                drop.add(near)


def _drop_after_end_mark(keys: list[str], drop: set[int]) -> None:
    """At an end-of-release mark ("###"), drop the mark and everything after it.

    Only when the rest is shorter than the text before the mark: a mark near the top (a
    release number printed under the headline, a stray "###") goes alone, and a file
    holding several releases does not lose all but the first.
    """
    sizes = [len(k) if k and i not in drop else 0 for i, k in enumerate(keys)]
    before = 0
    total = sum(sizes)
    for i, k in enumerate(keys):
        if k and is_phrase(k, "end"):
            drop.add(i)
            after = total - before - sizes[i]
            if before and after < before:
                drop.update(j for j in range(i + 1, len(keys)) if keys[j])
                return
        before += sizes[i]


def _drop_heading_blocks(keys: list[str], drop: set[int]) -> None:
    """Drop furniture headings ("Topic(s)", "Contact", "Related Content") and their entries.

    The entries are the short non-sentence lines that follow (see _is_entry), up to the
    first blank line after one, at most _MAX_BLOCK_ENTRIES; in the page's tail (nothing
    but entries left) the block runs to the end, since footers separate every item by a
    blank line. A short line directly above prose ends the block (see _above_prose).
    """
    # tail[i]: every remaining line from i on is furniture or an entry.
    tail = [True] * (len(keys) + 1)
    for i in range(len(keys) - 1, -1, -1):
        k = keys[i]
        tail[i] = tail[i + 1] and (not k or i in drop or _is_entry(k))
    i = 0
    while i < len(keys):
        k = keys[i]
        heading, has_value = _heading_line(k) if k and i not in drop else (False, False)
        i += 1
        if not heading:
            continue
        drop.add(i - 1)
        if has_value:
            continue
        entries = 0
        while i < len(keys) and (tail[i] or entries < _MAX_BLOCK_ENTRIES):
            k = keys[i]
            if not k:
                if entries and not tail[i]:
                    break
            elif i in drop:
                pass
            elif _heading_line(k)[0] or not _is_entry(k) or _above_prose(keys, drop, i):
                break
            else:
                drop.add(i)
                entries += 1
            i += 1


def _above_prose(keys: list[str], drop: set[int], i: int) -> bool:
    """Whether line i runs straight into prose: then it is the subheading of what follows
    (or a teaser's title), which is article text as far as anyone can tell."""
    j = i + 1
    return j < len(keys) and bool(keys[j]) and j not in drop and not _is_entry(keys[j])


def _heading_line(key: str) -> tuple[bool, bool]:
    """(is a furniture-block heading, carries its value: "Topic(s): Drug Trafficking")."""
    if len(key) > MAX_FURNITURE_CHARS:
        return False, False
    heading = furniture_phrases()["heading"]
    form = phrase_form(key)
    if heading.fullmatch(form):
        return True, False
    label, colon, value = form.partition(":")
    if colon and value.strip() and heading.fullmatch(label.strip()):
        return True, True
    return False, False


def _is_entry(key: str) -> bool:
    """A short list entry under a furniture heading: a name, topic, phone, headline or date.

    Not a sentence: a line ending in a full stop (other than an acronym's) or holding two
    sentences ends the block, so the article text after a heading is never taken.
    """
    if len(key) > 120 or len(key.split()) > 16:
        return False
    if has_sentence_break(key, questions=True):
        return False
    core = key.rstrip("\"'”’»)]")
    if core.endswith(("…", "...")):
        return False  # a truncated teaser of another story's first sentence
    return not (core.endswith(".") and not re.search(r"(?:\b[A-Z]\.){2,}$", core))


def _is_credit_line(key: str) -> bool:
    """A credit line: "Reporting by A B in Mexico City; Editing by C D" (names only)."""
    if len(key) > MAX_FURNITURE_CHARS:
        return False
    text = key.strip().rstrip(".")
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1]
    segments = [seg for seg in re.split(r"\s*;\s*", text) if seg]
    if not segments:
        return False
    for segment in segments:
        match = _CREDIT_ROLE.fullmatch(segment)
        if match is None:
            return False
        for item in re.split(r"\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+", match.group("names")):
            name, _, place = item.partition(" in ")
            if not is_person_name(name):
                return False
            if place and not all(w[:1].isupper() or w in PLACE_PARTICLES for w in place.split()):
                return False
    return True


def trailing_furniture(line: str) -> tuple[str | None, list[str]]:
    """Cut a link phrase, then a photo credit, off the end of a kept line.

    Returns:
        (what is left of the line, or None when nothing is; the phrases cut off, in order).
    """
    removed: list[str] = []
    # The phrase is at most ~170 characters: search the tail only (pos keeps "^" at
    # the real line start, and the look-behind still sees the character before).
    match = _LINK_PHRASE.search(line, max(0, len(line) - 200))
    if match and not has_sentence_break(match.group("phrase"), questions=True):
        removed.append(match.group("phrase").strip())
        line = line[: match.start()].rstrip()
        if not line.strip():
            return None, removed
    credit = _CREDIT_PHRASE.search(line, max(0, len(line) - 150))
    if credit:
        removed.append(credit.group("phrase"))
        line = line[: credit.start()].rstrip()
        if not line.strip():
            return None, removed
    return line, removed
