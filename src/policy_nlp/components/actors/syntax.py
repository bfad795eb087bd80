"""What the parse says about a mention: is it a location, does it act, is it a subject or
an object, does a hyphen join two names."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Span

from .words import WORDS

if TYPE_CHECKING:
    from .state import DocState


def us_state_context(span: Span, state: "DocState") -> bool:
    """"Atlanta, Georgia", "the state of Georgia", "Georgia's governor": the US state, not
    the country of the same name."""
    doc = span.doc
    before = doc[max(0, span.start - 3):span.start]
    if [t.lower_ for t in before[-2:]] == ["state", "of"]:
        return True
    if len(before) >= 2 and before[-1].text == "," and before[-2].ent_type_ == "GPE":
        # "Atlanta, Georgia", not "Tbilisi, Georgia" (a city of the country)
        from ...knowledge import load_knowledge_base
        city = load_knowledge_base().city(before[-2].text)
        return city is None or city.country_iso3 == "USA"
    after = doc[span.end:span.end + 3]
    return any(t.lower_ in {"governor", "legislature", "senator", "senators", "congressman", "county"} for t in after)


def syntax_role(span: Span) -> str:
    """``subject``, ``object`` (of a verb, or of with/on/against/toward/to) or ``other``."""
    root = span.root
    while root.dep_ in {"compound", "conj", "appos", "amod"} and root.head.i != root.i:
        root = root.head
    if root.dep_ in {"nsubj", "nsubjpass", "agent"}:
        return "subject"
    if root.dep_ in {"dobj", "dative", "obj"}:
        return "object"
    if root.dep_ == "pobj" and root.head.lower_ in {"with", "on", "against", "toward", "towards", "to", "over", "from"}:
        return "object"
    return "other"


def hyphen_pair(span: Span) -> bool:
    parts = [p for p in re.split(r"\s*[-\u2013]\s*", span.text) if p]
    return len(parts) == 2 and all(p[:1].isupper() and " " not in p for p in parts)


def is_location(span: Span, preps: set[str] = WORDS.locative_preps) -> bool:
    root = span.root
    # "in Soviet Union/Russia", "in Seoul and Tokyo": the preposition governs the phrase.
    while root.dep_ in {"compound", "conj", "appos", "nmod"} and root.head.i != root.i and root.head.pos_ == "PROPN":
        root = root.head
    head = root.head
    if root.dep_ in {"dobj", "obj", "pobj"} and head.lower_ in {"neighboring", "neighbouring", "bordering"} \
            and head.dep_ in {"pcomp", "pobj", "amod"} and head.head.i != head.i:
        # "refugee camps in neighboring Sudan": the parser makes the adjective a verb
        root, head = head, head.head
    if root.dep_ in {"pobj", "pcomp"}:
        prep = head.lower_
        if prep in preps:
            return True
        if prep in {"to", "from"} and head.head.lemma_.lower() in WORDS.motion:
            return True
        if prep == "from" and head.head.lower_ in WORDS.origin_people_nouns:
            return True  # "wrongful detainees from Afghanistan, Burma, Haiti"
        if prep == "of" and head.head.lemma_.lower() in WORDS.place_of_nouns:
            return True  # "the invasion of Czechoslovakia", "the territory of Guam"
        if prep == "on" and head.head.lemma_.lower() in WORDS.place_on_nouns and head.head.pos_ == "NOUN":
            return True  # "the attack on Kyiv", "air strikes on Aleppo"
        if prep in {"including", "like", "as"} and head.head.pos_ == "NOUN" and head.head.i != head.i:
            # "destinations including Spain and Greece", "plots in nations such as Denmark":
            # an example of a place is one.
            noun = head.head
            return noun.lemma_.lower() in WORDS.example_place_nouns or is_location(noun.doc[noun.i:noun.i + 1], preps)
    if root.dep_ in {"dobj", "obj"} and head.lemma_.lower() in WORDS.visit:
        return True
    return False


def is_location_list(span: Span) -> bool:
    """A conjunct of a location ("between Kidal and Timbuktu", "in Kyiv, Lviv and Kharkiv")."""
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
        if is_location(root.doc[root.i:root.i + 1]):
            return True
    return False


#: Nouns for those who govern: a place they sit in stands for them ("the regime in Tehran",
#: "the Moscow government", "the authorities in Kabul").
GOVERNING = frozenset({"government", "regime", "leadership", "authorities", "administration", "cabinet", "junta",
                       "rulers", "officials"})


def seat_of_government(span: Span) -> bool:
    """True when a state or capital is named as where its government sits, for the
    government: "the regime in Tehran", "the Moscow government"."""
    def governing(word) -> bool:
        # (not "the Chinese authorities in Macao": a government another state's name
        # qualifies only sits there)
        return word.pos_ == "NOUN" and (word.lower_ in GOVERNING or word.lemma_.lower() in GOVERNING) and not any(
            c.dep_ in {"amod", "compound", "poss"} and c.text[:1].isupper() and c.i not in range(span.start, span.end)
            for c in word.children)

    root = span.root
    if root.dep_ in {"compound", "nmod"} and governing(root.head) and root.head.i > root.i:
        return True
    return root.dep_ == "pobj" and root.head.lower_ == "in" and governing(root.head.head)


def acts(span: Span) -> bool:
    """True when a capital or seat of government stands for the government itself."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].text == "-" and doc[span.end + 1].lower_ in {"backed", "led", "supported", "sponsored", "brokered"}:
        return True  # "the Moscow-backed regime"
    root = span.root
    if root.dep_ in {"nsubj", "nsubjpass", "poss", "agent"}:
        return True
    if root.dep_ in {"dobj", "obj", "dative"} and root.head.lemma_.lower() not in WORDS.visit:
        return True
    if root.dep_ == "pobj" and root.head.lower_ in {"with", "toward", "towards", "on", "against", "by", "between", "for", "from"}:
        return True
    prep = root.head
    while prep.dep_ in {"conj", "prep"} and prep.head.pos_ == "ADP" and prep.head.i != prep.i:
        prep = prep.head  # "to Moscow and to Kyiv": the second "to" hangs on the first
    if root.dep_ == "pobj" and root.head.lower_ == "to" and prep.head.lemma_.lower() in WORDS.addressee_words:
        return True  # "talking to Pyongyang", "an overture to Tehran", "we talk to Moscow and to Kyiv"
    if root.dep_ == "conj":
        return acts(root.head.doc[root.head.i:root.head.i + 1])
    return False


def noun_phrase_context(span: Span) -> list:
    """The words around a name inside its own noun phrase, outside the name: its modifiers
    and possessor ("Israeli Ambassador", "Iran's"), its apposition ("a Norwegian
    glaciologist"), and, when the name modifies another noun, that noun's modifiers."""
    inside = set(range(span.start, span.end))
    root = span.root
    heads = [root]
    if root.dep_ in {"compound", "appos", "nmod", "flat"} and root.head.i not in inside:
        heads.append(root.head)
    words = []
    for head in heads:
        for child in head.children:
            if child.i in inside or child.dep_ not in {"compound", "amod", "poss", "appos", "nmod"}:
                continue
            words.extend(t for t in child.subtree if t.i not in inside and t.dep_ != "prep"
                         and not any(a.dep_ == "prep" for a in t.ancestors if a.i in {c.i for c in child.subtree}))
    return words


def names_a_thing(doc, end: int) -> bool:
    """True when the words after a person's or place's name (ending at token ``end``) make it
    the name of a thing: "Atatürk Dam", "the Balfour Declaration", "the Molotov-Ribbentrop
    Pact", "the Korea Policy Review"."""
    i = end
    while i + 1 < len(doc) and doc[i].text in {"-", "\u2013"} and doc[i + 1].is_title:
        i += 2  # the other name of a pair: "Molotov-Ribbentrop Pact"
    # the head word may come after a few capitalised words: "the Korea Policy Review", "the
    # Japan-Korea Future Partnership Symposium"
    for j in range(i, min(i + 3, len(doc))):
        if not doc[j].is_title:
            return False
        if doc[j].lower_ in WORDS.named_after_words:
            return True
    return False
