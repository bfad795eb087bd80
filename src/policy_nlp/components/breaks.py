"""Sentence starts at line breaks that end a block (the ``policy_line_breaks`` component).

The pretrained parser reads a heading and the paragraph under it as one sentence
("Roosevelt-Litvinov Conversations Initially, the talks ..." split after "Initially"),
so a cooperation sentence, a stance sentence or an actor at the start of a paragraph is
cut in two. Running before the parser, this component marks a sentence start, which the
parser keeps:

* after a blank line (a paragraph break in text and Markdown);
* after a single line break that ends a short line without closing punctuation: a
  heading, a by-line, a list item, or a paragraph of extracted HTML. Lines of
  hard-wrapped prose are long, so a break inside a wrapped sentence is left alone;
* before a list item ("- ", "* ", "1. ", "(a) " at the start of a line), whatever ends the
  line before it: the items of "fifteen instruments, among them:" are sentences of their own.
"""

from __future__ import annotations

import re

from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

#: A list item's marker at the start of a line: each item is a block of its own, whatever
#: ends the line before it ("among them:", "...;").
_LIST_ITEM = re.compile(r"(?:[-*\u2022\u2013\u00b7]|\d{1,2}[.)]|\(?[a-z]\))[ \t]")

#: A line this short (in characters) without closing punctuation ends its own block.
SHORT_LINE = 60
#: Characters that may close a line inside a wrapped sentence.
OPEN_ENDINGS = (",", ";", "-", "\u2013", "\u2014", "(", "/", "&")


@Language.component("policy_line_breaks")
def mark_line_breaks(doc: Doc) -> Doc:
    """Set ``is_sent_start`` on the first word after a block-ending line break."""
    if len(doc) < 2:
        return doc
    text = doc.text
    spaces = doc.to_array([IS_SPACE]).nonzero()[0].tolist()
    for i in spaces:
        tok = doc[i]
        breaks = tok.text.count("\n")
        if not breaks or i + 1 >= len(doc) or i == 0:
            continue
        nxt = doc[i + 1]
        if nxt.is_space:
            continue
        if breaks == 1 and not _LIST_ITEM.match(text, nxt.idx):
            line_start = text.rfind("\n", 0, tok.idx) + 1
            line = text[line_start:tok.idx].strip()
            if not line or len(line) >= SHORT_LINE or line.endswith(OPEN_ENDINGS) or nxt.text[:1].islower():
                continue
        nxt.is_sent_start = True
    return doc
