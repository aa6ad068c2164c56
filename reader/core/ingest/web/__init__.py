"""Articles from the web: fetch a page with limits (time, size, redirects) and extract its article.

:func:`fetch` is the one place skim talks HTTP; :func:`read_url` turns a page into an
:class:`~reader.core.models.ArticleDraft`. Both raise :class:`~reader.core.errors.IngestError` with a
one-line reason. A fetch has one deadline for all its steps (:mod:`reader.core.ingest.web.connection`),
and reaches a local or private address only when the user gave it (:mod:`reader.core.ingest.web.addresses`).
"""

from reader.core.ingest.web.addresses import describe
from reader.core.ingest.web.article import extract_article, read_url
from reader.core.ingest.web.fetch import Fetched, FetchLimits, fetch, is_web_address

__all__ = [
    "FetchLimits",
    "Fetched",
    "describe",
    "extract_article",
    "fetch",
    "is_web_address",
    "read_url",
]
