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

from .scoring import STANCE_LABELS, prf, reliability, stance_scores

MODALITIES = ("actual", "proposed", "negated", "hypothetical")


def fold_name(text: str) -> str:
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = text.replace("\u2019", "'").replace("-", " ")
    text = re.sub(r"'s\b|'$", "", text)
    text = re.sub(r"^the\s+", "", text.strip())
    return " ".join(re.sub(r"[^\w ]+", " ", text).split())


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


def score_document(result, gold: dict, text: str | None = None) -> dict:
    """Scores of one analysed document against its gold annotation (``text``, the file's
    text, limits the header score to the fields the text prints)."""
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
    rows = []
    for c in result.cooperation:
        flat = " ".join(c["sentence"].split())
        anchors = [i for i, g in enumerate(golds) if " ".join(g["anchor"].split()) in flat]
        trigger = " ".join(str(c.get("trigger", "")).split())
        rows.append((c, flat, anchors, [i for i in anchors if trigger and trigger in " ".join(golds[i]["anchor"].split())]))
    # Each row matches one gold mention; two rows of one sentence (two triggers) match two
    # gold mentions in it, and a row repeating a matched mention is neither hit nor error.
    # A row first takes a mention whose anchor holds its trigger, so that the modality and
    # domain of "A deepened their partnership, and B refused aid" are compared clause by
    # clause; the other rows then take the sentence's mentions left, in order.
    for c, _, _, holding in rows:
        hit = next((i for i in holding if i not in found), None)
        if hit is not None:
            found[hit] = c
    placed = {id(c) for c in found.values()}
    for c, flat, anchors, _ in rows:
        if id(c) in placed:
            continue
        hit = next((i for i in anchors if i not in found), None)
        if hit is not None:
            found[hit] = c
        elif not anchors and not any(o in flat for o in optional):
            fp_sentences.add(flat)
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
            "participants_pred": sorted(participants), "participants_gold": sorted(gold_participants),
        })
    out["cooperation"] = {"tp": len(found), "fp": len(fp_sentences), "fn": len(golds) - len(found),
                          "details": details, "false_positives": sorted(fp_sentences),
                          "missed": [golds[i]["anchor"] for i in range(len(golds)) if i not in found]}
    out["metadata"] = score_metadata(result.document, gold.get("metadata") or {}, text)
    return out


#: The header fields the metadata score compares, as ``documents.csv`` names them.
METADATA_FIELDS = ("title", "author", "published")


def score_metadata(document: dict, gold: dict, text: str | None = None) -> dict[str, dict]:
    """Per annotated header field (title, author, publication date): what the tool read and
    whether it equals the annotation, spacing and curly quotes aside, as the seed's scorer
    compares them. A field the annotation leaves empty is not scored, nor, when ``text`` is
    given, one its first 3,000 characters do not print (an excerpt of a report without its
    byline: the annotation took the author from the source)."""
    fold = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})

    def norm(value: str) -> str:
        return " ".join((value or "").translate(fold).split())

    head = norm(text[:3000]).lower() if text is not None else None

    def printed(field: str, value: str) -> bool:
        if head is None:
            return True
        if field == "published":
            return value[:4] in head
        words = norm(value).lower().split()
        return field == "author" and bool(words) and words[-1] in head or " ".join(words) in head

    return {field: {"got": document.get(field, ""), "want": gold[field],
                    "ok": norm(document.get(field, "")) == norm(gold[field])}
            for field in METADATA_FIELDS if (gold.get(field) or "").strip() and printed(field, gold[field])}


def resolve_spans(gold: dict, text: str) -> dict:
    """The annotation with its anchors as text.

    Annotations of real texts, whose text the repository does not keep, locate sentences
    by character offsets into the rebuilt text (``"span": [start, end]`` for a cooperation
    sentence, ``"spans": [...]`` for optional and negative anchors and boilerplate lines)
    instead of quoting them; authored annotations quote them directly.
    """
    def text_of(item):
        if isinstance(item, dict) and "spans" in item:
            return [text[s:e] for s, e in item["spans"]]
        return [item]

    out = dict(gold)
    out["cooperation"] = [({**{k: v for k, v in c.items() if k != "span"}, "anchor": text[c["span"][0]:c["span"][1]]}
                           if "span" in c else c) for c in gold.get("cooperation", [])]
    for key in ("cooperation_optional", "hard_negatives", "boilerplate_lines"):
        out[key] = [anchor for item in gold.get(key, []) for anchor in text_of(item)]
    return out


def gold_documents(gold_dir: Path, split: str | None = None) -> tuple[list[tuple[dict, Path]], list[str]]:
    """The (annotation, text path) pairs of a gold folder, and the ids whose text is missing.

    A folder holds annotations and texts side by side (``corpora/dev``), or in
    ``annotations/`` and ``texts/`` (``corpora/real``, whose texts are rebuilt from their
    sources); ``split`` keeps the documents of that split only.
    """
    notes = gold_dir / "annotations" if (gold_dir / "annotations").is_dir() else gold_dir
    texts = gold_dir / "texts" if (gold_dir / "annotations").is_dir() else gold_dir
    found, missing = [], []
    for gold_path in sorted(notes.glob("*.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        if split and split != "all" and gold.get("split", split) != split:
            continue
        text_path = texts / (gold.get("file") or gold_path.stem + ".txt")
        if text_path.is_file():
            found.append((resolve_spans(gold, text_path.read_text(encoding="utf-8")), text_path))
        else:
            missing.append(gold.get("id") or gold_path.stem)
    return found, missing


def run_evaluation(gold_dir: Path, stance_corpus: Path | None = None, analyzer=None, split: str | None = None,
                   seen: dict | None = None) -> dict:
    """Analyse every gold document under ``gold_dir`` (of ``split``, where the documents
    have one) and return the score report; ``seen`` collects the results by path, for
    :func:`mixed_evaluation` to reuse."""
    from .analysis import Analyzer

    analyzer = analyzer or Analyzer()
    totals = {k: Counter() for k in ("actor", "place", "cooperation")}
    details, per_doc = [], []
    stance: dict[str, list[tuple[str, str]]] = {"all": [], "commentary": [], "other": []}
    targets_right = 0
    metadata: dict[str, list[bool]] = {field: [] for field in METADATA_FIELDS}
    confidence: list[tuple[float, bool]] = []
    documents, missing = gold_documents(gold_dir, split)
    for gold, doc_path in documents:
        result = analyzer.analyze_path(doc_path, doc_path.parent)
        if seen is not None:
            seen[doc_path.resolve()] = result
        scores = score_document(result, gold, doc_path.read_text(encoding="utf-8", errors="replace"))
        for kind in totals:
            for key in ("tp", "fp", "fn", "country_ok", "type_ok"):
                totals[kind][key] += scores[kind].get(key, 0)
        details.extend(scores["cooperation"]["details"])
        for field, score in scores["metadata"].items():
            metadata[field].append(score["ok"])
        gold_stance = gold.get("stance") or {}
        if gold_stance.get("label"):
            pair = (gold_stance["label"], result.document.get("stance", ""))
            stance["all"].append(pair)
            if "commentary" in gold:
                stance["commentary" if gold["commentary"] else "other"].append(pair)
            targets_right += result.document.get("stance_target", "") in (gold_stance.get("target_iso3") or "").split("|")
            if result.document.get("stance_confidence"):
                confidence.append((float(result.document["stance_confidence"]), pair[0] == pair[1]))
        per_doc.append({"file": doc_path.name, "stance_gold": gold_stance.get("label", ""),
                        "stance_pred": result.document.get("stance", ""), "target_gold": gold_stance.get("target_iso3", ""),
                        "target_pred": result.document.get("stance_target", ""),
                        **{k: scores[k] for k in ("actor", "place", "cooperation", "metadata")}})
    report: dict = {"documents": len(documents)}
    if split:
        report["split"] = split
    if missing:
        report["missing_texts"] = missing
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
    if any(metadata.values()):
        report["metadata"] = {**{f"{field}_accuracy": round(sum(oks) / len(oks), 4) for field, oks in metadata.items() if oks},
                              "annotated": {field: len(oks) for field, oks in metadata.items()}}
    if stance["all"]:
        report["stance_dev"] = {**stance_scores(*map(list, zip(*stance["all"]))),
                                "target_accuracy": round(targets_right / len(stance["all"]), 4)}
        for group in ("commentary", "other"):
            if stance[group]:
                report[f"stance_{group}"] = stance_scores(*map(list, zip(*stance[group])))
        if confidence:
            report["stance_calibration"] = reliability(*map(list, zip(*confidence)))
    if stance_corpus is not None:
        report["stance_test"] = _stance_test(stance_corpus, analyzer)
    report["per_document"] = per_doc
    return report


def _relevance_sets() -> dict[str, tuple[str, ...]]:
    """The report keys of :func:`mixed_evaluation` and the groups of texts each covers: our
    own texts (CI has them) apart from the real ones (rebuilt from their sources)."""
    from .relevance.corpus import SETS

    return {"relevance_authored": SETS["authored"], "relevance_real": SETS["real"]}


def mixed_evaluation(corpora: Path, analyzer=None, split: str | None = None,
                     sets: tuple[str, ...] = ("relevance_authored", "relevance_real"), seen: dict | None = None,
                     stance_corpus: Path | None = None) -> dict:
    """Relevance and language on a mixed folder: policy texts and off-topic English texts
    (see :mod:`policy_nlp.relevance.corpus`, ``split`` half; texts not rebuilt are left out)
    and the other-language texts of ``corpora/languages`` (named ``<code>-*.txt``).

    Each of ``sets`` (``relevance_authored``, ``relevance_real``) reports relevance precision, recall and
    F1, ``stance_kept`` (share of policy texts that get a stance) and ``no_stance_off_topic``
    (share of off-topic texts that get none). Our policy texts are ``corpora/dev`` in the dev
    half and, given ``stance_corpus``, its test split in the test half (its train split
    trained the score). ``language`` reports the accuracy of the
    language column over the other-language texts and the English ones.
    """
    from .analysis import Analyzer
    from .relevance.corpus import labelled_texts
    from .relevance.training import relevance_scores

    analyzer = analyzer or Analyzer()
    seen = seen if seen is not None else {}

    def analysed(path: Path):
        key = path.resolve()
        if key not in seen:
            seen[key] = analyzer.analyze_path(path, path.parent)
        return seen[key]

    groups = _relevance_sets()
    wanted = {group for name in sets for group in groups[name]}
    texts = [t for t in labelled_texts(corpora, split) if t.group in wanted]
    scratch = None
    if stance_corpus is not None and split == "test" and "authored" in wanted:
        import tempfile

        from .relevance.corpus import RelevanceText, stance_texts

        scratch = tempfile.TemporaryDirectory()
        texts += [RelevanceText(t.path, True, "authored", "test")
                  for t in stance_texts(stance_corpus, Path(scratch.name)) if t.split == "test"]
    documents = {t.path: analysed(t.path).document for t in texts}
    if scratch is not None:
        scratch.cleanup()
    report: dict = {"documents": len(texts)}
    if split:
        report["split"] = split
    threshold = analyzer.relevance.threshold if analyzer.relevance is not None else 0.5
    for name in sets:
        mine = [t for t in texts if t.group in groups[name]]
        if not mine:
            continue
        scores = [float(documents[t.path]["relevance"] or 0) for t in mine]
        relevant = [t.relevant for t in mine]
        stanced = [bool(documents[t.path]["stance"]) for t in mine]
        with_stance = sum(1 for r, s in zip(relevant, stanced) if r and s)
        without = sum(1 for r, s in zip(relevant, stanced) if not r and not s)
        report[name] = {**relevance_scores(scores, relevant, threshold),
                        "stance_kept": round(with_stance / max(sum(relevant), 1), 4),
                        "no_stance_off_topic": round(without / max(len(relevant) - sum(relevant), 1), 4)}
    languages = sorted((corpora / "languages").glob("*.txt"))
    pairs = [(p.name.split("-")[0], analysed(p).document["language"]) for p in languages]
    english = [("en", documents[t.path]["language"]) for t in texts]
    other_right = sum(g == p for g, p in pairs)
    english_right = sum(g == p for g, p in english)
    report["language"] = {
        "n": len(pairs) + len(english),
        "accuracy": round((other_right + english_right) / max(len(pairs) + len(english), 1), 4),
        "other_languages_accuracy": round(other_right / max(len(pairs), 1), 4),
        "english_accuracy": round(english_right / max(len(english), 1), 4),
        "wrong": [f"{p.name}: {got}" for p, (want, got) in zip(languages, pairs) if want != got]
                 + [f"{t.path.name}: {documents[t.path]['language']}" for t in texts if documents[t.path]["language"] != "en"],
    }
    return report


def format_mixed(report: dict) -> str:
    """The relevance and language report as text."""
    names = {"relevance_authored": "written by us (corpora/dev or stance test vs offtopic/written)",
             "relevance_real": "real (corpora/real vs GUM in corpora/offtopic)"}
    half = f", {report['split']} half" if report.get("split") else ""
    lines = [f"Relevance{half}: policy texts vs off-topic English texts",
             f"{'':58s} {'P':>6s} {'R':>6s} {'F1':>6s}  stance kept  no stance off-topic"]
    for key, name in names.items():
        r = report.get(key)
        if r:
            label = f"{name} ({r['n_relevant']}+{r['n_off_topic']})"
            lines.append(f"{label:58s} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}  "
                         f"{r['stance_kept']:11.3f}  {r['no_stance_off_topic']:19.3f}")
    lang = report["language"]
    lines += ["", f"Language (n={lang['n']}): accuracy {lang['accuracy']:.3f}; other languages "
                  f"{lang['other_languages_accuracy']:.3f}, English {lang['english_accuracy']:.3f}"]
    if lang["wrong"]:
        lines.append("wrong: " + "; ".join(lang["wrong"]))
    return "\n".join(lines)


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
        if key in {"per_document", "modality_confusion", "confusion", "wrong", "stance_calibration"}:
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


def format_report(report: dict, title: str = "Development set") -> str:
    """One report as text: entity and cooperation scores, the modality table, stance tables."""
    lines = [f"{title}: {report['documents']} documents"]
    if report.get("missing_texts"):
        lines.append(f"({len(report['missing_texts'])} texts not rebuilt and left out: see corpora/real/README.md)")
    lines += ["", f"{'':14s} {'P':>6s} {'R':>6s} {'F1':>6s}   extra"]
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
    if report.get("metadata"):
        meta = report["metadata"]
        lines += ["", "Header read right: " + ", ".join(
            f"{field} {meta[f'{field}_accuracy']:.3f} (of {meta['annotated'][field]})" for field in METADATA_FIELDS
            if f"{field}_accuracy" in meta)]
    lines += ["", "Cooperation modality (rows gold, columns predicted):",
              f"{'':14s}" + "".join(f"{m:>14s}" for m in MODALITIES)]
    for g in MODALITIES:
        lines.append(f"{g:14s}" + "".join(f"{report['cooperation']['modality_confusion'][g][p]:14d}" for p in MODALITIES))
    for key, name in (("stance_test", "Stance, corpora/stance test split"), ("stance_dev", "Stance, these documents"),
                      ("stance_commentary", "Stance, commentary only"), ("stance_other", "Stance, speeches, statements, news")):
        s = report.get(key)
        if not s:
            continue
        head = f"{name} (n={s['n']}): macro-F1 {s['macro_f1']:.3f}, accuracy {s['accuracy']:.3f}"
        if "target_accuracy" in s:
            head += f", main target right {s['target_accuracy']:.3f}"
        lines += ["", head, f"{'':12s} {'P':>6s} {'R':>6s} {'F1':>6s}"]
        for label in STANCE_LABELS:
            r = s[label]
            lines.append(f"{label:12s} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}")
        lines.append("confusion (rows gold): " + "; ".join(
            f"{g}: " + ", ".join(f"{p}={s['confusion'][g][p]}" for p in STANCE_LABELS) for g in STANCE_LABELS))
    if report.get("stance_calibration"):
        lines += ["", format_reliability(report["stance_calibration"])]
    return "\n".join(lines)


def format_reliability(table: dict) -> str:
    """A reliability table as text: does a stance confidence of 0.9 come true 90% of the time?"""
    lines = [f"Stance calibration (n={table['n']}, expected calibration error {table['ece']:.3f}):",
             f"{'confidence':12s} {'n':>4s} {'mean':>6s} {'right':>6s}"]
    for row in table["bins"]:
        if row["n"]:
            lines.append(f"{row['bin']:12s} {row['n']:4d} {row['mean_confidence']:6.3f} {row['accuracy']:6.3f}")
    return "\n".join(lines)


def format_side_by_side(authored: dict, real: dict) -> str:
    """The headline scores of the authored and the real development sets, side by side."""
    def cells(report: dict, key: str, field: str) -> str:
        value = report.get(key, {}).get(field)
        return f"{value:6.3f}" if isinstance(value, float) else f"{'-':>6s}"

    left = f"authored ({authored['documents']} docs)"
    right = f"real, {real.get('split', 'all')} ({real['documents']} docs)"
    lines = [f"{'':24s} {left:>20s}   {right:>20s}",
             f"{'':24s} {'P':>6s} {'R':>6s} {'F1':>6s}   {'P':>6s} {'R':>6s} {'F1':>6s}"]
    for key in ("actors", "places", "cooperation"):
        lines.append(f"{key:24s} " + " ".join(cells(authored, key, f) for f in ("precision", "recall", "f1"))
                     + "   " + " ".join(cells(real, key, f) for f in ("precision", "recall", "f1")))
    for key, field, name in (("metadata", "title_accuracy", "header: title right"), ("metadata", "author_accuracy", "header: author right"),
                             ("metadata", "published_accuracy", "header: date right"),
                             ("cooperation", "modality_accuracy", "cooperation modality"),
                             ("stance_dev", "macro_f1", "stance macro-F1"), ("stance_dev", "target_accuracy", "stance main target")):
        lines.append(f"{name:24s} {'':13s} {cells(authored, key, field)}   {'':13s} {cells(real, key, field)}")
    return "\n".join(lines)
