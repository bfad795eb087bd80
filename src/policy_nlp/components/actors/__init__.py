"""Actor and place recognition and linking (the ``policy_actors`` component).

Candidate spans (:mod:`.candidates`) and token scans (:mod:`.scans`) find what may name an
actor or a place; each is linked to a stable entity id (:mod:`.linking`) and given a *kind*
from its syntax (:mod:`.syntax`): a state or capital that is the location of an event is a
place; one that acts, is acted upon or possesses is an actor. Once all are linked, entities
the knowledge base does not know get a country from their context (:mod:`.countries`). The word lists live in
``data/actor_lexicon.json`` (:mod:`.words`).
"""

from __future__ import annotations

import numpy
from spacy.attrs import IS_TITLE
from spacy.language import Language
from spacy.tokens import Doc

from ...knowledge import KnowledgeBase, load_knowledge_base
from ..extensions import register_extensions
from .candidates import CandidateFinder, phrase_keys
from .countries import CountryResolver
from .linking import EntityLinker
from .names import forget_lines
from .scans import TokenScans
from .state import DocState

__all__ = ["ActorLinker", "make_actor_linker", "phrase_keys"]


@Language.factory(
    "policy_actors",
    assigns=["doc._.policy_mentions", "doc._.policy_entities"],
    requires=["doc.ents", "token.dep", "token.pos"],
    default_config={},
)
def make_actor_linker(nlp: Language, name: str) -> "ActorLinker":
    """Create the actor and place linker over the shared knowledge base."""
    return ActorLinker(nlp, load_knowledge_base())


def common_words(nlp: Language) -> frozenset[str]:
    """Ordinary English nouns and adjectives: the index of the pipeline's rule lemmatizer
    (from WordNet), or none when the pipeline has no such table."""
    for name in ("lemmatizer",):
        if name in nlp.pipe_names and hasattr(nlp.get_pipe(name), "lookups"):
            lookups = nlp.get_pipe(name).lookups
            if lookups.has_table("lemma_index"):
                index = lookups.get_table("lemma_index")
                return frozenset(w for pos in ("noun", "adj") for w in index.get(pos, ()))
    return frozenset()


class ActorLinker:
    """Find, link and classify actor and place mentions; see the module docstring."""

    def __init__(self, nlp: Language, kb: KnowledgeBase) -> None:
        register_extensions()
        self.kb = kb
        self.candidates = CandidateFinder(nlp, kb)
        self.linker = EntityLinker(kb, common_words(nlp))
        self.countries = CountryResolver(kb)
        self.scans = TokenScans(self.linker)

    def __call__(self, doc: Doc) -> Doc:
        candidates = self.candidates(doc)
        state = DocState(year=doc._.policy_year, text=doc.text, published=bool(doc._.policy_year_published))
        self.linker.register_full_names(candidates, state)
        mentions = []
        for span, source, inner in candidates:
            linked = self.linker.link(doc, span, source, state)
            if not linked:
                for known in inner:
                    linked.extend(self.linker.link(doc, known, "kb", state))
            mentions.extend(linked)
        # The token scans below look at title-case words only; reading the flag for the
        # whole document at once avoids building a Python object for every token.
        titles = [int(i) for i in numpy.flatnonzero(doc.to_array([IS_TITLE]))] if len(doc) else []
        mentions.extend(self.scans.untagged_places(doc, titles, mentions, state))
        mentions.extend(self.scans.bare_surnames(doc, titles, mentions, state))
        mentions.extend(self.scans.korean_halves(doc, titles, mentions, state))
        mentions.extend(self.scans.combining_forms(doc, titles, mentions, state))
        mentions.extend(self.scans.the_kingdom(doc, titles, mentions, state))
        mentions.extend(self.scans.dateline_places(doc, mentions, state))
        mentions.extend(self.scans.office_holders(doc, mentions, state))
        self.scans.widen_places(doc, mentions, state)
        self.scans.titled_surnames(doc, mentions, state)
        mentions.sort(key=lambda m: m["start_char"])
        self.countries.shared_capitals(mentions, state)
        self.countries.infer_countries(doc, mentions, state)
        forget_lines(doc)
        doc._.policy_mentions = mentions
        doc._.policy_entities = {eid: dict(vars(ent)) for eid, ent in state.entities.items()}
        return doc
