"""The texts the relevance score is trained and measured on, each labelled relevant or not.

Relevant: the stance corpus (``corpora/stance``, written by us), the authored development
set (``corpora/dev``) and the real-text set (``corpora/real``). Not relevant: the off-topic
set (``corpora/offtopic``): texts written by us (``written/``) and GUM treebank documents
rebuilt from their source (``texts/``). Every text has a ``dev`` or ``test`` half: the
stance corpus keeps its own split (its ``train`` part counts as ``dev``, its ``test`` part
as ``test``), the real and GUM documents the one recorded in their annotation, and a written
off-topic text the same rule by the SHA-1 of its name (odd: ``test``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path


#: How scores are reported: each set pairs policy texts with off-topic texts of the same
#: making, our own apart from the real ones (rebuilt from their sources, absent in CI).
SETS = {"authored": ("authored", "written off-topic"), "real": ("real", "GUM off-topic"),
        "stance corpus": ("stance corpus",)}


@dataclass(frozen=True)
class RelevanceText:
    path: Path
    relevant: bool
    group: str
    split: str


def split_of(name: str) -> str:
    """``test`` when the SHA-1 of ``name`` is odd, else ``dev`` (the rule of ``corpora/real``)."""
    return "test" if int(hashlib.sha1(name.encode()).hexdigest(), 16) % 2 else "dev"


def _annotated(folder: Path, relevant: bool, group: str) -> list[RelevanceText]:
    found = []
    for note in sorted((folder / "annotations").glob("*.json")):
        gold = json.loads(note.read_text(encoding="utf-8"))
        path = folder / "texts" / gold["file"]
        if path.is_file():
            found.append(RelevanceText(path, relevant, group, gold["split"]))
    return found


def labelled_texts(corpora: Path, split: str | None = None) -> list[RelevanceText]:
    """The labelled texts under ``corpora`` (the repository's ``corpora/`` folder) whose files
    are present, of one half (``dev``/``test``) or both (``None`` or ``all``), except the
    stance corpus, which is read by :func:`stance_texts`. Real and GUM texts that were not
    rebuilt are left out."""
    texts = [RelevanceText(p, True, "authored", "dev") for p in sorted((corpora / "dev").glob("*.txt"))]
    texts += _annotated(corpora / "real", True, "real")
    texts += [RelevanceText(p, False, "written off-topic", split_of(p.stem))
              for p in sorted((corpora / "offtopic" / "written").glob("*.txt"))]
    texts += _annotated(corpora / "offtopic", False, "GUM off-topic")
    return [t for t in texts if split in (None, "all") or t.split == split]


def stance_texts(stance_corpus: Path, folder: Path) -> list[RelevanceText]:
    """The stance corpus written as plain texts (title, blank line, body) into ``folder``,
    as a user's files would be: its ``train`` split as ``dev``, its ``test`` split as ``test``."""
    from ..stance.corpus import read_corpus

    folder.mkdir(parents=True, exist_ok=True)
    texts = []
    for example in read_corpus(stance_corpus):
        path = folder / f"{example.doc_id}.txt"
        path.write_text(f"{example.title}\n\n{example.text}\n", encoding="utf-8")
        texts.append(RelevanceText(path, True, "stance corpus", "dev" if example.split == "train" else "test"))
    return texts
