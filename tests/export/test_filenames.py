"""``--filename``: files named by a template, safe on every system, Unicode kept; old names kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.errors import UsageError
from reader.core.export.naming import sanitise_name
from reader.core.library import Library
from reader.core.models import ArticleDraft


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Harbour council: what it means?", "Harbour council what it means"),
        ("Привет, мир", "Привет, мир"),
        ("東京の新しい駅", "東京の新しい駅"),
        ("Cafe\u0301 Zu\u0308rich", "Café Zürich"),  # NFC, whatever the source sent
        ("CON", "CON_"),  # a name Windows reserves
        ("a/b\\c <d> |e| *f*", "abc d e f"),
        ("  trailing dots...  ", "trailing dots"),
        ("line\nbreak\ttab", "line break tab"),
        ("notes.md", "notes"),
        ("???", ""),
        ("..", ""),
        (".hidden", "hidden"),  # a dot first would hide the file
        ("\u202eevil\u200b", "evil"),  # no invisible format characters
        ("a\x1b[31mb", "a[31mb"),
    ],
)
def test_sanitise_name(text: str, name: str) -> None:
    assert sanitise_name(text) == name


def test_a_long_name_is_cut_between_characters() -> None:
    name = sanitise_name("e\u0301" * 100)
    assert len(name.encode()) <= 120 and name == "é" * len(name)
    assert len(sanitise_name("東" * 100).encode()) <= 120


def _add(library: Library, title: str) -> int:
    body = f"A body about {title.lower()} and the {len(library.articles.find())} before it."
    return library.articles.add(ArticleDraft(title=title, body=body)).article.id


def test_files_named_by_title_and_date(library: Library, tmp_path: Path) -> None:
    ids = [_add(library, t) for t in ("Sea wall: the vote", "SEA WALL the vote", "Ἀθῆναι")]
    report = library.exports.markdown(
        ids, out=tmp_path / "v", filename="{{title}} ({{added|date}})"
    )
    names = [f.path.name for f in report.files]
    # The second name differs only in case: on macOS and Windows it is the same file.
    assert names == [
        "Sea wall the vote (2025-03-20).md",
        f"SEA WALL the vote (2025-03-20)-{ids[1]}.md",
        "Ἀθῆναι (2025-03-20).md",
    ]
    assert all(f.path.is_file() for f in report.files)


def test_existing_files_keep_their_names_and_bytes(
    library: Library, seeded: list[int], tmp_path: Path
) -> None:
    first = library.exports.markdown(seeded, out=tmp_path / "v")
    again = library.exports.markdown(seeded, out=tmp_path / "v", filename="{{title}}")
    assert [f.path for f in again.files] == [f.path for f in first.files]
    assert again.count("unchanged") == len(seeded)
    _add(library, "A new one")
    newer = library.exports.markdown([seeded[0], 4], out=tmp_path / "v", filename="{{title}}")
    assert [f.path.name for f in newer.files] == [first.files[0].path.name, "A new one.md"]


def test_a_bad_filename_template_is_refused(
    library: Library, seeded: list[int], tmp_path: Path
) -> None:
    with pytest.raises(UsageError, match="unknown variable 'titel'"):
        library.exports.markdown(seeded, out=tmp_path / "v", filename="{{titel}}")
    assert not (tmp_path / "v").exists()
