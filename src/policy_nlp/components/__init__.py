"""Our spaCy components. Importing this package registers their factories."""

from . import actors, breaks, cooperation, rulefast  # noqa: F401  (registration side effect)
from .extensions import register_extensions

register_extensions()
