"""Make the README's picture of the report: analyse corpora/samples with --report, open the
page in headless Chromium (offline) and save the top of it as a PNG.

Usage: python scripts/report_screenshot.py [--run OUT] [--output docs/report.png]

Needs the report extra (pip install '.[report]') and Chromium (Debian's chromium package).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
#: The window the page is drawn in, and the width of the saved picture.
WINDOW, WIDTH = (1280, 2300), 960


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--run", type=Path, help="an output folder that already has report.html "
                                                 "(default: analyse corpora/samples into a temporary folder)")
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "report.png")
    args = parser.parse_args()
    browser = next((path for path in map(shutil.which, BROWSERS) if path), None)
    if browser is None:
        print("no Chromium found: install Debian's chromium package", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        run = args.run
        if run is None:
            run = Path(tmp) / "out"
            subprocess.run([sys.executable, "-m", "policy_nlp", "analyze", str(ROOT / "corpora" / "samples"),
                            "-o", str(run), "-j", "1", "-q", "--report"], check=True)
        shot = Path(tmp) / "shot.png"
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--host-resolver-rules=MAP * ~NOTFOUND", "--hide-scrollbars",
                        f"--user-data-dir={Path(tmp) / 'profile'}", f"--window-size={WINDOW[0]},{WINDOW[1]}",
                        "--virtual-time-budget=5000", f"--screenshot={shot}", (run / "report.html").resolve().as_uri()],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        image = Image.open(shot).convert("RGB")
        image = image.resize((WIDTH, round(image.height * WIDTH / image.width)), Image.LANCZOS)
        args.output.parent.mkdir(parents=True, exist_ok=True)
        image.save(args.output, optimize=True)
    print(f"wrote {args.output} ({args.output.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
