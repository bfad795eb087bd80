"""Quality gate: development-set scores must stay at or above the floors in corpora/baseline.json."""

import json

from policy_nlp.evaluate import check_baseline, run_evaluation

from .conftest import DEV, ROOT, STANCE


def test_scores_stay_above_their_floors(analyzer):
    report = run_evaluation(DEV, STANCE, analyzer=analyzer)
    floors = json.loads((ROOT / "corpora" / "baseline.json").read_text(encoding="utf-8"))
    assert check_baseline(report, floors) == []
