"""File names and writes: slugs, atomic replacement, permissions, and the skim_id of a file."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from reader.core.export.files import MAX_SLUG, skim_id_of, slugify, write_atomic


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        (
            "Harbour Council Approves $12 Million Sea Wall!",
            "harbour-council-approves-12-million-sea-wall",
        ),
        ("Café Zürich: naïve résumé", "cafe-zurich-naive-resume"),
        ("  --Already--slugged--  ", "already-slugged"),
        ("東京 Tokyo 2025", "tokyo-2025"),
        ("東京", ""),
        ("", ""),
        ("CON", ""),  # Windows cannot create con.md
        ("a/b\\c:d*e?f", "a-b-c-d-e-f"),
    ],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_long_titles_are_cut_at_a_word_boundary() -> None:
    slug = slugify("word " * 40)
    assert len(slug) <= MAX_SLUG and not slug.endswith("-")
    assert slug == "-".join(["word"] * 16)
    unbroken = slugify("x" * 200)
    assert unbroken == "x" * MAX_SLUG


def test_write_atomic_replaces_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "note.md"
    write_atomic(target, b"first\n")
    os.chmod(target, 0o640)
    write_atomic(target, b"second\n")
    assert target.read_bytes() == b"second\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # an existing file keeps its permissions
    assert [p.name for p in tmp_path.iterdir()] == ["note.md"]


def test_new_files_get_the_usual_permissions(tmp_path: Path) -> None:
    umask = os.umask(0o022)
    try:
        write_atomic(tmp_path / "new.md", b"x")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "new.md").stat().st_mode) == 0o644


def test_a_failed_write_keeps_the_old_file_and_cleans_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "note.md"
    target.write_bytes(b"old\n")

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        write_atomic(target, b"new\n")
    assert target.read_bytes() == b"old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["note.md"]


def test_skim_id_of_reads_front_matter_only(tmp_path: Path) -> None:
    ours = tmp_path / "a.md"
    ours.write_text("---\ntitle: x\nskim_id: 12\n---\n\nbody\n", "utf-8")
    other = tmp_path / "b.md"
    other.write_text("# Notes\n\nskim_id: 12\n", "utf-8")
    assert skim_id_of(ours) == 12
    assert skim_id_of(other) is None
    assert skim_id_of(tmp_path / "missing.md") is None
