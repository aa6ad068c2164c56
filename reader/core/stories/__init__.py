"""Stories across sources: grouping coverage of one event, and comparing it.

Modules, each pure and unit-testable (no storage, no UI) except ``groups``:

- ``words``, ``fingerprint``, ``grouping`` — which articles report the same event (incremental,
  with an inverted index; the storage side is :mod:`reader.core.storage.stories`).
- ``groups`` — the library's glue: fingerprint new articles and file them in stories.
- ``compare`` — what each source of a story reports, built from ``coverage`` (which sources name
  which entities), ``values`` and ``figures`` (numbers read with their unit and what they count),
  ``matching`` (figures that agree, differ, or appear once) and the quotes of
  :mod:`reader.core.analysis.tone.quotes` (with speakers).
- ``serialize`` — the JSON forms (also of an article's tone); word lists in ``data/``.

Importing this package is cheap: nltk (for the Snowball stemmer) loads when grouping first runs.
"""
