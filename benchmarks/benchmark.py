"""Time `policy-nlp analyze` against bare spaCy `nlp.pipe` with the same model, in one run.

Builds a corpus of N articles from the project's own corpora (stance documents and the
development set, cycled with numbered copies so that files differ), then measures whole
processes, each started from this script so that they run one after the other on the
same machine:

* bare spaCy: load the model, ``nlp.pipe`` over the texts, nothing else;
* ``policy-nlp analyze --jobs 1`` and, unless ``--no-parallel``, ``--jobs 2``;
* a second ``analyze`` into the same output folder (the incremental re-run).

It prints words per second, the bare/analyze time ratio and peak memory (max RSS of the
process), for every corpus size given.

Usage: python benchmarks/benchmark.py [--sizes 60 500] [--model NAME] [--no-parallel]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import sys, pathlib, spacy
nlp = spacy.load(sys.argv[1])
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[2]).glob("*.txt"))]
n = sum(len(doc) for doc in nlp.pipe(texts))
print(n)
"""

MEASURE = """
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
seconds = time.perf_counter() - start
print(seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""


def build_corpus(folder: Path, size: int) -> int:
    """Write ``size`` article files into ``folder``; return their word count."""
    sources = []
    for path in sorted((ROOT / "corpora" / "stance" / "docs").glob("*.txt")):
        head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
        title = next((line[6:].strip() for line in head.splitlines() if line.startswith("title:")), "")
        sources.append(f"{title}\n\n{body.strip()}\n")
    sources += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpora" / "dev").glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for i in range(size):
        text = sources[(i * 7) % len(sources)]  # a spread of lengths and genres
        (folder / f"article_{i:05d}.txt").write_text(text, encoding="utf-8")
        words += len(re.findall(r"\w+", text))
    return words


def measure(command: list[str]) -> tuple[float, float]:
    """Wall-clock seconds and peak memory (MiB) of one whole process."""
    out = subprocess.run([sys.executable, "-c", MEASURE, *command], check=True, capture_output=True, text=True)
    seconds, maxrss_kib = out.stdout.split()
    return float(seconds), int(maxrss_kib) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[60, 500])
    parser.add_argument("--model", default=None)
    parser.add_argument("--no-parallel", action="store_true")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from policy_nlp.pipeline import resolve_model_name

    model = resolve_model_name(args.model)
    cli = shutil.which("policy-nlp")
    analyze = [cli] if cli else [sys.executable, "-m", "policy_nlp"]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            corpus = Path(tmp) / f"corpus{size}"
            words = build_corpus(corpus, size)
            bare_s, bare_mb = measure([sys.executable, "-c", BARE, model, str(corpus)])
            out1 = Path(tmp) / f"out{size}_1"
            one_s, one_mb = measure([*analyze, "analyze", str(corpus), "-o", str(out1), "-j", "1", "-q", "--model", model])
            rerun_s, _ = measure([*analyze, "analyze", str(corpus), "-o", str(out1), "-j", "1", "-q", "--model", model])
            row = {"articles": size, "words": words, "bare_spacy_s": round(bare_s, 2),
                   "analyze_j1_s": round(one_s, 2), "bare_over_analyze": round(bare_s / one_s, 3),
                   "bare_words_per_s": round(words / bare_s), "analyze_words_per_s": round(words / one_s),
                   "bare_peak_mib": round(bare_mb), "analyze_peak_mib": round(one_mb),
                   "rerun_s": round(rerun_s, 2), "rerun_speedup": round(one_s / rerun_s, 1)}
            if not args.no_parallel:
                out2 = Path(tmp) / f"out{size}_2"
                two_s, two_mb = measure([*analyze, "analyze", str(corpus), "-o", str(out2), "-j", "2", "-q",
                                         "--model", model])
                same = all((out1 / f"{t}.csv").read_bytes() == (out2 / f"{t}.csv").read_bytes()
                           for t in ("documents", "mentions", "entities", "cooperation"))
                row.update({"analyze_j2_s": round(two_s, 2), "j2_speedup": round(one_s / two_s, 2),
                            "analyze_j2_peak_mib": round(two_mb), "j2_output_identical": same})
            rows.append(row)
            print(json.dumps(row), flush=True)
    if len(rows) >= 2:
        print(json.dumps({"peak_memory_ratio": round(rows[-1]["analyze_peak_mib"] / rows[0]["analyze_peak_mib"], 3),
                          "between_sizes": [rows[0]["articles"], rows[-1]["articles"]]}))


if __name__ == "__main__":
    main()
