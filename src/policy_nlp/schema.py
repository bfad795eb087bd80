"""The output schema: every table and column the tool writes, with its meaning.

This is the single source of the column order in the CSV files and of the data dictionary
in the README (``policy-nlp schema --markdown`` prints it; a test checks they agree).
"""

from __future__ import annotations

TABLES: dict[str, dict[str, object]] = {
    "documents": {
        "about": "One row per input file, including files that failed or were skipped.",
        "columns": [
            ("doc_id", "Stable identifier of the file (hash of its path relative to the input folder)."),
            ("path", "Absolute path of the file (a link's target). Bytes that are not UTF-8 and control characters in a name are shown as `\\xNN`."),
            ("relative_path", "Path relative to the input folder, shown the same way."),
            ("status", "`ok` (analysed), `error` (could not be read or decoded) or `skipped` (empty, binary, no article text, or written in a language the run does not analyse: see `--lang`)."),
            ("error", "Plain-language reason when `status` is not `ok`; also says when the file name is shown with `\\xNN` escapes."),
            ("format", "`text`, `markdown` or `html`."),
            ("encoding", "Character encoding the file was decoded from."),
            ("title", "Title from the HTML metadata or the text header."),
            ("author", "Author from the HTML metadata or a `By ...` line."),
            ("published", "Publication date, ISO 8601 (`YYYY-MM-DD`)."),
            ("site", "Site or publication name."),
            ("category", "Category or section from a `Category:` line."),
            ("n_chars", "Characters in the analysed text."),
            ("n_words", "Words in the analysed text, boilerplate excluded."),
            ("language", "Language the text is written in: ISO 639-1 code (`en`, `de`, `fr`...; a few languages without one have their ISO 639-3 code). Empty when the file has no text."),
            ("language_confidence", "Confidence of the language identification (0-1)."),
            ("relevance", "How surely the text is about international affairs (0-1), for English texts (empty for other languages and files not analysed). Below the threshold (`policy-nlp info` shows it) the document gets no stance, unless `--all-stances` is given (see `stance_note`)."),
            ("stance", "Engagement stance toward `stance_target`: `engagement`, `pressure` or `neutral`."),
            ("stance_confidence", "Probability of the predicted stance (0-1)."),
            ("p_engagement", "Probability of `engagement`."),
            ("p_pressure", "Probability of `pressure`."),
            ("p_neutral", "Probability of `neutral`."),
            ("stance_target", "ISO3 code of the main target: the state the text argues about (see `targets.csv` for the others)."),
            ("stance_target_basis", "How the main target was chosen, in words (score, mentions, sentences, title, the speaker's own state set aside)."),
            ("stance_evidence", "Up to three sentences that most support the predicted stance, joined with ` | `."),
            ("stance_note", "Why an analysed document has no stance: not about international affairs (relevance below the threshold), no target state named, or stance is English-only. Empty when it has one."),
            ("n_actors", "Distinct actor entities."),
            ("n_places", "Distinct place entities."),
            ("n_cooperation", "Cooperation mentions."),
        ],
    },
    "mentions": {
        "about": "One row per actor or place mention.",
        "columns": [
            ("doc_id", "Document the mention is in."),
            ("sentence_id", "Index of the sentence in the document (0-based)."),
            ("start_char", "Offset of the first character in the analysed text."),
            ("end_char", "Offset just past the last character (`text[start_char:end_char]` is the mention)."),
            ("text", "The mention as written; a surname after a title keeps the title (\"Senator Coons\", "
                     "\"Mr. Cardoza\"). A name that a line break of hard-wrapped text cuts (\"Crown Prince "
                     "Mohammed\" / \"bin Salman\") is written as its line that starts the name, with that line's "
                     "offsets: a cell holds one line, and `entity_id` and `name` are the whole name's."),
            ("kind", "`actor` (acts, is acted upon, possesses) or `place` (location of an event)."),
            ("entity_id", "Linked entity (see `entities.csv`); stable across documents and runs."),
            ("name", "Canonical name of the entity."),
            ("type", "Actors: `state`, `leader`, `official`, `person`, `igo`, `organization`. Places: `country`, `city`, or a feature (`region`, `sea`, `mountain`, `facility`...)."),
            ("country_iso3", "ISO 3166-1 alpha-3 code of the entity's state (historical states: SUN, YUG, DDR, BRD, CSK, VDR...); a place shared by several states has all their codes, joined with `; `."),
            ("latitude", "Places: latitude in decimal degrees."),
            ("longitude", "Places: longitude in decimal degrees."),
            ("surface_role", "How the mention was recognised: `country`, `demonym`, `capital`, `metonym`, `person`, `org` or `place`."),
        ],
    },
    "entities": {
        "about": "One row per distinct entity and kind in a document.",
        "columns": [
            ("doc_id", "Document."),
            ("entity_id", "Linked entity identifier."),
            ("name", "Canonical name."),
            ("kind", "`actor` or `place`."),
            ("type", "As in `mentions.csv`."),
            ("country_iso3", "ISO3 code of the entity's state (several, joined with `; `, for a shared place)."),
            ("latitude", "Places: latitude."),
            ("longitude", "Places: longitude."),
            ("mentions", "Number of mentions in the document."),
            ("surface_forms", "Distinct ways the entity is written in the document, joined with `; `."),
        ],
    },
    "cooperation": {
        "about": "One row per cooperation mention.",
        "columns": [
            ("doc_id", "Document."),
            ("sentence_id", "Index of the sentence (as in `mentions.csv`)."),
            ("start_char", "Offset of the trigger's first character."),
            ("end_char", "Offset just past the trigger."),
            ("trigger", "The words that express cooperation (`scientific cooperation`, `jointly`, `signed ... agreement`)."),
            ("domain", "Domains joined with `; `: science, education, culture, economic, diplomatic, security, health, humanitarian, environment, energy, sport, social, other. Read from the words of the trigger's phrase (with its sentence's fields when the phrase names only a diplomatic form: a treaty, talks), else of its sentence, else of the sentences beside it; with no such word, `diplomatic` when a state, a known leader or official or an international body takes part, else `other`."),
            ("modality", "`actual`, `proposed`, `negated` or `hypothetical`."),
            ("participants", "Entity ids of the actors the cooperation links, joined with `; `."),
            ("participant_names", "Their canonical names, joined with `; `."),
            ("participants_from", "`sentence` when the sentence names the participants; `document` when it names fewer than two sides and the two states the document names most (each at least three times, the second at least 0.3 times as often as the first) complete them (\"defence cooperation arrangements will be reviewed\" in a partnership of two states)."),
            ("sentence", "The sentence, on one line."),
        ],
    },
    "dyads": {
        "about": "One row per cooperation mention and unordered pair of the actors it links (a mention of three actors gives three rows), so that a pivot table counts pairs directly.",
        "columns": [
            ("doc_id", "Document."),
            ("sentence_id", "Index of the sentence (as in `cooperation.csv`)."),
            ("start_char", "Offset of the cooperation trigger (with `doc_id`, the mention's row in `cooperation.csv`)."),
            ("actor_a_id", "Entity id of one actor of the pair (of the two, the one whose id sorts first)."),
            ("actor_a_name", "Its canonical name."),
            ("actor_a_country", "Its ISO3 country code (a leader's or official's state)."),
            ("actor_b_id", "Entity id of the other actor."),
            ("actor_b_name", "Its canonical name."),
            ("actor_b_country", "Its ISO3 country code."),
            ("pair", "Both names, `actor_a_name / actor_b_name`: one cell to pivot on."),
            ("domain", "Domains of the cooperation mention, joined with `; ` (as in `cooperation.csv`)."),
            ("modality", "`actual`, `proposed`, `negated` or `hypothetical`."),
            ("participants_from", "`sentence` or `document` (as in `cooperation.csv`)."),
            ("published", "Publication date of the document, ISO 8601 (empty when unknown)."),
        ],
    },
    "targets": {
        "about": "One row per document and state it discusses (named in two sentences or more, and always the main target), with the stance toward that state; only for documents that have a stance (none for those whose `stance_note` says why not).",
        "columns": [
            ("doc_id", "Document."),
            ("target_iso3", "ISO3 code of the state."),
            ("target_name", "Its name."),
            ("main", "`yes` for the document's main target (its stance is the document's), else `no`."),
            ("stance", "Stance toward this state: `engagement`, `pressure` or `neutral`; for other states, from the sentences that name them."),
            ("stance_confidence", "Probability of that stance (0-1)."),
            ("p_engagement", "Probability of `engagement`."),
            ("p_pressure", "Probability of `pressure`."),
            ("p_neutral", "Probability of `neutral`."),
            ("n_mentions", "Mentions of the state, its capital, demonym, leaders and officials."),
            ("n_sentences", "Sentences that name it."),
            ("evidence", "Up to three of those sentences that most support the stance, joined with ` | `."),
        ],
    },
    "sentences": {
        "about": "Written with `--sentences`: one row per sentence with its stance scores.",
        "columns": [
            ("doc_id", "Document."),
            ("sentence_id", "Index of the sentence."),
            ("start_char", "Offset of the sentence start."),
            ("end_char", "Offset just past the sentence end."),
            ("p_engagement", "Probability of `engagement` for this sentence alone."),
            ("p_pressure", "Probability of `pressure`."),
            ("p_neutral", "Probability of `neutral`."),
            ("sentence", "The sentence, on one line."),
        ],
    },
}


def columns(table: str) -> list[str]:
    """Column names of ``table`` in output order."""
    return [name for name, _ in TABLES[table]["columns"]]


def data_dictionary_markdown() -> str:
    """The README's data dictionary, generated from :data:`TABLES`."""
    parts = []
    for table, spec in TABLES.items():
        parts.append(f"### `{table}.csv`\n\n{spec['about']}\n\n| column | meaning |\n|---|---|")
        parts.extend(f"| `{name}` | {meaning} |" for name, meaning in spec["columns"])
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"
