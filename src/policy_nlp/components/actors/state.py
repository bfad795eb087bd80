"""What one document has established so far: its entities, surnames, acronyms and countries."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from ...knowledge import Entity, fold
from .syntax import syntax_role


#: Who keeps a surname two people of a text share.
_RANK = {"leader": 2, "official": 1}


class DocState:
    """What one document has established so far: its entities, surnames and countries."""

    def __init__(self, year: int | None, text: str, published: bool = False) -> None:
        self.year = year
        self.published = published  # the year is the publication's, not estimated from the text
        self.text = text  # Doc.text joins every token on each access: read it once
        self.entities: dict[str, Entity] = {}
        self.surnames: dict[str, Entity] = {}
        self.orgs: list[Entity] = []
        self.countries: set[str] = set()
        #: every state the document's candidate names could name, known before linking starts
        self.named_countries: set[str] = set()
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
        while start < end - 1 and self.text[start] in "=+-@\t\r":
            start += 1  # a mention never starts as a spreadsheet formula would ("-Ireland")
        self.entities.setdefault(entity.entity_id, entity)
        self.last_mention = (end, entity.entity_id)
        if entity.country_iso3:
            self.countries.update(code.strip() for code in entity.country_iso3.split(";"))
        if span is None:
            span = doc.char_span(start, end, alignment_mode="expand")
        return {"start_char": start, "end_char": end, "text": self.text[start:end], "kind": kind,
                "entity_id": entity.entity_id, "role": role, "syntax": syntax_role(span) if span is not None else "other"}

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
                # Two people of one surname: the higher office keeps it ("Kim" is Kim Jong Un
                # when a text names Kim Yo Jong first), else the one named first.
                known = self.surnames.get(fold(key))
                if known is None or _RANK.get(entity.type, 0) > _RANK.get(known.type, 0):
                    self.surnames[fold(key)] = entity
        if len(names) >= 3 and names[-2][:1].isupper() and "." not in names[-2] and fold(names[-2]) not in self.surnames:
            # The father's surname of a Spanish or Portuguese double surname ("Gonzalez" of
            # "Edmundo Gonzalez Urrutia", "López" of "Andrés Manuel López Obrador"), when no
            # one else of the text goes by it.
            self.surnames[fold(names[-2])] = entity

    def person_named(self, text: str) -> Entity | None:
        """A person the document has already named in full with exactly this name."""
        key = fold(text)
        return next((e for e in self.entities.values() if e.type in {"person", "leader", "official"}
                     and " " in e.name and fold(e.name) == key), None)

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
