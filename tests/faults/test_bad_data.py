"""A knowledge-base row an analyst added that the tool cannot use: one plain line, exit 3."""

import shutil
from pathlib import Path

import pytest

import policy_nlp

from .conftest import assert_plain, cli, write_corpus


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_place_given_an_actor_type_stops_the_run_with_one_line(tmp_path, jobs):
    # A copy of the installed package whose places.csv calls Roraima a "state" (the type of
    # sovereign states, which stance targets count), run as a user would: the run stops
    # before any worker starts, names the file and the row, and writes nothing.
    package = tmp_path / "site" / "policy_nlp"
    shutil.copytree(Path(policy_nlp.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__"))
    places = package / "data" / "places.csv"
    text = places.read_text(encoding="utf-8")
    assert "\nRoraima,,province,BRA," in text
    places.write_text(text.replace("\nRoraima,,province,BRA,", "\nRoraima,,state,BRA,"), encoding="utf-8")
    corpus = write_corpus(tmp_path / "in", 3)
    out = tmp_path / "out"
    done = cli("analyze", corpus, "-o", out, "-j", jobs, env={"PYTHONPATH": str(tmp_path / "site")})
    assert done.returncode == 3, done.stderr
    assert_plain(done.stderr, lines=1)
    assert "places.csv" in done.stderr and "'Roraima'" in done.stderr
    assert not out.exists() or not [p for p in out.iterdir() if not p.name.startswith(".")]
