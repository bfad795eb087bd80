"""Cooperation triggers: the words that name cooperation in a sentence, found by lemma and
parse pattern (nominal: "scientific cooperation", "a joint exhibition", "educational
exchanges", "science diplomacy"; verbal: "cooperate", "work together", "jointly published",
"signed an agreement on")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.strings import hash_string
from spacy.tokens import Span, Token

from .lexicon import Lexicon
from .tokens import lemma_of, modifier_start, next_noun, next_word


#: Verbs whose object noun names the act: "paid a visit to", "offered support to".
LIGHT_VERBS = {"have", "hold", "make", "pay", "conduct", "offer", "extend", "give", "provide", "seek", "pledge",
               "receive", "host", "deliver", "announce", "sign", "begin", "start", "open", "continue", "launch"}


class TriggerFinder:
    """Yield ``(head token, first token, end token)`` for each trigger in a sentence."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lx = lx = lexicon
        self._actors: dict[int, str] = {}
        # Every word that can start a trigger: the component looks at these tokens only,
        # comparing the hashes spaCy stores for lemma and lower-case form.
        self.hashes = {hash_string(w) for w in (
            lx.nouns | lx.verbs | lx.agreement_nouns | set(lx.not_after) | set(lx.support_objects)
            | lx.study_verbs | {p[0] for p in lx.phrases} | lx.agreement_verbs
            | {"joint", "shared", "jointly", "exchange", "exchanges", "contact", "contacts", "aid", "assistance",
               "relief", "sharing", "trade", "diplomacy", "deal", "partner", "support", "backing", "help",
               "share", "join", "co", "together", "peace", "fire"} | lx.with_verbs | lx.relation_nouns | set(lx.qualified_nouns)
            | lx.interaction_verbs | lx.interaction_nouns | lx.transfer_nouns | lx.backing_words
        )}

    def find(self, sent: Span, candidates: set[int], actors: dict[int, str]) -> Iterator[tuple[Token, int, int]]:
        """The triggers among the ``candidates`` token indices of ``sent``; ``actors`` maps the
        tokens of linked actor mentions to their entity ids."""
        self._actors = actors
        yield from self._triggers(sent, candidates)

    def _triggers(self, sent, candidates: set[int]):
        doc = sent.doc
        for i in sorted(c for c in candidates if sent.start <= c < sent.end):
            tok = doc[i]
            lemma = lemma_of(tok)
            low = tok.lower_
            start = tok.i - 2 if lemma.startswith("co-") else tok.i
            if (tok.ent_type_ in {"ORG", "FAC", "WORK_OF_ART"} or self._actors.get(tok.i, "").startswith("org:")) \
                    and lemma not in self.lx.agreement_nouns:
                # "Cooperative Bank", "Joint Norwegian-Russian Fisheries Commission": names of
                # bodies, not mentions (the body itself is an actor).
                continue
            nxt = next_word(tok)
            if lemma in self.lx.not_after and nxt is not None and nxt.lemma_.lower() in self.lx.not_after[lemma]:
                continue
            if low in {"joint", "shared"} and (tok.pos_ in {"ADJ", "VERB"} or tok.dep_ == "amod"):
                head = tok.head if tok.dep_ in {"amod", "compound"} and tok.head.i > tok.i else next_noun(tok)
                if head is not None and (low == "joint" or lemma_of(head) in self.lx.shared_heads):
                    yield head, tok.i, head.i + 1
                continue
            if low == "fire" and tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "cease":
                yield tok, tok.i - 2, tok.i + 1  # "cease-fire", split by the tokenizer
                continue
            if low == "jointly":
                yield tok.head, tok.i, tok.i + 1
                continue
            if low == "together" and tok.dep_ == "advmod" and tok.head.pos_ == "VERB":
                yield tok.head, tok.head.i, tok.i + 1  # "working closely together", "let's do it together"
                continue
            if low in self.lx.backing_words and tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].i in self._actors:
                yield tok, tok.i - 2, tok.i + 1  # "an Iranian-backed militia", "a Qatari-brokered deal"
                continue
            if lemma == "peace" and tok.pos_ == "NOUN" and (
                    lemma_of(tok.head) in self.lx.peace_verbs and tok.dep_ in {"dobj", "obj"} or self._partner_actors(tok)):
                yield tok, modifier_start(tok), tok.i + 1  # "make peace with the revolution"
                continue
            if lemma in {"exchange", "contact"} or low in {"exchanges", "contacts"}:
                if tok.pos_ in {"NOUN", "PROPN"} and self._qualified_exchange(tok):
                    yield tok, modifier_start(tok), tok.i + 1
                continue
            if lemma in {"aid", "assistance", "relief", "sharing", "trade"}:
                qualified = (any(c.dep_ in {"amod", "compound"} for c in tok.children) or lemma == "sharing"
                             or self._partner_actors(tok)
                             or tok.dep_ == "compound" and lemma_of(tok.head) in self.lx.aid_heads)  # "the aid package"
                if lemma == "trade":
                    qualified = any(c.dep_ == "prep" and c.lower_ in {"with", "between"} for c in tok.children) or (
                        any(c.dep_ in {"amod", "compound"} and (c.lower_ in {"bilateral", "two-way", "mutual", "free"}
                                                                or c.lower_.startswith("intra-")) for c in tok.children))
                if tok.pos_ in {"NOUN", "PROPN"} and qualified:
                    yield tok, modifier_start(tok), tok.i + 1
                continue
            if lemma == "diplomacy" and not (tok.is_title and tok.pos_ == "PROPN"):
                mods = [c for c in tok.children if c.dep_ in {"amod", "compound"} and c.lower_ in self.lx.diplomacy_mods]
                if mods:
                    yield tok, min(c.i for c in mods), tok.i + 1
                continue
            if lemma == "deal" and (tok.pos_ != "NOUN" or any(c.lower_ in {"great", "good"} for c in tok.children)):
                continue
            if tok.pos_ in {"NOUN", "PROPN"} and (lemma in self.lx.agreement_nouns or low in self.lx.agreement_nouns) and tok.dep_ != "compound":
                if lemma != "declaration" or any(c.lower_ in {"joint", "of"} for c in tok.children):
                    yield tok, modifier_start(tok), tok.i + 1
                continue
            if lemma in {"support", "backing", "help"} and tok.pos_ == "NOUN":
                # "built with World Bank support", "Chinese backing": support named by an actor.
                if any(c.dep_ in {"poss", "compound", "amod"} and any(t.i in self._actors for t in c.subtree)
                       for c in tok.children) or self._partner_actors(tok):
                    yield tok, modifier_start(tok), tok.i + 1  # "... support for the Ukrainian people"
                continue
            if lemma in self.lx.relation_nouns or low in self.lx.relation_nouns:
                # "diplomatic ties", "normalised relations": relations made, kept or broken
                # (not "relations have soured", nor "international relations" as a field).
                if tok.pos_ == "NOUN" and (any(c.lower_ in self.lx.relation_modifiers for c in tok.children)
                                           or lemma_of(tok.head) in self.lx.relation_verbs
                                           and self._linked_actors(tok.head) + self._linked_actors(tok) >= 2
                                           or tok.dep_ == "pobj" and lemma_of(tok.head.head) in {"normalization", "normalisation",
                                                                                                 "restoration", "establishment"}):
                    yield tok, modifier_start(tok), tok.i + 1
                continue
            if lemma in self.lx.qualified_nouns and tok.pos_ == "NOUN":
                # "a negotiated settlement", "China's 12-point proposal", "a proposal for talks",
                # "the negotiating table": words that name cooperation only so qualified.
                wanted = self.lx.qualified_nouns[lemma]
                if any(c.dep_ in {"amod", "compound", "nmod"} and (lemma_of(c) in wanted or c.lower_.endswith("-point"))
                       or c.dep_ == "prep" and c.lower_ in {"for", "on"} and any(
                           lemma_of(o) in self.lx.qualified_for for o in c.children if o.dep_ == "pobj")
                       for c in tok.children):
                    yield tok, modifier_start(tok), tok.i + 1
                continue
            if tok.pos_ == "NOUN" and (lemma in self.lx.transfer_nouns or low in self.lx.transfer_nouns) \
                    and lemma not in self.lx.nouns and self._partner_actors(tok):
                yield tok, modifier_start(tok), tok.i + 1  # "the largest loans to the Russian Government"
                continue
            if tok.pos_ == "NOUN" and (lemma in self.lx.interaction_nouns or low in self.lx.interaction_nouns) \
                    and lemma not in self.lx.nouns and self._linked_actors(tok) >= 2:
                # "Prime Minister Netanyahu's visit to Australia", "recognition of the Soviet
                # Union by Washington", "our commitment to Israel's security": contacts and
                # commitments between two named actors.
                yield tok, modifier_start(tok), tok.i + 1
                continue
            if tok.pos_ == "VERB" and lemma in self.lx.interaction_verbs and self._linked_actors(tok) >= 2:
                # "Biden spoke with Prime Minister Lapid", "Washington recognized Beijing".
                end = max([c.i for c in tok.children if c.dep_ in {"dobj", "obj", "prep"} and c.i > tok.i] or [tok.i]) + 1
                yield tok, tok.i, min(end, tok.i + 3)
                continue
            if lemma == "partner" and (any(c.lower_ in self.lx.partner_not_modifiers for c in tok.children)
                                       or any(c.dep_ == "prep" and c.lower_ == "at" for c in tok.children)):
                continue  # "a senior partner at a law firm"
            if (lemma in self.lx.nouns or low in self.lx.nouns) and tok.pos_ in {"NOUN", "PROPN", "ADJ"}:
                if lemma == "cooperative" and tok.pos_ == "ADJ" and tok.dep_ == "amod":
                    continue
                yield tok, modifier_start(tok), tok.i + 1
                continue
            if lemma in self.lx.verbs and tok.pos_ in {"VERB", "AUX"}:
                yield tok, start, tok.i + 1
                continue
            if tok.pos_ == "VERB":
                objects = [c for c in tok.children if c.dep_ in {"dobj", "obj"}]
                partners = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"with", "alongside"}]
                if lemma in self.lx.with_verbs and partners and lemma not in {"engage", "trade"}:
                    yield tok, tok.i, partners[0].i + 1
                elif lemma == "share" and any(lemma_of(o) in self.lx.share_objects for o in objects):
                    yield tok, tok.i, max(o.i for o in objects) + 1
                elif lemma == "join" and any(lemma_of(o) in self.lx.join_objects for o in objects):
                    yield tok, tok.i, max(o.i for o in objects) + 1
                elif lemma in self.lx.agreement_verbs and any(lemma_of(o) in self.lx.agreement_nouns for o in objects):
                    pass  # the agreement noun itself is the trigger
                elif lemma in self.lx.support_objects and self._supports(tok, lemma, objects) and (
                        lemma not in self.lx.partner_required or self._names_actor(tok)) and not any(
                        self._noun_trigger(o) for o in objects):
                    # (when the object is itself a trigger, "suspended all cooperation",
                    # "normalised relations", "brokered a deal", the noun is the mention and
                    # the verb its cue)
                    end = max([o.i for o in objects if o.i > tok.i] or [tok.i]) + 1
                    yield tok, tok.i, end
                elif lemma in self.lx.study_verbs:
                    objs = [o for o in objects if lemma_of(o) in self.lx.study_nouns or o.lower_ in self.lx.study_nouns]
                    if objs:
                        yield tok, tok.i, objs[0].i + 1
            for phrase in self.lx.phrases:
                if tok.lower_ == phrase[0] and tuple(t.lower_ for t in doc[tok.i:tok.i + len(phrase)]) == phrase:
                    yield tok, tok.i, tok.i + len(phrase)

    def _partner_actors(self, tok: Token) -> bool:
        """True when a partner phrase of ``tok`` ("to Ukraine", "for the Afghan people",
        "with Hanoi") names a linked actor."""
        return any(c.dep_ == "prep" and c.lower_ in self.lx.partner_preps and any(t.i in self._actors for t in c.subtree)
                   for c in tok.children)

    def _linked_actors(self, tok: Token) -> int:
        """How many distinct actors ``tok`` links, the first person ("we", "our") counting
        as the speaker's side.

        For a noun, the actors in its own phrase (possessor, modifiers, partner phrases) and,
        when it is the object of a light verb ("paid a visit to", "offer support to"), that
        verb's subject. For a verb, the actors its subject, objects and partner phrases are
        headed by ("Biden spoke with Lapid", not "recognize the challenges facing Iraq")."""
        ids, first_person = set(), False

        def take(tokens) -> None:
            nonlocal first_person
            for t in tokens:
                if t.i in self._actors:
                    ids.add(self._actors[t.i])
                elif t.lower_ in {"we", "our", "us", "i", "my"}:
                    first_person = True
                    nxt = t.nbor(1) if t.i + 1 < len(t.doc) else None
                    if nxt is not None and nxt.lower_ in {"two", "both"}:
                        ids.add("our-two")  # "our two countries": both sides at once
                        ids.add("our-other")

        def heads(phrase: Token) -> list[Token]:
            head = phrase if phrase.dep_ != "prep" else next((c for c in phrase.children if c.dep_ == "pobj"), None)
            if head is None:
                return []
            return [head, *head.conjuncts, *(c for c in head.children if c.dep_ in {"compound", "poss"})]

        if tok.pos_ in {"VERB", "AUX"}:
            for c in tok.children:
                if c.dep_ in {"nsubj", "nsubjpass", "agent", "dobj", "obj", "dative"} or (
                        c.dep_ == "prep" and c.lower_ in self.lx.partner_preps):
                    take(heads(c) if c.dep_ != "agent" else [t for p in c.children for t in heads(p)])
            return len(ids) + first_person
        for c in tok.children:
            if c.dep_ in {"poss", "compound", "amod", "nmod"} or c.dep_ == "prep" and c.lower_ in self.lx.partner_preps:
                take(c.subtree)
        if tok.dep_ in {"dobj", "obj"} and tok.head.lemma_.lower() in LIGHT_VERBS:
            for c in tok.head.children:
                if c.dep_ in {"nsubj", "nsubjpass"}:
                    take(heads(c))
        return len(ids) + first_person

    def _noun_trigger(self, noun: Token) -> bool:
        """True when ``noun`` is a trigger in its own right."""
        words = {lemma_of(noun), noun.lower_}
        return bool(words & (self.lx.nouns | self.lx.relation_nouns | self.lx.agreement_nouns | set(self.lx.qualified_nouns)))

    def _names_actor(self, verb: Token) -> bool:
        """True when the verb's subject, object or partner phrase names a linked actor: "the
        EU funds the programme" is cooperation, "farmers finance their harvests" is not."""
        for c in verb.children:
            if c.dep_ in {"nsubj", "nsubjpass", "dobj", "dative", "agent"} or (
                    c.dep_ == "prep" and c.lower_ in {"to", "with", "from", "for", "by", "between"}):
                if any(t.i in self._actors for t in c.subtree):
                    return True
        return False

    def _supports(self, verb: Token, lemma: str, objects: list[Token]) -> bool:
        """Funding, training, supplying, hosting, cutting ties: cooperation verbs that need
        the right object ("restore ties", "host the talks") or, with an open list, any
        object or a partner ("fund the programme", "exported food to Venezuela")."""
        wanted = self.lx.support_objects[lemma]
        if wanted:
            # "providing Russia with missiles": the thing given is in the "with" phrase
            objects = [*objects, *(p for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                                   for p in c.children if p.dep_ == "pobj")]
            words = {lemma_of(o) for o in objects} | {o.lower_ for o in objects}
            words |= {lemma_of(c) for o in objects for c in o.children if c.dep_ in {"compound", "amod"}}
            return bool(words & wanted)
        if lemma == "agree":
            return not any(c.dep_ == "ccomp" for c in verb.children) and any(
                c.dep_ in {"dobj", "xcomp", "prep"} for c in verb.children)
        partners = any(c.dep_ in {"prep", "dative"} and c.lower_ in {"to", "with", "from", "for", "between"} for c in verb.children)
        return bool(objects) or partners or verb.dep_ in {"acl", "amod"}

    def _qualified_exchange(self, tok: Token) -> bool:
        """Exchanges and contacts count when a domain or a partner qualifies them."""
        if tok.lower_ == "exchanges":
            return True  # the plural is the programme sense; "exchanges of fire" is filtered earlier
        if tok.dep_ in {"compound", "amod"} and lemma_of(tok.head) in self.lx.exchange_heads | {"programme", "program"}:
            return True
        group = [tok, *tok.conjuncts]
        for t in group:
            for child in t.children:
                if child.dep_ in {"amod", "compound", "nmod"} and (child.lower_ in self.lx.exchange_mods or lemma_of(child) in self.lx.exchange_mods):
                    return True
                if child.dep_ == "prep" and child.lower_ in {"between", "with", "among"}:
                    return tok.lower_.startswith("exchange") and any(c.dep_ == "pobj" for c in child.children)
        return False
