"""The report's charts, drawn with matplotlib (and networkx for the network's layout).

Each function takes the frames of :mod:`policy_nlp.views.summary` and returns a
:class:`matplotlib.figure.Figure` (no pyplot state); :func:`render` turns one into SVG and
PNG bytes that do not change from one run to the next.
"""

from __future__ import annotations

import io
import textwrap
import warnings

import matplotlib
import numpy as np
import pandas as pd
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from .summary import MODALITIES, STANCES
from .worldmap import outlines

STANCE_COLOURS = {"engagement": "#2c7bb6", "pressure": "#d7191c", "neutral": "#a6a6a6"}
#: ColorBrewer's Dark2, which stays apart from the stance colours.
MODALITY_COLOURS = {"actual": "#1b9e77", "proposed": "#7570b3", "negated": "#d95f02", "hypothetical": "#e7298a"}
OCEAN, LAND, LINES = "#eef4f8", "#e2e2dc", "#9a9a92"
PNG_DPI = 150
_STYLE = {
    "font.family": "DejaVu Sans",  # ships with matplotlib; SVG text becomes paths, so no font is needed to view it
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "svg.hashsalt": "policy-nlp",  # the same ids in every run's SVG
}


def render(figure: Figure) -> tuple[bytes, bytes]:
    """The figure as SVG and PNG, without dates or tool versions in the files."""
    with matplotlib.rc_context(_STYLE), warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from")  # a name in a script DejaVu lacks
        svg, png = io.BytesIO(), io.BytesIO()
        figure.savefig(svg, format="svg", metadata={"Date": None, "Creator": None})
        figure.savefig(png, format="png", dpi=PNG_DPI, metadata={"Software": None})
    return svg.getvalue(), png.getvalue()


def _figure(width: float, height: float, ncols: int = 1, **subplots):
    with matplotlib.rc_context(_STYLE):
        figure = Figure(figsize=(width, height), layout="constrained")
        axes = figure.subplots(1, ncols, **subplots)
    return figure, axes


def _label(name: str, width: int = 28) -> str:
    return textwrap.shorten(name, width=width, placeholder="…")


def stance_by_target(frame: pd.DataFrame, top: int = 15) -> Figure:
    """Stacked bars: stance counts per target state, and its mean probabilities."""
    frame = frame.head(top).iloc[::-1]
    labels = [_label(f"{name or code} ({code})") for code, name in zip(frame["target_iso3"], frame["target_name"])]
    with matplotlib.rc_context(_STYLE):
        figure, (counts, means) = _figure(10, 1.2 + 0.32 * len(frame), ncols=2, sharey=True)
        left = np.zeros(len(frame))
        right = np.zeros(len(frame))
        for stance in STANCES:
            counts.barh(labels, frame[stance], left=left, color=STANCE_COLOURS[stance], label=stance)
            means.barh(labels, frame[f"mean_p_{stance}"].fillna(0), left=right, color=STANCE_COLOURS[stance])
            left += frame[stance].to_numpy(dtype=float)
            right += frame[f"mean_p_{stance}"].fillna(0).to_numpy(dtype=float)
        counts.set_xlabel("documents discussing the state, by stance toward it")
        counts.xaxis.get_major_locator().set_params(integer=True)
        means.set_xlabel("mean probability of each stance")
        means.set_xlim(0, 1)
        figure.legend(loc="outside upper center", ncols=3, frameon=False)
    return figure


def stance_over_time(counts: pd.DataFrame, unit: str) -> Figure:
    """Stacked bars: documents by stance per month (or year)."""
    with matplotlib.rc_context(_STYLE):
        figure, axes = _figure(10, 3.6)
        positions = np.arange(len(counts))
        bottom = np.zeros(len(counts))
        for stance in STANCES:
            axes.bar(positions, counts[stance], bottom=bottom, color=STANCE_COLOURS[stance], label=stance, width=0.8)
            bottom += counts[stance].to_numpy(dtype=float)
        step = max(1, len(counts) // 24)
        slanted = len(counts) > 8
        axes.set_xticks(positions[::step], counts.index[::step], rotation=60 if slanted else 0,
                        ha="right" if slanted else "center", rotation_mode="anchor" if slanted else "default")
        axes.set_ylabel("documents")
        axes.set_xlabel(f"publication {unit}")
        axes.yaxis.get_major_locator().set_params(integer=True)
        figure.legend(loc="outside upper center", ncols=3, frameon=False)
    return figure


def cooperation_heatmap(counts: pd.DataFrame) -> Figure:
    """Heat map of cooperation mentions, domain by modality, with the counts written in."""
    values = counts[list(MODALITIES)].to_numpy()
    with matplotlib.rc_context(_STYLE):
        figure, axes = _figure(6.5, 1.2 + 0.38 * len(counts))
        image = axes.imshow(values, cmap="YlGnBu", aspect="auto", vmin=0)
        axes.set_xticks(range(len(MODALITIES)), MODALITIES)
        axes.set_yticks(range(len(counts)), counts.index)
        axes.tick_params(top=True, labeltop=True, bottom=False, labelbottom=False, length=0)
        for spine in axes.spines.values():
            spine.set_visible(False)
        high = values.max() if values.size else 0
        for (row, col), value in np.ndenumerate(values):
            axes.text(col, row, str(value), ha="center", va="center",
                      color="white" if value > high * 0.6 else "black")
        figure.colorbar(image, ax=axes, label="mentions", shrink=0.8)
    return figure


def cooperation_network(pairs: pd.DataFrame, actors: pd.DataFrame, top: int = 30) -> Figure:
    """The actors that cooperation links: nodes sized by mentions, edges as wide as their
    dyad counts and coloured by their dominant modality; the ``top`` actors with most dyads."""
    import networkx as nx

    graph = nx.Graph()
    for row in pairs.itertuples(index=False):
        graph.add_edge(row.actor_a_id, row.actor_b_id, weight=int(row.dyads), modality=row.dominant_modality)
    names = dict(zip(pairs["actor_a_id"], pairs["actor_a_name"])) | dict(zip(pairs["actor_b_id"], pairs["actor_b_name"]))
    mentions = dict(zip(actors["entity_id"], actors["mentions"]))
    strength = dict(graph.degree(weight="weight"))
    keep = sorted(graph, key=lambda n: (-strength[n], -mentions.get(n, 0), n))[:top]
    graph = graph.subgraph(keep).copy()
    graph.remove_nodes_from([n for n, degree in dict(graph.degree()).items() if degree == 0])  # partners cut off
    layout = _packed_layout(graph)
    nodes = sorted(graph)
    edges = sorted(graph.edges(data=True), key=lambda e: (e[2]["weight"], e[0], e[1]))
    largest = max([mentions.get(n, 0) for n in nodes] + [1])
    with matplotlib.rc_context(_STYLE):
        figure, axes = _figure(10, 7)
        axes.set_axis_off()
        nx.draw_networkx_edges(graph, layout, ax=axes, edgelist=[(a, b) for a, b, _ in edges],
                               width=[0.8 + 1.6 * d["weight"] for _, _, d in edges],
                               edge_color=[MODALITY_COLOURS[d["modality"]] for _, _, d in edges], alpha=0.75)
        nx.draw_networkx_nodes(graph, layout, ax=axes, nodelist=nodes, node_color="#f7f7f2", edgecolors="#555555",
                               node_size=[120 + 1400 * mentions.get(n, 0) / largest for n in nodes], linewidths=0.8)
        nx.draw_networkx_labels(graph, layout, ax=axes, labels={n: _label(names.get(n) or n, 24) for n in nodes},
                                font_size=7.5, font_family="DejaVu Sans")
        nx.draw_networkx_edge_labels(graph, layout, ax=axes, font_size=6.5, rotate=False,
                                     edge_labels={(a, b): d["weight"] for a, b, d in edges if d["weight"] > 1},
                                     bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.8})
        axes.legend(handles=[Line2D([], [], color=MODALITY_COLOURS[m], linewidth=3, label=m) for m in MODALITIES],
                    title="dominant modality", frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
        axes.margins(0.08)
    return figure


def _packed_layout(graph) -> dict:
    """Positions for a graph of several components: each laid out by networkx's spring
    layout at a size that grows with its nodes, then the components set side by side in
    rows, largest first (one spring layout over all pushes the components to the corners
    and crowds each)."""
    import networkx as nx

    components = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: (-len(c), c[0]))
    radii = [0.5 + 0.45 * (len(c) - 1) ** 0.5 for c in components]
    width = max(2 * max(radii), 2.2 * sum(r * r for r in radii) ** 0.5)
    layout, x, y, row_height = {}, 0.0, 0.0, 0.0
    for nodes, radius in zip(components, radii):
        if x > 0 and x + 2 * radius > width:
            x, y, row_height = 0.0, y - row_height - 0.4, 0.0
        sub = graph.subgraph(nodes)
        positions = (nx.spring_layout(sub, seed=13, weight="weight", scale=radius, center=(0, 0), iterations=200)
                     if len(nodes) > 1 else {nodes[0]: np.zeros(2)})
        for node, (px, py) in positions.items():
            layout[node] = np.array([x + radius + px, y - radius + py])
        x += 2 * radius + 0.4
        row_height = max(row_height, 2 * radius)
    return layout


def places_map(places: pd.DataFrame, labels: int = 12) -> Figure:
    """The world with a circle per geocoded place, its area by mentions; the most mentioned
    named."""
    world = outlines()
    places = places.sort_values("mentions", ascending=True, kind="stable")
    largest = max(float(places["mentions"].max()), 1.0)
    with matplotlib.rc_context(_STYLE):
        figure, axes = _figure(11, 4.8)  # the map's own proportions (360 by 148 degrees) and a margin
        axes.set_facecolor(OCEAN)
        axes.add_collection(PolyCollection(world.land, facecolors=LAND, edgecolors=LINES, linewidths=0.3))
        axes.add_collection(PolyCollection(world.lakes, facecolors=OCEAN, edgecolors=LINES, linewidths=0.3))
        axes.add_collection(LineCollection(world.borders, colors=LINES, linewidths=0.3))
        axes.scatter(places["longitude"], places["latitude"], s=18 + 500 * places["mentions"] / largest,
                     color="#c2185b", alpha=0.55, edgecolors="#6a0f33", linewidths=0.6, zorder=3)
        for row in places.tail(labels).itertuples(index=False):
            axes.annotate(_label(row.name, 22), (row.longitude, row.latitude), xytext=(4, 4), textcoords="offset points",
                          fontsize=7, zorder=4)
        axes.set_xlim(-180, 180)
        axes.set_ylim(-58, 90)
        axes.set_aspect("equal")
        axes.set_xticks([])
        axes.set_yticks([])
        for spine in axes.spines.values():
            spine.set_visible(True)
            spine.set_color(LINES)
        sizes = sorted({1, int(largest)})
        axes.legend(handles=[Line2D([], [], marker="o", linestyle="", markersize=(18 + 500 * s / largest) ** 0.5,
                                    color="#c2185b", alpha=0.55, label=f"{s} mention{'s' * (s > 1)}") for s in sizes],
                    loc="lower left", frameon=True, framealpha=0.8, fontsize=7, labelspacing=1.4, borderpad=0.9)
    return figure


def top_entities(actors: pd.DataFrame, places: pd.DataFrame, top: int = 15) -> Figure:
    """Bars: the most mentioned actors and places over the corpus."""
    panels = [(frame, title, colour) for frame, title, colour in
              ((actors, "actors", "#4c72b0"), (places, "places", "#c2185b")) if len(frame)]
    with matplotlib.rc_context(_STYLE):
        figure, axes = _figure(10, 1.2 + 0.3 * min(top, max(len(f) for f, _, _ in panels)), ncols=len(panels))
        for ax, (frame, title, colour) in zip(np.atleast_1d(axes), panels):
            frame = frame.head(top).iloc[::-1]
            ax.barh([_label(n or e, 30) for n, e in zip(frame["name"], frame["entity_id"])], frame["mentions"],
                    color=colour)
            ax.set_title(f"Most mentioned {title}", loc="left")
            ax.set_xlabel("mentions in all documents")
            ax.xaxis.get_major_locator().set_params(integer=True)
    return figure
