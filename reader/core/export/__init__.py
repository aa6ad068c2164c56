"""Markdown export of articles with the reader's highlights and notes, and reading notes back.

- ``templating`` — the small, safe template language (a Mustache subset, no code, no escaping).
- ``context`` — the variables a template sees, cleaned; ``templates/`` — the built-in templates.
- ``render`` — :func:`render_markdown` (pure) and finding templates by name or path.
- ``files`` — slugs, atomic writes, hashes (what was written where: ``reader.core.records``).
- ``exporter`` — a whole export: edited-file protection, records; ``naming`` — file names.
- ``notes_parse`` and ``notes_import`` — ``skim import-notes``: edited notes and tags back in.

Nothing here imports the UI; YAML is imported only when a file is rendered or read. This file
imports nothing, so that importing one module does not load the rest: import what you need from
the modules (``from reader.core.export.render import render_markdown``).
"""
