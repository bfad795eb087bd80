"""The few measurements the relevance score reads from an analysed document.

A text about international affairs names states and acts on them (through the state, its
capital, its leaders and officials, or intergovernmental bodies), usually more than one,
and uses the words of diplomacy, force and statecraft. Each feature is a rate per 1,000
words, or a count, on a log scale, so that a long essay and a short statement compare.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

from ..components.lexicon import read_data_json

#: Actor types whose mentions speak of states or of bodies of states.
STATE_ACTOR_TYPES = frozenset({"state", "leader", "official", "igo"})

FEATURES = ("state_actors_per_1000_words", "states_named", "vocabulary_per_1000_words")

_WORD = re.compile(r"\w+(?:[-'\u2019]\w+)*")


@lru_cache(maxsize=1)
def vocabulary_pattern() -> re.Pattern:
    """One pattern over every term of ``data/relevance_vocabulary.json`` (lower case; match
    it against lower-cased text).

    The terms are grouped by their first letter ("s(?:anctions?|ummits?|...)"): Python's
    regular expressions try every alternative at every word, and the grouping makes the
    count a tenth of a millisecond per 1,000 characters, next to the parser's fifteen.
    """
    groups: dict[str, list[str]] = {}
    for term in read_data_json("relevance_vocabulary.json")["terms"]:
        groups.setdefault(term[0], []).append(term[1:])
    return re.compile(r"\b(?:" + "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())
                      + r")\b")


def features(text: str, mentions: list[dict], entities: dict[str, dict]) -> list[float]:
    """The values of :data:`FEATURES` for one document: ``text`` as analysed (boilerplate
    blanked out), the pipeline's actor and place ``mentions`` and its ``entities`` by id."""
    words = max(len(_WORD.findall(text)), 1)
    state_mentions = 0
    states = set()
    for mention in mentions:
        entity = entities.get(mention["entity_id"], {})
        if mention["kind"] == "actor" and entity.get("type") in STATE_ACTOR_TYPES:
            state_mentions += 1
            states.update(code for code in entity.get("country_iso3", "").split(";") if code.strip())
    terms = sum(1 for _ in vocabulary_pattern().finditer(text.lower()))
    return [math.log1p(1000 * state_mentions / words), math.log1p(len(states)), math.log1p(1000 * terms / words)]
