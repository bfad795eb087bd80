"""Every custom attribute our components set on a ``Doc``, declared in one place.

Values are plain Python data (dicts, lists, ints, strings), never ``Span`` objects, so that
Docs survive pickling between processes.
"""

from __future__ import annotations

from spacy.tokens import Doc

#: name -> (default, meaning). Defaults are ``None`` so that mutable values are never shared.
EXTENSIONS = {
    "policy_year": "year the document was published, used to pick the leader in office",
    "policy_year_published": "True when policy_year is the publication year, not estimated from the years the text names",
    "policy_mentions": "list of actor/place mention dicts (start_char, end_char, text, kind, entity_id, role)",
    "policy_entities": "dict entity_id -> entity dict (name, type, country_iso3, latitude, longitude)",
    "policy_cooperation": "list of cooperation mention dicts (start_char, end_char, trigger, domain, modality, participants)",
}


def register_extensions() -> None:
    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
