"""Read the stance corpus (``corpora/stance/docs/*.txt``) and its fixed train/test split."""

from __future__ import annotations

import re

import hashlib
from dataclasses import dataclass
from pathlib import Path

LABELS = ("engagement", "pressure", "neutral")


class CorpusError(ValueError):
    """A corpus file does not follow the documented format."""


@dataclass(frozen=True)
class StanceExample:
    doc_id: str
    title: str
    target: str
    label: str
    genre: str
    text: str

    @property
    def split(self) -> str:
        """``test`` for a fixed fifth of the corpus chosen by a hash of the file name.

        The rule depends on the name alone, so adding documents never moves an existing
        one between splits, and training never sees a test document.
        """
        return "test" if int(hashlib.sha1(self.doc_id.encode()).hexdigest(), 16) % 5 == 0 else "train"


def parse_example(path: Path) -> StanceExample:
    raw = path.read_text(encoding="utf-8")
    head, sep, body = raw.partition("\n---\n")
    if not sep:
        raise CorpusError(f"{path.name}: no '---' line between header and text")
    fields = {}
    for line in head.splitlines():
        key, _, value = line.partition(":")
        fields[key.strip().lower()] = value.strip()
    label = fields.get("label", "")
    if label not in LABELS:
        raise CorpusError(f"{path.name}: label {label!r} is not one of {', '.join(LABELS)}")
    target = fields.get("target", "")
    if len(target) != 3 or not target.isupper():
        raise CorpusError(f"{path.name}: target {target!r} is not an ISO3 code")
    return StanceExample(path.stem, fields.get("title", ""), target, label, fields.get("genre", ""), body.strip())


def read_corpus(folder: Path) -> list[StanceExample]:
    """All examples under ``folder`` (its ``docs`` subfolder if present), sorted by name."""
    docs = folder / "docs" if (folder / "docs").is_dir() else folder
    files = sorted(docs.glob("*.txt"))
    if not files:
        raise CorpusError(f"no stance documents (*.txt) under {docs}")
    return [parse_example(p) for p in files]


def corpus_hash(examples: list[StanceExample]) -> str:
    digest = hashlib.sha256()
    for ex in examples:
        digest.update(f"{ex.doc_id}\t{ex.label}\t{ex.target}\t{ex.title}\n{ex.text}\n".encode())
    return digest.hexdigest()


#: Coercive measures lifted, eased or ended ("terminating the Syria sanctions program",
#: "lifts tariffs on"): the classifier reads these as one word of their own
#: ("sanctionsrelief"), because the measure's name alone is the strongest word for pressure.
_RELIEF = re.compile(
    r"\b(lift(?:s|ed|ing)?|eas(?:e|es|ed|ing)|remov(?:e|es|ed|ing)|terminat(?:e|es|ed|ing)|revok(?:e|es|ed|ing)"
    r"|suspend(?:s|ed|ing)?|relax(?:es|ed|ing)?|unfr(?:eeze|eezes|oze|eezing|ozen)|waiv(?:e|es|ed|ing)"
    r"|roll(?:s|ed|ing)? back|reduc(?:e|es|ed|ing)|lower(?:s|ed|ing)?)\b((?:\s+[\w'\u2019-]+){0,4}?)\s+"
    r"(sanctions|tariffs|restrictions|embargo|blockade|duties)\b",
    re.IGNORECASE)


def relief_words(text: str) -> str:
    """``text`` with each coercive measure lifted or eased written as one word
    ("lifting the sanctions" -> "lifting the sanctionsrelief")."""
    return _RELIEF.sub(lambda m: f"{m.group(1)}{m.group(2)} {m.group(3)}relief", text)


def model_input(title: str, text: str) -> str:
    """The text the classifier reads: title and body, as in analysis."""
    return relief_words(f"{title}\n\n{text}" if title else text)
