"""Which states a text discusses, and which one it argues about (its main target).

A state is *discussed* when it is named, as itself, through its capital, its demonym, or one
of its leaders or officials, in at least :data:`MIN_SENTENCES` sentences. Each mention counts
by what it says about the state being the one the text takes a stance toward: the object of
sanctions, talks or engagement ("sanctions on Iran", "engage Pyongyang") more than the
subject, which is often the speaker's own state ("Japan will ..."); a mention in the title
counts double; a leader or official, or the state as a mere place, counts half.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Weight of a mention by its syntax (see :func:`policy_nlp.components.actors.syntax.syntax_role`).
SYNTAX_WEIGHTS = {"object": 1.5, "other": 1.0, "subject": 0.6}

#: A state named in fewer sentences than this is a passing mention, not a discussed state
#: (the main target is always reported).
MIN_SENTENCES = 2

#: Entity types whose mentions speak about their state.
STATE_TYPES = {"state": 1.0, "leader": 0.5, "official": 0.5}


@dataclass
class DiscussedState:
    """One state a document discusses: its score and the sentences that name it."""

    iso3: str
    score: float = 0.0
    mentions: int = 0
    in_title: bool = False
    sentences: list[int] = field(default_factory=list)

    def add(self, sentence_id: int, weight: float, in_title: bool) -> None:
        self.score += weight
        self.mentions += 1
        self.in_title = self.in_title or in_title
        if sentence_id not in self.sentences:
            self.sentences.append(sentence_id)


def discussed_states(mentions: list[dict], entities: dict[str, dict], sentence_ids: list[int],
                     title_end: int = 0) -> list[DiscussedState]:
    """Every state the mentions speak about, best main-target candidate first.

    ``sentence_ids[i]`` is the sentence of ``mentions[i]``; mentions that start before
    ``title_end`` are in the title.
    """
    states: dict[str, DiscussedState] = {}
    for mention, sentence_id in zip(mentions, sentence_ids):
        entity = entities.get(mention["entity_id"], {})
        iso3 = entity.get("country_iso3", "")
        share = STATE_TYPES.get(entity.get("type", ""))
        if not iso3 or share is None or ";" in iso3:
            continue
        if entity.get("type") == "state" and mention["kind"] != "actor":
            share = 0.5
        in_title = mention["start_char"] < title_end
        weight = share * SYNTAX_WEIGHTS.get(mention.get("syntax", "other"), 1.0) * (2 if in_title else 1)
        states.setdefault(iso3, DiscussedState(iso3)).add(sentence_id, weight, in_title)
    return sorted(states.values(), key=lambda s: (-s.score, s.iso3))


def main_target(states: list[DiscussedState]) -> tuple[str, str]:
    """The main target and a plain account of how it was chosen (``("", "")`` without states)."""
    if not states:
        return "", ""
    best = states[0]
    reasons = [f"most weight among {len(states)} states named" if len(states) > 1 else "the only state named",
               f"{best.mentions} mentions in {len(best.sentences)} sentences"]
    if best.in_title:
        reasons.append("named in the title")
    return best.iso3, "; ".join(reasons)
