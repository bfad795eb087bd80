"""Run ``policy-nlp`` with one fault injected at a precise moment, in this process only.

    python tests/faults/inject.py FAULT analyze FOLDER -o OUT ...

Some faults depend on timing that a test cannot hit from outside (a file that disappears
between the listing of the folder and its reading) or need a bug the code does not have.
This wrapper makes them happen at that moment, then runs the real command line with the
real pipeline. The file named by ``FAULT_FILE`` is the one the fault concerns.

Faults:
    vanish   -- FAULT_FILE is deleted just after the folder is listed.
    change   -- FAULT_FILE is rewritten with FAULT_TEXT after the cache has been consulted
                and before the file is analysed.
    bug      -- an unexpected exception (a RuntimeError) when the run reads its versions.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def main() -> None:
    fault, args = sys.argv[1], sys.argv[2:]
    from policy_nlp import run

    target = Path(os.environ.get("FAULT_FILE", ""))
    if fault == "vanish":
        real_list_files = run.list_files

        def list_then_delete(*a, **k):
            listing = real_list_files(*a, **k)
            target.unlink()
            return listing

        run.list_files = list_then_delete
    elif fault == "change":
        real_analyze = run.analyze

        def change_then_analyze(*a, **k):
            target.write_text(os.environ["FAULT_TEXT"], encoding="utf-8")
            return real_analyze(*a, **k)

        run.analyze = change_then_analyze
    elif fault == "bug":
        def broken_versions(*a, **k):
            raise RuntimeError("injected fault: a bug in reading versions")

        run.versions = broken_versions
    else:
        raise SystemExit(f"unknown fault {fault!r}")
    from policy_nlp.cli import main as cli

    cli(args, prog_name="policy-nlp")


if __name__ == "__main__":
    main()
