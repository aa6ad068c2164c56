"""What ``skim import-notes`` read and changed: the report and its messages."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class NotesMessage:
    """One line of an import's report; ``problem`` when something in a file was not imported."""

    text: str
    problem: bool


@dataclass(slots=True)
class NotesImportReport:
    """What ``import-notes`` read and changed."""

    files: int = 0
    articles: int = 0
    highlights: int = 0
    notes: int = 0
    tags: int = 0
    messages: list[NotesMessage] = field(default_factory=list)

    @property
    def problems(self) -> int:
        """How many messages report something that was not imported."""
        return sum(1 for m in self.messages if m.problem)

    def summary(self) -> str:
        """One line: what was read and what changed."""

        def n(count: int, noun: str) -> str:
            return f"{count} {noun}{'' if count == 1 else 's'}"

        return (
            f"{n(self.files, 'file')} ({n(self.articles, 'article')}): "
            f"updated {n(self.highlights, 'highlight')}, {n(self.notes, 'article note')}, "
            f"{n(self.tags, 'tag list')}; {n(self.problems, 'problem')}"
        )

    def _say(self, text: str, *, problem: bool = False) -> None:
        self.messages.append(NotesMessage(text, problem))
