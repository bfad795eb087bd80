"""The real-text set's machinery: rebuilding texts from a repository, checking them, and
scoring annotations that locate sentences by offsets instead of quoting them."""

import hashlib
import importlib.util
import json
import subprocess

import pytest

from policy_nlp.evaluate import gold_documents, resolve_spans

from .conftest import ROOT


def _script(name):
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture()
def mirror(tmp_path):
    """A local git repository, laid out as the fetch tool lays out its copies."""
    work = tmp_path / "work"
    work.mkdir()
    (work / "speech.txt").write_text(
        "Mr. SMITH. Mr. Speaker, I rise to urge\nnew talks with Hanoi on trade.\n"
        "  We should also restore the\nscholarship exchanges that ended in 2019.\n", encoding="utf-8")
    (work / "page.json").write_text(json.dumps({"body": "<p>First <b>paragraph</b>.</p><p>Second one.</p>"}),
                                    encoding="utf-8")
    git = ["git", "-c", "user.email=t@example.org", "-c", "user.name=t"]
    subprocess.run([*git, "init", "-q", str(work)], check=True)
    subprocess.run([*git, "-C", str(work), "add", "."], check=True)
    subprocess.run([*git, "-C", str(work), "commit", "-qm", "texts"], check=True)
    commit = subprocess.run(["git", "-C", str(work), "rev-parse", "HEAD"], capture_output=True, text=True,
                            check=True).stdout.strip()
    mirrors = tmp_path / "mirrors"
    (mirrors / "someone+texts").mkdir(parents=True)
    subprocess.run(["git", "clone", "-q", "--bare", str(work), str(mirrors / "someone+texts" / "repo")], check=True)
    return mirrors, commit


def test_texts_are_rebuilt_from_their_recipe_and_checked_against_their_checksum(mirror, tmp_path):
    rebuild = _script("rebuild_real_texts")
    mirrors, commit = mirror
    recipe = {"repo": "someone/texts", "commit": commit, "path": "speech.txt", "format": "text",
              "paragraph_rule": "indent", "title": "Talks with Hanoi", "prepend_title": True}
    text = rebuild.extract(recipe, rebuild.read_blob(rebuild.find_repository(mirrors, recipe["repo"]), commit, recipe["path"]))
    assert text == ("Talks with Hanoi\n\nMr. SMITH. Mr. Speaker, I rise to urge new talks with Hanoi on trade.\n\n"
                    "We should also restore the scholarship exchanges that ended in 2019.\n")
    html = {"repo": "someone/texts", "commit": commit, "path": "page.json", "format": "json", "field": "body",
            "html_in_field": True}
    assert rebuild.extract(html, rebuild.read_blob(mirrors / "someone+texts" / "repo", commit, "page.json")) == \
        "First paragraph.\n\nSecond one.\n"

    corpus = tmp_path / "corpus"
    (corpus / "annotations").mkdir(parents=True)
    good = {"id": "good", "file": "good.txt", "source": {**recipe, "sha256": hashlib.sha256(text.encode()).hexdigest()}}
    bad = {"id": "bad", "file": "bad.txt", "source": {**recipe, "sha256": "0" * 64}}
    for gold in (good, bad):
        (corpus / "annotations" / f"{gold['id']}.json").write_text(json.dumps(gold), encoding="utf-8")
    problems = rebuild.rebuild(corpus, mirrors)
    assert (corpus / "texts" / "good.txt").read_text(encoding="utf-8") == text
    assert not (corpus / "texts" / "bad.txt").exists()
    assert len(problems) == 1 and problems[0].startswith("bad: checksum")
    assert rebuild.rebuild(corpus, tmp_path / "nowhere")[0].startswith("bad: no local copy of someone/texts")


def test_offsets_stand_for_anchors_and_missing_texts_are_listed_not_scored(tmp_path):
    text = "Both sides agreed to resume talks. Trade grew.\n"
    gold = {"id": "x", "file": "x.txt", "split": "dev",
            "cooperation": [{"span": [0, 33], "domains": ["diplomatic"], "modality": ["actual"], "participants": []}],
            "cooperation_optional": [{"spans": [[35, 46]]}], "hard_negatives": [], "boilerplate_lines": []}
    resolved = resolve_spans(gold, text)
    assert resolved["cooperation"][0]["anchor"] == "Both sides agreed to resume talks"
    assert resolved["cooperation_optional"] == ["Trade grew."]
    (tmp_path / "annotations").mkdir()
    (tmp_path / "texts").mkdir()
    (tmp_path / "annotations" / "x.json").write_text(json.dumps(gold), encoding="utf-8")
    (tmp_path / "annotations" / "y.json").write_text(json.dumps({**gold, "id": "y", "file": "y.txt", "split": "test"}),
                                                     encoding="utf-8")
    (tmp_path / "texts" / "x.txt").write_text(text, encoding="utf-8")
    found, missing = gold_documents(tmp_path, "all")
    assert [g["id"] for g, _ in found] == ["x"] and missing == ["y"]
    assert gold_documents(tmp_path, "test") == ([], ["y"])


def test_every_committed_annotation_is_well_formed():
    check = _script("check_gold")
    codes = check.known_codes()
    for path in sorted((ROOT / "corpora" / "dev").glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert check.check(gold, path.with_name(gold["file"]).read_text(encoding="utf-8"), codes) == [], path.name
    real = sorted((ROOT / "corpora" / "real" / "annotations").glob("*.json"))
    assert len(real) >= 120
    labels = {}
    for path in real:
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert gold["split"] in {"dev", "test"} and len(gold["source"]["sha256"]) == 64 and gold["source"]["licence"]
        assert all("anchor" not in c and len(c["span"]) == 2 for c in gold["cooperation"]), path.name
        labels[gold["stance"]["label"]] = labels.get(gold["stance"]["label"], 0) + 1
    assert min(labels.values()) >= len(real) / 4


def test_the_wrapped_copy_keeps_every_offset_and_breaks_long_lines():
    wrap = _script("wrap_real_texts").wrap
    text = ("The agreement was signed by Iran's then security chief Ali Shamkhani and Saudi national security "
            "adviser Musaed Al-Aiban alongside China's top diplomat Wang Yi.\n\nShort line.\n")
    wrapped = wrap(text, 40)
    assert len(wrapped) == len(text)
    assert all(a == b or (a == " " and b == "\n") for a, b in zip(text, wrapped))
    assert max(len(line) for line in wrapped.split("\n")) <= 48 and wrapped.count("\n") > text.count("\n")
