"""Is a span the model tagged, and the knowledge base does not know, plausibly a name?

The small English model tags many title-case fragments as names: headlines and section
headings ("Hold Nicaraguan Government Accountable"), job titles ("National Security
Advisor"), groups of people ("Bosnian Croats"), common nouns at the start of a sentence
("Principal", "Madam"). These tests keep what reads like a proper name of its kind.
"""

from __future__ import annotations

import re
import unicodedata

from spacy.tokens import Doc, Span

from ...knowledge import KnowledgeBase, fold
from .words import WORDS

_PARTICLE_NAME = re.compile(r"^(?:al|el|ad|as|ash|at|bin|ibn|abu|ben)-\w", re.UNICODE)


def in_latin_script(span: Span) -> bool:
    """True when the span's letters include Latin ones: a name in Arabic or Cyrillic letters
    in an English text is a quotation ("القطيع العربي"), which the knowledge base, written
    in Latin letters, cannot link."""
    return any(ch.isalpha() and unicodedata.name(ch, "").startswith("LATIN") for ch in span.text)


def _name_token(word: str) -> bool:
    """A capitalised word of a name, in any script's capitals ("Élisabeth", "O'Neill",
    "al-Burhan", "J.")."""
    return bool(word) and (word[0].isupper() and all(ch.isalpha() or ch in "'\u2019.-" for ch in word)
                           or _PARTICLE_NAME.match(word) is not None and word.split("-", 1)[1][:1].isupper())


def in_headline(span: Span) -> bool:
    """True when the span's line reads as a headline or heading: title case throughout
    ("Middle Term Challenges", "Hold Nicaraguan Government Accountable"); a name right after
    "by" is a byline's, not a headline's."""
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ == "by":
        return False
    n_words, n_capitalised, last = _line_of(doc, span.start)
    if n_words < 2 or n_words < 4 and n_words == len(span):
        return False  # too short to tell, or the line is just the name
    if last in {".", "?", "!", ":"} and n_words > 8:
        return False  # a sentence, however capitalised
    return n_capitalised >= 0.8 * n_words


def _line_of(doc: Doc, i: int) -> tuple[int, int, str]:
    """For the line of token ``i``: its words (alphabetic, not stop words), how many of them
    are capitalised, and its last token. Worked out for all lines at the first call and kept
    with the document: a text on one line has every name on it, and scanning the line for
    each name was quadratic (two minutes for 3,000 short sentences)."""
    lines = doc.user_data.get(_LINES_KEY)
    if lines is None:
        lines, start = {}, 0
        for j, tok in enumerate(doc):
            if "\n" in tok.text:  # a line break of its own belongs to no line
                _summarise(doc[start:j], lines)
                start = j + 1
            elif "\n" in tok.whitespace_ or j == len(doc) - 1:
                _summarise(doc[start:j + 1], lines)
                start = j + 1
        doc.user_data[_LINES_KEY] = lines
    return lines.get(i, (0, 0, ""))


def forget_lines(doc: Doc) -> None:
    """Drop what :func:`in_headline` kept with the document (not an output: it would travel
    with the document to other processes)."""
    doc.user_data.pop(_LINES_KEY, None)


_LINES_KEY = "policy_nlp.headline_lines"


def _summarise(line: Span, lines: dict[int, tuple[int, int, str]]) -> None:
    if len(line):
        words = [t for t in line if t.is_alpha and not t.is_stop]
        summary = (len(words), sum(t.is_title or t.is_upper for t in words), line[-1].text)
        for k in range(line.start, line.end):
            lines[k] = summary


def heading_label(span: Span) -> bool:
    """True when the span opens its line and a colon follows it: a heading or a bold lead-in
    ("**Humanitarian Cooperation:** The United States ...")."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and (doc[i].is_punct or doc[i].is_space) and "\n" not in doc[i].text and "\n" not in doc[i].whitespace_:
        i -= 1  # bullets and emphasis marks before the words
    opens_line = i < 0 or "\n" in doc[i].text or "\n" in doc[i].whitespace_
    after = doc[span.end: span.end + 3]
    return opens_line and any(t.text == ":" for t in after) and not any(t.is_alpha for t in after[:1])


def speaker_label(span: Span) -> bool:
    """True for the label of who speaks in a transcript: an all-capitals name after a title
    at the start of a line, before "." or ":" ("Ms. ROS-LEHTINEN. Mr. Speaker, I rise ...",
    "MR. KIRBY: Thanks"). The speaker is the text's voice, not an actor it names."""
    doc = span.doc
    if not span.text.isupper() or span.end >= len(doc) or doc[span.end].text not in {".", ":"}:
        return False
    i = span.start - 1
    if i >= 0 and doc[i].text == ".":
        i -= 1
    if i < 0 or doc[i].lower_.rstrip(".") not in {"mr", "ms", "mrs", "madam", "dr", "senator", "ambassador", "secretary"}:
        return False
    return i == 0 or "\n" in doc[i - 1].text or "\n" in doc[i - 1].whitespace_


def common_words_only(span: Span, common: frozenset[str], kb: KnowledgeBase) -> bool:
    """True when every word of the span is an ordinary English word or a function word
    ("Development Cooperation", "Border Control", "Assistance Packages"). Words the
    knowledge base knows as names ("Baghdad", "Cuban": WordNet lists them too) and words
    that make a body's name ("Institute", "Fleet") are not ordinary here."""
    words = [t for t in span if t.is_alpha]
    if not words or any(t.lower_ in WORDS.org_name_words or t.lower_[:-1] in WORDS.org_name_words for t in words):
        return False
    return all(t.is_stop or _common(t, common) and t.text not in kb.surfaces and fold(t.text) not in kb.cities
               for t in words)


def _common(tok, common: frozenset[str]) -> bool:
    """An ordinary word, in the plural too (the model's lemma of a capitalised noun is the
    word itself: "Packages")."""
    low = tok.lower_
    return low in common or tok.lemma_.lower() in common or tok.tag_ in {"NNS", "NNPS"} and low.endswith("s") and (
        low[:-1] in common or low.endswith("ies") and low[:-3] + "y" in common)


def _names_a_state(kb: KnowledgeBase, word: str) -> bool:
    return any(role in {"country", "demonym"} for _, role in kb.surfaces.get(word, ()))


def plausible_person(span: Span, kb: KnowledgeBase, common: frozenset[str] = frozenset()) -> bool:
    """A name of two or more capitalised words (particles allowed), without digits, states
    or demonyms; a single unknown word only right after a title ("Senator Kerry")."""
    words = [t.text for t in span]
    if any(ch.isdigit() for ch in span.text) or span.text.isupper() and len(span) == 1:
        return False
    if any(t.lower_ in {"a.m.", "p.m."} for t in span):
        return False  # "11:05 A.M. KST": a time, not a name
    if any(_names_a_state(kb, w) for w in words) or words[-1].lower() in WORDS.geo_head_words:
        return False  # "Bosnian Croats", "Sahel Niger", "Franz Josef Land"
    if len(words) > 1 and words[-1].lower() in WORDS.org_event_words | WORDS.named_after_words:
        return False  # "the Simla Agreement", "the Monroe Doctrine": a thing named after a place or person
    for i, w in enumerate(words):
        after_hyphen = i > 0 and words[i - 1] == "-"  # "Yun Duk-min"
        if not (_name_token(w) or w.lower() in WORDS.name_particles or w in {"-", "'"} or after_hyphen and w.isalpha()):
            return False
    if heading_label(span) or speaker_label(span):
        return False
    if len(span) == 1:
        if words[0].lower() in WORDS.person_titles or span[0].lower_ in common:
            return False  # "Mr. Speaker", "Madam President"
        before = span.doc[span.start - 1] if span.start > 0 else None
        if before is not None and before.text == ".":
            before = span.doc[span.start - 2] if span.start > 1 else None
        return before is not None and before.lower_.rstrip(".") in WORDS.person_titles
    # "Assistance Packages", "Global Warming": ordinary words in capitals that end in a word
    # no surname has the form of (John Kelly and Frank Field are ordinary words too)
    last = span[-1].lower_
    return not (common and last.endswith(_NOT_A_SURNAME_ENDING) and common_words_only(span, common, kb))


#: Endings of the last word of an ordinary phrase, never of a surname: plurals and abstract nouns.
_NOT_A_SURNAME_ENDING = ("ages", "ings", "ing", "tion", "tions", "ment", "ments", "ance", "ence", "ity", "ism", "ness",
                         "ships", "ies")


def plausible_org(span: Span, kb: KnowledgeBase, common: frozenset[str] = frozenset()) -> bool:
    """Not a job title ("National Security Advisor"), a fragment ("Inter-"), a common-word
    acronym ("GDP"), a lone common noun ("Administration"), a phrase of ordinary words
    that no organisation head word ends ("Development Cooperation"), a heading or a people
    ("Greek Cypriots")."""
    words = [t.lower_ for t in span]
    if heading_label(span) or not in_latin_script(span):
        return False
    if common and not span.text.isupper() and common_words_only(span, common, kb):
        return False
    if span.text.endswith("-") or span.text.startswith("-"):
        return False
    if words[-1] in WORDS.title_words or any(w in WORDS.title_words for w in words[1:]):
        return False
    after = span.doc[span.end] if span.end < len(span.doc) else None
    if (after is not None and after.lower_ in WORDS.title_words and after.is_title
            and all(w in WORDS.title_modifiers for w in words)):
        return False  # "National Security" in "National Security Advisor Jake Sullivan"
    if len(span) == 1 and (span.text.isupper() and fold(span.text) in WORDS.non_name_acronyms
                           or words[0] in WORDS.generic_org_words):
        return False
    last = span[-1].text.split("-")[-1]
    return not any(role == "demonym" for _, role in kb.surfaces.get(last, ()))


def plausible_place(span: Span, common: frozenset[str] = frozenset()) -> bool:
    """An unknown place the model tagged: proper nouns ("Hasankeyf", "Tian Shan", "Lusail
    Stadium"), not an abbreviation ("E.O."), a capitalised common noun ("Airmen") or a
    bare geographic word ("the Strait")."""
    if "." in span.text or not any(t.is_alpha for t in span) or not in_latin_script(span) \
            or span[-1].lower_ in WORDS.org_event_words:
        return False  # "E.O.", "Kabul Process", "G7 Summit", "Annan Plan"
    if heading_label(span) or common and len(span) == 1 and span[0].lower_ in common and not span[0].is_upper:
        return False  # "Partnership", "Embassy", "Empress"
    if len(span) == 1 and (span[0].tag_ in {"NN", "NNS"} and not span[0].is_upper
                           or span[0].lower_ in WORDS.geo_head_words):
        return False
    return all(t.pos_ in {"PROPN", "PUNCT"} or t.lower_ in WORDS.name_particles or t.is_title for t in span)
