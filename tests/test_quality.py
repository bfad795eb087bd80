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


def test_two_cooperation_mentions_in_one_sentence_are_two_hits(analyzer, tmp_path):
    # The scorer matches each predicted row to one gold mention: the two triggers of one
    # sentence meet the two mentions annotated in it (it used to count the first twice and
    # miss the second); a row whose sentence holds no gold mention is a false positive.
    from policy_nlp.evaluate import score_document

    text = ("France and Germany signed a trade agreement and launched a joint research programme on batteries.\n\n"
            "Italy and Spain held a joint naval exercise in the Mediterranean.\n")
    path = tmp_path / "two.txt"
    path.write_text(text, encoding="utf-8")
    result = analyzer.analyze_path(path, tmp_path)
    assert len(result.cooperation) == 3
    gold = {"actors": [], "places": [], "cooperation": [
        {"anchor": "signed a trade agreement", "domains": ["economic"], "modality": ["actual"], "participants": []},
        {"anchor": "launched a joint research programme", "domains": ["science"], "modality": ["actual"], "participants": []},
    ]}
    scores = score_document(result, gold)["cooperation"]
    assert (scores["tp"], scores["fn"], scores["fp"]) == (2, 0, 1)


def test_each_cooperation_row_is_scored_against_the_mention_that_holds_its_trigger(analyzer, tmp_path):
    # The gold mentions of a sentence are listed in any order; a row is compared with the
    # mention whose anchor holds its trigger, so each clause's modality is judged on its own.
    from policy_nlp.evaluate import score_document

    path = tmp_path / "clauses.txt"
    path.write_text("The weather was mild that year.\n\nFrance refused further aid to Mali, but Germany signed a "
                    "trade agreement with Mali.\n", encoding="utf-8")
    result = analyzer.analyze_path(path, tmp_path)
    rows = {c["trigger"]: c["modality"] for c in result.cooperation}
    assert rows == {"further aid": "negated", "trade agreement": "actual"}, rows
    gold = {"actors": [], "places": [], "cooperation": [
        {"anchor": "Germany signed a trade agreement with Mali", "domains": ["economic"], "modality": ["actual"],
         "participants": []},
        {"anchor": "France refused further aid to Mali", "domains": ["humanitarian"], "modality": ["negated"],
         "participants": []},
    ]}
    details = score_document(result, gold)["cooperation"]["details"]
    assert sorted((d["anchor"][:7], d["modality_ok"]) for d in details) == [("France ", True), ("Germany", True)]
