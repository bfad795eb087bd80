"""The corpus at a glance: aggregates of a run's tables, shared by the workbook and the report.

Every function takes the frames of :func:`policy_nlp.views.tables.read_run` (text columns)
and returns plain values or a pandas frame, so that what a spreadsheet and the report show
is computed once.
"""

from __future__ import annotations

import re

import pandas as pd

from ..rows import EVIDENCE_SEPARATOR
from ..settings import MULTI_SEPARATOR
from .tables import numbers

STANCES = ("engagement", "pressure", "neutral")
MODALITIES = ("actual", "proposed", "negated", "hypothetical")
_MONTH = re.compile(r"^(\d{4})-(\d{2})")


def analysed(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The documents that were analysed (status ``ok``)."""
    docs = tables["documents"]
    return docs[docs["status"] == "ok"]


def overview(tables: dict[str, pd.DataFrame]) -> dict[str, object]:
    """Corpus size and coverage: files by status, words, dates covered, rows found."""
    docs = tables["documents"]
    ok = analysed(tables)
    months = ok["published"].str.match(_MONTH)
    dates = sorted(ok.loc[months, "published"])
    entities = tables["entities"]
    return {
        "files": len(docs),
        "analysed": len(ok),
        "failed": int((docs["status"] == "error").sum()),
        "skipped": int((docs["status"] == "skipped").sum()),
        "words": int(numbers(ok["n_words"]).fillna(0).sum()),
        "dated": len(dates),
        "first_date": dates[0] if dates else "",
        "last_date": dates[-1] if dates else "",
        "cooperation": len(tables["cooperation"]),
        "dyads": len(tables["dyads"]),
        "actors": entities.loc[entities["kind"] == "actor", "entity_id"].nunique(),
        "places": entities.loc[entities["kind"] == "place", "entity_id"].nunique(),
    }


def overview_rows(info: dict[str, object]) -> list[tuple[str, object]]:
    """:func:`overview` as labelled rows, for a table."""
    return [
        ("Files in the folder", info["files"]), ("Analysed", info["analysed"]), ("Failed", info["failed"]),
        ("Skipped", info["skipped"]), ("Words analysed", info["words"]),
        ("Documents with a date", info["dated"]),
        ("Dates covered", f"{info['first_date']} to {info['last_date']}" if info["dated"] else "no dates"),
        ("Cooperation mentions", info["cooperation"]), ("Dyads (mention and pair of actors)", info["dyads"]),
        ("Distinct actors", info["actors"]), ("Distinct places", info["places"]),
    ]


def stance_by_target(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Per state discussed (``targets.csv``): documents, how often it is the main target,
    stance counts and mean probabilities, most discussed first."""
    targets = tables["targets"]
    names = ["target_iso3", "target_name", "documents", "main_target",
             *STANCES, *(f"mean_p_{s}" for s in STANCES)]
    if targets.empty:
        return pd.DataFrame(columns=names)
    frame = targets.assign(**{f"p_{s}": numbers(targets[f"p_{s}"]) for s in STANCES},
                           is_main=targets["main"] == "yes")
    grouped = frame.groupby("target_iso3", sort=True)
    result = pd.DataFrame({
        "target_name": grouped["target_name"].agg(lambda names: next((n for n in names if n), "")),
        "documents": grouped.size(),
        "main_target": grouped["is_main"].sum().astype(int),
        **{s: grouped["stance"].agg(lambda col, s=s: int((col == s).sum())) for s in STANCES},
        **{f"mean_p_{s}": grouped[f"p_{s}"].mean().round(4) for s in STANCES},
    }).reset_index()
    return result.sort_values(["documents", "main_target", "target_iso3"], ascending=[False, False, True],
                              kind="stable").reset_index(drop=True)[names]


def stance_by_month(tables: dict[str, pd.DataFrame], max_months: int = 120) -> tuple[pd.DataFrame, str]:
    """Stance counts of the dated documents by month (every month between the first and
    the last, empty ones too), or by year when they span more than ``max_months`` months.
    Returns the frame (index: period label) and the unit, ``month`` or ``year``; the frame
    is empty when no analysed document has a date."""
    ok = analysed(tables)
    ok = ok[ok["published"].str.match(_MONTH) & ok["stance"].isin(STANCES)]
    if ok.empty:
        return pd.DataFrame(columns=list(STANCES)), "month"
    months = pd.PeriodIndex(ok["published"].str[:7], freq="M")
    unit = "month" if (months.max() - months.min()).n < max_months else "year"
    periods = months if unit == "month" else months.asfreq("Y")
    counts = pd.crosstab(periods, ok["stance"].to_numpy()).reindex(columns=list(STANCES), fill_value=0)
    full = pd.period_range(periods.min(), periods.max(), freq=periods.freq)
    counts = counts.reindex(full, fill_value=0)
    counts.index = [str(p) for p in counts.index]
    return counts.astype(int), unit


def split_domains(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per cooperation mention and domain (a mention of two domains counts in both)."""
    exploded = frame.assign(domain=frame["domain"].map(lambda d: [x for x in d.split(MULTI_SEPARATOR) if x] or ["other"]))
    return exploded.explode("domain")


def cooperation_by_domain(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Cooperation mentions by domain (rows) and modality (columns), with totals; a
    mention of two domains counts under both."""
    coop = tables["cooperation"]
    if coop.empty:
        return pd.DataFrame(columns=[*MODALITIES, "total"])
    split = split_domains(coop)
    counts = pd.crosstab(split["domain"], split["modality"]).reindex(columns=list(MODALITIES), fill_value=0)
    counts["total"] = counts.sum(axis=1)
    counts = counts.sort_values("total", ascending=False, kind="stable")
    counts.index.name = "domain"
    counts.columns.name = None
    return counts.astype(int)


def entity_totals(tables: dict[str, pd.DataFrame], kind: str) -> pd.DataFrame:
    """Actors or places (``kind``) over the corpus: mentions and documents, most mentioned
    first, with name, type, country and (places) coordinates."""
    entities = tables["entities"]
    entities = entities[entities["kind"] == kind]
    names = ["entity_id", "name", "type", "country_iso3", "mentions", "documents", "latitude", "longitude"]
    if entities.empty:
        return pd.DataFrame(columns=names)
    frame = entities.assign(mentions=numbers(entities["mentions"]).fillna(0).astype(int))
    grouped = frame.groupby("entity_id", sort=True)
    result = grouped[["name", "type", "country_iso3", "latitude", "longitude"]].first()
    result["mentions"] = grouped["mentions"].sum()
    result["documents"] = grouped["doc_id"].nunique()
    result = result.reset_index().sort_values(["mentions", "documents", "entity_id"], ascending=[False, False, True],
                                              kind="stable")
    return result.reset_index(drop=True)[names]


def dyad_pairs(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Each unordered pair of actors in ``dyads.csv``: its rows (``dyads``), by modality,
    the documents it appears in and its dominant modality (the most frequent; ties go to
    the first of actual, proposed, negated, hypothetical); most frequent first."""
    dyads = tables["dyads"]
    names = ["actor_a_id", "actor_a_name", "actor_b_id", "actor_b_name", "pair", "dyads", *MODALITIES,
             "documents", "dominant_modality"]
    if dyads.empty:
        return pd.DataFrame(columns=names)
    keys = ["actor_a_id", "actor_b_id"]
    grouped = dyads.groupby(keys, sort=True)
    result = grouped[["actor_a_name", "actor_b_name", "pair"]].first()
    result["dyads"] = grouped.size()
    by_modality = pd.crosstab([dyads["actor_a_id"], dyads["actor_b_id"]], dyads["modality"])
    for modality in MODALITIES:
        result[modality] = by_modality[modality] if modality in by_modality else 0
    result["documents"] = grouped["doc_id"].nunique()
    result["dominant_modality"] = result[list(MODALITIES)].idxmax(axis=1)
    result = result.reset_index().sort_values(["dyads", "pair"], ascending=[False, True], kind="stable")
    return result.reset_index(drop=True)[names].astype({m: int for m in MODALITIES})


def dyad_pivot(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Pair by domain (as written in ``dyads.csv``, so that the counts add up to its rows),
    with counts by modality and in all."""
    dyads = tables["dyads"]
    names = ["pair", "actor_a_id", "actor_b_id", "domain", *MODALITIES, "total"]
    if dyads.empty:
        return pd.DataFrame(columns=names)
    keys = ["pair", "actor_a_id", "actor_b_id", "domain"]
    counts = pd.crosstab([dyads[k] for k in keys], dyads["modality"]).reindex(columns=list(MODALITIES), fill_value=0)
    counts["total"] = counts.sum(axis=1)
    counts = counts.reset_index()
    counts.columns.name = None
    counts = counts.sort_values(["total", "pair", "domain"], ascending=[False, True, True], kind="stable")
    return counts.reset_index(drop=True)[names]


def documents_table(tables: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """One row per file: title (or its path), date, status, stance, confidence, main target
    and the evidence sentences (a list)."""
    docs = tables["documents"]
    names = dict(zip(tables["targets"]["target_iso3"], tables["targets"]["target_name"]))
    return pd.DataFrame({
        "doc_id": docs["doc_id"],
        "title": [title or path for title, path in zip(docs["title"], docs["relative_path"])],
        "published": docs["published"],
        "status": docs["status"],
        "error": docs["error"],
        "stance": docs["stance"],
        "confidence": numbers(docs["stance_confidence"]),
        "target": docs["stance_target"],
        "target_name": [names.get(code, "") for code in docs["stance_target"]],
        "evidence": [[s for s in text.split(EVIDENCE_SEPARATOR) if s] for text in docs["stance_evidence"]],
    })
