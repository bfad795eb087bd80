"""Quality gate: development-set scores must stay at or above the floors in corpora/baseline.json."""

import json

from policy_nlp.evaluate import check_baseline, mixed_evaluation, run_evaluation

from .conftest import DEV, ROOT, STANCE


def test_scores_stay_above_their_floors(analyzer):
    # As `policy-nlp evaluate --baseline` checks them: the authored set, and relevance and
    # language on our own texts of the mixed set (dev half).
    seen: dict = {}
    report = run_evaluation(DEV, STANCE, analyzer=analyzer, seen=seen)
    mixed = mixed_evaluation(ROOT / "corpora", analyzer, "dev", sets=("relevance_authored",), seen=seen)
    report.update(relevance_authored=mixed["relevance_authored"], language=mixed["language"])
    floors = json.loads((ROOT / "corpora" / "baseline.json").read_text(encoding="utf-8"))
    assert check_baseline(report, floors) == []
