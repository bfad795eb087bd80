"""Read the components' word lists, which live as JSON under ``policy_nlp/data/``."""

from __future__ import annotations

import json
from importlib import resources


def read_data_json(name: str) -> dict:
    """The parsed ``data/<name>`` file shipped with the package."""
    return json.loads(resources.files("policy_nlp").joinpath("data", name).read_text("utf-8"))
