"""Array implementations of spaCy's attribute ruler and rule lemmatizer.

In ``en_core_web_sm`` these two rule-based components take a fifth of the pipeline's
time: the attribute ruler runs a general ``Matcher`` with 179 patterns over every token
(almost all of them one-token tests of the tag, the lower-case form or the dependency),
and the lemmatizer builds a ``Token`` object per word and caches only some of its
answers. The subclasses here give every token the same attributes with numpy masks over
``Doc.to_array`` and a complete lemma cache. :func:`use_fast_rule_components` swaps
them in when the pipeline's components are spaCy's own and every pattern is of a kind
they support; otherwise the originals stay. A test compares the attributes of both on
the project's corpora token by token.
"""

from __future__ import annotations

import re
from typing import Any

import numpy
from spacy.errors import Errors
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc

#: Token attributes the patterns may test, and the ones they may set.
_TESTED = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "IS_SPACE": IS_SPACE}
_SET = (POS, TAG, MORPH, LEMMA, DEP)
#: Cached lemmas kept before the cache starts again (under 10 MB; 500 articles fill 17,000).
_LEMMA_CACHE_SIZE = 50_000


class UnsupportedPattern(ValueError):
    """A pattern uses a construct the array matcher does not implement."""


class _Rule:
    """One attribute-ruler entry: alternatives of token tests, target index, attributes."""

    def __init__(self, alternatives: list[list[dict]], index: int, attrs: dict[int, int]) -> None:
        self.alternatives = [[_compile_token(spec) for spec in alt] for alt in alternatives]
        self.index = index
        self.attrs = attrs
        if not set(attrs) <= set(_SET):
            raise UnsupportedPattern(f"sets attributes {sorted(set(attrs) - set(_SET))}")
        for alt in self.alternatives:
            if not alt or not -len(alt) <= index < len(alt):
                raise UnsupportedPattern(f"index {index} outside a pattern of {len(alt)} tokens")

    def targets(self, columns: dict[int, numpy.ndarray], strings, n: int) -> numpy.ndarray:
        """Boolean mask of the tokens this rule sets attributes on."""
        hit = numpy.zeros(n, dtype=bool)
        for alt in self.alternatives:
            width = len(alt)
            if width > n:
                continue
            starts = numpy.ones(n - width + 1, dtype=bool)
            for offset, tests in enumerate(alt):
                for test in tests:
                    starts &= test(columns, strings)[offset:n - width + 1 + offset]
            position = self.index if self.index >= 0 else width + self.index
            hit[numpy.flatnonzero(starts) + position] = True
        return hit


def _compile_token(spec: dict) -> list:
    tests = []
    for key, value in spec.items():
        if key not in _TESTED:
            raise UnsupportedPattern(f"token attribute {key}")
        attr = _TESTED[key]
        if key == "IS_SPACE":
            if not isinstance(value, bool):
                raise UnsupportedPattern(f"IS_SPACE {value!r}")
            tests.append(_equals(attr, int(value)))
        elif isinstance(value, str):
            tests.append(_equals(attr, get_string_id(value)))
        elif isinstance(value, dict) and len(value) == 1:
            (op, arg), = value.items()
            if op in {"IN", "NOT_IN"} and isinstance(arg, list) and all(isinstance(a, str) for a in arg):
                tests.append(_member(attr, [get_string_id(a) for a in arg], negate=op == "NOT_IN"))
            elif op == "REGEX" and isinstance(arg, str):
                tests.append(_regex(attr, re.compile(arg)))
            else:
                raise UnsupportedPattern(f"{key} {value!r}")
        else:
            raise UnsupportedPattern(f"{key} {value!r}")
    return tests


def _equals(attr: int, value: int):
    return lambda columns, strings: columns[attr] == numpy.uint64(value)


def _member(attr: int, values: list[int], negate: bool):
    wanted = numpy.array(values, dtype=numpy.uint64)
    return lambda columns, strings: numpy.isin(columns[attr], wanted, invert=negate)


def _regex(attr: int, pattern: re.Pattern):
    def test(columns, strings):
        column = columns[attr]
        unique, inverse = numpy.unique(column, return_inverse=True)
        found = numpy.array([bool(pattern.search(strings[int(h)])) for h in unique.tolist()], dtype=bool)
        return found[inverse.reshape(-1)] if len(column) else numpy.zeros(0, dtype=bool)
    return test


class FastAttributeRuler(AttributeRuler):
    """spaCy's :class:`AttributeRuler` with its patterns applied as array operations.

    Matches of later patterns take precedence, as in the original, because rules are
    applied in pattern order.
    """

    _rules: list[_Rule] | None = None
    _unsupported = False

    def add(self, patterns, attrs: dict, index: int = 0) -> None:
        super().add(patterns, attrs, index)
        self._rules, self._unsupported = None, False

    def clear(self) -> None:
        super().clear()
        self._rules, self._unsupported = None, False

    def compile(self) -> list[_Rule]:
        """The patterns as rules; raises :class:`UnsupportedPattern` when one is not."""
        if self._rules is None:
            self._rules = [_Rule(self.matcher.get(str(i))[1], self.indices[i], self.attrs[i])
                           for i in range(len(self.attrs))]
        return self._rules

    def supported(self) -> bool:
        if not self._unsupported:
            try:
                self.compile()
            except UnsupportedPattern:
                self._unsupported = True
        return not self._unsupported

    def __call__(self, doc: Doc) -> Doc:
        if not self.supported():
            return super().__call__(doc)
        n = len(doc)
        if n == 0:
            return doc
        tested = list(_TESTED.values())
        array = doc.to_array(tested)
        columns = {attr: array[:, j] for j, attr in enumerate(tested)}
        values = doc.to_array(list(_SET))
        out = {attr: values[:, j].copy() for j, attr in enumerate(_SET)}
        strings = doc.vocab.strings
        for rule in self._rules:
            hit = rule.targets(columns, strings, n)
            if hit.any():
                for attr, value in rule.attrs.items():
                    out[attr][hit] = value
        write = [attr for attr in (POS, TAG, MORPH, LEMMA) if not numpy.array_equal(out[attr], values[:, _SET.index(attr)])]
        if write:
            doc.from_array(write, numpy.stack([out[attr] for attr in write], axis=1))
        changed = numpy.flatnonzero(out[DEP] != values[:, _SET.index(DEP)])
        for i in changed.tolist():
            doc[i].dep = int(out[DEP][i])
        return doc


class FastLemmatizer(EnglishLemmatizer):
    """spaCy's English rule lemmatizer with every answer cached by (word, POS, morphology).

    The lemma depends on nothing else, so the cache gives the same lemmas; tokens are
    read and written as arrays, and ``Token`` objects are built only for unseen keys.
    """

    _lemmas: dict[tuple[int, int, int], str] | None = None

    def __call__(self, doc: Doc) -> Doc:
        if self.mode != "rule":
            return super().__call__(doc)
        if not self._validated:
            self._validate_tables(Errors.E1004)
        if self._lemmas is None or len(self._lemmas) > _LEMMA_CACHE_SIZE:
            self._lemmas = {}
        lemmas = self._lemmas
        array = doc.to_array([ORTH, POS, MORPH, LEMMA])
        column = array[:, 3].copy()
        strings = doc.vocab.strings
        for i, (orth, pos, morph, lemma) in enumerate(array.tolist()):
            if lemma != 0 and not self.overwrite:
                continue
            key = (orth, pos, morph)
            text = lemmas.get(key)
            if text is None:
                text = lemmas[key] = self.lemmatize(doc[i])[0]
            column[i] = strings.add(text)
        doc.from_array([LEMMA], column.reshape(-1, 1))
        return doc


@Language.factory("policy_attribute_ruler", default_config={
    "validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}})
def make_fast_attribute_ruler(nlp: Language, name: str, validate: bool, scorer: Any) -> FastAttributeRuler:
    return FastAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)


@Language.factory("policy_lemmatizer", default_config={
    "model": None, "mode": "rule", "overwrite": False, "scorer": {"@scorers": "spacy.lemmatizer_scorer.v1"}})
def make_fast_lemmatizer(nlp: Language, model: Any, name: str, mode: str, overwrite: bool, scorer: Any) -> FastLemmatizer:
    return FastLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite, scorer=scorer)


def use_fast_rule_components(nlp: Language) -> list[str]:
    """Swap spaCy's attribute ruler and English rule lemmatizer in ``nlp`` for the array
    versions, keeping their names, patterns and tables; return the names swapped."""
    swapped = []
    if "attribute_ruler" in nlp.pipe_names and type(nlp.get_pipe("attribute_ruler")) is AttributeRuler:
        old = nlp.get_pipe("attribute_ruler")
        patterns = old.patterns
        new = nlp.replace_pipe("attribute_ruler", "policy_attribute_ruler", config={"validate": old.validate})
        new.add_patterns(patterns)
        if new.supported():  # if not, it runs the patterns with spaCy's Matcher, as before
            swapped.append("attribute_ruler")
    if "lemmatizer" in nlp.pipe_names and type(nlp.get_pipe("lemmatizer")) is EnglishLemmatizer:
        old = nlp.get_pipe("lemmatizer")
        if old.mode == "rule":
            new = nlp.replace_pipe("lemmatizer", "policy_lemmatizer", config={"mode": old.mode, "overwrite": old.overwrite})
            new.lookups = old.lookups
            swapped.append("lemmatizer")
    return swapped
