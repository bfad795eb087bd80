"""Shared fixtures: the real pipeline and stance model, loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from policy_nlp.analysis import AnalysisOptions, Analyzer

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "corpora" / "samples"
DEV = ROOT / "corpora" / "dev"
STANCE = ROOT / "corpora" / "stance"


@pytest.fixture(scope="session")
def analyzer() -> Analyzer:
    return Analyzer(AnalysisOptions(sentences=True))


@pytest.fixture(scope="session")
def nlp(analyzer):
    return analyzer.nlp


@pytest.fixture()
def blank_nlp():
    return spacy.blank("en")


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def samples_run(analyzer, tmp_path_factory) -> Path:
    """The samples analysed once, with the workbook and the report: the output folder."""
    from policy_nlp.run import run_analysis

    out = tmp_path_factory.mktemp("samples") / "out"
    run_analysis(SAMPLES, out, AnalysisOptions(sentences=True), jobs=1, analyzer=analyzer, xlsx=True, report=True)
    return out
