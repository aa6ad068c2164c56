"""The Textual user interface of skim."""
