"""Time `policy-nlp analyze` against bare spaCy `nlp.pipe` with the same model, in one run.

Builds a corpus of N articles from the project's own corpora (stance documents and the
development set, cycled with numbered copies so that files differ), then measures whole
processes, each started from this script so that they run one after the other on the
same machine:

* bare spaCy: load the model, ``nlp.pipe`` over the texts, nothing else;
* ``policy-nlp analyze --jobs 1`` and, unless ``--no-parallel``, ``--jobs 2``;
* with ``--cluster``, ``analyze --scheduler`` on a scheduler and two single-threaded
  workers started beforehand with the ``dask scheduler`` and ``dask worker`` commands on
  127.0.0.1, as the README starts them (``--preload policy_nlp.cluster``: the pipeline is
  loaded when the workers start, not by the timed run), and ``--scheduler local -j 2``,
  which starts its own cluster and loads the pipeline in the timed run;
* a second ``analyze`` into the same output folder (the incremental re-run).

With ``--long-mb M`` it also times one file of M megabytes (the corpus's texts joined),
whose chunks the workers parse in parallel, with ``-j 1``, ``-j 2`` and (with
``--cluster``) the scheduler.

It prints words per second, the bare/analyze time ratio and peak memory (max RSS of the
process), for every corpus size given. Shared machines drift by 20% or more from minute
to minute, so ``--repeat N`` measures every pair N times, interleaved, and reports the
median with the range.

Usage: python benchmarks/benchmark.py [--sizes 60 500] [--repeat 3] [--article-words 1000]
                                     [--model NAME] [--no-parallel] [--cluster] [--long-mb 4]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import shutil
import socket
import statistics
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


def build_corpus(folder: Path, size: int, article_words: int = 0) -> int:
    """Write ``size`` article files into ``folder``; return their word count.

    Our stance documents are short (about 250 words); with ``article_words`` each file
    joins consecutive sources until it has at least that many words, the length of a
    typical think-tank article (the shared seed has 1,320).
    """
    sources = []
    for path in sorted((ROOT / "corpora" / "stance" / "docs").glob("*.txt")):
        head, _, body = path.read_text(encoding="utf-8").partition("\n---\n")
        title = next((line[6:].strip() for line in head.splitlines() if line.startswith("title:")), "")
        sources.append(f"{title}\n\n{body.strip()}\n")
    sources += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "corpora" / "dev").glob("*.txt"))]
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    k = 0
    for i in range(size):
        parts, count = [], 0
        while not parts or count < article_words:
            text = sources[(k * 7) % len(sources)]  # a spread of lengths and genres
            k += 1
            parts.append(text)
            count += len(re.findall(r"\w+", text))
        (folder / f"article_{i:05d}.txt").write_text("\n".join(parts), encoding="utf-8")
        words += count
    return words


def build_long_file(folder: Path, megabytes: float) -> int:
    """Write one text of about ``megabytes`` MB (our texts joined, paragraphs kept) into
    ``folder``; return its word count."""
    sources = [p.read_text(encoding="utf-8").strip() for p in sorted((ROOT / "corpora" / "dev").glob("*.txt"))]
    sources += [p.read_text(encoding="utf-8").partition("\n---\n")[2].strip()
                for p in sorted((ROOT / "corpora" / "stance" / "docs").glob("*.txt"))]
    parts, size, k = ["A long report"], 0, 0
    while size < megabytes * 1_000_000:
        parts.append(sources[(k * 7) % len(sources)])
        size += len(parts[-1].encode("utf-8")) + 2
        k += 1
    folder.mkdir(parents=True, exist_ok=True)
    text = "\n\n".join(parts) + "\n"
    (folder / "report.txt").write_text(text, encoding="utf-8")
    return len(re.findall(r"\w+", text))


@contextlib.contextmanager
def dask_cluster(workers: int = 2):
    """A scheduler and ``workers`` single-threaded workers started with the ``dask``
    commands on free loopback ports, as a user starts them; stopped afterwards."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    dask = [sys.executable, "-m", "dask"]
    processes = [subprocess.Popen([*dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)]
    processes += [subprocess.Popen([*dask, "worker", address, "--host", "127.0.0.1", "--nthreads", "1",
                                    "--no-dashboard", "--preload", "policy_nlp.cluster"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                  for _ in range(workers)]
    try:
        from distributed import Client

        with Client(address, timeout=60) as client:
            client.wait_for_workers(workers, timeout=60)
        yield address
    finally:
        for process in processes[::-1]:
            process.terminate()
            process.wait(timeout=30)


def identical(a: Path, b: Path) -> bool:
    return all((a / f"{t}.csv").read_bytes() == (b / f"{t}.csv").read_bytes()
               for t in ("documents", "mentions", "entities", "cooperation", "dyads", "targets"))


def measure(command: list[str]) -> tuple[float, float]:
    """Wall-clock seconds and peak memory (MiB) of one whole process."""
    out = subprocess.run([sys.executable, "-c", MEASURE, *command], check=True, capture_output=True, text=True)
    seconds, maxrss_kib = out.stdout.split()
    return float(seconds), int(maxrss_kib) / 1024


def run_once(corpus: Path, out: Path, analyze: list[str], model: str, parallel: bool,
             scheduler: str | None = None) -> dict:
    """One round of measurements on ``corpus``: bare spaCy, -j 1, the re-run, -j 2, and
    on ``scheduler`` and a local Dask cluster of two workers."""
    if out.exists():
        shutil.rmtree(out)
    bare_s, bare_mb = measure([sys.executable, "-c", BARE, model, str(corpus)])
    out1, out2 = out / "j1", out / "j2"
    one_s, one_mb = measure([*analyze, "analyze", str(corpus), "-o", str(out1), "-j", "1", "-q", "--model", model])
    rerun_s, _ = measure([*analyze, "analyze", str(corpus), "-o", str(out1), "-j", "1", "-q", "--model", model])
    row = {"bare_s": bare_s, "bare_mb": bare_mb, "j1_s": one_s, "j1_mb": one_mb, "rerun_s": rerun_s}
    if parallel:
        two_s, two_mb = measure([*analyze, "analyze", str(corpus), "-o", str(out2), "-j", "2", "-q", "--model", model])
        same = all((out1 / f"{t}.csv").read_bytes() == (out2 / f"{t}.csv").read_bytes()
                   for t in ("documents", "mentions", "entities", "cooperation"))
        row.update({"j2_s": two_s, "j2_mb": two_mb, "j2_identical": same})
    if scheduler:
        for name, flags in (("dask", ["--scheduler", scheduler]), ("local", ["--scheduler", "local", "-j", "2"])):
            seconds, _ = measure([*analyze, "analyze", str(corpus), "-o", str(out / name), "-q", "--model", model,
                                  *flags])
            row.update({f"{name}_s": seconds, f"{name}_identical": identical(out1, out / name)})
    return row


def long_file(folder: Path, out: Path, analyze: list[str], model: str, megabytes: float,
              scheduler: str | None) -> dict:
    """Times of one long file with one worker, two, the two Dask workers at ``scheduler`` and
    (with a scheduler) a Dask cluster of one worker started for it."""
    words = build_long_file(folder, megabytes)
    row: dict = {"long_file_mb": megabytes, "words": words}
    runs = [("j1", ["-j", "1"]), ("j2", ["-j", "2"])] + ([("dask", ["--scheduler", scheduler])] if scheduler else [])

    def run(name: str, flags: list[str]) -> None:
        seconds, peak = measure([*analyze, "analyze", str(folder), "-o", str(out / name), "-q", "--model", model, *flags])
        row.update({f"{name}_s": round(seconds, 1), f"{name}_peak_mib": round(peak)})
        if name != "j1":
            row.update({f"{name}_speedup": round(row["j1_s"] / seconds, 2), f"{name}_identical": identical(out / "j1", out / name)})

    for name, flags in runs:
        run(name, flags)
    if scheduler:
        with dask_cluster(1) as one:
            run("dask1", ["--scheduler", one])
        row["dask_over_dask1"] = round(row["dask1_s"] / row["dask_s"], 2)
    return row


def summary(values: list[float], digits: int = 2) -> dict:
    return {"median": round(statistics.median(values), digits), "min": round(min(values), digits),
            "max": round(max(values), digits)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[60, 500])
    parser.add_argument("--repeat", type=int, default=1, help="rounds per size (median and range reported)")
    parser.add_argument("--article-words", type=int, default=0,
                        help="join sources into articles of at least this many words (default: as written)")
    parser.add_argument("--model", default=None)
    parser.add_argument("--no-parallel", action="store_true")
    parser.add_argument("--cluster", action="store_true",
                        help="also time --scheduler on two dask workers started here (needs policy-nlp[dask])")
    parser.add_argument("--long-mb", type=float, default=0, help="also time one long file of this many MB")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from policy_nlp.pipeline import resolve_model_name

    model = resolve_model_name(args.model)
    cli = shutil.which("policy-nlp")
    analyze = [cli] if cli else [sys.executable, "-m", "policy_nlp"]
    rows = []
    with tempfile.TemporaryDirectory() as tmp, (dask_cluster() if args.cluster else contextlib.nullcontext()) as scheduler:
        if args.long_mb:
            print(json.dumps(long_file(Path(tmp) / "long", Path(tmp) / "long-out", analyze, model, args.long_mb,
                                       scheduler)), flush=True)
        for size in args.sizes:
            corpus = Path(tmp) / f"corpus{size}"
            words = build_corpus(corpus, size, args.article_words)
            rounds = [run_once(corpus, Path(tmp) / f"out{size}", analyze, model, not args.no_parallel, scheduler)
                      for _ in range(args.repeat)]
            ratio = [r["bare_s"] / r["j1_s"] for r in rounds]
            row = {"articles": size, "words": words, "article_words": args.article_words, "rounds": len(rounds),
                   "bare_spacy_s": summary([r["bare_s"] for r in rounds]),
                   "analyze_j1_s": summary([r["j1_s"] for r in rounds]),
                   "bare_over_analyze": summary(ratio, 3),
                   "bare_words_per_s": round(words / statistics.median(r["bare_s"] for r in rounds)),
                   "analyze_words_per_s": round(words / statistics.median(r["j1_s"] for r in rounds)),
                   "bare_peak_mib": round(max(r["bare_mb"] for r in rounds)),
                   "analyze_peak_mib": round(max(r["j1_mb"] for r in rounds)),
                   "rerun_speedup": summary([r["j1_s"] / r["rerun_s"] for r in rounds], 1)}
            if not args.no_parallel:
                row.update({"analyze_j2_s": summary([r["j2_s"] for r in rounds]),
                            "j2_speedup": summary([r["j1_s"] / r["j2_s"] for r in rounds]),
                            "analyze_j2_peak_mib": round(max(r["j2_mb"] for r in rounds)),
                            "j2_output_identical": all(r["j2_identical"] for r in rounds)})
            for name in ("dask", "local") if scheduler else ():
                row.update({f"analyze_{name}_s": summary([r[f"{name}_s"] for r in rounds]),
                            f"{name}_speedup": summary([r["j1_s"] / r[f"{name}_s"] for r in rounds]),
                            f"{name}_output_identical": all(r[f"{name}_identical"] for r in rounds)})
            rows.append(row)
            print(json.dumps(row), flush=True)
    if len(rows) >= 2:
        print(json.dumps({"peak_memory_ratio": round(rows[-1]["analyze_peak_mib"] / rows[0]["analyze_peak_mib"], 3),
                          "between_sizes": [rows[0]["articles"], rows[-1]["articles"]]}))


if __name__ == "__main__":
    main()
