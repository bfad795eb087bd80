"""Extract the article (text and metadata) from an HTML page with trafilatura."""

from __future__ import annotations

import logging
from dataclasses import dataclass

# trafilatura reports every page it cannot parse at WARNING; our error rows say it instead.
logging.getLogger("trafilatura").setLevel(logging.ERROR)


@dataclass(frozen=True)
class HtmlArticle:
    text: str
    title: str
    author: str
    published: str
    site: str


def extract_html(html: str) -> HtmlArticle:
    """Return the main text and metadata of an HTML page.

    Navigation, footers and comments are dropped by trafilatura's extractor. When it finds
    no article (a page that is all navigation), the result has empty text.
    """
    import trafilatura  # imported on first use: plain-text corpora never pay for it

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True, favor_precision=True
    )
    if doc is None:
        return HtmlArticle("", "", "", "", "")
    return HtmlArticle(
        text=(doc.text or "").strip(),
        title=(doc.title or "").strip(),
        author=(doc.author or "").strip(),
        published=(doc.date or "").strip(),
        site=(doc.sitename or "").strip(),
    )
