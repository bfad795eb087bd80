"""Cooperation triggers: the words that name cooperation in a sentence, found by lemma and
parse pattern (nominal: "scientific cooperation", "a joint exhibition", "educational
exchanges", "science diplomacy"; verbal: "cooperate", "work together", "jointly published",
"signed an agreement on")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.strings import hash_string
from spacy.tokens import Span, Token

from ...knowledge import fold, load_knowledge_base
from .lexicon import Lexicon
from .participants import type_and_country
from .tokens import lemma_of, modifier_start, next_noun, next_word


#: Verbs whose object noun names the act: "paid a visit to", "offered support to".
#: Heads after which "aid" names who gives it ("aid agencies", "aid workers").
#: Verbs of students studying abroad ("Pakistani students are studying in China").
_STUDY_ABROAD_VERBS = frozenset({"study", "enrol", "enroll", "train"})
_AID_PEOPLE = {"agency", "worker", "group", "organization", "organisation", "official", "charity", "ngo", "staff",
               "community", "sector", "expert", "volunteer"}
LIGHT_VERBS = {"have", "hold", "make", "pay", "conduct", "offer", "extend", "give", "provide", "seek", "pledge",
               "receive", "host", "deliver", "announce", "sign", "begin", "start", "open", "continue", "launch", "agree"}


#: Verbs whose object is a meeting held, paid or attended ("held a meeting with", "paid a visit to").
_MEETING_VERBS = LIGHT_VERBS | {"attend", "convene", "chair"}

#: Nouns for people in office whose state a modifier names ("Israeli officials").
_OFFICE_NOUNS = {"official", "counterpart", "delegation", "leader", "government", "minister", "diplomat", "envoy",
                 "authority", "representative", "negotiator", "ambassador", "president", "officer", "leadership",
                 "premier", "secretary", "chancellor", "king", "prince", "commander", "general", "admiral", "troops",
                 "force", "military", "navy", "army", "team", "scientist", "researcher", "student", "national",
                 "expert", "engineer", "mission", "company", "firm", "commissioner", "spokesperson", "spokesman",
                 "spokeswoman", "chair", "chairman", "emissary", "representative", "adviser", "advisor", "governor", "chief", "head", "staff"}

#: Verbs that hold, resume or break off a dialogue as their object.
_HOLDING_VERBS = {"hold", "resume", "begin", "start", "open", "continue", "reopen", "conduct", "pursue", "break", "suspend",
                  "end", "halt"}


def _state_pair(tok: Token) -> bool:
    """A hyphenated pair of state names or adjectives ("Sino-American", "U.S.-China")."""
    parts = [p for p in tok.text.split("-") if p]
    return len(parts) == 2 and all(p[:1].isupper() for p in parts)


#: People in need, as opposed to states or governments asking for help.
_NEEDY = {"people", "person", "individual", "civilian", "child", "family", "refugee", "resident", "survivor", "victim",
          "household", "citizen", "woman", "man", "patient", "migrant", "population"}


def _needed_by_people(noun: Token) -> bool:
    """True for aid that people need ("people requiring humanitarian assistance",
    "individuals in need of emergency assistance"), not aid a state gives or asks for."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() == "need":
        return True  # "in need of assistance"
    if noun.dep_ in {"dobj", "obj"} and head.lemma_.lower() in {"need", "require"}:
        who = head.head if head.dep_ in {"acl", "relcl"} else next((c for c in head.children if c.dep_ == "nsubj"), None)
        return who is not None and who.lemma_.lower() in _NEEDY
    return False


def inherited_subject(verb: Token) -> Token | None:
    """The subject a verb without its own shares with the verb it depends on: "the United
    States wanted to improve relations", "refused to recognize or establish relations",
    "countries that supported Israel" (the noun a relative clause describes), "the two
    countries have been able to forge a relationship"."""
    for _ in range(3):
        if any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
            return None
        if verb.dep_ == "relcl" and not any(c.dep_ in {"dobj", "obj"} and c.tag_ in {"WDT", "WP"} for c in verb.children):
            return verb.head
        if verb.dep_ not in {"xcomp", "conj", "advcl"} or verb.head.i == verb.i:
            return None
        verb = verb.head
        if verb.dep_ == "acomp" and verb.pos_ == "ADJ":
            verb = verb.head  # "have been able to forge": the subject is the copula's
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            return subject
    return None


def _passive_subjects(verb: Token) -> list[Token]:
    """The subject of a passive verb, which is what it acts on: "the Legation was
    established in Beijing"."""
    if not any(c.dep_ == "auxpass" for c in verb.children):
        return []
    return [c for c in verb.children if c.dep_ == "nsubjpass"]


#: Trade flows whose "from" names the other side even as a place ("imports from Japan").
_TRADE_FLOWS = {"import", "imports", "export", "exports"}
#: Words that restrict a trade flow: what they govern is a sanction, not cooperation.
_RESTRICTIONS = {"ban", "restriction", "restrict", "control", "embargo", "prohibit", "prohibition", "tariff", "curb",
                 "limit", "sanction", "cap", "block"}
#: Verbs of talking something over that count only with a named partner.
_RAISED_WITH = {"discuss", "raise"}
#: Verbs that offer what they name to someone.
_OFFER_VERBS = {"pledge", "offer", "promise"}
#: Where troops sent go that is no state receiving them.
_NOT_DESTINATIONS = {"border", "borders", "front", "frontline", "frontier", "line", "region", "area", "zone"}
#: Bodies of two states named as a pair ("both armies", "both foreign ministries").
_PAIR_BODIES = {"army", "ministry", "military", "navy", "guard", "agency", "parliament", "administration"}
#: Words that count the sides of a pair or group.
_PAIR_COUNTS = {"both", "two", "three", "four", "five"}
#: Auxiliaries of a clause that states a plan rather than a view.
_PLAN_MODALS = {"would", "will", "should", "shall", "could", "can", "to"}
#: Plural nouns that name the two sides of a pair ("the two governments", "both sides").
_PAIR_NOUNS = {"government", "country", "nation", "state", "side", "leader", "party", "minister", "capital", "delegation"}


class TriggerFinder:
    """Yield ``(head token, first token, end token)`` for each trigger in a sentence."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lx = lx = lexicon
        self._actors: dict[int, str] = {}
        self._recipients: dict[int, str] = {}
        self._place_countries: dict[int, str] = {}
        # Every word that can start a trigger: the component looks at these tokens only,
        # comparing the hashes spaCy stores for lemma and lower-case form.
        self.hashes = {hash_string(w) for w in (
            lx.nouns | lx.verbs | lx.agreement_nouns | set(lx.not_after) | set(lx.support_objects)
            | lx.study_verbs | {p[0] for p in lx.phrases} | lx.agreement_verbs
            | {"joint", "shared", "jointly", "exchange", "exchanges", "contact", "contacts", "aid", "assistance",
               "relief", "sharing", "trade", "diplomacy", "deal", "partner", "support", "backing", "help",
               "share", "join", "co", "together", "peace", "fire", "bilateral", "trilateral"} | lx.with_verbs | lx.relation_nouns | set(lx.qualified_nouns)
            | lx.interaction_verbs | lx.interaction_nouns | lx.transfer_nouns | lx.backing_words
            | lx.ally_nouns | lx.support_verbs | lx.dialogue_nouns | lx.founding_nouns | {"tour", "visit"} | _STUDY_ABROAD_VERBS
            | lx.meeting_verbs | lx.meeting_nouns | lx.contact_nouns | lx.posting_verbs
            | lx.leave_verbs | lx.leave_nouns
        )}

    def find(self, sent: Span, candidates: set[int], actors: dict[int, str],
             recipients: dict[int, str] | None = None,
             place_countries: dict[int, str] | None = None) -> Iterator[tuple[Token, int, int]]:
        """The triggers among the ``candidates`` token indices of ``sent``; ``actors`` maps the
        tokens of linked actor mentions to their entity ids, ``recipients`` those of states
        the linker took for places, which name the receiving side in a "to" phrase, and
        ``place_countries`` those of every place with one country to its country."""
        self._actors = actors
        self._recipients = recipients or {}
        self._place_countries = place_countries or {}
        yield from self._triggers(sent, candidates)

    def _triggers(self, sent, candidates: set[int]):
        doc = sent.doc
        for i in sorted(c for c in candidates if sent.start <= c < sent.end):
            tok = doc[i]
            lemma = lemma_of(tok)
            low = tok.lower_
            start = tok.i - 2 if lemma.startswith("co-") else tok.i
            if (tok.ent_type_ in {"ORG", "FAC", "WORK_OF_ART"} or self._actors.get(tok.i, "").startswith("org:")) \
                    and lemma not in self.lx.agreement_nouns and lemma not in self.lx.named_bodies:
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
            if self._meets(tok, lemma):
                # "Biden met with Xi", "Nixon visited China", "Prime Minister Netanyahu's
                # visit to Australia": contact between two states' governments
                prep = next((c for c in tok.children if c.dep_ == "prep" and c.i == tok.i + 1 and c.lower_ in {"with", "to"}), None)
                yield tok, (modifier_start(tok) if tok.pos_ == "NOUN" else tok.i), tok.i + 1 + (prep is not None)
                continue
            if tok.pos_ == "VERB" and lemma in self.lx.posting_verbs and self._posts(tok):
                # "dispatched consuls to Guangzhou", "sent Bill Burns to Taipei", "is recalling
                # our High Commissioner from New Delhi": envoys posted to another state
                yield tok, tok.i, tok.i + 1
                continue
            if (lemma in {"exchange", "contact"} or low in {"exchanges", "contacts"}) and tok.pos_ != "VERB":
                if tok.pos_ in {"NOUN", "PROPN"} and self._qualified_exchange(tok):
                    yield tok, modifier_start(tok), tok.i + 1
                continue  # (the verb is read below: "the two countries have not exchanged ambassadors")
            if lemma == "aid" and any(c.lower_ in {"first", "hearing", "visual", "teaching"} for c in tok.children):
                continue  # "first aid", "a hearing aid": not aid between states
            if lemma in {"aid", "relief"} and tok.dep_ == "compound" and lemma_of(tok.head) in _AID_PEOPLE:
                continue  # "aid agencies said", "relief workers": who gives aid, not aid given
            if lemma in {"aid", "assistance", "relief"} and _needed_by_people(tok):
                continue  # "5 million people requiring humanitarian assistance": a need, not aid given
            if lemma in {"aid", "assistance", "relief", "sharing", "trade"}:
                qualified = (any(c.dep_ in {"amod", "compound"} for c in tok.children) or lemma == "sharing"
                             or self._partner_actors(tok) or self._linked_actors(tok) >= 1 or self._asked_of_actor(tok)
                             or tok.dep_ == "compound" and lemma_of(tok.head) in self.lx.aid_heads  # "the aid package"
                             # "sent aid and advisers to Albania": given by or to a named side
                             or tok.dep_ in {"dobj", "obj"} and tok.head.pos_ in {"VERB", "AUX"} and self._names_actor(tok.head))
                if lemma == "trade":
                    qualified = any(c.dep_ == "prep" and c.lower_ in {"with", "between"} for c in tok.children) or (
                        any(c.dep_ in {"amod", "compound"} and (c.lower_ in {"bilateral", "two-way", "mutual", "free"}
                                                                or c.lower_.startswith("intra-")) for c in tok.children))
                    qualified = qualified or any(c.dep_ in {"amod", "compound"} and (c.i in self._actors or _state_pair(c))
                                                 for c in tok.children)  # "U.S.-China trade", "Sino-American trade"
                if tok.pos_ in {"NOUN", "PROPN"} and qualified:
                    yield tok, modifier_start(tok), tok.i + 1
                continue
            if lemma in self.lx.leave_verbs | self.lx.leave_nouns and tok.pos_ in {"VERB", "NOUN"} and (
                    left := self._left(tok)) is not None:
                # "announced its withdrawal from the Barents Euro-Arctic Council", "withdrew from
                # the treaty": membership or a pact ended (negated)
                yield tok, (modifier_start(tok) if tok.pos_ == "NOUN" else tok.i), left.i + 1
                continue
            if lemma in self.lx.founding_nouns:
                if tok.pos_ == "NOUN" and any(self._igo(t) for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                                              for t in c.subtree):
                    yield tok, modifier_start(tok), tok.i + 1  # "the creation of the International Energy Agency"
                continue
            if lemma == "entente" and tok.text[:1].isupper() and (nxt is None or nxt.lower_ != "cordiale"):
                continue  # "the Entente": the wartime bloc as an actor, not a mention
            if lemma == "diplomacy" and not (tok.is_title and tok.pos_ == "PROPN"):
                mods = [c for c in tok.children if c.dep_ in {"amod", "compound"} and c.lower_ in self.lx.diplomacy_mods]
                if mods:
                    yield tok, min(c.i for c in mods), tok.i + 1
                continue
            if lemma == "deal" and (tok.pos_ != "NOUN" or any(c.lower_ in {"great", "good"} for c in tok.children)):
                continue
            if lemma in {"agreement", "understanding"} and (
                    any(c.dep_ == "poss" and c.lower_ in {"my", "your", "his", "her", "our", "their"} for c in tok.children)
                    or tok.dep_ == "pobj" and tok.head.lower_ == "in" and not any(c.dep_ == "det" for c in tok.children)):
                continue  # "it is my understanding that", "we are in agreement": a view shared, not a pact
            if (tok.dep_ == "pobj" and tok.head.lower_ == "of" and lemma in self.lx.agreement_nouns
                    and lemma_of(tok.head.head) in self.lx.agreement_nouns):
                continue  # the "understanding" of "a memorandum of understanding": one pact, one mention
            if tok.pos_ in {"NOUN", "PROPN"} and (lemma in self.lx.agreement_nouns or low in self.lx.agreement_nouns) and tok.dep_ != "compound":
                if lemma != "declaration" or any(c.lower_ == "joint" for c in tok.children) or (
                        tok.dep_ in {"dobj", "obj", "nsubjpass"} and lemma_of(tok.head) in self.lx.agreement_verbs) or any(
                        lemma_of(o) in self.lx.declaration_of for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                        for o in c.children if o.dep_ == "pobj"):
                    # a joint declaration, a declaration of principles, a declaration signed; not
                    # "the declaration of policy"
                    yield tok, modifier_start(tok), tok.i + 1
                continue
            if lemma in {"support", "backing", "help"} and tok.pos_ == "NOUN":
                # "built with World Bank support", "Chinese backing": support named by an actor.
                if any(c.dep_ in {"poss", "compound", "amod"} and any(t.i in self._actors for t in c.subtree)
                       for c in tok.children) or self._partner_actors(tok) or (
                        tok.dep_ in {"dobj", "obj"} and lemma_of(tok.head) in LIGHT_VERBS and self._linked_actors(tok) >= 1) \
                        or self._asked_of_actor(tok):
                    yield tok, modifier_start(tok), tok.i + 1  # "... support for the Ukrainian people", "we gave support"
                continue
            if low == "relation" and tok.head.lower_ in {"in", "with"}:
                continue  # "in relation to a plot"
            if lemma in self.lx.relation_nouns or low in self.lx.relation_nouns:
                # "diplomatic ties", "normalised relations": relations made, kept or broken
                # (not "relations have soured", nor "international relations" as a field).
                if tok.pos_ == "NOUN" and (any(c.lower_ in self.lx.relation_modifiers for c in tok.children)
                                           or any(c.dep_ == "prep" and c.lower_ == "between" for c in tok.children)
                                           and self._linked_actors(tok) >= 2
                                           or lemma_of(tok.head) in self.lx.relation_verbs
                                           and self._linked_actors(tok.head) + self._linked_actors(tok)
                                           >= (1 if lemma_of(tok.head) in self.lx.strong_relation_verbs else 2)
                                           or tok.dep_ == "pobj" and lemma_of(tok.head.head) in self.lx.relation_changes
                                           and self._linked_actors(tok) + self._linked_actors(tok.head.head) >= 1):
                    yield tok, modifier_start(tok), tok.i + 1
                continue
            if lemma in {"tour", "visit"} and tok.pos_ == "NOUN" and self._sport_tour(tok):
                yield tok, modifier_start(tok), tok.i + 1  # "the Australian cricket team's tour to Zimbabwe"
                continue
            if lemma in self.lx.qualified_nouns and tok.pos_ == "NOUN":
                # "a negotiated settlement", "China's 12-point proposal", "a proposal for talks",
                # "the negotiating table": words that name cooperation only so qualified.
                wanted = self.lx.qualified_nouns[lemma]
                if any(c.dep_ in {"amod", "compound", "nmod"} and (lemma_of(c) in wanted or c.lower_ in wanted
                                                                   or c.lower_.endswith("-point"))
                       or c.dep_ == "prep" and c.lower_ in {"for", "on"} and any(
                           lemma_of(o) in self.lx.qualified_for for o in c.children if o.dep_ == "pobj")
                       for c in tok.children):
                    yield tok, modifier_start(tok), tok.i + 1
                    continue
                if lemma not in self.lx.interaction_nouns:
                    continue
                # (an initiative no word qualifies is still one when two sides take it:
                # "Prime Minister Netanyahu and I agreed initiatives")
            if low in _TRADE_FLOWS and (lemma_of(tok.head) in _RESTRICTIONS or tok.head.dep_ == "prep"
                                        and lemma_of(tok.head.head) in _RESTRICTIONS):
                continue  # "banned imports of Taiwanese citrus", "the Chinese ban on imports of Japanese seafood": a sanction
            if tok.pos_ == "NOUN" and (lemma in self.lx.transfer_nouns or low in self.lx.transfer_nouns) \
                    and lemma not in self.lx.nouns and self._partner_actors(tok) and not self._from_people(tok):
                yield tok, modifier_start(tok), tok.i + 1  # "the largest loans to the Russian Government"
                continue
            if low in {"bilateral", "trilateral"}:
                head = tok.head
                if tok.dep_ == "amod" and head.pos_ == "NOUN" and lemma_of(head) not in {
                        "sanction", "tension", "dispute", "conflict", "deficit", "surplus", "grievance"}:
                    yield head, tok.i, head.i + 1  # "bilateral contracts", "regular bilateral consultations"
                continue
            if tok.pos_ in {"NOUN", "PROPN"} and (lemma in self.lx.ally_nouns or low in self.lx.ally_nouns):
                if lemma == "coalition" and (
                        lemma_of(tok.head) in {"government", "partner", "talks", "agreement", "deal", "negotiation"}
                        and tok.dep_ == "compound" or any(c.lower_ in {"ruling", "governing", "opposition", "grand"} for c in tok.children)):
                    continue  # a coalition government is domestic politics
                if self._linked_actors(tok) >= 1 or self._partner_actors(tok) or lemma == "coalition" and self._of_states(tok):
                    yield tok, modifier_start(tok), tok.i + 1  # "a true ally of the U.S.", "our allies"
                continue
            if tok.pos_ == "NOUN" and (lemma in self.lx.dialogue_nouns or low in self.lx.dialogue_nouns):
                if any(c.dep_ == "amod" and c.lower_ in self.lx.dialogue_mods for c in tok.children) or any(
                        c.dep_ == "prep" and c.lower_ in {"with", "between", "among", "toward", "towards"}
                        and any(t.i in self._actors for t in c.subtree) for c in tok.children) or (
                        # "Tehran was ready to resume discussions": held by a named side
                        tok.dep_ in {"dobj", "obj"} and lemma_of(tok.head) in _HOLDING_VERBS and self._sides_of(
                            [c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}]
                            + [s for s in [inherited_subject(tok.head)] if s is not None])):
                    yield tok, modifier_start(tok), tok.i + 1  # "discussions with the United States"
                continue
            if lemma == "recognition" and tok.pos_ == "NOUN" and self._recognition(tok):
                yield tok, modifier_start(tok), tok.i + 1  # "withheld recognition of the new government"
                continue
            if tok.pos_ == "NOUN" and (lemma in self.lx.interaction_nouns or low in self.lx.interaction_nouns) \
                    and lemma not in self.lx.nouns and self._linked_actors(tok) >= 2:
                # "Prime Minister Netanyahu's visit to Australia", "recognition of the Soviet
                # Union by Washington", "our commitment to Israel's security": contacts and
                # commitments between two named actors.
                yield tok, modifier_start(tok), tok.i + 1
                continue
            if tok.pos_ == "VERB" and lemma in self.lx.interaction_verbs and (self._linked_actors(tok) >= 2 or (
                    self._linked_actors(tok) >= 1 and any(lemma_of(o) in self.lx.recognised_objects or o.i in self._actors
                                                          for o in self._acted_on(tok)))):
                # "Washington recognized Beijing", "a government recognized only by Turkey".
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
            if tok.pos_ == "VERB" and lemma in self.lx.support_verbs and self._backs_actor(tok):
                # "supported the United States", "continue to support you", "stood by Israel"
                end = max([c.i for c in tok.children if c.dep_ in {"dobj", "obj", "prep"} and c.i > tok.i] or [tok.i]) + 1
                yield tok, tok.i, min(end, tok.i + 4)
                continue
            if tok.pos_ == "VERB":
                objects = [c for c in tok.children if c.dep_ in {"dobj", "obj"}]
                if lemma == "exchange" and any(lemma_of(t) in self.lx.hostile_exchanges for o in objects
                                               for t in (o, *o.children) if t.dep_ in {"dobj", "obj", "compound", "conj"}):
                    continue  # "exchanged fire near the border", "exchange drone strikes": fighting
                partners = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"with", "alongside"}]
                if lemma in _RAISED_WITH:
                    # the parser hangs the partner on the object or the means: "raised the ban with
                    # Premier Li Qiang", "discussed the situation by telephone with ..."
                    held = objects + [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "by" for o in c.children]
                    partners = partners + [c for o in held for c in o.children if c.dep_ == "prep" and c.lower_ == "with"]
                named_partner = any(t.i in self._actors for p in partners for t in p.subtree)
                if lemma in self.lx.with_verbs and partners and lemma not in {"engage", "trade"} and not (
                        lemma == "share" and objects and not any(lemma_of(o) in self.lx.share_objects or o.lower_ in self.lx.share_objects
                                                                 for o in objects)
                        and not named_partner) and (lemma not in _RAISED_WITH or named_partner):
                    # ("discussed the situation with Lithuanian Foreign Minister Landsbergis": only
                    # with a named actor; "discussed it with his family" is no cooperation)
                    # ("share data with", "share beam time with colleagues from Israel", not
                    # "share the news with their families")
                    yield tok, tok.i, (tok.i + 1 if lemma in _RAISED_WITH else partners[0].i + 1)
                elif lemma == "share" and any(lemma_of(o) in self.lx.share_objects for o in objects):
                    yield tok, tok.i, max(o.i for o in objects) + 1
                elif lemma in {"join", "accede"} and (any(lemma_of(o) in self.lx.join_objects or self._igo(o) for o in objects) or any(
                        c.dep_ == "prep" and c.lower_ == "to" and any(self._igo(o) for o in c.children) for c in tok.children)):
                    yield tok, tok.i, max(o.i for o in objects) + 1
                elif lemma in self.lx.agreement_verbs and any(lemma_of(o) in self.lx.agreement_nouns for o in objects):
                    pass  # the agreement noun itself is the trigger
                elif lemma in self.lx.support_objects and self._supports(tok, lemma, acted_on := objects + _passive_subjects(tok)) and (
                        lemma not in self.lx.partner_required or self._names_actor(tok) or self._joint_subject(tok)) and not any(
                        self._noun_trigger(o) for o in acted_on):
                    # (when the object is itself a trigger, "suspended all cooperation",
                    # "normalised relations", "brokered a deal", the noun is the mention and
                    # the verb its cue)
                    end = max([o.i for o in objects if o.i > tok.i] or [tok.i]) + 1
                    yield tok, tok.i, end
                elif lemma in self.lx.study_verbs:
                    objs = [o for o in objects if lemma_of(o) in self.lx.study_nouns or o.lower_ in self.lx.study_nouns]
                    if objs:
                        yield tok, tok.i, objs[0].i + 1
                elif lemma in _STUDY_ABROAD_VERBS and self._studies_abroad(tok):
                    yield tok, tok.i, tok.i + 1
            for phrase in self.lx.phrases:
                if tok.lower_ == phrase[0] and tuple(t.lower_ for t in doc[tok.i:tok.i + len(phrase)]) == phrase:
                    yield tok, tok.i, tok.i + len(phrase)

    def _studies_abroad(self, verb: Token) -> bool:
        """True when students of one state study, enrol or train in another: "More than
        28,000 Pakistani students are currently studying in China", "Some 2,000 students from
        Kazakhstan are enrolled in Germany"."""
        students = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}
                    and (lemma_of(c) in self.lx.study_nouns or c.lower_ in self.lx.study_nouns)]
        if not students:
            return False
        def countries(tokens) -> set[str]:
            out = set()
            for t in tokens:
                eid = self._actors.get(t.i) or self._recipients.get(t.i)
                country = type_and_country(eid)[1] if eid else self._place_countries.get(t.i, "")
                if country and ";" not in country:
                    out.add(country)
            return out
        home = countries(t for s in students for t in s.subtree)
        there = countries(t for c in verb.children if c.dep_ == "prep" and c.lower_ in {"in", "at"} for t in c.subtree)
        return bool(home) and bool(there - home)

    def _partner_actors(self, tok: Token) -> bool:
        """True when a partner phrase of ``tok`` ("to Ukraine", "for the Afghan people",
        "with Hanoi") names a linked actor."""
        phrases = [c for c in tok.children if c.dep_ == "prep"]
        # "the aid provided to the Palestinian Authority", "the support we offer to the
        # Palestinian people": the phrase of a participle or a relative clause
        phrases += [p for c in tok.children if c.dep_ in {"acl", "relcl"} for p in c.children if p.dep_ in {"prep", "agent", "dative"}]
        # "imports of aquatic products from Japan": the partner of what the noun carries
        phrases += [p for c in tok.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"
                    for p in o.children if p.dep_ == "prep" and p.lower_ in {"from", "to"}]
        invested = lemma_of(tok) == "investment"  # "investments in Pakistan's resources sector"
        if tok.dep_ in {"dobj", "obj"} and tok.head.pos_ == "VERB" and lemma_of(tok.head) not in self.lx.guard_verbs:
            # "suspend purchases of silver from Mexico", "extended loans to Egypt": the parser
            # often hangs the partner phrase on the verb whose object the noun is (but
            # "protect oil supplies from Soviet power" guards them against it)
            phrases += [c for c in tok.head.children if c.dep_ == "prep" and c.lower_ in {"from", "to", "with", "for"}]
        return any(c.lower_ in self.lx.partner_preps and any(t.i in self._actors for t in c.subtree)
                   or (c.lower_ == "to" or invested and c.lower_ == "in" or c.lower_ == "from" and lemma_of(tok) in _TRADE_FLOWS)
                   and any(t.i in self._recipients or t.i in self._actors for t in c.subtree) for c in phrases)

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
            subject = inherited_subject(tok)
            if subject is not None:
                take(heads(subject))
            return len(ids) + first_person
        for c in tok.children:
            if c.dep_ in {"poss", "compound", "amod", "nmod"} or c.dep_ == "prep" and c.lower_ in self.lx.partner_preps:
                take(c.subtree)
        if tok.dep_ in {"dobj", "obj"} and tok.head.lemma_.lower() in LIGHT_VERBS or tok.dep_ in {"attr", "oprd"}:
            # "paid a visit to", and "Poland is a true ally of the U.S.": the verb's subject
            # is the other side
            subject = next((c for c in tok.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None) \
                or inherited_subject(tok.head)
            if subject is not None:
                take(heads(subject))
        return len(ids) + first_person

    def _meets(self, tok: Token, lemma: str) -> bool:
        """True for a meeting, visit or call that links two sides of different states (see
        ``meeting_verbs`` and ``meeting_nouns`` in the lexicon)."""
        if tok.pos_ == "VERB":
            if lemma not in self.lx.meeting_verbs or any(c.dep_ == "prt" for c in tok.children):
                return False  # "called off", "spoke out"
        elif tok.pos_ == "NOUN" and lemma in self.lx.contact_nouns and tok.dep_ == "pobj" and tok.head.lower_ == "in":
            # "was in close communication with Defense Minister Yoav Gallant of Israel", "the
            # Chairman of the Joint Chiefs has been in touch with the IDF Chief of Staff"
            verb, partners = tok.head.head, [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "with"]
            subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None) or inherited_subject(verb)
            return self._met_by_someone(verb, partners) or len(
                self._sides_of(([subject] if subject is not None else []) + partners, governments_only=True)) >= 2
        elif tok.pos_ != "NOUN" or lemma not in self.lx.meeting_nouns or self._sport_tour(tok):
            return False
        elif lemma in self.lx.held_only_nouns and not (tok.dep_ in {"dobj", "obj"} and lemma_of(tok.head) in _MEETING_VERBS):
            return False  # "the results of the upcoming Trump-Kim meeting": talk about a meeting
        if len(self._sides(tok)) >= 2:
            return True
        if tok.dep_ in {"dobj", "obj"} and lemma_of(tok.head) in _MEETING_VERBS and self._joint_subject(tok.head, pairs_only=True):
            return True  # "the two sides held the ninth meeting of the Mechanism"
        if tok.pos_ != "VERB":
            return self._visit_of_leader(tok)
        partners = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"with", "to"} or c.dep_ in {"dobj", "obj"}]
        # (or two sides named as a pair: "Diplomats from both foreign ministries met")
        # ("Biden and Harris met" is one state's: named sides are for _sides and _met_together)
        return self._met_by_someone(tok, partners) or not partners and (
            self._met_together(tok) or self._joint_subject(tok, pairs_only=True))

    def _visit_of_leader(self, noun: Token) -> bool:
        """True for a visit, trip or call of one state's leader or official whose other side
        the text leaves to the reader ("On the margins of the Japanese Prime Minister's
        visit", "Mikhail Gorbachev's impending state visit", "a call with King Abdullah"),
        not one inside the leader's own state ("Biden's visit to Ohio") nor a meeting that
        is only talked about (``held_only_nouns``)."""
        if lemma_of(noun) in self.lx.held_only_nouns:
            return False
        own = [c for c in noun.children if c.dep_ in {"poss", "compound", "amod", "nmod"}]
        own += [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for o in c.children if o.dep_ == "pobj"]
        partners = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children if o.dep_ == "pobj"]
        sides = self._sides_of(own, governments_only=True) | self._sides_of(partners, governments_only=True)
        if len(sides) != 1 or not any(self._actors.get(t.i, "").startswith(("person:", "state:")) or lemma_of(t) in _OFFICE_NOUNS
                                      for t in own + partners for t in t.subtree):
            return False
        places = [o for c in noun.children if c.dep_ == "prep" and c.lower_ in {"to", "in", "of"} for o in c.children if o.dep_ == "pobj"]
        there = {self._place_country(t) for p in places for t in p.subtree} - {""}
        return not there & sides

    def _place_country(self, tok: Token) -> str:
        """The country of the place or state ``tok`` names, or ``""``."""
        eid = self._recipients.get(tok.i) or self._actors.get(tok.i) or ""
        return type_and_country(eid)[1] if eid else self._place_countries.get(tok.i, "")

    def _met_together(self, verb: Token) -> bool:
        """True when the subjects of a meeting verb with no partner are a state's leader or
        official and someone the text ties to no state: "The Prime Minister and the Prime
        Minister of Iraq Nouri al-Maliki met on 12 March", "President Yoon and I spoke"."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is None or not subject.conjuncts:
            return False
        people = (subject, *subject.conjuncts)
        sides = []
        for person in people:
            # the person's own words, without the conjuncts that hang under it
            others = {t.i for p in people if p is not person and p.i > person.i for t in p.subtree}
            countries = {type_and_country(self._actors[t.i]) for t in person.subtree
                         if t.i in self._actors and t.i not in others and t.dep_ not in {"cc"}}
            sides.append({country for kind, country in countries
                          if kind in {"state", "leader", "official"} and country and ";" not in country})
        untied = [t for t, side in zip(people, sides) if not side]
        return len(set().union(*sides)) == 1 and any(
            t.pos_ == "PROPN" or t.lower_ == "i" or lemma_of(t) in _OFFICE_NOUNS for t in untied)

    def _posts(self, verb: Token) -> bool:
        """True when a posting verb (``posting_verbs`` in the lexicon) sends an envoy, a
        delegation or a named person to, or recalls one from, a state other than the
        sender's: "the United States had dispatched consuls to Guangzhou", "we sent former
        Deputy Secretary Bill Burns to Taipei", "the government is recalling our High
        Commissioner from New Delhi"; not "sent troops to the border" (troops are aid, see
        ``troop_words``) nor "recalled its ambassador to Washington" (home)."""
        objects = [c for c in verb.children if c.dep_ in {"dobj", "obj"}] + _passive_subjects(verb)
        envoys = [t for o in objects for t in (o, *o.conjuncts)
                  if lemma_of(t) in self.lx.envoy_nouns or t.lower_ in self.lx.envoy_nouns
                  or self._actors.get(t.i, "").startswith("person:")]
        if not envoys:
            return False
        phrases = [c for t in (verb, *envoys) for c in t.children if c.dep_ in {"prep", "dative"} and c.lower_ in {"to", "from"}]
        destinations = [o for c in phrases for o in c.children if o.dep_ == "pobj"]
        # a city stands for its state here ("consuls to Guangzhou"), as it does not for support
        there = self._sides_of(destinations) | {self._place_countries[t.i] for o in destinations for t in o.subtree
                                                if t.i in self._place_countries}
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) or inherited_subject(verb)
        home = self._sides_of([subject] if subject is not None else []) | self._sides_of(envoys, governments_only=True)
        return bool(there - home)

    def _met_by_someone(self, verb: Token, partners: list[Token]) -> bool:
        """True when a state's government is met or spoken to by someone the text does not
        tie to a state: "The President spoke with Prime Minister Lapid", "the Secretary was in
        close communication with Defense Minister Gallant", "I spoke to the Prime Minister of
        Fiji" (the speaker's side)."""
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None) or inherited_subject(verb)
        if subject is None or subject.pos_ not in {"PRON", "NOUN", "PROPN"} or subject.lower_ in {"it", "they", "this"}:
            return False
        if self._sides_of([subject]):
            return False  # a named side: the general rule needs two
        return bool(self._sides_of(partners, governments_only=True))

    def _sides(self, tok: Token) -> set[str]:
        """The states (or international bodies) whose actors the phrases of ``tok`` are headed
        by: its subject, object and "with", "to", "by" phrases for a verb; for a noun its
        possessor, modifiers and such phrases, and the subject of the verb that holds it
        ("paid a visit to"). A state named as the place visited counts ("visited China");
        the first person does not (a briefing's "we met the President")."""
        def clause(verb: Token) -> list[Token]:
            phrases = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj", "obj", "dative"}
                       or c.dep_ == "prep" and c.lower_ in {"with", "to", "by"}]
            subject = inherited_subject(verb)
            return phrases + ([subject] if subject is not None else [])

        if tok.pos_ == "VERB":
            return self._sides_of(clause(tok))
        phrases = [c for c in tok.children
                   if c.dep_ in {"poss", "compound", "amod", "nmod"} or c.dep_ == "prep" and c.lower_ in {"with", "to", "by", "of"}]
        if tok.dep_ in {"dobj", "obj"} and lemma_of(tok.head) in _MEETING_VERBS:
            phrases += clause(tok.head)
        return self._sides_of(phrases)

    def _sides_of(self, phrases: list[Token], governments_only: bool = False) -> set[str]:
        """The states (or international bodies) of the actors that head ``phrases`` (a
        phrase's head, its conjuncts and "of" phrases, and their modifiers); with
        ``governments_only`` a state's leaders and officials, and the state as an actor."""
        sides: set[str] = set()
        kb = load_knowledge_base()
        bodies = kb.government_bodies
        for phrase in phrases:
            head = phrase if phrase.dep_ != "prep" else next((c for c in phrase.children if c.dep_ == "pobj"), None)
            if head is None:
                continue
            heads = [head, *head.conjuncts]
            heads += [n for h in list(heads) for c in h.children if c.dep_ == "appos" or c.dep_ == "prep" and c.lower_ == "of"
                      for n in ([c] if c.dep_ == "appos" else [o for o in c.children if o.dep_ == "pobj"])]
            # each head with its modifiers ("Israeli counterparts", "Prime Minister of Fiji"),
            # not the clauses that describe it ("Joe Cirincione, ..., which has circulated ...");
            # a state's modifier only on a name or on people in office ("Israeli officials",
            # not "Haitian intellectuals" or "Chinese tourists")
            tokens = [t for h in heads for t in [h, *(m for c in h.children if c.dep_ in {"compound", "poss", "amod"}
                                                       and (h.i in self._actors or lemma_of(h).lower() in _OFFICE_NOUNS)
                                                       for m in c.subtree)]]
            for t in tokens:
                eid = self._actors.get(t.i) or (None if governments_only else self._recipients.get(t.i))
                if eid and t.tag_ in {"NNS", "NNPS"} and fold(t.text) in kb.demonym_country:
                    continue  # "140,000 Australians visited China": people, not their government
                kind, country = type_and_country(eid) if eid else ("", "")
                if kind in {"state", "leader", "official"} and country and ";" not in country:
                    sides.add(country)
                elif eid in bodies:
                    sides.add(bodies[eid])  # "the IDF", "the Joint Chiefs of Staff"
                elif kind == "igo" and not governments_only:
                    sides.add(eid)
        return sides

    def _of_states(self, coalition: Token) -> bool:
        """True for a coalition that the words around it make one of states: "an international
        coalition", "a U.S.-led coalition", "a coalition of thirty nations"."""
        for c in coalition.children:
            if c.dep_ in {"amod", "compound", "nmod", "nummod"} and (
                    c.lower_ in self.lx.coalition_mods):
                return True
            if c.dep_ == "prep" and c.lower_ == "of" and any(
                    o.dep_ == "pobj" and lemma_of(o) in self.lx.coalition_members for o in c.children):
                return True
        # "U.S.-led" as one token, whatever the parser made of it ("-led" split off is the
        # X-backed rule's)
        prev = coalition.doc[coalition.i - 1] if coalition.i else None
        return prev is not None and prev.lower_.endswith("-led") and prev.text[:1].isupper()

    def _recognition(self, noun: Token) -> bool:
        """Recognition of a state or government by another: two sides named, or one named
        and the other recognised as a state ("recognition of the Soviet Union", "withheld
        recognition of this new provisional government", "diplomatic recognition from
        Washington"); not "recognition of the problem" nor "the need for recognition"."""
        if noun.dep_ == "pobj" and noun.head.lower_ == "in" and not any(c.dep_ in {"amod", "det", "poss"} for c in noun.children):
            return False  # "I rise in recognition of the anniversary": in honour of
        if self._linked_actors(noun) >= 2:
            return True
        recognised = [o for c in noun.children if c.dep_ == "prep" and c.lower_ in {"of", "from", "to", "by"}
                      for o in c.children if o.dep_ == "pobj"]
        if noun.dep_ in {"dobj", "obj"}:  # "withhold recognition from the Soviet Union"
            recognised += [o for c in noun.head.children if c.dep_ == "prep" and c.lower_ in {"from", "to"}
                           for o in c.children if o.dep_ == "pobj"]
        named = any(t.i in self._actors or t.i in self._recipients for o in recognised for t in o.subtree)
        if named:
            return True
        state_word = any(lemma_of(o) in self.lx.recognised_objects for o in recognised)
        if state_word and noun.dep_ in {"dobj", "obj"}:
            subject = next((c for c in noun.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None) \
                or inherited_subject(noun.head)
            return subject is not None and any(t.i in self._actors for t in subject.subtree)
        return False

    @staticmethod
    def _acted_on(verb: Token) -> list[Token]:
        """What a verb acts on: its object, a passive's subject ("Kosovo has been recognized
        by 100 states"), or the noun a passive participle describes ("a government recognized
        only by Turkey")."""
        acted = [c for c in verb.children if c.dep_ in {"dobj", "obj"}] + _passive_subjects(verb)
        if verb.dep_ == "acl" and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children):
            acted.append(verb.head)
        return acted

    def _igo(self, tok: Token) -> bool:
        """True when ``tok`` is part of a mention of an international body ("joined NATO")."""
        entity = load_knowledge_base().entities.get(self._actors.get(tok.i, ""))
        return entity is not None and entity.type == "igo"

    def _asked_of_actor(self, tok: Token) -> bool:
        """True when help is asked of a named actor: "appealed to the United States for
        assistance", "turned to the Soviet Union for support"."""
        if tok.dep_ != "pobj" or tok.head.lower_ != "for" or tok.head.head.pos_ != "VERB":
            return False
        return any(c.dep_ == "prep" and c.lower_ == "to" and any(t.i in self._actors for t in c.subtree)
                   for c in tok.head.head.children)

    def _backs_actor(self, verb: Token) -> bool:
        """True when a supporting verb's object, or for "stand" and "side" its "by" or
        "with" phrase, is an actor or an addressee ("support you", "stood by Israel")."""
        if verb.lemma_.lower() in {"stand", "side"}:
            phrases = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in {"by", "with", "behind"}
                       for p in c.children if p.dep_ == "pobj"]
            # "stood by your side", "stand at Ukraine's side": the side is whose it is
            phrases += [o for c in verb.children if c.dep_ == "prep" and c.lower_ in {"by", "at"}
                        for p in c.children if p.dep_ == "pobj" and p.lower_ == "side"
                        for o in p.children if o.dep_ == "poss"]
        else:
            phrases = [c for c in verb.children if c.dep_ in {"dobj", "obj"}]
            if verb.lemma_.lower() != "defend":  # "defended its invasion of Ukraine" is not
                # "the government of Abdrabbuh Mansur Hadi"
                phrases += [p for o in phrases for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                            for p in c.children if p.dep_ == "pobj"]
        if verb.lemma_.lower() in {"help", "assist", "aid"}:
            # "helping Ethiopia to address the pandemic": the state helped is the subject of
            # the clause that says with what
            phrases += [s for c in verb.children if c.dep_ in {"ccomp", "xcomp"}
                        for s in c.children if s.dep_ in {"nsubj", "nsubjpass"}]
        addressee = verb.lemma_.lower() in {"support", "back", "stand", "side"}
        # "support its shaky Marxist government" after "the Soviet Union invaded Afghanistan":
        # a state's own government, army or people, the state named earlier in the sentence
        if any(lemma_of(p) in self.lx.support_objects.get("support", ()) and any(
                c.dep_ == "poss" and c.lower_ in {"its", "their"} for c in p.children) for p in phrases):
            clause = verb.head if verb.dep_ in {"advcl", "xcomp", "pcomp"} and not any(
                c.dep_ == "nsubj" for c in verb.children) else verb
            subject = {t.i for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"} for t in c.subtree}
            # (a state the linker took for a place counts; the subject's own does not: "Iran's
            # leaders support their army")
            if any(i not in subject and (self._actors.get(i) or self._recipients.get(i) or "").startswith("state:")
                   for i in range(verb.sent.start, verb.i)):
                return True
        # a state the linker took for a place counts too: "support the people of Nicaragua"
        return any(addressee and (p.lower_ in {"you", "us", "your", "our"}
                                  or any(c.dep_ == "poss" and c.lower_ in {"your", "our"} for c in p.children)) or any(
                       t.i in self._actors or t.i in self._recipients for t in (p, *p.conjuncts, *p.children)
                                                    if t.dep_ in {"poss", "compound", "amod", "pobj", "dobj", "conj"} or t is p)
                   for p in phrases)

    def _noun_trigger(self, noun: Token) -> bool:
        """True when ``noun`` is a trigger in its own right ("brokered a deal"), not the last
        word of a name ("brokered the Black Sea Grain Initiative"), which the noun rules
        leave to the verb."""
        words = {lemma_of(noun), noun.lower_}
        if "deal" in words and any(c.lower_ in {"great", "good"} for c in noun.children):
            return False  # "a great deal of aid"
        if (noun.ent_type_ in {"ORG", "FAC", "WORK_OF_ART"} and lemma_of(noun) not in self.lx.agreement_nouns
                and lemma_of(noun) not in self.lx.named_bodies):
            return False  # (as the noun rules skip it)
        if words & {"exchange", "contact", "exchanges", "contacts"}:
            return self._qualified_exchange(noun)  # "hosted indirect contacts between ... officials"
        return bool(words & (self.lx.nouns | self.lx.relation_nouns | self.lx.agreement_nouns | set(self.lx.qualified_nouns)))

    def _names_actor(self, verb: Token) -> bool:
        """True when the verb's subject (its own, or the one it shares with the verb it is
        joined to: "the Africa Corps guards the palace and trains soldiers"), object or
        partner phrase names a linked actor: "the EU funds the programme" is cooperation,
        "farmers finance their harvests" is not."""
        shared = inherited_subject(verb)
        if shared is not None and any(t.i in self._actors for t in shared.subtree):
            return True
        for c in verb.children:
            if c.dep_ in {"nsubj", "nsubjpass", "dobj", "dative", "agent"} or (
                    c.dep_ == "prep" and c.lower_ in {"to", "with", "from", "for", "by", "between"}):
                if any(t.i in self._actors for t in c.subtree):
                    return True
            if c.dep_ in {"prep", "dative"} and c.lower_ == "to" and any(t.i in self._recipients for t in c.subtree):
                return True  # "ship missiles to Russia": the state receives
        return False

    def _supports(self, verb: Token, lemma: str, objects: list[Token]) -> bool:
        """Funding, training, supplying, hosting, cutting ties: cooperation verbs that need
        the right object ("restore ties", "host the talks") or, with an open list, any
        object or a partner ("fund the programme", "exported food to Venezuela")."""
        wanted = self.lx.support_objects[lemma]
        into = lemma not in self.lx.support_verbs and any(c.dep_ == "prep" and c.lower_ in {"into", "against"} for c in verb.children)
        if wanted:
            # "providing Russia with missiles": the thing given is in the "with" phrase
            objects = [*objects, *(p for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                                   for p in c.children if p.dep_ == "pobj")]
            # "a great deal of aid", "hundreds of ballistic missiles": the thing is after "of"
            objects += [p for o in objects for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                        for p in c.children if p.dep_ == "pobj"]
            words = {lemma_of(o) for o in objects} | {o.lower_ for o in objects}
            words |= {lemma_of(c) for o in objects for c in o.children if c.dep_ in {"compound", "amod"}}
            matched = words & wanted
            if matched and matched <= self.lx.troop_words:
                # (troops pledged or offered are offered to someone: "Benin has offered up to
                # 2,000 troops"; troops sent go where they are welcome, not "into Afghanistan";
                # troops trained are another state's: "training Belarusian special forces")
                return not into and (lemma in _OFFER_VERBS or self._troops_welcome(verb)
                                     or lemma == "train" and self._foreign_units(verb, objects))
            if not matched and lemma == "train":
                return not into and self._foreign_units(verb, objects)  # "Russian personnel now train Malian units"
            return bool(matched) and not (into and matched & self.lx.troop_words)
        if lemma == "agree":
            if self._joint_subject(verb) and all(any(a.lower_ in _PLAN_MODALS for a in c.children if a.dep_ == "aux")
                                                 for c in verb.children if c.dep_ == "ccomp"):
                # "the two governments agreed to", "Yoon and Kishida agreed that a team would
                # visit" (not "both sides agree that the talks failed": a view, not a plan)
                return True
            return not any(c.dep_ == "ccomp" for c in verb.children) and any(
                c.dep_ in {"dobj", "xcomp", "prep"} for c in verb.children)
        if into:
            return False
        partners = any(c.dep_ in {"prep", "dative"} and c.lower_ in {"to", "with", "from", "for", "between"} for c in verb.children)
        return bool(objects) or partners or verb.dep_ in {"acl", "amod"}

    def _left(self, tok: Token) -> Token | None:
        """The international body, pact or talks a leaving verb or noun leaves ("withdrew from
        the treaty", "left NATO", "its exit from the Council"), if any."""
        left = [o for c in tok.children if c.dep_ == "prep" and c.lower_ == "from" for o in c.children if o.dep_ == "pobj"]
        if tok.pos_ == "VERB":
            left += [c for c in tok.children if c.dep_ in {"dobj", "obj"}]
        return next((o for o in left if self._igo(o) or lemma_of(o) in self.lx.leave_objects), None)

    def _foreign_units(self, verb: Token, objects: list[Token]) -> bool:
        """True when what is trained is qualified by the name of a state other than the
        trainer's ("Wagner instructors are training Belarusian special forces")."""
        trainer = {type_and_country(self._actors[t.i])[1] for c in verb.children if c.dep_ == "nsubj"
                   for t in c.subtree if t.i in self._actors}
        return any(c.dep_ in {"amod", "compound"} and self._actors.get(c.i, "").startswith("state:")
                   and type_and_country(self._actors[c.i])[1] not in trainer for o in objects for c in o.children)

    def _joint_subject(self, verb: Token, pairs_only: bool = False) -> bool:
        """True when two sides are the verb's subject: two linked actors joined by "and"
        ("Yoon and Kishida"; not with ``pairs_only``), or a pair named as such ("the two
        governments", "both sides", "diplomats from both foreign ministries")."""
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        shared = inherited_subject(verb)
        subjects += [shared] if shared is not None and not subjects else []
        for subject in subjects:
            named = {self._actors[t.i] for t in (subject, *subject.conjuncts) for t in t.subtree if t.i in self._actors}
            if len(named) >= 2 and subject.conjuncts and not pairs_only:
                return True
            if lemma_of(subject) in _PAIR_NOUNS and subject.tag_ in {"NNS", "NNPS"} and any(
                    c.lower_ in {"two", "both"} for c in subject.children):
                return True
            # "Diplomats from both foreign ministries", "officials from the three countries"
            if any(o.tag_ in {"NNS", "NNPS"} and (lemma_of(o) in _PAIR_NOUNS | _PAIR_BODIES) and any(
                    d.lower_ in _PAIR_COUNTS for d in o.children)
                   for c in subject.children if c.dep_ == "prep" and c.lower_ == "from" for o in c.children if o.dep_ == "pobj"):
                return True
        return False

    def _from_people(self, noun: Token) -> bool:
        """True when a people or a community gives it: "the contribution of the Irish community
        to London", "the contribution the Chinese people have made"."""
        givers = [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
        givers += [c for c in noun.children if c.dep_ == "poss"]
        givers += [s for c in noun.children if c.dep_ == "relcl" for s in c.children if s.dep_ == "nsubj"]
        return any(lemma_of(g) in self.lx.people_givers for g in givers)

    def _troops_welcome(self, verb: Token) -> bool:
        """Troops sent somewhere are cooperation when they go to an international body or an
        operation or mission ("250 troops to MINUSMA"), to help or at the request of someone
        ("sent troops at the emir's request"), not to a border or into a war."""
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ == "to" and any(
                    self._igo(t) or lemma_of(t) in self.lx.troop_destinations for t in c.subtree):
                return True
            # to another state, named as such: "sent around 11,000 soldiers to Russia" (not to a
            # border, a front or a region of it)
            heads = [o for o in c.children if o.dep_ == "pobj"] if c.dep_ in {"prep", "dative"} and c.lower_ == "to" else []
            if heads and all(lemma_of(o) not in _NOT_DESTINATIONS for o in heads) and any(
                    (self._actors.get(t.i) or self._recipients.get(t.i) or "").startswith("state:")
                    for o in heads for t in (o, *o.conjuncts)):
                return True
        # (in the verb's own phrase, not a clause joined to it: "help" elsewhere in the
        # sentence says nothing of these troops)
        return any(lemma_of(t) in self.lx.troop_welcome for c in verb.children if c.dep_ not in {"conj", "cc"}
                   for t in c.subtree)

    def _sport_tour(self, tok: Token) -> bool:
        """True for a sports team's tour or visit to or from a named state: a sporting
        exchange ("the Australian cricket team's tour to Zimbabwe", "the All Blacks rugby
        tour of South Africa"), not a leader's tour of a region."""
        qualifiers = [t for c in tok.children if c.dep_ in {"amod", "compound", "poss", "nmod"} for t in c.subtree]
        if not any(lemma_of(t) in self.lx.sport_words or t.lower_ in self.lx.sport_words for t in qualifiers):
            return False
        return self._partner_actors(tok) or any(t.i in self._actors for t in qualifiers)

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
                if child.dep_ == "prep" and child.lower_ == "of" and tok.lower_.startswith("exchange") and any(
                        lemma_of(o) in self.lx.exchanged_things for o in child.children if o.dep_ == "pobj"):
                    return True  # "an exchange of Notes", "the exchange of prisoners"
        return False
