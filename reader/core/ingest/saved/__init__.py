"""Articles from other tools: Pocket and Instapaper exports (links fetched from the web).

A folder of Markdown files with front matter (Obsidian, Logseq, a notes repository) needs no importer
of its own: ``skim add FOLDER`` reads it, and duplicates are recognised by URL and by text.
"""

from reader.core.ingest.saved.links import TOOLS, SavedLink, read_saved_links

__all__ = ["TOOLS", "SavedLink", "read_saved_links"]
