"""The domain of a cooperation mention, from the taxonomy in the lexicon."""

from __future__ import annotations

from spacy.tokens import Span, Token

from .lexicon import DOMAIN_ORDER, Lexicon
from .tokens import local_words


def domains(trigger: Token, sent: Span, lexicon: Lexicon) -> list[str]:
    """Domains named by the trigger's own phrase, else by its sentence, else by the
    sentences on either side; ``other`` when none names one."""
    doc = sent.doc

    def neighbours() -> str:
        around = [doc[sent.start - 1].sent] if sent.start > 0 else []
        around += [doc[sent.end].sent] if sent.end < len(doc) else []
        return " ".join(s.text.lower() for s in around)

    sources = (lambda: " ".join(t.lower_ for t in local_words(trigger)), lambda: sent.text.lower(), neighbours)
    for level, words in enumerate(sources):
        found = [d for d in DOMAIN_ORDER if lexicon.domain_patterns[d].search(words())]
        if found == ["diplomatic"] and level == 0:
            # "a memorandum", "the treaty", "talks": the phrase names the diplomatic form only;
            # the sentence may name the field ("a Memorandum of Understanding on Counter-Terrorism").
            return [d for d in DOMAIN_ORDER if d == "diplomatic" or lexicon.domain_patterns[d].search(sent.text.lower())]
        if found:
            return found
    return ["other"]
