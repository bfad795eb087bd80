"""Extract the article (text and metadata) from an HTML page with trafilatura."""

from __future__ import annotations

import logging
import re
import unicodedata
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
    import lxml.html  # installed with trafilatura
    import trafilatura  # imported on first use: plain-text corpora never pay for it

    tree = _parse(html)  # once, for both of our corrections; None when lxml cannot read it
    if tree is not None and leaf_divs_as_paragraphs(tree):
        html = lxml.html.tostring(tree, encoding="unicode")
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True, favor_precision=True
    )
    if doc is None:
        return HtmlArticle("", "", "", "", "")
    title = (doc.title or "").strip()
    return HtmlArticle(
        text=(doc.text or "").strip(),
        title=article_title(tree, title) if tree is not None else title,
        author=_citation_authors(tree) or (doc.author or "").strip(),
        published=(doc.date or "").strip(),
        site=(doc.sitename or "").strip(),
    )


#: Inline elements: a div holding only these (and text) is a paragraph written as a div.
_INLINE = frozenset({"a", "abbr", "b", "br", "cite", "code", "em", "font", "i", "mark", "q", "small", "span",
                     "strong", "sub", "sup", "time", "u"})


def _citation_authors(tree) -> str:
    """The authors of ``citation_author`` meta tags written "Surname, Given name" (the
    scholarly convention), in reading order: "Karimova, Dilnoza" is Dilnoza Karimova. An
    extractor splitting at commas would make four names of two."""
    contents = [c.strip() for c in tree.xpath('//meta[@name="citation_author"]/@content')] if tree is not None else []
    if not any("," in c for c in contents):
        return ""  # the extractor's reading stands
    names = []
    for content in contents:
        surname, comma, given = content.partition(",")
        names.append(f"{given.strip()} {surname.strip()}" if comma and given.strip() else content)
    return "; ".join(n for n in names if n)


def _parse(html: str):
    """The page as an lxml tree, or None when lxml cannot read it."""
    import lxml.html  # installed with trafilatura

    try:
        # (lxml refuses a str that declares its encoding: "<?xml ... encoding='utf-8'?>")
        return lxml.html.fromstring(re.sub(r"^\s*<\?xml[^>]*\?>", "", html))
    except (ValueError, lxml.etree.ParserError):
        return None


def leaf_divs_as_paragraphs(tree) -> bool:
    """Turn every ``div`` of ``tree`` that holds only text and inline elements, eight words
    or more, into a ``p``; True when one was.

    Blogs put quotations and their translations in such divs (``<div class="translation">``
    on Global Voices); trafilatura keeps paragraphs and drops them, which lost a third of
    one real post. Short divs (menus, labels, buttons) are left alone."""
    changed = False
    for div in tree.iter("div"):
        if all(isinstance(c.tag, str) and c.tag.lower() in _INLINE for c in div) \
                and len(div.text_content().split()) >= 8:
            div.tag = "p"
            changed = True
    return changed


#: What separates the site's name from the article's in a <title> ("Site » Article", "Article | Site").
_SEPARATORS = re.compile(r"\s+(?:\||»|«|::|·|•|–|—|-)\s+")
#: Words in the id or class of the element that holds a site's name.
_SITE_MARKS = ("site-title", "site-name", "sitename", "site_title", "site_name", "blog-title", "blogname",
               "logo", "brand", "masthead")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").translate(_QUOTES).lower().split())


def article_title(tree, title: str) -> str:
    """The article's title where trafilatura took the site's name for it.

    trafilatura prefers a page's first heading; in many blog themes that is the site's name
    (an h1 with ``id="site-title"``), while ``<title>`` holds both names ("Global Voices
    Online » North Korea: Two American Journalists Sentenced to Hard Labor"). When ``title``
    is one part of ``<title>`` and is the site's name (the text of an element marked as the
    site's title, logo or brand, or ``og:site_name``), the other part is the article's title
    if the page also has it as a heading; that heading's text is returned. Else ``title``.
    ``tree`` is the page as lxml read it.
    """
    if not title:
        return title
    parts = [p.strip() for p in _SEPARATORS.split(tree.findtext(".//title") or "") if p.strip()]
    folded = _fold(title)
    if len(parts) < 2 or folded not in {_fold(p) for p in parts}:
        return title
    site = {_fold(m.get("content", "")) for m in tree.xpath("//meta[@property='og:site_name' or @name='application-name']")}
    for element in tree.xpath("//*[@id or @class]"):
        marks = f"{element.get('id', '')} {element.get('class', '')}".lower()
        if any(mark in marks for mark in _SITE_MARKS):
            site.add(_fold(element.text_content()))
    if folded not in site:
        return title
    headings = {}
    for heading in tree.xpath("//h1|//h2|//h3"):
        headings.setdefault(_fold(heading.text_content()), " ".join(heading.text_content().split()))
    others = [headings[_fold(p)] for p in parts if _fold(p) != folded and _fold(p) in headings]
    return others[0] if others else title
