"""Cooperation mentions (the ``policy_cooperation`` component).

A mention is a trigger found by lemma and parse patterns (nominal: "scientific
cooperation", "a joint exhibition", "educational exchanges", "science diplomacy"; verbal:
"cooperate", "work together", "jointly published", "signed an agreement on"), with:

* ``domain``: from the taxonomy in ``data/cooperation_lexicon.json``, read from the words
  the trigger governs, else from its sentence;
* ``participants``: the linked actors in the trigger's phrase and its clause's subject
  and object;
* ``modality``: from cues whose syntactic scope covers the trigger, nearest first, in the
  manner of NegEx and ConText (negated > hypothetical > proposed > actual).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc, Token

from .extensions import register_extensions
from .lexicon import read_data_json

DOMAIN_ORDER = ("science", "education", "culture", "economic", "diplomatic", "security", "health",
                "humanitarian", "environment", "energy", "sport", "social")


@dataclass(frozen=True)
class Lexicon:
    raw: dict
    domain_patterns: dict

    def words(self, key: str) -> frozenset[str]:
        return frozenset(self.raw[key])

    def cue(self, key: str) -> frozenset[str]:
        return frozenset(self.raw["modality"][key])


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The trigger, domain and cue lists (``data/cooperation_lexicon.json``)."""
    raw = read_data_json("cooperation_lexicon.json")
    patterns = {
        domain: re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?:s|es)?\b")
        for domain, words in raw["domains"].items()
    }
    return Lexicon(raw, patterns)


@Language.factory(
    "policy_cooperation",
    assigns=["doc._.policy_cooperation"],
    requires=["token.dep", "token.lemma", "doc._.policy_mentions"],
    default_config={},
)
def make_cooperation_detector(nlp: Language, name: str) -> "CooperationDetector":
    """Create the cooperation detector over the shared lexicon."""
    return CooperationDetector(load_lexicon())


class CooperationDetector:
    """Find cooperation triggers and describe them; see the module docstring."""

    def __init__(self, lexicon: Lexicon) -> None:
        register_extensions()
        lx = lexicon
        self.lx = lx
        self.nouns = lx.words("trigger_nouns")
        self.verbs = lx.words("trigger_verbs")
        self.diplomacy_mods = lx.words("diplomacy_modifiers")
        self.exchange_mods = lx.words("exchange_modifiers") | frozenset(w for ws in lx.raw["domains"].values() for w in ws)
        self.not_after = {k: frozenset(v) for k, v in lx.raw["not_cooperation_after"].items()}
        self.not_phrases = list(lx.raw["not_cooperation_phrases"])
        self.phrases = [tuple(p) for p in lx.raw["verbal_phrases"]]
        self.agreement_nouns = lx.words("agreement_nouns")
        self.agreement_verbs = lx.words("agreement_verbs")
        self.study_verbs = lx.words("study_verbs")
        self.study_nouns = lx.words("study_nouns")
        self.shared_heads = lx.words("shared_heads")
        self.with_verbs = lx.words("with_verbs")
        self.share_objects = lx.words("share_objects")
        self.join_objects = lx.words("join_objects")
        self.exchange_heads = lx.words("exchange_heads")
        self.support_objects = {verb: frozenset(objs) for verb, objs in lx.raw["support_objects"].items()}
        self.partner_required = lx.words("partner_required")
        self.partner_not_modifiers = lx.words("partner_not_modifiers")
        self._actors: dict[int, str] = {}
        self.neg_words = lx.cue("negation_words")
        self.neg_verbs = lx.cue("negation_verbs")
        self.neg_adjs = lx.cue("negation_adjectives")
        self.neg_nouns = lx.cue("negation_nouns")
        self.cond_marks = lx.cue("condition_marks")
        self.spec_modals = lx.cue("speculative_modals")
        self.spec_words = lx.cue("speculative_words")
        self.adv_modals = lx.cue("advocacy_modals")
        self.adv_verbs = lx.cue("advocacy_verbs")
        self.proposal_verbs = lx.cue("proposal_verbs")
        self.adv_nouns = lx.cue("advocacy_nouns")
        self.adv_adjs = lx.cue("advocacy_adjectives")
        self.willing_adjs = lx.cue("willingness_adjectives")
        self.negative_subjects = lx.cue("negative_subjects")
        self.continuation_verbs = lx.cue("continuation_verbs")
        # Every word that can start a trigger: the component looks at these tokens only,
        # comparing the hashes spaCy stores for lemma and lower-case form.
        self._trigger_hashes = {hash_string(w) for w in (
            self.nouns | self.verbs | self.agreement_nouns | set(self.not_after) | set(self.support_objects)
            | self.study_verbs | {p[0] for p in self.phrases} | self.agreement_verbs
            | {"joint", "shared", "jointly", "exchange", "exchanges", "contact", "contacts", "aid", "assistance",
               "relief", "sharing", "trade", "diplomacy", "deal", "partner", "support", "backing", "help", "ties",
               "share", "join", "co"} | self.with_verbs
        )}
        self._co = hash_string("co")

    def __call__(self, doc: Doc) -> Doc:
        actor_tokens = self._actor_tokens(doc)
        self._actors = actor_tokens
        words = self._trigger_hashes
        candidates = set()
        if len(doc):
            for i, (lemma, lower) in enumerate(doc.to_array([LEMMA, LOWER]).tolist()):
                if lower == self._co:
                    if i + 2 < len(doc):
                        candidates.add(i + 2)  # "co-operation": the trigger is the word after the hyphen
                elif lemma in words or lower in words:
                    candidates.add(i)
        out = []
        for sent in doc.sents:
            if not any(sent.start <= i < sent.end for i in candidates):
                continue
            lowered = sent.text.lower()
            if any(p in lowered for p in self.not_phrases) and not re.search(r"cooperat|collaborat|partnership", lowered):
                continue
            found, seen = [], set()
            for trigger in self._triggers(sent, candidates):
                if trigger[0].i not in seen:  # one mention per trigger word
                    seen.add(trigger[0].i)
                    found.append(trigger)
            if any(_lemma(t[0]) != "diplomacy" for t in found):
                # "science diplomacy" is a weak trigger: it names cooperation only when the
                # sentence has no stronger one ("joint projects in which science diplomacy...").
                found = [t for t in found if _lemma(t[0]) != "diplomacy"]
            for trigger, start, end in found:
                out.append({
                    "start_char": doc[start].idx,
                    "end_char": doc[end - 1].idx + len(doc[end - 1].text),
                    "trigger": doc[start:end].text,
                    "domain": self.domains(trigger, sent),
                    "modality": self.modality(trigger),
                    "participants": self.participants(trigger, actor_tokens),
                    "sent_start": sent.start_char,
                    "sent_end": sent.end_char,
                })
        doc._.policy_cooperation = out
        return doc

    # -- triggers -----------------------------------------------------------------------------
    def _triggers(self, sent, candidates: set[int]):
        doc = sent.doc
        for i in sorted(c for c in candidates if sent.start <= c < sent.end):
            tok = doc[i]
            lemma = _lemma(tok)
            low = tok.lower_
            start = tok.i - 2 if lemma.startswith("co-") else tok.i
            if (tok.ent_type_ in {"ORG", "FAC", "WORK_OF_ART"} or self._actors.get(tok.i, "").startswith("org:")) \
                    and lemma not in self.agreement_nouns:
                # "Cooperative Bank", "Joint Norwegian-Russian Fisheries Commission": names of
                # bodies, not mentions (the body itself is an actor).
                continue
            nxt = _next_word(tok)
            if lemma in self.not_after and nxt is not None and nxt.lemma_.lower() in self.not_after[lemma]:
                continue
            if low in {"joint", "shared"} and (tok.pos_ in {"ADJ", "VERB"} or tok.dep_ == "amod"):
                head = tok.head if tok.dep_ in {"amod", "compound"} and tok.head.i > tok.i else _next_noun(tok)
                if head is not None and (low == "joint" or _lemma(head) in self.shared_heads):
                    yield head, tok.i, head.i + 1
                continue
            if low == "jointly":
                yield tok.head, tok.i, tok.i + 1
                continue
            if lemma in {"exchange", "contact"} or low in {"exchanges", "contacts"}:
                if tok.pos_ in {"NOUN", "PROPN"} and self._qualified_exchange(tok):
                    yield tok, _modifier_start(tok), tok.i + 1
                continue
            if lemma in {"aid", "assistance", "relief", "sharing", "trade"}:
                qualified = any(c.dep_ in {"amod", "compound"} for c in tok.children) or lemma == "sharing"
                if lemma == "trade":
                    qualified = any(c.dep_ == "prep" and c.lower_ in {"with", "between"} for c in tok.children)
                if tok.pos_ in {"NOUN", "PROPN"} and qualified:
                    yield tok, _modifier_start(tok), tok.i + 1
                continue
            if lemma == "diplomacy" and not (tok.is_title and tok.pos_ == "PROPN"):
                mods = [c for c in tok.children if c.dep_ in {"amod", "compound"} and c.lower_ in self.diplomacy_mods]
                if mods:
                    yield tok, min(c.i for c in mods), tok.i + 1
                continue
            if lemma == "deal" and (tok.pos_ != "NOUN" or any(c.lower_ in {"great", "good"} for c in tok.children)):
                continue
            if tok.pos_ in {"NOUN", "PROPN"} and (lemma in self.agreement_nouns or low in self.agreement_nouns) and tok.dep_ != "compound":
                if lemma != "declaration" or any(c.lower_ in {"joint", "of"} for c in tok.children):
                    yield tok, _modifier_start(tok), tok.i + 1
                continue
            if lemma in {"support", "backing", "help"} and tok.pos_ == "NOUN":
                # "built with World Bank support", "Chinese backing": support named by an actor.
                if any(c.dep_ in {"poss", "compound", "amod"} and any(t.i in self._actors for t in c.subtree)
                       for c in tok.children):
                    yield tok, _modifier_start(tok), tok.i + 1
                continue
            if lemma == "ties" or low == "ties":
                if tok.pos_ == "NOUN" and (any(c.lower_ in {"diplomatic", "economic", "military", "trade", "cultural", "academic"}
                                               for c in tok.children) or _lemma(tok.head) in {"cut", "sever", "restore", "rebuild", "deepen", "strengthen", "expand", "break", "establish", "upgrade", "downgrade", "normalise", "normalize"}):
                    yield tok, _modifier_start(tok), tok.i + 1
                continue
            if lemma == "partner" and (any(c.lower_ in self.partner_not_modifiers for c in tok.children)
                                       or any(c.dep_ == "prep" and c.lower_ == "at" for c in tok.children)):
                continue  # "a senior partner at a law firm"
            if (lemma in self.nouns or low in self.nouns) and tok.pos_ in {"NOUN", "PROPN", "ADJ"}:
                if lemma == "cooperative" and tok.pos_ == "ADJ" and tok.dep_ == "amod":
                    continue
                yield tok, _modifier_start(tok), tok.i + 1
                continue
            if lemma in self.verbs and tok.pos_ in {"VERB", "AUX"}:
                yield tok, start, tok.i + 1
                continue
            if tok.pos_ == "VERB":
                objects = [c for c in tok.children if c.dep_ in {"dobj", "obj"}]
                partners = [c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"with", "alongside"}]
                if lemma in self.with_verbs and partners and lemma not in {"engage", "trade"}:
                    yield tok, tok.i, partners[0].i + 1
                elif lemma == "share" and any(_lemma(o) in self.share_objects for o in objects):
                    yield tok, tok.i, max(o.i for o in objects) + 1
                elif lemma == "join" and any(_lemma(o) in self.join_objects for o in objects):
                    yield tok, tok.i, max(o.i for o in objects) + 1
                elif lemma in self.agreement_verbs and any(_lemma(o) in self.agreement_nouns for o in objects):
                    pass  # the agreement noun itself is the trigger
                elif lemma in self.support_objects and self._supports(tok, lemma, objects) and (
                        lemma not in self.partner_required or self._names_actor(tok)) and not any(
                        _lemma(o) in self.nouns or o.lower_ in self.nouns for o in objects):
                    # (when the object is itself a trigger, "suspended all cooperation", the
                    # noun is the mention and the verb its negation cue)
                    end = max([o.i for o in objects if o.i > tok.i] or [tok.i]) + 1
                    yield tok, tok.i, end
                elif lemma in self.study_verbs:
                    objs = [o for o in objects if _lemma(o) in self.study_nouns or o.lower_ in self.study_nouns]
                    if objs:
                        yield tok, tok.i, objs[0].i + 1
            for phrase in self.phrases:
                if tok.lower_ == phrase[0] and tuple(t.lower_ for t in doc[tok.i:tok.i + len(phrase)]) == phrase:
                    yield tok, tok.i, tok.i + len(phrase)

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
        wanted = self.support_objects[lemma]
        if wanted:
            words = {_lemma(o) for o in objects} | {o.lower_ for o in objects}
            words |= {_lemma(c) for o in objects for c in o.children if c.dep_ in {"compound", "amod"}}
            return bool(words & wanted)
        if lemma == "agree":
            return not any(c.dep_ == "ccomp" for c in verb.children) and any(
                c.dep_ in {"dobj", "xcomp", "prep"} for c in verb.children)
        partners = any(c.dep_ in {"prep", "dative"} and c.lower_ in {"to", "with", "from", "for"} for c in verb.children)
        return bool(objects) or partners or verb.dep_ in {"acl", "amod"}

    def _qualified_exchange(self, tok: Token) -> bool:
        """Exchanges and contacts count when a domain or a partner qualifies them."""
        if tok.lower_ == "exchanges":
            return True  # the plural is the programme sense; "exchanges of fire" is filtered earlier
        if tok.dep_ in {"compound", "amod"} and _lemma(tok.head) in self.exchange_heads | {"programme", "program"}:
            return True
        group = [tok, *tok.conjuncts]
        for t in group:
            for child in t.children:
                if child.dep_ in {"amod", "compound", "nmod"} and (child.lower_ in self.exchange_mods or _lemma(child) in self.exchange_mods):
                    return True
                if child.dep_ == "prep" and child.lower_ in {"between", "with", "among"}:
                    return tok.lower_.startswith("exchange") and any(c.dep_ == "pobj" for c in child.children)
        return False

    # -- description ----------------------------------------------------------------------------
    def domains(self, trigger: Token, sent) -> list[str]:
        """Domains named by the trigger's own phrase, else by its sentence, else by the
        sentences on either side; ``other`` when none names one."""
        doc = sent.doc

        def neighbours() -> str:
            around = [doc[sent.start - 1].sent] if sent.start > 0 else []
            around += [doc[sent.end].sent] if sent.end < len(doc) else []
            return " ".join(s.text.lower() for s in around)

        sources = (lambda: " ".join(t.lower_ for t in _local_words(trigger)), lambda: sent.text.lower(), neighbours)
        for words in sources:
            found = [d for d in DOMAIN_ORDER if self.lx.domain_patterns[d].search(words())]
            if found:
                return found
        return ["other"]

    def modality(self, trigger: Token) -> str:
        """The strongest cue in the trigger's scope: its own modifiers and each governing word up to its clause."""
        level = trigger
        first, after_conj = True, False
        verdicts = set()
        while True:
            verdicts.add(self._cues_at(level, first, after_conj))
            first = False
            if level.dep_ in {"ROOT", "parataxis"} or level.head.i == level.i:
                break
            if level.pos_ in {"VERB", "AUX"} and any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in level.children):
                break
            # A negation does not reach across a coordination: in "isolation was not complete
            # and contacts ... have been taking place" the contacts are not negated.
            after_conj = level.dep_ == "conj"
            level = level.head
        # A condition frames everything under it; a negation outranks the plan it negates
        # ("refused to resume cooperation"); a plan outranks plain description.
        for verdict in ("hypothetical", "negated", "proposed"):
            if verdict in verdicts:
                return verdict
        return "actual"

    def _cues_at(self, tok: Token, is_trigger: bool, after_conj: bool = False) -> str:
        children = list(tok.children)
        lemma = _lemma(tok)
        words = {c.lower_ for c in children} | {_lemma(c) for c in children}
        negs = [c for c in children if c.dep_ == "neg" or (c.lower_ in self.neg_words and c.dep_ in {"det", "advmod", "preconj", "neg"})]
        negs = [c for c in negs if not (c.i + 1 < len(tok.doc) and tok.doc[c.i + 1].lower_ in {"only", "just", "merely", "least"})]
        # "no longer share data", "no more joint patrols"; "Nobody should expect them to sign"
        negs += [c for c in children if c.lower_ in {"longer", "more"} and any(g.lower_ == "no" for g in c.children)]
        negs += [c for c in children if c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in self.negative_subjects]
        if negs and not after_conj:
            return "negated"
        if is_trigger and tok.pos_ == "VERB" and lemma in self.neg_verbs:
            return "negated"  # the trigger itself ends cooperation: "suspended funding", "cut ties"
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in self.cond_marks for m in c.children)
               for c in children):
            return "hypothetical"  # a condition attached to the governing verb: "ready to cooperate if ..."
        if not is_trigger and tok.pos_ == "ADJ" and lemma in self.willing_adjs:
            return "proposed"  # "open to cooperation", "ready to cooperate"
        if not is_trigger and not after_conj and (lemma in self.neg_verbs and tok.pos_ == "VERB" or lemma in self.neg_adjs or lemma in self.neg_nouns and tok.pos_ == "NOUN"):
            return "negated"
        if lemma == "without" or (tok.dep_ == "pobj" and tok.head.lower_ == "without"):
            return "hypothetical" if not is_trigger else "negated"
        marks = {c.lower_ for c in children if c.dep_ == "mark"}
        if marks & self.cond_marks:
            return "hypothetical"
        auxes = {c.lower_ for c in children if c.dep_ in {"aux", "auxpass"}}
        if auxes & self.spec_modals or words & self.spec_words or lemma in self.spec_words:
            return "hypothetical" if not auxes & {"should", "must"} else "proposed"
        if auxes & self.adv_modals and lemma not in self.continuation_verbs:
            return "proposed"  # ("will continue" reports what goes on)
        if (not is_trigger and tok.tag_ == "VB" and tok.dep_ in {"ROOT", "conj"} and not auxes
                and not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in children)):
            return "proposed"  # an imperative: "keep technical contacts with Kabul"
        if lemma == "call" and not any(c.dep_ == "prep" and c.lower_ in {"for", "on", "upon"} for c in children):
            pass  # "called Russia a partner" names; "called for cooperation" proposes
        elif not is_trigger and tok.pos_ == "VERB" and (lemma in self.proposal_verbs or lemma in self.adv_verbs and _unrealised(tok)):
            return "proposed"  # "called for joint research" in any tense; "to expand cooperation", not "expanded"
        if not is_trigger and (lemma in self.adv_nouns and tok.pos_ == "NOUN"):
            return "proposed"
        if any(c.dep_ in {"amod", "advmod"} and (_lemma(c) in self.adv_adjs or c.lower_ in self.adv_adjs) for c in children):
            return "proposed"
        if lemma == "be" or tok.dep_ == "ROOT":
            for c in children:
                if c.dep_ in {"attr", "acomp"}:
                    if _lemma(c) in self.neg_adjs:
                        return "negated"
                    if _lemma(c) in self.adv_nouns or _lemma(c) in self.adv_adjs:
                        return "proposed"
        if tok.dep_ in {"xcomp"} and tok.head.lemma_ in {"need", "want", "hope", "plan", "aim", "seek", "try", "intend", "propose", "agree", "able"}:
            return "" if tok.head.lemma_ == "able" else "proposed"
        return ""

    def participants(self, trigger: Token, actor_tokens: dict[int, str]) -> list[str]:
        tokens = {t.i for t in trigger.subtree}
        verb = trigger
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        if verb.pos_ in {"VERB", "AUX"}:
            for c in verb.children:
                if c.dep_ in {"nsubj", "nsubjpass", "dobj", "agent", "dative"} or (c.dep_ == "prep" and c.lower_ in {"with", "between", "among", "by"}):
                    tokens.update(t.i for t in c.subtree)
        ids: list[str] = []
        for i in sorted(tokens):
            eid = actor_tokens.get(i)
            if eid and eid not in ids:
                ids.append(eid)
        if len(ids) < 2:
            # The parse found at most one side: the other actors the sentence names are the
            # best evidence of who else takes part ("Japan and South Korea ... exchanges").
            for i in range(trigger.sent.start, trigger.sent.end):
                eid = actor_tokens.get(i)
                if eid and eid not in ids:
                    ids.append(eid)
        return ids

    @staticmethod
    def _actor_tokens(doc: Doc) -> dict[int, str]:
        out: dict[int, str] = {}
        for m in doc._.policy_mentions or []:
            if m["kind"] != "actor":
                continue
            span = doc.char_span(m["start_char"], m["end_char"], alignment_mode="expand")
            if span is not None:
                for t in span:
                    out[t.i] = m["entity_id"]
        return out


def _unrealised(verb: Token) -> bool:
    """A plan rather than a report: an infinitive or bare gerund ("to expand", "opening
    channels"), not a finite verb ("expanded", "are expanding")."""
    auxes = {c.lemma_.lower() for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    if verb.tag_ == "VB":
        return True
    if verb.tag_ == "VBG":
        return not auxes & {"be", "have"} or bool(auxes & {"will", "shall", "should", "must", "would"})
    return False


def _lemma(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ == "co":
        return "co-" + lemma
    return lemma


def _next_word(tok: Token) -> Token | None:
    """The next word, across a hyphen ("joint-stock" -> "stock")."""
    doc = tok.doc
    i = tok.i + 1
    if i < len(doc) and doc[i].text == "-":
        i += 1
    return doc[i] if i < len(doc) else None


def _next_noun(tok: Token) -> Token | None:
    doc = tok.doc
    for t in doc[tok.i + 1: min(len(doc), tok.i + 4)]:
        if t.pos_ in {"NOUN", "PROPN"}:
            return t
    return None


def _modifier_start(tok: Token) -> int:
    mods = [c.i for c in tok.children if c.dep_ in {"amod", "compound"} and c.i < tok.i]
    return min(mods) if mods else tok.i


def _local_words(trigger: Token) -> list[Token]:
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
