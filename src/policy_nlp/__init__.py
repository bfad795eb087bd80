"""policy-nlp: actors, places, cooperation mentions and engagement stance in policy commentary.

Library use::

    from pathlib import Path
    from policy_nlp import analyze_folder

    for result in analyze_folder(Path("articles")):
        print(result.document["title"], result.document["stance"])
"""

from __future__ import annotations

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())

from .analysis import AnalysisOptions, Analyzer, DocumentResult, analyze  # noqa: E402
from .run import analyze_folder, run_analysis  # noqa: E402

__all__ = ["AnalysisOptions", "Analyzer", "DocumentResult", "analyze", "analyze_folder", "run_analysis", "__version__"]
