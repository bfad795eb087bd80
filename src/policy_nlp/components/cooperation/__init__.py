"""Cooperation mentions (the ``policy_cooperation`` component).

A mention is a trigger (:mod:`.triggers`) with:

* ``domain``: from the taxonomy in ``data/cooperation_lexicon.json``, read from the words
  the trigger governs, else from its sentence (:mod:`.domains`);
* ``participants``: the linked actors in the trigger's phrase and its clause's subject
  and object (:mod:`.participants`);
* ``modality``: from cues whose syntactic scope covers the trigger, nearest first, in the
  manner of NegEx and ConText (:mod:`.modality`).
"""

from __future__ import annotations

import re

from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc

from ..extensions import register_extensions
from .domains import domains
from .lexicon import Lexicon, load_lexicon
from .modality import ModalityDetector
from .participants import mention_tokens, participants, type_and_country
from .tokens import lemma_of
from .triggers import TriggerFinder

__all__ = ["CooperationDetector", "Lexicon", "load_lexicon", "make_cooperation_detector"]


@Language.factory(
    "policy_cooperation",
    assigns=["doc._.policy_cooperation"],
    requires=["token.dep", "token.lemma", "doc._.policy_mentions"],
    default_config={},
)
def make_cooperation_detector(nlp: Language, name: str) -> "CooperationDetector":
    """Create the cooperation detector over the shared lexicon."""
    return CooperationDetector(load_lexicon())


#: Marks that close a sentence of running text; a line that ends without one is a heading.
_CLOSING = {".", "?", "!", ":", ";", '"', "\u201d", "\u2019", "'", ")", "]", "\u2026"}


def _heading(sent) -> bool:
    """True for a heading, a title or a label line ("Support for Ukraine", "3.2
    Humanitarian assistance"): a sentence that is a whole line without closing punctuation.
    Headings name topics; the mentions are in the sentences under them."""
    words = [t for t in sent if not t.is_space]
    if not words:
        return False
    letters = [ch for t in words for ch in t.text if ch.isalpha()]
    if len(letters) > 3 and all(ch.isupper() for ch in letters):
        return True  # "REBALANCING TRADE WITH CHINA:"
    if words[-1].text in _CLOSING:
        return False
    doc = sent.doc
    end = words[-1].i + 1
    return end >= len(doc) or "\n" in doc[end].text or "\n" in words[-1].whitespace_ or (
        doc[end].is_space and "\n" in doc[end].text)


#: Words for the two sides of a bilateral relation named earlier: "both Governments", "the
#: two countries", "the Governments" of a joint statement.
_PAIR = re.compile(r"\b(?:both|the (?:two|all three|three|four|five)|all (?:three|four|five))\s+"
                   r"(?:governments|countries|nations|states|sides|leaders|peoples|economies)\b"
                   r"|\b(?-i:[Tt]he Governments)\b", re.IGNORECASE)  # ("the governments of Europe" is no pair)
#: How many states a group names ("the three countries": the last three named).
_GROUP_SIZE = {"three": 3, "four": 4, "five": 5}


def _country_of(entity_id: str) -> str:
    kind, country = type_and_country(entity_id)
    return country if kind in {"state", "leader", "official"} else ""


def _leaders_states(linked: list[str]) -> list[str]:
    """The states of the leaders and officials among ``linked``: a leader acts for their
    state ("President Musharraf paid a state visit to Australia" is Pakistan's too)."""
    out = []
    for eid in linked:
        kind, country = type_and_country(eid)
        if kind in {"leader", "official"} and country and ";" not in country:
            out.append(country)
    return out


def _governmental(entity_id: str) -> bool:
    """True for a state, or a leader, official or international body the knowledge base knows."""
    return type_and_country(entity_id)[0] in {"state", "leader", "official", "igo"}


def _phrase_tokens(sent, lowered: str, phrases) -> set[int]:
    """Indices of the tokens of ``sent`` inside any of ``phrases`` (``lowered`` is its
    lower-case text)."""
    out: set[int] = set()
    for phrase in phrases:
        for m in re.finditer(re.escape(phrase), lowered):
            span = sent.doc.char_span(sent.start_char + m.start(), sent.start_char + m.end(), alignment_mode="expand")
            out.update(range(span.start, span.end) if span is not None else ())
    return out


def _with_pair(linked: list[str], earlier: list[str], size: int = 2) -> list[str]:
    """``linked`` with the ``size`` states named last before the sentence, when its own
    states, leaders and officials stand for fewer than ``size`` states."""
    if len({_country_of(eid) for eid in linked} - {""}) >= size:
        return linked
    recent: list[str] = []
    for eid in reversed(earlier):
        if eid not in recent:
            recent.append(eid)
        if len(recent) == size:
            break
    if len(recent) < size:
        return linked
    return [*linked, *(eid for eid in reversed(recent) if eid not in linked)]


class CooperationDetector:
    """Find cooperation triggers and describe them; see the module docstring."""

    def __init__(self, lexicon: Lexicon) -> None:
        register_extensions()
        self.lx = lexicon
        self.triggers = TriggerFinder(lexicon)
        self.modality = ModalityDetector(lexicon).modality
        self._co = hash_string("co")

    def _inter_pair(self, doc: Doc, start: int, end: int) -> list[str]:
        """The two states an "inter-" adjective in the trigger's words names ("inter-Korean
        talks": both Koreas), when the document names them."""
        for i in range(max(start, 2), end):
            pair = self.lx.inter_pairs.get(doc[i].lower_) if doc[i - 1].text == "-" and doc[i - 2].lower_ == "inter" else None
            if pair:
                entities = doc._.policy_entities or {}
                return [f"state:{iso3}" for iso3 in pair if f"state:{iso3}" in entities]
        return []

    def __call__(self, doc: Doc) -> Doc:
        actors, recipients, capitals, place_countries = mention_tokens(doc)
        words = self.triggers.hashes
        candidates = set()
        if len(doc):
            for i, (lemma, lower) in enumerate(doc.to_array([LEMMA, LOWER]).tolist()):
                if lower == self._co:
                    if i + 2 < len(doc):
                        candidates.add(i + 2)  # "co-operation": the trigger is the word after the hyphen
                elif lemma in words or lower in words:
                    candidates.add(i)
        out = []
        # The states named so far, most recent last: "both Governments" and "the two
        # countries" are the last two of them.
        states_before = sorted((i, eid) for i, eid in actors.items() if eid.startswith("state:"))
        for sent in doc.sents:
            if not any(sent.start <= i < sent.end for i in candidates) or _heading(sent):
                continue
            lowered = sent.text.lower()
            # Words inside a phrase that only looks like cooperation ("the Joint Chiefs",
            # "an exchange of fire", "lost contact") are no trigger; the rest of the sentence
            # may still hold one ("has been in touch with the IDF Chief of Staff").
            blocked = _phrase_tokens(sent, lowered, self.lx.not_phrases)
            found, seen = [], set()
            for trigger in self.triggers.find(sent, candidates, actors, {**capitals, **recipients}, place_countries):
                if blocked & {trigger[0].i, *range(trigger[1], trigger[2])}:
                    continue
                if trigger[0].i not in seen:  # one mention per trigger word
                    seen.add(trigger[0].i)
                    found.append(trigger)
            # A trigger inside a longer one is the same mention ("ceasefire" in "the
            # Medvedev-Sarkozy ceasefire plan").
            found = [t for t in found if not any(o is not t and o[1] <= t[1] and t[2] <= o[2] and (o[1], o[2]) != (t[1], t[2])
                                                 for o in found)]
            # Two triggers that share words are one mention too ("Saudi-led" and "led
            # coalition" in "the Saudi-led coalition"): the first is kept.
            kept: list = []
            for t in sorted(found, key=lambda t: (t[1], -t[2])):
                if not any(k[1] < t[2] and t[1] < k[2] for k in kept):
                    kept.append(t)
            found = kept
            if any(lemma_of(t[0]) != "diplomacy" for t in found):
                # "science diplomacy" is a weak trigger: it names cooperation only when the
                # sentence has no stronger one ("joint projects in which science diplomacy...").
                found = [t for t in found if lemma_of(t[0]) != "diplomacy"]
            pair = _PAIR.search(sent.text) if found else None
            for trigger, start, end in found:
                linked = participants(trigger, actors, recipients)
                linked += [eid for eid in self._inter_pair(doc, start, end) if eid not in linked]
                # (a leader's state joins them when the document names it: an entity of its own)
                linked += [f"state:{c}" for c in dict.fromkeys(_leaders_states(linked))
                           if f"state:{c}" not in linked and f"state:{c}" in (doc._.policy_entities or {})]
                if pair is not None:
                    size = next((n for word, n in _GROUP_SIZE.items() if word in pair.group(0).lower()), 2)
                    linked = _with_pair(linked, [eid for i, eid in states_before if i < sent.start], size)
                domain = domains(trigger, sent, self.lx)
                if domain == ["other"] and any(_governmental(eid) for eid in linked):
                    # No word names a field, and governments take part: cooperation between
                    # governments as such ("will work together to facilitate such meetings").
                    domain = ["diplomatic"]
                modality = self.modality(trigger)
                if modality == "actual" and (trigger.pos_ == "VERB" and lemma_of(trigger) in self.lx.recall_verbs
                                             or lemma_of(trigger) in self.lx.leave_verbs | self.lx.leave_nouns):
                    modality = "negated"  # an envoy recalled, a body or treaty left: ties broken off
                elif modality == "actual" and trigger.pos_ == "VERB" and lemma_of(trigger) in self.lx.promise_verbs:
                    modality = "proposed"  # "Benin has offered up to 2,000 troops": what is offered is yet to come
                out.append({
                    "start_char": doc[start].idx,
                    "end_char": doc[end - 1].idx + len(doc[end - 1].text),
                    "trigger": doc[start:end].text,
                    "domain": domain,
                    "modality": modality,
                    "participants": linked,
                    "sent_start": sent.start_char,
                    "sent_end": sent.end_char,
                })
        doc._.policy_cooperation = out
        return doc
