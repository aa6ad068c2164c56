"""skim: a keyboard-driven terminal reader for articles."""

__version__ = "0.1.0"
