"""Memory stays flat over a stream of documents: spaCy's string store does not grow."""

from policy_nlp.analysis import analyze


def _write_articles(folder, count, words_each=100):
    for i in range(count):
        # Words no vocabulary has, different in every file, as names in real archives are.
        names = " ".join(f"Qorvath{i}x{j}ian" for j in range(words_each))
        (folder / f"a{i:03d}.txt").write_text(f"Officials from Chile met in Lima.\n\n{names}.\n", encoding="utf-8")
    return sorted(folder.glob("*.txt"))


def test_strings_of_a_stream_are_freed_and_bounded(analyzer, tmp_path, monkeypatch):
    strings = analyzer.nlp.vocab.strings
    files = _write_articles(tmp_path, 12)
    per_file = len(files[0].read_text(encoding="utf-8"))
    monkeypatch.setattr(analyzer, "zone_chars", 3 * per_file)  # a zone holds three articles
    monkeypatch.setattr(analyzer, "batch_docs", 1)  # results come back one article at a time
    before = len(strings)
    alive = []
    for result in analyze(files, tmp_path, analyzer=analyzer):
        assert result.document["status"] == "ok"
        alive.append(len(strings) - before)
    assert len(strings) == before
    # Never more than one zone's worth (three articles) of new strings is held at once,
    # where the whole stream would hold twelve articles' worth.
    one_article = alive[0]
    assert one_article >= 100
    assert max(alive) <= 3 * one_article + 10, alive
    assert alive.count(0) == 4, alive


def test_one_document_alone_leaves_no_strings_behind(analyzer, tmp_path):
    strings = analyzer.nlp.vocab.strings
    path = _write_articles(tmp_path, 1)[0]
    before = len(strings)
    assert analyzer.analyze_path(path, tmp_path).document["status"] == "ok"
    assert len(strings) == before


def test_batches_give_the_rows_of_single_documents_and_isolate_a_failure(analyzer, tmp_path, monkeypatch):
    texts = {
        "a.txt": "Japan and Vietnam signed a science cooperation agreement in Hanoi on Monday.\n",
        "b.txt": "Brazil and Argentina discussed trade in Buenos Aires. " * 120,
        "c.txt": "Kenya may join a joint malaria research programme with the WHO next year.\n",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    files = sorted(tmp_path.glob("*.txt"))
    alone = [analyzer.analyze_path(p, tmp_path) for p in files]
    assert [r.document["status"] for r in alone] == ["ok", "ok", "ok"]
    assert vars(alone[0]) == vars(next(iter(analyze(files[:1], tmp_path, analyzer=analyzer))))
    batched = list(analyze(files, tmp_path, analyzer=analyzer))
    assert [vars(r) for r in batched] == [vars(r) for r in alone]
    # spaCy refuses texts over nlp.max_length: with a low limit the long file fails, in
    # the middle of a batch, and only that file gets an error row.
    monkeypatch.setattr(analyzer.nlp, "max_length", 5000)
    failing = list(analyze(files, tmp_path, analyzer=analyzer))
    assert [r.document["status"] for r in failing] == ["ok", "error", "ok"]
    assert failing[1].document["error"].startswith("analysis failed")
    assert vars(failing[0]) == vars(alone[0]) and vars(failing[2]) == vars(alone[2])
