"""Token scans for what the candidates miss: GeoNames cities the model did not tag,
leaders' surnames it left untagged, and "the North" and "the South" in texts about the
Koreas. Each scan looks at title-case tokens only."""

from __future__ import annotations

from spacy.tokens import Doc

from ...knowledge import fold
from .linking import EntityLinker, title_roles
from .state import DocState
from .syntax import is_location, is_location_list, names_a_thing
from .words import WORDS


class TokenScans:
    """The scans, over the linker's knowledge base and surname resolution."""

    def __init__(self, linker: EntityLinker) -> None:
        self.linker = linker
        self.kb = linker.kb

    def untagged_places(self, doc: Doc, titles: list[int], mentions: list[dict], state: "DocState") -> list[dict]:
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
                    and (is_location(span, WORDS.untagged_place_preps) or is_location_list(span))):
                place = self.kb.city(span.text, state.countries, alternates=False)
                if place is not None and not names_a_thing(doc, end):
                    out.append(state.mention(span, place, "place", "place"))
            after = end
        return out

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
            if doc[token.i - 1].lower_ != "the" or (after is not None and (after.is_title or after.text == "-")):
                continue
            entity = self.kb.entities["state:PRK" if token.text == "North" else "state:KOR"]
            out.append(state.mention_chars(doc, token.idx, token.idx + len(token.text), entity, "actor", "country"))
        return out

