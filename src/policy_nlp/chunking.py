"""Cut long texts into pieces the parser can take, at paragraph or sentence boundaries."""

from __future__ import annotations

import re

_BREAKS = (re.compile(r"\n\s*\n"), re.compile(r"\n"), re.compile(r"(?<=[.!?])\s+"), re.compile(r"\s+"))


def chunk_spans(text: str, limit: int) -> list[tuple[int, int]]:
    """Return ``(start, end)`` pieces that cover ``text`` exactly, each at most ``limit`` long.

    A cut goes at the last paragraph break before the limit, else the last line break,
    else the last sentence end, else the last whitespace, else at the limit itself.
    """
    if limit <= 0:
        raise ValueError("limit must be positive")
    spans = []
    start = 0
    n = len(text)
    while n - start > limit:
        window = text[start:start + limit]
        cut = 0
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window) if m.end() < len(window)]
            if ends and ends[-1] > limit // 4:
                cut = ends[-1]
                break
        if cut <= 0:
            cut = limit
        spans.append((start, start + cut))
        start += cut
    spans.append((start, n))
    return [s for s in spans if s[1] > s[0]] or [(0, n)]
