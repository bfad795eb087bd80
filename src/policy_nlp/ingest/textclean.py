"""Find boilerplate and header metadata in scraped plain text and Markdown.

Nothing is deleted: the text keeps its characters so that offsets index the file as it was
decoded. Instead, lines that are navigation junk or header metadata are *masked* (replaced
by spaces in a same-length copy that the NLP pipeline reads), and Markdown syntax is masked
the same way.

The boilerplate rules describe what site furniture looks like in general (calls to action,
navigation verbs, counters, copyright lines), not the strings of one site.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from dateutil import parser as dateparser

# Calls to action and site furniture, matched against short lines only.
_CUE = re.compile(
    r"""(
      \b(search|subscribe|sign[ -]?up|sign[ -]?in|log[ -]?in|log[ -]?out|register|newsletter|
         mailing\ list|follow\ us|share\ (this|on)|print\ (this|page)|email\ (this|us)|
         stay\ (informed|connected|updated|in\ touch)|read\ more|read\ next|related\ (articles|posts|content)|
         more\ from|back\ to|return\ to|go\ to|skip\ to|jump\ to|main\ menu|toggle|navigation|
         cookies?|privacy\ policy|terms\ of\ (use|service)|all\ rights\ reserved|copyright|donate|
         advertisement|sponsored|download\ (pdf|the\ report)|view\ (all|more)|load\ more|
         receive\ updates|latest\ (news|updates|developments)|contact\ us|about\ us|home\ page|
         total\ index|tags?:|topics?:|share:|facebook|twitter|linkedin|whatsapp|menu|
         listen\ to\ this|min(ute)?s?\ read|print\ friendly|printer[ -]friendly|pdf\ &\ e-?mail|
         e-?mail\ (this|to\ a\ friend)|tweet(\ this)?|you\ (may|might)\ also\ like|more\ on\ this|
         read\ also|also\ read|see\ also|further\ reading|about\ the\ authors?|leave\ a\ (comment|reply)|
         click\ here|permalink|recommended\ (for\ you|reading|articles))\b
      |^\s*(share|print|pdf|email|e-mail|excerpt|related|comments?|recommended|tags)\b\W*$
      |^\s*related\ (posts?|articles?|content|stories|reading|topics?|publications|research|analysis)\b
      |^\s*(photo|image|picture|video|credit|caption|file\ photo)\s*:
      |©|\|\s*\w+\s*\|
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_BYLINE = re.compile(r"^\s*(?:by|written by|author(?:s)?:?|posted by)\s+(?P<name>[^\d,|;]{3,80}?)\s*$", re.IGNORECASE)
#: Bylines of pages in other languages (German, French, Spanish, Portuguese, Italian, Dutch,
#: Swedish), read so that a page skipped for its language still has its author. The name must
#: be two to four capitalised words: "Von der Leyen warns Moscow" is a headline, not a byline.
_FOREIGN_BYLINE = re.compile(r"^\s*(?:von|par|por|di|door|av)\s+(?P<name>(?:[A-ZÀ-Þ][\w'\u2019.-]+\s*){2,4})$", re.IGNORECASE)
_DATE_LINE = re.compile(
    r"^\s*(?:(?:first\s+)?published(?:\s+on)?|posted(?:\s+on)?|date(?:d)?|updated(?:\s+on)?|last\s+updated|"
    r"ver\u00f6ffentlicht(?:\s+am)?|publi\u00e9(?:e)?(?:\s+le)?|publicado(?:\s+el|\s+em)?|pubblicato(?:\s+il)?|"
    r"gepubliceerd(?:\s+op)?|publicerad)\s*:?\s*(?P<date>.+?)\s*$",
    re.IGNORECASE,
)
#: Month names of those languages, turned into English ones before a date is parsed.
_MONTHS = {
    "januar": "January", "jänner": "January", "janvier": "January", "enero": "January", "janeiro": "January",
    "gennaio": "January", "januari": "January", "februar": "February", "février": "February",
    "febrero": "February", "fevereiro": "February", "febbraio": "February", "februari": "February",
    "märz": "March", "mars": "March", "marzo": "March", "março": "March", "maart": "March",
    "avril": "April", "abril": "April", "aprile": "April", "mai": "May", "mayo": "May", "maio": "May",
    "maggio": "May", "mei": "May", "maj": "May", "juni": "June", "juin": "June", "junio": "June",
    "junho": "June", "giugno": "June", "juli": "July", "juillet": "July", "julio": "July", "julho": "July",
    "luglio": "July", "august": "August", "août": "August", "agosto": "August", "augustus": "August",
    "augusti": "August", "september": "September", "septembre": "September", "septiembre": "September",
    "setembro": "September", "settembre": "September", "oktober": "October", "octobre": "October",
    "octubre": "October", "outubro": "October", "ottobre": "October", "november": "November",
    "novembre": "November", "noviembre": "November", "novembro": "November", "dezember": "December",
    "décembre": "December", "diciembre": "December", "dezembro": "December", "dicembre": "December",
    "december": "December",
}
_MONTH_WORD = re.compile(r"\b(" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_BARE_DATE = re.compile(
    r"^\s*(?P<date>(?:\w+,\s+)?(?:\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2}))\s*$"
)
_LABELLED = re.compile(r"^\s*(?P<key>category|categories|section|topic|region|filed under|site|source)\s*:\s*(?P<value>.+?)\s*$", re.IGNORECASE)
_MD_HEADING = re.compile(r"^(#{1,6})\s+")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
_MD_LINK = re.compile(r"!?\[(?P<label>[^\]\n]*)\]\((?P<url>[^)\n]*)\)")
#: Emphasis by underscores, in Markdown and in plain text alike (Project Gutenberg's
#: italics, e-mail style): "the _Entente Cordiale_", not "snake_case" or "__init__".
_UNDERSCORE_EMPHASIS = re.compile(r"(?<![\w_])_(?=[^\s_])[^_\n]{0,200}?(?<=[^\s_])_(?![\w_])")
_MD_LIST = re.compile(r"^(\s*)([-*+]|\d+\.)\s+")
_MD_QUOTE = re.compile(r"^(\s*>+)\s?")

#: A line with at least this many words, or two sentences, is article prose.
_PROSE_WORDS = 25
#: Cue words only mark a line as boilerplate when the line is at most this many words.
_SHORT_LINE_WORDS = 16


@dataclass
class TextHeader:
    """What the header and footer of a plain-text article tell us."""

    title: str = ""
    author: str = ""
    published: str = ""
    category: str = ""
    site: str = ""
    masked: list[tuple[int, int]] = field(default_factory=list)
    boilerplate: list[tuple[int, int]] = field(default_factory=list)


def split_lines(text: str) -> list[tuple[int, int]]:
    """Return ``(start, end)`` of every line, without its line break."""
    spans = []
    pos = 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        spans.append((pos, pos + len(stripped)))
        pos += len(line)
    return spans


def parse_date(value: str) -> str:
    """Return ``value`` as an ISO 8601 date (``YYYY-MM-DD``), or ``""`` when it is not a date."""
    value = value.strip().rstrip(".")
    if not re.search(r"\d{4}", value):
        return ""
    value = _MONTH_WORD.sub(lambda m: _MONTHS[m.group(1).lower()], value)
    try:
        parsed = dateparser.parse(value, fuzzy=True, default=None)
    except (ValueError, OverflowError, TypeError):
        return ""
    except Exception:  # dateutil raises ParserError subclasses of ValueError; guard odd inputs
        return ""
    if parsed is None or not 1800 <= parsed.year <= 2100:
        return ""
    return parsed.date().isoformat()


def _words(line: str) -> int:
    return len(line.split())


def _is_prose(line: str) -> bool:
    return _words(line) >= _PROSE_WORDS or len(re.findall(r"[.!?](?:\s|$)", line)) >= 2 and _words(line) >= 12


def _is_boilerplate(line: str) -> bool:
    words = _words(line)
    if words == 0:
        return False
    if words > _SHORT_LINE_WORDS:
        # A long line is furniture only when it is several pieces of it run together
        # ("Tags: ... You might also like Cookie settings | Privacy policy | Terms of use").
        return len({m.group(0).lower() for m in _CUE.finditer(line)}) >= 3 and not _is_sentence_prose(line)
    return bool(_CUE.search(line))


def _is_sentence_prose(line: str) -> bool:
    return len(re.findall(r"[a-z]{3,}[.!?](?:\s|$)", line)) >= 2


_RELATED_HEAD = re.compile(r"^\W*(related|recommended|you (may|might) also like|more (from|on|in)\b|read (more|next|also)|"
                           r"also read|see also|further reading|popular|most read|latest)\b.{0,40}$", re.IGNORECASE)
_BIO = re.compile(r"^\W*([A-Z][\w.'\u2019-]+\s+){1,3}[A-Z][\w.'\u2019-]+\s+(is|was|serves as|has been)\s+(a|an|the)\s+"
                  r".{0,160}\b(at|of|with|for)\b", re.DOTALL)
_VIEWS = re.compile(r"views (expressed|are)|author'?s? (own|alone)|do not necessarily (reflect|represent)|"
                    r"author\u2019s (own|alone)", re.IGNORECASE)


def _related_block(contents: list[str]) -> list[int]:
    """Lines of a related-posts list: the short, headline-like lines after "Related",
    "You may also like", "More from ..." and the like."""
    out = []
    for i, line in enumerate(contents):
        if not _RELATED_HEAD.match(line.strip()) or _words(line) > 8:
            continue
        out.append(i)
        for j in range(i + 1, min(len(contents), i + 15)):
            following = contents[j].strip()
            if not following:
                continue
            if _words(following) > 18 or _is_sentence_prose(following):
                break
            out.append(j)
    return out


_RESOURCES_HEAD = re.compile(r"^\W*(resources|additional resources|related resources|further reading|bibliography|"
                             r"works cited|suggested reading|selected bibliography)\W*$", re.IGNORECASE)


def _resources_section(contents: list[str]) -> list[int]:
    """A reading list that closes the page: a "Resources", "Further reading" or
    "Bibliography" heading in the second half of the text, and every line after it."""
    for i in range(len(contents) // 2, len(contents)):
        if _RESOURCES_HEAD.match(contents[i].strip()):
            return list(range(i, len(contents)))
    return []


def _author_bio(contents: list[str], last_prose: int) -> list[int]:
    """The author's biography at the end of an article: "Jane Doe is a senior fellow at
    ...", "The views expressed are the author's own"."""
    tail = [i for i in range(len(contents)) if contents[i].strip()][-4:]
    out = []
    for i in tail:
        line = contents[i].strip()
        if i < last_prose - 1 or _words(line) > 70:
            continue
        if _BIO.match(line) or _VIEWS.search(line):
            out.append(i)
    return out


def read_header(text: str) -> TextHeader:
    """Find boilerplate lines and header metadata (title, author, date, category, site)."""
    header = TextHeader()
    lines = split_lines(text)
    contents = [text[s:e] for s, e in lines]
    prose = [i for i, line in enumerate(contents) if _is_prose(line) and not _is_boilerplate(line)]
    first_prose = prose[0] if prose else len(lines)
    last_prose = prose[-1] if prose else -1

    for i, line in enumerate(contents):
        if _is_boilerplate(line) and (i < first_prose or i > last_prose or _words(line) <= 6):
            header.boilerplate.append(lines[i])
    header.boilerplate.extend(lines[i] for i in _related_block(contents) + _author_bio(contents, last_prose)
                              + _resources_section(contents) if lines[i] not in header.boilerplate)
    header.boilerplate.sort()

    boiler = set(header.boilerplate)
    candidates: list[int] = []
    meta_rows: list[int] = []
    for i in range(first_prose):
        span, line = lines[i], contents[i].strip()
        if not line or span in boiler:
            continue
        if (m := _BYLINE.match(line) or _FOREIGN_BYLINE.match(line)) and not header.author:
            header.author = _clean_name(m.group("name"))
            meta_rows.append(i)
        elif (m := _DATE_LINE.match(line)) and (iso := parse_date(m.group("date"))):
            header.published = header.published or iso
            meta_rows.append(i)
        elif (m := _BARE_DATE.match(line)) and (iso := parse_date(m.group("date"))):
            header.published = header.published or iso
            meta_rows.append(i)
        elif m := _LABELLED.match(line):
            key = m.group("key").lower()
            if key in {"site", "source"}:
                header.site = header.site or m.group("value")
            else:
                header.category = header.category or m.group("value")
            meta_rows.append(i)
        else:
            candidates.append(i)

    title_row = _pick_title(candidates, contents, meta_rows)
    if title_row is not None:
        header.title = _strip_markdown(contents[title_row].strip())
        before = [i for i in candidates if i < title_row]
        if before and _words(contents[before[-1]]) <= 6:
            header.site = header.site or _strip_markdown(contents[before[-1]].strip())
            header.masked.append(lines[before[-1]])
    header.masked.extend(lines[i] for i in meta_rows)
    header.masked.extend(header.boilerplate)
    header.masked.sort()
    return header


def _pick_title(candidates: list[int], contents: list[str], meta_rows: list[int]) -> int | None:
    """The title is the heading-like line just before the byline/date block, if any."""
    def title_like(i: int) -> bool:
        line = contents[i].strip()
        return 2 <= _words(line) <= 30 and not line.endswith((".", ",", ";")) or bool(_MD_HEADING.match(line))

    if meta_rows:
        before = [i for i in candidates if i < min(meta_rows) and title_like(i)]
        if before:
            return before[-1]
    headings = [i for i in candidates if _MD_HEADING.match(contents[i])]
    if headings:
        return headings[0]
    likely = [i for i in candidates if title_like(i) and _words(contents[i]) >= 3]
    return likely[-1] if likely else (candidates[0] if candidates and title_like(candidates[0]) else None)


def _clean_name(name: str) -> str:
    name = re.sub(r"\s+(?:and|&)\s+", " and ", name.strip())
    return name.strip(" .")


def _strip_markdown(line: str) -> str:
    line = _MD_HEADING.sub("", line)
    line = _MD_LINK.sub(lambda m: m.group("label"), line)
    return _MD_EMPHASIS.sub("", line).strip()


def mask_markdown(text: str) -> list[tuple[int, int]]:
    """Spans of Markdown syntax (heading marks, emphasis, link targets, list bullets)."""
    spans: list[tuple[int, int]] = []
    for start, end in split_lines(text):
        line = text[start:end]
        for pattern in (_MD_HEADING, _MD_LIST, _MD_QUOTE):
            if m := pattern.match(line):
                spans.append((start + m.start(), start + m.end()))
        for m in _MD_LINK.finditer(line):
            spans.append((start + m.start(), start + m.start("label")))
            spans.append((start + m.end("label"), start + m.end()))
        for m in _MD_EMPHASIS.finditer(line):
            spans.append((start + m.start(), start + m.end()))
    return spans


def mask_underscore_emphasis(text: str) -> list[tuple[int, int]]:
    """Spans of the underscores around emphasised words, which the parser would otherwise
    read as words ("the closest _rapprochement_ with Germany")."""
    spans: list[tuple[int, int]] = []
    if "_" in text:
        for m in _UNDERSCORE_EMPHASIS.finditer(text):
            spans.append((m.start(), m.start() + 1))
            spans.append((m.end() - 1, m.end()))
    return spans


def apply_mask(text: str, spans: list[tuple[int, int]]) -> str:
    """Return ``text`` with every span replaced by spaces (line breaks are kept)."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for i in range(start, end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars)
