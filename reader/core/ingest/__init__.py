"""Turn local files, directories and stdin bytes into :class:`~reader.core.models.ArticleDraft`.

Plain text, Markdown (with YAML front matter) and saved HTML pages are understood; see
:mod:`reader.core.ingest.reading` for the entry points.
"""

from reader.core.ingest.reading import SUPPORTED_SUFFIXES, iter_directory, read_bytes, read_path

__all__ = ["SUPPORTED_SUFFIXES", "iter_directory", "read_bytes", "read_path"]
