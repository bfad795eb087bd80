"""Linking: each candidate span to a stable entity (a state, person, organisation or
place of the knowledge base, or a new one named after the span), with its kind (actor or
place) decided from its syntax."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from collections.abc import Collection

from ...knowledge import TITLE_ROLES, Entity, KnowledgeBase, fold, slug
from .candidates import Candidate
from .names import in_headline, plausible_org, plausible_person, plausible_place
from .state import DocState
from .syntax import acts, hyphen_pair, is_location, is_location_list, names_a_thing, seat_of_government, us_state_context
from .words import NAME_HEADS, WORDS

#: A one-word name after "the" that is also a common noun is read as a town only when a
#: city this large bears it ("the Mosul farmer", not "The Summit brings together").
NAMING_CITY_MIN_POPULATION = 100_000
#: A name the model calls a person, not after a locative preposition, is a city only from this
#: size (Aqaba, Salonica), not a small town that shares a given name (Alice, Texas).
PERSON_CITY_MIN_POPULATION = 50_000

#: A surname alone names a known leader or official only within this many years of their
#: time in office, counted from the publication year, unless the text names their state
#: or pairs the name with another leader's ("the Medvedev-Sarkozy ceasefire plan").
SURNAME_YEARS = 8

ROLE_PRIORITY = {"person": 0, "org": 1, "place": 2, "country": 3, "capital": 4, "metonym": 5, "demonym": 6}


#: Entity types that are not bodies.
_NOT_BODIES = {"state", "leader", "official", "person", "city", "country", "region", "place", "province"}


#: Last words of names of sites that are never bodies, wherever the text puts them.
_SITE_HEADS = frozenset({"airport", "airbase", "dam", "highway", "bridge", "canal", "harbour", "harbor"})


def _agent(span: Span) -> bool:
    """True when the name is the doer of a passive verb ("led by Trafigura, Mota-Engil and
    Vecturis")."""
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
    return root.dep_ == "pobj" and root.head.dep_ == "agent"


#: Prepositions after which a name is inside a place, never at a body.
_INSIDE_PREPS = frozenset({"in", "near", "outside", "around", "across", "inside", "into", "within"})
#: Words after which "in" names a publication, not a place ("wrote in Izvestia").
_WRITING = frozenset({"write", "publish", "say", "argue", "note", "report", "article", "interview", "column", "editorial",
                      "op-ed", "piece", "letter", "essay", "comment", "quote", "appear", "tell", "print"})


def _name_end(span: Span) -> int:
    """The index just past the capitalised words right after ``span``."""
    doc, end = span.doc, span.end
    while end < len(doc) and doc[end].is_title and not doc[end].is_sent_start:
        end += 1
    return end


def _name_after(span: Span) -> str:
    """The capitalised words right after ``span`` ("Solomon Islands" after "Mission to")."""
    return span.doc[span.end:_name_end(span)].text


def part_entity(name: str, whole: Entity, kind: str) -> Entity:
    """A place named after part of ``whole`` ("northern Syria") or a site in it ("Abu Ghraib
    prison"), with its code and coordinates."""
    return Entity(f"place:{slug(name)}", name, kind, whole.country_iso3, whole.latitude, whole.longitude)


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
        self._given_names: frozenset[str] | None = None  # built on first use
        for surface in kb.surfaces:
            self._surface_by_fold.setdefault(fold(surface), surface)

    def register_full_names(self, candidates: list["Candidate"], state: "DocState") -> None:
        """First pass: full names anywhere in the document resolve surnames everywhere in it
        ("the Anwar-Prabowo talks ... Anwar Ibrahim said")."""
        for span, source, _ in candidates:
            state.named_countries.update(self.kb.entities[eid].country_iso3 for eid, role in self.kb.surfaces.get(span.text, ())
                                         if role in {"country", "demonym", "capital"})
            if len(span.text.split()) < 2 or hyphen_pair(span):
                continue
            person = self.kb.person(span.text, state.year, state.countries)
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
        named = state.acronym_of(text) if len(span) == 1 else None
        if named is not None and all(role == "org" for _, role in options):
            # "the ICC" after "the International Cricket Council": the body the text named
            # before, not the court the knowledge base knows by those letters.
            state.acronyms[text] = named
            return [state.mention(span, named, "actor", "org")]
        if options:
            entity_id, role = min(options, key=lambda o: ROLE_PRIORITY.get(o[1], 9))
            if role == "org" and any(r == "capital" for _, r in options) and is_location(span):
                # "Brussels" acts as the European Union; as a location it is the city
                entity_id, role = next(o for o in options if o[1] == "capital")
            # A full name the model calls a person stays one even if it is also a place's
            # name ("Jordan Henderson"); otherwise the knowledge base decides.
            if not (source == "PERSON" and role in {"country", "capital", "place"} and len(span) > 1):
                mention = self.kb_mention(doc, span, entity_id, role, state)
                return [mention] if mention is not None else []
        if not options and source != "kb" and len(span) >= 2:
            split = self._owner_and_name(doc, span, state)
            if split is not None:
                return split
        if not options and source != "kb":
            named = self._first_words_of_named(span, state)
            if named is not None:
                return [named]
        if hyphen_pair(span):
            # "Biden-Rouhani", "Vučić-Kurti": the model tags pairs of leaders with any label.
            pair = self.person(doc, span, state, pair_only=True)
            if pair:
                return pair
        if source in {"PERSON", "ORG"} and self.kb.person(span.text) is None and fold(span.text) not in state.surnames \
                and not self._after_body_noun(span):
            # "universities in Manchester and Glasgow": a city the model read as a name.
            place = self.kb.city(span.text, state.countries) \
                if not (self._common_noun_after_the(span) or self._word_not_town(span, state)) else None
            if place is not None and (is_location(span) or fold(span.text) not in self.kb.people_by_short
                                      and (source == "ORG" or self._large_or_known_city(span.text, place))):
                # (a name the model calls a person, nowhere placed, is a small town only by
                # accident: "as if some new Alice had ventured")
                return [state.mention(span, place, "place", "place")]
        if source in {"GPE", "LOC", "ORG"} and len(span) == 1 and self.kb.city(span.text) is None:
            person = self.resolve_surname(span.text, state, pair=False, ner=True, roles=title_roles(span))
            if person is not None:
                return [state.mention(span, person, "actor", "person")]
        if source in {"GPE", "LOC"} and (span.text in WORDS.compass_words or all(
                part in WORDS.compass_words for part in re.split(r"[-\u2013]", span.text))):
            return []  # "the West", and "North-South" of "the North-South Commuter Railway"
        if source == "PERSON" and len(span) == 2 and span.root.dep_ != "appos" and is_location(span) and self.kb.person(span.text) is None \
                and not (span.end < len(doc) and doc[span.end].pos_ in {"VERB", "AUX"}) \
                and fold(span.text) not in state.surnames and not self._given_name_first(span) \
                and span[0].lower_.rstrip(".") not in WORDS.person_titles | WORDS.honorifics:
            return self.place(doc, span, state)  # "entered Tell Tamer and Ain Issa": towns the model read as people
        if source in {"PERSON", "ORG"} and len(span) > 1 and span[0].tag_ == "VBG" and span[0].is_title:
            # "Isolating Addis Ababa would backfire": a verb that starts a sentence, then a name
            rest = span[1:]
            return self.link(doc, rest, "GPE" if self.kb.surfaces.get(rest.text) or self.kb.city(rest.text) else source, state)
        if source == "PERSON":
            return self.person(doc, span, state)
        if source == "ORG" and len(span) > 1 and span[-1].is_lower and span[-1].lower_ in WORDS.geo_head_words:
            return self.place(doc, span, state)  # "the wider Indo-Pacific region"
        if source == "ORG" and len(text.split()) <= 2 and all(w.istitle() and w.lower() not in WORDS.org_name_words | WORDS.generic_org_words
                                                           and w not in WORDS.org_head_words for w in text.split()) \
                and (is_location(span, _INSIDE_PREPS) or is_location_list(span)) \
                and not self.kb.orgs_by_name.get(fold(text)) and state.acronym_of(text) is None \
                and fold(text) not in self.common and text not in WORDS.org_head_words \
                and span.root.head.head.pos_ != "PROPN" and span.root.head.head.lemma_.lower() not in _WRITING:
            # "his residence in Novo-Ogaryovo", "congestion in Apapa": a town the model read as
            # a body is where something happens ("at" is left out: "she works at Huawei"; nor
            # a paper one writes in: "Trotzky in Izvestia")
            return self.place(doc, span, state)
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
            # a name two people share is the one of the document's year ("King Abdullah")
            person = self.kb.person(span.text, state.year, state.countries) or self.kb.person(entity.name)
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
        known = self.kb.person(span.text, state.year, state.countries)
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
        end = _name_end(span)
        after = span.doc[end] if end < len(span.doc) else None
        if after is not None and (end > span.end or after.is_lower) and after.lower_ in WORDS.org_event_words \
                and after.lower_ not in {"act", "law"}:
            return []  # "the Pacific Australia" + "Labour Mobility scheme": the name of a scheme, not a body
        if (words[0].lower() in WORDS.title_words | WORDS.org_not_first or words[-1].lower() in WORDS.org_event_words
                or span[0].tag_ == "VBG" or not span.text[:1].isupper() or not any(ch.isalpha() for ch in span.text)):
            return []
        if len(span) == 1 and span.text in WORDS.org_head_words and span.start > 0 and span.doc[span.start - 1].lower_ == "the":
            # "the Bank" after "the World Bank", "the Commission" after "the Permanent Indus
            # Commission": the one body the text named with that head word
            same = [e for e in state.entities.values() if e.type not in _NOT_BODIES and len(e.name.split()) > 1
                    and e.name.split()[-1] == span.text]
            if len(same) == 1:
                return [state.mention(span, same[0], "actor", "org")]
        if len(span) == 1 and (span[0].tag_ not in {"NNP", "NNPS"} and not span.text.isupper()
                               or span.text.isupper() and len(span.text) > 5 or span.text.lower() in WORDS.generic_org_words):
            # "OPINION", "Council", "State": a heading or a common noun, not a named body.
            return []
        state_entity = self._government_of(span, state)
        if state_entity is not None:
            return [state.mention(span, state_entity, "actor", "metonym")]
        place = next((e for e in state.entities.values() if e.name == span.text and e.entity_id.startswith(("place:", "geo:"))), None)
        if place is not None:
            return [state.mention(span, place, "place", "place")]  # "around Sandton" after "hotels in Sandton"
        entity_id = self.kb.orgs_by_name.get(fold(span.text)) or self._state_body(span)
        if entity_id:
            return [state.mention(span, self.kb.entities[entity_id], "actor", "org")]
        if len(span) > 1 and span[-1].lower_ in _SITE_HEADS:
            # "The New Gwadar International Airport, financed by a Chinese grant": a site, never a body
            return [state.mention(span, Entity(f"place:{slug(span.text)}", span.text, "facility", ""), "place", "place")]
        if len(span) > 1 and span[-1].lower_ in WORDS.facility_words and is_location(span):
            # "opened a new wing at Komfo Anokye Teaching Hospital": a building where
            # something happens is a place
            return [state.mention(span, Entity(f"place:{slug(span.text)}", span.text, "facility", ""), "place", "place")]
        if (len(span) == 3 and span[1].lower_ == "and" and span[0].is_title and span[2].is_title and is_location(span)
                and not {span[0].lower_, span[2].lower_} & (WORDS.org_head_words | WORDS.org_name_words | WORDS.generic_org_words)
                and any(self.kb.city(t.text) is not None or any(r == "place" for _, r in self.kb.surfaces.get(t.text, ()))
                        for t in (span[0], span[2]))):
            # "the bombed sites at Fordow and Natanz": two places, not one body
            return [m for i in (span.start, span.end - 1) for m in self.place(span.doc, span.doc[i:i + 1], state)]
        pair = self._two_bodies(span, state)
        if pair is not None:
            return pair
        listed = re.match(r",\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)*,?\s+and\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?",
                          state.text[span.end_char:span.end_char + 120])
        if listed and span[0].text in WORDS.org_head_words and len(span) >= 3 and span[-2].lower_ == "of":
            # "the Ministry of Economy" + ", Trade and Industry": the body's whole name
            name = span.text + listed.group(0)
            entity = self.kb.entities.get(self.kb.orgs_by_name.get(fold(name), "")) or Entity(f"org:{slug(name)}", name, "organization", "")
            state.remember_org(entity)
            return [state.mention_chars(span.doc, span.start_char, span.end_char + len(listed.group(0)), entity, "actor", "org")]
        entity = state.acronym_of(span.text)
        if entity is None and len(span) > 2 and span[-1].lower_ in {"to", "of", "for", "on"}:
            # "the Regional Assistance Mission to" + "Solomon Islands": the name goes on over the
            # state the model tagged apart; the body takes the whole name (so "RAMSI" is its
            # acronym), the mention keeps its words
            rest = _name_after(span)
            if rest:
                entity = Entity(f"org:{slug(span.text + ' ' + rest)}", f"{span.text} {rest}", "organization", "")
        person = state.person_named(span.text) if entity is None else None
        if person is not None:
            return [state.mention(span, person, "actor", "person")]  # "Caleb Cushing", named as a person before
        if entity is None and (self._introduced_as_person(span) or self._hyphenated_given_name(span)
                               or self._person_by_company(span, state)):
            return self.person(span.doc, span, state)  # "opposition candidate María Corina Machado"
        if entity is None:
            if in_headline(span) or not plausible_org(span, self.kb, self.common):
                return []
            entity = Entity(f"org:{slug(span.text)}", span.text, "organization", "")
        state.remember_org(entity)
        return [state.mention(span, entity, "actor", "org")]

    def _state_body(self, span: Span) -> str | None:
        """A body the knowledge base knows, named with its state in front: "U.S. Treasury
        Department", "US Department of Justice", "the Indian Ministry of External Affairs"."""
        for k in range(1, min(3, len(span) - 1) + 1):
            options = self.kb.surfaces.get(span[:k].text, [])
            iso3 = next((self.kb.entities[eid].country_iso3 for eid, role in options if role in {"country", "demonym"}), None)
            entity_id = self.kb.orgs_by_name.get(fold(span[k:].text)) if iso3 else None
            if entity_id and self.kb.entities[entity_id].country_iso3 == iso3:
                return entity_id
        return None

    def _hyphenated_given_name(self, span: Span) -> bool:
        """"Jean-Bertrand Aristide", "Jean-Claude Juncker": a hyphenated given name and a
        surname the model calls an organisation, with no word of a body or a state in it."""
        match = re.fullmatch(r"([A-Z][a-z]+)-([A-Z][a-z]+) ([A-Z][a-z]+)", span.text)
        return match is not None and not any(
            self.kb.surfaces.get(part) or part.lower() in WORDS.combining_forms for part in match.groups()[:2]) \
            and fold(match.group(3)) not in self.common and match.group(3).lower() not in WORDS.org_name_words | NAME_HEADS

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

    def _two_bodies(self, span: Span, state: "DocState") -> list[dict] | None:
        """Two bodies the model ran together with "and" ("Naftogaz and Gazprom", "the
        Federation of Korean Industries and Keidanren"): the word after "and" is one unknown
        name, not an ordinary word of a longer name ("Ministry of Trade and Industry")."""
        k = next((i for i, t in enumerate(span) if t.lower_ == "and"), None)
        if k is None or k == 0 or k != len(span) - 2:
            return None
        last = span[-1]
        if not last.is_title or last.lower_ in self.common or self.kb.surfaces.get(span.text) or len(last.text) < 3:
            return None
        left, right = span[:k], span[k + 1:]
        if left[-1].lower_ in self.common and len(left) == 1:
            return None
        return self.org(left, state) + self.org(right, state)

    def _owner_and_name(self, doc: Doc, span: Span, state: "DocState") -> list[dict] | None:
        """Two names the model ran together: a possessor and a body ("USAID's Center for
        International Disaster Information", "Cuba's Institute of Meteorology"), or a state
        and one of its people ("Prime Minister of Israel Yair Lapid"). Each is linked on its own."""
        mark = next((k for k, t in enumerate(span) if t.text in {"'s", "\u2019s"}), None)
        if mark is not None and 1 <= mark <= 3 and len(span) - mark - 1 >= 2 and span[mark + 1].is_title and (
                self.kb.surfaces.get(span[:mark].text) or span[:mark].text.isupper()
                or any(e.name == span[:mark].text for e in state.entities.values())):
            # (the possessor is a name the text or the knowledge base knows: not "People's
            # Democratic Party of Afghanistan" nor "St Patrick's Day")
            owner, rest = span[:mark], span[mark + 1:]
            owned = self.link(doc, owner, "GPE" if self.kb.surfaces.get(owner.text) else "ORG", state)
            return owned + self.org(rest, state)
        first = span[:1]
        if len(span) >= 3 and any(role == "country" for _, role in self.kb.surfaces.get(first.text, ())) \
                and self.kb.person(span[1:].text, state.year, state.countries) is not None:
            return self.link(doc, first, "GPE", state) + self.person(doc, span[1:], state)
        return None

    @staticmethod
    def _first_words_of_named(span: Span, state: "DocState") -> dict | None:
        """"Scarborough" after "Scarborough Shoal", "the Pedro Kourí Institute" after "the
        Pedro Kourí Institute of Tropical Medicine": the first words of a place or body the
        text named in full before, where they name nothing the knowledge base knows (a town
        in England, here)."""
        words = span.text.split()
        if not span.text[:1].isupper() or span.text.isupper() or words[0] in WORDS.compass_words \
                or words[0].lower() in WORDS.part_of_place_words:
            return None  # ("the South" is a Korea, not "South Pyongan")
        body_words = WORDS.org_name_words | {w.lower() for w in WORDS.org_head_words}
        for entity in state.entities.values():
            names = entity.name.split()
            if not (len(names) > len(words) and names[:len(words)] == words and entity.entity_id.startswith(("place:", "org:"))):
                continue
            # Not the name of a body after its place ("Sandton" of "Sandton Convention Centre"),
            # unless the words themselves end in a body's word ("Pedro Kourí Institute").
            if words[-1].lower() not in body_words and any(w.lower() in body_words for w in names[len(words):]):
                continue
            body = entity.type in {"organization", "igo"}
            return state.mention(span, entity, "actor" if body else "place", "org" if body else "place")
        return None

    def _large_or_known_city(self, name: str, place: Entity) -> bool:
        return not place.entity_id.startswith("geo:") or self.kb.city_population(name) >= PERSON_CITY_MIN_POPULATION

    def _word_not_town(self, span: Span, state: "DocState") -> bool:
        """True for a capitalised common word that only small towns are named after, where
        nothing is placed in it: part of a longer name ("the UK-Africa Investment Summit",
        "Federal networks", "Liberty bonds", "Jupiter missiles") or not after a locative
        preposition ("if some new Alice had ventured"). "Talks in Summit" is still the town."""
        if len(span) != 1 or span[0].lower_ not in self.common or self.kb.city_population(span.text) >= NAMING_CITY_MIN_POPULATION:
            return False
        # WordNet also lists places ("Aqaba"): the word is an ordinary one when the text also
        # writes it in lower case, or when no town of that name is in a state the text names.
        if re.search(r"\b" + re.escape(span[0].lower_) + r"\b", state.text) is None \
                and {c.country_iso3 for c in self.kb.cities.get(fold(span.text), ())} & state.countries:
            return False
        doc, token = span.doc, span[0]
        before = doc[span.start - 1] if span.start > 0 else None
        after = doc[span.end] if span.end < len(doc) else None
        return (before is not None and before.is_title and not before.is_sent_start and before.lower_ != "the"
                or after is not None and (after.is_title or after.pos_ in {"NOUN", "PROPN"})
                or token.dep_ == "compound" or not is_location(span))

    def place(self, doc: Doc, span: Span, state: "DocState") -> list[dict]:
        government = self._government_of(span, state)
        if government is not None:
            return [state.mention(span, government, "actor", "metonym")]  # "the Soviet Government"
        if fold(span.text) in state.surnames:
            return [state.mention(span, state.surnames[fold(span.text)], "actor", "person")]  # "Hyde" after "Henry Hyde"
        if len(span) > 1 and span[-1].lower_ in WORDS.org_name_words:
            return self.org(span, state)  # "Task Force Takuba", "the opposition Unitary Platform": bodies
        if self._after_body_noun(span):
            return self.org(span, state)  # "the French group Orano", not Oran; "the national airline Belavia"
        city = self.kb.city(span.text, state.countries) if not self._common_noun_after_the(span) else None
        if city is not None and self._word_not_town(span, state):
            return []
        if city is not None:
            return [state.mention(span, city, "place", "place")]
        if (span.label_ == "GPE" and not span.text[:1].isupper() or in_headline(span) or not plausible_place(span, self.common)
                or len(span) == 1 and span[0].lower_ in WORDS.title_words  # "the Chargé in Damascus"
                or all(part.lower() in WORDS.title_words for part in re.split(r"[-\u2013]", span.text))  # "the Governor-General"
                or span[-1].tag_ == "NNPS" and (len(span) == 1 or span[-1].lower_ not in NAME_HEADS | {"states"})
                or len(span) == 1 and span[0].lower_ in WORDS.non_name_acronyms  # "trustworthy AI"
                or span.end < len(doc) and doc[span.end].lower_ in WORDS.org_event_words):
            return []  # ("Bolsheviks", "Jacobites": a people, not a place; "the Prosper Africa initiative": a thing)
        part = self._part_of_place(span)
        if part is None and len(span) == 1 and span.text.isupper() and len(span.text) > 3:
            return []  # "under UNCLOS": an unknown acronym names a treaty or a body, not a place
        if part is None and span.start > 0 and doc[span.start - 1].lower_ in WORDS.body_nouns:
            return self.org(span, state)  # "the national airline Belavia", "the rights centre Viasna": bodies
        if part is None and _agent(span):
            return self.org(span, state)  # "a consortium led by Trafigura and Vecturis": who does it, no place
        if part is None and (self._given_name_first(span) or self._person_by_company(span, state)):
            return self.person(doc, span, state)  # "after the death of Yevgeny Prigozhin"
        person = self._named_person(span, state) if part is None and len(span) == 1 else None
        if person is not None:
            state.remember_person(person)
            return [state.mention(span, person, "actor", "person")]
        entity = part or Entity(f"place:{slug(span.text)}", span.text, "place", "")
        return [state.mention(span, entity, "place", "place")]

    def _after_body_noun(self, span: Span) -> bool:
        return len(span) == 1 and span.start > 0 and span.doc[span.start - 1].lower_ in WORDS.body_nouns \
            and not self.kb.surfaces.get(span.text)

    def _given_name_first(self, span: Span) -> bool:
        """True for an unknown name of two or three capitalised words that starts with a given
        name of the knowledge base's people and not like any town's name ("Yevgeny
        Prigozhin", not "San Stefano" or "Port Hamilton")."""
        if not 2 <= len(span) <= 3 or not all(t.is_title for t in span) or span[-1].lower_ in NAME_HEADS:
            return False
        if self._given_names is None:
            town_starts = {key.split()[0] for key in self.kb.cities if " " in key}
            self._given_names = frozenset(
                first for e in self.kb.entities.values() if e.type in {"leader", "official", "person"} and " " in e.name
                for first in [e.name.split()[0]] if first.isalpha() and len(first) > 2 and fold(first) not in town_starts)
        return span[0].text in self._given_names and not any(self.kb.surfaces.get(t.text) for t in span)

    def _person_by_company(self, span: Span, state: "DocState") -> bool:
        """True for an unknown name of two or three capitalised words that the text sets beside
        a person: in apposition to a noun for what a person is ("María Corina Machado, the
        opposition leader", "the foreign ministers, Giorgos Gerapetritis and ..."), or joined
        by "and" to a person the knowledge base or the text knows ("Giorgos Gerapetritis and
        Hakan Fidan")."""
        if not 2 <= len(span) <= 3 or not all(t.is_title for t in span) or any(
                self.kb.surfaces.get(t.text) or fold(t.text) in self.common or t.lower_ in WORDS.person_titles for t in span):
            return False  # (nor words of a title or common words: "Major General", "Executive Power")
        root = span.root
        people = WORDS.person_nouns | WORDS.title_words | {"leader", "leaders", "official", "officials"}
        lemma = root.head.lemma_.lower()
        if root.dep_ == "appos" and (lemma in people or root.head.lower_ in people) and root.head.i < span.start:
            return True
        if any(c.dep_ == "appos" and (c.lemma_.lower() in people or c.lower_ in people) for c in root.children):
            return True
        partners = [c for c in root.conjuncts if not span.start <= c.i < span.end]
        for partner in partners:
            name = span.doc[partner.left_edge.i:partner.i + 1].text
            name = re.sub(r"^(?:and|the)\s+", "", name)
            if self.kb.person(name, state.year, state.countries) is not None or state.person_named(name) is not None:
                return True
        return False

    def _named_person(self, span: Span, state: "DocState") -> Entity | None:
        """An unknown one-word name the model calls a place that the text uses as a person's:
        the first name of a person it named ("Jamal" after "Jamal Khashoggi"), the last word
        of a full name it gives somewhere ("Nunes" of "Intelligence Chair Devin Nunes"), or
        the subject of a verb of saying ("said Khoshaba", "as Yazan said")."""
        word = span.text
        if not word[:1].isupper() or self.kb.surfaces.get(word):
            return None
        named = next((e for e in state.entities.values() if e.type in {"person", "leader", "official"}
                      and len(e.name.split()) > 1 and e.name.split()[0] == word), None)
        if named is not None:
            return named
        for match in re.finditer(r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?) " + re.escape(word) + r"\b", state.text):
            given = match.group(1)
            if all(fold(part) not in self.common and not self.kb.surfaces.get(part) and part.lower() not in WORDS.person_titles
                   for part in given.split("-")):
                name = f"{given} {word}"
                known = self.kb.person(name, state.year, state.countries)
                return self.kb.person_entity(known, state.year) if known is not None else Entity(f"person:{slug(name)}", name, "person", "")
        root = span.root
        if root.dep_ == "nsubj" and root.head.lemma_.lower() in WORDS.speech_verbs:
            return Entity(f"person:{slug(word)}", word, "person", "")
        return None

    def _part_of_place(self, span: Span) -> Entity | None:
        """"Northwestern Syria", "Eastern Ukraine": part of a state or region, with its code
        and coordinates."""
        if len(span) < 2 or span[0].lower_ not in WORDS.part_of_place_words:
            return None
        options = self.kb.surfaces.get(span[1:].text, [])
        whole = next((self.kb.entities[eid] for eid, role in options if role in {"country", "place"}), None)
        return part_entity(span.text, whole, "region") if whole is not None else None

    def resolve_surname(self, short: str, state: "DocState", pair: bool, ner: bool = False,
                        roles: Collection[str] = ()) -> Entity | None:
        known = state.surnames.get(fold(short))
        if known is not None:
            return known
        if not (pair or ner) and fold(short) in WORDS.common_word_surnames:
            return None
        person = self.kb.people_with_short(short, state.year, state.countries, roles)
        if person is not None and state.published and not pair and person.distance_to(state.year) > SURNAME_YEARS \
                and person.country(state.year) not in state.countries | state.named_countries:
            return None  # "Chairman Smith" in a 2024 hearing is not Australia's defence minister of 2013
        return self.kb.person_entity(person, state.year) if person else None
