"""Small questions about tokens that the cooperation detectors share."""

from __future__ import annotations

from spacy.tokens import Token


def lemma_of(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "co":
        return "co-" + lemma
    return lemma


def next_word(tok: Token) -> Token | None:
    """The next word, across a hyphen ("joint-stock" -> "stock")."""
    doc = tok.doc
    i = tok.i + 1
    if i < len(doc) and doc[i].text == "-":
        i += 1
    return doc[i] if i < len(doc) else None


def next_noun(tok: Token) -> Token | None:
    doc = tok.doc
    for t in doc[tok.i + 1: min(len(doc), tok.i + 4)]:
        if t.pos_ in {"NOUN", "PROPN"}:
            return t
    return None


def modifier_start(tok: Token) -> int:
    mods = [c.i for c in tok.children if c.dep_ in {"amod", "compound"} and c.i < tok.i]
    return min(mods) if mods else tok.i


def local_words(trigger: Token) -> list[Token]:
    """The trigger's own phrase: its subtree for nouns, its objects and modifiers for verbs."""
    if trigger.pos_ in {"VERB", "AUX"}:
        words = [trigger]
        for c in trigger.children:
            if c.dep_ in {"dobj", "prep", "advmod", "npadvmod", "xcomp", "obj"}:
                words.extend(c.subtree)
        return words
    words = list(trigger.subtree)
    words.extend(c for c in trigger.head.children if c.dep_ in {"amod", "compound"})
    return words


#: Nouns of alarm whose "over" phrase names what is going on, not a plan.
_CONCERN = {"concern", "alarm", "worry", "anxiety", "fear", "criticism", "condemnation", "anger", "outrage", "unease",
            "dismay", "disquiet"}


def unrealised(verb: Token) -> bool:
    """A plan rather than a report: an infinitive or bare gerund ("to expand", "opening
    channels"), not a finite verb ("expanded", "are expanding")."""
    auxes = {c.lemma_.lower() for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if verb.tag_ == "VB":
        return True
    if verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ in {"over", "about", "at", "by"} \
            and verb.head.head.lemma_.lower() in _CONCERN:
        return False  # "grave concern over deepening military cooperation": what is happening
    if verb.tag_ == "VBG":
        head = verb.head
        if head.i != verb.i and head.lemma_.lower() in {"spend", "continue", "keep", "begin", "start"} and (
                head.tag_ in {"VBD", "VBZ", "VBP"} or head.tag_ == "VBN" and any(c.dep_ == "aux" for c in head.children)):
            return False  # "have spent the past decade deepening ties", "kept expanding trade": done
        return not auxes & {"be", "have"} or bool(auxes & {"will", "shall", "should", "must", "would"})
    return False
