"""Negation-aware framing cues for the stance classifier.

Counts of engagement and pressure cues (dialogue, exchanges, easing sanctions; sanctions,
deterrence, condemnation) with three refinements the bag of words cannot express:
a cue preceded by a negation within a few words counts for the other side ("should not
lift sanctions" is pressure), a cue near an advocacy word (should, must, urge, call for)
counts double, and cues in the final paragraph, where commentary states its
recommendation, are counted separately. The cue lists are written for policy-nlp from
the label definitions in the project brief.
"""

from __future__ import annotations

import re

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

ENGAGEMENT = [
    r"dialogu\w*", r"talks?", r"negotiat\w+", r"diplomac\w+", r"diplomatic", r"engag\w+", r"cooperat\w+",
    r"collaborat\w+", r"exchanges?", r"partnership", r"rapprochement", r"d[eé]tente", r"thaw", r"reconcil\w+",
    r"normali[sz]\w+", r"trust", r"confidence-building", r"outreach", r"reopen\w*", r"humanitarian", r"aid",
    r"assistance", r"summit\w*", r"compromise", r"peace", r"agreement", r"deal", r"incentives?", r"relief",
    r"olive branch", r"goodwill", r"people-to-people", r"reward", r"channels?", r"open(?:ing)? the door",
]
PRESSURE = [
    r"sanction\w*", r"pressure", r"isolat\w+", r"deter\w*", r"condemn\w*", r"punish\w*", r"tariffs?",
    r"export controls?", r"embargo\w*", r"blacklist\w*", r"designat\w+", r"coerc\w+", r"threat\w*",
    r"strikes?", r"military options?", r"force", r"accountab\w+", r"penalt\w+", r"expel\w*", r"expuls\w+",
    r"freez\w+", r"ban\w*", r"containment", r"contain", r"confront\w*", r"retaliat\w+", r"prosecut\w+",
    r"indict\w*", r"crackdown", r"maximum pressure", r"red lines?", r"consequences", r"exercises",
    r"deploy\w*", r"restrictions?", r"cut off", r"suspend\w*", r"hold\w* .{0,20}accountable",
]
EASING = r"(lift\w*|eas\w+|relax\w*|roll\w* back|suspend\w*|loosen\w*|remov\w+|end\w*|waiv\w+)\s+(\w+\s+){0,3}(sanction\w*|restrictions?|embargo\w*|tariffs?)"
TIGHTENING = r"(impos\w+|tighten\w*|expand\w*|extend\w*|new|more|tougher|stronger|additional|further|secondary)\s+(\w+\s+){0,2}(sanction\w*|restrictions?|tariffs?|penalt\w+)"
NEGATION = re.compile(r"\b(not|no|never|n't|without|rather than|instead of|nor|cannot|against|fail\w*|refus\w+|reject\w*)\b")
ADVOCACY = re.compile(r"\b(should|must|ought|need\w*|urge\w*|call\w* (for|on)|recommend\w*|time (for|to)|we (will|shall)|let us|it is essential|it is vital|has to|have to)\b")

_ENG = re.compile(r"\b(" + "|".join(ENGAGEMENT) + r")\b")
_PRE = re.compile(r"\b(" + "|".join(PRESSURE) + r")\b")
_EASE = re.compile(EASING)
_TIGHT = re.compile(TIGHTENING)

FEATURE_NAMES = [
    "eng", "eng_negated", "eng_advocated", "pre", "pre_negated", "pre_advocated", "easing", "easing_negated",
    "tightening", "tightening_negated", "eng_final", "pre_final", "easing_final", "tightening_final",
    "advocacy", "negation", "eng_minus_pre",
]


def _window_before(text: str, pos: int, chars: int = 40) -> str:
    return text[max(0, pos - chars):pos]


def cue_vector(text: str) -> list[float]:
    """The cue counts of one text, per 100 words (see :data:`FEATURE_NAMES`)."""
    low = text.lower()
    words = max(20, len(low.split()))
    paragraphs = [p for p in re.split(r"\n\s*\n", low) if p.strip()]
    final = paragraphs[-1] if len(paragraphs) > 1 else low[-max(1, len(low) // 4):]

    def count(pattern: re.Pattern, part: str) -> tuple[int, int, int]:
        plain = negated = advocated = 0
        for m in pattern.finditer(part):
            before = _window_before(part, m.start())
            if NEGATION.search(before[-25:]):
                negated += 1
            else:
                plain += 1
                if ADVOCACY.search(before):
                    advocated += 1
        return plain, negated, advocated

    eng, eng_neg, eng_adv = count(_ENG, low)
    pre, pre_neg, pre_adv = count(_PRE, low)
    ease, ease_neg, _ = count(_EASE, low)
    tight, tight_neg, _ = count(_TIGHT, low)
    eng_f = count(_ENG, final)[0]
    pre_f = count(_PRE, final)[0]
    ease_f = count(_EASE, final)[0]
    tight_f = count(_TIGHT, final)[0]
    values = [eng, eng_neg, eng_adv, pre, pre_neg, pre_adv, ease, ease_neg, tight, tight_neg]
    scale = 100.0 / words
    final_scale = 100.0 / max(20, len(final.split()))
    out = [v * scale for v in values]
    out += [v * final_scale for v in (eng_f, pre_f, ease_f, tight_f)]
    out += [len(ADVOCACY.findall(low)) * scale, len(NEGATION.findall(low)) * scale, (eng - pre) * scale]
    return out


class CueFeatures(BaseEstimator, TransformerMixin):
    """scikit-learn transformer: texts -> scaled cue counts (see the module docstring)."""

    def __init__(self, scale: float = 0.2) -> None:
        self.scale = scale

    def fit(self, texts, y=None):
        return self

    def transform(self, texts):
        return np.asarray([cue_vector(t) for t in texts], dtype=float) * self.scale

    def get_feature_names_out(self, input_features=None):
        return np.asarray([f"cue_{n}" for n in FEATURE_NAMES], dtype=object)
