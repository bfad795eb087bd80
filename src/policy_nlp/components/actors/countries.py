"""Countries: which state a capital two states share stands for, and the country of an
entity the knowledge base does not know, from its own name and where the text puts it."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc, Span

from ...knowledge import Entity, KnowledgeBase, fold
from .state import DocState
from .syntax import noun_phrase_context
from .words import WORDS

#: A place's name that starts with a city's gives the city's country ("Baghdad International
#: Airport", "Kumasi Airport") only for a city this large.
NAMING_CITY_MIN_POPULATION = 100_000


class CountryResolver:
    """Settle the states and countries of one document's mentions once all are linked."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def shared_capitals(self, mentions: list[dict], state: "DocState") -> None:
        """A capital or metonym two states share stands for the one the text otherwise names.

        "Moscow" and "the Kremlin" are Russia's, but in a text that names the Soviet Union
        (by name, people or bodies) and never Russia they are the Soviet Union's; likewise
        Hanoi for North Vietnam and Belgrade for Yugoslavia.
        """
        named = {m["entity_id"] for m in mentions
                 if m["kind"] == "actor" and m["role"] not in {"capital", "metonym"}
                 and state.entities[m["entity_id"]].type == "state"}
        named |= {f"state:{code}" for m in mentions if m["kind"] == "actor" and m["role"] in {"person", "org"}
                  for code in state.entities[m["entity_id"]].country_iso3.split(";") if code}
        for m in mentions:
            if m["kind"] != "actor" or m["role"] not in {"capital", "metonym"} or m["entity_id"] in named:
                continue
            others = [s for s in self.kb.capital_sharers.get(m["entity_id"], ()) if s in named]
            if len(others) == 1:
                m["entity_id"] = others[0]
                state.entities.setdefault(others[0], self.kb.entities[others[0]])

    def infer_countries(self, doc: Doc, mentions: list[dict], state: "DocState") -> None:
        """Give new entities (ones the knowledge base does not know) a country from their context.

        An organisation's own name may name its state ("Pasteur Institute of Iran",
        "Norwegian Joint Headquarters"); a person or organisation otherwise takes a state
        named in its own noun phrase ("Israeli Ambassador Shlomo Argov", "Marit Haugen, a
        Norwegian glaciologist", "Iran's Atomic Energy Organization"), never one merely named
        nearby; a place takes the country its own name, or the state or city it is in, gives
        ("the port of Basra in southern Iraq"; see :meth:`_place_country`). Known entities
        keep the knowledge base's country, or none (a region spanning states has none).
        """
        states = [m for m in mentions if state.entities[m["entity_id"]].type == "state"]
        starts = [m["start_char"] for m in mentions]  # (sorted: mentions are in text order)
        done: set[str] = set()
        for m in mentions:
            entity = state.entities[m["entity_id"]]
            if entity.country_iso3 or entity.entity_id in done or entity.entity_id in self.kb.entities:
                continue
            done.add(entity.entity_id)
            span = doc.char_span(m["start_char"], m["end_char"], alignment_mode="expand")
            if span is None:
                continue
            words = list(span) if entity.type == "organization" else []
            iso3 = next((c for c in map(self._state_named_by, [*words, *noun_phrase_context(span)]) if c), "")
            if not iso3 and m["kind"] == "place":
                iso3 = self._place_country(doc, span, states, state, mentions, starts)
            if iso3:
                state.entities[entity.entity_id] = Entity(entity.entity_id, entity.name, entity.type, iso3,
                                                          entity.latitude, entity.longitude)

    def _place_country(self, doc: Doc, span: Span, states: list[dict], state: "DocState",
                       mentions: list[dict] = (), starts: list[int] = ()) -> str:
        """The country of a place the knowledge base does not know, from its own name, else
        from the state or city named where it is, else from the state named nearest in its
        sentence.

        A name inside a region's or continent's ("Northern Asia", "Central Africa") takes
        none; a state or city at the start of the name gives its country ("East Pakistan",
        "Baghdad International Airport").
        """
        words = [t for t in span if t.lower_ != "the"]
        if any(self._is_region(t.text) for t in words):
            return ""
        if words and words[0].text in WORDS.compass_words:
            words = words[1:]
        if words:
            first = next((self.kb.entities[eid].country_iso3 for eid, role in self.kb.surfaces.get(words[0].text, ())
                          if role == "country"), "")
            if first:
                return first
            # ... when what follows names a thing in or of the city ("Baghdad International
            # Airport", "Kumasi Airport"), not when it goes on with the name ("San Antonio de")
            follows = words[1].lower_ if len(words) > 1 else ""
            named_thing = follows == "international" or follows in WORDS.geo_head_words or follows in WORDS.named_after_words
            namesakes = self.kb.cities.get(fold(words[0].text), ()) if words[0].is_title and named_thing else ()
            if any(c.population >= NAMING_CITY_MIN_POPULATION for c in namesakes):
                city = self.kb.city(words[0].text, state.countries, alternates=False)
                if city is not None and city.country_iso3:
                    return city.country_iso3
        sentence = [s for s in states if span.sent.start_char <= s["start_char"] < span.sent.end_char]
        # a city the place is in counts as much as a state: "a wing at Komfo Anokye Teaching
        # Hospital in Kumasi"
        in_sentence = mentions[bisect_left(starts, span.sent.start_char):bisect_left(starts, span.sent.end_char)]
        cities = [m for m in in_sentence if m["kind"] == "place" and state.entities[m["entity_id"]].type != "state"
                  and state.entities[m["entity_id"]].country_iso3 and ";" not in state.entities[m["entity_id"]].country_iso3]
        around = [s for s in sentence + cities if self._contains(doc, s, span)] or sentence
        if not around:
            return ""
        closest = min(around, key=lambda s: abs(s["start_char"] - span.start_char))
        return state.entities[closest["entity_id"]].country_iso3

    def _is_region(self, word: str) -> bool:
        """True when ``word`` names a continent or a region with no single state ("Asia")."""
        return any(self.kb.entities[eid].type in {"continent", "region"} and not self.kb.entities[eid].country_iso3
                   for eid, _ in self.kb.surfaces.get(word, ()))

    @staticmethod
    def _contains(doc: Doc, where: dict, place: Span) -> bool:
        """True when the mention ``where`` (a state's or a city's) is where a place is: in the
        place's own phrase ("Basra in southern Iraq", "Kumasi, Ghana", "Iraq's Basra") or in
        the phrase of the noun the place names ("the port of Basra in southern Iraq"); not a
        state merely named in the same sentence ("from Central Africa to Turkey")."""
        named = doc.char_span(where["start_char"], where["end_char"], alignment_mode="expand")
        if named is None or named.sent.start != place.sent.start:
            return False
        if named.start == place.end + 1 and doc[place.end].text == ",":
            return True
        root = place.root
        heads = [root]
        if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ in {"NOUN", "PROPN"}:
            heads.append(root.head.head)  # "the port of Basra"
        inside = range(place.start, place.end)
        return any(named.root in head.subtree and named.root.i not in inside for head in heads)

    def _state_named_by(self, token) -> str:
        """The country code of the state a token names as a country or demonym, else ``""``."""
        for eid, role in self.kb.surfaces.get(token.text, ()):
            if role in {"country", "demonym"}:
                return self.kb.entities[eid].country_iso3
        return ""
