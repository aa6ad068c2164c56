"""A story comparison as lines of :class:`~textual.content.Content` for the Story screen.

Every piece of article text (titles, sources, highlights, figures, names, quotes) goes in as plain
text, never as markup, so ``[brackets]`` in an article show as written.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from textual.content import Content

if TYPE_CHECKING:
    from reader.core import Comparison, Figure, FigureGroup, SourceSummary

Kind = Literal["heading", "source", "item", "none"]


@dataclass(frozen=True, slots=True)
class Line:
    """One block of the comparison; ``kind`` is its CSS class (indentation and colour)."""

    kind: Kind
    content: Content

    @property
    def plain(self) -> str:
        """The text without styles (for tests and searching)."""
        return self.content.plain


def source_name(source: SourceSummary) -> str:
    """What a source is called: its publisher, else its title."""
    return source.source or source.title


def figure_text(figure: Figure) -> str:
    """A figure as written, with its value when the words hide it ("Fourteen [14]")."""
    text = figure.span.text
    value = figure.value
    if value is not None and not any(ch.isdigit() for ch in text) and value == int(value):
        return f"{text} [{int(value)}]"
    return text


def differing_line(group: FigureGroup, names: dict[int, str]) -> str:
    """``people injured: Fourteen [14] (The Harbour Times) vs 17 (Baltic Wire Service)``."""
    about = group.about or group.figures[0].span.label.lower()
    values = " vs ".join(f"{figure_text(f)} ({names[f.article_id]})" for f in group.figures)
    return f"{about}: {values}"


def comparison_lines(comparison: Comparison) -> list[Line]:
    """The whole comparison: highlights per source, figures, names and quotes."""
    return list(_lines(comparison))


def _heading(text: str) -> Line:
    return Line("heading", Content.assemble((text, "bold")))


def _source(number: int, name: str) -> Line:
    return Line("source", Content.assemble((f"[{number}] ", "bold"), (name, "bold")))


def _item(text: str) -> Line:
    return Line("item", Content.assemble("• ", text))


def _none() -> Line:
    return Line("none", Content("(none)"))


def _publisher_lines(source: SourceSummary) -> Iterator[Line]:
    """The outlet's own summary bullets and tone label, set apart from skim's highlights."""
    if not (source.publisher_summary or source.publisher_tone):
        return
    tone = f" (its tone: {source.publisher_tone})" if source.publisher_tone else ""
    yield Line("item", Content.assemble((f"The publisher's highlights{tone}", "italic")))
    yield from (Line("item", Content.assemble("◦ ", h)) for h in source.publisher_summary)


def _lines(c: Comparison) -> Iterator[Line]:
    names = {s.article_id: source_name(s) for s in c.sources}
    numbered = list(enumerate(c.sources, start=1))
    yield _heading("Highlights")
    for number, s in numbered:
        yield _source(number, names[s.article_id])
        yield from (_item(h) for h in s.highlights) if s.highlights else [_none()]
        yield from _publisher_lines(s)

    yield _heading("Figures that differ")
    differing = c.differing_figures()
    yield from (_item(differing_line(g, names)) for g in differing) if differing else [_none()]

    yield _heading("Figures that agree")
    agreed = c.agreed_figures()
    for group in agreed:
        about = group.about or group.figures[0].span.label.lower()
        yield _item(f"{about}: " + " / ".join(figure_text(f) for f in group.figures))
    if not agreed:
        yield _none()

    yield _heading("Figures in one source only")
    for number, s in numbered:
        own = [
            figure_text(g.figures[0])
            for g in c.single_source_figures()
            if g.article_ids == (s.article_id,)
        ]
        yield _source(number, names[s.article_id])
        yield _item(", ".join(own)) if own else _none()

    yield _heading("Named in every source")
    shared = [e.name for e in c.shared_entities()]
    yield _item(", ".join(shared)) if shared else _none()

    yield _heading("Named in some sources only")
    for number, s in numbered:
        partial = [e.name for e in c.partial_entities() if s.article_id in e.article_ids]
        yield _source(number, names[s.article_id])
        yield _item(", ".join(partial)) if partial else _none()

    yield _heading("Quotes")
    for number, s in numbered:
        yield _source(number, names[s.article_id])
        quotes = c.quotes_of(s.article_id)
        for quote in quotes:
            who = quote.speaker or "unattributed"
            yield Line("item", Content.assemble((f"{who}: ", "italic"), f"“{quote.text}”"))
        if not quotes:
            yield _none()
