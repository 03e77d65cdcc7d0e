"""One article as the event and relation extractors read it: tokens, mentions, claims.

Built once per article and never changed. Claims are read as records only
(`ClaimRecord`): their action words are found again in their sentence by text, and
their arguments' references (pronouns resolved by the claim extractor) are reused for
any span this package builds with the same offsets.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from cartelkb.extract.sentences import sentence_of
from cartelkb.extract.tokens import children_of, doc_text
from cartelkb.extract.tokens import starts as token_starts
from cartelkb.extract.tokens import texts as token_texts
from cartelkb.records import ArgRecord, ClaimRecord, DateRecord, MentionRecord

# children whose subtree is not part of a noun phrase's own words
_CLAUSAL = {"relcl", "acl", "appos", "advcl", "cc", "conj", "punct", "parataxis", "ccomp"}
_EDGE_PUNCT = {",", ";", ":", "(", ")", "-", "–", "—", '"', "“", "”", "'", "’", "‘"}


class Context:
    """Look-ups over one parsed article shared by the event and relation rules."""

    def __init__(
        self,
        doc: Doc,
        mentions: Sequence[MentionRecord],
        claims: Sequence[ClaimRecord],
        dates: Sequence[DateRecord] = (),
    ) -> None:
        self.doc = doc
        self.text = doc_text(doc)
        self.words = token_texts(doc)
        self.tok_idx = token_starts(doc)
        self.mentions = list(mentions)
        self.claims = list(claims)
        # the positions of the claims' action words (the only words looked up by text)
        action_words = {w for c in self.claims for w in c.action_text.split()}
        self.by_text: dict[str, list[int]] = {}
        for i, w in enumerate(self.words):
            if w in action_words:
                self.by_text.setdefault(w, []).append(i)
        self.dates = [d for d in dates if d.value and d.kind in (None, "date")]
        # token index -> the longest mention covering it
        self.tok2m: dict[int, int] = {}
        for n, m in enumerate(self.mentions):
            size = m.end - m.start
            for i in self._expand(m.start, m.end):
                old = self.tok2m.get(i)
                if old is None or size > self.mentions[old].end - self.mentions[old].start:
                    self.tok2m[i] = n
        # argument offsets -> the mention the claim extractor linked them to
        self.refs: dict[tuple[int, int], tuple[int, int]] = {}
        for c in self.claims:
            for arg in (c.subject, c.object, c.source):
                if arg is not None and arg.ref_start is not None and arg.ref_end is not None:
                    self.refs.setdefault((arg.start, arg.end), (arg.ref_start, arg.ref_end))
        # each claim's candidate action tokens (its action words, found in its sentence)
        self.claim_tokens: list[set[int]] = [self._action_tokens(c) for c in self.claims]
        self.claims_at: dict[int, list[int]] = {}
        for n, toks in enumerate(self.claim_tokens):
            for i in toks:
                self.claims_at.setdefault(i, []).append(n)

    # --- tokens and spans ----------------------------------------------------------------

    def _expand(self, start: int, end: int) -> range:
        """The tokens of `doc.char_span(start, end, alignment_mode="expand")`, found by
        bisection over the token offsets (char_span builds a Span per call)."""
        if end <= start or not self.tok_idx:
            return range(0)
        first = bisect_right(self.tok_idx, start) - 1
        if first >= 0 and start == self.tok_idx[first] + len(self.words[first]):
            first += 1  # the whitespace after a token is not part of it
        last = bisect_right(self.tok_idx, end - 1) - 1
        return range(max(first, 0), last + 1)

    def span(self, start: int, end: int) -> Span | None:
        return self.doc.char_span(start, end, alignment_mode="expand")

    def head_of(self, arg: ArgRecord | None) -> Token | None:
        """The syntactic head of an argument's span (the token whose head is outside it)."""
        if arg is None:
            return None
        span = self.span(arg.start, arg.end)
        if span is None or not len(span):
            return None
        return span.root

    def sentence(self, tok: Token) -> tuple[str, int, int]:
        """The sentence of a token, trimmed of surrounding whitespace, with its offsets."""
        sent = sentence_of(self.doc, tok.i)
        start, end = sent.start_char, sent.end_char
        while end > start and self.text[end - 1].isspace():
            end -= 1
        while start < end and self.text[start].isspace():
            start += 1
        return self.text[start:end], start, end

    def mention_at(self, tok: Token) -> MentionRecord | None:
        n = self.tok2m.get(tok.i)
        return self.mentions[n] if n is not None else None

    def np_tokens(self, head: Token) -> list[Token]:
        """A noun phrase's own words: the head's subtree without clauses, conjuncts and
        appositions, trimmed of edge punctuation and a final possessive "'s"."""
        keep: list[Token] = []
        # a loop, not a recursive closure: a closure that calls itself is a reference
        # cycle, which would keep its tokens (and their Doc) alive until a full collection
        stack = [head]
        while stack:
            tok = stack.pop()
            keep.append(tok)
            for child in children_of(tok):
                if tok.i == head.i and child.dep_ in _CLAUSAL:
                    continue
                if child.dep_ in {"relcl", "appos", "parataxis"}:
                    continue
                if child.dep_ == "prep" and child.lower_ != "of":
                    continue  # "cocaine in Sinaloa": a place or time, not the phrase
                stack.append(child)
        keep.sort(key=lambda t: t.i)
        # a contiguous run around the head (a clause cut out may leave a gap)
        run = [head]
        by_i = {t.i: t for t in keep}
        i = head.i - 1
        while i in by_i:
            run.insert(0, by_i[i])
            i -= 1
        i = head.i + 1
        while i in by_i:
            run.append(by_i[i])
            i += 1
        while run[0].i != head.i and (run[0].text in _EDGE_PUNCT or run[0].dep_ == "cc"):
            run.pop(0)
        while run[-1].i != head.i and (run[-1].text in _EDGE_PUNCT or run[-1].dep_ == "case"):
            run.pop()
        return run

    def arg(self, head: Token, tokens: list[Token] | None = None) -> ArgRecord:
        """The argument a noun-phrase head makes, linked to the mention it names."""
        toks = tokens or self.np_tokens(head)
        start = toks[0].idx
        end = toks[-1].idx + len(toks[-1].text)
        ref = self.refs.get((start, end))
        if ref is None:
            m = self.mention_at(head)
            if m is not None:
                ref = (m.start, m.end)
        if ref is None and head.pos_ == "PRON":
            ref = self.refs.get((head.idx, head.idx + len(head.text)))
        return ArgRecord(
            text=self.text[start:end],
            start=start,
            end=end,
            ref_start=ref[0] if ref else None,
            ref_end=ref[1] if ref else None,
        )

    def mention_arg(self, m: MentionRecord) -> ArgRecord:
        return ArgRecord(text=m.text, start=m.start, end=m.end, ref_start=m.start, ref_end=m.end)

    def date_in(self, tokens: Sequence[Token]) -> str | None:
        """The value of a date expression among these tokens, if one is there."""
        if not tokens:
            return None
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t.text) for t in tokens)
        for d in self.dates:
            if start <= d.start and d.end <= end:
                return d.value
        return None

    # --- claims ----------------------------------------------------------------------------

    def _action_tokens(self, claim: ClaimRecord) -> set[int]:
        found: set[int] = set()
        for word in set(claim.action_text.split()):
            for i in self.by_text.get(word, ()):
                if claim.start <= self.tok_idx[i] < claim.end:
                    found.add(i)
        return found

    def direct_claims(self, trigger: Token) -> list[int]:
        """Claims whose action is this trigger: one of their action words, governing
        their subject or object in the parse."""
        found = []
        for n in self.claims_at.get(trigger.i, ()):
            c = self.claims[n]
            heads = [self.head_of(c.object), self.head_of(c.subject)]
            if any(h is not None and governs(trigger, h) for h in heads):
                found.append(n)
        return found

    def enclosing_claim(self, trigger: Token) -> int | None:
        """The claim one of whose arguments holds the trigger (the smallest such)."""
        best: tuple[int, int] | None = None
        pos = trigger.idx
        for n, c in enumerate(self.claims):
            if not c.start <= pos < c.end:
                continue
            for arg in (c.object, c.subject):
                if arg is not None and arg.start <= pos < arg.end:
                    size = arg.end - arg.start
                    if best is None or size < best[0]:
                        best = (size, n)
        return best[1] if best else None


def governs(verb: Token, head: Token) -> bool:
    """Whether `head` hangs from `verb`: `verb` is among its first ancestors, or `verb`
    is in the chain (xcomp, conj) of the word `head` hangs from ("agreed to send X")."""
    tok = head
    for _ in range(4):
        if tok.head.i == tok.i:
            break
        tok = tok.head
        if tok.i == verb.i:
            return True
    cur = verb
    for _ in range(4):
        if cur.dep_ not in {"xcomp", "conj", "ccomp", "advcl"} or cur.head.i == cur.i:
            break
        cur = cur.head
        if cur.i == head.head.i:
            return True
    return False
