"""Modality of a cooperation mention: ``actual``, ``proposed``, ``negated`` or ``hypothetical``.

Cues (negation, condition, speculation, advocacy words in the lexicon) count when the trigger
lies in their syntactic scope: the trigger's own modifiers and each word that governs it up
to its clause, in the manner of NegEx (Chapman et al. 2001) and ConText (Harkema et al. 2009).
"""

from __future__ import annotations

from spacy.tokens import Token

from .lexicon import Lexicon
from .tokens import lemma_of, unrealised


def reported(clause: Token) -> bool:
    """True when a clause's verb reports a fact: a finite past or present ("announced",
    "are", "has become", "was established"), not an infinitive, an imperative, a modal or a
    verb-less fragment."""
    if clause.pos_ not in {"VERB", "AUX"}:
        return False
    auxes = [c for c in clause.children if c.dep_ in {"aux", "auxpass"}]
    if any(a.tag_ == "MD" or a.lower_ == "to" for a in auxes):
        return False
    if clause.tag_ in {"VBD", "VBZ", "VBP"}:
        return True
    return clause.tag_ in {"VBN", "VBG"} and any(a.tag_ in {"VBD", "VBZ", "VBP"} for a in auxes)


def _inverted(clause: Token) -> bool:
    """True for a condition written by inversion: "Should the government reverse course",
    "Were the embargo lifted", "Had the talks succeeded"."""
    first = clause.doc[clause.left_edge.i]
    return clause.dep_ in {"advcl", "ccomp"} and first.lower_ in {"should", "were", "had"} and first.head.i == clause.i \
        and first.dep_ in {"aux", "auxpass"} and any(c.dep_ in {"nsubj", "nsubjpass"} and c.i > first.i for c in clause.children)


class ModalityDetector:
    """Decide the modality of a trigger from the cues in its scope."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lx = lexicon

    def modality(self, trigger: Token) -> str:
        """The strongest cue in the trigger's scope: its own modifiers and each governing word up to its clause."""
        level = trigger
        first, after_conj = True, False
        verdicts = set()
        came_from = None
        while True:
            verdict = self._cues_at(level, first, after_conj, came_from)
            if level.lower_ == "without" and level.i == trigger.head.i and trigger.dep_ == "pobj":
                verdict = ""  # the trigger itself is "without": negated there ("collapsed without a deal")
            elif verdict == "negated" and came_from is not None and level.pos_ == "VERB" and level.lemma_.lower() in self.lx.neg_verbs and (
                    came_from.dep_ == "nsubj" and any(c.dep_ in {"dobj", "obj"} for c in level.children)
                    or came_from.dep_ == "prep" and came_from.lower_ in {"with", "by", "through", "after", "under"}):
                # The trigger ends something else, or is how it ended: "the peace agreement
                # ended the war", "the war ended with a ceasefire plan".
                verdict = ""
            verdicts.add(verdict)
            first = False
            if level.dep_ in {"ROOT", "parataxis"} or level.head.i == level.i:
                break
            if level.pos_ in {"VERB", "AUX"} and level.dep_ not in {"aux", "auxpass"} and any(
                    c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in level.children):
                break  # (an auxiliary the parser gave the subject is not the clause: "would remain suspended")
            # A negation does not reach across a coordination: in "isolation was not complete
            # and contacts ... have been taking place" the contacts are not negated.
            after_conj = level.dep_ == "conj"
            came_from, level = level, level.head
        if (level.dep_ == "ccomp" and level.tag_ in {"VB", "VBP"} and lemma_of(level.head) in self.lx.mandative_verbs
                and not any(c.dep_ in {"aux", "auxpass"} for c in level.children)):
            verdicts.add("proposed")  # the subjunctive of a demand: "demanding that the British submit ... to arbitration"
        if trigger.lower_ in {"invitation", "invitations"} and not verdicts & {"hypothetical", "negated"}:
            verdicts.add("proposed")  # "extended an invitation to visit Pakistan": a visit still to come
        if "done" in verdicts:
            verdicts.discard("proposed")
        if "described" in verdicts:
            # "closer", "new", "key" in a clause that reports what is or was ("have become
            # important partners", "announced a new contribution") describe; in a clause
            # that is not finite ("opening channels for wider cooperation") they propose.
            verdicts.add("" if reported(level) else "proposed")
        # A condition frames everything under it; a negation outranks the plan it negates
        # ("refused to resume cooperation"); a plan outranks plain description.
        for verdict in ("hypothetical", "negated", "proposed"):
            if verdict in verdicts:
                return verdict
        if self.lx.future_phrases.search(trigger.sent.text.lower()) \
                and not any(t.tag_ in {"VBD", "VBN"} or t.dep_ == "aux" and t.lemma_ == "have" for t in (level, *level.children)):
            return "proposed"  # "working towards an enhanced trade partnership next year", "continue the dialogue in the months ahead"
        return "actual"

    @staticmethod
    def _done_beside(tok: Token) -> bool:
        """True when a verb coordinated with ``tok`` says it is already done: "what has been
        and will continue to be an enduring relationship"."""
        related = [tok.head] if tok.dep_ == "conj" else []
        related += [c for c in tok.children if c.dep_ == "conj"]
        return any(c.dep_ == "aux" and c.lemma_ == "have" or c.tag_ in {"VBD", "VBN"} and c.dep_ != "xcomp"
                   for r in related for c in [r, *r.children] if c is not tok)

    def _cues_at(self, tok: Token, is_trigger: bool, after_conj: bool = False, via: Token | None = None) -> str:
        """The cue at ``tok`` for a trigger below it, reached through its child ``via``."""
        children = list(tok.children)
        # A verb that endorses or proposes does so for its object, not for its subject: "we
        # support dialogue" proposes, "our investment relations support jobs" reports.
        of_subject = via is not None and via.dep_ in {"nsubj", "nsubjpass", "csubj"}
        lemma = lemma_of(tok)
        words = {c.lower_ for c in children} | {lemma_of(c) for c in children}
        negs = [c for c in children if c.dep_ == "neg" or (c.lower_ in self.lx.neg_words and c.dep_ in {"det", "advmod", "preconj", "neg"})]
        negs = [c for c in negs if not (c.i + 1 < len(tok.doc) and tok.doc[c.i + 1].lower_ in {"only", "just", "merely", "least"})]
        # "no longer share data", "no more joint patrols"; "Nobody should expect them to sign"
        negs += [c for c in children if c.lower_ in {"longer", "more"} and any(g.lower_ == "no" for g in c.children)]
        negs += [c for c in children if c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ in self.lx.negative_subjects]
        if {c.lower_ for c in children if c.dep_ == "mark"} & self.lx.cond_marks:
            # a condition frames what it conditions, negations under it included: "if the AES and
            # ECOWAS fail to agree on trade rules", "if Congress cut funding for these programs"
            return "hypothetical"
        if lemma in {"remain", "be", "stay"} and any(c.lower_ == "apart" and c.dep_ in {"advmod", "acomp"} for c in children):
            return "negated"  # "they remain far apart on a ceasefire": not agreed
        if any(c.dep_ == "prep" and c.lower_ in {"in", "into"} and any(lemma_of(o) in self.lx.neg_nouns for o in c.children)
               for c in children):
            return "negated"  # "hold the treaty in abeyance", "fell into abeyance"
        if negs and not after_conj:
            if not is_trigger and tok.pos_ == "VERB" and lemma in self.lx.neg_verbs:
                return ""  # two negations: "the amendment would not end humanitarian aid"
            return "negated"
        if is_trigger and tok.pos_ == "VERB" and lemma in self.lx.neg_verbs:
            return "negated"  # the trigger itself ends cooperation: "suspended funding", "cut ties"
        if tok.dep_ == "xcomp" and tok.head.lemma_ in {"manage", "succeed"}:
            return "done"  # "managed to reestablish amicable relations": done, not planned
        if any(c.dep_ == "advcl" and (any(m.dep_ == "mark" and m.lower_ in self.lx.cond_marks for m in c.children) or _inverted(c))
               for c in children):
            # a condition attached to the governing verb: "ready to cooperate if ...", "Should the
            # government reverse course, the EU stands ready to resume ..."
            return "hypothetical"
        if _inverted(tok):
            return "hypothetical"  # "Should the Government of India choose to cooperate fully, ..."
        if not is_trigger and (tok.pos_ == "ADJ" or tok.tag_ == "VBN" and any(
                c.dep_ in {"aux", "auxpass"} and c.lemma_ == "be" for c in children)) and (
                lemma in self.lx.willing_adjs or tok.lower_ in self.lx.willing_adjs):
            return "proposed"  # "open to cooperation", "ready to cooperate", "we are committed to a partnership"
        if not is_trigger and not after_conj and (lemma in self.lx.neg_verbs and tok.pos_ == "VERB" or lemma in self.lx.neg_adjs or lemma in self.lx.neg_nouns and tok.pos_ == "NOUN"):
            return "negated"
        if lemma == "without" or (tok.dep_ == "pobj" and tok.head.lower_ == "without"):
            return "hypothetical" if not is_trigger else "negated"
        marks = {c.lower_ for c in children if c.dep_ == "mark"}  # (a condition's mark was read first, above)
        if ("until" in marks or "unless" in marks) and (tok.tag_ in {"VB", "VBP", "VBZ"} or tok.tag_ == "VBN" and any(
                c.dep_ == "auxpass" and c.tag_ in {"VBP", "VBZ"} for c in children)):
            return "hypothetical"  # what must happen first: "until Baku and Yerevan sign a peace treaty", not "until they signed"
        auxes = {c.lower_ for c in children if c.dep_ in {"aux", "auxpass"}}
        if "for" in marks and "to" in auxes and (tok.head.pos_ in {"VERB", "AUX"} or tok.head.lemma_.lower() == "time"):
            # "calls for both sides to return to the table", "time for them to talk" (not "the
            # opportunity for this agreement to occur", a clause that hangs on a noun)
            return "proposed"
        clause = tok.head if tok.dep_ in {"aux", "auxpass"} else tok  # "that the treaty would remain suspended"
        if auxes & {"would", "'d"} and auxes & self.lx.spec_modals == {"would"} and not words & self.lx.spec_words \
                and clause.dep_ == "ccomp" and lemma_of(clause.head) in self.lx.reporting_verbs:
            return "proposed"  # the future of reported speech: "they confirmed that negotiations would begin"
        if auxes & self.lx.spec_modals or words & self.lx.spec_words or lemma in self.lx.spec_words:
            return "hypothetical" if not auxes & {"should", "must"} else "proposed"
        if auxes & self.lx.adv_modals and not (lemma in self.lx.continuation_verbs and (
                self._done_beside(tok) or not any(c.dep_ in {"xcomp", "dobj"} for c in children))):
            # "will continue to cooperate", "will continue our support": a commitment; "the
            # cooperation will continue" and "has been and will continue to be" report what goes on
            return "proposed"
        if not is_trigger and not of_subject and tok.tag_ in {"VBP", "VBZ"} and lemma in self.lx.endorsement_verbs:
            return "proposed"  # "we support cross-Strait dialogue": endorsing what is to come
        if tok.dep_ in {"ccomp", "xcomp"} and tok.head.lemma_.lower() == "let" or tok.dep_ == "xcomp" and tok.head.lower_ == "going":
            return "proposed"  # "let us work together", "we're going to be your partner"
        if (not is_trigger and tok.tag_ == "VB" and tok.dep_ in {"ROOT", "conj"} and not auxes
                and not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in children)):
            return "proposed"  # an imperative: "keep technical contacts with Kabul"
        if lemma == "call" and not any(c.dep_ == "prep" and c.lower_ in {"for", "on", "upon"} for c in children):
            pass  # "called Russia a partner" names; "called for cooperation" proposes
        elif not is_trigger and not after_conj and tok.pos_ == "VERB" and (
                lemma in self.lx.proposal_verbs and (not of_subject or via.dep_ == "nsubjpass")
                or not of_subject and lemma in self.lx.adv_verbs and unrealised(tok)):
            # (a proposal verb's passive subject is what is proposed: "an alliance has been suggested")
            return "proposed"  # "called for joint research" in any tense; "to expand cooperation", not "expanded"
        if not is_trigger and not after_conj and (lemma in self.lx.adv_nouns and tok.pos_ == "NOUN"):
            return "proposed"  # (not "peaceful intentions and actual cooperation": a list, not a plan)
        if any(c.dep_ in {"amod", "advmod"} and (lemma_of(c) in self.lx.adv_adjs or c.lower_ in self.lx.adv_adjs) for c in children):
            return "described"
        if lemma == "be" or tok.dep_ == "ROOT":
            for c in children:
                if c.dep_ in {"attr", "acomp"}:
                    if lemma_of(c) in self.lx.neg_adjs:
                        return "negated"
                    if lemma_of(c) in self.lx.adv_nouns or lemma_of(c) in self.lx.adv_adjs:
                        return "proposed"
        if tok.dep_ in {"xcomp"} and tok.head.lemma_ in {"need", "want", "hope", "plan", "aim", "seek", "try", "intend", "propose", "agree",
                                                         "apply", "able", "expect", "schedule", "due"}:
            # ("are expected to meet before the end of the year", "is scheduled to visit")
            return "" if tok.head.lemma_ == "able" else "proposed"  # "applied to join NATO"
        if (tok.dep_ == "xcomp" and tok.head.lemma_ == "be" and tok.head.dep_ == "ROOT" and "to" in auxes
                and any(c.dep_ == "nsubj" and c.lower_ != "it" for c in tok.head.children)
                and not any(c.dep_ in {"acomp", "attr"} for c in tok.head.children)):  # ("it is interesting to note")
            return "proposed"  # what is arranged: "the two sides are to sign the agreement", "Benin was to join"
        return ""
