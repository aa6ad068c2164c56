"""File names and writes: slugs, atomic replacement, permissions, and the skim_id of a file."""

from __future__ import annotations

import dataclasses
import os
import re
import stat
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.core.export.files import (
    MAX_SLUG,
    MAX_SLUG_BYTES,
    skim_id_of,
    slugify,
    write_atomic,
)
from reader.core.export.naming import file_name
from tests.export.helpers import ARTICLE


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        (
            "Harbour Council Approves $12 Million Sea Wall!",
            "harbour-council-approves-12-million-sea-wall",
        ),
        ("Café Zürich: naïve résumé", "café-zürich-naïve-résumé"),
        ("  --Already--slugged--  ", "already-slugged"),
        ("Łódź", "łódź"),
        ("Привет, мир!", "привет-мир"),
        ("東京 Tokyo 2025", "東京-tokyo-2025"),
        ("東京の天気・今日", "東京の天気-今日"),
        ("नमस्ते दुनिया", "नमस्ते-दुनिया"),  # vowel signs are combining marks: kept
        ("Glasgow’s Starlight Hall", "glasgows-starlight-hall"),  # typographic quotes go
        (
            "co\u00adop — \uff41\uff42\uff43 ﬁne x²",
            "coop-abc-fine-x2",
        ),  # soft hyphen; presentation forms
        ("", ""),
        ("🎉🎉 🚀", ""),
        ('a<b>c:d"e/f\\g|h?i*j\x07k.', "a-b-c-d-e-f-g-h-i-j-k"),
        ("...hidden. ", "hidden"),
    ],
)
def test_slugify(title: str, slug: str) -> None:
    assert slugify(title) == slug


@pytest.mark.parametrize("title", ["CON", "nul", "Aux", "PRN", "com1", "LPT9", "com²", "Com0"])
def test_names_windows_reserves_get_a_suffix(title: str) -> None:
    slug = slugify(title)
    assert slug == unicodedata.normalize("NFKC", title).lower() + "_"


def test_a_title_with_no_letter_or_digit_names_the_file_after_the_article(tmp_path: Path) -> None:
    article = dataclasses.replace(ARTICLE, title="🎉🎉🎉")
    assert file_name(article, tmp_path, None, {}, set()) == f"article-{ARTICLE.id}.md"


def test_long_titles_in_any_script_are_capped_in_bytes() -> None:
    cyrillic = slugify("слово " * 40)
    assert len(cyrillic.encode()) <= MAX_SLUG_BYTES and not cyrillic.endswith("-")
    assert cyrillic == "-".join(["слово"] * 11)
    unbroken = slugify("я" * 200)
    assert unbroken == "я" * (MAX_SLUG_BYTES // 2)


def test_a_cut_never_separates_a_letter_from_its_marks() -> None:
    # "é" and a second acute accent: 4 bytes. After "a", the 120-byte cap falls between the é
    # and its accent; the cut moves back before the é.
    letter = "\u00e9\u0301"
    slug = slugify("a" + letter * 100)
    assert len(slug.encode()) <= MAX_SLUG_BYTES
    assert slug == "a" + letter * 29


def _ascii_slug_before(title: str) -> str:
    """The slug earlier skims gave an ASCII title (kept here to pin the names down)."""
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    if len(slug) > MAX_SLUG:
        cut = slug[: MAX_SLUG + 1]
        boundary = cut.rfind("-")
        slug = cut[:boundary] if boundary > MAX_SLUG // 2 else slug[:MAX_SLUG]
    slug = slug.strip("-")
    reserved = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10))}
    return "" if slug in reserved | {f"lpt{i}" for i in range(1, 10)} else slug


@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=200))
def test_ascii_titles_keep_the_names_earlier_skims_gave_them(title: str) -> None:
    before = _ascii_slug_before(title)
    assert slugify(title) == before or (before == "" and slugify(title).endswith("_"))


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
