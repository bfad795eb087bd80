"""The spaCy components on real sentences, through the full pipeline."""

import pickle

import pytest

from policy_nlp.components.extensions import EXTENSIONS


def run(nlp, text, year=None, published=False):
    doc = nlp.make_doc(text)
    doc._.policy_year, doc._.policy_year_published = year, published
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


def mentions(doc):
    return [(m["text"], m["kind"], m["entity_id"]) for m in doc._.policy_mentions]


def test_capital_as_government_is_the_state_and_as_location_a_place(nlp):
    doc = run(nlp, "Pyongyang rejected the proposal. A joint exhibition opened in Pyongyang in 2014.")
    found = mentions(doc)
    assert ("Pyongyang", "actor", "state:PRK") in found
    assert any(text == "Pyongyang" and kind == "place" and eid != "state:PRK" for text, kind, eid in found)


@pytest.mark.parametrize(
    "text, name, kind, entity",
    [
        ("Diplomats expect the regime in Tehran to reject the offer within days.", "Tehran", "actor", "state:IRN"),
        ("Refugees say the Moscow government pays the militia's wages.", "Moscow", "actor", "state:RUS"),
        ("The authorities in Kabul closed the girls' schools again in March.", "Kabul", "actor", "state:AFG"),
        ("In 1844 he handed his letters to the Chinese authorities in Macao and sailed on.", "Macao", "place", "state:MAC"),
        ("The new embassy in Tehran opened its doors in 1990.", "Tehran", "place", "geo:112931"),
        # the government addressed
        ("Why Seoul should keep talking to Pyongyang.", "Pyongyang", "actor", "state:PRK"),
        ("The letter was an overture to Tehran after years of silence.", "Tehran", "actor", "state:IRN"),
    ],
)
def test_a_seat_of_government_stands_for_the_government_sitting_there(nlp, text, name, kind, entity):
    found = [m for m in mentions(run(nlp, text)) if m[0] == name]
    assert found == [(name, kind, entity)], (text, mentions(run(nlp, text)))


def test_a_name_joined_by_a_hyphen_starts_at_the_name_not_the_hyphen(nlp):
    # the model tags "-Ireland" in "UK-Ireland"; a mention that starts with "-" would also
    # open as a formula in a spreadsheet
    text = "Ministers will meet again at the UK-Ireland summit in the spring."
    found = [m for m in run(nlp, text)._.policy_mentions if m["entity_id"] == "state:IRL"]
    assert [(m["text"], text[m["start_char"]:m["end_char"]]) for m in found] == [("Ireland", "Ireland")]


def test_a_transcript_speaker_label_is_not_an_actor(nlp):
    text = ("Ms. DEL-VALLE. Madam Speaker, I rise to speak about the occupation of Cyprus by Turkey.\n"
            "The amendment written by Ms. Del-Valle passed in May.")
    found = [m for m in mentions(run(nlp, text)) if "del-valle" in m[0].lower()]
    assert [m[0] for m in found] == ["Del-Valle"], found


def test_examples_of_places_are_places_and_examples_of_actors_actors(nlp):
    found = mentions(run(nlp, "The airline still flies in Europe, with destinations including Spain, Greece and Italy."))
    assert {("Spain", "place"), ("Greece", "place"), ("Italy", "place")} <= {(t, k) for t, k, _ in found}
    found = mentions(run(nlp, "Countries including France and Germany condemned the attack."))
    assert {("France", "actor"), ("Germany", "actor")} <= {(t, k) for t, k, _ in found}


def test_aliases_demonyms_and_possessives_merge_into_one_state(nlp):
    doc = run(nlp, "The DPRK tested a missile. North Korea's envoy and North Korean scientists met the press.")
    ids = {eid for text, kind, eid in mentions(doc) if kind == "actor" and "Korea" in text or text == "DPRK"}
    assert ids == {"state:PRK"}


def test_surname_after_full_name_and_hyphenated_pairs(nlp):
    doc = run(nlp, "Kim Jong-un met Moon Jae-in at Panmunjom. Later Kim praised the Kim-Moon talks and the Trump-Kim summit.",
              year=2018)
    by_text = {}
    for text, kind, eid in mentions(doc):
        by_text.setdefault(text, set()).add(eid)
    assert by_text["Kim"] == {"person:kim-jong-un"}
    assert "person:moon-jae-in" in by_text["Moon"]
    assert by_text["Trump"] == {"person:donald-trump"}
    entity = doc._.policy_entities["person:kim-jong-un"]
    assert entity["type"] == "leader" and entity["country_iso3"] == "PRK"


def test_acronym_organisations_and_igos(nlp):
    doc = run(nlp, "The International Atomic Energy Agency said the IAEA inspectors left. NATO and the European Union responded.")
    entities = doc._.policy_entities
    ids = {m["entity_id"] for m in doc._.policy_mentions}
    iaea = [e for e in ids if entities[e]["name"] == "International Atomic Energy Agency"]
    assert len(iaea) == 1 and entities[iaea[0]]["type"] == "igo"
    assert {entities[e]["name"] for e in ids} >= {"North Atlantic Treaty Organization", "European Union"} or \
        {entities[e]["name"] for e in ids} >= {"NATO", "European Union"}


def test_geopolitical_places_get_country_and_coordinates(nlp):
    doc = run(nlp, "Ships crossed the Strait of Hormuz while inspectors flew to Natanz and then to London.")
    entities = doc._.policy_entities
    places = {entities[m["entity_id"]]["name"]: entities[m["entity_id"]] for m in doc._.policy_mentions if m["kind"] == "place"}
    assert "Strait of Hormuz" in places and places["Strait of Hormuz"]["latitude"] is not None
    assert places["London"]["country_iso3"] == "GBR"


def coop(nlp, text):
    return run(nlp, text)._.policy_cooperation


@pytest.mark.parametrize(
    "text, modality",
    [
        ("While Iran is sanctioned it will not be able to maintain economic cooperation with Europe.", "negated"),
        ("Seoul refused to resume scientific cooperation with Pyongyang.", "negated"),
        ("Washington should expand educational exchanges with Havana.", "proposed"),
        ("We call for a joint research programme on volcanic hazards.", "proposed"),
        ("If sanctions are eased, scientific cooperation could resume.", "hypothetical"),
        ("Scientists from Norway and Russia collaborated on a fisheries survey in 2019.", "actual"),
        ("The two academies jointly published twelve papers last year.", "actual"),
        ("Russian stations no longer share sea-ice data with Norwegian partners.", "negated"),
        ("Keep technical cooperation with Kabul on water and health.", "proposed"),
        # a suspension: held in abeyance; a clause whose auxiliary the parser took for its verb
        ("New Delhi announced that it would hold the 1960 treaty with Pakistan in abeyance.", "negated"),
        ("Misri told reporters that the treaty would remain suspended until Islamabad took action.", "negated"),
        ("Sudan's army and the RSF are still far apart on a ceasefire, mediators in Jeddah said.", "negated"),
        ("The ministers expressed grave concern over deepening military cooperation between North Korea and Russia.", "actual"),
        ("Envoys of Sudan's army and the Rapid Support Forces signed a declaration in Jeddah on Thursday.", "actual"),
        # a phrase that only looks like cooperation hides its own words, not the sentence's others
        ("The Chairman of the Joint Chiefs of Staff has been in touch with the IDF Chief of Staff, General Halevi.", "actual"),
        ("After an exchange of fire across the river, the two armies agreed a ceasefire.", "actual"),
        ("Trilateral cooperation with Washington on missile warning will continue.", "actual"),
        ("Mali's minister called Russia a partner that does not lecture.", "actual"),
        ("Diplomatic relations were interrupted on February 12, 1912.", "negated"),
        ("The crisis temporarily soured relations with London and Paris.", "negated"),
        ("We are committed to an expanding partnership with Korea.", "proposed"),
        ("Davies managed to reestablish amicable relations with the Soviet leadership.", "actual"),
        ("The amendment would not end humanitarian aid to the Palestinians.", "actual"),
        # the subjunctive after a demand, and what a proposal verb's passive proposes
        ("Venezuela kept demanding that the British submit the boundary dispute to arbitration.", "proposed"),
        ("Washington insisted that Seoul join the talks.", "proposed"),
        ("A Triple Alliance of Germany, England, and America has been suggested.", "proposed"),
        ("He argued that cooperation with Japan has worked.", "actual"),
        # an application to join, and what is arranged with "be to"
        ("Sweden applied to join the European Union in 1991.", "proposed"),
        ("Benin was to join the African Continental Free Trade Area in 2020.", "proposed"),
        ("Israel and Lebanon are to sign the maritime agreement next week.", "proposed"),
        ("It is interesting to note the convention negotiated with Haiti in 1914.", "actual"),
        ("Saudi Arabia has spent the past decade deepening economic ties with China.", "actual"),
        # what must happen first, and what did
        ("Ankara will not open the border until Baku and Yerevan sign a peace treaty.", "hypothetical"),
        ("They traded freely until they signed a customs treaty in 1994.", "actual"),
        # "would" in reported speech is the future, not a guess
        ("The two leaders confirmed that negotiations on a reciprocal access agreement would begin.", "proposed"),
        ("A deal would help both sides.", "hypothetical"),
        ("He said that if Iran complied, talks would resume.", "hypothetical"),
    ],
)
def test_modality_follows_cue_scope(nlp, text, modality):
    found = coop(nlp, text)
    assert found, text
    assert found[0]["modality"] == modality


@pytest.mark.parametrize(
    "text",
    [
        "Aid agencies said the declaration would matter only if commanders on the ground respect it.",
        "We hope to be in a position soon to share the news with their families and friends.",
        "The war has left over 5 million people requiring humanitarian assistance in the north.",
        "Individuals in need of immediate emergency assistance in Turkey should call the local authorities.",
        "The exchange rate of the won fell sharply against the dollar.",
        "The chairman of the Joint Chiefs of Staff briefed Congress on Tuesday.",
        "She deposited the money at the Cooperative Bank in Manchester.",
        "Troops traded an exchange of fire across the border overnight.",
        # the "from" phrase of a verb that guards its object names what it is kept from
        "He vowed to protect Middle Eastern oil supplies from encroaching Soviet power.",
        # support "in" a body is support inside it, not given to it
        "There was strong support in Congress for the bill.",
        "Experts recognised by the United Nations attended the hearing.",
        "The president's tour of Africa began in Senegal.",
        "Farmers in Iowa support their local schools.",
    ],
)
def test_words_that_only_look_like_cooperation_are_not_mentions(nlp, text):
    assert coop(nlp, text) == []


@pytest.mark.parametrize(
    "text, modality",
    [
        ("Albania was attempting to normalize relations with its Balkan neighbours.", "actual"),
        # the partner phrase of a transfer hung on the verb whose object it is
        ("The U.S. Government would suspend further purchases of silver from Mexico.", "negated"),
        ("The World Bank extended new loans to Egypt in 2016.", "actual"),
        # trade and investment between states, acting in concert, the dative of a relative clause
        ("Australia is a major and reliable supplier to China of commodities and know-how.", "actual"),
        ("Australian companies have made significant investments in Pakistan's resources sector.", "actual"),
        ("Australia's action was in concert with 28 other nations.", "actual"),
        # support for a state's own government named by a pronoun, and for the addressee's agenda
        ("In December 1979 the Soviet Union invaded Afghanistan to support its shaky Marxist government.", "actual"),
        ("Britain is deeply committed to supporting your agenda on the Big Four.", "proposed"),
        # a sports team's tour or visit to a named state
        ("The Chinese table tennis team's visit to the United States opened the door to Nixon.", "actual"),
        ("A football tour by the Iranian national team to the United States was cancelled.", "negated"),
        # recognition in the passive and by a participle
        ("Kosovo has been recognized by more than 100 states, including the United States.", "actual"),
        ("The self-declared republic is a government formally recognized only by Turkey.", "actual"),
        ("Australians are proud of the support we offer to the Palestinian people.", "actual"),
        ("There was a deterioration of relations between the United States and Iraq.", "negated"),
        ("Washington recognized the new government in Kabul in 1978.", "actual"),
        ("He says he actively supported the United States during the war.", "actual"),
        ("We are going to continue to support Ukraine for as long as it takes.", "proposed"),
        ("The UK has always stood by Israel.", "actual"),
        ("Poland has shown itself to be a true ally of the United States.", "actual"),
        ("The coalition led by the United States attacked Iraqi positions by air.", "actual"),
        ("We have given over $130 million directly to the Palestinian Authority.", "actual"),
        ("ASEAN members have delivered a great deal of aid to Myanmar.", "actual"),
        ("It was agreed that regular bilateral consultations should be held.", "proposed"),
        ("In discussions with the United States between August and October, London hesitated.", "actual"),
        ("Nevertheless, Sino-American trade grew through the 1930s.", "actual"),
        ("England has recently associated herself with the Franco-Russian Alliance.", "actual"),
        ("Sweden joined NATO in March 2024.", "actual"),
        ("Russia is receiving arms and ammunition from Iran and North Korea.", "actual"),
        ("He described the support that PRC companies are providing to the Russian defense industry.", "actual"),
        ("Japan and Australia held naval exercises in the Coral Sea.", "actual"),
        ("Croatia's accession to the European Union took place in 2013.", "actual"),
        ("In 1876 Venezuela protested and appealed to the United States for assistance.", "proposed"),
        ("We should work to bring about a just resolution to the situation.", "proposed"),
        ("Patient diplomacy by Deputy Secretary Warren Christopher eventually resolved the crisis.", "actual"),
        ("A multinational coalition of twelve nations patrolled the strait all summer.", "actual"),
        ("We will get this aid to Ukraine quickly.", "proposed"),
        ("The resolution calls for both governments to return to the negotiating table.", "proposed"),
        ("Our trade relations with Chile support forty thousand jobs in the north.", "actual"),
        ("For three years London withheld recognition of the new government.", "negated"),
        ("Since 2019 Japan has been helping Vietnam to dredge the port of Cai Mep.", "actual"),
        ("Lisbon granted diplomatic recognition to Guinea-Bissau in 1974.", "actual"),
        ("Since 2015 Norway has pledged and delivered $90 million in humanitarian aid to Yemen.", "actual"),
        ("In 1999 their mediation created the conditions for the accord to take effect.", "actual"),
        ("Aircraft of the U.S.-led coalition struck depots near Mosul.", "actual"),
        ("China and Japan held discussions in May on the disputed islands.", "actual"),
        ("While we understand the frustration on both sides, they must now come back to the table.", "proposed"),
        ("The minister said that Tehran was ready to resume discussions with the three European states.", "proposed"),
        ("After 1950 the United States maintained its embassy in Damascus.", "actual"),
        ("Beijing refused to join the Global Methane Pledge.", "negated"),
        ("The Africa Corps now guards the presidential palace in Bamako and trains soldiers in Ouagadougou.", "actual"),
        ("In 1915 the fifth group of demands was altered into an exchange of studiously vague Notes.", "actual"),
        ("This week Prime Minister Netanyahu and I agreed initiatives on cyber security.", "actual"),
    ],
)
def test_diplomatic_and_material_cooperation_of_real_commentary(nlp, text, modality):
    found = coop(nlp, text)
    assert found, text
    assert found[0]["modality"] == modality, (text, found)


@pytest.mark.parametrize(
    "text, trigger, modality, sides",
    [
        ("President Biden met with President Xi in San Francisco.", "met with", "actual", {"USA", "CHN"}),
        ("President Richard Nixon visited China in 1972.", "visited", "actual", {"USA", "CHN"}),
        ("President Musharraf paid a state visit to Australia at the invitation of Prime Minister Howard.",
         "state visit to", "actual", {"PAK", "AUS"}),
        ("Prime Minister Netanyahu's visit to Australia in February was the first by a serving leader.",
         "visit to", "actual", {"ISR", "AUS"}),
        ("Trump will meet Kim Jong-un in Singapore next month.", "meet", "proposed", {"USA", "PRK"}),
        ("Carter and Vance met with the Egyptian and Israeli delegations individually.", "met with", "actual",
         {"USA", "EGY", "ISR"}),
        # one side named, the other someone the text ties to no state
        ("The Secretary was in close communication with Defense Minister Yoav Gallant of Israel.",
         "close communication with", "actual", {"ISR"}),
        ("I spoke to the Prime Minister of Fiji, Mr Mahendra Chaudhry, today.", "spoke to", "actual", {"FJI"}),
        ("The Prime Minister and the Prime Minister of Iraq Nouri al-Maliki met on 12 March 2009.", "met", "actual",
         {"IRQ"}),
        # (the visit is still to come: the real development gold has it proposed)
        ("President Musharraf extended an invitation to Prime Minister Howard to visit Pakistan.", "invitation to",
         "proposed", {"PAK", "AUS"}),
        # the capital's state is the other side; as a place it is no participant
        ("Iranian officials visited Moscow in March.", "visited", "actual", {"IRN"}),
        ("This was the first visit to the Palestinian Territories by an Australian Prime Minister since 2000.",
         "first visit to", "actual", {"PSE", "AUS"}),
    ],
)
def test_meetings_visits_and_calls_between_two_states_are_diplomatic_cooperation(nlp, text, trigger, modality, sides):
    doc = run(nlp, text, year=2018)
    found = doc._.policy_cooperation
    assert [(c["trigger"], c["modality"], c["domain"][0]) for c in found] == [(trigger, modality, "diplomatic")], found
    entities = doc._.policy_entities
    assert {entities[eid]["country_iso3"] for eid in found[0]["participants"]} - {""} == sides


@pytest.mark.parametrize(
    "text, trigger, modality",
    [
        ("By 1784 the United States had dispatched consuls to Guangzhou.", "dispatched", "actual"),
        ("In the hope of improving relations, President Roosevelt dispatched businessman Joseph E. Davies to Moscow.",
         "dispatched", "actual"),
        ("Last year we sent former Deputy Secretary Bill Burns and the AIT chair to Taipei.", "sent", "actual"),
        ("After the tests Australia recalled its ambassador from Jakarta for consultations.", "recalled", "negated"),
    ],
)
def test_envoys_posted_to_or_recalled_from_another_state_are_diplomatic_cooperation(nlp, text, trigger, modality):
    found = run(nlp, text, year=1990)._.policy_cooperation
    assert [(c["trigger"], c["modality"], c["domain"][0]) for c in found] == [(trigger, modality, "diplomatic")], found


def test_inter_korean_names_both_koreas_as_the_sides(nlp):
    doc = run(nlp, "North Korea tested missiles, and South Korea watched. Washington could make clear that it "
                   "would welcome inter-Korean talks.", year=2025)
    found = doc._.policy_cooperation
    assert [c["trigger"] for c in found] == ["inter-Korean talks"]
    assert {"state:PRK", "state:KOR"} <= set(found[0]["participants"])


def test_an_office_in_apposition_gives_a_side_its_state_or_body(nlp):
    doc = run(nlp, "Xie Zhenhua, China's veteran climate envoy, met Wopke Hoekstra, the EU's climate commissioner, "
                   "three times last year.", year=2024)
    found = doc._.policy_cooperation
    assert [(c["trigger"], c["modality"], c["domain"]) for c in found] == [("met", "actual", ["environment"])], found
    assert {"org:eu", "state:CHN"} <= set(found[0]["participants"])


@pytest.mark.parametrize(
    "text, trigger, side",
    [
        ("On the margins of the Japanese Prime Minister's visit, the President spoke about the economy.", "visit", "JPN"),
        ("Mikhail Gorbachev's state visit on May 15 invigorated the protests.", "state visit", "SUN"),
        ("The President spoke with the G7 leaders, followed by a call with King Abdullah.", "call with", "JOR"),
    ],
)
def test_a_visit_or_call_of_one_named_leader_is_diplomatic_cooperation(nlp, text, trigger, side):
    doc = run(nlp, text, year=1989 if "Gorbachev" in text else 2024)
    found = doc._.policy_cooperation
    assert [(c["trigger"], c["domain"][-1]) for c in found] == [(trigger, "diplomatic")], found
    assert side in {doc._.policy_entities[eid]["country_iso3"] for eid in found[0]["participants"]}


@pytest.mark.parametrize(
    "text",
    [
        "President Biden's visit to Ohio drew large crowds.",
        "The visit by Chinese tourists was a success.",
        "Russia sent troops to the border with Ukraine.",
        "The President sent Vice President Harris to New York on Monday.",
        "The Prime Minister sent a letter to the editor of the local paper.",
        "I recall our long friendship with the people of Mexico.",
    ],
)
def test_envoys_sent_home_and_other_sendings_are_not_postings(nlp, text):
    assert [c["trigger"] for c in run(nlp, text, year=1990)._.policy_cooperation] == []


@pytest.mark.parametrize(
    "text",
    [
        "He was sanctioned in 2011 in relation to a plot against the Saudi ambassador to the United States.",
        "President Biden met with congressional leaders on Tuesday.",
        "Biden and Harris met in the Oval Office on Tuesday.",
        "This morning, we met the President here early in the Situation Room.",
        "The President spoke with congressional leaders.",
        "We had a discussion about the budget, and the committee held discussions on procedure.",
        "In Port-au-Prince he would meet the Haitian intellectuals, poets and essayists.",
        "Anyone who travels Haitian roads is struck by the women filing along mile after mile.",
        "Chinese tourists travel to Japan in spring, and tourists visited Paris.",
        "To talk more about it, we go to Washington to speak with Joe Cirincione, president of the Ploughshares "
        "Fund, which has circulated a petition urging President Obama to act.",
        "The plan met with resistance from China.",
        "Even though the summits have yet to be evaluated, as well as the results of the upcoming Trump-Kim "
        "meeting, one thing is clear.",
        "In December 1979 the Soviet Union sent thousands of troops into Afghanistan.",
        "Germany's coalition government fell apart in November.",
        "If the reactor works, God help us all.",
        "Trotsky hoped for a more vigorous intervention by the Entente.",
        "Support for Ukraine\n\nThe ministers met in Brussels on Tuesday.",
        "REBALANCING TRADE WITH CHINA:\n\nThe tariffs take effect in May.",
        "An estimated 140,000 Australians visited China last year.",
        "She joined the Labour Party as a student.",
        "Troops held an exercise near the border.",
        "It is my understanding that Cyprus has not authorized the flights.",
        "Sharon, with whom I have not always been in agreement, spoke first.",
        "They demanded an immediate declaration of war on all governments.",
        "I'll now turn it over to the joint staff for operational updates.",
        "The city council voted to resolve the parking problem.",
        "The Xi-Kim and Kim-Moon meetings were seen as historic.",
        "A broad coalition of unions and churches marched on the capital.",
        "Public recognition of the problem came late, and the need for recognition grew.",
        "Volunteers from Canada gave first aid to the injured.",
    ],
)
def test_phrases_and_headings_that_are_not_cooperation(nlp, text):
    assert coop(nlp, text) == [], text


def test_each_item_of_a_list_is_a_sentence_of_its_own(nlp):
    # a release's list of signed instruments had been one sentence of five hundred words
    doc = run(nlp, "The two presidents witnessed the signing of several instruments, among them:\n"
                   "- a Memorandum of Understanding between the two central banks on a currency swap arrangement;\n"
                   "- a Memorandum of Understanding on educational cooperation between Brazil and China;\n"
                   "- a Joint Statement on Combating Climate Change.")
    sentences = [s.text.strip().lstrip("- ") for s in doc.sents if s.text.strip(" -\n")]
    assert [s.split()[:2] for s in sentences] == [["The", "two"], ["a", "Memorandum"], ["a", "Memorandum"], ["a", "Joint"]], sentences


def test_a_heading_is_its_own_sentence(nlp):
    doc = run(nlp, "Roosevelt-Litvinov Conversations\n\nInitially, the talks made little headway.\n"
                   "Outlook\nThe talks resumed in May, when both sides returned\nto the table.")
    sentences = [s.text.strip() for s in doc.sents if s.text.strip()]
    assert sentences == ["Roosevelt-Litvinov Conversations", "Initially, the talks made little headway.", "Outlook",
                         "The talks resumed in May, when both sides returned\nto the table."]
    assert [c["trigger"] for c in doc._.policy_cooperation] == ["talks", "talks"]


@pytest.mark.parametrize(
    "text, receiver",
    [
        ("In 1961 Moscow wrote off a debt and sent aid and engineers to Albania.", "state:ALB"),
        ("Officials say Tehran will ship drones and missiles to Russia next month.", "state:RUS"),
    ],
)
def test_a_state_that_receives_is_a_participant_though_named_as_a_destination(nlp, text, receiver):
    found = coop(nlp, text)
    assert found, text
    assert receiver in found[0]["participants"], (text, found)


def test_a_title_the_parser_took_for_the_head_of_a_name_still_names_its_person(nlp):
    # the parser makes "PM" the object of "with" and "Netanyahu" a subject of its own
    doc = run(nlp, "I am confident that my strong personal commitment and friendship shared with PM Netanyahu "
                   "will propel the relationship to new heights.", year=2017, published=True)
    found = doc._.policy_cooperation
    assert found and "person:benjamin-netanyahu" in found[0]["participants"], found


@pytest.mark.parametrize("text, sides", [
    ("The crackdown in 1989 cooled U.S.-Chinese relations considerably.", {"state:USA", "state:CHN"}),
    ("The U.K.-Japan partnership on semiconductors was renewed in May.", {"state:GBR", "state:JPN"}),
])
def test_a_pair_after_a_dotted_abbreviation_names_both_sides(nlp, text, sides):
    # "U.S.-Chinese" had been one token: no state was named and the relations had no sides
    found = coop(nlp, text)
    assert found and set(found[0]["participants"]) == sides, found


def test_the_three_countries_are_the_last_three_states_named(nlp):
    found = coop(nlp, "Egypt, Sudan and Ethiopia still argue over the dam. In March 2015 the leaders of the three "
                      "countries signed the Declaration of Principles in Khartoum.")
    assert found and set(found[0]["participants"]) == {"state:EGY", "state:SDN", "state:ETH"}, found


def test_a_states_combining_form_before_another_state_names_it(nlp):
    found = coop(nlp, "The collision in 2010 soured Sino-Japanese relations for years.")
    assert found and set(found[0]["participants"]) == {"state:CHN", "state:JPN"}, found
    found = coop(nlp, "In 1904 the Anglo-French entente settled their quarrels over Egypt and Morocco.")
    assert found and {"state:GBR", "state:FRA"} <= set(found[0]["participants"]), found
    # a region, a people and a peninsula are no state of their own
    doc = run(nlp, "The Indo-Pacific strategy, Anglo-Saxon law and the war in Indo-China were discussed.")
    assert not any(m["entity_id"] in {"state:IND", "state:GBR"} for m in doc._.policy_mentions), mentions(doc)


def test_allies_and_coalitions_cooperate_on_security(nlp):
    found = coop(nlp, "Norway and its allies agreed to coordinate their patrols over the Barents Sea.")
    assert found and "security" in found[0]["domain"], found
    found = coop(nlp, "A multinational coalition of twelve nations kept the strait open all summer.")
    assert found and "security" in found[0]["domain"], found


def test_cooperation_between_governments_without_a_field_is_diplomatic(nlp):
    found = coop(nlp, "Chile and Peru said they would keep working together after the election.")
    assert found and found[0]["domain"] == ["diplomatic"], found
    found = coop(nlp, "The two bakeries said they would keep working together after the sale.")
    assert found and found[0]["domain"] == ["other"], found


def test_development_assistance_is_economic(nlp):
    found = coop(nlp, "Norway doubled its development assistance to Malawi last year.")
    assert found and "economic" in found[0]["domain"], found


def test_an_agreement_takes_the_field_its_sentence_names(nlp):
    found = coop(nlp, "Kenya and Somalia signed a treaty last year, and border patrols began in March.")
    assert found and found[0]["domain"] == ["diplomatic", "security"], found


def test_both_governments_are_the_two_states_named_before(nlp):
    doc = run(nlp, "Chile and Peru signed a fisheries accord in March. "
                   "The two countries will also cooperate on port inspections from next year.")
    last = doc._.policy_cooperation[-1]
    assert last["trigger"] == "cooperate" and {"state:CHL", "state:PER"} <= set(last["participants"]), last
    doc = run(nlp, "Chile and Peru signed a fisheries accord in March. "
                   "Many of the governments of Europe will cooperate on port inspections from next year.")
    last = doc._.policy_cooperation[-1]
    assert last["trigger"] == "cooperate" and "state:CHL" not in last["participants"], last


def test_domain_and_participants(nlp):
    found = coop(nlp, "France and Vietnam signed an agreement on medical research and vaccine production.")
    assert found
    assert "health" in found[0]["domain"]
    assert {"state:FRA", "state:VNM"} <= set(found[0]["participants"])


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "Hello."])
def test_edge_case_texts(nlp, text):
    doc = run(nlp, text)
    assert isinstance(doc._.policy_mentions, list) and isinstance(doc._.policy_cooperation, list)


def test_results_are_plain_values_that_pickle(nlp):
    doc = run(nlp, "Beijing and Moscow agreed to cooperate on lunar research.")
    for name in EXTENSIONS:
        value = getattr(doc._, name)
        pickle.loads(pickle.dumps(value))
    restored = pickle.loads(pickle.dumps(doc))
    assert restored._.policy_cooperation == doc._.policy_cooperation


def test_pipe_with_two_processes(nlp):
    texts = ["Iran and Iraq signed a water agreement.", "Tokyo hosted Korean students for an exchange programme."]
    docs = list(nlp.pipe(texts, n_process=2))
    assert [len(d._.policy_mentions) > 0 for d in docs] == [True, True]


def test_pipeline_with_our_components_saves_and_reloads(nlp, tmp_path):
    import spacy

    nlp.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    assert reloaded.pipe_names[-2:] == ["policy_actors", "policy_cooperation"]
    doc = reloaded("Seoul and Tokyo agreed to expand student exchanges.")
    assert doc._.policy_cooperation
    assert {m["entity_id"] for m in doc._.policy_mentions} >= {"state:KOR", "state:JPN"}


def test_an_acronym_defined_in_brackets_stands_for_its_body(nlp):
    doc = run(nlp, "The International Cricket Council (ICC) met in Dubai. Later the ICC agreed a new schedule.")
    ids = {m["text"]: m["entity_id"] for m in doc._.policy_mentions if m["text"] in {"ICC", "International Cricket Council"}}
    assert ids["ICC"] == ids["International Cricket Council"]
    assert [m["entity_id"] for m in doc._.policy_mentions if m["text"] == "ICC"] == [ids["ICC"]] * 2


def test_an_acronym_of_a_body_named_before_stands_for_it_without_brackets(nlp):
    # "ICC" is also the International Criminal Court, but this text named a cricket body
    doc = run(nlp, "The International Cricket Council's approach has not helped. The Government called on the ICC "
                   "to change its rules. The United Steelworkers met, and the US voted against it.")
    ids = {m["text"]: m["entity_id"] for m in doc._.policy_mentions}
    assert ids["ICC"] == ids["International Cricket Council"]
    assert ids["US"] == "state:USA"  # a state's letters stay the state's


@pytest.mark.parametrize("text, name, entity", [
    ("The U.S. Treasury Department froze the assets.", "U.S. Treasury Department",
     "org:united-states-department-of-the-treasury"),
    ("The US Department of Justice filed charges.", "US Department of Justice", "org:doj"),
    ("The Indian Ministry of External Affairs replied.", "Indian Ministry of External Affairs", "org:mea"),
])
def test_a_body_named_with_its_state_in_front_is_the_body_the_knowledge_base_knows(nlp, text, name, entity):
    assert (name, "actor", entity) in mentions(run(nlp, text))


def test_titles_before_a_name_and_a_fathers_name_inside_it(nlp):
    doc = run(nlp, "National Security Adviser Jake Sullivan spoke with Crown Prince Mohammad bin Salman of Saudi "
                   "Arabia. Later Crown Prince Salman al-Khalifa met Taoiseach Leo Varadkar.", year=2019)
    found = {m["text"]: m["entity_id"] for m in doc._.policy_mentions}
    assert found["Mohammad bin Salman"] == "person:mohammed-bin-salman"  # not King Salman, "Salman of Saudi Arabia"
    assert "Salman al-Khalifa" in found and "Leo Varadkar" in found
    assert not any(t.startswith(("Crown", "Taoiseach")) for t in found)


def test_part_of_a_state_and_a_site_are_places_read_as_written(nlp):
    doc = run(nlp, "Turkey launched an offensive in northern Syria, and the regime shelled Northwestern Syria. "
                   "Drones struck the Khurais oil field. Prisoners were abused at Abu Ghraib prison. Flights to "
                   "José Martí International Airport were banned. North Korea and South Sudan met in East Timor.")
    entities = doc._.policy_entities
    places = {m["text"]: entities[m["entity_id"]] for m in doc._.policy_mentions if m["kind"] == "place"}
    for part in ("northern Syria", "Northwestern Syria"):
        assert places[part]["name"] == part and places[part]["country_iso3"] == "SYR"
        assert places[part]["latitude"] is not None
    assert places["Abu Ghraib prison"]["country_iso3"] == "IRQ"  # the site is at the town it is named after
    assert "Khurais oil field" in places and "José Martí International Airport" in places
    assert "Airport" not in places  # a Californian town of that name
    # names that start with a direction are names
    assert {"North Korea", "South Sudan"} <= {m["text"] for m in doc._.policy_mentions} and "East Timor" in places


def test_ordinary_words_in_capitals_are_no_person_or_body_but_names_made_of_them_are(nlp):
    doc = run(nlp, "The common participation of Australia and China in the Financial Assistance Packages for Indonesia "
                   "has underlined our partnership. Mr Gore asked Global Warming to wait. The Great Powers met, and "
                   "so did the U.S. Citizens of the region. John Kelly and Frank Field spoke to the White Guards.")
    texts = {m["text"] for m in doc._.policy_mentions if m["kind"] == "actor"}
    assert not texts & {"Assistance Packages", "Global Warming", "Great Powers", "U.S. Citizens"}, texts
    assert {"John Kelly", "Frank Field", "White Guards"} <= texts


def test_a_body_whose_remit_has_two_parts_is_one_body_and_two_bodies_stay_two(nlp):
    doc = run(nlp, "It was a long week. The Ministry of Defence and the Foreign Office disagreed. The report went to "
                   "the African Commission on Human and Peoples' Rights. The Committee on Foreign Investment in the "
                   "United States reviewed the merger.")
    texts = {m["text"] for m in doc._.policy_mentions if m["kind"] == "actor"}
    assert {"African Commission on Human and Peoples' Rights", "Ministry of Defence", "Foreign Office",
            "Committee on Foreign Investment in the United States"} <= texts, texts
    assert not any(" and the Foreign" in t for t in texts)


def test_a_capital_written_with_its_district_is_the_capital(nlp):
    doc = run(nlp, "It was a long week. We go to Washington, D.C., to speak with him. She works in Washington. "
                   "Washington imposed sanctions.")
    found = [(m["text"], m["kind"], m["entity_id"]) for m in doc._.policy_mentions]
    place = found[0][2]
    assert found == [("Washington, D.C.", "place", place), ("Washington", "place", place),
                     ("Washington", "actor", "state:USA")]


def test_a_persons_name_at_the_start_of_a_place_name_is_the_place(nlp):
    doc = run(nlp, "It was a long year. Data from Svalbard and the Russian archipelago of Franz Josef Land no longer "
                   "flows. Emperor Franz Josef ruled Austria.")
    found = {m["text"]: (m["kind"], m["entity_id"]) for m in doc._.policy_mentions}
    assert found["Franz Josef Land"] == ("place", "place:franz-josef-land")
    assert found["Franz Josef"] == ("actor", "person:franz-joseph-i")


def test_a_city_the_model_misreads_as_another_kind_of_name_is_a_place(nlp):
    doc = run(nlp, "It was a long year. USAID-supported Syrian medics have been treating survivors across Idlib, "
                   "Aleppo, and other affected areas. Lloyd George only discovered by chance when he got to "
                   "Versailles. In March the Seventh Fleet sailed, and the Republic protested.")
    entities = doc._.policy_entities
    places = {m["text"]: entities[m["entity_id"]]["country_iso3"] for m in doc._.policy_mentions if m["kind"] == "place"}
    assert places == {"Idlib": "SYR", "Aleppo": "SYR", "Versailles": "FRA"}


def test_the_states_people_come_from_or_live_in_are_places_and_officials_from_a_state_speak_for_it(nlp):
    doc = run(nlp, "It was a long year. The families of wrongful detainees from Afghanistan, Burma, Haiti and "
                   "Russia met the President. Officials from Iran met the envoy.")
    kinds = {m["text"]: m["kind"] for m in doc._.policy_mentions}
    assert kinds == {"Afghanistan": "place", "Burma": "place", "Haiti": "place", "Russia": "place", "Iran": "actor"}
    doc = run(nlp, "It was a long year. Britain is democratic in her dealings with the great white communities of "
                   "Canada, Australia and New Zealand.")
    assert {m["text"]: m["kind"] for m in doc._.policy_mentions} == {
        "Britain": "actor", "Canada": "place", "Australia": "place", "New Zealand": "place"}


def test_a_surname_alone_is_a_known_leader_only_near_their_years_in_office(nlp):
    doc = run(nlp, "Chairman Smith, Ranking Member Jacobs, thank you for the opportunity to testify on Kenya today. "
                   "Since the 2008 war, which ended with the Medvedev-Sarkozy ceasefire plan, Georgia has waited.",
              year=2024, published=True)
    linked = {m["text"].split()[-1]: m["entity_id"] for m in doc._.policy_mentions}
    assert "Smith" not in linked or not linked["Smith"].startswith("person:stephen-smith")
    assert linked["Medvedev"] == "person:dmitry-medvedev" and linked["Sarkozy"] == "person:nicolas-sarkozy"
    older = run(nlp, "Defence Minister Smith met his counterpart in Canberra, Australia, to talk about the submarine deal.",
                year=2024, published=True)
    assert [m["entity_id"] for m in older._.policy_mentions if m["text"].endswith("Smith")] == ["person:stephen-smith"]


def test_a_surname_two_people_share_is_the_leaders(nlp):
    doc = run(nlp, "It was a long year. Kim Yo-jong, the leader's sister, dismissed the gestures. Kim Jong-un met "
                   "Vladimir Putin in Beijing. If Kim ever returns to dialogue, it will be because someone kept the "
                   "door open.", year=2025, published=True)
    assert [m["entity_id"] for m in doc._.policy_mentions if m["text"] == "Kim"] == ["person:kim-jong-un"]


def test_two_places_the_model_joins_into_one_body_are_two_places(nlp):
    doc = run(nlp, "It was a long year. Iran barred inspectors of the agency from its bombed sites at Fordow and Natanz "
                   "after the strikes.", year=2025)
    places = {m["text"]: m["entity_id"] for m in doc._.policy_mentions if m["kind"] == "place"}
    assert places == {"Fordow": "place:fordow", "Natanz": "place:natanz"}
    assert not [m for m in doc._.policy_mentions if "and" in m["text"].split()]


def test_brussels_acting_is_the_european_union_and_as_a_location_the_city(nlp):
    doc = run(nlp, "It was a long year. Can Brussels and Beijing still cooperate on climate? The memorandum was "
                   "signed in Brussels.")
    assert [(m["text"], m["kind"], m["entity_id"]) for m in doc._.policy_mentions if m["text"] == "Brussels"] == [
        ("Brussels", "actor", "org:eu"), ("Brussels", "place", "geo:2800866")]


def test_names_of_events_agreements_and_railways_are_not_bodies_or_places(nlp):
    doc = run(nlp, "It was a long year. The Camp David Accords were signed in 1978. The Taiwan Straits Crises of "
                   "1954 and 1958 followed the Korean War.")
    assert not [m["text"] for m in doc._.policy_mentions if m["entity_id"].startswith("org:")]
    doc = run(nlp, "It was a long year. Japan will fund the North-South Commuter Railway and the Metro Manila Subway "
                   "through yen loans.")
    assert [m["text"] for m in doc._.policy_mentions if m["text"] != "Japan" and m["text"] != "Manila"] == []
    doc = run(nlp, "It was a long year. The agreement on the Baku-Tbilisi-Ceyhan pipeline came first, and the "
                   "Calles-Morrow agreement of 1928 settled the oil question.", year=2000)
    assert not [m["text"] for m in doc._.policy_mentions if m["kind"] == "place" and "-" in m["text"]]


def test_the_flag_states_of_shadow_fleets_are_states_of_their_own(nlp):
    doc = run(nlp, "It was a long year. The shadow fleet has grown to some 600 vessels, many of them registered in "
                   "Gabon or the Cook Islands, and a few in Niue.")
    entities = doc._.policy_entities
    assert {m["text"]: entities[m["entity_id"]]["country_iso3"] for m in doc._.policy_mentions} == {
        "Gabon": "GAB", "Cook Islands": "COK", "Niue": "NIU"}


def test_gazetteer_patterns_hash_names_exactly_as_the_tokenizer_splits_them(nlp):
    from policy_nlp.components.actors import phrase_keys
    from policy_nlp.knowledge import load_knowledge_base

    names = sorted(load_knowledge_base().surfaces)
    for phrases, attr in ((names, "ORTH"), (sorted({n.lower() for n in names}), "LOWER")):
        expected = [tuple(t.lower if attr == "LOWER" else t.orth for t in nlp.tokenizer(p)) for p in phrases]
        assert len(phrases) > 5000
        assert sorted(phrase_keys(nlp, phrases, attr)) == sorted(expected), attr


def test_array_rule_components_set_the_same_attributes_as_spacys(nlp):
    import numpy
    import spacy
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG

    from policy_nlp.components.rulefast import FastAttributeRuler, FastLemmatizer

    from .conftest import DEV, SAMPLES, STANCE

    assert isinstance(nlp.get_pipe("attribute_ruler"), FastAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), FastLemmatizer)
    plain = spacy.load(nlp.meta["lang"] + "_" + nlp.meta["name"])
    assert type(plain.get_pipe("attribute_ruler")).__name__ == "AttributeRuler"
    paths = [*sorted(DEV.glob("*.txt")), *sorted(SAMPLES.glob("*")), *sorted((STANCE / "docs").glob("*.txt"))[::15]]
    texts = [p.read_text(encoding="utf-8") for p in paths]
    texts.append("Y'all gotta see it: I told him it ain't nothin' and gon na stop.\n\n  There's   hope.")
    ours = [n for n in nlp.pipe_names if not n.startswith("policy_")]
    attrs = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
    tokens = 0
    for text, mine, theirs in zip(texts, nlp.pipe(texts, disable=[n for n in nlp.pipe_names if n.startswith("policy_")]), plain.pipe(texts)):
        assert ours == plain.pipe_names
        assert numpy.array_equal(mine.to_array(attrs), theirs.to_array(attrs)), text[:80]
        tokens += len(mine)
    assert tokens > 40_000


def test_array_attribute_ruler_falls_back_to_the_matcher_for_other_patterns(blank_nlp):
    from policy_nlp.components.rulefast import FastAttributeRuler

    ruler = FastAttributeRuler(blank_nlp.vocab, "attribute_ruler")
    ruler.add([[{"LOWER": "new"}, {"IS_TITLE": True, "OP": "+"}]], {"TAG": "NNP"}, index=-1)
    assert not ruler.supported()
    doc = ruler(blank_nlp("They flew to New York Harbor"))
    assert [t.tag_ for t in doc] == ["", "", "", "", "NNP", "NNP"]


def test_the_negotiating_table_is_one_trigger(nlp):
    found = coop(nlp, "The envoy urged both sides to return to the negotiating table.")
    assert [c["trigger"] for c in found] == ["negotiating table"], found


def test_triggers_that_share_words_are_one_mention(nlp):
    # "Saudi-led" (an X-led rule) and "led coalition" (an ally noun with an actor) overlap
    found = coop(nlp, "The Saudi-led coalition struck the port again on Sunday.")
    assert [c["trigger"] for c in found] == ["Saudi-led"]


def test_names_in_other_scripts_are_quotations_not_places_or_bodies(nlp):
    from policy_nlp.components.actors.names import plausible_org, plausible_place
    from policy_nlp.knowledge import load_knowledge_base

    text = "One blogger in Rabat wrote \u201cالقطيع العربي\u201d under a photo of Hasankeyf."
    doc = nlp.make_doc(text)
    arabic = doc.char_span(text.index("\u0627"), text.index("\u201d"), alignment_mode="expand")
    latin = doc.char_span(text.index("Hasankeyf"), text.index("Hasankeyf") + len("Hasankeyf"))
    doc = nlp(doc)
    arabic, latin = doc[arabic.start:arabic.end], doc[latin.start:latin.end]
    assert not plausible_place(arabic) and not plausible_org(arabic, load_knowledge_base())
    assert plausible_place(latin)


def test_defending_another_state_is_security_cooperation(nlp):
    # One state pledging to defend another backs it; a state defending itself, a decision or
    # its own invasion of a third does not.
    pledged = coop(nlp, "Washington announced its determination to defend Taiwan against attack.")
    assert [(c["trigger"].split()[0], c["domain"]) for c in pledged] == [("defend", ["security"])]
    assert coop(nlp, "Japan would not defend South Korea if war broke out.")[0]["modality"] == "negated"
    for text in ("Israel has the right to defend itself.", "The minister defended the decision to cut aid.",
                 "Russia defended its invasion of Ukraine at the Security Council."):
        assert coop(nlp, text) == [], text


def test_creating_an_international_body_is_cooperation(nlp):
    # States that found an international body act together; founding a national agency or
    # creating jobs is not cooperation.
    for text in ("It also prompted the creation of the International Energy Agency.",
                 "The United States led the creation of the Southeast Asia Treaty Organization.",
                 "The General Assembly approved the creation of a U.N. peacekeeping force."):
        assert [c["trigger"] for c in coop(nlp, text)] == ["creation"], text
    for text in ("Congress approved the creation of the Department of Homeland Security.",
                 "The creation of jobs in Ohio remains the governor's priority."):
        assert coop(nlp, text) == [], text


def test_diplomatic_posts_opened_raised_or_closed_are_relations(nlp):
    # Establishing, raising or closing an embassy or legation makes or breaks relations, in
    # the passive as in the active; closing a museum does not.
    cases = {
        "The U.S. Legation was established in Beijing in 1862.": ("established", "actual"),
        "The Legation in Beijing was elevated to the level of Embassy in 1935.": ("elevated", "actual"),
        "The United States opened an embassy in Hanoi in 1995.": ("opened an embassy", "actual"),
        "The U.S. embassy in Taipei was closed on February 28, 1979.": ("closed", "negated"),
    }
    for text, (trigger, modality) in cases.items():
        found = coop(nlp, text)
        assert [(c["trigger"], c["modality"], c["domain"]) for c in found] == [(trigger, modality, ["diplomatic"])], text
    assert coop(nlp, "The museum was closed for renovation.") == []


def test_buying_from_a_named_state_is_economic_or_security_cooperation(nlp):
    # A state buying goods or arms of another is trade; a state buying time, or shoppers
    # buying goods, is not.
    soybeans = coop(nlp, "China will purchase at least 12 million metric tons of U.S. soybeans.")
    assert [(c["trigger"].split()[0], c["domain"]) for c in soybeans] == [("purchase", ["economic"])]
    s400 = coop(nlp, "Turkey bought the S-400 system from Russia despite American objections.")
    assert [c["trigger"].split()[0] for c in s400] == ["bought"] and "security" in s400[0]["domain"]
    assert [c["trigger"] for c in coop(nlp, "Iran bought time by stalling the talks.")] == ["talks"]
    assert coop(nlp, "Consumers buy cheaper goods online.") == []


def test_support_for_a_peoples_state_side_and_arbitration(nlp):
    # The people of a state the linker reads as a place, the side one stands by, and a
    # dispute taken to arbitration; jobs in a place or a city's rebuilding are not partners.
    assert [c["trigger"] for c in coop(nlp, "We will continue to support the people of Nicaragua.")] == ["support the people"]
    assert [c["trigger"] for c in coop(nlp, "We have stood by your side since this war began.")] == ["stood by"]
    assert [c["trigger"] for c in coop(nlp, "Venezuela submitted the boundary dispute to arbitration.")] == ["arbitration"]
    for text in ("The company supports jobs in Ohio.", "We support the rebuilding of Aleppo."):
        assert coop(nlp, text) == [], text


def test_troops_sent_are_cooperation_only_where_welcome(nlp):
    # Troops for a peace operation, or sent on request or to help, are security cooperation;
    # troops massed on a border are not.
    for text in ("The UK is also deploying 250 troops to MINUSMA later this year.",
                 "Britain sent troops to Kuwait at the emir's request."):
        found = coop(nlp, text)
        assert len(found) == 1 and found[0]["domain"] == ["security"], text
    for text in ("Russia sent troops to the Ukrainian border.", "Russia sent 100,000 troops to the border with Ukraine."):
        assert coop(nlp, text) == [], text
    both = coop(nlp, "Russia sent troops to the border, and NATO vowed to help Ukraine.")
    assert [c["trigger"] for c in both] == ["help Ukraine"]


def test_honours_policy_declarations_and_peoples_contributions_are_not_cooperation(nlp):
    for text in ("Mr. Speaker, I rise today in recognition of the 25th anniversary of the strikes in Poland.",
                 "So I agree with the declaration of policy.",
                 "We celebrated the incalculable contribution of the Irish community to London.",
                 "We celebrate the enormous contribution the Chinese people have made to the development of Australia."):
        assert coop(nlp, text) == [], text
    principles = coop(nlp, "Japan and Australia issued a declaration of principles on maritime security.")
    assert [c["trigger"] for c in principles] == ["declaration"]
    assert [c["trigger"] for c in coop(nlp, "Britain's contribution to NATO rose to 2.3 per cent of GDP.")] == ["contribution"]
    assert coop(nlp, "Washington withheld recognition of the new government in Kabul.")[0]["modality"] == "negated"


def test_korea_alone_is_the_republic_but_not_in_war_names_compounds_or_journal_names(nlp):
    # "Korea" without North is the Republic of Korea (and the Korea of before the division,
    # which the Republic continues); "Koreans" are of either state, or both, and name none;
    # "inter-Korean" is between the two, "the Korean War" a war's name, and "at the Korea
    # Policy Review" at a journal, not in Korea.
    found = mentions(run(nlp, "Korea signed a treaty with Japan in 1876, and the Koreans resisted Japanese rule in Korea."))
    assert {(t, k, e) for t, k, e in found if "Korea" in t} == {("Korea", "actor", "state:KOR"), ("Korea", "place", "state:KOR")}
    found = mentions(run(nlp, "Inter-Korean talks resumed after the Korean War anniversary."))
    assert not any(e == "state:KOR" for _, _, e in found)
    found = mentions(run(nlp, "Jae-won Lim is a research fellow at the Korea Policy Review."))
    assert not any(k == "place" for t, k, _ in found if t == "Korea")


def test_england_is_the_british_state_or_a_place_in_it(nlp):
    found = mentions(run(nlp, "England has recently associated herself with the Franco-Russian Alliance. He studied in England."))
    assert [(t, k, e) for t, k, e in found if t == "England"] == [("England", "actor", "state:GBR"), ("England", "place", "state:GBR")]
    assert not any(t == "English" for t, _, _ in mentions(run(nlp, "She taught English in Osaka.")))


def test_generic_powers_legal_designations_and_usg(nlp):
    # "the Powers" is no body, "a Foreign Terrorist Organization" is a legal category, and
    # "USG" (the U.S. Government) is the United States.
    assert mentions(run(nlp, "The Powers agreed to meet again.")) == []
    found = mentions(run(nlp, "The State Department designated the group a Foreign Terrorist Organization."))
    assert not any("Terrorist" in t for t, _, _ in found)
    assert ("USG", "actor", "state:USA") in mentions(run(nlp, "USG officials have engaged with the Taliban."))


def test_relations_forged_by_the_subject_of_an_adjective(nlp):
    # "have been able to forge", "was ready to restore": the subject is the copula's.
    assert [c["trigger"] for c in coop(nlp, "Australia and China have been able to forge such a relationship.")] == ["relationship"]
    ready = coop(nlp, "The United States was ready to restore relations.")
    assert [(c["trigger"], c["modality"]) for c in ready] == [("relations", "proposed")]


@pytest.mark.parametrize("text, expected", [
    # a region or continent spans states: it takes none of those named around it
    ("Germany must secure colonies in Central Africa, while Russia expands in Northern Asia.",
     {"Central Africa": "", "Northern Asia": ""}),
    # a state or a large city at the start of a place's name gives its country, whichever
    # state the sentence names nearest
    ("India shelled targets in East Pakistan and West Pakistan.", {"East Pakistan": "PAK", "West Pakistan": "PAK"}),
    ("The United States struck a convoy leaving Baghdad International Airport.", {"Baghdad International Airport": "IRQ"}),
])
def test_an_unknown_place_takes_its_country_from_its_name_before_its_neighbours(nlp, text, expected):
    doc = run(nlp, text)
    entities = doc._.policy_entities
    found = {m["text"]: entities[m["entity_id"]]["country_iso3"] for m in doc._.policy_mentions if m["kind"] == "place"}
    assert {name: found.get(name) for name in expected} == expected


def test_a_shared_capital_stands_for_the_state_the_text_names(nlp):
    # Moscow and the Kremlin were the Soviet Union's seat before Russia's: a text that names
    # the Soviet Union and never Russia means the Soviet Union by them, one naming Russia's
    # president means Russia.
    found = mentions(run(nlp, "The Soviet Union invaded Afghanistan. Moscow claimed that the Kremlin had been invited."))
    assert [(t, e) for t, _, e in found if t in {"Moscow", "Kremlin"}] == [("Moscow", "state:SUN"), ("Kremlin", "state:SUN")]
    found = mentions(run(nlp, "Putin met Biden. Moscow said the Soviet Union was gone."))
    assert ("Moscow", "actor", "state:RUS") in found
    found = mentions(run(nlp, "Hanoi sent troops south, and North Vietnam denied it."))
    assert ("Hanoi", "actor", "state:VDR") in found


def test_a_title_of_address_makes_a_town_name_a_person_and_the_summit_is_no_town(nlp):
    # "Mr. Hyde" is a person, not Hyde in England; "The Summit" after the summit's full name
    # is no town in New Jersey, while "the Mosul farmer" is still of Mosul.
    found = mentions(run(nlp, "I thank the gentleman from Illinois (Mr. Hyde) for his work."))
    assert [(t, k) for t, k, _ in found if t.endswith("Hyde")] == [("Mr. Hyde", "actor")]
    found = mentions(run(nlp, "Boris Johnson hosts the UK-Africa Investment Summit in London. The Summit brings together "
                              "British and African businesses."))
    assert not any(t == "Summit" for t, _, _ in found)
    found = mentions(run(nlp, "The data would let the Mosul farmer plan his season."))
    assert [(t, k) for t, k, _ in found if t == "Mosul"] == [("Mosul", "place")]


def test_bodies_named_with_their_state_and_people_named_by_what_they_do(nlp):
    doc = run(nlp, "In 2005 the officials of the Ministry of Foreign Affairs of Pakistan met staff of the Securities "
                   "and Exchange Commission of Pakistan in Islamabad.")
    names = {m["text"]: doc._.policy_entities[m["entity_id"]]["country_iso3"] for m in doc._.policy_mentions}
    assert names.get("Ministry of Foreign Affairs of Pakistan") == "PAK"
    assert names.get("Securities and Exchange Commission of Pakistan") == "PAK"
    # the acronym after the full name is the same body, of the state its name names
    doc = run(nlp, "After the visit, the Communist Party of Cuba (PCC) kept its monopoly, and the PCC jailed artists.")
    found = [(m["text"], m["entity_id"]) for m in doc._.policy_mentions]
    assert found[0] == ("Communist Party of Cuba", "org:communist-party-of-cuba") and {e for _, e in found} == {found[0][1]}
    assert doc._.policy_entities[found[0][1]]["country_iso3"] == "CUB"
    # a name the model calls a body, after "candidate", is a person
    doc = run(nlp, "The court upheld a fifteen-year ban on opposition candidate María Corina Machado, who had won the primary.")
    assert [(m["text"], doc._.policy_entities[m["entity_id"]]["type"]) for m in doc._.policy_mentions
            if "Machado" in m["text"]] == [("María Corina Machado", "person")]


def test_a_title_alone_is_no_actor_or_place_and_a_title_before_a_name_makes_a_person(nlp):
    found = mentions(run(nlp, "In 1950 the Chargé in Damascus reported that the Syrian government had fallen again."))
    assert not any(t == "Chargé" for t, _, _ in found)
    found = mentions(run(nlp, "The new envoy took up his post when Chargé Dashkov presented his credentials."))
    assert ("Chargé Dashkov", "actor", "person:dashkov") in found


@pytest.mark.parametrize("text, name", [
    ("Under the military dictatorships of Presidents Sukarno and Suharto, a million Indonesians were killed.", "Sukarno"),
    ("H.E. Nana Akufo Addo, President of Ghana, shook hands with the British minister.", "Nana Akufo Addo"),
    ("NSC Spokesperson Adrienne Watson said the United States condemns the launch.", "Adrienne Watson"),
])
def test_words_of_address_and_a_bodys_title_are_not_part_of_a_persons_name(nlp, text, name):
    doc = run(nlp, text)
    people = [m["text"] for m in doc._.policy_mentions if doc._.policy_entities[m["entity_id"]]["type"] in {"person", "leader", "official"}]
    assert name in people and not any(name in p and p != name for p in people)
    # a body's name keeps its first word
    doc = run(nlp, "The Ministers of Foreign Affairs of both countries met in Kabul.")
    assert not any(m["text"].startswith("of ") for m in doc._.policy_mentions)


@pytest.mark.parametrize("text", [
    "This week Prime Minister Netanyahu and I agreed new initiatives. My friendship with PM Netanyahu will carry them.",
    "PM Modi welcomed the delegation to New Delhi and promised a reply within a week.",
])
def test_pm_before_a_name_is_a_title_so_the_leader_is_linked(nlp, text):
    # "PM Netanyahu" had become a person of its own, and "Netanyahu" had followed it there
    doc = run(nlp, text, year=2017, published=True)
    ids = {m["entity_id"] for m in doc._.policy_mentions if m["kind"] == "actor"}
    assert ids in ({"person:benjamin-netanyahu"}, {"person:narendra-modi"}), ids


def test_a_bodys_head_word_after_its_full_name_is_that_body(nlp):
    doc = run(nlp, "The World Bank brokered the treaty in 1960. The Bank has since kept a narrow role. "
                   "The Permanent Indus Commission met twice, but the Commission has not met since May.")
    ids = [m["entity_id"] for m in doc._.policy_mentions if m["text"] in {"Bank", "Commission"}]
    assert ids == ["org:world-bank", "org:permanent-indus-commission"], mentions(doc)


def test_a_name_after_a_noun_for_a_body_is_a_body_not_a_place(nlp):
    doc = run(nlp, "The EU banned the national airline Belavia from its airspace. "
                   "The human rights centre Viasna has documented the arrests.")
    kinds = {m["text"]: (m["kind"], m["entity_id"]) for m in doc._.policy_mentions}
    assert kinds["Belavia"][0] == "actor" and kinds["Viasna"][0] == "actor", kinds


def test_the_first_of_a_double_surname_names_the_person_not_a_namesake_leader(nlp):
    # "Gonzalez" had become Felipe González, Spain's prime minister of 1982-96, because the text names Spain
    doc = run(nlp, "The opposition candidate Edmundo Gonzalez Urrutia won the count, and Spain later gave him asylum. "
                   "Gonzalez left Caracas in September.", year=2024, published=True)
    ids = {m["entity_id"] for m in doc._.policy_mentions if "Gonzalez" in m["text"]}
    assert ids == {"person:edmundo-gonzalez-urrutia"}, mentions(doc)


def test_plural_seas_and_unknown_acronyms_are_neither_people_nor_places(nlp):
    doc = run(nlp, "Our navies patrol the Sulu and Sulawesi Seas together, under UNCLOS.")
    found = mentions(doc)
    assert not any(eid.startswith("person:") for _, _, eid in found), found
    assert not any(text == "UNCLOS" and kind == "place" for text, kind, _ in found), found


def test_a_pact_named_after_a_place_is_not_a_person(nlp):
    doc = run(nlp, "Islamabad has invoked the 1972 Simla Agreement.")
    assert not any(m["text"] == "Simla Agreement" and m["entity_id"].startswith("person:") for m in doc._.policy_mentions)


def test_a_name_the_model_calls_a_body_after_the_same_person_is_that_person(nlp):
    doc = run(nlp, "In 1844 Minister Plenipotentiary Caleb Cushing presented his credentials in Macau. "
                   "Relations were established on June 16, 1844, when Caleb Cushing presented his credentials as Envoy.")
    ids = {m["entity_id"] for m in doc._.policy_mentions if m["text"].endswith("Cushing")}
    assert len(ids) == 1 and doc._.policy_entities[ids.pop()]["type"] == "person"


@pytest.mark.parametrize("text, year, holder", [
    ("Iran's Supreme Leader vowed revenge for the strike.", 2020, "Ali Khamenei"),
    ("The Prime Minister of Israel welcomed the agreement.", 2024, "Benjamin Netanyahu"),
    ("The Minister for Foreign Affairs of Australia flew to New Delhi.", 1998, "Alexander Downer"),
    # no one in particular, someone named beside it, another year's holder, a year of two holders
    ("Netanyahu's visit was the first by a serving Israeli Prime Minister.", 2017, None),
    ("Iran's former president attended the funeral.", 2020, None),
    ("President Biden spoke with the President of Lebanon, Michel Aoun, about the deal.", 2022, None),
    ("In 2009 the Iranian president won a disputed election.", 2020, None),
    ("The Prime Minister of Israel welcomed the agreement.", 2022, None),
])
def test_an_office_with_its_state_names_its_holder_in_the_year_of_publication(nlp, text, year, holder):
    doc = run(nlp, text, year, published=True)
    offices = [doc._.policy_entities[m["entity_id"]]["name"] for m in doc._.policy_mentions
               if m["text"].lower() in {"supreme leader", "prime minister", "minister for foreign affairs", "president"}]
    assert offices == ([holder] if holder else [])
    # a year estimated from the years a text names is a period, not a date: no holder then
    doc = run(nlp, text, year, published=False)
    assert not any(m["text"].lower() == "supreme leader" for m in doc._.policy_mentions)


def test_the_year_of_publication_reaches_the_office_scan_through_a_run(analyzer, tmp_path):
    path = tmp_path / "statement.txt"
    path.write_text("Statement on the strikes\n\nPublished April 14, 2024\n\n"
                    "Iran's Supreme Leader ordered the attack on Israel. The United States condemned it.\n", encoding="utf-8")
    result = analyzer.analyze_path(path, tmp_path)
    assert any(m["text"] == "Supreme Leader" and m["name"] == "Ali Khamenei" for m in result.mentions)


def test_a_place_name_runs_past_its_particles_and_a_body_named_as_a_place_is_a_body(nlp):
    doc = run(nlp, "On July 11, thousands of Cubans walked into the streets of Havana, Santiago de Cuba and "
                   "San Antonio de los Baños chanting for food.")
    places = {m["text"]: doc._.policy_entities[m["entity_id"]]["country_iso3"] for m in doc._.policy_mentions if m["kind"] == "place"}
    assert places.get("San Antonio de los Baños") == "CUB" and "San Antonio de" not in places
    doc = run(nlp, "Contingents from Estonia, the Czech Republic and Sweden have joined France in Task Force Takuba.")
    assert ("Task Force Takuba", "actor") in [(m["text"], m["kind"]) for m in doc._.policy_mentions]
    doc = run(nlp, "When government negotiators and the opposition Unitary Platform signed the Barbados Agreement in "
                   "October 2023, Washington eased sanctions.")
    assert [m["kind"] for m in doc._.policy_mentions if m["text"] == "Unitary Platform"] == ["actor"]


def test_a_building_where_something_happens_is_a_place_in_the_city_it_is_in(nlp):
    doc = run(nlp, "The minister opened a new wing at Komfo Anokye Teaching Hospital in Kumasi.")
    found = {m["text"]: (m["kind"], doc._.policy_entities[m["entity_id"]]["country_iso3"]) for m in doc._.policy_mentions}
    assert found["Komfo Anokye Teaching Hospital"] == ("place", "GHA")
    # the same hospital as the one that acts is a body
    doc = run(nlp, "Komfo Anokye Teaching Hospital signed a partnership with a British university.")
    assert [m["kind"] for m in doc._.policy_mentions if m["text"] == "Komfo Anokye Teaching Hospital"] == ["actor"]


@pytest.mark.parametrize("text, name, country", [
    ("The two squadrons came from Seymour Johnson Air Force Base in North Carolina.", "Seymour Johnson Air Force Base", "USA"),
    ("The memorandum was signed in the presence of both leaders at Parliament House in Canberra.", "Parliament House", "AUS"),
    ("Speaking with the President in the Oval Office, the prime minister raised the hostages.", "Oval Office", "USA"),
])
def test_bases_houses_and_offices_where_something_happens_are_places(nlp, text, name, country):
    doc = run(nlp, text)
    found = {m["text"]: (m["kind"], doc._.policy_entities[m["entity_id"]]["country_iso3"]) for m in doc._.policy_mentions}
    assert found[name] == ("place", country)
    # a think tank that hosts an event stays a body
    doc = run(nlp, "The report was presented at Chatham House in London.")
    assert [m["kind"] for m in doc._.policy_mentions if m["text"] == "Chatham House"] == ["actor"]


def test_a_memorandum_of_understanding_is_one_mention(nlp):
    found = coop(nlp, "Vietnam and the Philippines signed a memorandum of understanding on coast guard exchanges.")
    assert [c["trigger"] for c in found if "understanding" in c["trigger"] or "memorandum" in c["trigger"]] == ["memorandum"]


def test_the_city_of_a_wire_dateline_is_a_place_and_its_agency_takes_no_part(analyzer, tmp_path):
    path = tmp_path / "wire.txt"
    path.write_text("U.S. and South Korea agree on clean energy research\n\n"
                    "SEOUL, March 3 (Yonhap) -- South Korea and the United States agreed Friday to expand joint "
                    "research on hydrogen, the science ministry said. (END)\n", encoding="utf-8")
    result = analyzer.analyze_path(path, tmp_path)
    assert ("SEOUL", "place", "KOR") in {(m["text"], m["kind"], m["country_iso3"]) for m in result.mentions}
    assert not any(m["text"] in {"Yonhap", "END"} for m in result.mentions)
    assert result.document["title"] == "U.S. and South Korea agree on clean energy research"  # the story is no headline
    assert result.cooperation and all(row["participant_names"] == "South Korea; United States" for row in result.cooperation)


def test_those_cooperation_is_aimed_at_take_no_part_in_it(nlp):
    rows = {c["trigger"]: c for c in coop(nlp, "We will expand our defence cooperation against al-Shabaab in Somalia.")}
    assert not any("shabaab" in p.lower() for p in rows["defence cooperation"]["participants"])
    # what is itself opposed keeps its sides
    rows = coop(nlp, "Germany would deal a heavy blow against the Anglo-Russian alliance.")
    assert rows and any("state:RUS" in r["participants"] for r in rows)


def test_a_name_cut_by_the_line_break_of_hard_wrapped_text_is_still_found(analyzer, tmp_path):
    # Text from PDFs and e-mails breaks lines every 70-80 characters; a break inside a name
    # had hidden it from the tagger ("Crown Prince Mohammed" / "bin Salman" became King Salman).
    text = ("Iranian Foreign Minister Abbas Araghchi visited Riyadh in October and met Crown Prince Mohammed\n"
            "bin Salman, and the chief of staff of the Saudi armed forces travelled to Tehran the following month.\n")
    path = tmp_path / "wrapped.txt"
    path.write_text(text, encoding="utf-8")
    result = analyzer.analyze_path(path, tmp_path)
    people = {m["entity_id"]: text[m["start_char"]:m["end_char"]] for m in result.mentions}
    # (written as the line that starts the name: a cell holds one line)
    assert people.get("person:mohammed-bin-salman") == "Crown Prince Mohammed", people
    assert "person:salman-bin-abdulaziz" not in people


def test_a_mention_cut_by_a_line_break_is_written_as_its_line_that_starts_the_name():
    # one line per cell, and the offsets still reproduce the cell's text
    from policy_nlp.rows import _one_line_span

    text = "met Crown Prince Mohammed\nbin Salman in Riyadh, and the Alliance\nof Sahel States"
    s, e = _one_line_span(text, 4, 36)
    assert text[s:e] == "Crown Prince Mohammed"
    start = text.index("Alliance")
    s, e = _one_line_span(text, start, len(text))
    assert text[s:e] == "Alliance"
    assert _one_line_span(text, 0, 3) == (0, 3)


def test_the_north_is_north_korea_only_as_a_state_not_in_a_north_south_name(nlp):
    doc = run(nlp, "North Korea fired two missiles on Monday. Japan funds the North\u2013South Commuter Railway near "
                   "Manila. The North fired again on Friday.")
    norths = [m["text"] for m in doc._.policy_mentions if m["entity_id"] == "state:PRK"]
    assert norths == ["North Korea", "North"], mentions(doc)


def test_a_time_is_no_person_and_a_named_reservoir_is_a_place(nlp):
    doc = run(nlp, "The briefing began at 11:05 A.M. KST in Seoul. Work resumed at the Rogun reservoir in Tajikistan.")
    found = mentions(doc)
    assert not any("A.M." in text for text, _, _ in found), found
    assert any(text == "Rogun reservoir" and kind == "place" for text, kind, _ in found), found


def test_a_leaders_state_joins_the_leader_as_a_side_when_the_text_names_it(nlp):
    doc = run(nlp, "Pakistan and Australia signed a trade agreement in 2005. President Pervez Musharraf paid a state "
                   "visit to Australia at the invitation of the Governor-General.", year=2005, published=True)
    visit = [c for c in doc._.policy_cooperation if "visit" in c["trigger"]]
    assert visit and {"person:pervez-musharraf", "state:PAK", "state:AUS"} <= set(visit[0]["participants"]), visit
    # a state the text never names is no entity of it, so it is not added
    doc = run(nlp, "President Pervez Musharraf paid a state visit to Australia.", year=2005, published=True)
    assert all(c["participants"].count("state:PAK") == 0 for c in doc._.policy_cooperation)


def test_the_kingdom_is_the_one_kingdom_a_text_names(nlp):
    doc = run(nlp, "Saudi Arabia and Iran restored ties in 2023. Araghchi has described relations with the Kingdom "
                   "as positive, and the Kingdom's foreign ministry agreed.")
    assert [m["entity_id"] for m in doc._.policy_mentions if m["text"] == "Kingdom"] == ["state:SAU"] * 2
    # two kingdoms named: the shorthand could be either
    doc = run(nlp, "Jordan and Morocco signed a trade pact in Rabat. The Kingdom welcomed it.")
    assert not any(m["text"] == "Kingdom" for m in doc._.policy_mentions)


def test_an_unknown_one_word_place_the_text_uses_as_a_persons_name_is_that_person(nlp):
    # "Khoshaba" and "Jamal" had been places with no coordinates
    doc = run(nlp, "Emmanuale Khoshaba, a member of the party, spoke. \"The glass is half-empty,\" said Khoshaba, "
                   "who is a leader. The fiancee of journalist Jamal Khashoggi spoke. "
                   "Imagine the world silent over Jamal's killing.")
    found = mentions(doc)
    assert not any(kind == "place" for _, kind, _ in found), found
    ids = {text: eid for text, _, eid in found}
    assert ids["Khoshaba"] == "person:emmanuale-khoshaba" and ids["Jamal"] == "person:jamal-khashoggi", found


def test_a_hyphenated_given_name_the_model_calls_a_body_is_a_person(nlp):
    doc = run(nlp, "The army overthrew the government of Jean-Bertrand Aristide in 1991. "
                   "Three years later Aristide returned to Haiti.", year=1994, published=True)
    ids = {m["entity_id"] for m in doc._.policy_mentions if "Aristide" in m["text"]}
    assert ids == {"person:jean-bertrand-aristide"}, mentions(doc)


@pytest.mark.parametrize("text, word", [
    ("Boris Johnson hosts the UK-Africa Investment Summit in London with Ghana's president.", "Summit"),
    ("Families in Seoul bought Liberty bonds to pay for the war against Japan.", "Liberty"),
    ("The agency will modernize Federal networks, the Pentagon said.", "Federal"),
    ("Beijing watched it closely, as if some new Alice had ventured behind a looking-glass.", "Alice"),
])
def test_a_common_word_that_only_small_towns_are_named_is_not_a_place_where_nothing_is_put_in_it(nlp, text, word):
    # Summit (New Jersey), Liberty (Missouri), Federal (Argentina), Alice (Texas)
    found = mentions(run(nlp, text))
    assert not any(said == word and kind == "place" for said, kind, _ in found), found


@pytest.mark.parametrize("text, word, country", [
    ("Jordan says its Aqaba-Amman conveyance project will not deliver water before 2030.", "Aqaba", "JOR"),
    ("Port Arthur and Southern Manchuria up to Mukden were acquired by the Japanese.", "Mukden", "CHN"),
    ("Ministers met in Summit, New Jersey, for two days of talks.", "Summit", "USA"),
])
def test_towns_named_in_their_country_or_placed_stay_places(nlp, text, word, country):
    found = [m for m in run(nlp, text)._.policy_mentions if m["text"] == word]
    assert found and found[0]["kind"] == "place" and found[0]["entity_id"].startswith("geo:"), found


def test_the_first_words_of_a_place_or_body_named_in_full_are_that_place_or_body(nlp):
    # "Scarborough" had become the English town, "the Pedro Kourí Institute" a second body
    doc = run(nlp, "Chinese coast guard ships blocked Filipino boats at Scarborough Shoal in April. "
                   "Fishermen say Scarborough is now closed to them. The Pedro Kourí Institute of Tropical Medicine "
                   "in Havana will host the trial, and the Pedro Kourí Institute has asked for reagents.")
    ids = {(m["text"], m["entity_id"]) for m in doc._.policy_mentions}
    assert ("Scarborough", "place:scarborough-shoal") in ids, ids
    assert ("Pedro Kourí Institute", "org:pedro-kouri-institute-of-tropical-medicine") in ids, ids


def test_a_place_before_the_name_of_a_body_there_stays_the_place(nlp):
    doc = run(nlp, "Leaders gather at the Sandton Convention Centre in Johannesburg. "
                   "Hotels in Sandton are full, and police have closed the roads around Sandton.")
    kinds = {m["kind"] for m in doc._.policy_mentions if m["text"] == "Sandton"}
    assert kinds == {"place"}, mentions(doc)


def test_ai_is_not_a_place(nlp):
    doc = run(nlp, "Beijing and Brussels agreed benchmarks for trustworthy AI through coordination on standards.")
    assert not any(m["text"] == "AI" and m["kind"] == "place" for m in doc._.policy_mentions), mentions(doc)


def test_an_unknown_name_that_starts_with_a_given_name_is_a_person_not_a_place(nlp):
    doc = run(nlp, "After the death of Yevgeny Prigozhin in August 2023, the Russian Ministry of Defence took over the group.")
    found = [(m["kind"], m["entity_id"]) for m in doc._.policy_mentions if m["text"] == "Yevgeny Prigozhin"]
    assert found == [("actor", "person:yevgeny-prigozhin")], mentions(doc)


@pytest.mark.parametrize("text, word", [
    ("In 2024 Niger withdrew the licence of the French group Orano at the Imouraren deposit.", "Orano"),
    ("The Treasury revoked a licence covering the state gold miner Minerven last week.", "Minerven"),
])
def test_a_name_after_a_noun_for_a_body_is_that_body_even_if_a_city_has_that_name(nlp, text, word):
    # "Orano" had become Oran, Algeria (its Italian name)
    found = [m["kind"] for m in run(nlp, text)._.policy_mentions if m["text"] == word]
    assert found == ["actor"], found


@pytest.mark.parametrize("text, trigger_word", [
    ("During that visit, India extended a line of credit of 250 million dollars to Kenya.", "extended"),
    ("Researchers have tracked Russian tankers delivering refined petroleum to North Korea.", "delivering"),
    ("Russia sold more grain to Egypt last year than in any year before.", "sold"),
])
def test_credit_extended_and_commodities_given_or_sold_to_a_state_are_economic_or_energy_cooperation(nlp, text, trigger_word):
    found = coop(nlp, text)
    assert found and trigger_word in found[0]["trigger"] and {"economic", "energy"} & set(found[0]["domain"]), found


@pytest.mark.parametrize("text, modality", [
    # "will continue to" commits; cooperation that continues goes on
    ("Both governments will continue to cooperate with Afghanistan on investment.", "proposed"),
    ("The United States will continue our support for Ethiopia in addressing humanitarian needs.", "proposed"),
    ("Trilateral cooperation between Japan and Korea on missile warning data will continue.", "actual"),
    ("France and Germany continue to cooperate on space.", "actual"),
    # set in the future, unless it is done
    ("We are working towards agreeing an enhanced trade partnership with India next year.", "proposed"),
    ("It opens the doors for us to continue the dialogue with Venezuela in the months ahead.", "proposed"),
    ("France and Germany signed a space agreement, which enters into force next year.", "actual"),
    # relations cooled, an agreement violated, an invitation extended
    ("The crackdown cooled U.S.-Chinese relations considerably.", "negated"),
    ("Indonesia violated the terms of the agreement with the Netherlands by military force.", "negated"),
    ("President Musharraf extended an invitation to Prime Minister Howard to visit Pakistan.", "proposed"),
])
def test_modality_of_commitments_future_plans_cooled_relations_and_invitations(nlp, text, modality):
    found = coop(nlp, text)
    assert found and found[0]["modality"] == modality, found


@pytest.mark.parametrize("text, trigger_word, modality", [
    ("More than 28,000 Pakistani students are currently studying in China.", "studying", "actual"),
    ("Some 2,000 students from Kazakhstan are currently enrolled in Germany.", "enrolled", "actual"),
    ("Australia has committed more than four hundred million dollars to Solomon Islands.", "committed", "actual"),
    ("If such a vote were held, the world should reward Myanmar with normalised relations.", "relations", "hypothetical"),
])
def test_students_abroad_money_committed_and_normalised_relations_are_cooperation(nlp, text, trigger_word, modality):
    found = coop(nlp, text)
    assert found and trigger_word in found[0]["trigger"] and found[0]["modality"] == modality, found


def test_students_studying_in_their_own_state_are_not_cooperation(nlp):
    assert coop(nlp, "Chinese students study hard in China, and students study in Paris every year.") == []


def test_an_airport_is_a_place_and_a_name_cut_before_a_state_keeps_its_whole_name(nlp):
    doc = run(nlp, "The New Gwadar International Airport, financed by a Chinese grant, opened in 2024. "
                   "From 2003 to 2017, the Regional Assistance Mission to Solomon Islands, known as RAMSI, "
                   "brought police from Australia. RAMSI left in 2017.")
    found = {(m["text"], m["kind"], m["entity_id"]) for m in doc._.policy_mentions}
    assert ("New Gwadar International Airport", "place", "place:new-gwadar-international-airport") in found, found
    ramsi = {eid for text, _, eid in found if text in {"RAMSI", "Regional Assistance Mission to"}}
    assert ramsi == {"org:regional-assistance-mission-to-solomon-islands"}, found


def test_a_surname_after_a_title_is_written_with_the_title(nlp):
    # gold names such people as the text does ("Mr. Cardoza", "Senator Coons"); the bare
    # surname had matched nothing
    doc = run(nlp, "Mr. Cardoza spoke first. Then Senator Coons and General Kurilla met Foreign Minister Uchida.")
    texts = [m["text"] for m in doc._.policy_mentions if m["entity_id"].startswith("person:")]
    assert texts[:3] == ["Mr. Cardoza", "Senator Coons", "General Kurilla"], texts
    assert all(doc.text[m["start_char"]:m["end_char"]] == m["text"] for m in doc._.policy_mentions)


def test_a_possessor_and_a_body_or_a_state_and_its_leader_run_together_are_linked_apart(nlp):
    doc = run(nlp, "USAID’s Center for International Disaster Information helped. Cuba’s Institute of Meteorology "
                   "shared data, and the Institute of Meteorology later published it. "
                   "I spoke with Prime Minister of Israel Yair Lapid today.", year=2022, published=True)
    found = [(m["text"], m["entity_id"]) for m in doc._.policy_mentions]
    assert ("Center for International Disaster Information", "org:center-for-international-disaster-information") in found
    assert {e for t, e in found if t == "Institute of Meteorology"} == {"org:institute-of-meteorology"}, found
    assert ("Cuba", "state:CUB") in found and ("Yair Lapid", "person:yair-lapid") in found, found


def test_a_possessive_inside_a_name_stays_in_it(nlp):
    doc = run(nlp, "In 1978 the People’s Democratic Party of Afghanistan seized power in Kabul.")
    assert not any(m["text"] == "People" for m in doc._.policy_mentions), mentions(doc)


@pytest.mark.parametrize("text, word, entity", [
    ("The Secretary visited refugee camps in neighboring Sudan last week.", "Sudan", "state:SDN"),
    ("North Korea could immediately devastate Seoul with conventional artillery.", "Seoul", "geo:1835848"),
    ("The railroad connecting Tbilisi, Georgia and Kars, Turkey bypasses Armenia.", "Georgia", "state:GEO"),
])
def test_places_in_neighbouring_states_cities_devastated_and_a_capital_before_its_country(nlp, text, word, entity):
    found = [(m["kind"], m["entity_id"]) for m in run(nlp, text)._.policy_mentions if m["text"] == word]
    assert found == [("place", entity)], found


@pytest.mark.parametrize("text, word", [
    ("Syrian troops entered Tell Tamer yesterday according to state media.", "Tell Tamer"),
    ("The UN worked with Turkish authorities to reopen the Bab al-Hawa crossing, a lifeline for aid.", "Bab al-Hawa crossing"),
    ("A closer relationship with India, and the wider Indo-Pacific region, is our priority.", "Indo-Pacific"),
    ("Lukashenko let Russian troops use Belarusian territory to launch the attack on Kyiv.", "Kyiv"),
    ("Two and a half years ago, a Ryanair flight from Athens to Vilnius was ordered down.", "Athens"),
    ("Through much of last year, charter flights from Haiti, Cuba and even from Africa landed in Managua.", "Cuba"),
])
def test_towns_sites_regions_and_what_is_attacked_or_flown_from_are_places(nlp, text, word):
    found = [m["kind"] for m in run(nlp, text)._.policy_mentions if m["text"] == word]
    assert found == ["place"], mentions(run(nlp, text))


def test_a_name_the_model_calls_a_person_that_goes_on_to_a_verb_stays_a_person(nlp):
    doc = run(nlp, "Writing at South Jerusalem Gresghom Gorenberg notes that the speech was carefully balanced.")
    assert not any(m["text"] == "Gresghom Gorenberg" and m["kind"] == "place" for m in doc._.policy_mentions), mentions(doc)


def test_the_south_after_a_province_named_south_is_still_the_korea(nlp):
    doc = run(nlp, "Clinics in South Pyongan lack drugs. The United States should agree with the South to fast-track "
                   "exemptions, and the South should lead.")
    ids = {m["entity_id"] for m in doc._.policy_mentions if m["text"] == "South"}
    assert ids == {"state:KOR"}, mentions(doc)


def test_the_names_of_lists_schemes_and_visas_are_no_bodies(nlp):
    doc = run(nlp, "Hotels on the Cuba Restricted List are off limits. Workers came through the Pacific Engagement Visa, "
                   "and the Pacific Australia Labour Mobility scheme brought thousands. The World Bank program grew.")
    bodies = {m["text"] for m in doc._.policy_mentions if m["entity_id"].startswith("org:")}
    assert bodies == {"World Bank"}, mentions(doc)


def test_a_ministry_named_with_a_list_and_two_bodies_joined_by_and(nlp):
    doc = run(nlp, "The Ministry of Economy, Trade and Industry tightened its rules. The Federation of Korean Industries "
                   "and Keidanren launched a fund. The Ministry of Trade and Industry agreed.")
    bodies = [m["text"] for m in doc._.policy_mentions if m["entity_id"].startswith("org:")]
    assert bodies == ["Ministry of Economy, Trade and Industry", "Federation of Korean Industries", "Keidanren",
                      "Ministry of Trade and Industry"], bodies


def test_a_verb_that_starts_the_sentence_is_no_part_of_the_name_after_it(nlp):
    doc = run(nlp, "Egypt should accept those offers, and Ethiopia's partners should encourage Abiy to join in good "
                   "faith. Isolating Addis Ababa will not empty the reservoir; threatening it will only make every "
                   "Ethiopian government more determined to operate the dam alone.")
    found = [(m["text"], m["entity_id"]) for m in doc._.policy_mentions]
    assert ("Addis Ababa", "state:ETH") in found and not any(t.startswith("Isolating") for t, _ in found), found


@pytest.mark.parametrize("text", [
    "Both sides agree that the talks failed to achieve anything.",
    "Experts agree that the sanctions have failed.",
])
def test_two_sides_sharing_a_view_is_no_agreement(nlp, text):
    assert not any("agree" in f["trigger"] for f in coop(nlp, text))


def test_an_unknown_name_joined_to_a_known_minister_or_apposed_to_ministers_is_a_person(nlp):
    doc = run(nlp, "The new foreign ministers, Giorgos Gerapetritis and Hakan Fidan, met in Ankara in November.")
    found = {m["text"]: m["kind"] for m in doc._.policy_mentions}
    assert found.get("Giorgos Gerapetritis") == "actor" and found.get("Ankara") == "place", found
    assert any(m["entity_id"].startswith("person:") for m in doc._.policy_mentions if m["text"] == "Giorgos Gerapetritis")


def test_words_of_a_title_or_common_words_joined_to_a_person_stay_what_they_were(nlp):
    doc = run(nlp, "The Executive Power and President Dartiguenave signed the convention in Port-au-Prince.")
    assert not any(m["entity_id"].startswith("person:") for m in doc._.policy_mentions if m["text"] == "Executive Power"), mentions(doc)


@pytest.mark.parametrize("text, word, kind", [
    ("Putin received his guest informally at his residence in Novo-Ogaryovo on Monday evening.", "Novo-Ogaryovo", "place"),
    ("The Russian president came to mark the 85th anniversary of the battle of Khalkhin Gol.", "Khalkhin Gol", "place"),
    # a paper one writes in, and a bank one pays through, stay bodies
    ("Terror was justified, as Trotsky wrote in Izvestia in January 1919.", "Izvestia", "actor"),
    ("Many soy farmers in Roraima finance their harvests through Sicredi, a cooperative bank.", "Sicredi", "actor"),
    ("The project will link Malé with the islands of Villingili, Gulhifalhu and Thilafushi.", "Gulhifalhu", "place"),
    ("In 2023 YLB chose a consortium led by CATL to build plants at Uyuni and Coipasa.", "Coipasa", "place"),
    ("The central banks of Nigeria and China agreed a currency swap.", "China", "actor"),
])
def test_towns_the_model_calls_bodies_islands_and_sites_where_something_happens_are_places(nlp, text, word, kind):
    found = [m["kind"] for m in run(nlp, text)._.policy_mentions if m["text"] == word]
    assert found == [kind], mentions(run(nlp, text))


def test_capitals_in_a_list_of_addressees_are_all_governments(nlp):
    doc = run(nlp, "We talk to Moscow and to Kyiv, to Beijing and to Washington, and we have joined African leaders.")
    found = {m["text"]: (m["kind"], m["entity_id"]) for m in doc._.policy_mentions}
    assert found["Kyiv"] == ("actor", "state:UKR") and found["Washington"] == ("actor", "state:USA"), found


@pytest.mark.parametrize("text", [
    "Yet Beijing banned imports of Taiwanese citrus fruit and fish within days of the visit.",
    "Tokyo protested the Chinese ban on imports of Japanese seafood.",
])
def test_a_ban_on_imports_is_a_sanction_not_cooperation(nlp, text):
    assert not any("import" in f["trigger"] for f in coop(nlp, text)), coop(nlp, text)


def test_names_the_model_calls_places_that_do_something_are_bodies(nlp):
    doc = run(nlp, "The Lobito Atlantic Railway consortium, led by Trafigura and Vecturis, is upgrading the line.")
    found = {m["text"]: m["kind"] for m in doc._.policy_mentions}
    assert found.get("Trafigura") == "actor" and found.get("Vecturis") == "actor", found


def test_an_indian_honorific_is_no_part_of_the_name(nlp):
    doc = run(nlp, "Talks were held between Prime Minister Shri Narendra Modi and President Mohamed Muizzu in New Delhi.")
    assert any(m["entity_id"] == "person:narendra-modi" for m in doc._.policy_mentions), mentions(doc)


def test_an_agreement_that_expired_is_negated(nlp):
    found = coop(nlp, "The fisheries protocol with Morocco expired in July 2023.")
    assert found and found[0]["modality"] == "negated", found


@pytest.mark.parametrize("text, word", [
    ("The President of Pakistan, His Excellency General Pervez Musharraf paid a state visit to Australia (13-16 June "
     "2005) at the invitation of His Excellency Major General Michael Jeffery AC CVO MC, the Governor-General of the "
     "Commonwealth of Australia.", "Governor-General"),
])
def test_a_title_alone_is_no_place(nlp, text, word):
    assert not any(m["text"] == word for m in run(nlp, text)._.policy_mentions), mentions(run(nlp, text))


@pytest.mark.parametrize("text, name", [
    ("Palau and the Marshall Islands are linked to the United States by Compacts of Free Association.", "Compacts of Free Association"),
    ("The Treaties of Tianjin opened ten more ports to foreign trade in 1858.", "Treaties of Tianjin"),
])
def test_a_pact_named_after_its_head_word_is_no_body(nlp, text, name):
    assert not any(m["text"] == name for m in run(nlp, text)._.policy_mentions), mentions(run(nlp, text))


@pytest.mark.parametrize("text, trigger_word, modality", [
    # a verb whose object only could be a mention names it itself: an initiative with a
    # name of its own is the name of a body, not a mention of its own
    ("Turkey and the United Nations brokered the Black Sea Grain Initiative in July 2022.", "brokered", "actual"),
    # two sides agree: coordinated actors, or a pair named as such
    ("Yoon and Kishida agreed that a team of South Korean experts would visit the plant.", "agreed", "actual"),
    ("Japan and China are neighbours. The two governments agreed to speed up the talks.", "agreed", "actual"),
    ("Moscow announced its withdrawal from the Barents Euro-Arctic Council in September 2023.", "withdrawal", "negated"),
    ("The United States withdrew from the Paris Agreement in 2020.", "withdrew", "negated"),
    ("Mali, Burkina Faso and Niger announced their exit from ECOWAS.", "exit", "negated"),
    ("Minister Rau discussed the situation by telephone with Lithuanian Foreign Minister Gabrielius Landsbergis.", "discussed", "actual"),
    ("Kishida raised the ban with Premier Li Qiang on the margins of the summit.", "raised", "actual"),
    ("Diplomats from both foreign ministries met in parallel under the Working Mechanism.", "met", "actual"),
    ("Japan and China are neighbours. The two sides held the ninth meeting of the consultation mechanism.", "meeting", "actual"),
    ("North Korea sent around 11,000 soldiers to Russia last autumn.", "soldiers", "actual"),
    ("The United States sent troops to Saudi Arabia in August 1990.", "troops", "actual"),
    ("The Bahamas has pledged 150 personnel to the mission in Haiti.", "personnel", "actual"),
    ("Benin has offered up to 2,000 troops for the force in Haiti.", "troops", "proposed"),
    ("Australia has given Guardian-class patrol boats to Palau.", "boats", "actual"),
    ("Oman hosted indirect contacts between American and Iranian officials in Muscat.", "contacts", "actual"),
    ("In 2020 the United Arab Emirates and Israel signed the Abraham Accords at the White House.", "Accords", "actual"),
    ("Russian personnel now train Malian units at bases near Bamako.", "Malian units", "actual"),
    ("China's customs administration suspended all imports of aquatic products from Japan.", "imports", "negated"),
    ("Chinese exports to the United States fell by a fifth.", "exports", "actual"),
    ("Wagner instructors are training Belarusian special forces near Brest.", "training", "actual"),
    ("Chile and Bolivia are neighbours. The two countries have not exchanged ambassadors since 1978.", "exchange", "negated"),
    ("Her lab still exchanges groundwater data with colleagues at Birzeit University.", "exchange", "actual"),
    ("Should the Government of India choose to cooperate fully with the investigation, Canada would welcome it.", "cooperate", "hypothetical"),
    ("Should the government reverse course, the EU stands ready to resume the accession talks with Georgia.", "talks", "hypothetical"),
    ("Modi and Xi are expected to meet before the end of the year.", "meet", "proposed"),
    ("If the AES and ECOWAS fail to agree on trade rules by July, tariffs will apply.", "agree", "hypothetical"),
    ("If Congress cut funding for these programs, it would save little money.", "funding", "hypothetical"),
])
def test_cooperation_forms_of_real_pages_and_their_modality(nlp, text, trigger_word, modality):
    found = coop(nlp, text)
    assert any(trigger_word in f["trigger"] and f["modality"] == modality for f in found), found


@pytest.mark.parametrize("text", [
    "The United States withdrew its troops from Afghanistan in 2021.",
    "Western companies have left the Russian market.",
    "Russia sent troops to the border with Ukraine.",
    "Russia sent troops into Ukraine in February 2022.",
    "The police officers sent to the scene arrested two men.",
    "He discussed the decision with his family.",
    "Both teams met in the final.",
    "Israeli forces and Hamas fighters exchanged fire near the border.",
    "Russian and Ukrainian forces now exchange drone strikes almost every night.",
])
def test_look_alikes_of_cooperation_on_real_pages_are_not_cooperation(nlp, text):
    assert coop(nlp, text) == []
