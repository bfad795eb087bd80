"""An output folder that cannot be written: a full disk, a file-size limit, read-only."""

from __future__ import annotations

import ctypes
import os
import resource
import shutil
import signal
import subprocess
import sys

import pytest

from .conftest import assert_plain, cli, copy_run, final_files, partials


def limit_file_size(limit: int):
    """A preexec_fn: files the process writes may not exceed ``limit`` bytes, and a write
    past it fails with EFBIG instead of killing the process with SIGXFSZ."""
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_a_file_size_limit_hit_while_writing(corpus, tmp_path):
    """Writes fail part-way through (a file-size limit, as on quota-managed systems): the
    user sees a warning that the cache cannot be written and one line naming the table and
    the reason, and exit status 2. Kept: no file under a final name, no temporary file."""
    out = tmp_path / "out"
    result = cli("analyze", corpus, "-o", out, "-j", "2", preexec_fn=limit_file_size(16_000))
    assert result.returncode == 2, result.stderr
    assert_plain(result.stderr)
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("Error: cannot write ") and "file-size limit" in last and "no output file was replaced" in last
    assert final_files(out) == {} and not partials(out)


def _user_namespaces() -> bool:
    if not shutil.which("unshare"):
        return False
    probe = subprocess.run(["unshare", "-Urm", "true"], capture_output=True)
    return probe.returncode == 0


FULL_DISK = r"""
set -u
mount -t tmpfs -o size=1m tmpfs "$MNT" || exit 97
cp -a "$PREV" "$MNT/out"
# Fill the disk, then give back 32 KiB: enough to start, not enough to finish.
dd if=/dev/zero of="$MNT/filler" bs=4096 2>/dev/null
truncate -s -32K "$MNT/filler"
"$PY" -m policy_nlp analyze "$IN" -o "$MNT/out" -j 2 --force >"$HOST/stdout1" 2>"$HOST/stderr1"
echo $? >"$HOST/status1"
cp -a "$MNT/out" "$HOST/after1"
# Now full to the last byte: the run cannot even start.
dd if=/dev/zero of="$MNT/filler2" bs=4096 2>/dev/null
"$PY" -m policy_nlp analyze "$IN" -o "$MNT/out" -j 2 --force >"$HOST/stdout2" 2>"$HOST/stderr2"
echo $? >"$HOST/status2"
cp -a "$MNT/out" "$HOST/after2"
"""


@pytest.mark.skipif(not _user_namespaces(), reason="needs unshare and user namespaces (a private tmpfs)")
def test_a_full_disk_while_writing_and_at_the_start(corpus, clean_run, tmp_path):
    """A real full disk (a 1 MiB tmpfs mounted in a private namespace) under a folder that
    holds an earlier run. Filling up during the run: the user sees a warning about the
    cache and one line, "cannot write .../mentions.csv: the disk is full; no output file
    was replaced", exit status 2. Full before the run starts: one line, exit 2, before any
    model is loaded. Kept both times: the earlier run's files, byte for byte, and no
    temporary file."""
    mnt, host = tmp_path / "mnt", tmp_path / "host"
    mnt.mkdir()
    host.mkdir()
    prev = copy_run(clean_run, tmp_path / "prev")
    env = {**os.environ, "MNT": str(mnt), "HOST": str(host), "PREV": str(prev), "IN": str(corpus),
           "PY": sys.executable}
    done = subprocess.run(["unshare", "-Urm", "sh", "-c", FULL_DISK], env=env, capture_output=True, text=True,
                          timeout=600)
    if done.returncode == 97:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr}")
    before = final_files(prev)
    for n, lines in (("1", 2), ("2", 1)):
        stderr = (host / f"stderr{n}").read_text()
        assert (host / f"status{n}").read_text().strip() == "2", stderr
        assert_plain(stderr, lines=lines)
        last = stderr.strip().splitlines()[-1]
        assert "the disk is full" in last and "no output file was replaced" in last, stderr
        assert final_files(host / f"after{n}") == before
        assert not partials(host / f"after{n}")


def _without_root_overrides():
    """A preexec_fn for root: drop the capabilities that let root write where the mode
    bits say no, so that a read-only folder is read-only for the child too."""
    libc = ctypes.CDLL(None, use_errno=True)

    def apply() -> None:
        for cap in (1, 2, 3):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER
            if libc.prctl(24, cap, 0, 0, 0) != 0:  # PR_CAPBSET_DROP
                raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")
    return apply


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="read-only for root needs Linux capabilities")
def test_a_read_only_output_folder(corpus, clean_run, tmp_path):
    """An output folder the user may not write (an earlier run's, now read-only), and one
    to be created in a read-only folder: the user sees one line, "cannot write ...: no
    permission to write there; no output file was replaced", exit status 2, before any
    model is loaded. Kept: the earlier run's files, byte for byte."""
    out = copy_run(clean_run, tmp_path / "out")
    before = final_files(out)
    parent = tmp_path / "locked"
    parent.mkdir()
    preexec = _without_root_overrides() if os.geteuid() == 0 else None
    os.chmod(out, 0o555)
    os.chmod(parent, 0o555)
    try:
        for target in (out, parent / "out"):
            result = cli("analyze", corpus, "-o", target, "-j", "2", preexec_fn=preexec)
            assert result.returncode == 2, result.stderr
            assert_plain(result.stderr, lines=1)
            assert "no permission to write there" in result.stderr and "no output file was replaced" in result.stderr
    finally:
        os.chmod(out, 0o755)
        os.chmod(parent, 0o755)
    assert final_files(out) == before and not partials(out)
    assert not (parent / "out").exists()


def test_a_folder_in_place_of_an_output_file(corpus, clean_run, tmp_path):
    """A folder where ``mentions.csv`` should go (an earlier run's files moved about by hand):
    one line saying so, exit status 2, before any model is loaded. Kept: every other file
    of the earlier run, untouched, and the folder."""
    out = copy_run(clean_run, tmp_path / "out")
    (out / "mentions.csv").unlink()
    (out / "mentions.csv").mkdir()
    before = final_files(out)
    result = cli("analyze", corpus, "-o", out, "-j", "2")
    assert result.returncode == 2, result.stderr
    assert_plain(result.stderr, lines=1)
    assert "mentions.csv: a folder has the name of this output file" in result.stderr
    assert final_files(out) == before and (out / "mentions.csv").is_dir() and not partials(out)
