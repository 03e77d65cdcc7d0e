"""Quotations: the spans between quotation marks, and who speaks each one."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from cartelkb.extract.claims.arguments import Arg
from cartelkb.extract.claims.context import Article
from cartelkb.extract.claims.roles import Roles
from cartelkb.extract.claims.vocab import QUOTE_PAIRS, SPEECH_VERBS
from cartelkb.extract.tokens import spaces as token_spaces
from cartelkb.extract.tokens import texts as token_texts


@dataclass
class Quote:
    """A quotation: its tokens inside the marks, and who says it with which verb."""

    start: int  # first token inside the marks
    end: int  # last token inside the marks
    speaker: Arg | None = None
    verb: Token | None = None


def quote_spans(doc: Doc) -> list[Quote]:
    """The quotations of a Doc that may be speech, in text order (no speakers yet).

    Marks pair as in `QUOTE_PAIRS`; scraped text mixes straight and curly double
    quotes, so either closes the other. A quotation left open runs to the end of its
    paragraph. Like textacy's `direct_quotations`, short quotations and titles (fewer
    than four words, or no verb) are not speech.
    """
    quotes: list[Quote] = []
    opened: int | None = None  # the index of the open mark
    closer = ""
    spaces = token_spaces(doc)
    for i, text in enumerate(token_texts(doc)):
        if opened is None:
            if text in QUOTE_PAIRS:
                opened, closer = i, QUOTE_PAIRS[text]
            elif text == '"':
                opened, closer = i, '"'
            continue
        # scraped text mixes straight and curly marks: either closes the other
        if text == closer or (closer == "”" and text == '"') or (closer == '"' and text == "”"):
            if i - opened > 1:
                quotes.append(Quote(opened + 1, i - 1))
            opened = None
        elif "\n" in text or "\n" in spaces[i]:
            # a quotation left open at a paragraph end (news style) stops there
            if i > opened and closer != "’":
                quotes.append(Quote(opened + 1, i))
            opened = None
    kept: list[Quote] = []
    for quote in quotes:
        content = doc[quote.start : quote.end + 1]
        words = [t for t in content if not t.is_punct]
        # textacy: skip short quotes and titles ('El Mencho', "Operation Fast and Furious")
        if len(words) < 4 or not any(t.pos_ in {"VERB", "AUX"} for t in content):
            continue
        kept.append(quote)
    return kept


class Quotations:
    """The article's quotations with their speakers, and which token is inside which."""

    def __init__(self, article: Article, roles: Roles) -> None:
        self.article = article
        self.roles = roles
        # the article's tables, read often and never changed
        self.doc = article.doc
        self.sents = article.sents
        self.quotes: list[Quote] = []
        self.tok2quote: dict[int, int] = {}

    def find(self) -> None:
        """Find the article's quotations and their speakers (after the subjects are known)."""
        spans = quote_spans(self.doc)
        quoted = {i for q in spans for i in range(q.start, q.end + 1)}
        previous: Quote | None = None
        for quote in spans:
            quote.verb, quote.speaker = self._speaker(quote, quoted)
            if quote.speaker is None and previous is not None and previous.speaker is not None:
                # a quotation continuing the one before it in its paragraph, with no
                # reporting verb of its own, is the same speaker's (news convention)
                between = self.doc[previous.end : quote.start].text
                if "\n" not in between:
                    quote.speaker = previous.speaker
            previous = quote
            for i in range(quote.start, quote.end + 1):
                self.tok2quote[i] = len(self.quotes)
            self.quotes.append(quote)

    def _speaker(self, quote: Quote, quoted: set[int]) -> tuple[Token | None, Arg | None]:
        """The nearest reporting verb around a quotation (same, previous or next sentence)
        that has a subject: the verb and its subject."""
        doc = self.doc
        first_sent = self.article.sent_no(doc[quote.start])
        last_sent = self.article.sent_no(doc[quote.end])
        lo, hi = max(first_sent - 1, 0), min(last_sent + 1, len(self.sents) - 1)
        candidates = []
        for n in range(lo, hi + 1):
            for tok in self.sents[n]:
                if (
                    tok.pos_ == "VERB"
                    and tok.lemma_ in SPEECH_VERBS
                    # a verb inside a quotation is what was said, not its frame
                    and tok.i not in quoted
                ):
                    distance = min(abs(tok.i - quote.start), abs(tok.i - quote.end))
                    candidates.append((distance, tok.i))
        for _, i in sorted(candidates):
            verb = doc[i]
            roles = self.roles.of(verb)
            if roles and roles[0] is not None:
                return verb, roles[0]
        return None, None

    def containing(self, tok: Token) -> Quote | None:
        """The quotation a token is inside, if any."""
        index = self.tok2quote.get(tok.i)
        return self.quotes[index] if index is not None else None

    def introduced_by(self, verb: Token) -> Quote | None:
        """The quotation a reporting verb introduces, if any."""
        for quote in self.quotes:
            if quote.verb is not None and quote.verb.i == verb.i:
                return quote
        return None
