"""Find boilerplate and header metadata in scraped plain text and Markdown.

Nothing is deleted: the text keeps its characters so that offsets index the file as it was
decoded. Instead, lines that are navigation junk or header metadata are *masked* (replaced
by spaces in a same-length copy that the NLP pipeline reads), and Markdown syntax is masked
the same way.

The boilerplate rules describe what site furniture looks like in general (calls to action,
navigation verbs, counters, copyright lines), not the strings of one site.
"""

from __future__ import annotations

import bisect
import re
import warnings
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from dateutil import parser as dateparser

from ..knowledge import load_knowledge_base

# Calls to action and site furniture, matched against short lines only.
_CUE = re.compile(
    r"""(
      \b(search|subscribe|sign[ -]?up|sign[ -]?in|log[ -]?in|log[ -]?out|register|newsletter|
         mailing\ list|follow\ us|share\ (this|on)|print\ (this|page)|email\ (this|us)|
         stay\ (informed|connected|updated|in\ touch)|read\ more|read\ next|related\ (articles|posts|content)|
         more\ from|main\ menu|toggle|navigation|
         cookies?|privacy\ policy|terms\ of\ (use|service)|all\ rights\ reserved|copyright|donate|
         advertisement|sponsored|download\ (pdf|the\ report)|view\ (all|more)|load\ more|
         receive\ updates|latest\ (news|updates|developments)|contact\ us|about\ us|home\ page|
         total\ index|tags?:|topics?:|share:|facebook|twitter|linkedin|whatsapp|menu|
         listen\ to\ this|min(ute)?s?\ read|print\ friendly|printer[ -]friendly|pdf\ &\ e-?mail|
         e-?mail\ (this|to\ a\ friend)|tweet(\ this)?|you\ (may|might)\ also\ like|more\ on\ this|
         read\ also|also\ read|see\ also|further\ reading|about\ the\ authors?|leave\ a\ (comment|reply)|
         click\ here|permalink|recommended\ (for\ you|reading|articles))\b
      |^\s*(share|print|pdf|email|e-mail|excerpt|related|comments?|recommended|tags)\b\W*$
      |^\s*(home|contact|about|archives?|events|experts|publications|podcasts?|videos?|research|programs|programmes|
             topics|regions|issues|donate)\s*$
      |^\s*related\ (posts?|articles?|content|stories|reading|topics?|publications|research|analysis)\b
      |^\W*(back|return|go|skip|jump)\ to\b
      |^\W*you\ are\ here\b|^\W*home\s*[>\u00bb\u203a/]
      |^\W*(updated\ |posted\ |published\ )?\d+\s*(m|mins?|minutes?|h|hrs?|hours?|d|days?)\ ago\W*$
      |^(?:\W*(?:print|e-?mail|share|tweet|save|link|pdf))+\W*$
      |^\s*(photo|image|picture|video|credit|caption|file\ photo)\s*:
      |©|\|\s*\w+\s*\|
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_BYLINE = re.compile(r"^\s*(?:(?:analysis|commentary|opinion|op-?ed|essay|article|report|story|blog post|interview|words)\s+)?"
                     r"(?:by|(?:written|posted|prepared|compiled|reported) by|(?:lead |main )?author(?:s)?:?|words:|text:)\s+(?P<name>[^\d|;]{3,160}?)\s*$",
                     re.IGNORECASE)
#: A byline whose comma-separated tail carries the date: "By Rafael Montoya, Caribbean Policy
#: Notes, posted October 2, 2023".
_BYLINE_HEAD = re.compile(r"^\s*(?:(?:written|posted|prepared|compiled|reported)\s+)?by\s+(?P<name>[^\d,|;]{3,80}?)\s*,\s*(?P<tail>.*\d{4}.*)$",
                          re.IGNORECASE)
#: A speech or statement that names its speaker in its title: "Remarks by Foreign Minister
#: Yoshimasa Hayashi at the ...", "Keynote address by Dr. Amara Okafor, Director, ...".
_SPEAKER_TITLE = re.compile(r"\b(?:remarks|address|statement|speech|keynote|testimony|lecture|briefing|op-?ed|article|interview)\s+"
                            r"(?:by|of)\s+(?P<who>.+?)(?=\s+(?:at|on|to|before|for|during|in|and|with)\s|\s*[,:(|]|$)", re.IGNORECASE)
#: A dateline: a place, then the date after a comma ("Fukuoka, June 10, 2023", "COP28 side
#: event, Expo City Dubai, 8 December 2023").
_DATELINE = re.compile(r"^[^.!?]{2,80},\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?P<date>\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})\s*$")
#: A date that ends a headline after a colon, dash or bar: "PM press statement with Taoiseach
#: Leo Varadkar: 9 September 2019".
_TITLE_DATE = re.compile(r"(?:[:|\u2013\u2014]|\s-)\s*\(?(?P<date>\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4})\)?\s*$")
#: A line that labels a page rather than titling it: its genre ("PRESS RELEASE", "Press
#: Releases", "TRANSCRIPT"), a short all-capitals kicker, or the part of a report it is
#: ("Report excerpt, Chapter 3", "Excerpt from Section 4 of the annual report ...").
_LABEL = re.compile(r"^\W*(?:(?:(?:speeches|statements|remarks|transcripts|readouts|press releases|briefings|news)\s*(?:&|and|,)\s*)+"
                    r"(?:speeches|statements|remarks|transcripts|readouts|press releases|briefings|news)\W*"  # "Speeches & Statements"
                    r"|(?:press releases?|media statement|news release|statement|transcript|readout|fact sheet|"
                    r"commentary|opinion|op-?ed|analysis|news analysis|policy (?:memo|brief)|report|speech|interview|blog)\W*"
                    r"|(?-i:[A-Z]+(?:[\s&-]+[A-Z]+){0,1})|(?:report\s+)?(?:excerpt|chapter|section|part)\b[^:]{0,25}|excerpt from .*)$", re.IGNORECASE)
#: A body's name alone on a header line ("Centre for Arms Control and Verification Studies",
#: "Ministry of Foreign Affairs of Japan", "Institute for Research Policy, Brussels") is the
#: publisher, not the title; capitals matter ("How the Security Council Failed Syria" is a title).
_PUBLISHER = re.compile(r"^(?:The\s+)?(?:[A-Z][\w&'\u2019.-]*\s+){0,5}"
                        r"(?:Centre|Center|Institute|Ministry|Department|Office|Programme|Program|Foundation|Council|"
                        r"University|Agency|Commission|Secretariat|Embassy|Mission)"
                        r"(?:\s+(?:of|for|on|and|&)\s+(?:the\s+)?[A-Z][\w&'\u2019.-]*(?:\s+[A-Z][\w&'\u2019.-]*)*)*"
                        r"(?:,\s*[A-Z][\w.-]*(?:\s+(?:of\s+)?[A-Z][\w.-]*)*)?$")
_PUBLISHER_CAPITALS = re.compile(_PUBLISHER.pattern, re.IGNORECASE)


def _publisher(line: str) -> bool:
    """True for a publisher's name, in capitals too ("INSTITUTE FOR SAHEL AND MAGHREB STUDIES")."""
    return bool(_PUBLISHER.match(line) or line.isupper() and _PUBLISHER_CAPITALS.match(line))


#: A byline with its date, either way round: "Written by Karl Jensen on 12 March 2021",
#: "January 15, 2021 by Peter Brandt".
_DATED_BYLINE = re.compile(
    r"^\s*(?:(?:written|posted)\s+)?by\s+(?P<name>[^\d|;]{3,80}?)\s+on\s+(?P<date>.*\d{4}.*?)\s*$"
    r"|^\s*(?:(?:posted|published)(?:\s+on)?\s+)?(?P<date2>[^|;]*\d{4})\s+by\s+(?P<name2>[^\d|;]{3,80}?)\s*$",
    re.IGNORECASE,
)
#: A line that is only a person's name, as sites print an author without "By": two to four
#: capitalised words, not a headline ("How Japan Leads", "The Korea Question").
#: Letters of names written in Latin script, with the accented ones of Latin-1, Latin
#: Extended A and B and Vietnamese ("Katarzyna Wolańska", "Recep Tayyip Erdoğan", "Phạm Minh Chính").
_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de\u0100-\u024f\u1e00-\u1eff"
_LO = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u024f\u1e00-\u1eff"
_NAME_WORD = rf"[{_UP}][{_LO}'\u2019]+(?:-[{_UP}{_LO}][{_LO}]+)?"
_NAME_LINE = re.compile(rf"^(?:{_NAME_WORD}|(?:[A-Z]\.)+)"
                        rf"(?:\s+(?:{_NAME_WORD}|(?:[A-Z]\.)+|de|van|von|da|bin|al|le|la)){{1,3}}$")
_NOT_A_NAME_START = {"support", "subscribe", "donate", "follow", "join", "listen", "watch", "save", "share", "download",
                     "the", "a", "an", "how", "why", "what", "when", "where", "who", "is", "are", "can", "will", "our",
                     "my", "new", "home", "latest", "read", "more", "about", "all", "top", "most", "news", "in", "on", "from"}
#: An author's line of office under a name: "Senior Fellow - Foreign Policy".
_AFFILIATION = re.compile(r"\b(fellow|professor|director|analyst|researcher|editor|correspondent|contributor|lecturer|economist|"
                          r"chair|scholar|associate|advisor|adviser|president|manager|officer|head of|dean)\b", re.IGNORECASE)
#: What separates the pieces of a header line ("By Jane Doe | March 3, 2023 | 5 min read").
_HEADER_SEPARATOR = re.compile(r"\s+[|\u2022\u00b7\u2013\u2014]\s+")
#: Bylines of pages in other languages (German, French, Spanish, Portuguese, Italian, Dutch,
#: Swedish), read so that a page skipped for its language still has its author. The name must
#: be two to four capitalised words: "Von der Leyen warns Moscow" is a headline, not a byline.
#: A wire report's credit line at its foot: "(Reporting by Ana Souza; editing by Mark Hill)".
_WIRE_CREDIT = re.compile(r"^\s*\(?\s*(?:additional\s+)?(?:reporting|writing)\s+by\s+(?P<name>[A-Z][^;,()]{2,60}?)"
                          r"(?:\s*(?:;|,|and)\s*(?:additional reporting|editing|edited|writing)\b[^()]*)?\)?\s*$",
                          re.IGNORECASE)
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
    r"^\s*(?P<date>(?:\w+,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]+\.?,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{4}-\d{2}-\d{2}"
    r"|\d{1,2}/\d{1,2}/\d{4}|\d{4}/\d{1,2}/\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4}"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}))"
    # a time after the date: "Tuesday, January 14, 2025 7:58 AM GMT+3", "14 January 2025, 07:58 GMT"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?)?)?\s*$"
)
_LABELLED = re.compile(r"^\s*(?P<key>title|headline|subject|re|from|to|cc|category|categories|section|topic|region|filed under|site|source)\s*:\s*(?P<value>.+?)\s*$", re.IGNORECASE)
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
    #: a name read where a topic label could also stand ("Commentary | 18 August 2025 | Lena
    #: Hoffmann"), the author only when no byline names one
    fallback_author: str = ""


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
        # (a missing day or month is the first, not today's: "March 2024" is 2024-03-01)
        # (a dotted date is day first wherever it is written: "12.03.2021" is 12 March)
        with warnings.catch_warnings():
            # (only the date is kept: a time zone dateutil does not know, "6:00 a.m. ET", is no matter)
            warnings.simplefilter("ignore", dateparser.UnknownTimezoneWarning)
            parsed = dateparser.parse(value, fuzzy=True, default=datetime(2000, 1, 1),
                                      dayfirst=bool(re.search(r"\b\d{1,2}\.\d{1,2}\.\d{4}\b", value)))
    except (ValueError, OverflowError, TypeError):
        return ""
    except Exception:  # dateutil raises ParserError subclasses of ValueError; guard odd inputs
        return ""
    if parsed is None or not 1800 <= parsed.year <= 2100:
        return ""
    return parsed.date().isoformat()


def _words(line: str) -> int:
    return len(line.split())


#: Initials and titles whose full stop ends no sentence ("Dr. S. Jaishankar").
_ABBREVIATION = re.compile(r"(?<![.\w])(?:[A-Z]|Dr|Mr|Mrs|Ms|Prof|Gen|Sen|Rep|Col|Lt|Adm|Amb|Gov|Hon|Rev)\.(?=\s+[A-Z])")


def _menu_line(line: str) -> bool:
    """A site's menu on one line: four or more short pieces between bars, none a sentence
    ("Jobs | Immigration and citizenship | Travel and tourism | Business | Benefits | ...")."""
    pieces = line.split(" | ")
    return len(pieces) >= 4 and all(1 <= _words(p) <= 6 and not p.rstrip().endswith((".", "!", "?")) for p in pieces) \
        and not any(_BYLINE.match(p.strip()) or _date_of(p) for p in pieces)  # (a byline's pieces are the header's)


def _is_prose(line: str) -> bool:
    if _MD_HEADING.match(line) and _words(line) < _PROSE_WORDS:
        return False  # "# Europe's Last Lever on Iran Expires in October. It Should Pull It Now."
    if _menu_line(line):
        return False
    if "|" in line and all(_date_of(p) for p in _pieces(line)):
        return False  # "Dec. 9, 2024 5:00 a.m. ET | Updated Dec. 9, 2024 11:12 a.m. ET": dates, not sentences
    ends = len(re.findall(r"[.!?](?:\s|$)", _ABBREVIATION.sub("X", line)))
    # (a long line with no sentence end is a heading: "Remarks by Ambassador ..., Special
    # Envoy for the Horn of Africa, at the Peace and Security Side Event of the ... Summit")
    return _words(line) >= _PROSE_WORDS and (ends or _words(line) >= 45) or ends >= 2 and _words(line) >= 12


#: Furniture of any length: a cookie-consent banner, a "cite this article" line, a
#: "Topics:" or "Tags:" list.
_ALWAYS_FURNITURE = re.compile(r"\b(we|this (web)?site|our (web)?site)\s+uses?\s+cookies\b|\baccept (all |the )?cookies\b|"
                               r"\bcookie (settings|preferences|policy|notice)\b|\buse of cookies\b|^\W*(cite this (article|page|post|report)|how to cite|"
                               r"suggested citation|citation)\b|^\s*(tags?|topics?|keywords|filed under)\s*:|"
                               r"^\W*(read more|read also|also read|see also|related|recommended|more on this|more on|watch|listen)\s*:|"
                               r"^\W*(photo|image|picture|photograph)\s+(by|credit|courtesy)\b|\bvia getty images\b|"
                               r"\blisten to this article\b|\b(originally|first) (published|appeared)\b.{0,120}\b(republished|reprinted|permission)\b|"
                               r"^\W*share this (article|story|post)\W*$", re.IGNORECASE)


#: Words one of which every line _ALWAYS_FURNITURE matches contains: a cheap test first
#: (a scraped page can have 70,000 menu lines).
_FURNITURE_KEYS = ("cookie", "cite", "citation", "tag", "topic", "keyword", "filed", "read", "see ", "related",
                   "recommended", "more on", "watch", "listen", "photo", "image", "picture", "getty", "published",
                   "appeared", "share")


def _always_furniture(line: str) -> bool:
    low = line.lower()
    return any(key in low for key in _FURNITURE_KEYS) and bool(_ALWAYS_FURNITURE.search(line))


def _is_boilerplate(line: str) -> bool:
    words = _words(line)
    if words == 0:
        return False
    if words <= 60 and _always_furniture(line) or _menu_line(line):
        return True
    if words > _SHORT_LINE_WORDS:
        # A long line is furniture only when it is several pieces of it run together
        # ("Tags: ... You might also like Cookie settings | Privacy policy | Terms of use").
        return len({m.group(0).lower() for m in _CUE.finditer(line)}) >= 3 and not _is_sentence_prose(line)
    return bool(_CUE.search(line))


def _among_furniture(contents: list[str], filled: list[int], i: int) -> bool:
    """True for a short line of site furniture next to another line that is no prose: a
    footer's "Sign up for the Weekly" above "First name", or "X (formerly Twitter) | LinkedIn
    | YouTube" under "Follow us", even above the one sentence about the site that ends a page."""
    line = contents[i].strip()
    if _words(line) > 15 or _is_prose(line) or _words(line) > 10 and "|" not in line:
        return False
    k = bisect.bisect_left(filled, i)
    before = contents[filled[k - 1]].strip() if k > 0 else ""
    after = contents[filled[k + 1]].strip() if k + 1 < len(filled) else ""
    if after[:1].islower() or line[:1].islower() and before and before[-1:] not in ".!?:":
        return False  # a line of a hard-wrapped paragraph ("... Nikki Haley wrote on Twitter," / "that ...")
    neighbours = [filled[j] for j in (k - 1, k + 1) if 0 <= j < len(filled)]
    return any(not _is_prose(contents[j]) and _words(contents[j]) <= 8 for j in neighbours)


def _is_sentence_prose(line: str) -> bool:
    return len(re.findall(r"[a-z]{3,}[.!?](?:\s|$)", line)) >= 2


_RELATED_HEAD = re.compile(r"^\W*(related|recommended|you (may|might) also like|more (from|on|in)\b|read (more|next|also)|"
                           r"also read|see also|further reading|popular|most read|latest)\b.{0,40}$", re.IGNORECASE)
_BIO = re.compile(r"^\W*(?P<name>(?:[A-Z][\w.'\u2019-]+\s+){1,3}[A-Z][\w.'\u2019-]+)\s+(is|was|serves as|has been)\s+(a|an|the)\s+"
                  r".{0,160}\b(at|of|with|for)\b", re.DOTALL)
_VIEWS = re.compile(r"views (expressed|are)|author'?s? (own|alone)|do not necessarily (reflect|represent)|"
                    r"author\u2019s (own|alone)", re.IGNORECASE)


def _related_block(contents: list[str], first_prose: int) -> list[int]:
    """Lines of a related-posts list: the short, headline-like lines after "Related",
    "You may also like", "More from ..." and the like. Above the article ("Latest" in a
    site's menu) the list ends at the first blank line or byline, so that it never takes
    the headline and byline that follow the menu."""
    out = []
    for i, line in enumerate(contents):
        if not _RELATED_HEAD.match(line.strip()) or _words(line) > 8:
            continue
        out.append(i)
        for j in range(i + 1, min(len(contents), i + 15)):
            following = contents[j].strip()
            if j < first_prose and (not following or _BYLINE.match(following) or _DATE_LINE.match(following)
                                    # a headline after one-word menu items: "Latest / ... / SECURITY /
                                    # Sahel juntas complete ECOWAS exit as ..."
                                    or _words(following) >= 6 and _words(contents[out[-1]]) <= 3):
                break
            if not following:
                continue
            if _words(following) > 18 or _is_sentence_prose(following):
                break
            out.append(j)
    return out


_RESOURCES_HEAD = re.compile(r"^\W*(resources|additional resources|related resources|further reading|bibliography|"
                             r"works cited|suggested reading|selected bibliography|footnotes|endnotes|notes|references|sources)\W*$",
                             re.IGNORECASE)


#: The start of readers' comments: "12 Comments", "Leave a Reply", "Jane Doe says:".
_COMMENTS_HEAD = re.compile(r"^\W*(?:\d+\s+)?(?:comments?|responses?|replies|reader comments)\W*$|"
                            r"^\W*(?:join the (?:discussion|conversation)|leave a (?:reply|comment)|add a comment|show comments)\b|"
                            # (a comment system's "Jane Doe says:", not a post's "Citoyen Hmida also wrote:")
                            r"^(?-i:(?:[A-Z][\w.'\u2019-]*\s+){0,3}[A-Z][\w.'\u2019-]*)\s+says\s*:\s*$", re.IGNORECASE)


def _resources_section(contents: list[str]) -> list[int]:
    """A reading list or readers' comments that close the page: a "Resources", "Further
    reading", "Bibliography" or "12 Comments" heading in the second half of the text, and
    every line after it."""
    for i in range(len(contents) // 2, len(contents)):
        if _RESOURCES_HEAD.match(contents[i].strip()) or _COMMENTS_HEAD.match(contents[i].strip()):
            return list(range(i, len(contents)))
    return []


#: A line of a table of contents: a heading, dot leaders and a page number.
_TOC_LINE = re.compile(r"(?:\.\s?){4,}\s*\d{1,4}\s*$")


def _menu_block(contents: list[str], filled: list[int], first_prose: int, furniture: set[int]) -> list[int]:
    """A site's menu above the article, one item a line: a run of five or more lines of at
    most three words each, none ending a sentence, with no blank line between them and two of
    them furniture already ("Home / Regions / Caucasus / Central Asia / Eastern Europe /
    Analysis / About"). The page's first line and a masthead in capitals, its site's name,
    stay."""
    def item(i: int) -> bool:
        line = contents[i].strip()
        return _words(line) <= 3 and not line.endswith((".", "!", "?", ":")) and not _BYLINE.match(line) and not _date_of(line)

    out: list[int] = []
    run: list[int] = []
    for i in [*(i for i in filled if i < first_prose), -1]:
        if i >= 0 and item(i) and (not run or i == run[-1] + 1):
            run.append(i)
            continue
        if i >= 0 and run and i == run[-1] + 1:
            run.pop()  # (the author's name over the date or byline that ends the run)
        if len(run) >= 5 and len(furniture.intersection(run)) >= 2:
            out.extend(r for r in run if r != filled[0] and not (contents[r].isupper() and r not in furniture))
        run = [i] if i >= 0 and item(i) else []
    return out


def _running_lines(contents: list[str], filled: list[int]) -> list[int]:
    """Lines of a text extracted from a PDF that are no part of its prose: the running
    headers and footers repeated on every page ("Sahel Security Review | 7", "ISMS Special
    Report No. 4 — April 2025"), and the lines of a table of contents ("2.1 Russia's security
    offer ........ 5"). A short line is a running one when it appears three times or more,
    its page numbers aside."""
    shape = {i: re.sub(r"\d+", "#", contents[i].strip()) for i in filled}
    counts = Counter(shape.values())
    return [i for i in filled if _TOC_LINE.search(contents[i])
            or counts[shape[i]] >= 3 and _words(contents[i]) <= 12 and not _is_prose(contents[i])]


def _author_bio(contents: list[str], filled: list[int], last_prose: int, furniture: set[int] = frozenset()) -> list[int]:
    """The author's biography at the end of an article: "Jane Doe is a senior fellow at
    ...", "The views expressed are the author's own" (among the last four lines that are
    not ``furniture``: related posts and copyright lines come after it)."""
    tail = [i for i in filled if i not in furniture][-4:]
    out = []
    for k, i in enumerate(filled[:-1]):
        if i > last_prose - 2 and re.match(r"^\W*about the authors?\W*$", contents[i], re.IGNORECASE):
            out.append(filled[k + 1])  # the line under "About the author"
    for i in tail:
        line = contents[i].strip()
        if i < last_prose - 1 or _words(line) > 70:
            continue
        if _BIO.match(line) or _VIEWS.search(line):
            out.append(i)
    return out


def _bio_author(contents: list[str], rows: list[int]) -> str:
    """The author an op-ed names only in its closing biography: "*Miriam Castellanos is a
    senior fellow at the Atlantic Deterrence Project ...*"."""
    for i in rows:
        line = _strip_markdown(contents[i].strip()).strip("*_ ")
        m = _BIO.match(line)
        if m and _AFFILIATION.search(line) and _NAME_LINE.match(m.group("name")):
            return m.group("name")
    return ""


def _named_author_bio(header: TextHeader, contents: list[str], lines: list[tuple[int, int]], filled: list[int],
                      last_prose: int) -> None:
    """A closing line that starts with the byline's name and says who they are ("Hannah
    Lindqvist is a fellow in the Asia Program. Daniel Okafor is ...") is the author's
    biography, however it goes on."""
    names = [n.strip() for n in re.split(r",|\band\b|&", header.author) if len(n.split()) >= 2]
    taken = set(header.boilerplate)
    for i in [i for i in filled if lines[i] not in taken][-4:]:  # related posts and a footer come after it
        line = contents[i].strip()
        if i >= last_prose - 1 and lines[i] not in taken and _words(line) <= 80 and any(
                re.match(re.escape(name) + r"\s+(?:is|was|serves|has been|writes)\b", line) for name in names):
            header.boilerplate.append(lines[i])
    header.boilerplate.sort()


def read_header(text: str) -> TextHeader:
    """Find boilerplate lines and header metadata (title, author, date, category, site)."""
    header = TextHeader()
    lines = split_lines(text)
    contents = [text[s:e] for s, e in lines]
    prose = [i for i, line in enumerate(contents) if _is_prose(line) and not _is_boilerplate(line)]
    filled = [i for i, line in enumerate(contents) if line.strip()]
    if prose and filled and prose[0] == filled[0] and _words(contents[filled[0]]) < 20 and len(filled) > 1 \
            and filled[1] > filled[0] + 1:
        # a headline of two sentences, alone above the text: "Forget Russia. Is Provoking a
        # Nuclear War with North Korea Grounds for Impeachment?"
        headline_row = prose.pop(0)
    else:
        headline_row = None
    first_prose = min(prose[0] if prose else len(lines), _first_wrapped(contents, filled), _first_dateline(contents))
    first_prose = _after_standfirst(contents, filled, prose, first_prose)
    last_prose = prose[-1] if prose else -1

    for i, line in enumerate(contents):
        if _is_boilerplate(line) and (i < first_prose or i > last_prose or _words(line) <= 6 or _always_furniture(line)
                                      or _among_furniture(contents, filled, i)):
            header.boilerplate.append(lines[i])
    related = _related_block(contents, first_prose)
    boiler_spans = set(header.boilerplate)
    furniture = set(related) | {i for i, span in enumerate(lines) if span in boiler_spans}
    bio_rows = _author_bio(contents, filled, last_prose, furniture)
    header.boilerplate.extend(lines[i] for i in related + bio_rows + _resources_section(contents)
                              + _running_lines(contents, filled) + _menu_block(contents, filled, first_prose, furniture)
                              if lines[i] not in header.boilerplate)
    credit_author = ""
    for i in filled[-3:]:
        if m := _WIRE_CREDIT.match(contents[i]):
            # "(Reporting by Ana Souza; editing by Mark Hill)": the wire's credit line
            credit_author = credit_author or _clean_name(m.group("name"))
            if lines[i] not in header.boilerplate:
                header.boilerplate.append(lines[i])
    header.boilerplate.sort()

    boiler = set(header.boilerplate)
    candidates: list[int] = []
    meta_rows: list[int] = []
    labelled_title = ""
    unmasked: set[int] = set()
    for i in range(first_prose):
        span = lines[i]
        line = _strip_markdown(contents[i].strip()).strip("_ ")  # "*By Jane Doe*", "_June 2, 2020_"
        if not line:
            continue
        if _header_pieces(line, header):
            meta_rows.append(i)  # "By Jane Doe | March 3, 2023", "By Jane Doe · March 12, 2025 · 7 min read"
        elif span in boiler:
            continue
        elif (m := _BYLINE_HEAD.match(line)) and (iso := _date_in(m.group("tail"))):
            header.author = header.author or _clean_name(m.group("name"))
            header.published = header.published or iso
            meta_rows.append(i)
        elif (m := _DATED_BYLINE.match(line)) and (iso := parse_date(m.group("date") or m.group("date2"))):
            header.author = header.author or _clean_name(m.group("name") or m.group("name2"))
            header.published = header.published or iso
            meta_rows.append(i)
        elif (m := _BYLINE.match(line) or _FOREIGN_BYLINE.match(line)) and not header.author:
            header.author = _clean_name(m.group("name"))
            meta_rows.append(i)
        elif (m := _DATE_LINE.match(line)) and (iso := parse_date(m.group("date"))):
            header.published = header.published or iso
            meta_rows.append(i)
        elif (m := _BARE_DATE.match(line)) and (iso := parse_date(m.group("date"))):
            header.published = header.published or iso
            meta_rows.append(i)
        elif (m := _DATELINE.match(line)) and (iso := parse_date(m.group("date"))):
            header.published = header.published or iso
            if _words(line[:m.start("date")]) > 6:
                candidates.append(i)  # a headline that ends with its date: "... opening statement, 15 December 2020"
                continue
            meta_rows.append(i)
            unmasked.add(i)  # the place of a dateline stays text: "Addis Ababa, 16 February 2024"
        elif m := _LABELLED.match(line):
            key = m.group("key").lower()
            if key in {"title", "headline", "subject", "re"}:
                labelled_title = labelled_title or m.group("value")
            elif key == "from":
                header.author = header.author or _clean_name(m.group("value"))  # a memo's sender
            elif key in {"to", "cc"}:
                pass
            elif key in {"site", "source"}:
                header.site = header.site or m.group("value")
            else:
                header.category = header.category or m.group("value")
            meta_rows.append(i)
        else:
            candidates.append(i)
    if not header.author:
        _name_line(candidates, contents, filled, meta_rows, header)

    title_row = None if labelled_title else _pick_title(candidates, contents, meta_rows, headline_row)
    act_alone = next((i for i in candidates if _SPEECH_ACT_ALONE.match(_strip_markdown(contents[i]).strip())), None)
    if labelled_title:
        header.title = labelled_title
    elif act_alone is not None and len(filled) > filled.index(act_alone) + 1:
        header.title = _with_next_line(contents, filled, act_alone)  # "REMARKS BY" over the speaker's name
    elif title_row is not None:
        header.title = _headline(_strip_markdown(contents[title_row].strip()))
    if not header.author or _INSTITUTION.search(header.author):
        # the speaker a speech's title names: "Remarks by Foreign Minister Yoshimasa Hayashi at
        # ...", rather than the office that posted it ("By U.S. Embassy Luanda")
        office, header.author = header.author, ""
        for i in ([title_row] if title_row is not None else []) + candidates:
            line = _strip_markdown(contents[i]).strip()
            if _SPEECH_ACT_ALONE.match(line):
                line = _with_next_line(contents, filled, i)  # "REMARKS BY" on a line of its own
            m = _SPEAKER_TITLE.search(line) or _SPEAKER_FIRST.match(line)
            if m and m.re is _SPEAKER_FIRST and m.group("who").split()[0].lower().rstrip(".") not in _SPEAKER_TITLES - {"the"}:
                m = None  # "Vladimir Putin speech to the Duma" heads a report on it; "PM Boris Johnson article on" is his
            if m:
                header.author = _speaker(m.group("who"))
                if not header.author and (apposed := re.match(r"\s*,\s*(?P<name>[^,]{3,60}?)\s*,", line[m.end():])):
                    header.author = _speaker(apposed.group("name"))  # "Remarks by the Foreign Minister of India, Dr. S. Jaishankar, at"
                if header.author:
                    break
        header.author = header.author or office
    if not header.published and (m := _TITLE_DATE.search(header.title)):
        header.published = parse_date(m.group("date"))  # "PM Boris Johnson article on Hong Kong: 3 June 2020"
    if not header.published:
        header.published, row = _foot_date(contents, filled)
        meta_rows.extend([row] if row is not None else [])
    if title_row is not None:
        before = [i for i in candidates if i < title_row]
        if before and _words(contents[before[-1]]) <= 6:
            header.site = header.site or _strip_markdown(contents[before[-1]].strip())
            header.masked.append(lines[before[-1]])
    header.author = header.author or credit_author or header.fallback_author or _bio_author(contents, bio_rows)
    _named_author_bio(header, contents, lines, filled, last_prose)
    header.masked.extend(lines[i] for i in meta_rows if i not in unmasked)
    header.masked.extend(header.boilerplate)
    header.masked.sort()
    return header


def _after_standfirst(contents: list[str], filled: list[int], prose: list[int], first_prose: int) -> int:
    """The first line of the article's prose when the first prose line is a standfirst with
    the byline or the date under it ("Oman has kept a line open for years. The United States
    should use it ..." / "By Miriam Castellano" / "Published Sept. 18, 2024"): the line after
    them, so that the byline and date are read as the header's."""
    if first_prose not in prose or _words(contents[first_prose]) > 45:
        return first_prose
    k = bisect.bisect_left(filled, first_prose)  # (a prose line is a filled one)
    following = filled[k + 1:k + 4]
    marked = [i for i in following if _BYLINE.match(contents[i].strip()) or _DATE_LINE.match(contents[i].strip())
              or _DATED_BYLINE.match(contents[i].strip()) or _BARE_DATE.match(contents[i].strip())
              # "Lucía Ferrer Baptiste" / "Associate Fellow, Caribbean Program": a name over its office
              or _NAME_LINE.match(contents[i].strip()) and i + 1 < len(contents) and _words(contents[i + 1]) <= 10
              and _AFFILIATION.search(contents[i + 1])]
    if not marked:
        return first_prose
    return next((i for i in prose if i > marked[-1]), first_prose)


def _foot_date(contents: list[str], filled: list[int]) -> tuple[str, int | None]:
    """The date a press release or speech prints at its foot ("14 July 2000", "Canberra, 14
    July 2000"), and the row to mask when the line is the date alone."""
    for i in reversed(filled[-3:] if len(filled) > 3 else []):
        line = _strip_markdown(contents[i].strip())
        bare = _BARE_DATE.match(line)
        if (m := bare or _DATELINE.match(line)) and (iso := parse_date(m.group("date"))):
            return iso, i if bare else None
    return "", None


def _date_of(text: str) -> str:
    """The ISO date of a date line ("Published: 12 January 2024", "May 14th, 2018"), or ""."""
    m = _DATE_LINE.match(text) or _BARE_DATE.match(text)
    return parse_date(m.group("date")) if m else ""


def _pieces(line: str) -> list[str]:
    """The pieces of a header line between its separators ("By Jane Doe | March 3, 2023")."""
    return [p.strip() for p in _HEADER_SEPARATOR.split(line) if p.strip()]


def _header_pieces(line: str, header: TextHeader) -> bool:
    """Read a header line of several pieces ("By Jane Doe | March 3, 2023 | 5 min read"):
    True, with the author and date set, when its pieces are a byline or a date and at most
    short labels besides."""
    pieces = _pieces(line)
    if len(pieces) < 2 and (dated := re.match(r"^(?P<date>[^-]{6,40}?)\s+-\s+(?P<label>\w+(?:\s+\w+){0,2})\s*$", line)) \
            and _date_of(dated.group("date")):
        pieces = [dated.group("date"), dated.group("label")]  # "08.10.2025 - Press release"
    if len(pieces) < 2 or _words(line) > _SHORT_LINE_WORDS:
        return False
    author = date = ""
    if len(pieces) == 2 and _NAME_LINE.match(pieces[0]) and pieces[0].split()[0].lower() not in _NOT_A_NAME_START \
            and _AFFILIATION.search(pieces[1]) and _words(pieces[1]) <= 8 and not _place_name(pieces[0]):
        # "Selin Aydemir-Holm | Senior Fellow, European Security Programme": an author and her
        # office ("Associate Professor Megan Thornbury-Liu | Chief Economist": without the title)
        header.author = header.author or _speaker(pieces[0]) or pieces[0]
        return True
    for piece in pieces:
        if m := _BYLINE.match(piece):
            author = author or _clean_name(m.group("name"))
        elif iso := _date_of(piece):
            date = date or iso
        elif _words(piece) > 6:
            return False
    if not (author or date):
        return False
    for k, piece in enumerate([pieces[0], pieces[-1]] if not author and date else []):
        piece = _strip_markdown(piece).strip("*_ ")
        if _NAME_LINE.match(piece) and piece.split()[0].lower() not in _NOT_A_NAME_START and not _place_name(piece) \
                and not _names_an_event(piece) and not _date_of(piece):
            if k == 0:
                author = piece  # "Lee Min-jun | Commentary | 14 February 2022" (not "North Korea | 3 March 2021")
            else:
                # "Commentary | 18 August 2025 | Lena Hoffmann", but "Posted April 20, 2023 |
                # Commentary | Gulf Security" ends with a topic: a byline elsewhere wins
                header.fallback_author = header.fallback_author or piece
            break
    header.author = header.author or author
    header.published = header.published or date
    return True


#: Short words a headline leaves in lower case.
_HEADLINE_SMALL = {"a", "an", "the", "and", "or", "nor", "but", "of", "to", "in", "on", "for", "at", "by", "with", "as",
                   "from", "into", "vs", "via", "than"}


def _headline_case(line: str) -> bool:
    """A line of four to twenty-five words, every word but the short ones capitalised: a
    headline even with full stops ("Seoul and Tokyo Are Finally Talking About Science.
    Washington Should Help.")."""
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", line)
    return 4 <= len(words) <= 25 and all(w[0].isupper() for w in words if w.lower() not in _HEADLINE_SMALL)


def _sentence_case(line: str) -> bool:
    """A line written as a sentence: after its first word, at most a quarter of its words
    capitalised (names), where a headline capitalises most."""
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", line)[1:]
    return len(words) >= 4 and sum(w[0].isupper() for w in words) <= len(words) / 4


def _labelled_section(line: str) -> bool:
    """"Analysis | Western Balkans": a genre label and a section, each of three words or fewer."""
    pieces = _pieces(line)
    return len(pieces) > 1 and bool(_LABEL.match(pieces[0])) and all(_words(p) <= 3 for p in pieces)


def _pick_title(candidates: list[int], contents: list[str], meta_rows: list[int], headline_row: int | None = None) -> int | None:
    """The title is the heading-like line just before the byline/date block, if any
    (``headline_row``: a first line of two short sentences alone above the text)."""
    def title_like(i: int) -> bool:
        line = contents[i].strip()
        if line[:1] in "[(" and line[-1:] in "])":
            return False  # an editor's note: "[Transcript prepared by the organisers]"
        if _site_furniture(line):
            return False
        return 2 <= _words(line) <= 40 and (not line.endswith((".", ",", ";")) or i == headline_row or _headline_case(line)) \
            or bool(_MD_HEADING.match(line))

    if meta_rows:
        # the byline block under the headline, not a masthead's date far above it ("THE ASIA
        # LEDGER / Sunday, March 10, 2024 / ... / headline / By Daniel Okafor / March 10, 2024")
        rows = sorted(meta_rows)
        start = len(rows) - 1  # the first row of the last block of rows at most three lines apart
        while start > 0 and rows[start] - rows[start - 1] <= 3:
            start -= 1
        bylined = any(_BYLINE.match(piece) for i in rows[start:] for piece in _pieces(_strip_markdown(contents[i].strip()).strip("_ ")))
        first_meta = rows[start] if start < len(rows) - 1 and bylined else rows[0]
        before = [i for i in candidates if i < first_meta and title_like(i)]
        # the publisher's name and labels such as "PRESS RELEASE" or "Report excerpt, Chapter 3"
        # between the headline and the date are not the headline
        # (nor the section a breadcrumb ends with, repeated as a label: "Home > Hearings >
        # Subcommittee on the Western Hemisphere")
        crumbs = {piece.strip().lower() for line in contents[:first_meta] if " > " in line for piece in line.split(" > ")[1:]}
        named = [i for i in before if not (_publisher(_strip_markdown(contents[i].strip())) or _LABEL.match(contents[i].strip())
                                            or _labelled_section(contents[i])
                                            or contents[i].strip().lower() in crumbs and _words(contents[i]) <= 5)]
        quoted = [i for i in named if contents[i].strip()[:1] in "\"\u201c"]
        speeches = [i for i in named if _SPEAKER_TITLE.search(contents[i])]
        if quoted or speeches:
            # a talk's own title in quotes, else the speech's line rather than the event's:
            # "Keynote Address by Minister ... / Forum on Inter-Korean Health ..., Seoul"; a
            # headline right above the speech's line is the title ("South Africa and the
            # United States: Partners Who Disagree / Address by Minister ...")
            if quoted:
                return quoted[-1]
            above = [i for i in named if i < speeches[0] and _next_filled(contents, i) == speeches[0]]
            below = [i for i in named if i > speeches[0] and _next_filled(contents, speeches[0]) == i]
            if above and _headline_case(contents[above[0]]):
                return above[0]
            if below and ": " in contents[below[0]] and _words(contents[below[0]]) >= 5:
                return below[0]  # "Speech by ... at the Forum" / "Partners, competitors, rivals: a sober look at ..."
            return speeches[0]
        marked = [i for i in named if _MD_HEADING.match(contents[i])]
        if marked:
            return marked[-1]  # a Markdown heading, not the standfirst under it
        after = [i for i in candidates if first_meta < i <= first_meta + 4 and title_like(i) and _words(contents[i]) >= 6]
        if named and after and (_words(contents[named[-1]]) <= 3
                                or all(_words(contents[i]) <= 5 or contents[i].strip().isupper() for i in named)):
            # "Visa & Travel" (a menu) / "08.10.2025 - Press release" / the headline; a
            # masthead in capitals / the date / the headline
            if _SPEAKER_TITLE.search(contents[after[0]]) and len(after) > 1 and _next_filled(contents, after[0]) == after[1] \
                    and ": " in contents[after[1]] and _headline_case(contents[after[1]]):
                return after[1]  # "Keynote remarks by H.E. ... at the Forum" / "Four Years of the Abraham Accords: ..."
            return after[0]
        # a headline written as one or two sentences under a label: "Opinion / Guest Essay" /
        # "Maduro stole an election. Washington should stop paying him for it."
        sentences = [i for i in candidates if (named[-1] if named else -1) < i < first_meta and not title_like(i)
                     and 4 <= _words(contents[i]) <= 25 and 1 <= len(re.findall(r"[.!?](?:\s|$)", contents[i])) <= 2
                     and not _site_furniture(contents[i].strip())]
        if sentences and (not named or _words(contents[named[-1]]) <= 4):
            return sentences[0]
        if len(named) >= 2 and _next_filled(contents, named[-2]) == named[-1] and _words(contents[named[-2]]) >= 4 \
                and not contents[named[-2]].isupper() and _words(contents[named[-1]]) > _words(contents[named[-2]]) \
                and _sentence_case(contents[named[-1]]):
            return named[-2]  # the headline, not the longer standfirst in sentence case under it
        if named:
            return named[-1]
        # the date above the headline: "Commentary / May 5, 2022 / How Japan Can Lead ..."
        after = [i for i in candidates if i > min(meta_rows) and title_like(i) and _words(contents[i]) >= 3]
        # (not a paper's name or the publisher's under the date: "THE LIFFEY STANDARD",
        # "Ministry of Foreign Affairs")
        plain = [i for i in after if not _masthead_name(contents[i].strip()) and not _publisher(_strip_markdown(contents[i].strip()))
                 and not (contents[i].strip().lower() in crumbs and _words(contents[i]) <= 5)]
        if plain or after:
            return (plain or after)[0]
        if before:
            return before[-1]
    headings = [i for i in candidates if _MD_HEADING.match(contents[i])]
    if headings:
        return headings[0]
    speeches = [i for i in candidates if title_like(i) and _SPEAKER_TITLE.search(contents[i])]
    if speeches:
        return speeches[0]  # "Remarks by Vice President Harris and Prime Minister Chính ..."
    likely = [i for i in candidates if title_like(i) and _words(contents[i]) >= 3]
    if likely:
        # a heading repeated as the second half of a longer title above it: "Joint Statement
        # with President Kim Dae-Jung - The Republic of Korea and Australia: ..." (a site's
        # name before the separator is shorter)
        last = contents[likely[-1]].strip()
        for i in likely[:-1]:
            head, sep, tail = contents[i].strip().rpartition(" - ")
            if sep and tail == last and _words(head) >= 5:
                return i
    return likely[-1] if likely else (candidates[0] if candidates and title_like(candidates[0]) else None)


#: Words of an institution that posts a page, not a person who wrote it.
_INSTITUTION = re.compile(r"\b(?:embassy|ministry|office|department|press|team|service|secretariat|mission|"
                          r"consulate|directorate|bureau)\b", re.IGNORECASE)


def _masthead_name(line: str) -> bool:
    """A newspaper's name in capitals: "THE LIFFEY STANDARD", "THE HORN OBSERVER"."""
    words = line.split()
    return line.isupper() and 1 <= len(words) <= 4 and words[-1].lower() in {
        "times", "post", "herald", "standard", "observer", "dispatch", "wire", "news", "daily", "tribune", "journal",
        "gazette", "chronicle", "monitor", "ledger", "express", "telegraph", "guardian", "mail", "star", "courier", "today"}


def _site_furniture(line: str) -> bool:
    """Lines of a page's frame that look like headings: a list of sections between bars
    ("Asia Pacific | Middle East | Afghanistan"), a breadcrumb (from "Home" however long its
    pieces), a menu of capitalised words ("News Sport Business Opinion Culture Property
    Puzzles E-paper"), an author's office ("Senior Fellow, European Security Programme")."""
    pieces = line.split(" | ")
    if len(pieces) >= 3 and all(1 <= _words(p) <= 4 for p in pieces):
        return True
    if re.match(r"\W*(?:home|you are here)\s*[>\u203a\u00bb/:]", line, re.IGNORECASE) or _breadcrumb(line):
        return True
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", line)
    if len(words) >= 5 and len(words) == _words(line) and not re.search(r"[,:;.!?\u2013\u2014]", line) \
            and sum(w.lower() in _MENU_WORDS for w in words) >= 3:
        return True
    head, _, rest = line.partition(", ")
    return bool(rest) and _words(line) <= 8 and _words(head) <= 3 and bool(_AFFILIATION.match(head.split()[-1] if head.split() else ""))


#: Words of a site's menu.
_MENU_WORDS = {"news", "sport", "sports", "business", "opinion", "culture", "world", "politics", "video", "videos", "topics",
               "about", "ministry", "ministries", "documents", "press", "service", "services", "search", "home", "markets",
               "economy", "tech", "technology", "science", "health", "lifestyle", "travel", "podcasts", "events", "e-paper",
               "puzzles", "property", "more", "latest", "contact", "research", "publications", "regions", "experts",
               "newsletters", "multimedia", "analysis", "commentary", "media"}


def _breadcrumb(line: str) -> bool:
    """A trail of short section names: "Media Hub \u203a Speeches & Statements", "Briefs &
    Analysis / Caribbean / Cuba"."""
    pieces = [p for p in re.split(r"\s+(?:[>\u203a\u00bb/]|>>)\s+", line.strip()) if p]
    if len(pieces) < 2 and re.match(r"\W*home\s+\|", line, re.IGNORECASE):
        pieces = _pieces(line)  # "Home | News & Events | Speeches"
    return len(pieces) >= 2 and all(_words(p) <= 4 for p in pieces) and not line.strip().endswith((".", "?", "!"))


def _next_filled(contents: list[str], i: int) -> int | None:
    """The row of the first line after row ``i`` that is not blank."""
    return next((j for j in range(i + 1, len(contents)) if contents[j].strip()), None)


def _clean_name(name: str) -> str:
    """The names of a byline, without the office after a comma: "Jane Doe, Senior Fellow"
    is Jane Doe; "Anna Smith, John Doe and Li Wei" are all three."""
    parts = [p.strip() for p in name.split(",")]
    kept = [parts[0]]
    # more names only in a list that ends with "and": "Anna Smith, John Doe and Li Wei", not
    # "Ingrid Solberg, High North Policy Notes"
    listed = len(parts) > 1 and re.search(r"\s(?:and|&)\s", parts[-1]) is not None
    for part in parts[1:] if listed else []:
        if (len(part.split()) < 2 or any(w.islower() and w not in {"and", "&"} for w in part.split())
                or _AFFILIATION.search(part)):
            break  # an office, or a one-word place ("By Sara Mansour, Baghdad")
        kept.append(part)
    name = re.sub(r"\s+(?:and|&)\s+", " and ", ", ".join(kept))
    # "Lucía Mamani Ortega in La Paz and Tomás Riquelme in Antofagasta": where each writes from
    name = re.sub(r"\s+in\s+[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*)*(?=\s+and\s+[A-Z][\w'\u2019.-]*\s+[A-Z])", "", name)
    name = re.sub(r"\s+in\s+[A-Z].*$", "", name)  # "Selam Gebremedhin in Water and Security": the section
    # "PCNS correspondent Ana Lucía Beltrán", "our staff reporter Li Wei": the name after the role
    name = re.sub(r"^(?:\S+\s+){0,3}?(?:staff\s+)?(?:correspondent|reporter|writer|journalist)\s+(?=[A-Z])", "", name.strip())
    name = re.sub(r"^(?:dr|prof|professor|mr|mrs|ms|sir|dame)\.?\s+", "", name.strip(" ."), flags=re.IGNORECASE)
    name = name.title() if name.isupper() else name  # "BY JOHN SMITH"
    pieces = re.split(r"\s+and\s+", name, flags=re.IGNORECASE)
    if any(p.split() and p.split()[0].lower() in _SPEAKER_TITLES - {"the"} for p in pieces):
        # speakers with their offices: "BY PRESIDENT YOON SUK YEOL AND PRIME MINISTER ANTHONY
        # ALBANESE OF AUSTRALIA" are Yoon Suk Yeol and Anthony Albanese
        people = [_speaker(re.sub(r"\s+of\s+.*$", "", p, flags=re.IGNORECASE)) for p in pieces]
        if all(people):
            name = " and ".join(people)
    return name


def _place_name(text: str) -> bool:
    """True when ``text`` names a country, a city or a place of the knowledge base (the one
    the pipeline loads anyway): "North Korea | 3 March 2021" names no author, "SEOUL, ..." is
    a dateline."""
    kb = load_knowledge_base()
    return kb.city(text) is not None or any(role in {"country", "capital", "place"} for _, role in kb.surfaces.get(text, ()))


def _first_wrapped(contents: list[str], filled: list[int]) -> int:
    """The first line of a paragraph broken into short lines (a text with a line break every
    60 characters has no long line): one of six words or more whose next line goes on in
    lower case."""
    for k, i in enumerate(filled[:-1]):
        following = contents[filled[k + 1]].lstrip()
        if _words(contents[i]) >= 6 and following[:1].islower() and not contents[i].rstrip().endswith((".", ":", "?", "!")) \
                and " | " not in contents[i] and not _BYLINE.match(following):  # ("Source: PCNS | 2024-04-18" / "by ...")
            return i
    return len(contents)


def _date_in(tail: str) -> str:
    """The date among the comma-separated pieces of a byline's tail ("Caribbean Policy
    Notes, posted October 2, 2023")."""
    pieces = tail.split(",")
    for k in range(len(pieces)):
        piece = ",".join(pieces[k:]).strip()  # "posted October 2, 2023", then "October 2, 2023" ...
        if iso := _date_of(piece):
            return iso
    m = re.search(r"(?:[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4})\s*$", tail)
    return parse_date(m.group(0)) if m else ""


#: Titles and honorifics before a speaker's name in a speech's title.
_SPEAKER_TITLES = {"ambassador", "foreign", "prime", "minister", "secretary", "president", "vice", "deputy", "dr", "dr.",
                   "prof", "prof.", "professor", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "sir", "dame", "senator", "general",
                   "admiral", "special", "envoy", "representative", "rep", "rep.", "sen", "sen.", "chancellor", "premier",
                   "state", "defense", "defence", "national", "security", "advisor", "adviser", "high", "commissioner",
                   "his", "her", "excellency", "h.e.", "director-general", "secretary-general", "under", "assistant",
                   "commander", "governor", "mayor", "chairman", "chair", "chairwoman", "king", "queen", "prince", "the",
                   "pm", "fm", "hon", "hon.", "honourable", "honorable", "rt", "rt.", "coordinator", "spokesperson",
                   "spokesman", "spokeswoman", "parliamentary", "permanent", "chief", "associate"}


#: The words of an office's "of" phrase: "Minister of Unification", "Secretary of State".
_OFFICE_OF = {"of", "affairs", "unification", "interior", "finance", "trade", "commerce", "justice", "health",
              "education", "energy", "agriculture", "environment", "labour", "labor", "transport", "culture"}


#: A title that names its speaker before the speech act: "PM Boris Johnson article on Hong
#: Kong", "Foreign Secretary James Cleverly speech at the UN".
_SPEAKER_FIRST = re.compile(r"^(?P<who>[^:|]{3,80}?)\s+(?:article|op-?ed|speech|statement|remarks|address|interview|testimony)\s+"
                            r"(?:on|to|at|about|before|in)\s", re.IGNORECASE)
#: A line that is only a speech act and its "by": "REMARKS BY", "Testimony of".
_SPEECH_ACT_ALONE = re.compile(r"^\W*(?:remarks|address|statement|speech|keynote|testimony|lecture)\s+(?:by|of)\W*$", re.IGNORECASE)


def _with_next_line(contents: list[str], filled: list[int], i: int) -> str:
    """Line ``i`` and the next line that is not blank, as one: "REMARKS BY" and the speaker's
    name under it."""
    after = next((j for j in filled if j > i), None)
    parts = [contents[i]] + ([contents[after]] if after is not None else [])
    return " ".join(_strip_markdown(p).strip() for p in parts)


def _speaker(who: str) -> str:
    """The name in "Foreign Minister Yoshimasa Hayashi": the words after the titles, when
    they are two to four capitalised words (a name in capitals is read in title case:
    "TESTIMONY OF DR. ELENA MARQUINA-HOLT")."""
    if who.isupper():
        who = who.title()
    words = who.split()
    while words and (words[0].lower() in _SPEAKER_TITLES or words[0].isupper() and len(words[0]) > 1
                     and not re.fullmatch(r"(?:[A-Z]\.)+", words[0]) or words[0].lower() in _OFFICE_OF):
        words = words[1:]  # (and acronyms of offices, "APNSA Jake Sullivan", and "Minister of Unification Lee In-young")
    name = " ".join(words)
    return name if _NAME_LINE.match(name) and not _place_name(name) else ""


def _headline(line: str) -> str:
    """A headline without the section label or site name printed beside it ("OPINION |
    Deterrence in the Taiwan Strait ...") and without quotation marks."""
    pieces = [p.strip() for p in re.split(r"\s+[|\u2022\u00b7]\s+", line) if p.strip()]
    if len(pieces) > 1:
        longest = max(pieces, key=_words)
        if _words(longest) >= 3:
            line = longest
    if len(line) > 2 and line[0] in "\"\u201c" and line[-1] in "\"\u201d":
        line = line[1:-1]
    return line


#: An author's name without "By" is looked for among this many header lines.
_HEADER_NAME_LINES = 60


#: An office after a speaker's name and a comma: "..., Minister for Foreign Affairs".
_OFFICE_WORDS = re.compile(r"(?:(?:the|former|deputy|vice|acting|senior|special|foreign|prime|assistant|under)\s+)*"
                           r"(?:minister|secretary|ambassador|senator|governor|commissioner|spokesperson|envoy|president|"
                           r"director|chair|chairman|chairwoman|head)\b", re.IGNORECASE)


def _name_line(candidates: list[int], contents: list[str], filled: list[int], meta_rows: list[int], header: TextHeader) -> None:
    """An author printed without "By": a line that is only a name, next to the date or to
    a line of office ("Mireya Alvarez / Senior Fellow - Foreign Policy"). The name and the
    office line become header rows."""
    position = {i: k for k, i in enumerate(filled)}
    candidate_rows, meta = set(candidates), set(meta_rows)
    for i in candidates[:_HEADER_NAME_LINES]:
        line = _strip_markdown(contents[i].strip())
        head, _, office_after = line.partition(", ")
        if office_after and _OFFICE_WORDS.match(office_after) and _words(line) <= 14 and not head.lower().startswith("the ") \
                and (speaker := _speaker(head)) and speaker != head:
            # "Senator the Hon Claire Whitford, Minister for Foreign Affairs": the speaker's line
            header.author = speaker
            candidates.remove(i)
            meta_rows.append(i)
            return
        if office_after and _words(office_after.split(",")[0]) <= 4 and _AFFILIATION.search(office_after.split(",")[0]) \
                and _NAME_LINE.match(head) and _speaker(head) == head and not line.endswith((".", "!", "?", ":")) \
                and head.split()[0].lower() not in _NOT_A_NAME_START and not _place_name(head) and _words(line) <= 14:
            # "Adaeze Okonkwo, Senior Fellow, Trade and Infrastructure Programme"
            header.author = head
            candidates.remove(i)
            meta_rows.append(i)
            return
        names = re.split(r"\s+(?:and|&)\s+|,\s+", line)  # "Aminata Kouyaté and Olivier Ndiaye"
        if not all(_NAME_LINE.match(n) for n in names) or len(names) > 4 or line.split()[0].lower() in _NOT_A_NAME_START \
                or _names_an_event(line) or any(_place_name(n) for n in names):
            continue
        k = position[i]
        neighbours = [filled[j] for j in (k - 1, k + 1) if 0 <= j < len(filled)]
        office = [j for j in neighbours if j in candidate_rows and _words(contents[j]) <= 10 and (
            _AFFILIATION.search(contents[j])
            # or the author's institution on the line under the name, not a menu's "Media Center"
            or j > i and _words(contents[j]) >= 3 and _publisher(_strip_markdown(contents[j].strip())))]
        if not office and not any(j in meta for j in neighbours):
            continue
        header.author = line
        for row in [i, *office]:
            candidates.remove(row)
            meta_rows.append(row)
        return


def _names_an_event(line: str) -> bool:
    """True for a heading shaped like a name that names an event or a pair of states
    ("Japan-Philippines Summit Meeting", "Camp David Accords"), not a person."""
    from ..components.actors.words import WORDS

    words = line.split()
    if any(w.lower() in WORDS.org_event_words for w in words):
        return True
    return any("-" in w and all(_place_name(p) for p in w.split("-") if p) for w in words)


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


#: A news agency's dateline at the start of a paragraph: "SEOUL, March 3 (Yonhap) --",
#: "WASHINGTON —", "ADDIS ABABA, Feb 16 (Reuters) -".
_WIRE_DATELINE = re.compile(r"^(?P<place>[A-Z][A-Z.'\u2019/-]+(?:\s+[A-Z][A-Z.'\u2019/-]+){0,3})"  # ("NIAMEY/BAMAKO")
                            r"(?P<rest>(?:,\s*[A-Z][a-z]{2,9}\.?\s+\d{1,2})?\s*(?:\([A-Za-z][\w .&/-]{1,30}\))?\s*(?:--|\u2014|\u2013|-)\s)")


def _first_dateline(contents: list[str]) -> int:
    """The first line that opens with a wire dateline: the story starts there, however short
    its first paragraph ("SEOUL, March 3 (Yonhap) -- South Korea and ... agreed Friday ...")."""
    return next((i for i, line in enumerate(contents[:200]) if _wire_dateline(line)), len(contents))


def _wire_dateline(line: str) -> re.Match | None:
    """The dateline a line of story opens with, if any (its place must be a known place:
    "NATO - the alliance - met" has none)."""
    m = _WIRE_DATELINE.match(line)
    return m if m and _words(line) >= 8 and all(_place_name(p) for p in m.group("place").split("/")) else None


def wire_datelines(text: str) -> tuple[list[tuple[int, int]], list[int]]:
    """The datelines of wire copy: the spans to mask (the date, the agency in brackets and
    the dash) and, for each, the offset just after its place, where the parser should read
    a full stop, so that "SEOUL" is a place of its own and not the subject of the sentence
    that follows."""
    spans, stops = [], []
    for start, end in split_lines(text):
        if m := _wire_dateline(text[start:end]):
            spans.append((start + m.start("rest") + 1, start + m.end("rest")))
            stops.append(start + m.end("place"))
    return spans, stops


def apply_stops(masked: str, stops: list[int]) -> str:
    """``masked`` with a full stop at each offset (a blank or a comma there: same length)."""
    if not stops:
        return masked
    chars = list(masked)
    for i in stops:
        if i < len(chars) and chars[i] in " ,":
            chars[i] = "."
    return "".join(chars)


#: A line break inside a hard-wrapped sentence: after a line of at least this many characters
#: that ends in a word or a comma, before a line that goes on with a word.
_WRAP = re.compile(r"(?<=[^\n]{50}[\w,\u2019'\")])[ \t]*\n(?=[ \t]*[\w\"\u201c(\u2018'])(?![ \t]*(?:\d{1,2}[.)]|[a-z]\))[ \t])")


def unwrap_lines(text: str) -> str:
    """``text`` with each line break inside a hard-wrapped sentence read as a space, keeping
    every offset ("Crown Prince Mohammed\\nbin Salman" is one name to the tagger). Text
    extracted from PDFs, e-mails and plain-text archives breaks lines every 70 to 80
    characters, and a name or a phrase cut by a break was lost."""
    return _WRAP.sub(lambda m: m.group(0).replace("\n", " "), text)


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
