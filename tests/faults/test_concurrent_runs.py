"""Two runs into one output folder: a second terminal, an overlapping cron job."""

from __future__ import annotations

import json
import os
import signal

from .conftest import assert_complete, assert_plain, cli, partials, start, tables, wait_for

LOCK = ".policy-nlp.lock"


def holder(out):
    try:
        return json.loads((out / LOCK).read_text())["pid"]
    except (OSError, ValueError, KeyError):
        return None


def test_a_second_run_stops_and_names_the_first_and_a_waiting_run_follows_it(corpus, clean_run, tmp_path):
    """While one run writes into a folder, a second run into the same folder sees one line
    naming the process that holds it ("... is in use by another policy-nlp run (process
    1234, started ...); wait for it to finish, add --wait ...") and exits 2 without
    touching a file. A third run with --wait says it is waiting, starts when the first
    ends, and re-uses its results. Kept: the first run's outputs, complete and identical
    to an uninterrupted run's; then the third run's, identical again."""
    out = tmp_path / "out"
    first = start("analyze", corpus, "-o", out, "-j", "1")
    wait_for(lambda: holder(out) == first.pid, "the first run to take the folder")
    os.killpg(first.pid, signal.SIGSTOP)  # holds the folder for as long as the test needs
    try:
        second = cli("analyze", corpus, "-o", out, "-j", "1")
        assert second.returncode == 2, second.stderr
        assert_plain(second.stderr, lines=1)
        assert f"process {first.pid}" in second.stderr and "--wait" in second.stderr
        assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == []

        log = tmp_path / "third.log"
        with open(log, "w") as fh:
            third = start("analyze", corpus, "-o", out, "-j", "1", "--wait", stderr=fh)
        wait_for(lambda: "waiting for another run" in log.read_text(), "the third run to wait")
        assert third.poll() is None
    finally:
        os.killpg(first.pid, signal.SIGCONT)
    first_out, first_err = first.communicate(timeout=300)
    assert first.returncode == 0, first_err
    third.communicate(timeout=300)
    assert third.returncode == 0, log.read_text()
    said = log.read_text()
    assert_plain(said, lines=2)
    assert f"process {first.pid}" in said and "(30 from cache)" in said
    assert_complete(out, 30)
    assert tables(out) == tables(clean_run) and not partials(out)
