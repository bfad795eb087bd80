#!/usr/bin/env python3
"""Rebuild the texts of the real-text development set from their public sources.

The repository holds only what we wrote about each real document (``corpora/real/
annotations/*.json``: source, licence, repository path and commit, checksum, our
annotations), never the text. This script takes each document's recipe, reads the source
file at the recorded commit from a local copy of its repository, extracts the text the same
way every time, writes it to ``corpora/real/texts/<id>.txt`` (git-ignored) and checks its
SHA-256 against the annotation. A text whose checksum differs is not written.

Sources are git repositories on GitHub. Bring each one onto the machine first, as a bare or
ordinary clone, under ``MIRRORS/<owner>+<name>/repo`` (the layout of the project's fetch
tool) or ``MIRRORS/<owner>+<name>`` or ``MIRRORS/<owner>/<name>``; for example::

    git clone --bare https://github.com/HistoryAtState/milestones MIRRORS/HistoryAtState+milestones/repo

Usage::

    python scripts/rebuild_real_texts.py [--mirrors DIR] [--corpus corpora/real] [--only ID ...]

Exit status 0 when every text was rebuilt and matched, 1 otherwise (each problem is listed).

Recipe fields (``source`` in an annotation): ``repo``, ``commit``, ``path``, ``format`` and
the format's selectors:

- ``text``: the file is the text;
- ``html``: an HTML file; its block elements (paragraphs, headings, list items...) become
  paragraphs;
- ``json``: ``field`` is a dotted path into the JSON (list indices allowed); with
  ``html_in_field`` the value is HTML;
- ``jsonl`` / ``csv``: the one record whose fields equal ``match``; ``field`` names the
  text; ``html_in_field`` as for JSON;
- ``xml``: ``xpath`` selects one element (``namespaces`` maps prefixes); its block elements
  become paragraphs, and notes (footnotes, source notes) and figures are left out; with
  ``html_in_field`` the element's text is escaped HTML, read as HTML;
- ``conllu``: a CoNLL-U file (a treebank such as GUM): the sentences' ``# text =`` lines,
  joined with spaces, a paragraph starting at each ``# newpar``.

Plain text is cut into paragraphs at blank lines, or with ``paragraph_rule: "indent"`` at
each indented line; the hard-wrapped lines of a paragraph are joined (``unwrap``, default
true) unless a line starts a Markdown list item or heading.

Then ``paragraphs: [first, last]`` (0-based, inclusive) keeps an excerpt, and ``title``
with ``prepend_title: true`` puts the title on the first line, as a scraped page has it.

A recipe may also name a ``page``: the whole web page the text was taken from (``path`` in
the same repository and commit, ``sha256`` of its bytes), navigation, sidebars and
comments included. It is written unchanged to ``texts/pages/<id>.html`` for
``scripts/score_real_pages.py``, which runs the tool's HTML path on it.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT / "corpora" / "real"
DEFAULT_MIRRORS = Path(os.environ.get("POLICY_NLP_MIRRORS", "/work/.mirror"))

#: Elements whose text is one paragraph (by local name, for HTML and XML alike).
BLOCK_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "td", "th",
              "figcaption", "caption", "head", "item", "ab", "l", "dateline", "salute", "signed", "closer",
              "opener", "byline", "div", "section", "article", "body"}
#: Elements left out with everything inside them.
DROPPED_TAGS = {"script", "style", "noscript", "note", "figure", "template", "nav", "footer", "button", "form"}


class RecipeError(ValueError):
    """A recipe cannot be followed: missing repository, file, field or record."""


# -- reading sources -------------------------------------------------------------------------
def find_repository(mirrors: Path, repo: str) -> Path:
    owner, name = repo.split("/", 1)
    for candidate in (mirrors / f"{owner}+{name}" / "repo", mirrors / f"{owner}+{name}", mirrors / owner / name):
        if (candidate / "HEAD").is_file() or (candidate / ".git").exists():
            return candidate
    raise RecipeError(f"no local copy of {repo} under {mirrors} (clone it to {mirrors}/{owner}+{name}/repo)")


def read_blob(repository: Path, commit: str, path: str) -> bytes:
    git_dir = repository / ".git" if (repository / ".git").exists() else repository
    done = subprocess.run(["git", f"--git-dir={git_dir}", "show", f"{commit}:{path}"], capture_output=True)
    if done.returncode != 0:
        raise RecipeError(f"{path} at {commit[:12]}: {done.stderr.decode(errors='replace').strip()}")
    return done.stdout


# -- turning markup into paragraphs ------------------------------------------------------------
def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _squash(text: str) -> str:
    return " ".join(text.split())


def element_paragraphs(element) -> list[str]:
    """The text of ``element`` as paragraphs: one per block element that holds no other
    block element, plus loose text between blocks; dropped elements are skipped."""
    paragraphs: list[str] = []

    def inline_text(node) -> str:
        parts = [node.text or ""]
        for child in node:
            if _local(child.tag) not in DROPPED_TAGS:
                parts.append(inline_text(child) if _local(child.tag) != "br" else " ")
            parts.append(child.tail or "")
        return "".join(parts)

    def has_block(node) -> bool:
        return any(_local(d.tag) in BLOCK_TAGS for d in node.iterdescendants() if _local(d.tag) not in DROPPED_TAGS
                   and not any(_local(a.tag) in DROPPED_TAGS for a in d.iterancestors() if a is not node))

    def walk(node) -> None:
        if _local(node.tag) in DROPPED_TAGS:
            return
        if not has_block(node):
            text = _squash(inline_text(node))
            if text:
                paragraphs.append(text)
            return
        loose = [node.text or ""]
        for child in node:
            if _local(child.tag) in BLOCK_TAGS or has_block(child):
                if _squash("".join(loose)):
                    paragraphs.append(_squash("".join(loose)))
                loose = []
                walk(child)
            elif _local(child.tag) not in DROPPED_TAGS:
                loose.append(inline_text(child))
            loose.append(child.tail or "")
        if _squash("".join(loose)):
            paragraphs.append(_squash("".join(loose)))

    walk(element)
    return paragraphs


def html_paragraphs(markup: str) -> list[str]:
    import lxml.html

    if not markup.strip():
        return []
    tree = lxml.html.fromstring(markup)
    body = tree.find(".//body")
    return element_paragraphs(body if body is not None else tree)


def xml_paragraphs(data: bytes, xpath: str, namespaces: dict | None, html_inside: bool = False) -> list[str]:
    """Paragraphs of the one element ``xpath`` selects; with ``html_inside`` its text is an
    HTML fragment (escaped markup inside an XML element) and is read as such."""
    from lxml import etree

    tree = etree.parse(io.BytesIO(data), etree.XMLParser(resolve_entities=False, no_network=True))
    found = tree.xpath(xpath, namespaces=namespaces or {})
    if len(found) != 1:
        raise RecipeError(f"xpath {xpath!r} selects {len(found)} elements, not one")
    if html_inside:
        return html_paragraphs("".join(found[0].itertext()))
    return element_paragraphs(found[0])


def conllu_paragraphs(text: str) -> list[str]:
    """Paragraphs of a CoNLL-U file: its sentences (``# text = ...``) joined with spaces, a
    new paragraph at each ``# newpar`` comment."""
    paragraphs: list[list[str]] = []
    for line in text.splitlines():
        if line.startswith("# newpar") and not line.startswith("# newpar_"):
            paragraphs.append([])
        elif line.startswith("# text = "):
            if not paragraphs:
                paragraphs.append([])
            paragraphs[-1].append(line[len("# text = "):].strip())
    return [" ".join(p) for p in paragraphs if p]


# -- recipes ---------------------------------------------------------------------------------
def _field(value, dotted: str):
    for part in dotted.split("."):
        if isinstance(value, list) and part.lstrip("-").isdigit():
            value = value[int(part)]
        elif isinstance(value, dict) and part in value:
            value = value[part]
        else:
            raise RecipeError(f"no field {dotted!r}")
    if not isinstance(value, str):
        raise RecipeError(f"field {dotted!r} is not text")
    return value


def _record(records, match: dict) -> dict:
    hits = [r for r in records if all(str(r.get(k)) == str(v) for k, v in match.items())]
    if len(hits) != 1:
        raise RecipeError(f"{len(hits)} records match {match}, not one")
    return hits[0]


#: A line that starts a Markdown list item or heading keeps its own line when lines are unwrapped.
_BLOCK_START = re.compile(r"^\s*(?:[-*+]\s|\d+[.)]\s|#{1,6}\s|>)")


def _text_paragraphs(text: str, rule: str = "blank", unwrap: bool = True) -> list[str]:
    """Paragraphs of plain text: separated by blank lines (``rule="blank"``) or starting at
    each indented line (``rule="indent"``, as in the Congressional Record). With ``unwrap``
    the hard-wrapped lines of a paragraph are joined with single spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if rule == "indent":
        blocks = [b for b in re.split(r"\n(?=[ \t]+\S)", text)]
    elif rule == "blank":
        blocks = re.split(r"\n[^\S\n]*\n", text)
    else:
        raise RecipeError(f"unknown paragraph rule {rule!r}")
    paragraphs = []
    for block in blocks:
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if not lines:
            continue
        if not unwrap:
            paragraphs.append("\n".join(lines))
            continue
        joined = [lines[0]]
        for line in lines[1:]:
            if _BLOCK_START.match(line):
                joined.append(line)
            else:
                joined[-1] += " " + line
        paragraphs.append("\n".join(joined))
    return paragraphs


def extract(recipe: dict, data: bytes) -> str:
    """The document text that ``recipe`` takes from the source file ``data``."""
    kind = recipe["format"]
    text = data.decode("utf-8-sig")
    rule, unwrap = recipe.get("paragraph_rule", "blank"), recipe.get("unwrap", True)
    if kind == "text":
        paragraphs = _text_paragraphs(text, rule, unwrap)
    elif kind == "html":
        paragraphs = html_paragraphs(text)
    elif kind == "xml":
        paragraphs = xml_paragraphs(data, recipe["xpath"], recipe.get("namespaces"), recipe.get("html_in_field", False))
    elif kind == "conllu":
        paragraphs = conllu_paragraphs(text)
    else:
        if kind == "json":
            value = _field(json.loads(text), recipe["field"])
        elif kind == "jsonl":
            records = (json.loads(line) for line in text.splitlines() if line.strip())
            value = _field(_record(records, recipe["match"]), recipe["field"])
        elif kind == "csv":
            csv.field_size_limit(sys.maxsize)
            value = _field(_record(csv.DictReader(io.StringIO(text)), recipe["match"]), recipe["field"])
        else:
            raise RecipeError(f"unknown format {kind!r}")
        paragraphs = html_paragraphs(value) if recipe.get("html_in_field") else _text_paragraphs(value, rule, unwrap)
    if recipe.get("paragraphs"):
        first, last = recipe["paragraphs"]
        if last >= len(paragraphs):
            raise RecipeError(f"paragraphs {first}-{last} asked of a text of {len(paragraphs)}")
        paragraphs = paragraphs[first:last + 1]
    if recipe.get("prepend_title") and recipe.get("title"):
        paragraphs = [recipe["title"].strip(), *paragraphs]
    if not paragraphs:
        raise RecipeError("the recipe gives no text")
    return "\n\n".join(paragraphs) + "\n"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def rebuild(corpus: Path, mirrors: Path, only: set[str] | None = None) -> list[str]:
    """Rebuild every text of ``corpus``; return the problems, one line each."""
    annotations = sorted((corpus / "annotations").glob("*.json"))
    out = corpus / "texts"
    out.mkdir(parents=True, exist_ok=True)
    problems = []
    done = 0
    for path in annotations:
        gold = json.loads(path.read_text(encoding="utf-8"))
        doc_id = gold["id"]
        if only and doc_id not in only:
            continue
        recipe = gold["source"]
        try:
            text = extract(recipe, read_blob(find_repository(mirrors, recipe["repo"]), recipe["commit"], recipe["path"]))
        except (RecipeError, UnicodeDecodeError, ValueError, KeyError) as exc:
            problems.append(f"{doc_id}: {exc}")
            continue
        if sha256(text) != recipe["sha256"]:
            problems.append(f"{doc_id}: checksum {sha256(text)[:12]} differs from the recorded {recipe['sha256'][:12]}")
            continue
        (out / gold["file"]).write_text(text, encoding="utf-8")
        done += 1
        page = recipe.get("page")
        if page:
            # the whole page the text was taken from, for scripts/score_real_pages.py
            try:
                data = read_blob(find_repository(mirrors, recipe["repo"]), recipe["commit"], page["path"])
            except RecipeError as exc:
                problems.append(f"{doc_id} (page): {exc}")
                continue
            if hashlib.sha256(data).hexdigest() != page["sha256"]:
                problems.append(f"{doc_id} (page): checksum differs from the recorded {page['sha256'][:12]}")
                continue
            (out / "pages").mkdir(exist_ok=True)
            (out / "pages" / f"{doc_id}.html").write_bytes(data)
    print(f"rebuilt {done} of {len(annotations) if not only else len(only)} texts into {out}", file=sys.stderr)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--mirrors", type=Path, default=DEFAULT_MIRRORS,
                        help="folder of local repository copies (default: $POLICY_NLP_MIRRORS or /work/.mirror)")
    parser.add_argument("--only", nargs="*", help="rebuild only these document ids")
    args = parser.parse_args(argv)
    problems = rebuild(args.corpus, args.mirrors, set(args.only) if args.only else None)
    for line in problems:
        print(line, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
