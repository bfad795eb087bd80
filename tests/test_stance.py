"""The shipped stance model: card checks, refusal of foreign models, training determinism."""

import json
import shutil

import numpy as np
import pytest

from policy_nlp.stance.corpus import LABELS, model_input, read_corpus, relief_words
from policy_nlp.stance.model import CARD_FILE, MODEL_FILE, StanceModelError, default_model_dir, load_stance_model, soften
from policy_nlp.stance.targets import DiscussedState, counterpart_states, discussed_states, main_target, speaker_states
from policy_nlp.stance.training import fit_temperature, train

from .conftest import STANCE


def _analyse(analyzer, tmp_path, name: str, text: str):
    """Write ``text`` to ``name`` and analyse it."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return analyzer.analyze_path(path, tmp_path)


def test_a_coercive_measure_lifted_is_a_word_of_its_own_for_the_classifier():
    assert relief_words("President Trump is terminating the Syria sanctions program.") == \
        "President Trump is terminating the Syria sanctionsrelief program."
    assert relief_words("China lifts tariffs on soybeans; Russia eased the blockade.") == \
        "China lifts tariffsrelief on soybeans; Russia eased the blockaderelief."
    for text in ("The EU imposed new sanctions on Iran.", "Lifting the ban on exports of sanctions-busting goods."):
        assert relief_words(text) == text
    assert model_input("Sanctions lifted", "Washington will lift sanctions.").endswith("lift sanctionsrelief.")
    model = load_stance_model()
    # what the classifier learnt from the training texts, and what it is given at analysis
    assert "sanctionsrelief" in model.scorer.vocabulary
    assert np.allclose(model.predict_proba(["Washington will lift sanctions on Syria."]),
                       model.predict_proba(["Washington will lift sanctionsrelief on Syria."]))


def test_shipped_model_loads_and_its_card_describes_it():
    model = load_stance_model()
    card = model.card
    assert sorted(card["labels"]) == sorted(LABELS)
    assert set(card["cross_validation"]) and card["design"] in card["cross_validation"]
    assert card["n_test"] > 0 and card["test"]["macro_f1"] >= 0.85


def test_the_corpus_is_balanced_and_covers_many_targets():
    examples = read_corpus(STANCE)
    assert len(examples) >= 600
    by_label = {label: sum(e.label == label for e in examples) for label in LABELS}
    assert max(by_label.values()) - min(by_label.values()) <= len(examples) * 0.05
    assert len({e.target for e in examples}) >= 12
    test = [e for e in examples if e.split == "test"]
    assert 0.1 < len(test) / len(examples) < 0.3


@pytest.fixture()
def model_copy(tmp_path):
    folder = tmp_path / "model"
    shutil.copytree(default_model_dir(), folder)
    return folder


def test_model_from_another_sklearn_version_is_refused(model_copy):
    card = json.loads((model_copy / CARD_FILE).read_text())
    card["sklearn_version"] = "0.24.2"
    (model_copy / CARD_FILE).write_text(json.dumps(card))
    with pytest.raises(StanceModelError, match="scikit-learn 0.24.2"):
        load_stance_model(model_copy)


def test_model_whose_hash_does_not_match_is_refused(model_copy):
    with open(model_copy / MODEL_FILE, "ab") as fh:
        fh.write(b"tampered")
    with pytest.raises(StanceModelError, match="does not match"):
        load_stance_model(model_copy)


def test_training_is_deterministic(tmp_path):
    examples = read_corpus(STANCE)
    subset = [e for e in examples if e.target in {"PRK", "CUB", "SYR"}]
    first = train(subset, tmp_path / "a")
    second = train(subset, tmp_path / "b")
    assert first["cross_validation"] == second["cross_validation"]
    assert first["test"] == second["test"]
    assert first["model_sha256"] == second["model_sha256"] and first["linear_sha256"] == second["linear_sha256"]
    a, b = load_stance_model(tmp_path / "a"), load_stance_model(tmp_path / "b")
    texts = [e.text for e in subset[:10]]
    assert (a.predict_proba(texts) == b.predict_proba(texts)).all()
    # Training again over a card keeps the design comparisons measured on real text by
    # scripts/stance_designs_real.py and stance_embedding_real.py (they are about designs,
    # not this model file) and drops
    # what belongs to the old model file.
    card_path = tmp_path / "a" / CARD_FILE
    card = json.loads(card_path.read_text())
    card["real_dev_target_aware"] = {"document": {"macro_f1": 0.8}}
    card["real_dev_embedding"] = {"embedding": {"macro_f1": 0.7}}
    card["calibration_real"] = {"model_sha256": "old"}
    card_path.write_text(json.dumps(card))
    again = train(subset, tmp_path / "a")
    assert again["real_dev_target_aware"] == {"document": {"macro_f1": 0.8}} and "calibration_real" not in again
    assert again["real_dev_embedding"] == {"embedding": {"macro_f1": 0.7}}


def test_document_prediction_has_target_evidence_and_sentence_scores(analyzer, samples_dir):
    result = analyzer.analyze_path(samples_dir / "venezuela_sanctions.txt", samples_dir)
    doc = result.document
    assert doc["stance_target"] == "VEN"
    assert 1 <= len(doc["stance_evidence"].split(" | ")) <= 3
    assert result.sentences and all(abs(float(s["p_engagement"]) + float(s["p_pressure"]) + float(s["p_neutral"]) - 1) < 1e-3
                                    for s in result.sentences)


def test_numpy_form_gives_the_pipelines_probabilities():
    import joblib
    import numpy as np

    from policy_nlp.stance.corpus import model_input
    from policy_nlp.stance.linear import LinearStance

    folder = default_model_dir()
    card = json.loads((folder / CARD_FILE).read_text())
    assert card["linear"], "the shipped design has a numpy form"
    pipeline = joblib.load(folder / MODEL_FILE)
    linear = LinearStance.load(folder / card["linear"])
    texts = [model_input(e.title, e.text) for e in read_corpus(STANCE)[::7]] + ["", "Café naïve rôle – «détente»"]
    assert np.allclose(pipeline.predict_proba(texts), linear.predict_proba(texts), atol=1e-9)
    assert list(pipeline.classes_) == linear.classes_


def test_each_discussed_state_gets_a_target_row_and_the_main_one_carries_the_document_stance(analyzer, samples_dir):
    result = analyzer.analyze_path(samples_dir / "seoul_speech.txt", samples_dir)
    doc, targets = result.document, result.targets
    main = [t for t in targets if t["main"] == "yes"]
    assert len(main) == 1 and main[0]["target_iso3"] == doc["stance_target"] == "PRK"
    assert main[0]["stance"] == doc["stance"] and main[0]["p_pressure"] == doc["p_pressure"]
    assert doc["stance_target_basis"].startswith("highest score of")
    others = [t for t in targets if t["main"] == "no"]
    assert {t["target_iso3"] for t in others} >= {"KOR"} and all(t["n_sentences"] >= 2 for t in others)
    sentences = {s["sentence"] for s in result.sentences}
    for t in targets:
        assert t["evidence"] and all(e in sentences for e in t["evidence"].split(" | "))
        assert abs(sum(float(t[f"p_{lab}"]) for lab in LABELS) - 1) < 1e-3


def _title_and_links(result, text: str) -> tuple[str, list[dict], dict[str, dict]]:
    """The first line of ``text`` and the mentions and actor entities of its analysis, in
    the form the target functions take."""
    entities = {e["entity_id"]: {"type": e["type"], "country_iso3": e["country_iso3"]} for e in result.entities
                if e["kind"] == "actor"}
    return text.splitlines()[0], [{**m, "role": m["surface_role"]} for m in result.mentions], entities


def test_the_speakers_own_state_is_not_the_main_target(analyzer, tmp_path):
    text = ("Statement from National Security Advisor Jake Sullivan on Sanctions against Belarus\n\n"
            "Today the United States is imposing sanctions on Belarus in coordination with the European Union. "
            "The United States Department of the Treasury has designated officials of the Lukashenka regime. "
            "The United States will continue to stand with the people of Belarus, and the United States will hold "
            "Belarus accountable for the forced landing of a civilian flight.\n")
    result = _analyse(analyzer, tmp_path, "statement.txt", text)
    assert result.document["stance_target"] == "BLR"
    title, mentions, entities = _title_and_links(result, text)
    assert speaker_states(mentions, entities, title, 0) == {"USA"}
    states = discussed_states(mentions, entities, list(range(len(mentions))), len(title))
    assert {s.iso3 for s in states} >= {"USA", "BLR"}
    best, basis = main_target(sorted(states, key=lambda s: s.iso3 != "USA"), {"USA"})
    assert best.iso3 == "BLR" and "speaker's own state (USA) set aside" in basis


def test_the_state_of_the_leader_a_statement_is_made_with_is_the_main_target(analyzer, tmp_path):
    # A British press statement with Ireland's leader names the United Kingdom more often,
    # and the speaker's state is unnamed: the leader met in the title decides.
    text = ("PM press statement with Taoiseach Leo Varadkar: 9 September 2019\n\n"
            "Thank you Leo, it is wonderful to be here in Dublin. The United Kingdom wants a deal, and the "
            "United Kingdom will leave the European Union on October 31. The United Kingdom and Ireland share "
            "the Common Travel Area. Ireland has been a good friend, and the United Kingdom values the friendship "
            "of Ireland. The United Kingdom will work with Ireland on the border.\n")
    result = _analyse(analyzer, tmp_path, "statement.txt", text)
    assert result.document["stance_target"] == "IRL"
    assert "counterpart named in the title" in result.document["stance_target_basis"]
    title, mentions, entities = _title_and_links(result, text)
    assert counterpart_states(mentions, entities, title, 0) == {"IRL"}
    assert speaker_states(mentions, entities, title, 0) == set()  # the leader met is not the speaker
    # an interview "with" a leader gives the leader's words: the leader speaks
    interview = "Interview with Taoiseach Leo Varadkar on the border"
    varadkar = [{**m, "start_char": interview.index("Leo"), "end_char": interview.index(" on")} for m in mentions
                if m["text"] == "Leo Varadkar"]
    assert counterpart_states(varadkar, entities, interview, 0) == set()
    assert speaker_states(varadkar, entities, interview, 0) == {"IRL"}
    # "Readout of President Biden's call with President Xi": the speaker is set aside, the one called is the target
    usa = DiscussedState("USA", score=20.0, mentions=20, sentences=list(range(17)))
    china = DiscussedState("CHN", score=4.0, mentions=4, sentences=[2, 5])
    assert main_target([usa, china], {"USA"}, {"CHN"})[0] is china
    assert main_target([usa, china], {"USA"}, {"USA"})[0] is usa


def test_a_text_about_hong_kong_argues_with_china(analyzer, tmp_path):
    text = ("Hong Kong's last independent newspaper is gone\n\n"
            "Hong Kong once had a free press. The national security law has silenced it, and Hong Kong's "
            "courts now jail editors. Hong Kong deserves better, and Hong Kong's friends abroad should say so "
            "plainly to Beijing.\n")
    result = _analyse(analyzer, tmp_path, "hk.txt", text)
    assert result.document["stance_target"] == "CHN"


def test_the_speakers_state_gives_way_only_to_a_state_the_text_discusses():
    # A joint press conference of Ukraine's and America's officials about Ukraine: Russia,
    # named in three sentences, does not become the target because both speakers' states are set aside.
    ukraine = DiscussedState("UKR", score=17.0, mentions=17, sentences=list(range(12)))
    usa = DiscussedState("USA", score=9.4, mentions=7, sentences=list(range(7)))
    russia = DiscussedState("RUS", score=3.3, mentions=3, sentences=[5, 8, 9])
    assert main_target([ukraine, usa, russia], {"USA", "UKR"})[0] is ukraine
    belarus = DiscussedState("BLR", score=6.0, mentions=5, sentences=[1, 2, 3])
    assert main_target([ukraine, usa, belarus], {"USA", "UKR"})[0] is belarus


def test_without_a_named_speaker_the_united_states_gives_way_as_the_speakers_state():
    # An unsigned report of an American operation against an Iranian general: the text
    # argues about Iran, although it names the United States more often.
    usa = DiscussedState("USA", score=20.0, mentions=20, sentences=list(range(17)))
    iran = DiscussedState("IRN", score=14.0, mentions=16, sentences=list(range(14)))
    best, basis = main_target([usa, iran])
    assert best is iran and "(USA, assumed: no speaker named) set aside" in basis
    # ... but not to a state named in passing, and a text about the United States alone is about it
    assert main_target([usa, DiscussedState("IRN", score=3.0, mentions=1, sentences=[4])])[0] is usa
    assert main_target([usa])[0] is usa
    # a named speaker replaces the assumption: a Chinese statement about the United States
    china = DiscussedState("CHN", score=25.0, mentions=25, sentences=list(range(20)))
    assert main_target([china, usa], {"CHN"})[0] is usa


def test_the_real_text_temperature_softens_probabilities_and_keeps_the_label():
    model = load_stance_model()
    assert model.temperature > 1.0, "the card records the temperature fitted on real text"
    texts = [model_input(e.title, e.text) for e in read_corpus(STANCE)[::50]]
    raw, shown = model.scorer.predict_proba(texts), model.predict_proba(texts)
    assert (raw.argmax(axis=1) == shown.argmax(axis=1)).all()
    assert (shown.max(axis=1) <= raw.max(axis=1) + 1e-12).all() and np.allclose(shown.sum(axis=1), 1.0)
    # Overconfident probabilities (0.95 on the top label, right two times in three) are
    # softened; probabilities that are right as often as they say are left nearly alone.
    sure = np.array([[0.95, 0.03, 0.02]] * 30)
    assert fit_temperature(sure, [0] * 20 + [1] * 5 + [2] * 5) > 2.0
    honest = np.array([[0.6, 0.2, 0.2]] * 10)
    assert 0.8 <= fit_temperature(honest, [0] * 6 + [1] * 2 + [2] * 2) <= 1.2
    assert np.allclose(soften(sure, 1.0), sure)


def test_a_body_named_with_its_state_does_not_make_the_text_an_insiders():
    # "the Treasury" in a text is written from inside the United States; "the Palestinian
    # Authority" is how any text names Palestine's government, and does not count against it.
    entities = {"state:PSE": {"type": "state", "country_iso3": "PSE"}, "state:USA": {"type": "state", "country_iso3": "USA"},
                "org:pa": {"type": "organization", "country_iso3": "PSE"},
                "org:treasury": {"type": "organization", "country_iso3": "USA"}}
    institutions = {"org:pa": "PSE", "org:treasury": "USA"}

    def mention(eid, text, syntax="object"):
        return {"entity_id": eid, "text": text, "start_char": 100, "syntax": syntax}

    mentions = [mention("state:PSE", "Palestine", "subject"), mention("state:USA", "United States", "subject"),
                *[mention("org:pa", "Palestinian Authority") for _ in range(3)],
                *[mention("org:treasury", "Treasury") for _ in range(3)]]
    scores = {s.iso3: s.score for s in discussed_states(mentions, entities, [0, 1, 2, 3, 4, 5, 6, 7], 0, institutions)}
    assert scores["PSE"] > 0 > scores["USA"]


def test_the_state_whose_government_publishes_the_site_is_the_speaker(analyzer, tmp_path):
    # A foreign ministry's release names its own state most; the site says who speaks.
    page = ("<html><head><title>Japan-Philippines Foreign Ministers' Meeting | Ministry of Foreign Affairs of Japan</title>"
            "<meta property=\"og:site_name\" content=\"Ministry of Foreign Affairs of Japan\"></head><body>"
            "<h1>Japan-Philippines Foreign Ministers' Meeting</h1>"
            "<p>On May 2, the Foreign Minister of Japan held a meeting with the Secretary of Foreign Affairs of the "
            "Philippines in Tokyo.</p><p>The Minister stated that Japan will continue to support Japan's partners in "
            "the region, and that Japan attaches great importance to its relations with the Philippines. Trade with "
            "Japan has grown, and investment from Japan supports jobs.</p><p>The two ministers agreed to strengthen "
            "maritime security cooperation and to hold a two-plus-two dialogue with Japan later this year.</p>"
            "</body></html>")
    result = _analyse(analyzer, tmp_path, "release.html", page)
    assert result.document["site"] == "Ministry of Foreign Affairs of Japan"
    assert result.document["stance_target"] == "PHL", result.document["stance_target_basis"]
    assert "speaker's own state (JPN) set aside" in result.document["stance_target_basis"]


@pytest.mark.parametrize("text, author, target", [
    # "Retno L.P. Marsudi" is Retno Marsudi of the knowledge base: Indonesia speaks
    ("REMARKS BY\nH.E. RETNO L.P. MARSUDI\nMINISTER FOR FOREIGN AFFAIRS OF THE REPUBLIC OF INDONESIA\n\n"
     "Jakarta, 22 August 2023\n\n"
     "Indonesia has always believed in dialogue. Indonesia will keep working with China on a code of conduct, "
     "and Indonesia hopes that China will negotiate in good faith. Indonesia and China agreed to hold talks "
     "in Beijing next month, and Indonesia is ready to host the next round. Indonesia will not give up.\n",
     "Retno L.P. Marsudi", "CHN"),
    # a joint press conference published by the host: both leaders speak, and of two authors of
    # different states the second is the guest whose state is the target (not Ukraine)
    ("JOINT PRESS CONFERENCE\nBY PRESIDENT YOON SUK YEOL AND PRIME MINISTER ANTHONY ALBANESE OF AUSTRALIA\n\n"
     "Seoul\nSeptember 4, 2024\n\n"
     "PRESIDENT YOON: I warmly welcome Prime Minister Albanese to Seoul. Korea and Australia agreed today to "
     "deepen their defence industry partnership, and Korea will invest in Australia's critical minerals. "
     "Korea values Australia as a partner. We also discussed Ukraine, where Korea has sent humanitarian aid. "
     "Russia must end its war against Ukraine, and we will keep supporting the people of Ukraine.\n",
     "Yoon Suk Yeol and Anthony Albanese", "AUS"),
])
def test_the_speaker_of_a_byline_is_known_by_their_state(analyzer, tmp_path, text, author, target):
    result = _analyse(analyzer, tmp_path, "speech.txt", text)
    assert result.document["author"] == author
    assert result.document["stance_target"] == target, result.document["stance_target_basis"]


def test_a_title_read_from_two_lines_is_found_in_the_text():
    from types import SimpleNamespace

    from policy_nlp.analysis import _title_span

    text = "REMARKS BY\nH.E. RETNO L.P. MARSUDI\nMINISTER FOR FOREIGN AFFAIRS\n\nExcellencies, friends."
    span = _title_span(SimpleNamespace(title="REMARKS BY H.E. RETNO L.P. MARSUDI", text=text))
    assert span is not None and text[span[0]:span[1]] == "REMARKS BY\nH.E. RETNO L.P. MARSUDI"


@pytest.mark.parametrize("text, target", [
    # A pressure piece names the Philippines (the object of China's acts) in more sentences
    # than China; its title says whom it argues about.
    ("Water Cannon Diplomacy: Why Beijing Must Pay a Price at Second Thomas Shoal\n\n"
     "China's coast guard fired water cannon at Philippine supply boats in March. "
     "The attack injured Philippine sailors and damaged a Philippine vessel. "
     "Manila protested, and the Philippines summoned a Chinese diplomat. "
     "The Philippines has since invited journalists aboard its resupply missions. "
     "Washington should back the Philippines with joint patrols, and the Philippines should keep "
     "documenting every incident so that the cost to China rises.\n", "CHN"),
    # The government in a page's masthead speaks: its own state is not the main target.
    ("Skip to main content\nAustralian Government\nMinister for Foreign Affairs\nSpeeches\n\n"
     "One Pacific Family: Australia and Solomon Islands in a Contested Decade\n\n"
     "Solomon Islands has worked with Australia for decades. Police from Solomon Islands trained in Australia, "
     "and Honiara asked Australia for help in 2021. Workers from Solomon Islands come to Australia every year, "
     "and students from Solomon Islands study in Australia. We will support Solomon Islands as it hosts the "
     "Forum.\n", "SLB"),
    # ... also in its formal style, as one piece of a line of pieces
    ("Skip to main content\nDepartment: International Relations and Cooperation | REPUBLIC OF SOUTH AFRICA\n"
     "Home | About Us | Media Room\nSpeeches\n\n"
     "South Africa and the United States: Partners Who Disagree\n\n"
     "South Africa values its partnership with the United States. South African exporters sell to the United "
     "States under AGOA, and South Africa hosts the AGOA Forum in Johannesburg. South Africa and the United "
     "States work together on HIV, and South African scientists publish with American colleagues. We disagree "
     "with the United States on the case at the court.\n", "USA"),
])
def test_the_title_and_the_masthead_decide_the_main_target(analyzer, tmp_path, text, target):
    result = _analyse(analyzer, tmp_path, "page.txt", text)
    assert result.document["stance_target"] == target, result.document["stance_target_basis"]
