"""Linking: each candidate span to a stable entity (a state, person, organisation or
place of the knowledge base, or a new one named after the span), with its kind (actor or
place) decided from its syntax."""

from __future__ import annotations

import re
from bisect import bisect_left

from spacy.tokens import Doc, Span

from collections.abc import Collection

from ...knowledge import TITLE_ROLES, Entity, KnowledgeBase, fold, slug
from .candidates import Candidate
from .names import in_headline, plausible_org, plausible_person, plausible_place
from .state import DocState
from .syntax import acts, hyphen_pair, is_location, names_a_thing, noun_phrase_context, seat_of_government, us_state_context
from .words import WORDS

#: A place's name that starts with a city's gives the city's country ("Baghdad International
#: Airport", "Kumasi Airport") only for a city this large: "Bay of Pigs" and "Pearl River
#: Delta" start with the names of small towns.
NAMING_CITY_MIN_POPULATION = 100_000

ROLE_PRIORITY = {"person": 0, "org": 1, "place": 2, "country": 3, "capital": 4, "metonym": 5, "demonym": 6}


def title_roles(span: Span) -> set[str]:
    """The offices the title right before a name points to ("President Wilson")."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ == "minister" and span.start > 1:
        before = doc[span.start - 2]  # "Prime Minister Wilson"
    return TITLE_ROLES.get(before.lower_, set()) if before is not None else set()


class EntityLinker:
    """Link candidate spans to knowledge-base or new entities."""

    def __init__(self, kb: KnowledgeBase, common_words: frozenset[str] = frozenset()) -> None:
        self.kb = kb
        #: ordinary English words (the lemmatizer's WordNet index): an unknown name made of
        #: them alone is rarely a name
        self.common = common_words
        self._surface_by_fold: dict[str, str] = {}
        for surface in kb.surfaces:
            self._surface_by_fold.setdefault(fold(surface), surface)

    def register_full_names(self, candidates: list["Candidate"], state: "DocState") -> None:
        """First pass: full names anywhere in the document resolve surnames everywhere in it
        ("the Anwar-Prabowo talks ... Anwar Ibrahim said")."""
        for span, source, _ in candidates:
            if len(span.text.split()) < 2 or hyphen_pair(span):
                continue
            person = self.kb.person(span.text)
            if person is not None:
                state.remember_person(self.kb.person_entity(person, state.year), person.short)
            elif (source == "PERSON" and not self.kb.surfaces.get(span.text) and plausible_person(span, self.kb, self.common)
                  and not in_headline(span)):
                state.remember_person(Entity(f"person:{slug(span.text)}", span.text, "person", ""))

    def link(self, doc: Doc, span: Span, source: str, state: "DocState") -> list[dict]:
        text = span.text
        if span.start >= 2 and doc[span.start - 1].text == "-" and doc[span.start - 2].lower_ in {"inter", "intra"}:
            return []  # "inter-Korean", "intra-African": between or within, not one state
        if span.end < len(doc) and doc[span.end].text in {"War", "Wars"} and self.kb.demonym_country.get(fold(text)):
            return []  # "the Korean War", "the Mexican War": a war's name, not its side
        if span.start > 0 and doc[span.start - 1].lower_.rstrip(".") in WORDS.honorifics and len(span) <= 2:
            return self.person(doc, span, state)  # "the gentleman from Illinois (Mr. Hyde)"
        defined = state.acronym_defined_by(span) or (state.acronyms.get(text) if len(span) == 1 else None)
        if defined is not None:
            state.acronyms[text] = defined
            # "UK Research and Innovation (UKRI)": the text defines the acronym, whatever
            # else it could stand for ("ICC" after "International Cricket Council").
            return [state.mention(span, defined, "actor", "org")]
        if source != "kb" and " " not in text and fold(text) in state.surnames:
            # A surname after (or before) the full name, whatever label the model gave it.
            entity = state.surnames[fold(text)]
            return [state.mention(span, entity, "actor", "person")]
        options = self.kb.surfaces.get(text) or self.kb.surfaces.get(self._surface_by_fold.get(fold(text), ""), [])
        if options:
            entity_id, role = min(options, key=lambda o: ROLE_PRIORITY.get(o[1], 9))
            # A full name the model calls a person stays one even if it is also a place's
            # name ("Jordan Henderson"); otherwise the knowledge base decides.
            if not (source == "PERSON" and role in {"country", "capital", "place"} and len(span) > 1):
                mention = self.kb_mention(doc, span, entity_id, role, state)
                return [mention] if mention is not None else []
        if hyphen_pair(span):
            # "Biden-Rouhani", "Vučić-Kurti": the model tags pairs of leaders with any label.
            pair = self.person(doc, span, state, pair_only=True)
            if pair:
                return pair
        if source in {"PERSON", "ORG"} and self.kb.person(span.text) is None and fold(span.text) not in state.surnames:
            # "universities in Manchester and Glasgow": a city the model read as a name.
            place = self.kb.city(span.text, state.countries) if not self._common_noun_after_the(span) else None
            if place is not None and (is_location(span) or fold(span.text) not in self.kb.people_by_short):
                return [state.mention(span, place, "place", "place")]
        if source in {"GPE", "LOC", "ORG"} and len(span) == 1 and self.kb.city(span.text) is None:
            person = self.resolve_surname(span.text, state, pair=False, ner=True, roles=title_roles(span))
            if person is not None:
                return [state.mention(span, person, "actor", "person")]
        if source in {"GPE", "LOC"} and span.text in WORDS.compass_words:
            return []
        if source == "PERSON":
            return self.person(doc, span, state)
        if source == "ORG":
            return self.org(span, state)
        if source in {"GPE", "LOC", "FAC"}:
            return self.place(doc, span, state)
        if source == "NORP":
            iso3 = self.kb.demonym_country.get(fold(text))
            if iso3:
                return [state.mention(span, self.kb.entities[f"state:{iso3}"], "actor", "demonym")]
        return []

    def kb_mention(self, doc: Doc, span: Span, entity_id: str, role: str, state: "DocState") -> dict | None:
        entity = self.kb.entities[entity_id]
        if role in {"capital", "place", "person"} and names_a_thing(doc, span.end):
            return None  # "the Warsaw Pact", "the Oslo Accord", "the Balfour Declaration" name things
        if role == "country" and fold(span.text) in self.kb.us_states and us_state_context(span, state):
            return state.mention(span, self.kb.entities[self.kb.us_states[fold(span.text)]], "place", "place")
        if role == "country":
            # "at the Korea Policy Review" is at a journal, not in Korea
            kind = "place" if is_location(span) and not seat_of_government(span) and not names_a_thing(doc, span.end) else "actor"
            return state.mention(span, entity, kind, role)
        if role == "capital":
            if seat_of_government(span):
                return state.mention(span, entity, "actor", role)  # "the regime in Tehran"
            if is_location(span) or not acts(span):
                # The city itself ("Cape Town", not the capital listed first for South Africa).
                place = self.kb.city(span.text, {entity.country_iso3}) or self.kb.entities.get(
                    self.kb.capital_place.get(entity_id, ""), entity)
                return state.mention(span, place, "place", role)
            return state.mention(span, entity, "actor", role)
        if role == "place":
            return state.mention(span, entity, "place", role)
        if role == "person":
            person = self.kb.person(entity.name)
            entity = self.kb.person_entity(person, state.year) if person is not None else entity
            state.remember_person(entity)
        return state.mention(span, entity, "actor", role)

    def person(self, doc: Doc, span: Span, state: "DocState", pair_only: bool = False) -> list[dict]:
        parts = [p for p in re.split(r"\s*[-\u2013]\s*", span.text) if p]
        if hyphen_pair(span):
            # "Trump-Kim", "Kim-Moon": two leaders in a hyphenated pair.
            pair = [self.resolve_surname(p, state, pair=True) for p in parts]
            if all(pair):
                out, offset = [], span.start_char
                for part, person in zip(parts, pair):
                    start = state.text.index(part, offset)
                    out.append(state.mention_chars(doc, start, start + len(part), person, "actor", "person"))
                    offset = start + len(part)
                return out
        if pair_only:
            return []
        known = self.kb.person(span.text)
        person = self.kb.person_entity(known, state.year) if known is not None else None
        if person is None and len(span) == 1:
            person = self.resolve_surname(span.text, state, pair=False, ner=True, roles=title_roles(span))
        if person is not None:
            state.remember_person(person)
            return [state.mention(span, person, "actor", "person")]
        name = span.text
        last = name.split()[-1]
        known = state.surnames.get(fold(last)) if len(name.split()) == 1 else None
        if known is None and (in_headline(span) or not plausible_person(span, self.kb, self.common)):
            if len(span) > 1 and self.kb.demonym_country.get(fold(span[0].text)) and plausible_org(span, self.kb, self.common):
                return self.org(span, state)  # "Georgian Dream", a party the model read as a person
            return []
        entity = known or Entity(f"person:{slug(name)}", name, "person", "")
        state.remember_person(entity)
        return [state.mention(span, entity, "actor", "person")]

    def org(self, span: Span, state: "DocState") -> list[dict]:
        words = span.text.split()
        if " ".join(words).lower().removeprefix("the ") in WORDS.designation_names:
            return []  # "designated a Foreign Terrorist Organization": a legal category, not a body
        if (words[0].lower() in WORDS.title_words | WORDS.org_not_first or words[-1].lower() in WORDS.org_event_words
                or span[0].tag_ == "VBG" or not span.text[:1].isupper() or not any(ch.isalpha() for ch in span.text)):
            return []
        if len(span) == 1 and (span[0].tag_ not in {"NNP", "NNPS"} and not span.text.isupper()
                               or span.text.isupper() and len(span.text) > 5 or span.text.lower() in WORDS.generic_org_words):
            # "OPINION", "Council", "State": a heading or a common noun, not a named body.
            return []
        state_entity = self._government_of(span, state)
        if state_entity is not None:
            return [state.mention(span, state_entity, "actor", "metonym")]
        entity_id = self.kb.orgs_by_name.get(fold(span.text))
        if entity_id:
            return [state.mention(span, self.kb.entities[entity_id], "actor", "org")]
        if len(span) > 1 and span[-1].lower_ in WORDS.facility_words and is_location(span) and entity_id is None:
            # "opened a new wing at Komfo Anokye Teaching Hospital": a building where
            # something happens is a place
            return [state.mention(span, Entity(f"place:{slug(span.text)}", span.text, "facility", ""), "place", "place")]
        entity = state.acronym_of(span.text)
        if entity is None and self._introduced_as_person(span):
            return self.person(span.doc, span, state)  # "opposition candidate María Corina Machado"
        if entity is None:
            if in_headline(span) or not plausible_org(span, self.kb, self.common):
                return []
            entity = Entity(f"org:{slug(span.text)}", span.text, "organization", "")
        state.remember_org(entity)
        return [state.mention(span, entity, "actor", "org")]

    @staticmethod
    def _introduced_as_person(span: Span) -> bool:
        """True when a name the model calls an organisation follows a person's title or a
        noun for what a person does, and has no word of a body in it: "opposition candidate
        María Corina Machado", not "the rapper's label Sony Music Group"."""
        before = span.doc[span.start - 1].lower_.rstrip(".") if span.start > 0 else ""
        if len(span) < 2 or before not in WORDS.person_nouns | WORDS.person_titles | WORDS.title_words:
            return False
        body_words = WORDS.org_name_words | WORDS.generic_org_words | WORDS.named_after_words
        return not any(t.lower_ in body_words or t.text in WORDS.org_head_words or t.is_upper for t in span)

    def _government_of(self, span: Span, state: "DocState") -> Entity | None:
        """The state a name for its government stands for: "Government of Iraq", "the
        Chinese Government", "Cypriot authorities", "the Assad regime", "the Biden
        administration"."""
        text = span.text
        match = re.match(r"^(?:the\s+)?(?:Government|Republic|Kingdom|People|State) of (?:the )?(.+)$", text)
        if match:
            named = match.group(1)
        else:
            match = re.match(r"^(.+?)\s+(?:[Gg]overnment|[Aa]dministration|[Rr]egime|[Aa]uthorities|[Cc]abinet)$", text)
            if not match:
                return None
            named = match.group(1)
        options = self.kb.surfaces.get(named, [])
        entity_id = next((eid for eid, role in options if role in {"country", "demonym"}), None)
        if entity_id is not None:
            return self.kb.entities[entity_id]
        # "the Biden administration", "the Assad regime": a leader's government is their state's.
        leader = self.kb.person(named) or (state.surnames.get(fold(named)) and self.kb.person(state.surnames[fold(named)].name))
        if leader is None:
            person = self.kb.people_with_short(named.split("-")[0], state.year, state.countries)
            leader = person if person is not None and person.entity.type == "leader" else None
        if leader is not None and leader.entity.country_iso3:
            return self.kb.entities.get(f"state:{leader.entity.country_iso3}")
        return None

    def _common_noun_after_the(self, span: Span) -> bool:
        """True for one capitalised common word after "the" ("The Summit brings together",
        "the Mall"): a shorthand of a name said before, not a small town of that name (Summit,
        New Jersey). WordNet's nouns include large cities ("the Mosul farmer"): those stay."""
        return len(span) == 1 and span.start > 0 and span.doc[span.start - 1].lower_ == "the" \
            and span[0].lower_ in self.common \
            and all(c.population < NAMING_CITY_MIN_POPULATION for c in self.kb.cities.get(fold(span.text), ()))

    def place(self, doc: Doc, span: Span, state: "DocState") -> list[dict]:
        government = self._government_of(span, state)
        if government is not None:
            return [state.mention(span, government, "actor", "metonym")]  # "the Soviet Government"
        if fold(span.text) in state.surnames:
            return [state.mention(span, state.surnames[fold(span.text)], "actor", "person")]  # "Hyde" after "Henry Hyde"
        if len(span) > 1 and span[-1].lower_ in WORDS.org_name_words:
            return self.org(span, state)  # "Task Force Takuba", "the opposition Unitary Platform": bodies
        city = self.kb.city(span.text, state.countries) if not self._common_noun_after_the(span) else None
        if city is not None:
            return [state.mention(span, city, "place", "place")]
        if (span.label_ == "GPE" and not span.text[:1].isupper() or in_headline(span) or not plausible_place(span, self.common)
                or len(span) == 1 and span[0].lower_ in WORDS.title_words  # "the Chargé in Damascus"
                or len(span) == 1 and span[0].tag_ == "NNPS"):
            return []  # ("Bolsheviks", "Jacobites": a people, not a place)
        entity = Entity(f"place:{slug(span.text)}", span.text, "place", "")
        return [state.mention(span, entity, "place", "place")]

    def resolve_surname(self, short: str, state: "DocState", pair: bool, ner: bool = False,
                        roles: Collection[str] = ()) -> Entity | None:
        known = state.surnames.get(fold(short))
        if known is not None:
            return known
        if not (pair or ner) and fold(short) in WORDS.common_word_surnames:
            return None
        person = self.kb.people_with_short(short, state.year, state.countries, roles)
        return self.kb.person_entity(person, state.year) if person else None

    def shared_capitals(self, mentions: list[dict], state: "DocState") -> None:
        """A capital or metonym two states share stands for the one the text otherwise names.

        "Moscow" and "the Kremlin" are Russia's, but in a text that names the Soviet Union
        (by name, people or bodies) and never Russia they are the Soviet Union's; likewise
        Hanoi for North Vietnam and Belgrade for Yugoslavia.
        """
        named = {state.entities[m["entity_id"]].entity_id for m in mentions
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
        nearby; a place takes the country its name or the state it is in gives ("the port of
        Basra in southern Iraq", see :meth:`_place_country`). Known entities keep the knowledge base's country, or none
        (a region spanning states has none).
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
        from the state named where it is, else from the state named nearest in its sentence.

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
    def _contains(doc: Doc, state_mention: dict, place: Span) -> bool:
        """True when a state's mention is where a place is: in the place's own phrase ("Basra
        in southern Iraq", "Kumasi, Ghana", "Iraq's Basra") or in the phrase of the noun the
        place names ("the port of Basra in southern Iraq"); not a state merely named in the
        same sentence ("from Central Africa to Turkey")."""
        named = doc.char_span(state_mention["start_char"], state_mention["end_char"], alignment_mode="expand")
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
