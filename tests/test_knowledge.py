"""The knowledge base: year-aware look-ups, and data that agree with the record."""

import pytest

from policy_nlp.knowledge import Term, load_knowledge_base


@pytest.fixture(scope="module")
def kb():
    return load_knowledge_base()


def test_a_person_takes_the_country_of_the_term_nearest_the_year(kb):
    weizsacker = kb.person("Richard von Weizsäcker")
    assert weizsacker.country(1985) == "BRD"
    assert weizsacker.country(1992) == "DEU"
    assert weizsacker.country(1960) == "BRD"
    assert weizsacker.country(2020) == "DEU"
    assert weizsacker.country() == "DEU"


def test_person_entity_changes_the_country_and_nothing_else(kb):
    kohl = kb.person("Helmut Kohl")
    assert kohl.entity.country_iso3 == "BRD"
    in_1995 = kb.person_entity(kohl, 1995)
    assert (in_1995.entity_id, in_1995.name, in_1995.type, in_1995.country_iso3) == \
        (kohl.entity.entity_id, kohl.entity.name, kohl.entity.type, "DEU")
    assert kb.person_entity(kohl, 1985) is kohl.entity
    assert kb.person_entity(kohl).country_iso3 == "DEU"


def test_terms_without_a_country_do_not_decide_it(kb):
    ban = kb.person("Ban Ki-moon")
    assert Term(2007, 2016, "", "igo_head:UN") in ban.terms
    assert ban.country(2012) == ban.country() == "KOR"
