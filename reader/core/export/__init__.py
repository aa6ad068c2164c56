"""Markdown export of articles with the reader's highlights and notes, and reading notes back.

- ``templating`` — the small, safe template language (a Mustache subset, no code, no escaping);
  ``filters`` — its filters (``quote``, ``yaml``, ``date``, ``oneline``, ``logseq``).
- ``context`` — the variables a template sees, cleaned; ``aliases`` — Omnivore's and Readwise's
  names for them; ``tags`` — how a tag is written for Obsidian and Logseq; ``times`` — dates and
  times; ``links`` — uuids and text-fragment links; ``templates/`` — the built-in templates.
- ``render`` — :func:`render_markdown` (pure) and finding templates by name or path.
- ``files`` — slugs, atomic writes, hashes (what was written where: ``reader.core.records``).
- ``exporter`` — a whole export: edited-file protection, records; ``outcomes`` — its report;
  ``naming`` — file names (slugs, or a ``--filename`` template made safe).
- ``notes_parse``, ``notes_logseq`` and ``notes_import`` (``notes_report``) — ``skim
  import-notes``: edited notes and tags back in, from Markdown files and Logseq pages;
  ``logseq`` — the outline shape both sides share.

Nothing here imports the UI; YAML is imported only when a file is rendered or read. This file
imports nothing, so that importing one module does not load the rest: import what you need from
the modules (``from reader.core.export.render import render_markdown``).
"""
