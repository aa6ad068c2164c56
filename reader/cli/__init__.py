"""The ``skim`` command line: :mod:`reader.cli.main` parses and dispatches; each area module
(articles, listing, reading, notes, web, export, backup, stories) holds the options and the
handlers of its commands; :mod:`reader.cli.output` prints. The CLI is a client of ``reader.core``.
"""
