"""The actors a cooperation mention links."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...knowledge import load_knowledge_base
from ..actors.words import WORDS


def type_and_country(entity_id: str) -> tuple[str, str]:
    """A participant's type and country, from its id for a state, else from the knowledge
    base (``("", "")`` for an entity it does not know)."""
    if entity_id.startswith("state:"):
        return "state", entity_id[len("state:"):]
    entity = load_knowledge_base().entities.get(entity_id)
    return (entity.type, entity.country_iso3) if entity is not None else ("", "")


def participants(trigger: Token, actor_tokens: dict[int, str], recipients: dict[int, str] | None = None) -> list[str]:
    """The entity ids of the actors ``trigger`` links: those in its phrase and in its
    clause's subject, objects and partner phrases, else the sentence's other actors.
    ``recipients`` maps the tokens of states named as places in a "to" phrase of the
    trigger's verb ("sent aid to Albania"): the receiving side."""
    tokens = {t.i for t in trigger.subtree}
    received: list[int] = []
    verb = trigger
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    if recipients:
        # "Netanyahu's visit to Australia", "Nixon visited China": the state visited takes part
        for c in trigger.children:
            if c.dep_ == "prep" and c.lower_ == "to" or c.dep_ in {"dobj", "obj"} and trigger.lemma_.lower() == "visit":
                received.extend(t.i for t in c.subtree if t.i in recipients)
    if verb.pos_ in {"VERB", "AUX"}:
        for c in verb.children:
            if c.dep_ in {"nsubj", "nsubjpass", "dobj", "agent", "dative"} or (c.dep_ == "prep" and c.lower_ in {"with", "between", "among", "by", "to", "for", "from"}):
                tokens.update(t.i for t in c.subtree)
                if c.dep_ in {"prep", "dative"} and c.lower_ == "to" and recipients:
                    received.extend(t.i for t in c.subtree if t.i in recipients)
    # those a mention is aimed at are no side of it: "defence cooperation against al-Shabaab"
    opposed = {t.i for tok in trigger.sent if tok.dep_ == "prep" and tok.lower_ in {"against", "versus"}
               for t in tok.subtree}
    if trigger.i in opposed:
        opposed = set()  # the mention is itself what is opposed: "a heavy blow against the Anglo-Chinese alliance"
    ids: list[str] = []
    for i in sorted(tokens - opposed):
        eid = actor_tokens.get(i) or (recipients.get(i) if i in received else None)
        if eid and eid not in ids:
            ids.append(eid)
    if len(ids) < 2:
        # The parse found at most one side: the other actors the sentence names are the
        # best evidence of who else takes part ("Japan and South Korea ... exchanges"), but
        # not those it is aimed at.
        for i in range(trigger.sent.start, trigger.sent.end):
            eid = actor_tokens.get(i)
            if eid and eid not in ids and i not in opposed:
                ids.append(eid)
    return ids


def mention_tokens(doc: Doc) -> tuple[dict[int, str], dict[int, str], dict[int, str], dict[int, str]]:
    """Token index -> entity id, in one pass over the linked mentions: of the actors, of the
    states the linker took for places ("shipped missiles to Russia"), and of the states
    whose capital is named as a place ("visited Beijing": the state, for telling the sides
    of a visit apart; it is not an entity of the document, so never a participant); and
    token index -> country of every place with one country ("Ohio": USA)."""
    actors: dict[int, str] = {}
    state_places: dict[int, str] = {}
    capitals: dict[int, str] = {}
    countries: dict[int, str] = {}
    entities = doc._.policy_entities or {}
    for m in doc._.policy_mentions or []:
        entity_id = m["entity_id"]
        country = entities.get(entity_id, {}).get("country_iso3", "")
        if m["kind"] == "actor":
            out = actors
        elif m["kind"] == "place" and entity_id.startswith("state:"):
            out = state_places
        elif m["kind"] == "place" and m.get("role") == "capital" and country:
            out, entity_id = capitals, f"state:{country}"
        else:
            out = None
        one_country = m["kind"] == "place" and country and ";" not in country
        if out is None and not one_country:
            continue
        span = doc.char_span(m["start_char"], m["end_char"], alignment_mode="expand")
        for t in span if span is not None else ():
            if out is not None:
                out[t.i] = entity_id
            if one_country:
                countries[t.i] = country
        if out is actors and span is not None and entities.get(entity_id, {}).get("type") in _PEOPLE:
            # The title before a person's name is theirs too: the parser sometimes makes it
            # the head ("friendship shared with PM Netanyahu", "PM" the object of "with").
            i = span.start - 1
            while i >= 0 and doc[i].lower_.replace(".", "") in _TITLE_WORDS and i not in actors:
                actors[i] = entity_id
                i -= 1
    return actors, state_places, capitals, countries


#: Entity types of people, and the words of a title before a person's name.
_PEOPLE = {"leader", "official", "person"}
_TITLE_WORDS = WORDS.person_titles | WORDS.title_modifiers
