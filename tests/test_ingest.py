from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from policy_nlp.chunking import chunk_spans
from policy_nlp.ingest import discover, load_document, read_source
from policy_nlp.ingest.textclean import apply_mask, apply_stops, parse_date, read_header, wire_datelines

SCRAPED = """Search this website

Log in | Register

Subscribe to our weekly briefing!

The Harbour Review

Ports, Pipelines and Patience: Rethinking Energy Ties with Ankara

Posted on 3 February 2022
Category: Turkey

By Amira Castellanos

Turkey's energy ministry and the European Commission have spent a decade circling each other, and the gas corridor they built together shows what cooperation can still deliver when both sides stop treating every pipeline as a referendum on values.

Photo: Reuters

Back to all articles

Share this article

Copyright 2022 The Harbour Review. All rights reserved.
"""


def _load(tmp_path: Path, name: str, text: str):
    """Write ``text`` to ``name`` and read it back as the analysis would."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    doc, data = read_source(path, tmp_path)
    return load_document(doc, data)


def test_header_metadata_and_boilerplate_are_found():
    header = read_header(SCRAPED)
    assert header.title == "Ports, Pipelines and Patience: Rethinking Energy Ties with Ankara"
    assert header.author == "Amira Castellanos"
    assert header.published == "2022-02-03"
    assert header.category == "Turkey"
    assert header.site == "The Harbour Review"
    junk = {SCRAPED[s:e] for s, e in header.boilerplate}
    assert {"Search this website", "Log in | Register", "Subscribe to our weekly briefing!", "Back to all articles",
            "Share this article", "Copyright 2022 The Harbour Review. All rights reserved.", "Photo: Reuters"} <= junk
    assert not any("gas corridor" in line for line in junk)


_BODY = ("Japan has spent a decade trying to shape the rules of trade in Asia, and Tokyo now has a chance to lead "
         "again. The question is whether the United States will join it or stand aside.")


@pytest.mark.parametrize("head, title, author, published", [
    # byline and date on one line, behind a site menu whose "Latest" item starts no related list
    ("Latest\nMagazine\nLogin\n\nHow Japan Can Lead on Trade\nBy Anna Smith | March 3, 2023 | 5 min read",
     "How Japan Can Lead on Trade", "Anna Smith", "2023-03-03"),
    # a genre word before "by", a section label above the headline
    ("COMMENTARY\nHow Japan Can Lead on Trade\nAnalysis by Marco Bellini\nPublished: 12 January 2024",
     "How Japan Can Lead on Trade", "Marco Bellini", "2024-01-12"),
    # the date above the headline, the author's name and office under it without "By"
    ("Commentary\nMay 5, 2022\nHow Japan Can Lead on Trade\nMireya Alvarez\nSenior Fellow - Foreign Policy",
     "How Japan Can Lead on Trade", "Mireya Alvarez", "2022-05-05"),
    # a byline with its date, either way round; a byline with an office after a comma
    ("How Japan Can Lead on Trade\nWritten by Karl Jensen on 12 March 2021", "How Japan Can Lead on Trade", "Karl Jensen", "2021-03-12"),
    ("How Japan Can Lead on Trade\nJanuary 15, 2021 by Peter Brandt", "How Japan Can Lead on Trade", "Peter Brandt", "2021-01-15"),
    ("How Japan Can Lead on Trade\nBy Jane Doe, Senior Fellow for Asia Studies\nMarch 3, 2021",
     "How Japan Can Lead on Trade", "Jane Doe", "2021-03-03"),
    ("How Japan Can Lead on Trade\nBy Rafael Montoya, Caribbean Policy Notes, posted October 2, 2023",
     "How Japan Can Lead on Trade", "Rafael Montoya", "2023-10-02"),
    # Markdown emphasis around the byline and date; labelled fields; a month and year only
    ("# How Japan Can Lead on Trade\n\n*By Sara Lindqvist*\n\n_June 2, 2020_", "How Japan Can Lead on Trade", "Sara Lindqvist", "2020-06-02"),
    ("Title: How Japan Can Lead on Trade\nAuthor: Wei Zhang\nDate: 2020-01-02", "How Japan Can Lead on Trade", "Wei Zhang", "2020-01-02"),
    ("Regional Outlook 2024\nChapter 3: Trade Routes\nTomasz Wójcik\nMarch 2024", "Chapter 3: Trade Routes", "Tomasz Wójcik", "2024-03-01"),
    # a speech: the speaker from its title, the date from its dateline, a long title line
    ("TRANSCRIPT\nRemarks by Foreign Minister Yoshimasa Hayashi at the Japan-Korea Future Partnership Symposium\nFukuoka, June 10, 2023",
     "Remarks by Foreign Minister Yoshimasa Hayashi at the Japan-Korea Future Partnership Symposium", "Yoshimasa Hayashi", "2023-06-10"),
    # the publisher and a genre label are not the headline; a headline may say "back to"
    ("PRESS RELEASE\nMinistry of Foreign Affairs of the Republic of Kazakhstan\nAstana, 2 July 2024\n\nPartners move forward on water security",
     "Partners move forward on water security", "", "2024-07-02"),
    ("Korea Policy Review\n\nHealth Cooperation Is the Way Back to the Table\n\nPublished October 21, 2019\n\nBy Jae-won Lim",
     "Health Cooperation Is the Way Back to the Table", "Jae-won Lim", "2019-10-21"),
    ("OPINION | How Japan Can Lead on Trade\n\nBy Graham Whitfield\nAugust 15, 2022", "How Japan Can Lead on Trade", "Graham Whitfield", "2022-08-15"),
    # a speech's line rather than its event's, its speaker after an office's "of" phrase; a byline's publication is no second author
    ("Ministry of Unification, Republic of Korea\nKeynote Address by Minister of Unification Lee In-young\n"
     "Forum on Inter-Korean Health and Sport Cooperation, Seoul\nApril 27, 2021",
     "Keynote Address by Minister of Unification Lee In-young", "Lee In-young", "2021-04-27"),
    ("# Frozen Out? Arctic Cooperation with Russia\n\n*Posted June 20, 2023 by Ingrid Solberg, High North Policy Notes*",
     "Frozen Out? Arctic Cooperation with Russia", "Ingrid Solberg", "2023-06-20"),
    ("A report on the Arctic\nBy Anna Smith, John Doe and Li Wei\nMay 2, 2023", "A report on the Arctic", "Anna Smith, John Doe and Li Wei", "2023-05-02"),
    # a headline of two sentences alone above the text; a headline that ends with its date
    ("Trump Says U.S. Is Ready for War. Not All His Troops Are So Sure.", "Trump Says U.S. Is Ready for War. Not All His Troops Are So Sure.", "", ""),
    ("Foreign Secretary's visit to India: joint press conference opening statement, 15 December 2020",
     "Foreign Secretary's visit to India: joint press conference opening statement, 15 December 2020", "", "2020-12-15"),
    # the author's name last among a header line's pieces; a programme's name is no author
    ("# Snapback Is Not a Strategy\n\n**Commentary** | 18 August 2025 | Lena Hoffmann\n\nBritain, France and Germany "
     "triggered the snapback mechanism at the end of August.", "Snapback Is Not a Strategy", "Lena Hoffmann", "2025-08-18"),
    ("How Japan Can Lead on Trade\nCommentary | 3 March 2021 | Middle East Program", "How Japan Can Lead on Trade", "",
     "2021-03-03"),
    ("How Japan Can Lead on Trade\nPosted April 20, 2023 | Commentary | Gulf Security\nBy Leila Haddad",
     "How Japan Can Lead on Trade", "Leila Haddad", "2023-04-20"),
    # a heading shaped like a name beside the date names an event, not the author
    ("Japan-Philippines Summit Meeting\nNovember 4, 2023\n\nOn November 3 the Prime Minister held a summit meeting.",
     "Japan-Philippines Summit Meeting", "", "2023-11-04"),    # a name with letters beyond Latin-1; a speaker in capitals, or on the line after "REMARKS BY";
    # a speaker named before the speech act
    ("# Europe Should Hold Its Nerve on Belarus\n\n**Opinion** | 3 March 2025 | Katarzyna Wolańska",
     "Europe Should Hold Its Nerve on Belarus", "Katarzyna Wolańska", "2025-03-03"),
    ("TESTIMONY OF DR. ELENA MARQUINA-HOLT\nBefore the Subcommittee on the Western Hemisphere\nSeptember 18, 2024",
     "TESTIMONY OF DR. ELENA MARQUINA-HOLT", "Elena Marquina-Holt", "2024-09-18"),
    ("REMARKS BY\nH.E. RETNO L.P. MARSUDI\nMINISTER FOR FOREIGN AFFAIRS OF THE REPUBLIC OF INDONESIA\n\nJakarta, 22 August 2023",
     "REMARKS BY H.E. RETNO L.P. MARSUDI", "Retno L.P. Marsudi", "2023-08-22"),
    ("PM Boris Johnson article on Hong Kong: 3 June 2020", "PM Boris Johnson article on Hong Kong: 3 June 2020",
     "Boris Johnson", "2020-06-03"),
    ("Hong Kong statement on the new security law\nJune 3, 2020", "Hong Kong statement on the new security law", "", "2020-06-03"),
    ("Vladimir Putin speech to the Duma alarms NATO\nJune 3, 2020", "Vladimir Putin speech to the Duma alarms NATO", "",
     "2020-06-03"),
    # a Markdown headline of two sentences over its standfirst; the date under the standfirst
    ("**OPINION | MIDDLE EAST**\n\n# Europe's Last Lever on Iran Expires in October. It Should Pull It Now.\n\n"
     "*The snapback of UN sanctions is the only tool left from the 2015 nuclear deal. Waiting for Tehran to change "
     "course has already failed.*\n\nFebruary 20, 2025 \u00b7 7 min read",
     "Europe's Last Lever on Iran Expires in October. It Should Pull It Now.", "", "2025-02-20"),
    # a publisher in capitals above the report's title; two authors on a line of their own
    ("INSTITUTE FOR SAHEL AND MAGHREB STUDIES\nSpecial Report No. 4 | April 2025\n\nPARTNERS OF NECESSITY\n"
     "Russia, ECOWAS and the Reordering of Security in the Central Sahel\n\nAminata Kouyaté and Olivier Ndiaye\n\n"
     "ISMS Special Report No. 4 \u2014 April 2025",
     "PARTNERS OF NECESSITY", "Aminata Kouyaté and Olivier Ndiaye", "2025-04-01"),
    # speakers with their offices in a byline; a date with its time; a dotted date is day first
    ("JOINT PRESS CONFERENCE\nBY PRESIDENT YOON SUK YEOL AND PRIME MINISTER ANTHONY ALBANESE OF AUSTRALIA\n\n"
     "Seoul\nSeptember 4, 2024", "JOINT PRESS CONFERENCE", "Yoon Suk Yeol and Anthony Albanese", "2024-09-04"),
    ("Mediators hand Israel and Hamas a final draft\nTuesday, January 14, 2025 7:58 AM GMT+3 | Updated 2 hours ago\n\n"
     "By Rania El-Sayed and Omar Haddad", "Mediators hand Israel and Hamas a final draft", "Rania El-Sayed and Omar Haddad",
     "2025-01-14"),
    ("How Japan Can Lead on Trade\nVeröffentlicht am 12.03.2021", "How Japan Can Lead on Trade", "", "2021-03-12"),
])
def test_header_layouts_of_scraped_articles(head, title, author, published):
    header = read_header(head + "\n\n" + _BODY + "\n")
    assert (header.title, header.author, header.published) == (title, author, published)


def test_an_op_ed_names_its_author_in_its_closing_biography():
    text = ("# Europe Should Pull the Lever Now\n\nFebruary 20, 2025\n\n" + _BODY + "\n\n"
            "*Miriam Castellanos is a senior fellow at the Atlantic Deterrence Project. The views expressed are her own.*\n")
    header = read_header(text)
    assert header.author == "Miriam Castellanos"
    assert any("Castellanos is a senior fellow" in text[s:e] for s, e in header.boilerplate)


def test_a_date_that_ends_the_headline_or_the_text_is_the_publication_date():
    body = ("The Prime Minister spoke to the leader of Fiji today about the release of the hostages, and the "
            "two agreed to talk again next week.\n\nCabinet will consider the matter on Monday, after the "
            "Minister for Foreign Affairs has reported on his talks in the region.\n")
    headed = read_header("PM press statement with Taoiseach Leo Varadkar: 9 September 2019\n\n" + body)
    assert (headed.title, headed.published) == ("PM press statement with Taoiseach Leo Varadkar: 9 September 2019",
                                                "2019-09-09")
    footed = "Fiji\n\n" + body + "\n14 July 2000\n"
    header = read_header(footed)
    assert header.published == "2000-07-14"
    assert any(footed[s:e] == "14 July 2000" for s, e in header.masked)
    # a date inside the last paragraph is not the text's date
    assert read_header("Fiji\n\n" + body + "\nThe talks resumed on 14 July 2000.\n").published == ""


def test_a_heading_repeated_as_the_end_of_a_longer_title_leaves_the_title_whole():
    text = ("Joint Statement with President Kim Dae-Jung of the Republic of Korea - The Republic of Korea and "
            "Australia: an Expanding Partnership\n\nThe Republic of Korea and Australia: an Expanding Partnership\n\n"
            "Since the Korean War, our two countries have developed an increasingly broad and close relationship, "
            "and both are members of the OECD.\n")
    assert read_header(text).title.startswith("Joint Statement with President Kim Dae-Jung")
    # a site's name before the dash is not part of the title
    site = "Policy Notes - Deterrence in the Taiwan Strait\n\nDeterrence in the Taiwan Strait\n\n" + text.split("\n\n")[2]
    assert read_header(site).title == "Deterrence in the Taiwan Strait"


def test_a_headline_with_full_stops_is_the_title_and_a_bio_that_names_the_author_is_furniture():
    text = ("Skip to main content\nHome | About | Programs | Experts\nCommentary\n\n"
            "Seoul and Tokyo Are Finally Talking About Science. Washington Should Help.\n\n"
            "By Hannah Lindqvist and Daniel Okafor\nSeptember 12, 2023\n6 min read\n\n"
            "When President Yoon visited Tokyo in March, most of the coverage focused on the labour dispute, and "
            "little on the science committee the two governments agreed to revive.\n\n"
            "That committee matters, because laboratories in both countries already write hundreds of papers "
            "together every year without any institutional support.\n\n"
            "Hannah Lindqvist is a fellow in the Asia Program. Daniel Okafor is a research associate.\n\n"
            "Related Posts\nWhy the Camp David Summit Matters\n\n(c) 2023 Institute for Pacific Affairs. All rights reserved.\n")
    header = read_header(text)
    assert header.title == "Seoul and Tokyo Are Finally Talking About Science. Washington Should Help."
    assert (header.author, header.published) == ("Hannah Lindqvist and Daniel Okafor", "2023-09-12")
    bio = text.index("Hannah Lindqvist is")
    assert any(s <= bio < e for s, e in header.boilerplate)
    # a closing paragraph about someone else is text
    assert not any(s <= text.index("That committee") < e for s, e in header.boilerplate)


def test_a_dateline_keeps_its_place_in_the_text_and_a_hard_wrapped_text_keeps_its_body():
    text = "Remarks at the summit\nAddis Ababa, 16 February 2024\n\n" + _BODY + "\n"
    header = read_header(text)
    assert header.published == "2024-02-16" and "Addis Ababa" in apply_mask(text, header.masked)
    wrapped = ("INDIAN NUCLEAR TESTS\n\nIndia's action in conducting three underground nuclear\n\n"
               "tests is an ill-judged step which could have most damaging consequences\n\n"
               "for security in South Asia and globally.\n")
    header = read_header(wrapped)
    assert header.title == "INDIAN NUCLEAR TESTS"
    assert apply_mask(wrapped, header.masked).count("tests is an ill-judged step") == 1


def test_masking_blanks_boilerplate_but_keeps_offsets(tmp_path):
    doc = _load(tmp_path, "page.txt", SCRAPED)
    assert len(doc.masked) == len(doc.text) == len(SCRAPED)
    assert "Subscribe" not in doc.masked and "gas corridor" in doc.masked
    assert doc.masked.count("\n") == SCRAPED.count("\n")


def test_markdown_syntax_is_masked(tmp_path):
    text = "# A heading about NATO\n\nThe **Arctic Council** met in [Tromsø](http://example.org/x).\n\n- first point\n"
    doc = _load(tmp_path, "post.md", text)
    assert doc.format == "markdown" and doc.title == "A heading about NATO"
    assert "**" not in doc.masked and "http" not in doc.masked and "Tromsø" in doc.masked
    assert len(doc.masked) == len(text)


def test_underscore_emphasis_is_masked_in_plain_text_but_names_keep_theirs(tmp_path):
    text = ("The _Entente Cordiale_ was not an alliance.\n\nParis sought the closest _rapprochement_ with London;"
            " the file policy_notes_2019.txt and __init__ keep their underscores.\n")
    doc = _load(tmp_path, "book.txt", text)
    assert "_Entente" not in doc.masked and "rapprochement_" not in doc.masked
    assert " Entente Cordiale " in doc.masked and " rapprochement " in doc.masked
    assert "policy_notes_2019.txt" in doc.masked and "__init__" in doc.masked
    assert len(doc.masked) == len(text) and doc.text == text


def test_html_goes_through_the_article_extractor(tmp_path):
    html = ("<html><head><title>Talks resume | The Ledger</title><meta name='author' content='Ana Ruiz'>"
            "<meta property='article:published_time' content='2023-05-06'></head><body>"
            "<nav><a href='/'>Home</a><a href='/s'>Subscribe</a></nav><article><h1>Talks resume</h1>"
            + "<p>Negotiators from Iran and the European Union met in Vienna on Monday to discuss the nuclear file "
              "and agreed to continue technical cooperation with the IAEA.</p>" * 3
            + "</article><footer>Copyright The Ledger</footer></body></html>")
    doc = _load(tmp_path, "page.html", html)
    assert doc.status == "ok" and doc.format == "html"
    assert doc.author == "Ana Ruiz" and doc.published == "2023-05-06"
    assert "Vienna" in doc.text and "Subscribe" not in doc.text and "Copyright" not in doc.text


def test_citation_authors_written_surname_first_are_read_as_names():
    from policy_nlp.ingest.html import extract_html

    # "Karimova, Dilnoza" had become two authors, "Karimova" and "Dilnoza"
    html = ("<html><head><title>The Amu Darya Squeeze</title>"
            "<meta name='citation_author' content='Karimova, Dilnoza'><meta name='citation_author' content='Lindqvist, Per'>"
            "</head><body><article><h1>The Amu Darya Squeeze</h1>"
            "<p>Afghanistan's Qosh Tepa canal will divert water from the Amu Darya, and Uzbekistan and Turkmenistan "
            "have asked the Taliban authorities for data on how much it will take in dry years.</p>"
            "<p>Neither request has been answered, and the canal's first section is already carrying water toward "
            "the plains of the north.</p></article></body></html>")
    assert extract_html(html).author == "Dilnoza Karimova; Per Lindqvist"


def test_a_quotation_written_as_a_div_is_kept_and_page_furniture_is_not():
    from policy_nlp.ingest.html import extract_html

    # The layout of a blog round-up: paragraphs, and a quoted post in a div of its own
    html = ("<html><head><title>Ferry talks | The Harbour Review</title></head><body>"
            "<div class='nav'><div class='menu-item'>Home News World Opinion Analysis Podcasts Events About Contact"
            "</div></div><div class='post'><div class='entry'><h2>Ferry talks</h2>"
            "<p>Estonia and Finland agreed on Tuesday to reopen the ferry link between Tallinn and Helsinki, closed "
            "since the storm of last winter.</p>"
            "<p>The two governments will share the cost of new port security checks from the summer, officials in "
            "both capitals said.</p>"
            "<p>Estonian bloggers were pleased. One of them, a port worker in Tallinn, wrote on his blog:</p>"
            "<div class='translation'>The minister said the crossings would resume within a month of the vote.</div>"
            "<p>Others were less sure that the timetable would hold through the autumn storms.</p>"
            "</div></div><div class='footer'><div class='copyright'>Copyright 2024 The Harbour Review, all rights "
            "reserved, terms of use and privacy policy apply.</div></div></body></html>")
    text = extract_html(html).text
    assert "crossings would resume within a month" in text
    assert "Copyright" not in text and "Podcasts" not in text


def test_a_blog_whose_first_heading_is_its_name_gives_the_article_title(tmp_path):
    # The layout of many blog themes: the site's name in an h1 with id="site-title", the
    # post's title in an h2, and both in <title> ("Site » Post").
    html = ("<html><head><title>The Harbour Review &raquo; Estonia: Ferry Link to Helsinki Reopens</title></head>"
            "<body><div id='header'><h1 id='site-title'><a href='/'>The Harbour Review</a></h1></div>"
            "<ul class='menu'><li>Home</li><li>About</li><li>Donate</li></ul><div class='post'>"
            "<h2 class='post-title'><a href='/2024/05/ferry' rel='bookmark'>Estonia: Ferry Link to Helsinki Reopens</a></h2>"
            + "<p>Estonia and Finland agreed on Tuesday to reopen the ferry link between Tallinn and Helsinki, "
              "and the two governments will share the cost of new port security checks.</p>" * 3
            + "</div><div class='sidebar'><h2>Recent posts</h2></div></body></html>")
    doc = _load(tmp_path, "ferry.html", html)
    assert doc.status == "ok" and doc.title == "Estonia: Ferry Link to Helsinki Reopens"


def test_discovery_is_recursive_sorted_and_skips_hidden(tmp_path):
    for name in ["b.txt", "a.md", "sub/c.html", "sub/deeper/d.txt", ".hidden.txt", ".git/e.txt", "notes.pdf"]:
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)]
    assert found == ["a.md", "b.txt", "sub/c.html", "sub/deeper/d.txt"]
    assert [p.name for p in discover(tmp_path, ["*.pdf"])] == ["notes.pdf"]


def test_parse_date_formats():
    assert parse_date("May 14, 2018") == "2018-05-14"
    assert parse_date("3 March 2021") == "2021-03-03"
    assert parse_date("2020-01-31T10:00:00Z") == "2020-01-31"
    assert parse_date("yesterday") == ""


@pytest.mark.parametrize("line", ["May 14th, 2018", "14th May 2018", "Mon 14 May 2018", "Monday, May 14, 2018"])
def test_a_date_line_with_an_ordinal_or_a_weekday_is_the_date(line):
    header = read_header("A Title for the Piece\nBy Jane Doe\n" + line + "\n\n" + _BODY + "\n")
    assert header.published == "2018-05-14"


@given(st.text(), st.lists(st.tuples(st.integers(0, 200), st.integers(0, 50)), max_size=5))
def test_mask_keeps_length_and_line_breaks(text, raw_spans):
    spans = [(min(s, len(text)), min(s + n, len(text))) for s, n in raw_spans]
    masked = apply_mask(text, spans)
    assert len(masked) == len(text)
    assert [i for i, c in enumerate(masked) if c in "\r\n"] == [i for i, c in enumerate(text) if c in "\r\n"]


@given(st.text(alphabet=st.sampled_from("ab .\n"), max_size=3000), st.integers(1, 400))
def test_chunks_cover_the_text_exactly(text, limit):
    spans = chunk_spans(text, limit)
    assert "".join(text[s:e] for s, e in spans) == text
    assert all(e - s <= limit for s, e in spans)


def test_chunks_prefer_paragraph_breaks():
    text = ("word " * 30 + "\n\n") * 10
    spans = chunk_spans(text, 400)
    assert all(text[e - 2:e] == "\n\n" for _, e in spans[:-1])


def test_unreadable_file_becomes_an_error_row(tmp_path):
    missing = tmp_path / "gone.txt"
    doc, data = read_source(missing, tmp_path)
    assert data is None and doc.status == "error" and "cannot read" in doc.error
    assert Path(doc.path).name == "gone.txt"


FURNITURE = """Print Friendly, PDF & Email

Excerpt

Talks with Tehran Should Resume Now

By Jane Ferreira

Negotiators from Iran and the European Union met in Oman last week, and both sides said afterwards that a return to the nuclear deal was within reach if the sanctions question could be settled.

A deal would not end the rivalry, but it would give diplomats something to build on, and the alternative is a slow slide toward confrontation that neither capital wants.

Share this:

Tweet

Related Posts

Why Oman Keeps Brokering Gulf Deals

Five Lessons from the 2015 Nuclear Agreement

Jane Ferreira is a senior fellow at the Lisbon Centre for Gulf Studies. The views expressed here are her own.
"""


def test_page_furniture_related_posts_and_author_bio_are_masked():
    header = read_header(FURNITURE)
    junk = {FURNITURE[s:e] for s, e in header.boilerplate}
    assert {"Print Friendly, PDF & Email", "Excerpt", "Share this:", "Tweet", "Related Posts",
            "Why Oman Keeps Brokering Gulf Deals", "Five Lessons from the 2015 Nuclear Agreement"} <= junk
    assert any(line.startswith("Jane Ferreira is a senior fellow") for line in junk)
    assert not any("Negotiators from Iran" in line or "slow slide" in line for line in junk)
    assert header.title == "Talks with Tehran Should Resume Now" and header.author == "Jane Ferreira"


def test_an_author_bio_above_related_posts_and_a_copyright_footer_is_masked():
    text = ("Talks with Tehran Should Resume Now\n\nBy Jane Ferreira\n\n" + _BODY + "\n\n"
            "Jane Ferreira is a senior fellow at the Lisbon Centre for Gulf Studies.\n\nRelated Articles\n"
            "Why Oman Keeps Brokering Gulf Deals\nFive Lessons from the Nuclear Agreement\n\n"
            "\u00a9 2023 Lisbon Centre for Gulf Studies. All rights reserved.\nPrivacy Policy | Terms of Use\n")
    junk = {text[s:e] for s, e in read_header(text).boilerplate}
    assert "Jane Ferreira is a senior fellow at the Lisbon Centre for Gulf Studies." in junk
    assert not any("Japan has spent a decade" in line for line in junk)


def test_a_cookie_banner_citation_topics_footnotes_and_an_about_the_author_block_are_furniture():
    text = ("We use cookies to improve your experience on our site. By continuing to browse, you agree to our use of cookies.\n"
            "Cookie settings\n\nNorth Korea's Vaccine Diplomacy Gap\n\nLee Min-jun | Commentary | 14 February 2022\n\n"
            + _BODY + "\n\n" + _BODY.replace("Japan", "Korea") + "\n\nTopics: North Korea, Public Health, Humanitarian Aid\n\n"
            "About the author\nLee Min-jun is a research fellow in Seoul.\n\nFootnotes\n"
            "[1] World Health Organization, COVAX allocation round 6, 2021.\n\n"
            "Cite this article: Lee Min-jun, \"North Korea's Vaccine Diplomacy Gap,\" 14 February 2022.\n")
    header = read_header(text)
    assert (header.title, header.author, header.published) == ("North Korea's Vaccine Diplomacy Gap", "Lee Min-jun", "2022-02-14")
    kept = apply_mask(text, header.masked)
    for junk in ("cookies", "Topics:", "research fellow", "World Health Organization", "Cite this"):
        assert junk not in kept, junk
    assert "Japan has spent a decade" in kept and "Korea has spent a decade" in kept
    # an article about cookie rules is no banner, and a title-case headline naming a body is no publisher
    rules = "A headline\n\n" + _BODY + "\n\nThe EU cookie consent rules force every site to ask users to accept tracking, which privacy advocates welcome.\n"
    assert "cookie consent rules" in apply_mask(rules, read_header(rules).masked)
    assert read_header("Korea Policy Review\n\nHow The Security Council Failed Syria\n\nBy Jane Doe\n\n" + _BODY).title \
        == "How The Security Council Failed Syria"
    # a place before the date is not an author
    header = read_header("North Korea | 3 March 2021\n\nA title of the piece\n\n" + _BODY + "\n")
    assert (header.author, header.published) == ("", "2021-03-03")


def test_furniture_inside_the_article_is_masked_at_any_length():
    lines = ["READ MORE: Why Riyadh Still Needs Washington's Security Guarantees",
             "(Photo by Fayez Nureldine/AFP via Getty Images)", "Listen to this article \u00b7 6 min",
             "This article was originally published by the Middle East Policy Review and is republished with permission."]
    text = "A Gulf headline for the test\n\nBy Omar Haddad\n\n" + _BODY + "\n\n" + "\n\n".join(lines) + "\n\n" + _BODY + "\n"
    kept = apply_mask(text, read_header(text).masked)
    for line in lines:
        assert line not in kept, line
    assert kept.count("Japan has spent a decade") == 2


@pytest.mark.parametrize("line, place", [
    ("SEOUL, March 3 (Yonhap) -- South Korea and the United States agreed Friday to expand joint research.", "SEOUL"),
    ("ADDIS ABABA, Feb 16 (Reuters) - Ethiopia and Eritrea signed a deal on the border crossings.", "ADDIS ABABA"),
    ("WASHINGTON \u2014 The United States imposed new sanctions on Iran on Tuesday, officials said.", "WASHINGTON"),
    ("NIAMEY/BAMAKO, Jan 29 (CWS) - Mali, Burkina Faso and Niger formally ceased to be members of the bloc.", "NIAMEY/BAMAKO"),
])
def test_a_wire_dateline_keeps_its_place_as_a_sentence_of_its_own(line, place):
    text = "Headline of the story\n\n" + line + "\n"
    spans, stops = wire_datelines(text)
    read = apply_stops(apply_mask(text, spans), stops)
    assert len(read) == len(text) and read.count(place + ".") == 1
    assert "(" not in read and "--" not in read and " - " not in read.split(place + ".")[1][:30]
    # an ordinary first sentence in capitals is not a dateline
    assert wire_datelines("NATO - the alliance of thirty-two states - met in Vilnius on Tuesday.\n") == ([], [])


def test_readers_comments_after_the_article_are_furniture_but_a_discussion_section_is_not():
    comments = ("12 Comments\n\nMark Stevens says:\nSeptember 10, 2024 at 8:14 am\nHavana will use any channel to spy. "
                "The embargo must stay.\nReply\n\nLeave a Reply\n")
    text = "The Case for a Cuba Science Channel\n\nBy Daniel Ruiz\n\n" + _BODY + "\n\n" + _BODY + "\n\n" + comments
    kept = apply_mask(text, read_header(text).masked)
    assert "embargo" not in kept and "Mark Stevens" not in kept and kept.count("Japan has spent") == 2
    report = "A report\n\n" + _BODY + "\n\nDiscussion\n\n" + _BODY.replace("Japan", "Korea") + "\n"
    assert "Korea has spent" in apply_mask(report, read_header(report).masked)
    # a blog post that quotes bloggers ("Citoyen Hmida also wrote:") keeps its second half
    post = "Bloggers react\n\n" + _BODY + "\n\nCitoyen Hmida also wrote:\n\n" + _BODY.replace("Japan", "Korea") + "\n"
    assert "Korea has spent" in apply_mask(post, read_header(post).masked)


def test_a_closing_reading_list_is_boilerplate_but_a_resources_paragraph_is_not():
    text = ("Relations with Laos\n\n"
            "The United States recognised the Kingdom of Laos in 1950 and opened a legation in Vientiane.\n\n"
            "Natural resources and aid shaped the relationship for two decades, and the legation became an "
            "embassy in 1955.\n\n"
            "Resources\n\n"
            "Department of State, Country Fact Sheet: Laos. Smith, Ann. The Mekong Years. Boston: Harbor Press, 1999.\n")
    header = read_header(text)
    boiler = [text[s:e] for s, e in header.boilerplate]
    assert "Resources" in boiler and any(line.startswith("Department of State, Country Fact Sheet") for line in boiler)
    assert not any("Natural resources" in line or "legation in Vientiane" in line for line in boiler)


def test_a_wire_reports_credit_line_is_furniture_and_names_its_author():
    text = ("Brazil and Argentina revive nuclear cooperation\n\n"
            "BRASILIA, March 4 (Agencia) - Argentina's president and Brazil's president agreed on Tuesday to renew "
            "the countries' joint nuclear safeguards agency and to study a shared reactor fuel project.\n\n"
            "Milei will travel on to Santiago for talks with Chile's president on Wednesday.\n\n"
            "(Reporting by Ana Souza; editing by Mark Hill)\n")
    header = read_header(text)
    assert header.author == "Ana Souza"
    assert "(Reporting by Ana Souza; editing by Mark Hill)" in {text[s:e] for s, e in header.boilerplate}
    assert read_header("A title\n\nThe reporting by journalists in the region was brave and it went on for weeks.\n").author == ""


def test_a_line_break_inside_a_wrapped_sentence_is_read_as_a_space():
    from policy_nlp.ingest.textclean import unwrap_lines

    text = ("The agreement was signed by Iran's then security chief Ali Shamkhani and Saudi national\n"
            "security adviser Musaed Al-Aiban alongside China's top diplomat Wang Yi in Beijing.\n"
            "GULF REALIGNMENT\n"
            "1. Saudi Arabia and Iran agreed to reopen embassies within two months of the deal.\n"
            "2. Both sides reaffirmed the 2001 security cooperation agreement between them.\n")
    out = unwrap_lines(text)
    assert len(out) == len(text)  # every offset still indexes the file's text
    assert "Saudi national security adviser" in out
    # a sentence that ends the line, a heading and the items of a list keep their breaks
    assert "in Beijing.\nGULF REALIGNMENT\n1. Saudi" in out and "the deal.\n2. Both" in out


def test_running_headers_and_a_table_of_contents_of_a_pdf_text_are_furniture():
    page = ("The juntas turned to Russia for security after France left the region in 2022, and the "
            "Africa Corps now guards the presidential palace in Bamako.\n\n")
    text = ("PARTNERS OF NECESSITY\n\nCONTENTS\n\n1  Introduction ........................ 4\n"
            "   2.1 Russia's security offer ......................... 5\n\n"
            + "".join(f"Sahel Security Review | {n}\n\n{page}" for n in range(1, 5)))
    header = read_header(text)
    furniture = {text[s:e].strip() for s, e in header.boilerplate}
    assert {"Sahel Security Review | 1", "Sahel Security Review | 4", "2.1 Russia's security offer ......................... 5"} <= furniture
    assert not any("Africa Corps" in line for line in furniture)  # a paragraph said four times is still prose


def test_furniture_lines_next_to_other_furniture_are_masked_above_a_closing_sentence_about_the_site():
    # a footer's follow and sign-up lines had stayed text ("LinkedIn", "YouTube" became actors)
    # because the one sentence about the site below them counted as the article's last prose
    text = ("Talks with Tehran Should Resume Now\n\nBy Jane Ferreira\n\n" + _BODY + "\n\n"
            "More on: Japan, Trade Policy, Export Controls, United States, Taiwan\nStay ahead of the debate\nSign up for the Trade & Security Weekly\n"
            "First name\nLast name\nFollow CTS\nX (formerly Twitter) | LinkedIn | YouTube | RSS\n"
            "The Center for Trade and Statecraft is a nonpartisan research organization. We take no institutional positions.\n")
    junk = {text[s:e] for s, e in read_header(text).boilerplate}
    assert {"More on: Japan, Trade Policy, Export Controls, United States, Taiwan", "Sign up for the Trade & Security Weekly",
            "X (formerly Twitter) | LinkedIn | YouTube | RSS"} <= junk, junk
    assert not any("Japan has spent a decade" in line for line in junk)


def test_a_byline_and_date_under_a_standfirst_are_the_headers():
    # the standfirst, two sentences, had ended the header: no author and no date were read
    text = ("Skip to content\nSubscribe | Log in\nOpinion | Guest Essay\n"
            "It's Time for Washington to Pick Up the Phone to Tehran\n"
            "Oman has kept a line open for years. The United States should use it before the nuclear file slips away.\n"
            "By Miriam Castellano\nPublished Sept. 18, 2024, 6:00 a.m. ET\nShare on Facebook\n\n" + _BODY + "\n")
    header = read_header(text)
    assert (header.title, header.author, header.published) == (
        "It's Time for Washington to Pick Up the Phone to Tehran", "Miriam Castellano", "2024-09-18"), header


def test_a_wire_header_with_a_correspondents_byline_and_a_timestamp_in_a_piped_line():
    text = ("PCNS | Pan-Continental News Service\nHome | World | Americas | Economy\n"
            "You are here: Home > Americas\n\n"
            "Analysis: U.S. lets Venezuela oil licence lapse as Barbados accord falters\n\n"
            "Source: PCNS | 2024-04-18 21:14:06 | Editor: Liu Wen\nby PCNS correspondent Ana Lucía Beltrán\n\n" + _BODY + "\n")
    header = read_header(text)
    assert (header.title, header.author, header.published) == (
        "Analysis: U.S. lets Venezuela oil licence lapse as Barbados accord falters", "Ana Lucía Beltrán", "2024-04-18")
    assert "You are here: Home > Americas" in {text[s:e] for s, e in header.boilerplate}


def test_a_speech_title_names_its_speaker_after_the_office_and_initials_are_a_name():
    text = ("Home » Media Center » Speeches & Statements\nSpeeches & Statements\n"
            "Remarks by the Foreign Minister of India, Dr. S. Jaishankar, at the India-Kenya Development "
            "Partnership Conclave, Nairobi\nNovember 12, 2024\nPrint\n\n" + _BODY + "\n")
    header = read_header(text)
    assert header.title.startswith("Remarks by the Foreign Minister of India") and header.author == "S. Jaishankar"
    assert header.published == "2024-11-12"


@pytest.mark.parametrize("head, title, author, published", [
    # a masthead's date far above the headline and byline
    ("THE ASIA LEDGER\nSunday, March 10, 2024\nSubscribe | Sign in\nNews\nPolitics\nOpinion\nGuest Column\nAdvertisement\n"
     "Three years of excuses: it is time to choke the junta's air war\nBy Daniel Okafor\nMarch 10, 2024 at 6:00 a.m. GMT+7\n",
     "Three years of excuses: it is time to choke the junta's air war", "Daniel Okafor", "2024-03-10"),
    # a genre label and a section between the headline and the byline
    ("SOUTHEAST EUROPE POLICY FORUM\nPublications / Analysis / Western Balkans\n"
     "Eleven Years After Brussels: Can the Serbia-Kosovo Dialogue Still Deliver?\nAnalysis | Western Balkans\n"
     "Lena Hartmann | 15 April 2024 | 9 min read\n",
     "Eleven Years After Brussels: Can the Serbia-Kosovo Dialogue Still Deliver?", "Lena Hartmann", "2024-04-15"),
    # a dotted date and a label above the headline, a menu above them
    ("Federal Foreign Office\nMenu\nVisa & Travel\nNewsroom\n08.10.2025 - Press release\n"
     "Minister of State Brandauer in Kazakhstan and Uzbekistan: agreements on raw materials\n",
     "Minister of State Brandauer in Kazakhstan and Uzbekistan: agreements on raw materials", "", "2025-10-08"),
    # a journal's author line over the author's institution
    ("Polar Affairs Review\nOpen Access\nCOMMENTARY\nFrozen Channels, Open Nets: Norwegian-Russian Arctic Science since 2022\n"
     "Kristin Aasland\nCentre for Northern Governance Studies, Tromso\nPublished online: 22 April 2024\n",
     "Frozen Channels, Open Nets: Norwegian-Russian Arctic Science since 2022", "Kristin Aasland", "2024-04-22"),
    # a speech page's speaker line with titles of address and the office after a comma
    ("Minister for Foreign Affairs\nSpeeches\nOne Pacific Family: Australia and Solomon Islands in a Contested Decade\nSpeech\n"
     "Australian National University, Canberra\nWednesday, 23 July 2025\n"
     "Senator the Hon Claire Whitford, Minister for Foreign Affairs\nCHECK AGAINST DELIVERY\n",
     "One Pacific Family: Australia and Solomon Islands in a Contested Decade", "Claire Whitford", "2025-07-23"),
    # a headline of two sentences under a label
    ("THE HEMISPHERE POST\nMenu\nWorld\nAmericas\nOpinion | Americas\nGuest Essay\n\n"
     "Maduro stole an election. Washington should stop paying him for it.\n\n"
     "Sanctions relief bought promises that were never kept. It is time to make the government feel the cost.\n\n"
     "By Julián Restrepo Arango\nSeptember 24, 2024\n",
     "Maduro stole an election. Washington should stop paying him for it.", "Julián Restrepo Arango", "2024-09-24"),
    # a headline over a longer standfirst in sentence case
    ("THE GLOBAL HEALTH DISPATCH\nMenu\nNews\nOPINION\n\n"
     "Polio does not wait for recognition: why donors must stay in Afghanistan\n\n"
     "Vaccinators, clinics and a frozen central bank: the case for engaging Kabul on health, without illusions\n\n"
     "By Dr. Miriam Castellanos\nPublished 21 October 2024\n",
     "Polio does not wait for recognition: why donors must stay in Afghanistan", "Miriam Castellanos", "2024-10-21"),
    # the section a breadcrumb ends with, repeated under the headline, is no title
    ("House Committee on Foreign Affairs\nHome\nNews\nHearings & Markups\n"
     "Home > Hearings & Markups > Subcommittee on the Western Hemisphere\n\n"
     "The Ortega-Murillo Regime: Repression at Home, Adversaries Abroad\n\n"
     "Subcommittee on the Western Hemisphere\nDate: Thursday, April 18, 2024\n",
     "The Ortega-Murillo Regime: Repression at Home, Adversaries Abroad", "", "2024-04-18"),
    # a headline right above the speech's line is the title
    ("Media Room > Speeches\nSpeeches\n\nSouth Africa and the United States: Partners Who Disagree, Partners Who Deliver\n\n"
     "Address by Minister Thandiwe Mokoena, Minister of International Relations and Cooperation\n"
     "Wits School of Governance, Johannesburg\n18 April 2024\n",
     "South Africa and the United States: Partners Who Disagree, Partners Who Deliver", "Thandiwe Mokoena", "2024-04-18"),
    # an author's line of name and office after a comma, under the headline
    ("Centre for African Economic Futures\nHome > Research > Commentary\nCommentary\n\n"
     "Rails, ports and renminbi: weighing Nigeria's economic ties with China\n\n"
     "Adaeze Okonkwo, Senior Fellow, Trade and Infrastructure Programme\n14 October 2024\n",
     "Rails, ports and renminbi: weighing Nigeria's economic ties with China", "Adaeze Okonkwo", "2024-10-14"),
    # a site's menu on one long line of short pieces is no prose: the header goes on below it
    ("Government of Canada / Gouvernement du Canada\nSearch Canada.ca\nMenu\n"
     "Jobs | Immigration and citizenship | Travel and tourism | Business | Benefits | Health | Taxes | "
     "Environment and natural resources | National security and defence | Culture, history and sport | "
     "Policing, justice and emergencies | Transport and infrastructure | Canada and the world | Money and finances | "
     "Science and innovation\nCanada.ca > Global Affairs Canada > News\nStatement\n\n"
     "Statement on the expulsion of Indian diplomats and the investigation into the killing of Hardeep Singh Nijjar\n\n"
     "From: Global Affairs Canada\n\nOctober 15, 2024 – Ottawa, Ontario\n",
     "Statement on the expulsion of Indian diplomats and the investigation into the killing of Hardeep Singh Nijjar",
     "Global Affairs Canada", "2024-10-15"),
    # a headline under one-word menu items that start with "Latest"; a relative time is no title
    ("AfricaDesk\nLatest\nPolitics\nBusiness\nSecurity\nSport\nOpinion\nVideo\nSubscribe for $1\nSECURITY\n"
     "Sahel juntas complete ECOWAS exit as regional bloc keeps door ajar\nBy Continental Wire Service\n"
     "Wed 29 Jan 2025 · 18:42 GMT\nUpdated 2h ago\nShare\n",
     "Sahel juntas complete ECOWAS exit as regional bloc keeps door ajar", "Continental Wire Service", "2025-01-29"),
    # a line of dates with clock times is no prose
    ("The Harbour Ledger\nOPINION\nGuest Column\nKim is selling Russia a war. It is time to make him pay for it\n"
     "Shells, missiles and now soldiers: the partnership between Pyongyang and Moscow has become a threat from Kursk to the "
     "Korean Peninsula\nDaniel Okafor-Lindh\nDec. 9, 2024 5:00 a.m. ET | Updated Dec. 9, 2024 11:12 a.m. ET\nSave\n",
     "Kim is selling Russia a war. It is time to make him pay for it", "Daniel Okafor-Lindh", "2024-12-09"),
    # a standfirst over a bare date and a "Words:" byline of two writers in two places
    ("RUMBO SUR\nFeatures / Mining / Bolivia\nFEATURE\nOne salt flat, three borders: can the lithium triangle ever act as one?\n"
     "Talk of cooperation between Chile, Bolivia and Argentina keeps returning. Old quarrels and rival state companies keep "
     "getting in the way.\n28/11/2024\nWords: Lucía Mamani Ortega in La Paz and Tomás Riquelme in Antofagasta\n",
     "One salt flat, three borders: can the lithium triangle ever act as one?", "Lucía Mamani Ortega and Tomás Riquelme",
     "2024-11-28"),
    # a breadcrumb and a label above the date, the speech's line and its title under it
    ("UNITED ARAB EMIRATES\nMINISTRY OF FOREIGN AFFAIRS\nAccessibility tools  A+  A-\nMedia Hub › Speeches & Statements\n"
     "SPEECHES & STATEMENTS\n15 September 2024\nKeynote remarks by H.E. Dr. Mariam Saeed Al Ketbi, Minister of State for "
     "International Cooperation, at the Abraham Accords Forum, Abu Dhabi\n"
     "Four Years of the Abraham Accords: Building Partnership in a Difficult Time\nEmirates Palace, Abu Dhabi\n",
     "Four Years of the Abraham Accords: Building Partnership in a Difficult Time", "Mariam Saeed Al Ketbi", "2024-09-15"),
    # a trail of sections under the date is no title, and a call to support the site no author
    ("Menu\nLARKSPUR CENTER FOR HEMISPHERIC STUDIES\nSearch this site\nSupport Larkspur\n"
     "Published 18.11.2024 | 9 minute read\nBriefs & Analysis / Caribbean / Cuba\n\n"
     "What Moscow Buys in Havana: An Accounting of Russia's Support to Cuba\n\n"
     "Oil, debt relief and tourists flow one way. What flows back is harder to measure.\n\n"
     "Lucía Ferrer Baptiste\nAssociate Fellow, Caribbean Program\n",
     "What Moscow Buys in Havana: An Accounting of Russia's Support to Cuba", "Lucía Ferrer Baptiste", "2024-11-18"),
    # the speaker a speech's title names, not the office that posted it
    ("U.S. Embassy in Angola\nMenu\nHome | News & Events | Speeches\n"
     "Remarks by Deputy Coordinator Marcus T. Hollings at the Angola Infrastructure and Investment Forum\n"
     "By U.S. Embassy Luanda | 14 November, 2024 | Topics: Speeches, Trade\n",
     "Remarks by Deputy Coordinator Marcus T. Hollings at the Angola Infrastructure and Investment Forum",
     "Marcus T. Hollings", "2024-11-14"),
    # an author and her office on one line between bars; sections between bars are no title
    ("Northgate Policy Forum\nHome | Research | Regions | Commentary | Events | About Us\nCOMMENTARY\n"
     "Twenty Months in the Waiting Room: How Ankara Priced Sweden's Entry into NATO\n"
     "Selin Aydemir-Holm | Senior Fellow, European Security Programme\n12.03.2024\n",
     "Twenty Months in the Waiting Room: How Ankara Priced Sweden's Entry into NATO", "Selin Aydemir-Holm", "2024-03-12"),
    # a menu of section names on one line, and the ministry's name under the date
    ("government.no\nTopics  Ministries  Documents  News  About the Government\n25.11.2024\n"
     "Ministry of Foreign Affairs\nEight years after Teatro Colón: Norway's partnership with Colombia\n",
     "Eight years after Teatro Colón: Norway's partnership with Colombia", "", "2024-11-25"),
    # a breadcrumb that ends with the title itself; the title is still the title
    ("U.S. DEPARTMENT of STATE\nMenu\nHome  >  Press Releases  >  Reimposition of Sanctions on Venezuela's Oil and Gas Sector\n"
     "Reimposition of Sanctions on Venezuela's Oil and Gas Sector\nPRESS STATEMENT\nApril 17, 2024\n",
     "Reimposition of Sanctions on Venezuela's Oil and Gas Sector", "", "2024-04-17"),
    # a byline between bars with the writers' places, under a masthead with a date at the top
    ("Thursday, December 12, 2024\nTHE HORN OBSERVER\nIndependent news from Djibouti to Dar\nNews\nOpinion\n\n"
     "Ethiopia and Somalia agree to talks on sea access after Turkish mediation\n"
     "Ankara Declaration ends a year of rupture over the port deal, but leaves the memorandum's fate unclear\n"
     "By Abdirahman Jama Farah and Selamawit Hailu | Addis Ababa and Mogadishu\nPublished 12 Dec 2024, 09:15 EAT\n",
     "Ethiopia and Somalia agree to talks on sea access after Turkish mediation",
     "Abdirahman Jama Farah and Selamawit Hailu", "2024-12-12"),
    # a speech's line with its title under it, after a colon
    ("Home › Press › Speeches › 2025\nSpeech by Parliamentary State Secretary Dr. Henrike Sommerfeld at the Business "
     "Forum, Hannover Messe 2025\nPartners, competitors, rivals: a sober look at German-Chinese economic relations\n"
     "Hanover, 1 April 2025\n",
     "Partners, competitors, rivals: a sober look at German-Chinese economic relations", "Henrike Sommerfeld", "2025-04-01"),
    # a dateline with the weekday, and an author between bars with her title and office
    ("Southern Cross Trade Institute\nPARLIAMENTARY EVIDENCE\n"
     "From coercion to stabilisation: what the end of China's trade restrictions means for Australia\n"
     "Associate Professor Megan Thornbury-Liu | Chief Economist\nCanberra, Thursday 5 December 2024\n",
     "From coercion to stabilisation: what the end of China's trade restrictions means for Australia",
     "Megan Thornbury-Liu", "2024-12-05"),
])
def test_headlines_bylines_and_dates_of_varied_page_headers(head, title, author, published):
    header = read_header(head + "\n" + _BODY + "\n")
    assert (header.title, header.author, header.published) == (title, author, published)


def test_lines_of_a_hard_wrapped_paragraph_are_never_furniture():
    # wrapped lines with "Twitter" in them, between short lines, had been masked as a
    # share bar ("... Nikki Haley wrote on Twitter," / "that ...")
    text = ("US President Trump announces troop withdrawal from Syria\n\n" + _BODY + "\n\n"
            "The decision drew criticism from both parties within hours of the announcement.\n"
            "Former US Ambassador to the United Nations Nikki Haley wrote on Twitter,\n"
            "that leaving was a mistake.\n"
            "Republican Senator Lindsey Graham of South Carolina, also on Twitter,\n"
            "agreed with her, and so did many others.\n\n" + _BODY + " " + _BODY + "\n")
    junk = {text[s:e] for s, e in read_header(text).boilerplate}
    assert not junk & {"Former US Ambassador to the United Nations Nikki Haley wrote on Twitter,",
                       "Republican Senator Lindsey Graham of South Carolina, also on Twitter,"}, junk


def test_a_greeting_of_two_titled_names_is_no_author_line():
    header = read_header("Remarks by National Security Advisor Jake Sullivan at the Summit\n\n"
                         "President Amherd, President Zelenskyy, thank you for hosting this Summit.\n" + _BODY + "\n")
    assert header.author == "Jake Sullivan"


def test_a_menu_of_one_item_a_line_above_the_article_is_furniture_but_not_the_byline_under_it():
    head = ("Eurasia Strategic Monitor\nHome\nRegions\nCaucasus\nCentral Asia\nEastern Europe\nAnalysis\nData\nPodcast\n"
            "About\n\nBetween Almaty and Washington: Where the Armenia-Azerbaijan Peace Talks Stand\n\n"
            "Temuulen Batbayar\n12 November 2024\n\n")
    text = head + _BODY + "\n"
    header = read_header(text)
    junk = {text[s:e] for s, e in header.boilerplate}
    assert {"Caucasus", "Central Asia", "Eastern Europe", "Analysis"} <= junk, junk
    assert "Eurasia Strategic Monitor" not in junk and "Temuulen Batbayar" not in junk
    assert (header.title, header.published) == (
        "Between Almaty and Washington: Where the Armenia-Azerbaijan Peace Talks Stand", "2024-11-12")
