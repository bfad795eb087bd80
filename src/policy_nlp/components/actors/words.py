"""The actor linker's word lists, read once from ``data/actor_lexicon.json``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ..lexicon import read_data_json


@dataclass(frozen=True)
class ActorWords:
    """The linker's word lists, read from ``data/actor_lexicon.json`` (see its ``_about`` notes)."""

    locative_preps: frozenset[str]
    untagged_place_preps: frozenset[str]
    motion: frozenset[str]
    visit: frozenset[str]
    common_word_surnames: frozenset[str]
    org_event_words: frozenset[str]
    org_not_first: frozenset[str]
    generic_org_words: frozenset[str]
    title_words: frozenset[str]
    compass_words: frozenset[str]
    org_head_words: frozenset[str]
    person_titles: frozenset[str]
    honorifics: frozenset[str]
    address_prefixes: frozenset[str]
    addressee_words: frozenset[str]
    person_nouns: frozenset[str]
    body_nouns: frozenset[str]
    name_particles: frozenset[str]
    geo_head_words: frozenset[str]
    facility_words: frozenset[str]
    non_name_acronyms: frozenset[str]
    title_modifiers: frozenset[str]
    org_name_words: frozenset[str]
    place_of_nouns: frozenset[str]
    place_on_nouns: frozenset[str]
    origin_people_nouns: frozenset[str]
    example_place_nouns: frozenset[str]
    named_after_words: frozenset[str]
    designation_names: frozenset[str]
    part_of_place_words: frozenset[str]
    site_words: frozenset[str]
    speech_verbs: frozenset[str]
    #: office phrase (lower case, one space between words) -> roles of leaders.csv
    office_roles: dict[str, frozenset[str]]
    #: combining form before a hyphen ("sino") -> ISO3
    combining_forms: dict[str, str]


@lru_cache(maxsize=1)
def load_actor_words() -> ActorWords:
    raw = read_data_json("actor_lexicon.json")

    def words(key: str) -> frozenset[str]:
        return frozenset(raw[key]["words"])

    locative = words("locative_prepositions")
    return ActorWords(
        locative_preps=locative, untagged_place_preps=locative | words("untagged_place_prepositions"),
        motion=words("motion_words"), visit=words("visit_verbs"), common_word_surnames=words("common_word_surnames"),
        org_event_words=words("org_event_words"), org_not_first=words("org_not_first"),
        generic_org_words=words("generic_org_words"), title_words=words("title_words"),
        compass_words=words("compass_words"), org_head_words=words("org_head_words"),
        person_titles=words("person_titles"), honorifics=words("honorifics"), address_prefixes=words("address_prefixes"), addressee_words=words("addressee_words"), person_nouns=words("person_nouns"), body_nouns=words("body_nouns"), name_particles=words("name_particles"),
        geo_head_words=words("geo_head_words"), facility_words=words("facility_words"), non_name_acronyms=words("non_name_acronyms"),
        title_modifiers=words("title_modifiers"), org_name_words=words("org_name_words"),
        place_of_nouns=words("place_of_nouns"), place_on_nouns=words("place_on_nouns"), origin_people_nouns=words("origin_people_nouns"), example_place_nouns=words("example_place_nouns"), named_after_words=words("named_after_words"),
        designation_names=words("designation_names"), part_of_place_words=words("part_of_place_words"),
        site_words=words("site_words"), speech_verbs=words("speech_verbs"),
        office_roles={office: frozenset(roles) for office, roles in raw["office_titles"]["offices"].items()},
        combining_forms=dict(raw["combining_forms"]["forms"]),
    )


WORDS = load_actor_words()
#: Last words of the names of sites and geographic features, never a place alone after a name
#: ("Airport" in "José Martí International Airport").
NAME_HEADS = WORDS.facility_words | WORDS.geo_head_words
