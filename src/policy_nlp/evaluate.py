"""Score the analysis against annotated development data (``policy-nlp evaluate``).

Gold format: ``corpora/README.md``. Entities are matched per document by name and aliases,
folded for case, accents, possessives, hyphens and a leading "the"; a second predicted
entity that matches an already matched gold entity is a false positive (aliases should be
merged). Cooperation is scored per sentence: a predicted sentence is right when it
contains a gold anchor.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections import Counter
from pathlib import Path

MODALITIES = ("actual", "proposed", "negated", "hypothetical")
STANCE_LABELS = ("engagement", "pressure", "neutral")


def fold_name(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("\u2019", "'").replace("-", " ")
    text = re.sub(r"'s\b|'$", "", text)
    text = re.sub(r"^the\s+", "", text.strip())
    return " ".join(re.sub(r"[^\w ]+", " ", text).split())


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def stance_scores(gold: list[str], predicted: list[str]) -> dict:
    """Per-class precision/recall/F1, macro-F1, accuracy and the confusion table."""
    out: dict = {"n": len(gold)}
    f1s = []
    for label in STANCE_LABELS:
        tp = sum(g == p == label for g, p in zip(gold, predicted))
        fp = sum(p == label and g != label for g, p in zip(gold, predicted))
        fn = sum(g == label and p != label for g, p in zip(gold, predicted))
        out[label] = prf(tp, fp, fn)
        f1s.append(out[label]["f1"])
    out["macro_f1"] = round(sum(f1s) / len(f1s), 4)
    out["accuracy"] = round(sum(g == p for g, p in zip(gold, predicted)) / len(gold), 4) if gold else 0.0
    out["confusion"] = {g: {p: sum(1 for a, b in zip(gold, predicted) if a == g and b == p) for p in STANCE_LABELS}
                        for g in STANCE_LABELS}
    return out


def _match(pred: list[tuple[dict, set[str]]], gold: list[dict], optional: list[dict]):
    keys = [{fold_name(g["name"])} | {fold_name(a) for a in g.get("aliases", [])} for g in gold]
    opt = set()
    for o in optional:
        opt |= {fold_name(o["name"])} | {fold_name(a) for a in o.get("aliases", [])}
    matched: dict[int, dict] = {}
    fp = []
    for entity, names in pred:
        hit = next((i for i, k in enumerate(keys) if k & names), None)
        if hit is None:
            if not names & opt:
                fp.append(entity["name"])
        elif hit in matched:
            fp.append(f"{entity['name']} (duplicate of {gold[hit]['name']})")
        else:
            matched[hit] = entity
    missed = [gold[i]["name"] for i in range(len(gold)) if i not in matched]
    return matched, fp, missed


def country_matches(predicted: str, gold: str | None) -> bool:
    """A predicted country (``"; "``-joined codes for places shared by states) is right when
    it is one of the gold codes (``"|"``-joined), or when both are empty; a shared place
    predicted with all its states is right when the gold names any of them."""
    want = set((gold or "").split("|")) - {""}
    got = {c.strip() for c in (predicted or "").split(";")} - {""}
    return bool(got & want) if want else not got


def score_document(result, gold: dict) -> dict:
    """Scores of one analysed document against its gold annotation."""
    mentions_by_entity: dict[tuple[str, str], set[str]] = {}
    for m in result.mentions:
        mentions_by_entity.setdefault((m["entity_id"], m["kind"]), set()).add(fold_name(m["text"]))
    out = {}
    for kind, gkey in (("actor", "actors"), ("place", "places")):
        pred = []
        for e in result.entities:
            if e["kind"] == kind:
                names = {fold_name(e["name"])} | mentions_by_entity.get((e["entity_id"], kind), set())
                names.discard("")
                pred.append((e, names))
        matched, fp, missed = _match(pred, gold.get(gkey, []), gold.get(f"{gkey}_optional", []))
        country_ok = type_ok = 0
        wrong = []
        for i, e in matched.items():
            g = gold[gkey][i]
            if country_matches(e["country_iso3"], g.get("iso3")):
                country_ok += 1
            else:
                wrong.append(f"{g['name']}: {e['country_iso3'] or '-'} (gold {g.get('iso3') or '-'})")
            if kind == "actor":
                type_ok += e["type"] == g.get("type")
                if e["type"] != g.get("type"):
                    wrong.append(f"{g['name']}: type {e['type']} (gold {g.get('type')})")
        out[kind] = {"tp": len(matched), "fp": len(fp), "fn": len(missed), "country_ok": country_ok,
                     "type_ok": type_ok, "false_positives": fp, "missed": missed, "wrong": wrong}

    golds = gold.get("cooperation", [])
    optional = [" ".join(o.split()) for o in gold.get("cooperation_optional", [])]
    found: dict[int, dict] = {}
    fp_sentences = set()
    for c in result.cooperation:
        flat = " ".join(c["sentence"].split())
        hit = next((i for i, g in enumerate(golds) if " ".join(g["anchor"].split()) in flat), None)
        if hit is None:
            if not any(o in flat for o in optional):
                fp_sentences.add(flat)
        elif hit not in found:
            found[hit] = c
    names = {e["entity_id"]: e["name"] for e in result.entities}
    details = []
    for i, c in found.items():
        g = golds[i]
        domains = {d.strip() for d in c["domain"].split(";") if d.strip()}
        participants = {fold_name(names.get(p.strip(), p)) for p in c["participants"].split(";") if p.strip()}
        gold_participants = {fold_name(p) for p in g.get("participants", [])}
        aliases = {fold_name(a["name"]): {fold_name(x) for x in a.get("aliases", [])} | {fold_name(a["name"])}
                   for a in gold.get("actors", [])}
        gold_keys = [aliases.get(p, {p}) for p in gold_participants]
        hits = sum(1 for keys in gold_keys if keys & participants)
        details.append({
            "anchor": g["anchor"],
            "domain_ok": bool(domains & set(g["domains"])),
            "modality_gold": g["modality"][0], "modality_ok": c["modality"] in g["modality"],
            "modality_pred": c["modality"],
            "participants_ok": hits == len(gold_keys) and len(participants) <= len(gold_keys) + 1,
        })
    out["cooperation"] = {"tp": len(found), "fp": len(fp_sentences), "fn": len(golds) - len(found),
                          "details": details, "false_positives": sorted(fp_sentences),
                          "missed": [golds[i]["anchor"] for i in range(len(golds)) if i not in found]}
    return out


def run_evaluation(gold_dir: Path, stance_corpus: Path | None = None, analyzer=None) -> dict:
    """Analyse every gold document under ``gold_dir`` and return the score report."""
    from .analysis import Analyzer

    analyzer = analyzer or Analyzer()
    totals = {k: Counter() for k in ("actor", "place", "cooperation")}
    details, per_doc = [], []
    stance_gold, stance_pred = [], []
    gold_files = sorted(gold_dir.glob("*.json"))
    for gold_path in gold_files:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        doc_path = gold_path.with_name(gold.get("file") or gold_path.stem + ".txt")
        result = analyzer.analyze_path(doc_path, gold_dir)
        scores = score_document(result, gold)
        for kind in totals:
            for key in ("tp", "fp", "fn", "country_ok", "type_ok"):
                totals[kind][key] += scores[kind].get(key, 0)
        details.extend(scores["cooperation"]["details"])
        if gold.get("stance", {}).get("label"):
            stance_gold.append(gold["stance"]["label"])
            stance_pred.append(result.document.get("stance", ""))
        per_doc.append({"file": doc_path.name, **{k: scores[k] for k in ("actor", "place", "cooperation")}})
    report: dict = {"documents": len(gold_files)}
    for kind in ("actor", "place"):
        t = totals[kind]
        report[f"{kind}s"] = {**prf(t["tp"], t["fp"], t["fn"]),
                              "country_accuracy": round(t["country_ok"] / t["tp"], 4) if t["tp"] else 0.0}
        if kind == "actor":
            report["actors"]["type_accuracy"] = round(t["type_ok"] / t["tp"], 4) if t["tp"] else 0.0
    t = totals["cooperation"]
    n = len(details) or 1
    confusion = {g: {p: sum(1 for d in details if d["modality_gold"] == g and d["modality_pred"] == p)
                     for p in MODALITIES} for g in MODALITIES}
    report["cooperation"] = {
        **prf(t["tp"], t["fp"], t["fn"]),
        "domain_accuracy": round(sum(d["domain_ok"] for d in details) / n, 4),
        "modality_accuracy": round(sum(d["modality_ok"] for d in details) / n, 4),
        "participant_accuracy": round(sum(d["participants_ok"] for d in details) / n, 4),
        "modality_confusion": confusion,
    }
    if stance_gold:
        report["stance_dev"] = stance_scores(stance_gold, stance_pred)
    if stance_corpus is not None:
        report["stance_test"] = _stance_test(stance_corpus, analyzer)
    report["per_document"] = per_doc
    return report


def _stance_test(corpus: Path, analyzer) -> dict:
    from .stance.corpus import model_input, read_corpus

    test = [e for e in read_corpus(corpus) if e.split == "test"]
    if analyzer.stance is None or not test:
        return {}
    probs = analyzer.stance.predict_proba([model_input(e.title, e.text) for e in test])
    labels = analyzer.stance.labels
    predicted = [labels[int(row.argmax())] for row in probs]
    return stance_scores([e.label for e in test], predicted)


def flatten(report: dict, prefix: str = "") -> dict[str, float]:
    """``{"actors.f1": 0.9, ...}``: the numeric scores, as the baseline file names them."""
    out = {}
    for key, value in report.items():
        if key in {"per_document", "modality_confusion", "confusion"}:
            continue
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            out.update(flatten(value, name + "."))
        elif isinstance(value, float):
            out[name] = value
    return out


def check_baseline(report: dict, floors: dict[str, float]) -> list[str]:
    """Every score below its floor, as ``name: score < floor``."""
    scores = flatten(report)
    failures = []
    for name, floor in floors.items():
        if name.startswith("_"):
            continue
        if name not in scores:
            failures.append(f"{name}: not reported")
        elif scores[name] < floor:
            failures.append(f"{name}: {scores[name]:.4f} < {floor:.4f}")
    return failures


def format_report(report: dict) -> str:
    lines = [f"Development set: {report['documents']} documents", "",
             f"{'':14s} {'P':>6s} {'R':>6s} {'F1':>6s}   extra"]
    for key in ("actors", "places", "cooperation"):
        r = report[key]
        extra = []
        if key == "actors":
            extra = [f"country={r['country_accuracy']:.3f}", f"type={r['type_accuracy']:.3f}"]
        elif key == "places":
            extra = [f"country={r['country_accuracy']:.3f}"]
        else:
            extra = [f"domain={r['domain_accuracy']:.3f}", f"modality={r['modality_accuracy']:.3f}",
                     f"participants={r['participant_accuracy']:.3f}"]
        lines.append(f"{key:14s} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}   {' '.join(extra)}")
    lines += ["", "Cooperation modality (rows gold, columns predicted):",
              f"{'':14s}" + "".join(f"{m:>14s}" for m in MODALITIES)]
    for g in MODALITIES:
        lines.append(f"{g:14s}" + "".join(f"{report['cooperation']['modality_confusion'][g][p]:14d}" for p in MODALITIES))
    for key, title in (("stance_test", "Stance, corpora/stance test split"), ("stance_dev", "Stance, development documents")):
        s = report.get(key)
        if not s:
            continue
        lines += ["", f"{title} (n={s['n']}): macro-F1 {s['macro_f1']:.3f}, accuracy {s['accuracy']:.3f}",
                  f"{'':12s} {'P':>6s} {'R':>6s} {'F1':>6s}"]
        for label in STANCE_LABELS:
            r = s[label]
            lines.append(f"{label:12s} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}")
        lines.append("confusion (rows gold): " + "; ".join(
            f"{g}: " + ", ".join(f"{p}={s['confusion'][g][p]}" for p in STANCE_LABELS) for g in STANCE_LABELS))
    return "\n".join(lines)
