"""The actors a cooperation mention links."""

from __future__ import annotations

from spacy.tokens import Doc, Token


def participants(trigger: Token, actor_tokens: dict[int, str]) -> list[str]:
    tokens = {t.i for t in trigger.subtree}
    verb = trigger
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    if verb.pos_ in {"VERB", "AUX"}:
        for c in verb.children:
            if c.dep_ in {"nsubj", "nsubjpass", "dobj", "agent", "dative"} or (c.dep_ == "prep" and c.lower_ in {"with", "between", "among", "by", "to", "for", "from"}):
                tokens.update(t.i for t in c.subtree)
    ids: list[str] = []
    for i in sorted(tokens):
        eid = actor_tokens.get(i)
        if eid and eid not in ids:
            ids.append(eid)
    if len(ids) < 2:
        # The parse found at most one side: the other actors the sentence names are the
        # best evidence of who else takes part ("Japan and South Korea ... exchanges").
        for i in range(trigger.sent.start, trigger.sent.end):
            eid = actor_tokens.get(i)
            if eid and eid not in ids:
                ids.append(eid)
    return ids


def actor_tokens(doc: Doc) -> dict[int, str]:
    out: dict[int, str] = {}
    for m in doc._.policy_mentions or []:
        if m["kind"] != "actor":
            continue
        span = doc.char_span(m["start_char"], m["end_char"], alignment_mode="expand")
        if span is not None:
            for t in span:
                out[t.i] = m["entity_id"]
    return out
