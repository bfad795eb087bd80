"""The cooperation lexicon: triggers, domain taxonomy and modality cues, read from
``data/cooperation_lexicon.json`` once per process."""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import read_data_json

DOMAIN_ORDER = ("science", "education", "culture", "economic", "diplomatic", "security", "health",
                "humanitarian", "environment", "energy", "sport", "social")


class Lexicon:
    """The lists of ``data/cooperation_lexicon.json`` as sets, under the names the detectors use."""

    def __init__(self, raw: dict, domain_patterns: dict[str, re.Pattern]) -> None:
        self.raw = raw
        self.domain_patterns = domain_patterns
        words, cue = self._words, self._cue
        # triggers
        self.nouns, self.verbs = words("trigger_nouns"), words("trigger_verbs")
        self.diplomacy_mods = words("diplomacy_modifiers")
        self.exchange_mods = words("exchange_modifiers") | frozenset(w for ws in raw["domains"].values() for w in ws)
        self.exchange_heads = words("exchange_heads")
        self.agreement_nouns, self.agreement_verbs = words("agreement_nouns"), words("agreement_verbs")
        self.study_verbs, self.study_nouns = words("study_verbs"), words("study_nouns")
        self.shared_heads, self.with_verbs = words("shared_heads"), words("with_verbs")
        self.share_objects, self.join_objects = words("share_objects"), words("join_objects")
        self.support_objects = {verb: frozenset(objs) for verb, objs in raw["support_objects"].items()}
        self.partner_required, self.partner_not_modifiers = words("partner_required"), words("partner_not_modifiers")
        self.relation_nouns, self.relation_modifiers = words("relation_nouns"), words("relation_modifiers")
        self.relation_verbs, self.relation_changes = words("relation_verbs"), words("relation_change_nouns")
        self.interaction_verbs, self.interaction_nouns = words("interaction_verbs"), words("interaction_nouns")
        self.partner_preps = words("partner_prepositions")
        self.named_bodies, self.ally_nouns = words("named_bodies_as_mentions"), words("ally_nouns")
        self.coalition_mods, self.coalition_members = words("coalition_modifiers"), words("coalition_members")
        self.support_verbs = words("support_verbs")
        self.strong_relation_verbs, self.recognised_objects = words("strong_relation_verbs"), words("recognised_objects")
        self.dialogue_nouns, self.dialogue_mods = words("dialogue_nouns"), words("dialogue_modifiers")
        self.meeting_verbs, self.meeting_nouns = words("meeting_verbs"), words("meeting_nouns")
        self.held_only_nouns, self.contact_nouns = words("held_only_nouns"), words("contact_nouns")
        self.posting_verbs, self.recall_verbs = words("posting_verbs"), words("recall_verbs")
        self.envoy_nouns = words("envoy_nouns")
        self.leave_verbs, self.leave_nouns = words("leave_verbs"), words("leave_nouns")
        self.leave_objects = words("leave_objects")
        self.promise_verbs = words("promise_verbs")
        self.hostile_exchanges = words("hostile_exchanges")
        self.exchanged_things = words("exchanged_things")
        self.inter_pairs = {k: tuple(v) for k, v in raw["inter_pairs"].items()}
        self.transfer_nouns, self.aid_heads = words("transfer_nouns"), words("aid_heads")
        self.backing_words, self.peace_verbs = words("backing_words"), words("peace_verbs")
        self.founding_nouns, self.guard_verbs = words("founding_nouns"), words("guard_verbs")
        self.sport_words = words("sport_words")
        self.troop_words, self.troop_welcome = words("troop_words"), words("troop_welcome_words")
        self.troop_destinations = words("troop_destinations")
        self.people_givers, self.declaration_of = words("people_givers"), words("declaration_of")
        self.qualified_nouns = {noun: frozenset(mods) for noun, mods in raw["qualified_nouns"].items()}
        self.qualified_for = words("qualified_nouns_for")
        self.not_after = {k: frozenset(v) for k, v in raw["not_cooperation_after"].items()}
        self.not_phrases = list(raw["not_cooperation_phrases"])
        self.phrases = [tuple(p) for p in raw["verbal_phrases"]]
        # modality cues
        self.neg_words, self.neg_verbs = cue("negation_words"), cue("negation_verbs")
        self.neg_adjs, self.neg_nouns = cue("negation_adjectives"), cue("negation_nouns")
        self.negative_subjects = cue("negative_subjects")
        self.cond_marks = cue("condition_marks")
        self.spec_modals, self.spec_words = cue("speculative_modals"), cue("speculative_words")
        self.adv_modals, self.adv_verbs = cue("advocacy_modals"), cue("advocacy_verbs")
        self.adv_nouns, self.adv_adjs = cue("advocacy_nouns"), cue("advocacy_adjectives")
        self.proposal_verbs, self.willing_adjs = cue("proposal_verbs"), cue("willingness_adjectives")
        self.continuation_verbs = cue("continuation_verbs")
        self.future_phrases = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(cue("future_phrases")))) + r")\b")
        self.endorsement_verbs = cue("endorsement_verbs")
        self.mandative_verbs = cue("mandative_verbs")
        self.reporting_verbs = cue("reporting_verbs")

    def _words(self, key: str) -> frozenset[str]:
        return frozenset(self.raw[key])

    def _cue(self, key: str) -> frozenset[str]:
        return frozenset(self.raw["modality"][key])


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The trigger, domain and cue lists (``data/cooperation_lexicon.json``)."""
    raw = read_data_json("cooperation_lexicon.json")
    patterns = {
        domain: re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")(?:s|es)?\b")
        for domain, words in raw["domains"].items()
    }
    return Lexicon(raw, patterns)
