"""Token scans for what the candidates miss: GeoNames cities the model did not tag,
leaders' surnames it left untagged, "the North" and "the South" in texts about the
Koreas (these look at title-case tokens only), and offices that name their holder ("the
Japanese Prime Minister")."""

from __future__ import annotations

from spacy.tokens import Doc

import re

from ...knowledge import fold
from .linking import EntityLinker, part_entity, title_roles
from .state import DocState
from .syntax import is_location, is_location_list, names_a_thing
from .words import NAME_HEADS, WORDS


#: Labels the model gives places it misreads ("Aleppo" as a nationality, "Versailles" as a
#: product); a city so labelled that the linker found no entity for is still a place.
_MISREAD_PLACE_LABELS = frozenset({"NORP", "PRODUCT", "EVENT", "ORG", "WORK_OF_ART", "LOC", "GPE", "FAC"})


class TokenScans:
    """The scans, over the linker's knowledge base and surname resolution."""

    def __init__(self, linker: EntityLinker) -> None:
        self.linker = linker
        self.kb = linker.kb

    def untagged_places(self, doc: Doc, titles: list[int], mentions: list[dict], state: "DocState") -> list[dict]:
        """GeoNames cities the model did not tag, or tagged as something the linker found no
        entity for ("Aleppo" as a nationality, "Versailles" as a product), when they are the
        location of something ("the roads between Kidal and Timbuktu", "institutions in Kyiv,
        Lviv and Kharkiv", "survivors across Idlib, Aleppo and other areas")."""
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
            if i > 0 and doc[i - 1].is_title and token.lower_ in NAME_HEADS:
                after = end
                continue  # "Airport" (a Californian town) in "José Martí International Airport"
            if (token.pos_ == "PROPN" and token.idx not in covered and not token.is_sent_start
                    and (not token.ent_type_ or self._misread_place(doc, token))
                    and not (following is not None and following.is_title)
                    and (is_location(span, WORDS.untagged_place_preps) or is_location_list(span))):
                place = self.kb.city(span.text, state.countries, alternates=False)
                if place is not None and not names_a_thing(doc, end):
                    out.append(state.mention(span, place, "place", "place"))
            after = end
        return out

    @staticmethod
    def _misread_place(doc: Doc, token) -> bool:
        """True when the model's entity at ``token`` can be a city it misread: a label of
        ``_MISREAD_PLACE_LABELS``, the entity's one word (a year may follow: "Whampoa 1853"),
        not after "the" ("the Republic")."""
        if token.ent_type_ not in _MISREAD_PLACE_LABELS or token.ent_iob_ != "B":
            return False
        rest = [t for t in doc[token.i + 1:token.i + 4] if t.ent_iob_ == "I"]
        return all(not t.is_alpha for t in rest) and not (token.i > 0 and doc[token.i - 1].lower_ == "the")

    def bare_surnames(self, doc: Doc, titles: list[int], mentions: list[dict], state: "DocState") -> list[dict]:
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
            if names_a_thing(doc, i + 1):
                continue  # "Atatürk Dam", "the Molotov-Ribbentrop Pact"
            entity = self.linker.resolve_surname(token.text, state, pair=hyphen_pair, roles=title_roles(doc[i:i + 1]))
            given = doc[i - 1] if i >= 1 else None
            if entity is not None and given is not None and given.is_title and given.pos_ == "PROPN" and not hyphen_pair \
                    and fold(given.text) not in fold(entity.name).split():
                continue  # "Ingrid Solberg" is someone else than Erna Solberg
            if entity is not None:
                out.append(state.mention_chars(doc, token.idx, token.idx + len(token.text), entity, "actor", "person"))
        return out

    def korean_halves(self, doc: Doc, titles: list[int], mentions: list[dict], state: "DocState") -> list[dict]:
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
            if doc[token.i - 1].lower_ != "the" or (after is not None and (after.is_title or after.text in {"-", "\u2013", "\u2014"})):
                continue
            entity = self.kb.entities["state:PRK" if token.text == "North" else "state:KOR"]
            out.append(state.mention_chars(doc, token.idx, token.idx + len(token.text), entity, "actor", "country"))
        return out

    def the_kingdom(self, doc: Doc, titles: list[int], mentions: list[dict], state: "DocState") -> list[dict]:
        """"The Kingdom" in a text that names one kingdom is that state ("Araghchi has
        described relations with the Kingdom", after Saudi Arabia): Gulf and Commonwealth
        commentary's shorthand. With two kingdoms named, or none, it is left alone."""
        kingdoms = [iso3 for iso3 in state.countries if iso3 in self.kb.kingdoms]
        if len(kingdoms) != 1:
            return []
        covered = {m["start_char"] for m in mentions}
        out = []
        for i in titles:
            token = doc[i]
            if token.text != "Kingdom" or token.idx in covered or i == 0 or doc[i - 1].lower_ != "the":
                continue
            after = doc[i + 1] if i + 1 < len(doc) else None
            if after is not None and (after.is_title or after.lower_ == "of"):
                continue  # "the Kingdom of Jordan", "the Kingdom Tower": a name of its own
            entity = self.kb.entities[self.kb.kingdoms[kingdoms[0]]]
            out.append(state.mention_chars(doc, token.idx, token.idx + len(token.text), entity, "actor", "metonym"))
        return out

    def combining_forms(self, doc: Doc, titles: list[int], mentions: list[dict], state: "DocState") -> list[dict]:
        """"Sino-" in "Sino-Japanese relations", "Anglo-" in "the Anglo-French entente": the
        combining form of a state's name, joined by a hyphen to a word that names a state."""
        states_at = {m["start_char"]: m["entity_id"] for m in mentions if m["entity_id"].startswith("state:")}
        out = []
        for i in titles:
            token = doc[i]
            iso3 = WORDS.combining_forms.get(token.lower_)
            if iso3 is None or i + 2 >= len(doc) or doc[i + 1].text != "-" or doc[i + 1].whitespace_ or token.whitespace_:
                continue
            other = states_at.get(doc[i + 2].idx)
            entity = self.kb.entities.get(f"state:{iso3}")
            if other is None or entity is None or other == entity.entity_id or (iso3 == "IND" and other == "state:CHN"):
                continue  # "Indo-Pacific", "Anglo-Saxon"; "Indo-China" is a region
            out.append(state.mention_chars(doc, token.idx, token.idx + len(token.text), entity, "actor", "demonym"))
        return out

    def titled_surnames(self, doc: Doc, mentions: list[dict], state: "DocState") -> None:
        """A person the text names by a title and a surname ("Mr. Cardoza", "Senator Coons",
        "Minister Jaishankar") is written with the title: the mention takes the title words in
        front of the surname, as the text wrote the name."""
        titles = WORDS.person_titles | WORDS.honorifics
        for mention in mentions:
            entity = state.entities.get(mention["entity_id"])
            if entity is None or entity.type not in {"person", "official", "leader"}:
                continue
            span = doc.char_span(mention["start_char"], mention["end_char"], alignment_mode="expand")
            if span is None or len(span) != 1:
                continue
            start = span.start
            while start > 0 and span.start - start < 3 and doc[start - 1].is_title \
                    and doc[start - 1].lower_.rstrip(".") in titles:
                start -= 1
            if start < span.start:
                mention["start_char"] = doc[start].idx
                mention["text"] = state.text[mention["start_char"]:mention["end_char"]]

    def dateline_places(self, doc: Doc, mentions: list[dict], state: "DocState") -> list[dict]:
        """A city in capitals that is a sentence of its own: the place of a wire dateline
        ("SEOUL. South Korea and ...", as ingest leaves "SEOUL, March 3 (Yonhap) --")."""
        covered = {m["start_char"] for m in mentions}
        out = []
        for sent in doc.sents:
            words = [t for t in sent if not t.is_punct and not t.is_space]
            if not 1 <= len(words) <= 4 or not all(t.is_upper and t.is_alpha for t in words) or words[0].idx in covered:
                continue
            last = next((t for t in reversed(sent) if not t.is_space), sent[-1])
            stop = last if last.text == "." else (doc[sent.end] if sent.end < len(doc) else None)
            if stop is None or stop.text != "." or len(sent) > len(words) + 1 + sum(t.is_space for t in sent):
                continue
            place = self.kb.city(" ".join(t.text for t in words), state.countries)
            if place is not None:
                end = words[-1].idx + len(words[-1])
                out.append(state.mention_chars(doc, words[0].idx, end, place, "place", "place"))
        return out

    def office_holders(self, doc: Doc, mentions: list[dict], state: "DocState") -> list[dict]:
        """An office with its state and no name after it names whoever held it in the
        document's year: "the Japanese Prime Minister", "Iran's Supreme Leader", "the
        Minister of Foreign Affairs of Pakistan". Not in a sentence about another year, not
        after "former", "every" or "a", and not when two people held the office that year
        and the text names neither of them."""
        if state.year is None or not doc._.policy_year_published:
            return []  # (a year estimated from the years a text names is a period, not a date)
        covered = {i for m in mentions for i in range(m["start_char"], m["end_char"])}
        out = []
        for m in mentions:
            entity = state.entities.get(m["entity_id"])
            if m["kind"] != "actor" or entity is None or entity.type != "state" or m["role"] not in {"country", "demonym"}:
                continue
            span = doc.char_span(m["start_char"], m["end_char"], alignment_mode="expand")
            if span is None:
                continue
            after = span.end + (span.end < len(doc) and doc[span.end].tag_ == "POS")
            found = _office_after(doc, after)  # "the Japanese Prime Minister", "Iran's Supreme Leader"
            if found is not None:
                start, end, roles = after, found[0], found[1]
                first, name_at = span.start, end
            else:
                found = _office_before(doc, span.start)  # "the Prime Minister of Israel"
                if found is None:
                    continue
                start, end, roles = found
                first, name_at = start, span.end
            head = doc[end - 1]
            if any(t.lower_ in _NOT_THE_HOLDER for t in doc[min(head.left_edge.i, first):start]):
                continue  # "a serving Israeli Prime Minister", "Iran's former president"
            if name_at < len(doc) and doc[name_at].pos_ == "PROPN" and doc[name_at].is_title:
                continue  # a name follows: "Japanese Prime Minister Kishida" is linked by name
            if head.dep_ == "appos" or any(c.dep_ == "appos" for c in head.children) or (
                    name_at + 1 < len(doc) and doc[name_at].text == "," and doc[name_at + 1].is_title):
                continue  # the name is beside it: "Michel Aoun, the President of Lebanon", "the President of Lebanon, Michel Aoun"
            if any(i in covered for i in range(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))):
                continue
            years = {int(y) for y in _YEAR.findall(doc[start].sent.text)}
            if years - {state.year}:
                continue  # "in 2009 the Iranian president ...": another year's holder
            holders = self.kb.office_holders(entity.country_iso3, roles, state.year)
            if len(holders) > 1:
                holders = [p for p in holders if p.entity.entity_id in state.entities]
            if len(holders) == 1:
                person = self.kb.person_entity(holders[0], state.year)
                out.append(state.mention_chars(doc, doc[start].idx, doc[end - 1].idx + len(doc[end - 1]), person, "actor", "person"))
        return out

    def widen_places(self, doc: Doc, mentions: list[dict], state: "DocState") -> None:
        """Places named with a direction before them or a site's word after them, read as written:
        "northern Syria" and "eastern Ukraine" (part of the state, with its code and
        coordinates), "Abu Ghraib prison", "the Khurais oil field" (a site, with the country
        of the name inside it). An unknown name before a site's word is the site, not a body."""
        text = state.text
        for mention in mentions:
            entity = state.entities.get(mention["entity_id"])
            # (an unknown name the model called a body or a person: "the Bab al-Hawa crossing")
            unknown_body = mention["kind"] == "actor" and entity is not None and entity.type in {"organization", "person"} \
                and not entity.country_iso3 and mention["entity_id"] not in self.kb.entities
            if entity is None or mention["kind"] != "place" and not unknown_body:
                continue
            span = doc.char_span(mention["start_char"], mention["end_char"], alignment_mode="expand")
            if span is None:
                continue
            start, end = span.start, span.end
            site = next((n for n in (3, 2, 1) if end + n <= len(doc) and " ".join(t.lower_ for t in doc[end:end + n])
                         in WORDS.site_words and all(t.is_lower for t in doc[end:end + n])
                         and not (end + n < len(doc) and doc[end + n].pos_ in {"NOUN", "PROPN"})), 0)
            before = doc[start - 1] if start > 0 else None
            part = (not site and not unknown_body and before is not None and before.lower_ in WORDS.part_of_place_words
                    and before.whitespace_ and "\n" not in before.whitespace_
                    and entity.type in {"state", "country", "region", "place"}
                    and not (start > 1 and doc[start - 2].is_title and doc[start - 2].pos_ == "PROPN"))
            if not site and not part:
                continue
            first = before.idx if part else mention["start_char"]
            last = mention["end_char"] if part else doc[end + site - 1].idx + len(doc[end + site - 1])
            name = text[first:last]
            if part or unknown_body:
                # part of a state is a place of its own, with the state's code and coordinates;
                # a site stays the place it is in ("Abu Ghraib prison" is at Abu Ghraib)
                entity = part_entity(name, entity, "region" if part else "facility")
                state.entities.setdefault(entity.entity_id, entity)
            mention.update(start_char=first, end_char=last, text=name, kind="place", entity_id=entity.entity_id,
                           role="place")


#: Words before an office or its state that make it no one in particular, or someone else
#: than the holder: "every US president", "a future prime minister", "Iran's former president".
_NOT_THE_HOLDER = {"a", "an", "any", "each", "every", "ex", "former", "future", "late", "next", "no",
                   "past", "previous", "successive", "then", "another", "acting", "deputy", "vice"}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_LONGEST_OFFICE = max(len(office.split()) for office in WORDS.office_roles)

def _office_after(doc: Doc, i: int) -> tuple[int, frozenset[str]] | None:
    """The longest office phrase starting at token ``i``: (its end, its roles)."""
    for n in range(_LONGEST_OFFICE, 0, -1):
        words = " ".join(t.lower_ for t in doc[i:i + n])
        if i + n <= len(doc) and words in WORDS.office_roles:
            return i + n, WORDS.office_roles[words]
    return None


def _office_before(doc: Doc, state_start: int) -> tuple[int, int, frozenset[str]] | None:
    """The office phrase before "of (the) <state>": (start, end, roles)."""
    j = state_start - (state_start > 0 and doc[state_start - 1].lower_ == "the")
    if j < 1 or doc[j - 1].lower_ != "of":
        return None
    end = j - 1
    for n in range(_LONGEST_OFFICE, 0, -1):
        if end - n >= 0:
            words = " ".join(t.lower_ for t in doc[end - n:end])
            if words in WORDS.office_roles:
                return end - n, end, WORDS.office_roles[words]
    return None
