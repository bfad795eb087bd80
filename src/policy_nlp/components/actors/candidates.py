"""Candidate mentions: the spans that may name an actor or a place.

Candidates come from two sources: the model's named entities and a phrase matcher over
the knowledge base (which finds what the model misses: demonyms, acronyms, "Mount Paektu",
leaders' surnames inside "Trump-Kim"), plus a pattern for organisation names the model
misses ("Emory University").
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from ...knowledge import KnowledgeBase

from .words import NAME_HEADS, WORDS

NER_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
#: Labels of pipelines for other languages, trained on WikiNER (German, French, Spanish,
#: Italian, Portuguese...), that name what an OntoNotes label names.
LABEL_ALIASES = {"PER": "PERSON"}


class Candidate(NamedTuple):
    """A span that may name an actor or place: ``source`` is ``kb`` (a knowledge-base name)
    or the model's label; ``inner`` holds the knowledge-base names inside a model span."""

    span: Span
    source: str
    inner: list[Span]


def phrase_keys(nlp: Language, phrases: list[str], attr: str) -> list[tuple[int, ...]]:
    """Phrase-matcher patterns for ``phrases``: the ``attr`` (``ORTH`` or ``LOWER``) hash
    of each token, what ``PhraseMatcher(attr=attr).add`` would take from tokenized docs.

    Tokenizing seven thousand names would create a lexeme, with all its attributes, for
    every word the articles will never contain, a third of a second at each start. A
    phrase of plain words separated by single spaces is one token per word for spaCy's
    tokenizer (no affix or infix rule applies to letters alone; special cases are looked
    up), so its hashes are computed directly; the tokenizer handles the rest. A test
    checks both routes agree on every name in the knowledge base.
    """
    lower = attr == "LOWER"
    rules = nlp.tokenizer.rules or {}
    keys: list[tuple[int, ...]] = []
    other: list[str] = []
    for phrase in phrases:
        words = phrase.split(" ")
        if all(word.isalpha() and word not in rules for word in words):
            keys.append(tuple(get_string_id(word.lower() if lower else word) for word in words))
        else:
            other.append(phrase)
    keys.extend(tuple(t.lower if lower else t.orth for t in doc) for doc in nlp.tokenizer.pipe(other))
    return keys


class CandidateFinder:
    """The candidate spans of a document, longest first where they overlap."""

    def __init__(self, nlp: Language, kb: KnowledgeBase) -> None:
        self.org_patterns = Matcher(nlp.vocab)
        heads = sorted(WORDS.org_head_words)
        self.org_patterns.add("ORG", [
            [{"IS_TITLE": True, "OP": "+"}, {"ORTH": {"IN": heads}}],
            [{"IS_TITLE": True, "OP": "+"}, {"ORTH": "-"}, {"IS_TITLE": True, "OP": "+"}, {"ORTH": {"IN": heads}}],
            [{"ORTH": {"IN": heads}}, {"LOWER": {"IN": ["of", "for"]}}, {"LOWER": "the", "OP": "?"},
             {"IS_TITLE": True, "OP": "+"}],
            # "Task Force Takuba", "Joint Task Force Bravo": a named force
            [{"IS_TITLE": True, "OP": "*"}, {"ORTH": "Task"}, {"ORTH": "Force"}, {"IS_TITLE": True, "OP": "+"}],
            # "Communist Party of Cuba", "National Bank of Greece"
            [{"IS_TITLE": True, "OP": "+"}, {"ORTH": {"IN": heads}}, {"LOWER": {"IN": ["of", "for"]}},
             {"LOWER": "the", "OP": "?"}, {"IS_TITLE": True, "OP": "+"}],
        ], greedy="LONGEST")
        # "African Commission on Human and Peoples' Rights", "House Subcommittee on Asia and
        # the Pacific": a body's remit of two parts (not two bodies: checked in __call__)
        self.two_part_bodies = Matcher(nlp.vocab)
        self.two_part_bodies.add("ORG", [
            [{"IS_TITLE": True, "OP": "*"}, {"ORTH": {"IN": heads}}, {"LOWER": {"IN": ["of", "for", "on"]}},
             {"LOWER": "the", "OP": "?"}, {"IS_TITLE": True, "ORTH": {"NOT_IN": heads}, "OP": "+"}, {"LOWER": {"IN": ["and", "&"]}},
             {"LOWER": "the", "OP": "?"}, {"IS_TITLE": True, "ORTH": {"NOT_IN": heads}, "OP": "+"},
             {"ORTH": {"IN": ["'", "\u2019", "'s", "\u2019s"]}, "OP": "?"}, {"IS_TITLE": True, "ORTH": {"NOT_IN": heads}, "OP": "?"}],
        ], greedy="LONGEST")
        # Named sites the model missed: "José Martí International Airport", "Incirlik Air Base".
        self.site_patterns = Matcher(nlp.vocab)
        self.site_patterns.add("FAC", [[{"IS_TITLE": True, "OP": "+"},
                                        {"LOWER": {"IN": sorted(WORDS.facility_words)}, "IS_TITLE": True}]], greedy="LONGEST")
        # "Ministry of Foreign Affairs of Pakistan", "Securities and Exchange Commission of
        # Pakistan": a body's name, then "of" and a state's name (checked in __call__)
        self.state_bodies = Matcher(nlp.vocab)
        self.state_bodies.add("ORG", [
            [{"ORTH": {"IN": heads}}, {"LOWER": {"IN": ["of", "for"]}}, {"LOWER": "the", "OP": "?"},
             {"IS_TITLE": True, "OP": "+"}, {"LOWER": "of"}, {"LOWER": "the", "OP": "?"}, {"IS_TITLE": True, "OP": "+"}],
            [{"IS_TITLE": True, "OP": "+"}, {"LOWER": "and"}, {"IS_TITLE": True, "OP": "*"}, {"ORTH": {"IN": heads}},
             {"LOWER": "of"}, {"LOWER": "the", "OP": "?"}, {"IS_TITLE": True, "OP": "+"}],
        ], greedy="LONGEST")
        self.surfaces = kb.surfaces
        self.state_names = {s for s, options in kb.surfaces.items() if any(role == "country" for _, role in options)}
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        exact, lower = [], []
        for surface in kb.surfaces:
            tokens = surface.split()
            roles = {role for _, role in kb.surfaces[surface]}
            # Multi-word names of places and organisations match in any case ("Korean
            # peninsula"); single words and acronyms only as written ("US" but not "us").
            if len(tokens) > 1 and not roles & {"demonym"}:
                # as written and in lower case: the tokenizer splits "Washington, D.C." and
                # "washington, d.c." differently
                lower += [surface, surface.lower()]
            else:
                exact.append(surface)
        self.exact.add("KB", phrase_keys(nlp, exact, "ORTH"))
        self.lower.add("KB", sorted(set(phrase_keys(nlp, sorted(set(lower)), "LOWER"))))

    def __call__(self, doc: Doc) -> list["Candidate"]:
        spans: list[tuple[Span, str]] = []
        for matcher in (self.exact, self.lower):
            for _, start, end in matcher(doc):
                if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].is_lower and not doc[start - 2].whitespace_:
                    continue  # "Sharif" in "Mazar-i-Sharif"
                if start >= 1 and doc[start - 1].lower_ in _PATRONYMIC:
                    continue  # "Salman of Saudi Arabia" in "Mohammad bin Salman of Saudi Arabia"
                if end - start == 1 and start >= 1 and doc[start - 1].is_title and doc[start].lower_ in NAME_HEADS:
                    continue  # "Airport" (a Californian town) in "José Martí International Airport"
                if end < len(doc) and doc[end].is_title and doc[end].lower_ in WORDS.geo_head_words and all(
                        role == "person" for _, role in self.surfaces.get(doc[start:end].text, [("", "person")])):
                    continue  # "Franz Josef" (the emperor) in "Franz Josef Land"
                spans.append((doc[start:end], "kb"))
        for _, start, end in self.org_patterns(doc):
            # Named bodies the model missed: "Emory University", "Ministry of Public Health".
            span = trim(Span(doc, start, end, label="ORG"))
            if span is not None and not any(t.is_sent_start and t.i == span.start and t.pos_ != "PROPN" for t in span):
                spans.append((span, "ORG"))
        for _, start, end in self.two_part_bodies(doc):
            joint = max(t.i for t in doc[start:end] if t.lower_ in {"and", "&"})
            # not two bodies: "the Ministry of Defence and the Foreign Office"
            if not (end < len(doc) and doc[end].is_title) and not any(t.lower_ in WORDS.org_name_words for t in doc[joint:end]):
                span = trim(Span(doc, start, end, label="ORG"))
                if span is not None:
                    spans.append((span, "ORG"))
        for _, start, end in self.site_patterns(doc):
            # not "Are House Republicans", nor a demonym and a head ("the American Base")
            if all(t.pos_ == "PROPN" for t in doc[start:end - 1]) and not (end - start == 2 and doc[start].ent_type_ == "NORP"):
                spans.append((Span(doc, start, end, label="FAC"), "FAC"))
        for _, start, end in self.state_bodies(doc):
            tail = doc[start:end]
            of = max(t.i for t in tail if t.lower_ == "of")
            state = doc[of + 1:end].text.removeprefix("the ")
            if state in self.state_names and not any(t.is_sent_start and t.i > start for t in tail):
                spans.append((Span(doc, start, end, label="ORG"), "ORG"))
        for ent in doc.ents:
            if ent.label_ in LABEL_ALIASES:
                ent = Span(doc, ent.start, ent.end, label=LABEL_ALIASES[ent.label_])
            if ent.label_ in NER_LABELS:
                ent = trim(ent)
                # "Soviet Union/Russia", "Building Trust: Science Diplomacy": the model joined
                # two names or read a headline as a name; the knowledge base matches decide.
                if ent is not None and not any(t.text in {"/", ":", "|"} for t in ent):
                    spans.append((ent, ent.label_))
        # Longest first; on equal length the knowledge base wins over the model.
        spans.sort(key=lambda item: (-(item[0].end - item[0].start), item[1] != "kb", item[0].start))
        taken: set[int] = set()
        chosen: list[Candidate] = []
        for span, source in spans:
            if any(i in taken for i in range(span.start, span.end)) or any(t.is_space or "\n" in t.text for t in span):
                continue
            taken.update(range(span.start, span.end))
            chosen.append(Candidate(span, source, []))
        # Known names inside a model span, kept in case the span turns out not to be a name
        # ("Ally Türkiye", "Israel Yair Lapid").
        for candidate in chosen:
            if candidate.source == "kb":
                continue
            inside: set[int] = set()
            for span, source in spans:
                if (source == "kb" and candidate.span.start <= span.start and span.end <= candidate.span.end
                        and span != candidate.span and not inside & set(range(span.start, span.end))):
                    inside.update(range(span.start, span.end))
                    candidate.inner.append(span)
        chosen.sort(key=lambda c: c.span.start)
        return chosen


def trim(span: Span) -> Span | None:
    """Drop a leading "the" or punctuation and a trailing possessive from a model entity."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in {"the", "a", "an"} or doc[start].is_punct):
        start += 1  # "-Ireland" in "the UK-Ireland summit": the model took the hyphen in
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].text in {"'s", "\u2019s", "'", "\u2019"}):
        end -= 1
    for i in range(start + 1, end):
        if doc[i].text in {"(", "[", ","} and span.label_ in {"ORG", "PERSON"}:
            # "World Health Organization (WHO": the model ran into the acronym that follows.
            end = i
            break
    if end - start > 1 and doc[end - 1].lower_ in WORDS.name_particles - {"of", "e", "y"}:
        # "San Antonio de" of "San Antonio de los Baños": the model stopped at a particle
        j = end
        while j < len(doc) and doc[j].lower_ in WORDS.name_particles | {"los", "las"} and not doc[j].is_title:
            j += 1
        while j < len(doc) and doc[j].is_title and not doc[j].is_punct:
            j += 1
        if j > end and doc[j - 1].is_title:
            end = j
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in {"of", "and", "the", "for", "&"}):
        end -= 1  # "Ministry of Foreign Affairs of" -> "Ministry of Foreign Affairs"
    label = span.label_
    if label == "ORG" and end - start > 1 and _bare(doc[start]) in _ADDRESS:
        # "Presidents Sukarno", "H.E. Nana Akufo Addo" read as a body: a person, when no
        # word of a body follows
        first = start
        while end - first > 1 and _bare(doc[first]) in _ADDRESS | WORDS.person_titles:
            first += 1
        if doc[first].pos_ == "PROPN" and not any(t.lower_ in _BODY_WORDS or t.text in WORDS.org_head_words for t in doc[first:end]):
            start, label = first, "PERSON"
    if label == "PERSON":
        # "Presidents Sukarno", "H.E. Nana Akufo Addo", "Crown Prince Salman", "Michael
        # Jeffery AC CVO MC": titles before a name and honours after it are not part of it.
        while end - start > 1 and (_bare(doc[start]) in _TITLES_OF_ADDRESS or _bare(doc[start]) in WORDS.title_modifiers
                                   and _bare(doc[start + 1]) in _TITLES_OF_ADDRESS | WORDS.title_modifiers):
            start += 1
        # "NSC Spokesperson Adrienne Watson": a body's acronym and a title before the name
        title = next((i for i in range(start + 1, end - 1) if _bare(doc[i]) in WORDS.person_titles
                      and all(t.is_upper or _bare(t) in WORDS.title_modifiers for t in doc[start:i])), None)
        if title is not None:
            start = title + 1
            while end - start > 1 and _bare(doc[start]) in WORDS.person_titles:
                start += 1
        while end - start > 2 and doc[end - 1].is_upper and len(doc[end - 1].text) <= 4:
            end -= 1
    if start >= end:
        return None
    return Span(doc, start, end, label=label)


#: Words that make a name a body's, not a person's.
_BODY_WORDS = WORDS.org_name_words | WORDS.generic_org_words | WORDS.named_after_words
#: Words of address a name may start with, and with the titles of persons.
_ADDRESS = WORDS.address_prefixes | WORDS.honorifics
_TITLES_OF_ADDRESS = WORDS.person_titles | WORDS.address_prefixes


#: Words after which a name is a father's, inside a longer name ("Mohammad bin Salman").
_PATRONYMIC = {"bin", "ibn", "bint"}


def _bare(tok) -> str:
    """A token as the word lists spell it: lower case, without dots ("H.E." -> "he")."""
    return tok.lower_.replace(".", "")

