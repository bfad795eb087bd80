"""Actor and place recognition and linking (the ``policy_actors`` component).

Candidates come from two sources: the model's named entities and a phrase matcher over
the knowledge base (which finds what the model misses: demonyms, acronyms, "Mount Paektu",
leaders' surnames inside "Trump-Kim"). Each candidate is linked to a stable entity id and
given a *kind* from its syntax: a state or capital that is the location of an event is a
place; one that acts, is acted upon or possesses is an actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import numpy
from spacy.attrs import IS_TITLE
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span

from ..knowledge import Entity, KnowledgeBase, fold, load_knowledge_base, slug
from .extensions import register_extensions
from .lexicon import read_data_json

NER_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}


@dataclass(frozen=True)
class ActorWords:
    """The linker's word lists, read from ``data/actor_lexicon.json`` (see its ``_about`` notes)."""

    locative_preps: frozenset[str]
    untagged_place_preps: frozenset[str]
    motion: frozenset[str]
    visit: frozenset[str]
    common_word_surnames: frozenset[str]
    org_event_words: frozenset[str]
    org_not_first: frozenset[str]
    generic_org_words: frozenset[str]
    title_words: frozenset[str]
    compass_words: frozenset[str]
    org_head_words: frozenset[str]


@lru_cache(maxsize=1)
def load_actor_words() -> ActorWords:
    raw = read_data_json("actor_lexicon.json")

    def words(key: str) -> frozenset[str]:
        return frozenset(raw[key]["words"])

    locative = words("locative_prepositions")
    return ActorWords(
        locative_preps=locative, untagged_place_preps=locative | words("untagged_place_prepositions"),
        motion=words("motion_words"), visit=words("visit_verbs"), common_word_surnames=words("common_word_surnames"),
        org_event_words=words("org_event_words"), org_not_first=words("org_not_first"),
        generic_org_words=words("generic_org_words"), title_words=words("title_words"),
        compass_words=words("compass_words"), org_head_words=words("org_head_words"),
    )


WORDS = load_actor_words()

ROLE_PRIORITY = {"person": 0, "org": 1, "place": 2, "country": 3, "capital": 4, "metonym": 5, "demonym": 6}


@Language.factory(
    "policy_actors",
    assigns=["doc._.policy_mentions", "doc._.policy_entities"],
    requires=["doc.ents", "token.dep", "token.pos"],
    default_config={},
)
def make_actor_linker(nlp: Language, name: str) -> "ActorLinker":
    """Create the actor and place linker over the shared knowledge base."""
    return ActorLinker(nlp, load_knowledge_base())


def phrase_keys(nlp: Language, phrases: list[str], attr: str) -> list[tuple[int, ...]]:
    """Phrase-matcher patterns for ``phrases``: the ``attr`` (``ORTH`` or ``LOWER``) hash
    of each token, what ``PhraseMatcher(attr=attr).add`` would take from tokenized docs.

    Tokenizing seven thousand names would create a lexeme, with all its attributes, for
    every word the articles will never contain, a third of a second at each start. A
    phrase of plain words separated by single spaces is one token per word for spaCy's
    tokenizer (no affix or infix rule applies to letters alone; special cases are looked
    up), so its hashes are computed directly; the tokenizer handles the rest. A test
    checks both routes agree on every name in the knowledge base.
    """
    lower = attr == "LOWER"
    rules = nlp.tokenizer.rules or {}
    keys: list[tuple[int, ...]] = []
    other: list[str] = []
    for phrase in phrases:
        words = phrase.split(" ")
        if all(word.isalpha() and word not in rules for word in words):
            keys.append(tuple(get_string_id(word.lower() if lower else word) for word in words))
        else:
            other.append(phrase)
    keys.extend(tuple(t.lower if lower else t.orth for t in doc) for doc in nlp.tokenizer.pipe(other))
    return keys


class ActorLinker:
    """Find, link and classify actor and place mentions; see the module docstring."""

    def __init__(self, nlp: Language, kb: KnowledgeBase) -> None:
        register_extensions()
        self.kb = kb
        self.org_patterns = Matcher(nlp.vocab)
        heads = sorted(WORDS.org_head_words)
        self.org_patterns.add("ORG", [
            [{"IS_TITLE": True, "OP": "+"}, {"ORTH": {"IN": heads}}],
            [{"IS_TITLE": True, "OP": "+"}, {"ORTH": "-"}, {"IS_TITLE": True, "OP": "+"}, {"ORTH": {"IN": heads}}],
            [{"ORTH": {"IN": heads}}, {"LOWER": {"IN": ["of", "for"]}}, {"LOWER": "the", "OP": "?"},
             {"IS_TITLE": True, "OP": "+"}],
        ], greedy="LONGEST")
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")
        exact, lower = [], []
        for surface in kb.surfaces:
            tokens = surface.split()
            roles = {role for _, role in kb.surfaces[surface]}
            # Multi-word names of places and organisations match in any case ("Korean
            # peninsula"); single words and acronyms only as written ("US" but not "us").
            if len(tokens) > 1 and not roles & {"demonym"}:
                lower.append(surface.lower())
            else:
                exact.append(surface)
        self.exact.add("KB", phrase_keys(nlp, exact, "ORTH"))
        self.lower.add("KB", phrase_keys(nlp, sorted(set(lower)), "LOWER"))
        self._surface_by_fold: dict[str, str] = {}
        for surface in kb.surfaces:
            self._surface_by_fold.setdefault(fold(surface), surface)

    # ------------------------------------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        candidates = self._candidates(doc)
        state = _DocState(year=doc._.policy_year, text=doc.text)
        self._register_full_names(candidates, state)
        mentions = []
        for span, source in candidates:
            for mention in self._link(doc, span, source, state):
                mentions.append(mention)
        # The token scans below look at title-case words only; reading the flag for the
        # whole document at once avoids building a Python object for every token.
        titles = [int(i) for i in numpy.flatnonzero(doc.to_array([IS_TITLE]))] if len(doc) else []
        mentions.extend(self._untagged_places(doc, titles, mentions, state))
        mentions.extend(self._bare_surnames(doc, titles, mentions, state))
        mentions.extend(self._korean_halves(doc, titles, mentions, state))
        mentions.sort(key=lambda m: m["start_char"])
        self._infer_countries(doc, mentions, state)
        doc._.policy_mentions = mentions
        doc._.policy_entities = {eid: dict(vars(ent)) for eid, ent in state.entities.items()}
        return doc

    # -- candidates -------------------------------------------------------------------------
    def _candidates(self, doc: Doc) -> list[tuple[Span, str]]:
        spans: list[tuple[Span, str]] = []
        for matcher in (self.exact, self.lower):
            for _, start, end in matcher(doc):
                if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].is_lower and not doc[start - 2].whitespace_:
                    continue  # "Sharif" in "Mazar-i-Sharif"
                spans.append((doc[start:end], "kb"))
        for _, start, end in self.org_patterns(doc):
            # Named bodies the model missed: "Emory University", "Ministry of Public Health".
            span = _trim(Span(doc, start, end, label="ORG"))
            if span is not None and not any(t.is_sent_start and t.i == span.start and t.pos_ != "PROPN" for t in span):
                spans.append((span, "ORG"))
        for ent in doc.ents:
            if ent.label_ in NER_LABELS:
                ent = _trim(ent)
                # "Soviet Union/Russia", "Building Trust: Science Diplomacy": the model joined
                # two names or read a headline as a name; the knowledge base matches decide.
                if ent is not None and not any(t.text in {"/", ":", "|"} for t in ent):
                    spans.append((ent, ent.label_))
        # Longest first; on equal length the knowledge base wins over the model.
        spans.sort(key=lambda item: (-(item[0].end - item[0].start), item[1] != "kb", item[0].start))
        taken: set[int] = set()
        chosen = []
        for span, source in spans:
            if any(i in taken for i in range(span.start, span.end)) or any(t.is_space or "\n" in t.text for t in span):
                continue
            taken.update(range(span.start, span.end))
            chosen.append((span, source))
        chosen.sort(key=lambda item: item[0].start)
        return chosen

    def _register_full_names(self, candidates: list[tuple[Span, str]], state: "_DocState") -> None:
        """First pass: full names anywhere in the document resolve surnames everywhere in it
        ("the Anwar-Prabowo talks ... Anwar Ibrahim said")."""
        for span, source in candidates:
            if len(span.text.split()) < 2 or _hyphen_pair(span):
                continue
            person = self.kb.person(span.text)
            if person is not None:
                state.remember_person(person.entity, person.short)
            elif source == "PERSON" and not self.kb.surfaces.get(span.text):
                state.remember_person(Entity(f"person:{slug(span.text)}", span.text, "person", ""))

    # -- linking ----------------------------------------------------------------------------
    def _link(self, doc: Doc, span: Span, source: str, state: "_DocState") -> list[dict]:
        text = span.text
        defined = state.acronym_defined_by(span) or (state.acronyms.get(text) if len(span) == 1 else None)
        if defined is not None:
            state.acronyms[text] = defined
            # "UK Research and Innovation (UKRI)": the text defines the acronym, whatever
            # else it could stand for ("ICC" after "International Cricket Council").
            return [state.mention(span, defined, "actor", "org")]
        if source != "kb" and len(span) == 1 and fold(text) in state.surnames:
            # A surname after (or before) the full name, whatever label the model gave it.
            entity = state.surnames[fold(text)]
            return [state.mention(span, entity, "actor", "person")]
        options = self.kb.surfaces.get(text) or self.kb.surfaces.get(self._surface_by_fold.get(fold(text), ""), [])
        if options:
            entity_id, role = min(options, key=lambda o: ROLE_PRIORITY.get(o[1], 9))
            # A full name the model calls a person stays one even if it is also a place's
            # name ("Jordan Henderson"); otherwise the knowledge base decides.
            if not (source == "PERSON" and role in {"country", "capital", "place"} and len(span) > 1):
                return [self._kb_mention(doc, span, entity_id, role, state)]
        if _hyphen_pair(span):
            # "Biden-Rouhani", "Vučić-Kurti": the model tags pairs of leaders with any label.
            pair = self._person(doc, span, state, pair_only=True)
            if pair:
                return pair
        if source in {"PERSON", "ORG"} and self.kb.person(span.text) is None and fold(span.text) not in state.surnames:
            # "universities in Manchester and Glasgow": a city the model read as a name.
            place = self.kb.city(span.text, state.countries)
            if place is not None and (_is_location(span) or fold(span.text) not in self.kb.people_by_short):
                return [state.mention(span, place, "place", "place")]
        if source in {"GPE", "LOC", "ORG"} and len(span) == 1 and self.kb.city(span.text) is None:
            person = self._resolve_surname(span.text, state, pair=False, ner=True)
            if person is not None:
                return [state.mention(span, person, "actor", "person")]
        if source in {"GPE", "LOC"} and span.text in WORDS.compass_words:
            return []
        if source == "PERSON":
            return self._person(doc, span, state)
        if source == "ORG":
            return self._org(span, state)
        if source in {"GPE", "LOC", "FAC"}:
            return self._place(doc, span, state)
        if source == "NORP":
            iso3 = self.kb.demonym_country.get(fold(text))
            if iso3:
                return [state.mention(span, self.kb.entities[f"state:{iso3}"], "actor", "demonym")]
        return []

    def _kb_mention(self, doc: Doc, span: Span, entity_id: str, role: str, state: "_DocState") -> dict:
        entity = self.kb.entities[entity_id]
        if role == "country" and fold(span.text) in self.kb.us_states and _us_state_context(span, state):
            return state.mention(span, self.kb.entities[self.kb.us_states[fold(span.text)]], "place", "place")
        if role == "country":
            kind = "place" if _is_location(span) else "actor"
            return state.mention(span, entity, kind, role)
        if role == "capital":
            if _is_location(span) or not _acts(span):
                # The city itself ("Cape Town", not the capital listed first for South Africa).
                place = self.kb.city(span.text, {entity.country_iso3}) or self.kb.entities.get(
                    self.kb.capital_place.get(entity_id, ""), entity)
                return state.mention(span, place, "place", role)
            return state.mention(span, entity, "actor", role)
        if role == "place":
            return state.mention(span, entity, "place", role)
        if role == "person":
            state.remember_person(entity)
        return state.mention(span, entity, "actor", role)

    def _person(self, doc: Doc, span: Span, state: "_DocState", pair_only: bool = False) -> list[dict]:
        parts = [p for p in re.split(r"\s*[-\u2013]\s*", span.text) if p]
        if _hyphen_pair(span):
            # "Trump-Kim", "Kim-Moon": two leaders in a hyphenated pair.
            pair = [self._resolve_surname(p, state, pair=True) for p in parts]
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
        person = known.entity if known is not None else None
        if person is None and len(span) == 1:
            person = self._resolve_surname(span.text, state, pair=False, ner=True)
        if person is not None:
            state.remember_person(person)
            return [state.mention(span, person, "actor", "person")]
        name = span.text
        last = name.split()[-1]
        known = state.surnames.get(fold(last)) if len(name.split()) == 1 else None
        entity = known or Entity(f"person:{slug(name)}", name, "person", "")
        state.remember_person(entity)
        return [state.mention(span, entity, "actor", "person")]

    def _infer_countries(self, doc: Doc, mentions: list[dict], state: "_DocState") -> None:
        """Give entities the knowledge base does not know a country from their context.

        An organisation's own name may name its state ("Pasteur Institute of Iran",
        "Norwegian Joint Headquarters"); otherwise a person, organisation or place takes the
        state named nearest to its first mention in the same sentence ("Marit Haugen, a
        Norwegian glaciologist"; "the port of Basra in southern Iraq").
        """
        states = [m for m in mentions if state.entities[m["entity_id"]].type == "state"]
        done: set[str] = set()
        for m in mentions:
            entity = state.entities[m["entity_id"]]
            if entity.country_iso3 or entity.entity_id in done or entity.type in {"state", "igo"}:
                continue
            done.add(entity.entity_id)
            iso3 = ""
            span = doc.char_span(m["start_char"], m["end_char"], alignment_mode="expand")
            if span is None:
                continue
            if entity.type == "organization":
                for token in span:
                    hits = [eid for eid, role in self.kb.surfaces.get(token.text, []) if role in {"country", "demonym"}]
                    if hits:
                        iso3 = self.kb.entities[hits[0]].country_iso3
                        break
            if not iso3:
                bounds = (span.sent.start_char, span.sent.end_char)
                near = [s for s in states if bounds[0] <= s["start_char"] < bounds[1]]
                if near:
                    closest = min(near, key=lambda s: abs(s["start_char"] - m["start_char"]))
                    iso3 = state.entities[closest["entity_id"]].country_iso3
            if iso3:
                state.entities[entity.entity_id] = Entity(entity.entity_id, entity.name, entity.type, iso3,
                                                          entity.latitude, entity.longitude)

    def _resolve_surname(self, short: str, state: "_DocState", pair: bool, ner: bool = False) -> Entity | None:
        known = state.surnames.get(fold(short))
        if known is not None:
            return known
        if not (pair or ner) and fold(short) in WORDS.common_word_surnames:
            return None
        person = self.kb.people_with_short(short, state.year)
        return person.entity if person else None

    def _bare_surnames(self, doc: Doc, titles: list[int], mentions: list[dict], state: "_DocState") -> list[dict]:
        """Leaders' surnames the model left untagged ("the Xi-Kim meetings", "Putin's Russia")."""
        covered = {i for m in mentions for i in range(m["start_char"], m["end_char"])}
        out = []
        for i in titles:
            token = doc[i]
            if token.idx in covered or token.pos_ not in {"PROPN", "NOUN", "ADJ"}:
                continue
            if i >= 2 and doc[i - 1].text == "-" and doc[i - 2].is_lower:
                continue  # "Sharif" in "Mazar-i-Sharif"
            key = fold(token.text)
            if key not in self.kb.people_by_short and key not in state.surnames:
                continue
            hyphen_pair = (i + 2 < len(doc) and doc[i + 1].text in "-\u2013" and doc[i + 2].is_title) or (
                i >= 2 and doc[i - 1].text in "-\u2013" and doc[i - 2].is_title)
            if key in WORDS.common_word_surnames and key not in state.surnames and not hyphen_pair:
                continue
            entity = self._resolve_surname(token.text, state, pair=hyphen_pair)
            if entity is not None:
                out.append(state.mention_chars(doc, token.idx, token.idx + len(token.text), entity, "actor", "person"))
        return out

    def _untagged_places(self, doc: Doc, titles: list[int], mentions: list[dict], state: "_DocState") -> list[dict]:
        """GeoNames cities the model did not tag, when they are the location of something
        ("the roads between Kidal and Timbuktu", "institutions in Kyiv, Lviv and Kharkiv")."""
        covered = {i for m in mentions for i in range(m["start_char"], m["end_char"])}
        out = []
        after = -1
        for i in titles:
            if i < after:
                continue
            token = doc[i]
            end = i + 1
            while end + 1 < len(doc) and doc[end].text == "-" and not token.whitespace_ and doc[end + 1].text[:1].isalpha():
                end += 2  # "Mazar-i-Sharif"
            span = doc[i:end]
            following = doc[end] if end < len(doc) else None
            if (token.pos_ == "PROPN" and token.idx not in covered and not token.is_sent_start
                    and not token.ent_type_ and not (following is not None and following.is_title)
                    and (_is_location(span, WORDS.untagged_place_preps) or _is_location_list(span))):
                place = self.kb.city(span.text, state.countries, alternates=False)
                if place is not None:
                    out.append(state.mention(span, place, "place", "place"))
            after = end
        return out

    def _korean_halves(self, doc: Doc, titles: list[int], mentions: list[dict], state: "_DocState") -> list[dict]:
        """"the North" and "the South" in a text about the Koreas (the usual shorthand in
        Korean and Korea-watching commentary) are North and South Korea."""
        if not {"PRK", "KOR"} & state.countries:
            return []
        covered = {m["start_char"] for m in mentions}
        out = []
        for i in titles:
            token = doc[i]
            if token.text not in {"North", "South"} or token.idx in covered or token.i == 0:
                continue
            after = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if doc[token.i - 1].lower_ != "the" or (after is not None and (after.is_title or after.text == "-")):
                continue
            entity = self.kb.entities["state:PRK" if token.text == "North" else "state:KOR"]
            out.append(state.mention_chars(doc, token.idx, token.idx + len(token.text), entity, "actor", "country"))
        return out

    def _org(self, span: Span, state: "_DocState") -> list[dict]:
        words = span.text.split()
        if (words[0].lower() in WORDS.title_words | WORDS.org_not_first or words[-1].lower() in WORDS.org_event_words
                or span[0].tag_ == "VBG" or not span.text[:1].isupper() or not any(ch.isalpha() for ch in span.text)):
            return []
        if len(span) == 1 and (span[0].tag_ not in {"NNP", "NNPS"} and not span.text.isupper()
                               or span.text.isupper() and len(span.text) > 5 or span.text.lower() in WORDS.generic_org_words):
            # "OPINION", "Council", "State": a heading or a common noun, not a named body.
            return []
        government = re.match(r"^(?:the\s+)?(?:Government|Republic|Kingdom|People) of (?:the )?(.+)$", span.text)
        if government:
            entity_id = next((eid for eid, role in self.kb.surfaces.get(government.group(1), []) if role == "country"), None)
            if entity_id:
                return [state.mention(span, self.kb.entities[entity_id], "actor", "country")]
        entity_id = self.kb.orgs_by_name.get(fold(span.text))
        if entity_id:
            return [state.mention(span, self.kb.entities[entity_id], "actor", "org")]
        entity = state.acronym_of(span.text) or Entity(f"org:{slug(span.text)}", span.text, "organization", "")
        state.remember_org(entity)
        return [state.mention(span, entity, "actor", "org")]

    def _place(self, doc: Doc, span: Span, state: "_DocState") -> list[dict]:
        city = self.kb.city(span.text, state.countries)
        if city is not None:
            return [state.mention(span, city, "place", "place")]
        if span.label_ == "GPE" and not span.text[:1].isupper():
            return []
        entity = Entity(f"place:{slug(span.text)}", span.text, "place", "")
        return [state.mention(span, entity, "place", "place")]


class _DocState:
    """What one document has established so far: its entities, surnames and countries."""

    def __init__(self, year: int | None, text: str) -> None:
        self.year = year
        self.text = text  # Doc.text joins every token on each access: read it once
        self.entities: dict[str, Entity] = {}
        self.surnames: dict[str, Entity] = {}
        self.orgs: list[Entity] = []
        self.countries: set[str] = set()
        self.last_mention: tuple[int, str] | None = None  # (end offset, entity id)
        self.acronyms: dict[str, Entity] = {}  # acronyms the text defined in brackets

    def mention(self, span: Span, entity: Entity, kind: str, role: str) -> dict:
        return self.mention_chars(span.doc, span.start_char, span.end_char, entity, kind, role, span)

    def acronym_defined_by(self, span: Span) -> Entity | None:
        """The organisation an all-capitals acronym in brackets right after its name stands for."""
        doc = span.doc
        if not (len(span) == 1 and span.text.isupper() and 2 <= len(span.text) <= 10 and span.start >= 2
                and doc[span.start - 1].text == "(" and span.end < len(doc) and doc[span.end].text == ")"):
            return None
        previous = self.last_mention
        if previous is None or previous[0] != doc[span.start - 2].idx + len(doc[span.start - 2].text):
            return None
        entity = self.entities[previous[1]]
        return entity if entity.type in {"organization", "igo"} else None

    def mention_chars(self, doc: Doc, start: int, end: int, entity: Entity, kind: str, role: str,
                      span: Span | None = None) -> dict:
        self.entities.setdefault(entity.entity_id, entity)
        self.last_mention = (end, entity.entity_id)
        if entity.country_iso3:
            self.countries.add(entity.country_iso3)
        if span is None:
            span = doc.char_span(start, end, alignment_mode="expand")
        return {"start_char": start, "end_char": end, "text": self.text[start:end], "kind": kind,
                "entity_id": entity.entity_id, "role": role, "syntax": _syntax(span) if span is not None else "other"}

    def remember_person(self, entity: Entity, short: str = "") -> None:
        names = entity.name.split()
        if len(names) < 2:
            return
        # The last name ("Holmes" of "Marcus Holmes", "Burhan" of "al-Burhan"), the known
        # short form ("Kim", "Lula"), and for leaders the first name too ("Anwar").
        keys = [names[-1], re.sub(r"^(?:al|el|ad|as|ash|at|bin|ibn)-", "", names[-1], flags=re.I), short]
        if entity.type in {"leader", "official"}:
            keys.append(names[0])
        for key in keys:
            if key:
                self.surnames.setdefault(fold(key), entity)

    def remember_org(self, entity: Entity) -> None:
        self.orgs.append(entity)

    def acronym_of(self, text: str) -> Entity | None:
        if not (text.isupper() and 2 <= len(text) <= 8):
            return None
        for org in self.orgs:
            initials = "".join(w[0] for w in org.name.split() if w[:1].isupper())
            if initials == text:
                return org
        return None


def _us_state_context(span: Span, state: "_DocState") -> bool:
    """"Atlanta, Georgia", "the state of Georgia", "Georgia's governor": the US state, not
    the country of the same name."""
    doc = span.doc
    before = doc[max(0, span.start - 3):span.start]
    if [t.lower_ for t in before[-2:]] == ["state", "of"]:
        return True
    if len(before) >= 2 and before[-1].text == "," and before[-2].ent_type_ == "GPE":
        return True
    after = doc[span.end:span.end + 3]
    return any(t.lower_ in {"governor", "legislature", "senator", "senators", "congressman", "county"} for t in after)


def _syntax(span: Span) -> str:
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


def _hyphen_pair(span: Span) -> bool:
    parts = [p for p in re.split(r"\s*[-\u2013]\s*", span.text) if p]
    return len(parts) == 2 and all(p[:1].isupper() and " " not in p for p in parts)


def _trim(span: Span) -> Span | None:
    """Drop a leading "the" and a trailing possessive from a model entity."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].lower_ in {"the", "a", "an"}:
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].text in {"'s", "\u2019s", "'", "\u2019"}):
        end -= 1
    for i in range(start + 1, end):
        if doc[i].text in {"(", "[", ","} and span.label_ in {"ORG", "PERSON"}:
            # "World Health Organization (WHO": the model ran into the acronym that follows.
            end = i
            break
    while end > start and (doc[end - 1].is_punct or doc[end - 1].lower_ in {"of", "and", "the", "for", "&"}):
        end -= 1  # "Ministry of Foreign Affairs of" -> "Ministry of Foreign Affairs"
    if start >= end:
        return None
    return Span(doc, start, end, label=span.label_)


def _is_location(span: Span, preps: set[str] = WORDS.locative_preps) -> bool:
    root = span.root
    # "in Soviet Union/Russia", "in Seoul and Tokyo": the preposition governs the phrase.
    while root.dep_ in {"compound", "conj", "appos", "nmod"} and root.head.i != root.i and root.head.pos_ == "PROPN":
        root = root.head
    head = root.head
    if root.dep_ == "pobj":
        prep = head.lower_
        if prep in preps:
            return True
        if prep in {"to", "from"} and head.head.lemma_.lower() in WORDS.motion:
            return True
    if root.dep_ in {"dobj", "obj"} and head.lemma_.lower() in WORDS.visit:
        return True
    return False


def _is_location_list(span: Span) -> bool:
    """A conjunct of a location ("between Kidal and Timbuktu", "in Kyiv, Lviv and Kharkiv")."""
    root = span.root
    while root.dep_ == "conj" and root.head.i != root.i:
        root = root.head
        if _is_location(root.doc[root.i:root.i + 1]):
            return True
    return False


def _acts(span: Span) -> bool:
    """True when a capital or seat of government stands for the government itself."""
    root = span.root
    if root.dep_ in {"nsubj", "nsubjpass", "poss", "agent"}:
        return True
    if root.dep_ in {"dobj", "obj", "dative"} and root.head.lemma_.lower() not in WORDS.visit:
        return True
    if root.dep_ == "pobj" and root.head.lower_ in {"with", "toward", "towards", "on", "against", "by", "between", "for", "from"}:
        return True
    if root.dep_ == "conj":
        return _acts(root.head.doc[root.head.i:root.head.i + 1])
    return False
